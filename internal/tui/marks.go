package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"
	"github.com/cyberdiplo/cyberdiplo/third_party/lipgloss"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/marks"
	"github.com/cyberdiplo/cyberdiplo/internal/reader"
)

// Marks, for a meeting brief (internal/marks): m marks the passage being read,
// exactly what c copies (reader.Session.Current), and unmarks it when pressed
// again; a marked passage has a mark in the left margin (marginMark). ' or M
// opens the list of marks (markList), from which the whole brief is copied.
//
// The marks are the Keeper's the caller gives (Options.Marks): the marks file,
// or the session's only (the kiosk, --no-state).

// The mark drawn in the margin of a marked passage's lines: a character, so that
// it shows without colour too; ASCII under --style ascii.
const (
	marginMark      = "▍"
	marginMarkASCII = "|"
)

// markMargin draws the mark in the first column (glamour's margin) of the lines
// of the page's marked passages: a heading's mark covers its whole section.
func (m *Model) markMargin() {
	p := m.page()
	if p == nil || m.keeper == nil || m.doc == nil {
		return
	}
	marked := m.keeper.Store().Marked(m.lib, m.lang, p.ID)
	if len(marked) == 0 {
		return
	}
	sym := marginMark
	if m.lk.ascii {
		sym = marginMarkASCII
	}
	sym = m.lk.st.KeyCol.Render(sym)
	for b := range marked {
		if b < 0 || b >= len(p.Blocks) {
			continue
		}
		last := b
		if p.Blocks[b].Kind == library.KindHeading {
			sec := p.Sections[p.Blocks[b].Section]
			last = max(sec.End-1, b)
		}
		from, to := m.blockLine(b), min(m.blockEnd(last), len(m.lines))
		if from < 0 {
			continue
		}
		for to > from+1 && strings.TrimSpace(ansi.Strip(m.lines[to-1])) == "" {
			to-- // not the blank lines below the passage
		}
		for l := from; l < to && l < len(m.lines); l++ {
			line := m.lines[l]
			if w := ansi.StringWidth(line); w == 0 {
				m.lines[l] = sym
			} else if strings.HasPrefix(ansi.Strip(line), " ") {
				m.lines[l] = sym + ansi.Cut(line, 1, w)
			}
		}
	}
}

// toggleMark marks the passage being read, or unmarks it (m).
func (m *Model) toggleMark() {
	p, _, b := m.sess.Current()
	if p == nil || len(p.Blocks) == 0 {
		m.bar.note = i18n.Marks(m.lang).NothingMark
		return
	}
	m.bar.note = m.keeper.Toggle(m.lib, m.lang, p.ID, max(b, 0))
	m.dirty = true
}

// openMarks opens the list of marks, in the language read, in reading order.
func (m *Model) openMarks() {
	m.markList = newMarkList(m.keys.Marks, m.lib, m.keeper, m.lang, marks.Reading)
	m.mode = modeMarks
}

// Messages of the list to the reader.
type (
	markJumpMsg   struct{ entry marks.Entry } // go to a mark's passage
	markRemoveMsg struct{ entry marks.Entry } // remove a mark
	markCopyMsg   struct {
		lang  string
		order marks.Order
	} // copy the brief
	markCloseMsg struct{}
)

// markKeys are the keys of the list of marks.
type markKeys struct {
	Up, Down, First, Last, Jump, Remove, Copy, Order, Lang, Close key.Binding
}

func newMarkKeys(s i18n.Strings, t i18n.MarkStrings) markKeys {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return markKeys{
		Up:     b("↑ k", s.Tools.KeyPick, "up", "k", "shift+tab", "ctrl+p"),
		Down:   b("↓ j", s.Tools.KeyPick, "down", "j", "tab", "ctrl+n"),
		First:  b("g home", s.Tools.KeyFirstLast, "g", "home", "<"),
		Last:   b("G end", s.Tools.KeyFirstLast, "G", "end", ">"),
		Jump:   b("enter", t.KeyJumpMark, "enter"),
		Remove: b("d delete", t.KeyRemove, "d", "delete"),
		Copy:   b("c", t.KeyCopyBrief, "c"),
		Order:  b("o", t.KeyOrder, "o"),
		Lang:   b("L", t.KeyListLang, "L"),
		Close:  b("esc q ' M", t.KeyCloseList, "esc", "q", "'", "M", "ctrl+c"),
	}
}

