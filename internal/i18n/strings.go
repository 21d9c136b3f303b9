package i18n

// Strings are the words of the reader's user interface in one language. For
// returns a copy: a session that changed its own could not change another's.
type Strings struct {
	Lang        string // "EN" / "IT", shown in the status bar
	Top, End    string // position in the status bar
	Help        string // status-bar hint for the help key
	HelpTitle   string
	HelpClose   string
	HelpMore    string // "more below" hint of a help that does not fit
	Loading     string
	TooSmall    string
	RenderError string // "could not render this page: %v"

	// Key help, one per action of the keymap.
	KeyTabs, KeyTabN, KeyLine, KeyPage, KeyHalf, KeyTopEnd, KeyLang, KeyHelp, KeyQuit string
	KeySearch, KeyNextMatch, KeyOutline, KeyLinks, KeyFollow, KeyBack, KeyMouse       string
	KeyClose                                                                          string

	// Search, outline and links.
	SearchPrompt string
	SearchNoHits string
	SearchHint   string
	SearchCount  string // "%d results"
	SearchOne    string // "1 result"
	Unmatched    string // "no match for: %s" (the words, comma-separated)
	Match        string // "match %d of %d"
	Matches      Plural // "%d matches" (none is current)
	NoMatches    string
	OutlineTitle string
	OutlineHint  string
	LinkTo       string // "→ %s"
	NoLinks      string
	NoMoreLinks  string
	NoLink       string // Enter with no link selected
	HistoryEmpty string

	// Copy with citation, side by side (tools.go).
	Tools ToolStrings

	// ---- The SSH kiosk: its messages are in kiosk.go ----
	Kiosk KioskStrings
}

// For returns the reader's strings of a language (the default language's for
// one without a catalog), as a copy.
func For(lang string) Strings { return Of(lang).Reader }
