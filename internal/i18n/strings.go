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

var italian = Strings{
	Lang: "IT", Top: "inizio", End: "fine", Help: "? aiuto",
	HelpTitle: "Tasti", HelpClose: "q, Esc o ? chiude l'aiuto", HelpMore: "↓ continua",
	Loading:     "Impaginazione…",
	TooSmall:    "Finestra troppo piccola",
	RenderError: "Impossibile mostrare la pagina: %v",
	KeyTabs:     "scheda precedente / successiva", KeyTabN: "vai alla scheda n",
	KeyLine: "riga giù / su", KeyPage: "pagina giù / su", KeyHalf: "mezza pagina giù / su",
	KeyTopEnd: "inizio / fine", KeyLang: "passa a inglese / italiano",
	KeyHelp: "mostra / nascondi l'aiuto (h come in less; ← → cambiano scheda)",
	KeyQuit: "esci", KeySearch: "cerca ovunque", KeyNextMatch: "risultato successivo / precedente",
	KeyOutline: "indice della pagina", KeyLinks: "collegamento successivo / precedente", KeyFollow: "apri il collegamento scelto",
	KeyBack: "torna dov'eri", KeyMouse: "La rotella scorre; un clic apre una scheda o un collegamento.",
	KeyClose:     "chiudi, togli i segni",
	SearchPrompt: "Cerca: ", SearchNoHits: "Nessun risultato", SearchHint: "↑/↓ scegli · Invio apri · Esc annulla",
	SearchCount: "%d risultati", SearchOne: "1 risultato", Unmatched: "nessun risultato per: %s",
	Match: "risultato %d di %d", Matches: Plural{"%d risultato", "%d risultati"}, NoMatches: "nessun risultato in questa pagina",
	OutlineTitle: "Indice", OutlineHint: "↑/↓ scegli · Invio vai · / filtra · c copia · Esc chiudi",
	LinkTo: "→ %s", NoLinks: "nessun collegamento visibile", NoMoreLinks: "nessun altro collegamento",
	NoLink:       "nessun collegamento scelto: ] o Tab ne sceglie uno",
	HistoryEmpty: "nessuna pagina precedente",

	Tools: toolsItalian,

	// ---- The SSH kiosk ----
	Kiosk: kioskItalian,
}

// For returns the strings of a language (English for anything but "it"), as a
// copy.
func For(lang string) Strings {
	if lang == "it" {
		return italian
	}
	return english
}
