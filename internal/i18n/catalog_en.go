package i18n

var english = Strings{
	Lang: "EN", Top: "top", End: "end", Help: "? help",
	HelpTitle: "Keys", HelpClose: "q, Esc or ? closes this help", HelpMore: "↓ more",
	Loading:     "Rendering…",
	TooSmall:    "Window too small",
	RenderError: "Could not render this page: %v",
	KeyTabs:     "previous / next tab", KeyTabN: "go to tab n",
	KeyLine: "line down / up", KeyPage: "page down / up", KeyHalf: "half page down / up",
	KeyTopEnd: "top / end", KeyLang: "switch English / Italian",
	KeyHelp: "show / hide this help (h as in less; ← → change tab)",
	KeyQuit: "quit", KeySearch: "search everything", KeyNextMatch: "next / previous match",
	KeyOutline: "outline of the page", KeyLinks: "next / previous link", KeyFollow: "follow the selected link",
	KeyBack: "back to where you were", KeyMouse: "The wheel scrolls; a click opens a tab or a link.",
	KeyClose:     "close, clear the marks",
	SearchPrompt: "Search: ", SearchNoHits: "No match", SearchHint: "↑/↓ pick · Enter open · Esc cancel",
	SearchCount: "%d results", SearchOne: "1 result", Unmatched: "no match for: %s",
	Match: "match %d of %d", Matches: Plural{"%d match", "%d matches"}, NoMatches: "no match on this page",
	OutlineTitle: "Outline", OutlineHint: "↑/↓ pick · Enter jump · / filter · c copy · Esc close",
	LinkTo: "→ %s", NoLinks: "no link on screen", NoMoreLinks: "no further link",
	NoLink:       "no link selected: ] or Tab selects one",
	HistoryEmpty: "nothing to go back to",

	Tools: toolsEnglish,

	// ---- The SSH kiosk ----
	Kiosk: kioskEnglish,
}

var toolsEnglish = ToolStrings{
	KeyCopy:     "copy the passage you are reading, with its citation",
	KeyCopyList: "copy the selected section (search, outline)",
	Copied:      "%s, %d characters: sent to the clipboard (OSC 52)",
	NothingCopy: "nothing to copy here",
	KeySide:     "both languages side by side",
	SideOn:      "side by side: s to leave, L swaps the columns",
	SideNarrow:  "the other language under the text (two columns from 120 columns wide)",
	SideOff:     "one language",
	NoSearch:    "no search yet: / searches, then n and N step through the matches",
	DidYouMean:  "did you mean: %s?",
	SideLeave:   "s to leave",

	KeysSearch: "In the search box", KeysOutline: "In the outline",
	KeyPick: "previous / next", KeyOpen: "open the result", KeyJump: "jump to the section",
	KeyCancel: "cancel", KeyFirstLast: "first / last entry",
	KeyFilter: "filter: what you type narrows the list", KeyClearFilter: "clear the filter (while filtering)",
	KeyCloseOutline: "close the outline", KeyQuitColon: "quit (as :q in less)",
}

