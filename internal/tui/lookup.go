package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cyberdiplo/cyberdiplo/internal/search"
)

// lookup is everything that finds things: the search box and its results, the
// occurrences of the last search on the page, the outline, the selected link
// and the history of page jumps.
type lookup struct {
	input   textinput.Model
	hits    []search.Hit
	sel     int
	suggest string // "did you mean" when nothing matched

	query   string          // the search whose occurrences are marked ("" for none)
	matcher *search.Matcher // marks query's matches as the search found them (nil: no index)
	occ     []occurrence    // its occurrences on the page, in reading order
	current int             // index in occ of the current one, -1 before any
	pending *landing        // where to land once the next page is drawn

	outlineSel int               // index in the outline's (filtered) entries
	ofilter    string            // the outline's filter (outline.go)
	ofiltering bool              // typing goes to the filter
	omatch     []*search.Matcher // the search engine's matcher for each word of ofilter
	omatchFor  string

	link    int // the selected link (index in the page's Links), -1 for none
	history []place
	note    string // a one-off message for the status bar
}

// occurrence is one occurrence of the search on the page: a line and its cells.
type occurrence struct{ line, col0, col1 int }

// landing is where a search lands on a page being opened: the first occurrence
// at or below a heading, or the last occurrence of the page.
type landing struct {
	heading int // index in the page's Headings, -1 for the top
	last    bool
}

// place is where a reader was, to come back to it.
type place struct {
	lang string
	tab  int
	spot Spot
}

// maxHistory bounds the history: the oldest places are forgotten.
const maxHistory = 50

// maxQuery bounds what the search box holds, in characters.
const maxQuery = 80

// newInput is the search box.
func newInput(m *Model) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = maxQuery
	st := textinput.DefaultStyles(m.lk.dark)
	st.Cursor.Blink = false // a blinking cursor is a timer per session
	in.SetStyles(st)
	// Ctrl+V would read the clipboard of the machine the reader runs on (by
	// running xclip or xsel): over SSH, the kiosk's. A terminal's own paste
	// (bracketed paste) still arrives as text.
	in.KeyMap.Paste.SetEnabled(false)
	in.Focus()
	return in
}

// restyle follows a change of look (colours, plain marks).
func (l *lookup) restyle(m *Model) {
	if m.mode == modeSearch {
		v := l.input.Value()
		l.input = newInput(m)
		l.input.SetValue(v)
	}
}

// newDoc runs when a page is drawn: its occurrences of the search are found
// again, and no link is selected.
func (l *lookup) newDoc(m *Model) {
	l.link = -1
	l.occ = nil
	l.current = -1
	if l.query == "" || m.doc == nil {
		return
	}
	for i, line := range m.doc.Plain {
		for _, mk := range l.matches(line) {
			if mk[0] < 0 || mk[1] > len(line) || mk[0] >= mk[1] {
				continue
			}
			l.occ = append(l.occ, occurrence{line: i, col0: ansi.StringWidth(line[:mk[0]]), col1: ansi.StringWidth(line[:mk[1]])})
		}
	}
}

// afterRender lands a search on the page just drawn.
func (l *lookup) afterRender(m *Model) {
	to := l.pending
	l.pending = nil
	if to == nil || m.doc == nil || len(l.occ) == 0 {
		return
	}
	if to.last {
		l.showMatch(m, len(l.occ)-1)
		return
	}
	from := 0
	if to.heading >= 0 && to.heading < len(m.doc.Headings) {
		from = m.doc.Headings[to.heading]
	}
	for i, o := range l.occ {
		if o.line >= from {
			l.showMatch(m, i)
			return
		}
	}
	l.showMatch(m, 0)
}

func (l *lookup) langChanged(m *Model) {
	l.hits = nil
	l.note = ""
}

// readKey handles the lookup keys of reading mode.
func (l *lookup) readKey(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	l.note = ""
	switch {
	case key.Matches(msg, k.Search):
		m.mode = modeSearch
		l.input = newInput(m)
		l.hits = nil
		l.sel = 0
	case key.Matches(msg, k.Outline):
		l.openOutline(m)
	case key.Matches(msg, k.Close):
		l.query, l.occ, l.current, l.link, l.matcher = "", nil, -1, -1, nil
		m.dirty = true
	case key.Matches(msg, k.NextMatch):
		return l.step(m, +1)
	case key.Matches(msg, k.PrevMatch):
		return l.step(m, -1)
	case key.Matches(msg, k.NextLink):
		l.focusLink(m, +1)
	case key.Matches(msg, k.PrevLink):
		l.focusLink(m, -1)
	case key.Matches(msg, k.Follow):
		if l.link < 0 {
			l.note = m.s.NoLink
			return nil
		}
		return l.follow(m, l.link)
	case key.Matches(msg, k.Back):
		return l.back(m)
	}
	return nil
}

