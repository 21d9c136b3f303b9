package tui

import (
	"charm.land/bubbles/v2/key"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
)

// keyMap is every key of the reader, with its help text in the current language.
// The help overlay is drawn from it, so a key cannot be missing from the help.
type keyMap struct {
	Next, Prev, TabN                     key.Binding
	Down, Up, PageDown, PageUp, HalfDown key.Binding
	HalfUp, Top, End                     key.Binding
	Lang, Help, Quit, Close              key.Binding
	Search, NextMatch, PrevMatch         key.Binding
	Outline, NextLink, PrevLink, Follow  key.Binding
	Back                                 key.Binding
}

func newKeyMap(s *i18n.Strings) keyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		Next:      b("tab → l", s.KeyTabs, "tab", "right", "l"),
		Prev:      b("shift+tab ← h", s.KeyTabs, "shift+tab", "left", "h"),
		TabN:      b("1…8", s.KeyTabN, "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Down:      b("j ↓", s.KeyLine, "j", "down"),
		Up:        b("k ↑", s.KeyLine, "k", "up"),
		PageDown:  b("space f pgdn", s.KeyPage, "space", "f", "pgdown"),
		PageUp:    b("b pgup", s.KeyPage, "b", "pgup"),
		HalfDown:  b("d", s.KeyHalf, "d"),
		HalfUp:    b("u", s.KeyHalf, "u"),
		Top:       b("g home", s.KeyTopEnd, "g", "home"),
		End:       b("G end", s.KeyTopEnd, "G", "end"),
		Lang:      b("L", s.KeyLang, "L"),
		Search:    b("/", s.KeySearch, "/"),
		NextMatch: b("n", s.KeyNextMatch, "n"),
		PrevMatch: b("N", s.KeyNextMatch, "N"),
		Outline:   b("o", s.KeyOutline, "o"),
		NextLink:  b("]", s.KeyLinks, "]"),
		PrevLink:  b("[", s.KeyLinks, "["),
		Follow:    b("enter", s.KeyFollow, "enter"),
		Back:      b("backspace", s.KeyBack, "backspace"),
		Help:      b("?", s.KeyHelp, "?"),
		Close:     b("esc", s.KeyClose, "esc"),
		Quit:      b("q ctrl+c", s.KeyQuit, "q", "ctrl+c"),
	}
}

// helpRows are the rows of the help overlay: keys and what they do, merged where
// two bindings share a description.
func (k keyMap) helpRows() [][2]string {
	pairs := [][]key.Binding{
		{k.Next, k.Prev}, {k.TabN}, {k.Down, k.Up}, {k.PageDown, k.PageUp}, {k.HalfDown, k.HalfUp},
		{k.Top, k.End}, {k.Lang}, {k.Search}, {k.NextMatch, k.PrevMatch}, {k.Outline},
		{k.NextLink, k.PrevLink}, {k.Follow}, {k.Back}, {k.Help}, {k.Close}, {k.Quit},
	}
	rows := make([][2]string, 0, len(pairs))
	for _, p := range pairs {
		keys := p[0].Help().Key
		for _, o := range p[1:] {
			keys += " / " + o.Help().Key
		}
		rows = append(rows, [2]string{keys, p[0].Help().Desc})
	}
	return rows
}
