package i18n

// ToolStrings are the words of the reader's tools for a diplomat: copying a
// passage with its citation, and reading both languages side by side.
type ToolStrings struct {
	KeyCopy     string // help: c
	KeyCopyList string // help: ctrl+y in the search box and the outline
	Copied      string // "%s, %d characters: sent to the clipboard (OSC 52)": the terminal never says whether it took it; what was copied first, as a narrow bar cuts the end
	NothingCopy string
	KeySide     string // help: s
	SideOn      string // status note when the wide view opens
	SideNarrow  string // status note when the window is too narrow for two columns
	SideOff     string
	NoSearch    string // n or N before any search
	DidYouMean  string // "did you mean: %s?"
	SideLeave   string // on the rule of the narrow side-by-side pane: how to leave

	// The keys of the overlays, in the help: a title per overlay, then a
	// description per action.
	KeysSearch, KeysOutline                                  string
	KeyPick, KeyOpen, KeyJump, KeyCancel, KeyFirstLast       string
	KeyFilter, KeyClearFilter, KeyCloseOutline, KeyQuitColon string
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

var toolsItalian = ToolStrings{
	KeyCopy:     "copia il passo che stai leggendo con la citazione",
	KeyCopyList: "copia la sezione scelta (ricerca, indice)",
	Copied:      "%s, %d caratteri: inviato agli appunti (OSC 52)",
	NothingCopy: "niente da copiare qui",
	KeySide:     "le due lingue affiancate",
	SideOn:      "lingue affiancate: s per uscire, L scambia le colonne",
	SideNarrow:  "l'altra lingua sotto il testo (due colonne da 120 colonne di larghezza)",
	SideOff:     "una lingua",
	NoSearch:    "nessuna ricerca: / cerca, poi n e N scorrono i risultati",
	DidYouMean:  "forse cercavi: %s?",
	SideLeave:   "s per uscire",

	KeysSearch: "Nella casella di ricerca", KeysOutline: "Nell'indice",
	KeyPick: "precedente / successivo", KeyOpen: "apre il risultato", KeyJump: "va alla sezione",
	KeyCancel: "annulla", KeyFirstLast: "prima / ultima voce",
	KeyFilter: "filtra: ciò che scrivi restringe l'elenco", KeyClearFilter: "toglie il filtro (mentre filtri)",
	KeyCloseOutline: "chiude l'indice", KeyQuitColon: "esce (come :q in less)",
}
