package i18n

// ---- The command line (cyberdiplo show, list, search, lint, --help) --------------
//
// What the command line prints besides the pages: its errors, its no-match lines
// and the words of --help, kept in this file apart from the reader's strings.
// Reach them with CLI(lang), a copy. The help of each command and flag is written in
// English where the command is defined; its Italian is in clihelp.go.

// CLIStrings are the command line's messages in one language.
type CLIStrings struct {
	// --help
	Usage, Commands, Flags, GlobalFlags, Examples string // section titles
	FlagsWord                                     string // "[flags]" in a usage line
	CommandWord                                   string // "COMMAND" in a usage line
	Default                                       string // "(default %s)"
	HelpFor                                       string // "help for %s" (the -h flag)
	VersionFor                                    string // "version for %s" (the -v flag)
	MoreHelp                                      string // "%s COMMAND --help tells more about a command."

	// Pages and content
	UnknownPage  string // "unknown page %q: use one of %s"
	DidYouMean   string // " (the command %s?)", after UnknownPage
	NoVersion    string // "page %q has no %s version in %s" (id, language name, content)
	Embedded     string // "the embedded content"
	ContentRead  string // "cannot read content from %s: %v"
	ContentDir   string // "--content %s: not a directory (it should hold en/ and it/)"
	UnknownLang  string // "--lang: unknown language %q: use en or it"
	UnknownStyle string // "--style: unknown style %q: use auto, dark, light or ascii"
	NeedTerminal string // the reader without a terminal
	Restricted   string // the kiosk's command line: what it runs

	// Suggestions for a misspelt page or command (suggest.go)
	DidYouMeanPage string // " (did you mean %s?)", after UnknownPage: a page close to what was typed
	NotACommand    string // "%q is neither a page nor a command: did you mean %s?"

	// show
	ShowNeedsPage string // "show needs at least one page: ..."
	UnknownFormat string // "--format: unknown format %q: use ansi, plain or markdown"
	BadWidth      string // "--width %d: use a number of columns from 20 to 1000"
	RenderFailed  string // "rendering %s: %v"
	AnchorMissing string // "%s#: an anchor is missing after #: ..." (page, page)
	UnknownAnchor string // "page %q (%s) has no heading with anchor %q: ..." (page, language, anchor, page)
	AnchorTooLong string // "%s#...: the anchor is %d bytes long (at most %d): ..." (page, n, max, page)
	TermsAlone    string // --terms with another page than the glossary
	TermsCombined string // --terms with --cite or --anchors
	NoTermBase    string // "this content has no term base (%s)"

	// search
	SearchNeedsQuery string // "search needs a query: ..."
	BadLimit         string // "--limit %d: use a number of matches from 1 (default %d)"
	NoMatch          string // "no match for %q in %s" (a language: LangEnglish, LangItalian)
	NoMatchAnyLang   string // "no match for %q in any language"
	NoMatchWords     string // "no match for: %s": the words of a query that matched nothing, comma-separated
	SearchDidYouMean string // "did you mean: %s"
	LangEnglish      string // "English", as NoMatch names it
	LangItalian      string // "Italian"

	// serve
	ServeOneOrMore string // "%s %d: use 1 or more" (flag, value)
	ServeDuration  string // "%s %s: use a duration of 0 (never) or more, such as %s"
	ServeRate      string // "--rate %g: use connections per second, 0 (no limit) or more"
	ServeLogFormat string // "--log-format %q: use text or json"
	HostKeyNoDir   string // "--host-key %s: the directory %s does not exist: ..." (path, directory)

	// lint
	LintNotDir      string // "lint %s: not a directory (it should hold en/ and it/)"
	LintMissing     string // "lint %s: no such directory: give a directory with en/ and it/"
	MissingDir      string // "--content %s: no such directory: ..."
	CompletionShell string // "completion has no shell %q: use one of %s"
	LintProblems    Plural // "%d problems in %s"
	LintOK          string // "ok: %d pages in English, %d in Italian, no problems"
	LintWarnings    string // "%d warning(s) in %s (they do not fail the content)"
	LintSeedsNotDir string // "--seeds %s: not a directory (it should hold the source pages as *.txt)"

	// Flags and arguments (in place of the parser's own words)
	UnknownFlag      string // "unknown flag: %s (see %s --help)"
	FlagNeedsValue   string // "%s needs a value (see %s --help)"
	FlagNotNumber    string // "%s needs a whole number, not %q (see %s --help)"
	FlagNotDecimal   string // "%s needs a number such as 2 or 0.5, not %q (see %s --help)"
	FlagNotBool      string // "%s is true or false, not %q (see %s --help)"
	FlagNotDuration  string // "%s needs a duration such as 90s, 10m or 1h, not %q (see %s --help)"
	FlagBadValue     string // "%s: %q is not a valid value (see %s --help)"
	BadFlagSyntax    string // "%s is not a flag (flags are --name or -n; see %s --help)"
	OnePage          string // "one page at a time, and %d were given (%s): to print them all use cyberdiplo show %s"
	TooManyArgs      string // "%s takes one argument at most, not %d (%s; see %s --help)"
	NoArgs           string // "%s takes no arguments, and was given %q (see %s --help)"
	UnknownCommand   string // "%s has no command %q: use one of %s"
	UnknownHelpTopic string // "there is no command %q to explain: use one of %s"
}

