package i18n

// ---- The line mode for screen readers (cyberdiplo --accessible) -------------------
//
// What the line mode says, kept in this file, apart from the reader's strings, so
// that changes to either merge cleanly. Reach them with Line(lang); a LineStrings
// is a plain value, so what a caller reads is its own copy.
//
// Everything here is read aloud by a screen reader: plain words, no symbols that a
// synthesizer spells out ("›", "·"), one idea a line.

// LineStrings are the words of the line mode in one language.
type LineStrings struct {
	Welcome     string // the first line
	Pages       string // title of the numbered list of pages
	PageItem    string // "%d. %s (%s)": number, title, id
	Prompt      string // written before each command is read
	Position    string // "%s, section %d of %d.": page tab, section, sections
	EndOfPage   string // "%s, section %d of %d, end of the page."
	FirstOne    string // p on the first section
	LastOne     string // n on the last section
	NoPage      string // n, p, r, a, o, l before a page is open
	Outline     string // "Sections of %s:" (page title)
	OutlineItem string // "%d. %s" (section number, its headings)
	Results     string // "%d results for %s:" (count, quoted query)
	OneResult   string // "1 result for %s:"
	More        string // more results than shown: how to list them
	NoMore      string // + with no more results to list
	NoMatch     string // "No match for %s." (quoted query)
	OtherLang   string // after a result found in the other language's text
	SearchHow   string // "/" alone
	NotAPage    string // "No page is called %s; searching for it." (quoted)
	PageMeant   string // "Did you mean the page %s? Type it to open it." (after NotAPage, a page close to what was typed)
	WordsMeant  string // "Did you mean: %s?" (after NoMatch, the query with its unmatched words corrected)
	NoAnchor    string // "%s has no section %s: it opens at its start; o lists its sections." (page, quoted anchor)
	NoList      string // a number with no numbered list on screen
	OutOfRange  string // "There is no %d here: pick a number from 1 to %d."
	External    string // "Link %d leads outside the briefing: %s"
	BadLink     string // "Link %d leads to a page this briefing lacks: %s"
	NoOther     string // "This page has no %s version." (language name)
	Language    string // after l: the new language, in itself
	NoBack      string // b with nothing to go back to
	TooLong     string // "That line was longer than %d bytes: it was ignored."
	Unknown     string // "%s is not a command: type ? for the list." (quoted)
	Sources     string // "Sources: %s." (the sources and their years)
	NoSources   string // the section names no sources
	Bye         string
	Help        string // the help, one command a line
}

var lineEnglish = LineStrings{
	Welcome:     "cyberdiplo, line mode: plain text, one command a line. Type ? for help, q to quit.",
	Pages:       "Pages:",
	PageItem:    "%d. %s (%s)",
	Prompt:      "Command: ",
	Position:    "%s, section %d of %d.",
	EndOfPage:   "%s, section %d of %d, end of the page.",
	FirstOne:    "This is the first section of the page.",
	LastOne:     "This is the last section of the page.",
	NoPage:      "No page is open: type a page number from the list, or m for the list.",
	Outline:     "Sections of %s:",
	OutlineItem: "%d. %s",
	Results:     "%d results for %s:",
	OneResult:   "1 result for %s:",
	More:        "There are more results: type + for the next ones.",
	NoMore:      "There are no more results.",
	NoMatch:     "No match for %s.",
	OtherLang:   "(found in the Italian text)",
	SearchHow:   "Type words after the slash, for example /oewg.",
	NotAPage:    "No page is called %s; searching for it.",
	PageMeant:   "Did you mean the page %s? Type it to open it.",
	WordsMeant:  "Did you mean: %s?",
	NoAnchor:    "%s has no section %s: it opens at its start; o lists its sections.",
	NoList:      "There is no numbered list to pick from: type m for the pages.",
	OutOfRange:  "There is no %d here: pick a number from 1 to %d.",
	External:    "Link %d leads outside the briefing: %s",
	BadLink:     "Link %d leads to a page this briefing lacks: %s",
	NoOther:     "This page has no %s version.",
	Language:    "Language: English.",
	NoBack:      "There is nothing to go back to.",
	TooLong:     "That line was longer than %d bytes: it was ignored.",
	Unknown:     "%s is not a command: type ? for the list.",
	Sources:     "Sources: %s.",
	NoSources:   "This section names no sources.",
	Bye:         "Goodbye.",
	Help: "Commands, one a line, then Enter:\n" +
		"a number: pick from the last numbered list (pages, search results, sections) or follow the link with that number, written [3] in the text.\n" +
		"a page name, such as un or glossary: open that page.\n" +
		"Enter, or n: next section. p: previous section.\n" +
		"r: read the section again. a: read the rest of the page.\n" +
		"o: the sections of the page. m: the list of pages.\n" +
		"/ and words, such as /oewg: search every page. +: the next results.\n" +
		"c: the citation of the section, with its sources and their years. copy: the section with its citation, to copy.\n" +
		"b: back to where you were, or to the results. l: the same section in Italian.\n" +
		"?: this help. q: quit.",
}

