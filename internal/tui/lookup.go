package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/render"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
)

// lookup is everything that finds things: the search box and its results, the
// matches of the last search on the page, the outline, the focused link and the
// history of followed links.
type lookup struct {
	input   []rune
	hits    []search.Hit
	sel     int
	query   string // the search whose matches are highlighted ("" for none)
	matches []int  // lines of the doc holding a match of query
	match   int    // index in matches of the current one, -1 before any
	pending *search.Hit

	outlineSel int

	link    int // index of the focused link in the doc's links, -1 for none
	history []place
	note    string // a one-off message for the status bar
}

// place is where a reader was, to come back to it.
type place struct {
	lang string
	tab  int
	pos  position
}

const maxHistory = 50

// afterRender runs when a new doc is shown: it recomputes the matches and, after a
// search or a followed link, scrolls to the place that was asked for.
func (l *lookup) afterRender(m *Model) {
	l.link = -1
	l.matches = nil
	l.match = -1
	if l.query != "" && m.doc != nil {
		for i, line := range m.doc.Plain {
			if len(search.Marks(line, l.query)) > 0 {
				l.matches = append(l.matches, i)
			}
		}
	}
	if h := l.pending; h != nil && m.doc != nil {
		l.pending = nil
		from := 0
		if h.HeadingIndex >= 0 && h.HeadingIndex < len(m.doc.Headings) {
			from = m.doc.Headings[h.HeadingIndex]
		}
		for i, line := range l.matches {
			if line >= from {
				l.match = i
				l.scrollTo(m, line)
				return
			}
		}
		m.setOffset(from)
	}
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
		l.input = nil
		l.hits = nil
		l.sel = 0
	case key.Matches(msg, k.Outline):
		m.mode = modeOutline
		l.outlineSel = 0
		if m.doc != nil {
			l.outlineSel = max(m.doc.HeadingAt(m.offset), 0)
		}
	case key.Matches(msg, k.Close):
		l.query, l.matches, l.link = "", nil, -1
	case key.Matches(msg, k.NextMatch):
		return l.step(m, +1)
	case key.Matches(msg, k.PrevMatch):
		return l.step(m, -1)
	case key.Matches(msg, k.NextLink):
		l.focusLink(m, +1)
	case key.Matches(msg, k.PrevLink):
		l.focusLink(m, -1)
	case key.Matches(msg, k.Follow):
		return l.follow(m)
	case key.Matches(msg, k.Back):
		return l.back(m)
	}
	return nil
}

// key handles keys while the search box or the outline is open.
func (l *lookup) key(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	if m.mode == modeOutline {
		n := 0
		if m.doc != nil {
			n = len(m.page().Headings)
		}
		switch msg.String() {
		case "esc", "o", "q":
			m.mode = modeRead
		case "up", "k", "shift+tab":
			l.outlineSel = max(l.outlineSel-1, 0)
		case "down", "j", "tab":
			l.outlineSel = min(l.outlineSel+1, max(n-1, 0))
		case "enter":
			m.mode = modeRead
			if m.doc != nil && l.outlineSel < len(m.doc.Headings) {
				m.setOffset(m.doc.Headings[l.outlineSel])
			}
		}
		return nil
	}
	switch msg.String() {
	case "esc":
		m.mode = modeRead
		return nil
	case "enter":
		if l.sel < len(l.hits) {
			h := l.hits[l.sel]
			m.mode = modeRead
			return l.open(m, h, strings.TrimSpace(string(l.input)))
		}
		return nil
	case "up", "ctrl+p", "shift+tab":
		l.sel = max(l.sel-1, 0)
		return nil
	case "down", "ctrl+n", "tab":
		l.sel = min(l.sel+1, max(len(l.hits)-1, 0))
		return nil
	case "backspace":
		if len(l.input) > 0 {
			l.input = l.input[:len(l.input)-1]
		}
	case "ctrl+u":
		l.input = nil
	default:
		t := msg.Key().Text
		if t == "" || len([]rune(t))+len(l.input) > 80 {
			return nil
		}
		for _, r := range t {
			if r >= 0x20 && r != 0x7f && !(r >= 0x80 && r <= 0x9f) {
				l.input = append(l.input, r)
			}
		}
	}
	l.refresh(m)
	return nil
}

// refresh runs the search box's query again (as typed, or once the index is ready).
func (l *lookup) refresh(m *Model) {
	l.sel = 0
	l.hits = nil
	if m.index != nil {
		l.hits = m.index.Search(string(l.input), search.Options{Lang: m.lang, AllLangs: true, Limit: 50})
	}
}

// open shows a search hit: its page, in its language, scrolled to the match, with
// every match highlighted.
func (l *lookup) open(m *Model, h search.Hit, query string) tea.Cmd {
	l.push(m)
	l.query = query
	h2 := h
	l.pending = &h2
	m.savePos()
	if h.Lang != m.lang {
		m.setLang(h.Lang)
	}
	for i, id := range m.ids {
		if id == h.Page {
			m.tab = i
		}
	}
	m.doc = nil
	return m.sync()
}