var cliEnglish = CLIStrings{
	Usage: "Usage", Commands: "Commands", Flags: "Flags", GlobalFlags: "Global flags", Examples: "Examples",
	FlagsWord: "[flags]", CommandWord: "COMMAND", Default: "(default %s)",
	HelpFor: "help for %s", VersionFor: "version for %s",
	MoreHelp: "%s COMMAND --help tells more about a command.",

	UnknownPage:  "unknown page %q: use one of %s",
	DidYouMean:   " (or did you mean the command %s?)",
	NoVersion:    "page %q has no %s version (%s)",
	Embedded:     "the embedded content",
	ContentRead:  "cannot read content from %s: %v",
	ContentDir:   "--content %s: not a directory (it should hold en/ and it/)",
	UnknownLang:  "--lang: unknown language %q: use en or it",
	UnknownStyle: "--style: unknown style %q: use auto, dark, light or ascii",
	NeedTerminal: "the reader needs a terminal: to print a page use cyberdiplo show PAGE, to read line by line cyberdiplo --accessible",
	Restricted:   "only these commands are available here: list, show, search (for example: show un --lang it)",

	DidYouMeanPage: " (did you mean %s?)",
	NotACommand:    "%q is neither a page nor a command: did you mean %s?",

	ShowNeedsPage: "show needs at least one page: for example cyberdiplo show un (cyberdiplo list shows them all)",
	UnknownFormat: "--format: unknown format %q: use ansi, plain, markdown or json",
	BadWidth:      "--width %d: use a number of columns from 20 to 1000",
	RenderFailed:  "rendering %s: %v",
	AnchorMissing: "%s#: an anchor is missing after #: cyberdiplo show %s --anchors lists them",
	UnknownAnchor: "page %q (%s) has no heading with anchor %q: cyberdiplo show %s --anchors lists them",
	AnchorTooLong: "%s#...: the anchor is %d bytes long (at most %d): cyberdiplo show %s --anchors lists them",
	TermsAlone:    "--terms prints the term base: use it with the glossary alone (cyberdiplo show glossary --terms)",
	TermsCombined: "--terms prints the term base: it does not go with --cite or --anchors",
	NoTermBase:    "this content has no term base (%s)",

	SearchNeedsQuery: "search needs a query: for example cyberdiplo search oewg",
	BadLimit:         "--limit %d: use a number of matches from 1 (default %d)",
	NoMatch:          "no match for %q in %s",
	NoMatchAnyLang:   "no match for %q in any language",
	NoMatchWords:     "no match for: %s",
	SearchDidYouMean: "did you mean: %s",
	LangEnglish:      "English",
	LangItalian:      "Italian",

	ServeOneOrMore: "%s %d: use 1 or more",
	ServeDuration:  "%s %s: use a duration of 0 (never) or more, such as %s",
	ServeRate:      "--rate %g: use connections per second, 0 (no limit) or more",
	ServeLogFormat: "--log-format %q: use text or json",
	HostKeyNoDir:   "--host-key %s: there is no key there and the directory %s does not exist: fix the path, or create the directory to make a new key in it",

	LintNotDir:      "lint %s: not a directory (it should hold en/ and it/)",
	LintMissing:     "lint %s: there is no such directory: give one that holds en/ and it/ (or nothing, for the embedded content)",
	MissingDir:      "--content %s: there is no such directory: give one that holds en/ and it/",
	CompletionShell: "completion has no shell %q: use one of %s (cyberdiplo completion SHELL --help tells how to load it)",
	LintProblems:    Plural{"%d problem in %s", "%d problems in %s"},
	LintOK:          "ok: %d pages in English, %d in Italian, no problems",
	LintWarnings:    "%d warning(s) in %s (they do not fail the content)",
	LintSeedsNotDir: "--seeds %s: not a directory (it should hold the source pages as *.txt)",

	UnknownFlag:      "unknown flag: %s (see %s --help)",
	FlagNeedsValue:   "%s needs a value (see %s --help)",
	FlagNotNumber:    "%s needs a whole number, not %q (see %s --help)",
	FlagNotDecimal:   "%s needs a number such as 2 or 0.5, not %q (see %s --help)",
	FlagNotBool:      "%s is true or false, not %q (see %s --help)",
	FlagNotDuration:  "%s needs a duration such as 90s, 10m or 1h, not %q (see %s --help)",
	FlagBadValue:     "%s: %q is not a valid value (see %s --help)",
	BadFlagSyntax:    "%s is not a flag: flags are written --name or -n (see %s --help)",
	OnePage:          "the reader opens one page at a time, and %d were given (%s): to print them all use cyberdiplo show %s",
	TooManyArgs:      "%s takes one argument at most, not %d (%s; see %s --help)",
	NoArgs:           "%s takes no arguments, and was given %q (see %s --help)",
	UnknownCommand:   "%s has no command %q: use one of %s",
	UnknownHelpTopic: "there is no command %q to explain: use one of %s",
}