var kioskEnglish = KioskStrings{
	Busy:    "The kiosk is busy: please try again in a minute.",
	Closing: "The kiosk is closing. Goodbye.",
	Idle:    "Idle for %s: goodbye.",
	Max:     "Session time limit reached: goodbye.",
	Sorry:   "Sorry, something went wrong: this session is closed.",
	Note: "cyberdiplo: a briefing on Italy's cyber diplomacy, in English and Italian.\n" +
		"The reader needs a terminal: connect with  ssh -t -p %s HOST  (user it@ for Italian).\n" +
		"Or run a command:  ssh -p %s HOST show un   (also: list, search WORDS).\n" +
		"\n" +
		"Pages:\n",
	NoCommands:         "cyberdiplo: no commands here",
	CommandTooLong:     "cyberdiplo: the command is longer than %d bytes: the kiosk runs list, show and search with a few arguments",
	Larger:             "Your window is %d×%d: the kiosk draws at most %d×%d.",
	TooManySessions:    "at most %d sessions per connection",
	NoStart:            "no shell or command within %s: closed",
	Truncated:          "output truncated at %d MiB, the kiosk's limit for one command: ask for fewer pages or sections at a time",
	AddrBusy:           "Your address has %d sessions open already, the most it may: close one and try again.",
	TooFast:            "cyberdiplo: too many commands from your address: at most %d a second, try again in a moment",
	IdleSoon:           "No key for a while: this session ends in a minute unless you press a key.",
	ZeroOrMore:         "%s %d: use 0 (no limit) or more",
	SecondOrMore:       "%s %s: use a duration of 1s or more, such as %s",
	NeedTrustedProxies: "--proxy-protocol needs --trusted-proxies: the addresses of the balancers that send the header (such as 10.0.0.0/8)",
	NeedProxyProtocol:  "--trusted-proxies is for --proxy-protocol: add it, or drop --trusted-proxies",
	MetricsAddr:        "--metrics-addr %s: use host:port, such as 127.0.0.1:9222",
	PprofAddr:          "--pprof-addr %s: use a loopback address such as 127.0.0.1:6060",
	PprofNotBuilt:      "--pprof-addr %s: this build has no profiler; build with go build -tags pprof",
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
	OtherLang:   "(found in the %s text)",
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
	CmdQuit: "quit", CmdHelp: "help", CmdCopy: "copy", CmdMore: "more",
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
	UnknownLang:  "--lang: unknown language %q: use %s",
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
	Or:               "or",

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
	LintOK:          "ok: %s, no problems",
	LintPages:       "%d pages in %s",
	LintPagesMore:   "%d in %s",
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

var citeEnglish = Cite{
	Sources:  "Sources",
	Briefing: "Unofficial briefing (cyberdiplo), current to %s",
}

var manEnglish = ManStrings{
	Manual: "User Commands",
	Name:   "NAME", Synopsis: "SYNOPSIS", Description: "DESCRIPTION", Options: "OPTIONS", Commands: "COMMANDS",
	Keys: "KEYS", Environment: "ENVIRONMENT", Files: "FILES", ExitStatus: "EXIT STATUS", Examples: "EXAMPLES",
	SeeAlso:   "SEE ALSO",
	KeysIntro: "In the reader (cyberdiplo with no command), as ? or h shows them:",
	Env: [][2]string{
		{"LC_ALL, LC_MESSAGES, LANG", "The language of the pages and messages when --lang is not given: it (it_IT.UTF-8) for Italian, anything else for English."},
		{"LC_ALL, LC_CTYPE, LANG", "The character set: when the first of them that is set is not UTF-8 (LC_ALL=C), --style auto draws ASCII only."},
		{"NO_COLOR", "When set to anything, show and search print no colour and the reader draws without it."},
		{"TERM", "dumb, or unset outside Windows, gives the line mode for screen readers (as --accessible)."},
		{"XDG_STATE_HOME", "Where the reader remembers the last place read (default ~/.local/state)."},
		{"XDG_DATA_HOME", "Where serve keeps its host key (default ~/.local/share)."},
	},
	FilesList: [][2]string{
		{"$XDG_STATE_HOME/cyberdiplo/state.json", "The last page, language and passage read; --no-state neither reads nor writes it."},
		{"$XDG_DATA_HOME/cyberdiplo/ssh_host_ed25519", "The kiosk's SSH host key (serve --host-key), created with mode 0600 if missing; a --host-key in a directory that does not exist is refused."},
	},
	Exit: [][2]string{
		{"0", "Success."},
		{"1", "lint found problems, search found nothing, or something failed (a file could not be read or written)."},
		{"2", "Bad input: an unknown command, flag, page, anchor or value; the message says what is accepted."},
	},
	SeeAlsoText: "less(1), ssh(1). The project's README.md and docs/INSTALL.md.",
}

var marksEnglish = MarkStrings{
	KeyMark:      "mark the passage at the top (again: unmark it)",
	KeyMarks:     "the marks: Enter jumps, d removes, c copies the brief",
	KeysList:     "In the list of marks",
	KeyJumpMark:  "go to the passage",
	KeyRemove:    "remove the mark",
	KeyCopyBrief: "copy the brief: every passage with its citation",
	KeyOrder:     "reading order / the order made",
	KeyListLang:  "the list in the other language",
	KeyCloseList: "close the list",
	Margin:       "A marked passage has a mark in the left margin.",
	One:          "1 marked passage",
	Many:         "%d marked passages",
	Marked:       "marked: %s (%s)",
	Unmarked:     "unmarked: %s (%s)",
	Full:         "at most %d marks: remove one before marking another",
	NothingMark:  "nothing to mark here",
	ListTitle:    "Marks (%d), %s",
	ListEmpty:    "No marks yet: m marks the passage at the top of the view.",
	ListHint:     "↑/↓ pick · Enter jump · d remove · c copy the brief · o order · L language · Esc close",
	OrderReading: "in reading order",
	OrderMade:    "in the order made",
	BriefCopied:  "brief copied: %s, %d characters",
	BriefCut:     "brief copied: the first %d of %d passages (%d characters), the most one copy carries",
	SessionOnly:  "%s: marks are kept for this session only",
	NotSaved:     " (for this session only: the marks file was refused)",
	SaveFailed:   "cannot save your marks in %s: %v",

	Changed:       "changed since you marked it",
	ChangedIn:     "changed since you marked it in %s",
	Gone:          "gone: this passage is no longer in the briefing",
	GoneMarked:    "(block %s, marked in %s on %s)",
	NoCounterpart: "in %s: this passage has no %s counterpart",
	More:          "left out for lack of room: %s; cyberdiplo brief prints them all",

	CmdMark: "mark", CmdMarks: "marks", CmdBrief: "brief",
	LineMarks:     "Marks, %s:",
	LineItem:      "%d. %s: %s",
	LineEmpty:     "No marks yet: type mark to mark the section being read.",
	LineNoSection: "No section is being read: open a page first, then type mark.",
	LineHelp: "mark: mark the section being read; mark again to unmark it.\n" +
		"marks: the list of marks, numbered; a number opens one.\n" +
		"brief: the marked passages, each with its citation.",

	BriefEmpty:   "no marks yet: press m in the reader on a passage, or run cyberdiplo brief --add un#key-facts.1",
	Cleared:      "brief cleared (it held %s)",
	Already:      "already marked: %s",
	NotMarked:    "%s is not marked: cyberdiplo brief lists the marked passages",
	BadSpec:      "%q: name a passage as PAGE#ANCHOR (the whole section) or PAGE#ANCHOR.N (its N-th passage); cyberdiplo show PAGE --anchors lists the anchors",
	NoBlock:      "%s has no passage %d: its passages are numbered 1 to %d (0 or none: the whole section)",
	ClearAlone:   "--clear empties the brief: use it without --add or --remove",
	UnknownOrder: "--order %q: use reading or made",
	BriefFormat:  "--format %q: use plain, markdown or json",
	NoStateDir:   "there is no place to keep marks: set XDG_STATE_HOME or HOME",
	Refused:      "your marks file %s cannot be used: %s; move it away, or run cyberdiplo brief --clear to start again",
	TooBig:       "it is larger than %d KiB",
	TooMany:      "it holds %d marks, more than %d",
	Broken:       "it is not a marks file (%v)",
	BadMark:      "its mark %d is not valid (%s)",
	NotRegular:   "it is not a regular file",
	Unreadable:   "it cannot be read (%v)",
	Kiosk:        "brief makes no sense here: in the kiosk your marks belong to your session and nothing is kept on the server. Open the reader (ssh -t), mark passages with m, press ' and then c to copy the brief to your clipboard",
}

// catalogEnglish is every word of the user interface in English.
var catalogEnglish = Catalog{
	Lang: "en", Reader: english, Line: lineEnglish, Marks: marksEnglish, CLI: cliEnglish,
	Man: manEnglish, Cite: citeEnglish, Help: sameHelp,
}
