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
	OtherLang   string // "(found in the %s text)": after a result found in another language (its name)
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
	// The command words of the language (those of every language are accepted,
	// besides the symbols q, ?, h and +).
	CmdQuit, CmdHelp, CmdCopy, CmdMore string
}

// Line returns the line mode's words in a language (the default language's for
// one without a catalog).
func Line(lang string) LineStrings { return Of(lang).Line }