// help is the rows of the list's keys in the help.
func (k markKeys) help() []key.Binding {
	return mergeRows([][]key.Binding{{k.Up, k.Down}, {k.First, k.Last}, {k.Jump}, {k.Remove}, {k.Copy},
		{k.Order}, {k.Lang}, {k.Close}})
}

// markList is the list of marks, a component as the outline is: its own state,
// keys, Update and View; it tells the reader what was picked by a request its
// Update returns (markJumpMsg, markRemoveMsg, markCopyMsg, markCloseMsg), which
// the reader handles at once, and changes nothing (the reader removes, copies
// and jumps, through the Keeper and the session). It is shown in a language of its own (L), each mark as its
// counterpart there, in reading order or the order made (o).
type markList struct {
	keys    markKeys
	lib     *library.Library
	keeper  *marks.Keeper
	lang    string
	order   marks.Order
	entries []marks.Entry
	rows    [][]string // each entry's lines (rowsOf), made when the entries are
	sel     int
}

func newMarkList(keys markKeys, lib *library.Library, k *marks.Keeper, lang string, order marks.Order) markList {
	l := markList{keys: keys, lib: lib, keeper: k, lang: lang, order: order}
	l.refresh()
	return l
}

// refresh lists the marks again (after a change, another order or language),
// keeping the same mark selected.
func (l *markList) refresh() {
	seq := -1
	if l.sel >= 0 && l.sel < len(l.entries) {
		seq = l.entries[l.sel].Mark.Seq
	}
	l.entries = l.keeper.Store().List(l.lib, l.lang, l.order)
	l.rows = make([][]string, len(l.entries))
	for i, e := range l.entries {
		l.rows[i] = l.rowsOf(e)
	}
	for i, e := range l.entries {
		if e.Mark.Seq == seq {
			l.sel = i
		}
	}
	l.sel = max(min(l.sel, len(l.entries)-1), 0)
}

// selected is the entry selected (false when the list is empty).
func (l markList) selected() (marks.Entry, bool) {
	if l.sel < 0 || l.sel >= len(l.entries) {
		return marks.Entry{}, false
	}
	return l.entries[l.sel], true
}

// Update handles a key while the list is open.
func (l markList) Update(msg tea.Msg) (markList, tea.Msg) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return l, nil
	}
	k, n := l.keys, len(l.entries)
	if sel, moved := moveSel(kp, l.sel, n, k.Up, k.Down, k.First, k.Last); moved {
		l.sel = sel
		return l, nil
	}
	switch {
	case key.Matches(kp, k.Close):
		return l, markCloseMsg{}
	case key.Matches(kp, k.Order):
		l.order = 1 - l.order
		l.refresh()
	case key.Matches(kp, k.Lang):
		l.lang = langs.Next(l.lang)
		l.refresh()
	case key.Matches(kp, k.Copy):
		return l, markCopyMsg{lang: l.lang, order: l.order}
	case key.Matches(kp, k.Jump):
		if e, ok := l.selected(); ok {
			return l, markJumpMsg{entry: e}
		}
		return l, markCloseMsg{}
	case key.Matches(kp, k.Remove):
		if e, ok := l.selected(); ok {
			return l, markRemoveMsg{entry: e}
		}
	}
	return l, nil
}

// rowsOf is an entry's lines: its number and page › section; its first words
// and sources; what became of it (changed, gone, no counterpart), if anything.
func (l markList) rowsOf(e marks.Entry) []string {
	rows := []string{fmt.Sprintf("%d. %s", e.N, e.Where)}
	var second []string
	if e.Page != nil && e.Block >= 0 && e.Block < len(e.Page.Blocks) && e.Page.Blocks[e.Block].Kind == library.KindHeading {
		// A section's mark: its first words after its heading, which Where names.
		if _, rest, ok := strings.Cut(e.Text, "\n\n"); ok {
			e.Text = rest
		}
	}
	if w := e.FirstWords(8); w != "" {
		second = append(second, w)
	}
	if e.Page != nil && e.Section >= 0 && e.Section < len(e.Page.Sections) {
		if src := reader.FormatSources(l.lib, e.Page.Sections[e.Section].Sources); src != "" {
			second = append(second, src)
		}
	}
	if len(second) > 0 {
		rows = append(rows, "   "+strings.Join(second, " · "))
	}
	if notes := e.Notes(l.lang); len(notes) > 0 {
		rows = append(rows, "   ! "+strings.Join(notes, " "))
	}
	return rows
}

