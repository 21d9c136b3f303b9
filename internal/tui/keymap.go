package tui

import (
	"charm.land/bubbles/v2/key"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
)

// keyMap is every key of the reader, with its help text in the current language:
// reading mode's, and the search box's and the outline's (Search, Outline). The
// help overlay is drawn from it, so a key cannot be missing from the help.
//
// The keys are less's where less has one (space f b d u e y j k g G < > / n N q h
// Ctrl+F/B/D/U/E/Y), a browser's for links (Tab, Shift+Tab, Enter, Backspace);
// h is help, as in less, so tabs change with the arrows and the digits.
type keyMap struct {
	Next, Prev, TabN                     key.Binding
	Down, Up, PageDown, PageUp, HalfDown key.Binding
	HalfUp, Top, End                     key.Binding
	Lang, Help, Quit, Close              key.Binding
	Search, NextMatch, PrevMatch         key.Binding
	Outline, NextLink, PrevLink, Follow  key.Binding
	Back, Copy, CopyList, Side, Colon    key.Binding
	Mark, MarkList                       key.Binding

	Marks markKeys // in the list of marks (marks.go)

	Box  searchKeys  // in the search box
	List outlineKeys // in the outline
}

// searchKeys are the keys of the search box: what else is typed is the query.
type searchKeys struct {
	Up, Down, Open, Cancel key.Binding
}

// outlineKeys are the keys of the outline. The letters (Letters) are keys only
// while no filter is being typed: then they are text.
type outlineKeys struct {
	Up, Down, First, Last, Jump, Cancel key.Binding
	Letters                             outlineLetters
	ClearFilter                         key.Binding // Esc while the filter is typed
}

type outlineLetters struct {
	Up, Down, First, Last, Filter, Copy, Close key.Binding
}

// newKeyMap is the key map in a language's strings, for a briefing of tabs
// pages: the digits 1 to 9 go to the first nine.
func newKeyMap(s i18n.Strings, t i18n.MarkStrings, tabs int) keyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	digits := []string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}[:min(max(tabs, 1), 9)]
	tabN := "1"
	if len(digits) > 1 {
		tabN += "…" + digits[len(digits)-1]
	}
	return keyMap{
		Next:      b("→", s.KeyTabs, "right"),
		Prev:      b("←", s.KeyTabs, "left"),
		TabN:      b(tabN, s.KeyTabN, digits...),
		Down:      b("j e ↓ ctrl+e", s.KeyLine, "j", "e", "down", "ctrl+e", "ctrl+n"),
		Up:        b("k y ↑ ctrl+y", s.KeyLine, "k", "y", "up", "ctrl+y", "ctrl+p"),
		PageDown:  b("space f pgdn ctrl+f", s.KeyPage, "space", "f", "pgdown", "ctrl+f"),
		PageUp:    b("b pgup ctrl+b", s.KeyPage, "b", "pgup", "ctrl+b"),
		HalfDown:  b("d ctrl+d", s.KeyHalf, "d", "ctrl+d"),
		HalfUp:    b("u ctrl+u", s.KeyHalf, "u", "ctrl+u"),
		Top:       b("g < home", s.KeyTopEnd, "g", "<", "home"),
		End:       b("G > end", s.KeyTopEnd, "G", ">", "end"),
		Lang:      b("L", s.KeyLang, "L"),
		Search:    b("/", s.KeySearch, "/"),
		NextMatch: b("n", s.KeyNextMatch, "n"),
		PrevMatch: b("N", s.KeyNextMatch, "N"),
		Outline:   b("o", s.KeyOutline, "o"),
		NextLink:  b("] tab", s.KeyLinks, "]", "tab"),
		PrevLink:  b("[ shift+tab", s.KeyLinks, "[", "shift+tab"),
		Follow:    b("enter", s.KeyFollow, "enter"),
		Back:      b("backspace", s.KeyBack, "backspace"),
		Copy:      b("c", s.Tools.KeyCopy, "c"),
		CopyList:  b("ctrl+y", s.Tools.KeyCopyList, "ctrl+y"),
		Side:      b("s", s.Tools.KeySide, "s"),
		Mark:      b("m", t.KeyMark, "m"),
		MarkList:  b("' M", t.KeyMarks, "'", "M"),
		Marks:     newMarkKeys(s, t),
		Help:      b("? h", s.KeyHelp, "?", "h"),
		Close:     b("esc", s.KeyClose, "esc"),
		Quit:      b("q Q ctrl+c", s.KeyQuit, "q", "Q", "ctrl+c"),
		Colon:     b(":q", s.Tools.KeyQuitColon, ":"),
		Box: searchKeys{
			Up:     b("↑ shift+tab ctrl+p", s.Tools.KeyPick, "up", "shift+tab", "ctrl+p"),
			Down:   b("↓ tab ctrl+n", s.Tools.KeyPick, "down", "tab", "ctrl+n"),
			Open:   b("enter", s.Tools.KeyOpen, "enter"),
			Cancel: b("esc ctrl+c", s.Tools.KeyCancel, "esc", "ctrl+c"),
		},
		List: outlineKeys{
			Up:     b("↑ shift+tab ctrl+p", s.Tools.KeyPick, "up", "shift+tab", "ctrl+p"),
			Down:   b("↓ tab ctrl+n", s.Tools.KeyPick, "down", "tab", "ctrl+n"),
			First:  b("home", s.Tools.KeyFirstLast, "home"),
			Last:   b("end", s.Tools.KeyFirstLast, "end"),
			Jump:   b("enter", s.Tools.KeyJump, "enter"),
			Cancel: b("ctrl+c", s.Tools.KeyCloseOutline, "ctrl+c"),
			Letters: outlineLetters{
				Up:     b("k", s.Tools.KeyPick, "k"),
				Down:   b("j", s.Tools.KeyPick, "j"),
				First:  b("g <", s.Tools.KeyFirstLast, "g", "<"),
				Last:   b("G >", s.Tools.KeyFirstLast, "G", ">"),
				Filter: b("/", s.Tools.KeyFilter, "/"),
				Copy:   b("c", s.Tools.KeyCopyList, "c"),
				Close:  b("esc o q", s.Tools.KeyCloseOutline, "esc", "o", "q"),
			},
			ClearFilter: b("esc", s.Tools.KeyClearFilter, "esc"),
		},
	}
}

