package i18n

// Strings are the words of the user interface in one language.
type Strings struct {
	Lang        string // "EN" / "IT", shown in the status bar
	Top, End    string // position in the status bar
	Help        string // status-bar hint for the help key
	HelpTitle   string
	HelpClose   string
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
	Match        string // "match %d of %d"
	Matches      string // "%d matches" (none is current)
	NoMatches    string
	OutlineTitle string
	OutlineHint  string
	LinkTo       string // "link: %s"
	NoLinks      string
	HistoryEmpty string

	// ---- The SSH kiosk: its messages are in kiosk.go ----
	Kiosk KioskStrings
}

var english = Strings{
	Lang: "EN", Top: "top", End: "end", Help: "? help",
	HelpTitle: "Keys", HelpClose: "Esc or ? closes this help",
	Loading:     "Rendering…",
	TooSmall:    "Window too small",
	RenderError: "Could not render this page: %v",
	KeyTabs:     "next / previous tab", KeyTabN: "go to tab n",
	KeyLine: "line down / up", KeyPage: "page down / up", KeyHalf: "half page down / up",
	KeyTopEnd: "top / end", KeyLang: "switch English / Italian", KeyHelp: "show / hide this help",
	KeyQuit: "quit", KeySearch: "search everything", KeyNextMatch: "next / previous match",
	KeyOutline: "outline of the page", KeyLinks: "next / previous link", KeyFollow: "follow the link",
	KeyBack: "back", KeyMouse: "wheel scrolls, click a tab to open it", KeyClose: "close the overlay",
	SearchPrompt: "Search: ", SearchNoHits: "No match", SearchHint: "↑/↓ pick · Enter open · Esc cancel", Match: "match %d of %d", Matches: "%d matches", NoMatches: "no match on this page",
	OutlineTitle: "Outline", OutlineHint: "↑/↓ pick · Enter jump · Esc close",
	LinkTo: "→ %s", NoLinks: "no link on screen", HistoryEmpty: "nothing to go back to",

	// ---- The SSH kiosk ----
	Kiosk: kioskEnglish,
}

var italian = Strings{
	Lang: "IT", Top: "inizio", End: "fine", Help: "? aiuto",
	HelpTitle: "Tasti", HelpClose: "Esc o ? chiude l'aiuto",
	Loading:     "Impaginazione…",
	TooSmall:    "Finestra troppo piccola",
	RenderError: "Impossibile mostrare la pagina: %v",
	KeyTabs:     "scheda successiva / precedente", KeyTabN: "vai alla scheda n",
	KeyLine: "riga giù / su", KeyPage: "pagina giù / su", KeyHalf: "mezza pagina giù / su",
	KeyTopEnd: "inizio / fine", KeyLang: "passa a inglese / italiano", KeyHelp: "mostra / nascondi l'aiuto",
	KeyQuit: "esci", KeySearch: "cerca ovunque", KeyNextMatch: "risultato successivo / precedente",
	KeyOutline: "indice della pagina", KeyLinks: "collegamento successivo / precedente", KeyFollow: "apri il collegamento",
	KeyBack: "indietro", KeyMouse: "la rotella scorre, un clic su una scheda la apre", KeyClose: "chiudi il riquadro",
	SearchPrompt: "Cerca: ", SearchNoHits: "Nessun risultato", SearchHint: "↑/↓ scegli · Invio apri · Esc annulla", Match: "risultato %d di %d", Matches: "%d risultati", NoMatches: "nessun risultato in questa pagina",
	OutlineTitle: "Indice", OutlineHint: "↑/↓ scegli · Invio vai · Esc chiudi",
	LinkTo: "→ %s", NoLinks: "nessun collegamento visibile", HistoryEmpty: "nessuna pagina precedente",

	// ---- The SSH kiosk ----
	Kiosk: kioskItalian,
}

// For returns the strings of a language (English for anything but "it").
func For(lang string) *Strings {
	if lang == "it" {
		return &italian
	}
	return &english
}