// step moves to the next (+1) or previous (-1) match, on to the next page with
// matches when this one has no more.
func (l *lookup) step(m *Model, dir int) tea.Cmd {
	if l.query == "" {
		return nil
	}
	next := l.match + dir
	if l.match < 0 && dir > 0 {
		// the first match at or below the top of the screen
		for i, line := range l.matches {
			if line >= m.offset {
				next = i
				break
			}
		}
	}
	if next >= 0 && next < len(l.matches) {
		l.match = next
		l.scrollTo(m, l.matches[next])
		return nil
	}
	// On to the next page (in tab order, wrapping) that has a match.
	if m.index == nil {
		return nil
	}
	hits := m.index.Search(l.query, search.Options{Lang: m.lang, Limit: 1000})
	has := map[string]bool{}
	for _, h := range hits {
		has[h.Page] = true
	}
	n := len(m.ids)
	for i := 1; i <= n; i++ {
		t := ((m.tab+dir*i)%n + n) % n
		if t == m.tab && len(l.matches) == 0 {
			break
		}
		if has[m.ids[t]] {
			l.push(m)
			m.savePos()
			m.tab = t
			m.doc = nil
			var pend search.Hit
			pend.HeadingIndex = -1
			if dir < 0 {
				pend.HeadingIndex = 1 << 30 // from the end
			}
			l.pending = &pend
			cmd := m.sync()
			if dir < 0 && len(l.matches) > 0 {
				l.match = len(l.matches) - 1
				l.scrollTo(m, l.matches[l.match])
			}
			return cmd
		}
	}
	l.note = m.s.NoMatches
	return nil
}

// scrollTo shows a line with two lines of context above it, but never scrolls
// above the heading of its section, so that the reader is "in" that section.
func (l *lookup) scrollTo(m *Model, line int) {
	top := max(line-2, 0)
	if h := m.doc.HeadingAt(line); h >= 0 {
		top = max(top, m.doc.Headings[h])
	}
	m.setOffset(top)
}

// links are the doc's links, computed once per doc.
func (l *lookup) links(m *Model) []render.LinkSpan {
	if m.doc == nil {
		return nil
	}
	return m.doc.Links
}

// focusLink moves the focus to the next or previous link on screen.
func (l *lookup) focusLink(m *Model, dir int) {
	links := l.links(m)
	top, bottom := m.offset, m.offset+m.pageHeight()
	visible := func(i int) bool { return i >= 0 && i < len(links) && links[i].Line >= top && links[i].Line < bottom }
	next := -1
	if visible(l.link) && visible(l.link+dir) {
		next = l.link + dir
	} else if !visible(l.link) {
		if dir > 0 {
			for i := range links {
				if visible(i) {
					next = i
					break
				}
			}
		} else {
			for i := len(links) - 1; i >= 0; i-- {
				if visible(i) {
					next = i
					break
				}
			}
		}
	} else {
		next = l.link // at the last (first) link on screen: stay
	}
	if next < 0 {
		l.link = -1
		l.note = m.s.NoLinks
		return
	}
	l.link = next
}

// follow opens the focused link: another page, or a heading of this one.
func (l *lookup) follow(m *Model) tea.Cmd {
	links := l.links(m)
	if l.link < 0 || l.link >= len(links) {
		return nil
	}
	target := m.page().Links[links[l.link].Index]
	l.push(m)
	m.savePos()
	tab := m.tab
	for i, id := range m.ids {
		if id == target.Page {
			tab = i
		}
	}
	h := -1
	if p := m.lib.Page(m.lang, m.ids[tab]); p != nil && target.Anchor != "" {
		h = p.Heading(target.Anchor)
	}
	m.pos[tab] = position{heading: h}
	l.link = -1
	if tab == m.tab {
		m.restorePos()
		return nil
	}
	m.tab = tab
	m.doc = nil
	return m.sync()
}

func (l *lookup) push(m *Model) {
	m.savePos()
	l.history = append(l.history, place{lang: m.lang, tab: m.tab, pos: m.pos[m.tab]})
	if len(l.history) > maxHistory {
		l.history = l.history[1:]
	}
}

// back returns to where the reader was before the last link or search.
func (l *lookup) back(m *Model) tea.Cmd {
	if len(l.history) == 0 {
		l.note = m.s.HistoryEmpty
		return nil
	}
	p := l.history[len(l.history)-1]
	l.history = l.history[:len(l.history)-1]
	m.savePos()
	if p.lang != m.lang {
		m.setLang(p.lang)
	}
	m.tab = p.tab
	m.pos[p.tab] = p.pos
	m.doc = nil
	l.link = -1
	return m.sync()
}