var lineItalian = LineStrings{
	Welcome:     "cyberdiplo, modalità a righe: testo semplice, un comando per riga. Scrivi ? per l'aiuto, q per uscire.",
	Pages:       "Pagine:",
	PageItem:    "%d. %s (%s)",
	Prompt:      "Comando: ",
	Position:    "%s, sezione %d di %d.",
	EndOfPage:   "%s, sezione %d di %d, fine della pagina.",
	FirstOne:    "Questa è la prima sezione della pagina.",
	LastOne:     "Questa è l'ultima sezione della pagina.",
	NoPage:      "Nessuna pagina aperta: scrivi il numero di una pagina dell'elenco, o m per l'elenco.",
	Outline:     "Sezioni della pagina %s:",
	OutlineItem: "%d. %s",
	Results:     "%d risultati per %s:",
	OneResult:   "1 risultato per %s:",
	More:        "Ci sono altri risultati: scrivi + per i successivi.",
	NoMore:      "Non ci sono altri risultati.",
	NoMatch:     "Nessun risultato per %s.",
	OtherLang:   "(trovato nel testo inglese)",
	SearchHow:   "Scrivi le parole dopo la barra, per esempio /oewg.",
	NotAPage:    "Nessuna pagina si chiama %s; la cerco.",
	PageMeant:   "Forse intendevi la pagina %s? Scrivila per aprirla.",
	WordsMeant:  "Forse intendevi: %s?",
	NoAnchor:    "%s non ha la sezione %s: si apre dall'inizio; o ne elenca le sezioni.",
	NoList:      "Non c'è un elenco numerato da cui scegliere: scrivi m per le pagine.",
	OutOfRange:  "Il numero %d non è nell'elenco: scegli un numero da 1 a %d.",
	External:    "Il collegamento %d porta fuori dal documento: %s",
	BadLink:     "Il collegamento %d porta a una pagina che manca: %s",
	NoOther:     "Questa pagina non ha una versione in %s.",
	Language:    "Lingua: italiano.",
	NoBack:      "Non c'è nulla a cui tornare.",
	TooLong:     "La riga superava %d byte: è stata ignorata.",
	Unknown:     "%s non è un comando: scrivi ? per l'elenco.",
	Sources:     "Fonti: %s.",
	NoSources:   "Questa sezione non indica fonti.",
	Bye:         "Arrivederci.",
	Help: "Comandi, uno per riga, poi Invio:\n" +
		"un numero: sceglie dall'ultimo elenco numerato (pagine, risultati, sezioni) o segue il collegamento con quel numero, scritto [3] nel testo.\n" +
		"il nome di una pagina, come onu o glossario: apre quella pagina.\n" +
		"Invio, o n: sezione successiva. p: sezione precedente.\n" +
		"r: rilegge la sezione. a: legge il resto della pagina.\n" +
		"o: le sezioni della pagina. m: l'elenco delle pagine.\n" +
		"/ e parole, come /oewg: cerca in tutte le pagine. +: i risultati successivi.\n" +
		"c: la citazione della sezione, con le fonti e i loro anni. copia: la sezione con la sua citazione, da copiare.\n" +
		"b: torna dov'eri, o ai risultati. l: la stessa sezione in inglese.\n" +
		"?: questo aiuto. q: esci.",
}

// Line returns the line mode's words in a language (English for anything but "it").
func Line(lang string) LineStrings {
	if lang == "it" {
		return lineItalian
	}
	return lineEnglish
}

// LanguageName is the name of a language of the briefing, in the language
// "in": LanguageName("it", "en") is "Italian".
func LanguageName(lang, in string) string {
	switch {
	case lang == "it" && in == "it":
		return "italiano"
	case lang == "it":
		return "Italian"
	case in == "it":
		return "inglese"
	}
	return "English"
}