// key handles keys while the search box or the outline is open.
func (l *lookup) key(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	if m.mode == modeOutline {
		return l.outlineKey(m, msg)
	}
	switch msg.String() {
	case "esc":
		m.mode = modeRead
		return nil
	case "enter":
		if l.sel < len(l.hits) {
			h := l.hits[l.sel]
			m.mode = modeRead
			return l.open(m, h, strings.TrimSpace(l.input.Value()))
		}
		return nil
	case "up", "ctrl+p", "shift+tab":
		l.sel = max(l.sel-1, 0)
		return nil
	case "down", "ctrl+n", "tab":
		l.sel = min(l.sel+1, max(len(l.hits)-1, 0))
		return nil
	}
	before := l.input.Value()
	var cmd tea.Cmd
	l.input, cmd = l.input.Update(msg)
	if l.input.Value() != before {
		l.refresh(m)
	}
	return cmd
}

// refresh runs the search box's query again (as typed, or once the index is ready).
func (l *lookup) refresh(m *Model) {
	l.sel = 0
	l.hits = nil
	if m.index != nil {
		// The snippet gets the box's width less the "page › heading" before it.
		width := max(min(m.width-4, 90)-4-2-28, 20)
		res := m.index.Find(l.input.Value(), search.Options{Lang: m.lang, AllLangs: true, Limit: 50, Width: width})
		l.hits, l.suggest = res.Hits, res.DidYouMean
	}
}

// matches returns the ranges of a line that match the current search.
func (l *lookup) matches(line string) [][2]int {
	if l.matcher != nil {
		return l.matcher.Marks(line)
	}
	return search.Marks(line, l.query)
}

// open shows a search hit: its page, in its language, at the first occurrence in
// its section, with every occurrence marked. Opening a result is one step in the
// history, whatever n and N do after it.
func (l *lookup) open(m *Model, h search.Hit, query string) tea.Cmd {
	l.push(m)
	l.query = query
	l.matcher = nil
	if m.index != nil {
		l.matcher = m.index.Matcher(query)
	}
	l.pending = &landing{heading: h.HeadingIndex}
	if h.Lang != m.lang {
		m.setLang(h.Lang)
		l.langChanged(m)
	}
	for i, id := range m.ids {
		if id == h.Page {
			m.tab = i
		}
	}
	if p := m.page(); p != nil && h.HeadingIndex >= 0 && h.HeadingIndex < len(p.Headings) {
		m.spots[m.tab] = spotOf(p, p.Headings[h.HeadingIndex].Block)
	}
	return m.openTab(m.tab)
}

// step moves to the next (+1) or previous (-1) occurrence, on to the next page
// with matches when this one has no more. It is not a step in the history: one
// search is one step, however many times n is pressed.
func (l *lookup) step(m *Model, dir int) tea.Cmd {
	if l.query == "" || m.doc == nil {
		if l.query == "" {
			l.note = m.s.Tools.NoSearch
		}
		return nil
	}
	next := l.current + dir
	if l.current < 0 {
		top, bottom := m.offset(), m.offset()+m.pageHeight()
		next = -1
		if dir > 0 {
			for i, o := range l.occ {
				if o.line >= top {
					next = i
					break
				}
			}
		} else {
			for i := len(l.occ) - 1; i >= 0; i-- {
				if l.occ[i].line < bottom {
					next = i
					break
				}
			}
		}
	}
	if next >= 0 && next < len(l.occ) {
		l.showMatch(m, next)
		return nil
	}
	// On to the next page (in tab order, wrapping) that has a match.
	if m.index == nil {
		return nil
	}
	has := map[string]bool{}
	for _, h := range m.index.Search(l.query, search.Options{Lang: m.lang, Limit: 1000}) {
		has[h.Page] = has[h.Page] || h.Via != search.ViaOtherLang // a page whose own text matches
	}
	n := len(m.ids)
	for i := 1; i <= n; i++ {
		t := ((m.tab+dir*i)%n + n) % n
		if t == m.tab && len(l.occ) == 0 {
			break
		}
		if !has[m.ids[t]] {
			continue
		}
		l.pending = &landing{heading: -1, last: dir < 0}
		m.spots[t] = Spot{}
		if t == m.tab {
			l.afterRender(m)
			return nil
		}
		return m.openTab(t)
	}
	l.note = m.s.NoMatches
	return nil
}

// showMatch makes occurrence i the current one and scrolls it into view, with
// two lines above it but not above the heading of its section.
func (l *lookup) showMatch(m *Model, i int) {
	l.current = i
	m.dirty = true
	line := l.occ[i].line
	top, ph := m.offset(), m.pageHeight()
	if line >= top && line < top+ph {
		return
	}
	to := max(line-2, 0)
	if h := m.doc.HeadingAt(line); h >= 0 {
		to = max(to, m.doc.Headings[h])
	}
	m.scrollTo(to)
}