// helpBindings are the rows of the help overlay: one binding per action, two
// actions that share a description merged into one row.
func (k keyMap) helpBindings() []key.Binding {
	pairs := [][]key.Binding{
		{k.Prev, k.Next}, {k.TabN}, {k.Down, k.Up}, {k.PageDown, k.PageUp}, {k.HalfDown, k.HalfUp},
		{k.Top, k.End}, {k.Lang}, {k.Search}, {k.NextMatch, k.PrevMatch}, {k.Outline},
		{k.NextLink, k.PrevLink}, {k.Follow}, {k.Back}, {k.Copy}, {k.CopyList}, {k.Mark}, {k.MarkList}, {k.Side},
		{k.Help}, {k.Close}, {k.Quit}, {k.Colon},
	}
	return mergeRows(pairs)
}

// searchHelp and outlineHelp are the rows of the overlays' keys in the help.
func (k keyMap) searchHelp() []key.Binding {
	b := k.Box
	return mergeRows([][]key.Binding{{b.Up, b.Down}, {b.Open}, {k.CopyList}, {b.Cancel}})
}

func (k keyMap) outlineHelp() []key.Binding {
	o, l := k.List, k.List.Letters
	return mergeRows([][]key.Binding{{o.Up, o.Down, l.Up, l.Down}, {o.First, o.Last, l.First, l.Last}, {o.Jump},
		{l.Filter}, {o.ClearFilter}, {l.Copy, k.CopyList}, {l.Close, o.Cancel}})
}

// mergeRows makes one help row of each group of bindings.
func mergeRows(pairs [][]key.Binding) []key.Binding {
	rows := make([]key.Binding, 0, len(pairs))
	for _, p := range pairs {
		keys := p[0].Keys()
		label := p[0].Help().Key
		for _, o := range p[1:] {
			keys = append(keys, o.Keys()...)
			label += " / " + o.Help().Key
		}
		rows = append(rows, key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, p[0].Help().Desc)))
	}
	return rows
}
