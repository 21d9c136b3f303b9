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
	UnknownLang  string // "--lang: unknown language %q: use %s" (the tags, joined with Or)
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
	NoMatch          string // "no match for %q in %s" (the language's name)
	NoMatchAnyLang   string // "no match for %q in any language"
	NoMatchWords     string // "no match for: %s": the words of a query that matched nothing, comma-separated
	SearchDidYouMean string // "did you mean: %s"
	Or               string // "or", between the last two of a list ("en or it")

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
	LintOK          string // "ok: %s, no problems": the pages counted, LintPages then LintPagesMore for each language
	LintPages       string // "%d pages in %s" (count, language's name)
	LintPagesMore   string // "%d in %s"
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

// CLI returns the command line's messages in a language (the default language's
// for one without a catalog): a copy, so nothing a caller does changes them.
func CLI(lang string) CLIStrings { return Of(lang).CLI }
