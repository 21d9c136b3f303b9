package tui

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"
	"github.com/cyberdiplo/cyberdiplo/third_party/lipgloss"

	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
	"github.com/cyberdiplo/cyberdiplo/internal/textsafe"
	"github.com/cyberdiplo/cyberdiplo/third_party/bubbles/textinput"
)

// lookup is what finds things on screen: the search box and its results, the
// occurrences on the page of the search being stepped through.
// The search itself, the selected link and the history are the session's
// (reader.Session).
type lookup struct {
	input   *textinput.Model // the search box, once opened (8 KB: not made for every reader)
	hits    []search.Hit
	sel     int
	suggest string // "did you mean" when nothing matched
	// unmatched are the words of the query that matched nothing.
	unmatched []string

	gen   int    // counts the changes of hits: part of the drawn box's key
	drew  boxKey // what the box last drawn was drawn from
	drawn string

	occ     []occurrence // the occurrences of the session's search on the page, in reading order
	current int          // index in occ of the current one, -1 before any
	land    landing      // where to land once the next page is drawn
}

// occurrence is one occurrence of the search on the page: the line it starts
// on and its cells there, and the lines it wraps onto (a phrase the width
// broke: still one occurrence).
type occurrence struct {
	line, col0, col1 int
	wraps            []occSpan
}

// occSpan is the part of an occurrence on a line it wraps onto.
type occSpan struct{ line, col0, col1 int }

// landing is which occurrence a search lands on in a page being opened: none
// (no landing), the first at or below the session's place (the section a hit
// opened, or the top of the page), or the last of the page. Where is the
// session's: the landing names no place of its own.
type landing int

const (
	landNone landing = iota
	landFirst
	landLast
)

// maxQuery bounds what the search box holds, in characters.
const maxQuery = 80

// newInput is the search box.
func newInput(m *Model) *textinput.Model {
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
	return &in
}

// layout sizes the search box for the window (in Update: View changes nothing).
func (l *lookup) layout(m *Model) {
	if l.input == nil {
		return
	}
	w, _, _ := boxColumns(m.width)
	l.input.SetWidth(max(w-6-ansi.StringWidth(m.s.SearchPrompt), 1))
}

// restyle follows a change of look (colours, plain marks).
func (l *lookup) restyle(m *Model) {
	if m.mode == modeSearch {
		v := l.input.Value()
		l.input = newInput(m)
		l.input.SetValue(v)
		l.layout(m)
	}
}

// newDoc runs when a page is drawn: its occurrences of the search are found
// again, and no link is selected.
//
// They are found in each block's text as a whole, not line by line: the lines
// a block was drawn on, joined, are its text again (the wrap turned spaces into
// line breaks; a list's indent and a quote's bar are no words), so that a
// phrase the width broke across two lines is one occurrence, and the count
// ("match 3 of 12") is the document's whatever the width.
func (l *lookup) newDoc(m *Model) {
	l.occ = nil
	l.current = -1
	if m.sess.Query() == "" || m.doc == nil {
		return
	}
	plain := m.doc.Plain
	for from := 0; from < len(plain); {
		// The lines of one block (or those above the first).
		b, to := m.doc.BlockAt(from), from+1
		for to < len(plain) && m.doc.BlockAt(to) == b {
			to++
		}
		l.occ = appendOccurrences(l.occ, plain[from:to], from, m.sess.Marks)
		from = to
	}
}