// View draws the list's box, w wide, its entries in at most rows lines.
func (l markList) View(w, rows int, lk look) string {
	st := lk.st
	t := i18n.Marks(l.lang)
	order := t.OrderReading
	if l.order == marks.Made {
		order = t.OrderMade
	}
	inner := max(w-4, 1)
	var b strings.Builder
	b.WriteString(st.OverlayTitle.Render(ansi.Truncate(lk.text(fmt.Sprintf(t.ListTitle, len(l.entries), order)), inner, lk.text("…"))) + "\n")
	if note := l.keeper.Note(); note != "" {
		// Why the marks are for the session only, whole here (the status bar cuts it).
		lines := strings.Split(lipgloss.Wrap(lk.text(note), inner, ""), "\n")
		lines = lines[:min(len(lines), max(rows/3, 1))]
		for _, ln := range lines {
			b.WriteString(st.Dim.Render(ansi.Truncate(ln, inner, "")) + "\n")
		}
		rows -= len(lines)
	}
	if len(l.entries) == 0 {
		b.WriteString(st.Dim.Render(ansi.Truncate(lk.text(t.ListEmpty), inner, lk.text("…"))) + "\n")
	}
	// The entries from the first that lets the selected one show whole.
	blocks := l.rows
	room := max(rows-1, 1)
	start, used := l.sel, 0
	for start >= 0 && start < len(blocks) && used+len(blocks[start]) <= room {
		used += len(blocks[start])
		start--
	}
	start = max(min(start+1, l.sel), 0)
	used = 0
	for i := start; i < len(blocks) && used < room; i++ {
		for j, r := range blocks[i] {
			if used >= room {
				break
			}
			r = ansi.Truncate(lk.text(r), max(inner-2, 1), lk.text("…"))
			switch {
			case i == l.sel && j == 0:
				r = st.Selected.Render(lk.text("› ") + r)
			case j == 0:
				r = "  " + r
			default:
				r = "  " + st.Dim.Render(r)
			}
			b.WriteString(r + "\n")
			used++
		}
	}
	b.WriteString("\n" + st.Dim.Render(ansi.Truncate(lk.text(t.ListHint), inner, lk.text("…"))))
	return st.Overlay.Width(w).Render(b.String())
}

// marksDone handles what the list asks for.
func (m *Model) marksDone(msg tea.Msg) tea.Cmd {
	if m.mode != modeMarks {
		return nil
	}
	switch msg := msg.(type) {
	case markCloseMsg:
		m.mode = modeRead
	case markRemoveMsg:
		m.bar.note = m.keeper.Remove(msg.entry.Mark.Seq, msg.entry.Where, m.lang)
		m.markList.refresh()
		m.dirty = true
	case markCopyMsg:
		text, note := m.keeper.Copy(m.lib, msg.lang, msg.order, MaxCopy)
		m.bar.note = note
		if text == "" {
			return nil
		}
		c := CopyMsg{Text: text, Note: note}
		return func() tea.Msg { return c }
	case markJumpMsg:
		e := msg.entry
		if e.Page == nil || e.Block < 0 || e.Block >= len(e.Page.Blocks) {
			m.bar.note = i18n.Marks(m.lang).Gone
			return nil
		}
		m.mode = modeRead
		// A heading's mark is its section: jump to it, as the outline does.
		pl := library.PlaceOfBlock(e.Page, e.Block)
		if e.Page.Blocks[e.Block].Kind == library.KindHeading {
			pl = library.At(e.Page, e.Section)
		}
		if m.doc != nil {
			m.saveSpot()
		}
		if m.sess.Open(pl) {
			return m.reopen()
		}
	}
	return nil
}