// decorate highlights search matches and the focused link on a visible line.
func (l *lookup) decorate(m *Model, i int, line string) string {
	var ranges []lipgloss.Range
	if l.query != "" {
		plain := m.doc.Plain[i]
		for _, mk := range search.Marks(plain, l.query) {
			a, b := ansi.StringWidth(plain[:mk[0]]), ansi.StringWidth(plain[:mk[1]])
			ranges = append(ranges, lipgloss.NewRange(a, b, m.st.Highlight))
		}
	}
	if links := l.links(m); l.link >= 0 && l.link < len(links) && links[l.link].Line == i {
		s := links[l.link]
		ranges = append(ranges, lipgloss.NewRange(s.Col0, s.Col1, m.st.LinkFocus))
	}
	if len(ranges) == 0 {
		return line
	}
	// StyleRanges wants ordered ranges that do not overlap.
	for a := 1; a < len(ranges); a++ {
		for b := a; b > 0 && ranges[b].Start < ranges[b-1].Start; b-- {
			ranges[b], ranges[b-1] = ranges[b-1], ranges[b]
		}
	}
	kept := ranges[:1]
	for _, r := range ranges[1:] {
		if r.Start >= kept[len(kept)-1].End {
			kept = append(kept, r)
		}
	}
	return lipgloss.StyleRanges(line, kept...)
}

// status is the lookup's part of the status bar: a note, the link's target, or the
// match counter.
func (l *lookup) status(m *Model) string {
	if l.note != "" {
		return l.note
	}
	if links := l.links(m); l.link >= 0 && l.link < len(links) {
		t := m.page().Links[links[l.link].Index]
		dest := t.Page
		if p := m.lib.Page(m.lang, t.Page); p != nil {
			dest = p.Tab
			if h := p.Heading(t.Anchor); h >= 0 {
				dest += " › " + p.Headings[h].Text
			}
		}
		return fmt.Sprintf(m.s.LinkTo, dest)
	}
	if l.query != "" && len(l.matches) > 0 {
		if l.match < 0 {
			return fmt.Sprintf(m.s.Matches, len(l.matches))
		}
		return fmt.Sprintf(m.s.Match, l.match+1, len(l.matches))
	}
	return ""
}

// box draws the search box or the outline.
func (l *lookup) box(m *Model) string {
	w := min(m.width-4, 90)
	rows := max(m.pageHeight()-6, 1)
	var b strings.Builder
	if m.mode == modeOutline {
		b.WriteString(m.st.OverlayTitle.Render(m.s.OutlineTitle) + "\n")
		var heads []string
		if p := m.page(); p != nil {
			for _, h := range p.Headings {
				heads = append(heads, strings.Repeat("  ", max(h.Level-1, 0))+h.Text)
			}
		}
		writeList(&b, heads, l.outlineSel, rows, w-4, m.st)
		b.WriteString("\n" + m.st.Dim.Render(ansi.Truncate(m.s.OutlineHint, w-4, "…")))
		return m.st.Overlay.Width(w).Render(b.String())
	}
	b.WriteString(m.st.OverlayTitle.Render(m.s.SearchPrompt) + string(l.input) + "█\n")
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
		}
		snip := h.Snippet
		if h.Kind != search.Body {
			// A heading is its own answer only in part: show what it introduces.
			if under := firstLineUnder(m.lib.Page(h.Lang, h.Page), h.HeadingIndex); under != "" {
				snip = under
				h.Marks = search.Marks(under, string(l.input))
			}
		}
		if len(h.Marks) > 0 && i != l.sel {
			var rs []lipgloss.Range
			for _, mk := range h.Marks {
				if mk[0] >= 0 && mk[1] <= len(snip) && mk[0] < mk[1] {
					rs = append(rs, lipgloss.NewRange(ansi.StringWidth(snip[:mk[0]]), ansi.StringWidth(snip[:mk[1]]), m.st.KeyCol))
				}
			}
			snip = lipgloss.StyleRanges(snip, rs...)
		}
		items[i] = m.st.KeyCol.Render(where) + "  " + snip
	}
	if len(l.input) > 0 && len(l.hits) == 0 {
		b.WriteString(m.st.Dim.Render(m.s.SearchNoHits) + "\n")
	} else {
		writeList(&b, items, l.sel, rows, w-4, m.st)
	}
	b.WriteString("\n" + m.st.Dim.Render(ansi.Truncate(m.s.SearchHint, w-4, "…")))
	return m.st.Overlay.Width(w).Render(b.String())
}

// writeList writes at most rows items, scrolled so that sel is visible, sel marked.
func writeList(b *strings.Builder, items []string, sel, rows, width int, st styles) {
	start := 0
	if sel >= rows {
		start = sel - rows + 1
	}
	for i := start; i < len(items) && i < start+rows; i++ {
		line := ansi.Truncate(items[i], max(width-2, 1), "…")
		if i == sel {
			line = st.Selected.Render("› " + ansi.Strip(line))
		} else {
			line = "  " + line
		}
		b.WriteString(line + "\n")
	}
}

// firstLineUnder returns the first line of text below heading i of a page, plain.
func firstLineUnder(p *library.Page, i int) string {
	if p == nil || i < 0 || i >= len(p.Headings) {
		return ""
	}
	lines := strings.Split(p.Body, "\n")
	for n := p.Headings[i].Line - p.BodyLine + 1; n >= 0 && n < len(lines); n++ {
		t := strings.TrimSpace(lines[n])
		if t == "" {
			continue
		}
		if strings.HasPrefix(t, "#") {
			return ""
		}
		t = strings.TrimLeft(t, "-*0123456789. ")
		return library.StripInline(t)
	}
	return ""
}