// appendOccurrences appends the occurrences that marks finds in lines (those
// of one block, the first being line first of the page) read as one text.
func appendOccurrences(occ []occurrence, lines []string, first int, marks func(string) [][2]int) []occurrence {
	text := strings.Join(lines, "\n")
	// starts[i] is the byte offset of lines[i] in text.
	starts := make([]int, len(lines))
	for i, off := 1, 0; i < len(lines); i++ {
		off += len(lines[i-1]) + 1
		starts[i] = off
	}
	lineOf := func(at int) int {
		i := sort.SearchInts(starts, at+1) - 1
		return max(i, 0)
	}
	for _, mk := range marks(text) {
		if mk[0] < 0 || mk[1] > len(text) || mk[0] >= mk[1] {
			continue
		}
		var o occurrence
		for i := lineOf(mk[0]); i < len(lines) && starts[i] < mk[1]; i++ {
			line := lines[i]
			a, z := max(mk[0]-starts[i], 0), min(mk[1]-starts[i], len(line))
			if a >= z {
				continue
			}
			c0, c1 := ansi.StringWidth(line[:a]), ansi.StringWidth(line[:z])
			if o.col1 == 0 && o.wraps == nil {
				o.line, o.col0, o.col1 = first+i, c0, c1
			} else {
				o.wraps = append(o.wraps, occSpan{first + i, c0, c1})
			}
		}
		if o.col1 > o.col0 {
			occ = append(occ, o)
		}
	}
	return occ
}