var cliItalian = CLIStrings{
	Usage: "Uso", Commands: "Comandi", Flags: "Opzioni", GlobalFlags: "Opzioni globali", Examples: "Esempi",
	FlagsWord: "[opzioni]", CommandWord: "COMANDO", Default: "(predefinito %s)",
	HelpFor: "aiuto per %s", VersionFor: "versione di %s",
	MoreHelp: "%s COMANDO --help spiega un comando.",

	UnknownPage:  "pagina sconosciuta %q: usa una di queste: %s",
	DidYouMean:   " (o intendevi il comando %s?)",
	NoVersion:    "la pagina %q non ha la versione in %s (%s)",
	Embedded:     "il contenuto incorporato",
	ContentRead:  "impossibile leggere il contenuto da %s: %v",
	ContentDir:   "--content %s: non è una cartella (deve contenere en/ e it/)",
	UnknownLang:  "--lang: lingua sconosciuta %q: usa en o it",
	UnknownStyle: "--style: stile sconosciuto %q: usa auto, dark, light o ascii",
	NeedTerminal: "il lettore richiede un terminale: per stampare una pagina usa cyberdiplo show PAGINA, per leggere a righe cyberdiplo --accessible",
	Restricted:   "qui sono disponibili solo questi comandi: list, show, search (per esempio: show onu --lang it)",

	DidYouMeanPage: " (forse intendevi %s?)",
	NotACommand:    "%q non è né una pagina né un comando: forse intendevi %s?",

	ShowNeedsPage: "show richiede almeno una pagina: per esempio cyberdiplo show onu (cyberdiplo list le elenca tutte)",
	UnknownFormat: "--format: formato sconosciuto %q: usa ansi, plain, markdown o json",
	BadWidth:      "--width %d: usa un numero di colonne da 20 a 1000",
	RenderFailed:  "impaginazione di %s: %v",
	AnchorMissing: "%s#: manca l'ancora dopo #: cyberdiplo show %s --anchors le elenca",
	UnknownAnchor: "la pagina %q (%s) non ha un titolo con l'ancora %q: cyberdiplo show %s --anchors le elenca",
	AnchorTooLong: "%s#...: l'ancora è lunga %d byte (al massimo %d): cyberdiplo show %s --anchors le elenca",
	TermsAlone:    "--terms stampa la base terminologica: usalo con il solo glossario (cyberdiplo show glossario --terms)",
	TermsCombined: "--terms stampa la base terminologica: non si combina con --cite né con --anchors",
	NoTermBase:    "questo contenuto non ha una base terminologica (%s)",

	SearchNeedsQuery: "search richiede delle parole da cercare: per esempio cyberdiplo search oewg",
	BadLimit:         "--limit %d: usa un numero di risultati da 1 in su (predefinito %d)",
	NoMatch:          "nessun risultato per %q in %s",
	NoMatchAnyLang:   "nessun risultato per %q in nessuna lingua",
	NoMatchWords:     "nessun risultato per: %s",
	SearchDidYouMean: "forse cercavi: %s",
	LangEnglish:      "inglese",
	LangItalian:      "italiano",

	ServeOneOrMore: "%s %d: usa 1 o più",
	ServeDuration:  "%s %s: usa una durata di 0 (mai) o più, come %s",
	ServeRate:      "--rate %g: usa le connessioni al secondo, 0 (nessun limite) o più",
	ServeLogFormat: "--log-format %q: usa text o json",
	HostKeyNoDir:   "--host-key %s: lì non c'è una chiave e la cartella %s non esiste: correggi il percorso, o crea la cartella per farvi una chiave nuova",

	LintNotDir:      "lint %s: non è una cartella (deve contenere en/ e it/)",
	LintMissing:     "lint %s: la cartella non esiste: indicane una che contenga en/ e it/ (o nessuna, per il contenuto incorporato)",
	MissingDir:      "--content %s: la cartella non esiste: indicane una che contenga en/ e it/",
	CompletionShell: "completion non ha la shell %q: usa una di queste: %s (cyberdiplo completion SHELL --help spiega come caricarla)",
	LintProblems:    Plural{"%d problema in %s", "%d problemi in %s"},
	LintOK:          "ok: %d pagine in inglese, %d in italiano, nessun problema",
	LintWarnings:    "%d avvisi in %s (non fanno fallire il contenuto)",
	LintSeedsNotDir: "--seeds %s: non è una cartella (deve contenere le pagine di origine come *.txt)",

	UnknownFlag:      "opzione sconosciuta: %s (vedi %s --help)",
	FlagNeedsValue:   "%s richiede un valore (vedi %s --help)",
	FlagNotNumber:    "%s richiede un numero intero, non %q (vedi %s --help)",
	FlagNotDecimal:   "%s richiede un numero come 2 o 0.5, non %q (vedi %s --help)",
	FlagNotBool:      "%s vale true o false, non %q (vedi %s --help)",
	FlagNotDuration:  "%s richiede una durata come 90s, 10m o 1h, non %q (vedi %s --help)",
	FlagBadValue:     "%s: %q non è un valore valido (vedi %s --help)",
	BadFlagSyntax:    "%s non è un'opzione: le opzioni si scrivono --nome o -n (vedi %s --help)",
	OnePage:          "il lettore apre una pagina alla volta, e ne ha ricevute %d (%s): per stamparle tutte usa cyberdiplo show %s",
	TooManyArgs:      "%s accetta al massimo un argomento, non %d (%s; vedi %s --help)",
	NoArgs:           "%s non accetta argomenti, e ha ricevuto %q (vedi %s --help)",
	UnknownCommand:   "%s non ha il comando %q: usa uno di questi: %s",
	UnknownHelpTopic: "non c'è un comando %q da spiegare: usa uno di questi: %s",
}

// CLI returns the command line's messages in a language (English for anything but
// "it"): a copy, so nothing a caller does changes them.
func CLI(lang string) CLIStrings {
	if lang == "it" {
		return cliItalian
	}
	return cliEnglish
}