// linkOrder lists the page's links in reading order, once each.
func linkOrder(m *Model) []int {
	if m.doc == nil {
		return nil
	}
	var order []int
	seen := map[int]bool{}
	for _, s := range m.doc.Links {
		if !seen[s.Index] {
			seen[s.Index] = true
			order = append(order, s.Index)
		}
	}
	return order
}

// linkVisible reports whether any part of link i is on screen.
func (l *lookup) linkVisible(m *Model, i int) bool {
	if m.doc == nil {
		return false
	}
	top, bottom := m.offset(), m.offset()+m.pageHeight()
	for _, s := range m.doc.LinkSpans(i) {
		if s.Line >= top && s.Line < bottom {
			return true
		}
	}
	return false
}

// focusLink selects the next (+1) or previous (-1) link: first among those on
// screen, then beyond it, scrolling to it, like a browser's Tab.
func (l *lookup) focusLink(m *Model, dir int) {
	order := linkOrder(m)
	at := -1
	for i, li := range order {
		if li == l.link {
			at = i
		}
	}
	next := -1
	switch {
	case at >= 0:
		next = at + dir
		if next < 0 || next >= len(order) {
			l.note = m.s.NoMoreLinks
			return
		}
	case dir > 0:
		top := m.offset()
		for i, li := range order {
			if l.linkVisible(m, li) || m.doc.LinkSpans(li)[0].Line >= top {
				next = i
				break
			}
		}
	default:
		bottom := m.offset() + m.pageHeight()
		for i := len(order) - 1; i >= 0; i-- {
			if l.linkVisible(m, order[i]) || m.doc.LinkSpans(order[i])[0].Line < bottom {
				next = i
				break
			}
		}
	}
	if next < 0 {
		l.note = m.s.NoLinks
		return
	}
	l.link = order[next]
	m.dirty = true
	if !l.linkVisible(m, l.link) {
		spans := m.doc.LinkSpans(l.link)
		first, last := spans[0].Line, spans[len(spans)-1].Line
		if first < m.offset() {
			m.scrollTo(first)
		} else {
			m.scrollTo(min(last-m.pageHeight()+1, first))
		}
	}
}

// follow opens link i of the page: another page, or a heading of this one.
func (l *lookup) follow(m *Model, i int) tea.Cmd {
	p := m.page()
	if p == nil || i < 0 || i >= len(p.Links) {
		return nil
	}
	t := p.Links[i]
	tab := -1
	for j, id := range m.ids {
		if id == t.Page {
			tab = j
		}
	}
	target := m.lib.Page(m.lang, t.Page)
	if tab < 0 || target == nil {
		l.note = fmt.Sprintf(m.s.LinkTo, t.Target)
		return nil
	}
	spot := Spot{}
	if t.Anchor != "" {
		if s := target.SectionByAnchor(t.Anchor); s >= 0 {
			spot = spotOf(target, target.Sections[s].Heading.Block)
		}
	}
	l.push(m)
	l.link = -1
	m.dirty = true
	m.spots[tab] = spot
	if tab == m.tab && m.doc != nil {
		m.restoreSpot()
		return nil
	}
	return m.openTab(tab)
}

// push records where the reader is, before a page jump.
func (l *lookup) push(m *Model) {
	m.saveSpot()
	here := place{lang: m.lang, tab: m.tab, spot: m.spots[m.tab]}
	if n := len(l.history); n > 0 && l.history[n-1] == here {
		return
	}
	l.history = append(l.history, here)
	if len(l.history) > maxHistory {
		l.history = l.history[1:]
	}
}

// back returns to where the reader was before the last page jump.
func (l *lookup) back(m *Model) tea.Cmd {
	if len(l.history) == 0 {
		l.note = m.s.HistoryEmpty
		return nil
	}
	p := l.history[len(l.history)-1]
	l.history = l.history[:len(l.history)-1]
	l.link = -1
	m.dirty = true
	m.spots[p.tab] = p.spot
	if p.lang == m.lang && p.tab == m.tab && m.doc != nil {
		m.restoreSpot()
		return nil
	}
	if p.lang != m.lang {
		m.setLang(p.lang)
		l.langChanged(m)
	}
	return m.openTab(p.tab)
}

// marks are the marks of the page, by doc line: the occurrences of the search
// (the current one apart) and the selected link.
func (l *lookup) marks(m *Model) map[int][]mark {
	out := map[int][]mark{}
	for i, o := range l.occ {
		k := markMatch
		if i == l.current {
			k = markCurrent
		}
		out[o.line] = append(out[o.line], mark{col0: o.col0, col1: o.col1, kind: k})
	}
	if l.link >= 0 && m.doc != nil {
		for _, s := range m.doc.LinkSpans(l.link) {
			out[s.Line] = append(out[s.Line], mark{col0: s.Col0, col1: s.Col1, kind: markLink})
		}
	}
	return out
}