// afterRender lands a search on the page just drawn.
func (l *lookup) afterRender(m *Model) {
	to := l.land
	l.land = landNone
	if to == landNone || m.doc == nil || len(l.occ) == 0 {
		return
	}
	if to == landLast {
		l.showMatch(m, len(l.occ)-1)
		return
	}
	// The match is shown within the section the search landed on: that section
	// stays the one being read, though the view moved down to the match.
	jump := m.sess.Place()
	defer func() {
		pl := m.sess.Place()
		if jump.Section == "" || pl.Section != "" {
			return
		}
		if _, b, _ := m.TopBlock(); b >= 0 && m.page().Blocks[b].Section == m.lib.JumpedSection(jump, m.lang) {
			pl.Section = jump.Section
			if pl.Lang != jump.Lang {
				pl = m.sess.In(pl)
				pl.Section = m.sess.In(jump).Section
			}
			m.sess.SetPlace(pl)
			m.landed = m.off
		}
	}()
	from := 0
	if p, sec := m.page(), m.lib.JumpedSection(jump, m.lang); p != nil && sec >= 0 && p.Sections[sec].Heading.Block >= 0 {
		from = max(m.doc.BlockLine(p.Sections[sec].Heading.Block), 0)
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
	l.gen++
	m.bar.note = ""
}

// readKey handles the lookup keys of reading mode.
func (l *lookup) readKey(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	m.bar.note = ""
	switch {
	case key.Matches(msg, k.Search):
		m.mode = modeSearch
		l.input = newInput(m)
		l.layout(m)
		l.hits = nil
		l.gen++
		l.sel = 0
	case key.Matches(msg, k.Outline):
		m.openOutline()
	case key.Matches(msg, k.Close):
		m.sess.Search("")
		m.sess.SelectLink(-1)
		l.occ, l.current = nil, -1
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
		if m.sess.Link() < 0 {
			m.bar.note = m.s.NoLink
			return nil
		}
		return l.follow(m, m.sess.Link())
	case key.Matches(msg, k.Back):
		return l.back(m)
	}
	return nil
}

// searchOpenMsg asks the reader to open a result; searchCloseMsg closes the box.
type (
	searchOpenMsg struct {
		hit   search.Hit
		query string
	}
	searchCloseMsg struct{}
)

// key handles keys while the search box is open: it returns what it asks of
// the reader (open a result, close the box), handled at once, or the text
// input's command.
func (l *lookup) key(m *Model, msg tea.KeyPressMsg) (tea.Cmd, tea.Msg) {
	k := m.keys.Box
	switch {
	case key.Matches(msg, k.Cancel):
		return nil, searchCloseMsg{}
	case key.Matches(msg, k.Open):
		if l.sel < len(l.hits) {
			return nil, searchOpenMsg{hit: l.hits[l.sel], query: strings.TrimSpace(l.input.Value())}
		}
		return nil, nil
	case key.Matches(msg, k.Up):
		l.sel = max(l.sel-1, 0)
		return nil, nil
	case key.Matches(msg, k.Down):
		l.sel = min(l.sel+1, max(len(l.hits)-1, 0))
		return nil, nil
	}
	before := l.input.Value()
	var cmd tea.Cmd
	*l.input, cmd = l.input.Update(msg)
	if v := l.input.Value(); v != before {
		if clean := textsafe.DropControls(v); clean != v {
			l.input.SetValue(clean) // no control sequence, control or bidi character is echoed
		}
		l.refresh(m)
	}
	return cmd, nil
}

// refresh runs the search box's query again (as typed, or once the index is ready).
func (l *lookup) refresh(m *Model) {
	l.sel = 0
	l.hits = nil
	l.gen++
	if m.index != nil {
		// The snippet gets the row less the "page › heading" column and the
		// sources' years after it.
		_, snip, _ := boxColumns(m.width)
		res := m.index.Find(l.input.Value(), search.Options{Lang: m.lang, AllLangs: true, Limit: 50, Width: snippetWidth(snip)})
		l.hits, l.suggest, l.unmatched = res.Hits, res.DidYouMean, res.Unmatched
	}
}

// open shows a search hit: its page, in its language, at the first occurrence in
// its section, with every occurrence marked. Opening a result is one step in the
// history, whatever n and N do after it.
func (l *lookup) open(m *Model, h search.Hit, query string) tea.Cmd {
	m.saveSpot()
	if !m.sess.OpenHit(h, query) {
		return nil
	}
	l.land = landFirst // at or below the hit's section, the session's place
	return m.reopen()
}

// step moves to the next (+1) or previous (-1) occurrence, on to the next page
// with matches when this one has no more. It is not a step in the history: one
// search is one step, however many times n is pressed.
func (l *lookup) step(m *Model, dir int) tea.Cmd {
	if m.sess.Query() == "" || m.doc == nil {
		if m.sess.Query() == "" {
			m.bar.note = m.s.Tools.NoSearch
		}
		return nil
	}
	if !l.onScreen(m) {
		l.current = -1 // the view moved away from it: go on from the view, as less does
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
		return nil // the index is being built
	}
	t, ok := m.sess.Step(dir)
	if !ok || (t == m.sess.Tab() && len(l.occ) == 0) {
		m.bar.note = m.s.NoMatches
		return nil
	}
	l.land = landFirst
	if dir < 0 {
		l.land = landLast
	}
	if t == m.sess.Tab() {
		m.sess.StepTo(t) // round again from the top of this page
		l.afterRender(m)
		m.saveSpot() // the session's place is the view's, wherever the match is
		return nil
	}
	m.sess.StepTo(t)
	return m.reopen()
}

// onScreen reports whether there is a current match and it is in the view (after
// G, say, it is not, and the status bar counts the matches instead).
func (l *lookup) onScreen(m *Model) bool {
	if l.current < 0 || l.current >= len(l.occ) {
		return false
	}
	line, top := l.occ[l.current].line, m.offset()
	return line >= top && line < top+m.pageHeight()
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
		if li == m.sess.Link() {
			at = i
		}
	}
	next := -1
	switch {
	case at >= 0:
		next = at + dir
		if next < 0 || next >= len(order) {
			m.bar.note = m.s.NoMoreLinks
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
		m.bar.note = m.s.NoLinks
		return
	}
	m.sess.SelectLink(order[next])
	m.dirty = true
	if !l.linkVisible(m, order[next]) {
		spans := m.doc.LinkSpans(order[next])
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
	t, ok := m.sess.LinkTarget(i)
	if !ok {
		return nil
	}
	if t.External || t.Unknown {
		m.bar.note = fmt.Sprintf(m.s.LinkTo, t.Link.Target)
		return nil
	}
	m.saveSpot()
	m.sess.Follow(i)
	return m.reopen()
}

// back returns to where the reader was before the last page jump.
func (l *lookup) back(m *Model) tea.Cmd {
	m.saveSpot()
	if !m.sess.Back() {
		m.bar.note = m.s.HistoryEmpty
		return nil
	}
	return m.reopen()
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
		for _, w := range o.wraps {
			out[w.line] = append(out[w.line], mark{col0: w.col0, col1: w.col1, kind: k})
		}
	}
	if m.sess.Link() >= 0 && m.doc != nil {
		for _, s := range m.doc.LinkSpans(m.sess.Link()) {
			out[s.Line] = append(out[s.Line], mark{col0: s.Col0, col1: s.Col1, kind: markLink})
		}
	}
	return out
}

// status is the lookup's part of the status bar: the selected link's target,
// or the match counter ("" for neither).
func (l *lookup) status(m *Model) string {
	if p, li := m.page(), m.sess.Link(); li >= 0 && p != nil && li < len(p.Links) {
		t := p.Links[li]
		dest := t.Target
		if tp := m.lib.Page(m.lang, t.Page); tp != nil {
			dest = tp.Tab
			if s := tp.SectionByAnchor(t.Anchor); s >= 0 && t.Anchor != "" {
				dest += " › " + tp.Sections[s].Heading.Text
			}
		}
		return fmt.Sprintf(m.s.LinkTo, dest)
	}
	if m.sess.Query() != "" && len(l.occ) > 0 {
		if !l.onScreen(m) {
			return m.s.Matches.N(len(l.occ))
		}
		return fmt.Sprintf(m.s.Match, l.current+1, len(l.occ))
	}
	return ""
}

// boxMargin is what the search box leaves of the window's width.
const boxMargin = 4

// wideBox is the narrowest search box whose rows are one line each (the place,
// the snippet, the sources); a narrower box gives each result two lines, the
// place and the sources' years, then the snippet indented, so that the
// snippet keeps the room to carry its answer.
const wideBox = 116

// boxColumns returns, for a window of the given width, the search box's width,
// the room of a snippet and that of the sources in a row.
func boxColumns(width int) (box, snippet, sources int) {
	// At least 24 wide, never wider than the window (from minWidth).
	box = min(max(width-boxMargin, 24), max(width, minWidth))
	row := box - 6 // the box's border and padding, the "› " of a row
	if box < wideBox {
		return box, max(row-2, 12), 24
	}
	sources = 24 // "MAECI 2026, 2021"
	return box, max(row-row/3-2-sources-2-4, 20), sources
}

// narrowSnippet is the narrowest snippet line that carries a sentence with its
// date ("The first OEWG ended on 12 March 2021 with a…"): a box whose snippet
// room is less gives the snippet two lines.
const narrowSnippet = 56

// wrapSlack is what a snippet of two lines is asked less than twice a line's
// room: the first line ends at a space, so it holds a word or so less.
const wrapSlack = 8

// snippetLines is how many lines a snippet gets when a line has room runes.
func snippetLines(room int) int {
	if room < narrowSnippet {
		return 2
	}
	return 1
}

// snippetWidth is the width a search is asked to cut its snippets to, for a
// box whose snippet line has room runes.
func snippetWidth(room int) int {
	if snippetLines(room) == 2 {
		return 2*room - wrapSlack
	}
	return room
}

// splitSnippet cuts a snippet into lines of at most room runes, at most n of
// them, each ending at a space (a word longer than a line is cut), with the
// byte ranges of marks that fall in each line, moved with it. The rest, if
// any, goes on the last line (which the box cuts with "…").
func splitSnippet(s string, marks [][2]int, room, n int) ([]string, [][][2]int) {
	var lines []string
	var lineMarks [][][2]int
	for from := 0; from < len(s); {
		end := len(s)
		if len(lines) < n-1 {
			// The byte after room runes; back to the last space before it.
			runes := 0
			for i := range s[from:] {
				if runes == room {
					end = from + i
					break
				}
				runes++
			}
			if end < len(s) {
				if sp := strings.LastIndexByte(s[from:end+1], ' '); sp > 0 {
					end = from + sp
				}
			}
		}
		var ms [][2]int
		for _, mk := range marks {
			if a, b := max(mk[0], from), min(mk[1], end); a < b {
				ms = append(ms, [2]int{a - from, b - from})
			}
		}
		lines, lineMarks = append(lines, s[from:end]), append(lineMarks, ms)
		from = end
		for from < len(s) && s[from] == ' ' {
			from++
		}
	}
	return lines, lineMarks
}

// markSnippet styles the marked byte ranges of a line of a snippet.
func markSnippet(s string, marks [][2]int, style lipgloss.Style) string {
	var rs []lipgloss.Range
	for _, mk := range marks {
		if mk[0] >= 0 && mk[1] <= len(s) && mk[0] < mk[1] {
			rs = append(rs, lipgloss.NewRange(ansi.StringWidth(s[:mk[0]]), ansi.StringWidth(s[:mk[1]]), style))
		}
	}
	return lipgloss.StyleRanges(s, rs...)
}

// placeRow is a result's place as a row shows it in room cells: "tab ›
// heading" (head may be ""), the tab cut first when it does not fit, so that
// the heading stays whole, a timeline's year often being what was asked:
// "Time… › 2004", not "Timeline › …". When even a cut tab leaves the heading
// too little, the heading is cut too, never to nothing: it keeps at least its
// first word (headMin), the tab what is left, or goes.
func placeRow(lead, head string, room int, lk look) string {
	full := lead
	if head != "" {
		full += " › " + head
	}
	full = lk.text(full)
	ell := lk.text("…")
	if head == "" || ansi.StringWidth(full) <= room {
		return ansi.Truncate(full, room, ell)
	}
	sep, h, l := lk.text(" › "), lk.text(head), lk.text(lead)
	if left := room - ansi.StringWidth(sep+h); left > ansi.StringWidth(ell) {
		return ansi.Truncate(l, left, ell) + sep + h
	}
	switch left := room - ansi.StringWidth(sep) - headMin(head, lk); {
	case left >= ansi.StringWidth(l):
	case left > ansi.StringWidth(ell):
		l = ansi.Truncate(l, left, ell)
	default:
		return cutWords(h, room, ell) // no room for the tab: the heading alone
	}
	return l + sep + cutWords(h, room-ansi.StringWidth(l+sep), ell)
}

// cutWords is a heading cut to width cells with ell: after a whole word when
// the cut keeps at least its first words (headWords), never after a space or
// an opening bracket ("OEWG…", not "OEWG (…").
func cutWords(s string, width int, ell string) string {
	c := ansi.Truncate(s, width, ell)
	if c == s {
		return c
	}
	c = strings.TrimSuffix(c, ell)
	if next := s[len(c):]; next != "" && next[0] != ' ' {
		if sp := strings.LastIndexByte(c, ' '); sp >= len(headWords(s)) {
			c = c[:sp]
		}
	}
	return strings.TrimRight(c, " ([{-–,;:") + ell
}

// headWords is the start of a heading that a row keeps however narrow: its
// first word, and the next after an article ("The Cyber", "Il processo"; an
// acronym, "CBM", stands alone).
func headWords(head string) string {
	words := strings.Fields(head)
	if len(words) == 0 {
		return ""
	}
	n := 1
	r := []rune(words[0])
	if len(words) > 1 && len(r) <= 3 && unicode.IsUpper(r[0]) && strings.ToLower(string(r[1:])) == string(r[1:]) {
		n = 2
	}
	return strings.Join(words[:n], " ")
}

// headMin is the width of the least of a heading a row shows: its first word,
// with "…" when there is more.
func headMin(head string, lk look) int {
	w, _, more := strings.Cut(strings.TrimSpace(head), " ")
	if !more {
		return ansi.StringWidth(lk.text(w))
	}
	return ansi.StringWidth(lk.text(w + "…"))
}

// placeMin is the width a narrow row keeps for a result's place before it
// shows any source: the heading's first word and the tab, cut to a letter and
// "…" if need be ("T… › 2004").
func placeMin(lead, head string, lk look) int {
	l := ansi.StringWidth(lk.text(lead))
	if head == "" {
		return l
	}
	l = min(l, 1+ansi.StringWidth(lk.text("…")))
	return min(ansi.StringWidth(lk.text(lead+" › "+head)), l+ansi.StringWidth(lk.text(" › "))+headMin(head, lk))
}

// rowSources is the fullest label of a result's sources that fits in room
// cells on a narrow row: by publisher with their years when they fit in srcW,
// their years, the newest year; "" when none fits.
func rowSources(h search.Hit, srcW, room int, lk look) string {
	years := h.Years()
	newest, _, _ := strings.Cut(years, ", ")
	for _, s := range []string{h.RowLabel(min(srcW, room)), years, newest} {
		if s != "" && ansi.StringWidth(lk.text(s)) <= room {
			return s
		}
	}
	return ""
}

// writePairs writes results as a head line each (heads[i]) with the lines of
// its snippet (snips[i]) indented below, at most rows lines, scrolled so that
// sel is visible, sel marked.
func writePairs(b *strings.Builder, heads []string, snips [][]string, sel, rows, width int, lk look) {
	lines := 1
	for _, s := range snips {
		lines = max(lines, 1+len(s))
	}
	per := max(rows/lines, 1)
	start := 0
	if sel >= per {
		start = sel - per + 1
	}
	for i := start; i < len(heads) && i < start+per; i++ {
		b.WriteString(listRow(heads[i], i == sel, width, lk) + "\n")
		for _, s := range snips[i] {
			b.WriteString("    " + ansi.Truncate(s, max(width-4, 1), lk.text("…")) + "\n")
		}
	}
}

// box draws the search box.
// boxKey is everything the search box is drawn from: the same key, the same box
// (keys typed past the query's limit, a paste without bracketed paste, change
// nothing, and a frame is drawn after every key).
type boxKey struct {
	input         string
	gen, sel      int
	width, height int
	lang          string
	lk            look
}

func (l *lookup) box(m *Model) string {
	k := boxKey{l.input.View(), l.gen, l.sel, m.width, m.pageHeight(), m.lang, m.lk}
	if k != l.drew || l.drawn == "" {
		l.drew, l.drawn = k, l.drawBox(m)
	}
	return l.drawn
}

func (l *lookup) drawBox(m *Model) string {
	st := m.lk.st
	w, snipW, srcW := boxColumns(m.width)
	rows := max(m.pageHeight()-6, 1)
	var b strings.Builder
	b.WriteString(st.OverlayTitle.Render(m.s.SearchPrompt) + l.input.View() + "\n")
	items := make([]string, len(l.hits))
	snips := make([][]string, len(l.hits))
	for i, h := range l.hits {
		// The place: the page's tab (lead) and the section's heading.
		lead, head := h.Page, ""
		if p := m.lib.Page(h.Lang, h.Page); p != nil {
			lead = p.Tab
		}
		if h.Heading != "" && h.Heading != lead {
			head = h.Heading
		}
		if h.OtherLang {
			lead = "[" + langs.Label(h.Lang) + "] " + lead
		} else if h.Via == search.ViaOtherLang {
			if via := " (via " + langs.Label(h.Found) + ")"; head != "" {
				head += via
			} else {
				lead += via
			}
		}
		marks := h.Marks
		if i == l.sel {
			marks = nil
		}
		if w < wideBox {
			// The place and the sources, then the snippet on its own lines.
			// The place keeps its tab and the heading's first words: the
			// sources give way first (their years, the newest, none).
			room := w - 6
			src := rowSources(h, srcW, room-2-placeMin(lead, head, m.lk), m.lk)
			items[i] = st.KeyCol.Render(placeRow(lead, head, room, m.lk))
			if src != "" {
				where := placeRow(lead, head, room-2-ansi.StringWidth(m.lk.text(src)), m.lk)
				items[i] = st.KeyCol.Render(where) + "  " + st.Dim.Render(m.lk.text(src))
			}
			lines, lineMarks := splitSnippet(h.Snippet, marks, snipW, snippetLines(snipW))
			for j, line := range lines {
				snips[i] = append(snips[i], m.lk.text(markSnippet(line, lineMarks[j], st.KeyCol)))
			}
			continue
		}
		snip := markSnippet(h.Snippet, marks, st.KeyCol)
		// One line: the place in a column of a third of the row, the snippet, the sources.
		col := (w - 6) / 3
		where := placeRow(lead, head, col, m.lk)
		pad := strings.Repeat(" ", max(col-ansi.StringWidth(where), 0))
		// The sources in a column: the ASCII style writes each "…" in 3 cells.
		spad := strings.Repeat(" ", max(snipW+4-ansi.StringWidth(m.lk.text(h.Snippet)), 0))
		items[i] = st.KeyCol.Render(where) + pad + "  " + m.lk.text(snip) + spad + "  " + st.Dim.Render(m.lk.text(h.RowLabel(srcW)))
	}
	if l.input.Value() != "" && len(l.hits) == 0 {
		msg := m.s.SearchNoHits
		if len(l.unmatched) > 0 {
			msg = fmt.Sprintf(m.s.Unmatched, strings.Join(l.unmatched, ", "))
		}
		if l.suggest != "" {
			msg += " · " + fmt.Sprintf(m.s.Tools.DidYouMean, l.suggest)
		}
		b.WriteString(st.Dim.Render(ansi.Truncate(m.lk.text(msg), w-4, m.lk.text("…"))) + "\n")
	} else if w < wideBox {
		writePairs(&b, items, snips, l.sel, rows, w-4, m.lk)
	} else {
		writeList(&b, items, l.sel, rows, w-4, m.lk)
	}
	hint := m.s.SearchHint
	if n := len(l.hits); n == 1 {
		hint = m.s.SearchOne + " · " + hint
	} else if n > 1 {
		hint = fmt.Sprintf(m.s.SearchCount, n) + " · " + hint
	}
	b.WriteString("\n" + st.Dim.Render(ansi.Truncate(m.lk.text(hint), w-4, m.lk.text("…"))))
	return st.Overlay.Width(w).Render(b.String())
}

// writeList writes at most rows items, scrolled so that sel is visible, sel marked.
func writeList(b *strings.Builder, items []string, sel, rows, width int, lk look) {
	start := 0
	if sel >= rows {
		start = sel - rows + 1
	}
	for i := start; i < len(items) && i < start+rows; i++ {
		b.WriteString(listRow(items[i], i == sel, width, lk) + "\n")
	}
}

// moveSel moves the selection of a list of n entries for the keys up, down,
// first and last: the new selection, and whether msg was one of those keys.
func moveSel(msg tea.KeyPressMsg, sel, n int, up, down, first, last key.Binding) (int, bool) {
	switch {
	case key.Matches(msg, up):
		return max(sel-1, 0), true
	case key.Matches(msg, down):
		return min(sel+1, max(n-1, 0)), true
	case key.Matches(msg, first):
		return 0, true
	case key.Matches(msg, last):
		return max(n-1, 0), true
	}
	return sel, false
}

// listRow is one row of a list in an overlay, cut to width: the selected one
// marked "› " in the selection style, the others indented to match.
func listRow(item string, selected bool, width int, lk look) string {
	line := ansi.Truncate(item, max(width-2, 1), lk.text("…"))
	if selected {
		return lk.st.Selected.Render(lk.text("› ") + ansi.Strip(line))
	}
	return "  " + line
}
