package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"

	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/render"
)

// Both languages side by side (s). From SideMinWidth columns, the page is drawn
// in two columns, the reader's language on the left, aligned block by block (a
// block starts on the same row in both; the shorter is padded), and scrolled
// together, as EUR-Lex shows the language versions of an act. Narrower, a pane
// under the text shows the other language's version of the block at the top of
// the view. L swaps which language leads; tabs and the status bar follow the
// leading language. Links, search and the outline work in one language: their
// keys leave the side-by-side view first.

// SideMinWidth is the narrowest window that shows two columns.
const SideMinWidth = 120

// sideGutter separates the columns.
const sideGutter = " │ "

// sideWide reports whether the page is drawn in two columns.
func (m *Model) sideWide() bool { return m.side && m.width >= SideMinWidth }

// columnWidth is the width each column is rendered at.
func (m *Model) columnWidth() int {
	return max(min((m.width-ansi.StringWidth(sideGutter))/2, render.MaxWidth), minWidth)
}

// paneHeight is the height of the narrow view's pane (0 when there is none).
func (m *Model) paneHeight() int {
	if !m.side || m.sideWide() || m.height < minHeight+4 {
		return 0
	}
	return min(max((m.height-2)/3, 3), 10)
}

// setSide opens or closes the side-by-side view, keeping the block at the top.
func (m *Model) setSide(on bool) tea.Cmd {
	if m.doc != nil && m.mode == modeRead {
		m.saveSpot()
	}
	m.side = on
	m.pair, m.pairOf = nil, nil
	m.sess.SelectLink(-1)
	switch {
	case !on:
		m.bar.note = m.s.Tools.SideOff
	case m.sideWide():
		m.bar.note = m.s.Tools.SideOn
	default:
		m.bar.note = m.s.Tools.SideNarrow
	}
	m.doc = nil
	m.dirty = true
	return m.sync()
}

// sideKey reports whether a key keeps the side-by-side view: moving, tabs, the
// language, copying, help and quitting.
func (m *Model) sideKey(msg tea.KeyPressMsg) bool {
	k := m.keys
	return key.Matches(msg, k.Next, k.Prev, k.TabN, k.Down, k.Up, k.PageDown, k.PageUp, k.HalfDown,
		k.HalfUp, k.Top, k.End, k.Lang, k.Copy, k.Mark, k.Help, k.Quit)
}

// otherDoc renders the page in the paired language (reader.Session.PairedLang)
// at the column width (the cache makes it cheap after the first time).
func (m *Model) otherDoc() *render.Doc {
	p := m.lib.Page(m.sess.PairedLang(), m.sess.PageID())
	if p == nil {
		return nil
	}
	d, err := m.cache.Render(p, m.contentWidth(), m.style)
	if err != nil {
		return nil
	}
	return d
}

// redrawSide draws the page as the two columns.
func (m *Model) redrawSide() {
	if m.pair == nil || m.pairOf != m.doc {
		other := m.otherDoc()
		if other == nil {
			other = m.doc
		}
		id, from, to := m.sess.PageID(), m.lang, m.sess.PairedLang()
		m.pair = render.NewPair(m.doc, other, func(b int) int { return m.lib.CounterpartBlock(id, from, b, to) })
		m.pairOf = m.doc
	}
	cw := m.columnWidth()
	gutter := m.lk.text(sideGutter)
	rows := make([]string, m.pair.Rows())
	for i := range rows {
		rows[i] = m.pair.Row(i, cw, m.lk.st.Dim.Render(gutter))
	}
	m.lines = rows
	m.setOffset(m.off)
}

// The page's geometry, in the rows of the view: the doc's lines, or the pair's
// rows side by side.

func (m *Model) rows() int {
	if m.sideWide() && m.pair != nil && m.pairOf == m.doc {
		return m.pair.Rows()
	}
	return len(m.doc.Lines)
}

func (m *Model) blockAt(row int) int {
	if m.sideWide() && m.pair != nil && m.pairOf == m.doc {
		return m.pair.BlockAt(row)
	}
	return m.doc.BlockAt(row)
}

func (m *Model) blockLine(b int) int {
	if m.sideWide() && m.pair != nil && m.pairOf == m.doc {
		return m.pair.BlockRow(b)
	}
	return m.doc.BlockLine(b)
}

func (m *Model) blockEnd(b int) int {
	if m.sideWide() && m.pair != nil && m.pairOf == m.doc {
		return m.pair.BlockEnd(b)
	}
	return m.doc.BlockEnd(b)
}

// pane draws the narrow view's pane: the other language's page from the same
// passage as the top of the view on, as many lines as the pane holds, under a
// rule that names the language and says how to leave. It scrolls with the text.
func (m *Model) pane() string {
	h := m.paneHeight()
	if h == 0 {
		return ""
	}
	other := m.sess.PairedLang()
	name := langs.Name(other, m.lang)
	name = strings.ToUpper(name[:1]) + name[1:]
	rule := m.lk.text("── ") + name + m.lk.text(" · ") + m.s.Tools.SideLeave + " "
	rule += m.lk.text(strings.Repeat("─", max(m.width-ansi.StringWidth(rule), 0)))
	lines := []string{m.lk.st.Dim.Render(ansi.Truncate(rule, m.width, ""))}
	if od := m.otherDoc(); od != nil && m.doc != nil {
		from := 0
		if p, b, line := m.TopBlock(); p != nil && b >= 0 {
			if ob := m.lib.CounterpartBlock(p.ID, m.lang, b, other); ob >= 0 {
				// The same part of the passage: its lines in proportion.
				start, oh := od.BlockLine(ob), od.BlockEnd(ob)-od.BlockLine(ob)
				if hh := m.doc.BlockEnd(b) - m.doc.BlockLine(b); hh > 0 && start >= 0 {
					from = start + min(line*oh/hh, max(oh-1, 0))
				}
			}
		} else if line >= 0 {
			from = line
		}
		for i := from; i < len(od.Lines) && len(lines) < h; i++ {
			lines = append(lines, ansi.Truncate(od.Lines[i], m.width, ""))
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