// status is the lookup's part of the status bar: a note, the selected link's
// target, or the match counter.
func (l *lookup) status(m *Model) string {
	if l.note != "" {
		return l.note
	}
	if p := m.page(); l.link >= 0 && p != nil && l.link < len(p.Links) {
		t := p.Links[l.link]
		dest := t.Target
		if tp := m.lib.Page(m.lang, t.Page); tp != nil {
			dest = tp.Tab
			if s := tp.SectionByAnchor(t.Anchor); s >= 0 && t.Anchor != "" {
				dest += " › " + tp.Sections[s].Heading.Text
			}
		}
		return fmt.Sprintf(m.s.LinkTo, dest)
	}
	if l.query != "" && len(l.occ) > 0 {
		if l.current < 0 {
			return m.s.Matches.N(len(l.occ))
		}
		return fmt.Sprintf(m.s.Match, l.current+1, len(l.occ))
	}
	return ""
}

// box draws the search box or the outline.
func (l *lookup) box(m *Model) string {
	st := m.lk.st
	w := min(m.width-4, 90)
	rows := max(m.pageHeight()-6, 1)
	var b strings.Builder
	if m.mode == modeOutline {
		title := st.OverlayTitle.Render(m.s.OutlineTitle)
		if l.ofiltering || l.ofilter != "" {
			title += "  / " + m.lk.text(l.ofilter) + "_"
		}
		b.WriteString(title + "\n")
		heads := l.outlineItems(m)
		if len(heads) == 0 {
			b.WriteString(st.Dim.Render(m.s.SearchNoHits) + "\n")
		}
		writeList(&b, heads, l.outlineSel, rows-1, w-4, m.lk)
		b.WriteString("\n" + st.Dim.Render(ansi.Truncate(m.lk.text(m.s.OutlineHint), w-4, m.lk.text("…"))))
		return st.Overlay.Width(w).Render(b.String())
	}
	l.input.SetWidth(max(w-6-ansi.StringWidth(m.s.SearchPrompt), 1))
	b.WriteString(st.OverlayTitle.Render(m.s.SearchPrompt) + l.input.View() + "\n")
	items := make([]string, len(l.hits))
	for i, h := range l.hits {
		where := h.Page
		if p := m.lib.Page(h.Lang, h.Page); p != nil {
			where = p.Tab
		}
		if h.Heading != "" && h.Heading != where {
			where += " › " + h.Heading
		}
		if h.OtherLang {
			where = "[" + strings.ToUpper(h.Lang) + "] " + where
		} else if h.Via == search.ViaOtherLang {
			where += " (via " + strings.ToUpper(h.Found) + ")"
		}
		snip := h.Snippet
		if len(h.Marks) > 0 && i != l.sel {
			var rs []lipgloss.Range
			for _, mk := range h.Marks {
				if mk[0] >= 0 && mk[1] <= len(snip) && mk[0] < mk[1] {
					rs = append(rs, lipgloss.NewRange(ansi.StringWidth(snip[:mk[0]]), ansi.StringWidth(snip[:mk[1]]), st.KeyCol))
				}
			}
			snip = lipgloss.StyleRanges(snip, rs...)
		}
		items[i] = st.KeyCol.Render(m.lk.text(where)) + "  " + m.lk.text(snip)
	}
	if l.input.Value() != "" && len(l.hits) == 0 {
		msg := m.s.SearchNoHits
		if l.suggest != "" {
			msg += " · " + fmt.Sprintf(m.s.Tools.DidYouMean, l.suggest)
		}
		b.WriteString(st.Dim.Render(ansi.Truncate(m.lk.text(msg), w-4, m.lk.text("…"))) + "\n")
	} else {
		writeList(&b, items, l.sel, rows, w-4, m.lk)
	}
	b.WriteString("\n" + st.Dim.Render(ansi.Truncate(m.lk.text(m.s.SearchHint), w-4, m.lk.text("…"))))
	return st.Overlay.Width(w).Render(b.String())
}

// writeList writes at most rows items, scrolled so that sel is visible, sel marked.
func writeList(b *strings.Builder, items []string, sel, rows, width int, lk look) {
	start := 0
	if sel >= rows {
		start = sel - rows + 1
	}
	for i := start; i < len(items) && i < start+rows; i++ {
		line := ansi.Truncate(items[i], max(width-2, 1), lk.text("…"))
		if i == sel {
			line = lk.st.Selected.Render(lk.text("› ") + ansi.Strip(line))
		} else {
			line = "  " + line
		}
		b.WriteString(line + "\n")
	}
}
