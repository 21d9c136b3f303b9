package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/textsafe"
)

// The outline (o): the page's headings, to jump to one. It opens on the heading
// being read. Keys: ↑/↓ j/k Tab move, g/Home and G/End reach the first and the
// last entry, Enter jumps, c copies the selected section, q/Esc/o close. / filters:
// from then on what is typed narrows the list as it is typed (case and accents
// ignored, every word must start a word of the heading), Backspace edits, Esc
// clears the filter; ↑/↓ and Enter still move and jump. Letters that are keys in
// the list (q, g, G, j, k, c) would be lost in a filter typed directly, hence the
// slash, as in glow's and less's lists.

// maxOutlineFilter bounds the filter (runes).
const maxOutlineFilter = 80

// outlineEntries returns the indices (in the page's Headings) of the headings the
// filter keeps.
func (l *lookup) outlineEntries(m *Model) []int {
	p := m.page()
	if p == nil {
		return nil
	}
	words := strings.Fields(library.Fold(l.ofilter))
	if len(words) == 0 {
		out := make([]int, len(p.Headings))
		for i := range out {
			out[i] = i
		}
		return out
	}
	// Each word typed must start a word of the heading, or be matched by the
	// search engine (another form, a typo, a glossary name: "oewg" keeps "The
	// Open-ended Working Groups").
	if m.index != nil && l.omatchFor != l.ofilter {
		l.omatch = l.omatch[:0]
		for _, w := range words {
			l.omatch = append(l.omatch, m.index.Matcher(w))
		}
		l.omatchFor = l.ofilter
	}
	var out []int
	for i, h := range p.Headings {
		text := library.Fold(h.Text)
		kept := true
		for j, w := range words {
			if matchesAll(text, []string{w}) {
				continue
			}
			if m.index == nil || j >= len(l.omatch) || len(l.omatch[j].Marks(h.Text)) == 0 {
				kept = false
				break
			}
		}
		if kept {
			out = append(out, i)
		}
	}
	return out
}

// matchesAll reports whether every word starts a word of text.
func matchesAll(text string, words []string) bool {
	fields := strings.FieldsFunc(text, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f)
	})
	for _, w := range words {
		found := false
		for _, f := range fields {
			if strings.HasPrefix(f, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// outlineHeading is the heading selected in the outline, or -1.
func (l *lookup) outlineHeading(m *Model) int {
	es := l.outlineEntries(m)
	if l.outlineSel < 0 || l.outlineSel >= len(es) {
		return -1
	}
	return es[l.outlineSel]
}

// openOutline opens the outline on the heading being read.
func (l *lookup) openOutline(m *Model) {
	m.mode = modeOutline
	l.ofilter, l.ofiltering = "", false
	l.outlineSel = 0
	if p, sec, _ := m.current(); p != nil && sec >= 0 {
		for i, h := range p.Headings {
			if h.Section <= sec {
				l.outlineSel = i
			}
		}
	}
}

func (l *lookup) outlineKey(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	n := len(l.outlineEntries(m))
	k := m.keys.List
	switch {
	case key.Matches(msg, k.Cancel):
		m.mode = modeRead
		return nil
	case key.Matches(msg, k.Up):
		l.outlineSel = max(l.outlineSel-1, 0)
		return nil
	case key.Matches(msg, k.Down):
		l.outlineSel = min(l.outlineSel+1, max(n-1, 0))
		return nil
	case key.Matches(msg, k.First):
		l.outlineSel = 0
		return nil
	case key.Matches(msg, k.Last):
		l.outlineSel = max(n-1, 0)
		return nil
	case key.Matches(msg, k.Jump):
		return l.outlineJump(m)
	}
	if l.ofiltering {
		switch {
		case key.Matches(msg, k.ClearFilter):
			l.ofilter, l.ofiltering, l.outlineSel = "", false, 0
		case msg.String() == "backspace":
			if r := []rune(l.ofilter); len(r) > 0 {
				l.ofilter = string(r[:len(r)-1])
				l.outlineSel = 0
			}
		case msg.Text != "" && len([]rune(l.ofilter)) < maxOutlineFilter:
			l.ofilter += textsafe.Clean(msg.Text)
			l.outlineSel = 0
		}
		return nil
	}
	lt := k.Letters
	switch {
	case key.Matches(msg, lt.Close):
		m.mode = modeRead
	case key.Matches(msg, lt.Up):
		l.outlineSel = max(l.outlineSel-1, 0)
	case key.Matches(msg, lt.Down):
		l.outlineSel = min(l.outlineSel+1, max(n-1, 0))
	case key.Matches(msg, lt.First):
		l.outlineSel = 0
	case key.Matches(msg, lt.Last):
		l.outlineSel = max(n-1, 0)
	case key.Matches(msg, lt.Filter):
		l.ofiltering = true
	case key.Matches(msg, lt.Copy):
		return m.copySelected()
	}
	return nil
}

// outlineJump scrolls to the selected heading: a page jump, in the history.
func (l *lookup) outlineJump(m *Model) tea.Cmd {
	m.mode = modeRead
	p := m.page()
	h := l.outlineHeading(m)
	if m.doc != nil && p != nil && h >= 0 {
		m.saveSpot()
		m.sess.Open(library.At(p, p.Headings[h].Section))
		return m.reopen()
	}
	return nil
}

// outlineItems are the outline's rows: the filter (when there is one) and the
// kept headings, indented by level.
func (l *lookup) outlineItems(m *Model) []string {
	p := m.page()
	var items []string
	for _, i := range l.outlineEntries(m) {
		h := p.Headings[i]
		items = append(items, strings.Repeat("  ", max(h.Level-1, 0))+h.Text)
	}
	return items
}

// paste takes a terminal's paste (bracketed paste) into the search box or the
// outline's filter; elsewhere it is ignored. It is cut to what the box holds
// before anything else is done with it.
func (l *lookup) paste(m *Model, msg tea.PasteMsg) tea.Cmd {
	text := msg.Content
	if len(text) > 4*maxQuery {
		text = strings.ToValidUTF8(text[:4*maxQuery], "")
	}
	text = textsafe.Clean(strings.Join(strings.Fields(text), " ")) // one line, no control or bidi character
	switch {
	case m.mode == modeSearch:
		before := l.input.Value()
		var cmd tea.Cmd
		l.input, cmd = l.input.Update(tea.PasteMsg{Content: text})
		if l.input.Value() != before {
			l.refresh(m)
		}
		return cmd
	case m.mode == modeOutline && l.ofiltering:
		for _, r := range text {
			if len([]rune(l.ofilter)) >= maxOutlineFilter {
				break
			}
			l.ofilter += string(r)
		}
		l.outlineSel = 0
	}
	return nil
}
