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
