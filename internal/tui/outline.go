package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
	"github.com/cyberdiplo/cyberdiplo/internal/textsafe"
)

// The outline (o): the page's headings, to jump to one. It opens on the heading
// being read. Keys (outlineKeys, listed in the help): ↑/↓ j/k Tab move, g/Home
// and G/End reach the first and the last entry, Enter jumps, c copies the
// selected section, q/Esc/o/Ctrl+C close. / filters: from then on what is typed
// narrows the list as it is typed (case and accents ignored, every word must
// start a word of the heading, or be matched by the search engine), Backspace
// edits, Esc clears the filter; ↑/↓ and Enter still move and jump. Letters that
// are keys in the list (q, g, G, j, k, c) would be lost in a filter typed
// directly, hence the slash, as in glow's and less's lists.
//
// It is a component: its own state, keys, Update and View. It tells the reader
// what was picked by a request its Update returns (outlineJumpMsg,
// outlineCopyMsg, outlineCloseMsg), which the reader handles at once: not a
// command, whose message would come after keys typed in the meantime (over SSH
// keys arrive faster than commands end), and changes nothing of the reader's.

// maxOutlineFilter bounds the filter (runes).
const maxOutlineFilter = 80

// outlineJumpMsg asks the reader to jump to a heading (index in the page's Headings).
type outlineJumpMsg struct{ heading int }

// outlineCopyMsg asks the reader to copy the section of a heading.
type outlineCopyMsg struct{ heading int }

// outlineCloseMsg closes the outline.
type outlineCloseMsg struct{}

type outline struct {
	keys      outlineKeys
	page      *library.Page
	index     *search.Index // nil while it is being built: the filter matches word starts only
	sel       int           // index in entries
	filter    string
	filtering bool              // typing goes to the filter
	matchers  []*search.Matcher // the engine's matcher for each word of filter
	entries   []int             // the headings the filter keeps, indices in page.Headings
}

// newOutline opens the outline of page p on the heading of section sec.
func newOutline(keys outlineKeys, p *library.Page, ix *search.Index, sec int) outline {
	o := outline{keys: keys, page: p, index: ix}
	o.refilter()
	if p != nil {
		for i, h := range p.Headings {
			if sec >= 0 && h.Section <= sec {
				o.sel = i
			}
		}
	}
	return o
}

// setIndex gives the outline the search index, once it is built.
func (o *outline) setIndex(ix *search.Index) {
	o.index = ix
	o.refilter()
}

// refilter finds the entries the filter keeps: each word typed must start a word
// of the heading, or be matched by the search engine (another form, a typo, a
// glossary name: "oewg" keeps "The Open-ended Working Groups").
func (o *outline) refilter() {
	o.entries = o.entries[:0]
	if o.page == nil {
		return
	}
	words := strings.Fields(library.Fold(o.filter))
	o.matchers = o.matchers[:0]
	if o.index != nil {
		for _, w := range words {
			o.matchers = append(o.matchers, o.index.Matcher(w))
		}
	}
	for i, h := range o.page.Headings {
		text := library.Fold(h.Text)
		kept := true
		for j, w := range words {
			if matchesAll(text, []string{w}) {
				continue
			}
			if j >= len(o.matchers) || len(o.matchers[j].Marks(h.Text)) == 0 {
				kept = false
				break
			}
		}
		if kept {
			o.entries = append(o.entries, i)
		}
	}
	o.sel = min(o.sel, max(len(o.entries)-1, 0))
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

// heading is the heading selected, or -1.
func (o outline) heading() int {
	if o.sel < 0 || o.sel >= len(o.entries) {
		return -1
	}
	return o.entries[o.sel]
}

// setFilter changes the filter and starts the list from its top.
func (o *outline) setFilter(f string) {
	o.filter, o.sel = f, 0
	o.refilter()
}

// Update handles a key or a paste while the outline is open, and returns what
// it asks of the reader (nil for nothing).
func (o outline) Update(msg tea.Msg) (outline, tea.Msg) {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		if o.filtering {
			f := []rune(o.filter)
			for _, r := range pasted(msg.Content) {
				if len(f) >= maxOutlineFilter {
					break
				}
				f = append(f, r)
			}
			o.setFilter(string(f))
		}
		return o, nil
	case tea.KeyPressMsg:
		return o.key(msg)
	}
	return o, nil
}

func (o outline) key(msg tea.KeyPressMsg) (outline, tea.Msg) {
	n := len(o.entries)
	k := o.keys
	if sel, moved := moveSel(msg, o.sel, n, k.Up, k.Down, k.First, k.Last); moved {
		o.sel = sel
		return o, nil
	}
	switch {
	case key.Matches(msg, k.Cancel):
		return o, outlineCloseMsg{}
	case key.Matches(msg, k.Jump):
		if h := o.heading(); h >= 0 {
			return o, outlineJumpMsg{heading: h}
		}
		return o, outlineCloseMsg{}
	}
	if o.filtering {
		switch {
		case key.Matches(msg, k.ClearFilter):
			o.filtering = false
			o.setFilter("")
		case msg.String() == "backspace":
			if r := []rune(o.filter); len(r) > 0 {
				o.setFilter(string(r[:len(r)-1]))
			}
		case msg.Text != "" && len([]rune(o.filter)) < maxOutlineFilter:
			o.setFilter(o.filter + textsafe.Clean(msg.Text))
		}
		return o, nil
	}
	lt := k.Letters
	if sel, moved := moveSel(msg, o.sel, n, lt.Up, lt.Down, lt.First, lt.Last); moved {
		o.sel = sel
		return o, nil
	}
	switch {
	case key.Matches(msg, lt.Close):
		return o, outlineCloseMsg{}
	case key.Matches(msg, lt.Filter):
		o.filtering = true
	case key.Matches(msg, lt.Copy):
		return o, outlineCopyMsg{heading: o.heading()}
	}
	return o, nil
}

// items are the outline's rows: the kept headings, indented by level.
func (o outline) items() []string {
	var items []string
	for _, i := range o.entries {
		h := o.page.Headings[i]
		items = append(items, strings.Repeat("  ", max(h.Level-1, 0))+h.Text)
	}
	return items
}

// View draws the outline's box, w wide, its list at most rows high.
func (o outline) View(w, rows int, lk look, s i18n.Strings) string {
	st := lk.st
	var b strings.Builder
	title := st.OverlayTitle.Render(s.OutlineTitle)
	if o.filtering || o.filter != "" {
		title += "  / " + lk.text(o.filter) + "_"
	}
	b.WriteString(title + "\n")
	heads := o.items()
	if len(heads) == 0 {
		b.WriteString(st.Dim.Render(s.SearchNoHits) + "\n")
	}
	writeList(&b, heads, o.sel, rows-1, w-4, lk)
	b.WriteString("\n" + st.Dim.Render(ansi.Truncate(lk.text(s.OutlineHint), w-4, lk.text("…"))))
	return st.Overlay.Width(w).Render(b.String())
}

// pasted is a terminal's paste (bracketed paste) made fit for a box: cut to
// what a box holds before anything else is done with it, on one line, no
// control sequence (its parameters neither: "\x1b[2J" leaves nothing), control
// or bidi character.
func pasted(text string) string {
	if len(text) > 4*maxQuery {
		text = strings.ToValidUTF8(text[:4*maxQuery], "")
	}
	return strings.Join(strings.Fields(textsafe.DropControls(text)), " ")
}

// paste takes a terminal's paste into the search box or the outline's filter;
// elsewhere it is ignored.
func (m *Model) paste(msg tea.PasteMsg) tea.Cmd {
	switch m.mode {
	case modeSearch:
		l := &m.find
		before := l.input.Value()
		var cmd tea.Cmd
		*l.input, cmd = l.input.Update(tea.PasteMsg{Content: pasted(msg.Content)})
		if l.input.Value() != before {
			l.refresh(m)
		}
		return cmd
	case modeOutline:
		var req tea.Msg
		m.outline, req = m.outline.Update(msg)
		return m.request(req)
	}
	return nil
}

// openOutline opens the outline on the section being read.
func (m *Model) openOutline() {
	p, sec, _ := m.current()
	m.outline = newOutline(m.keys.List, p, m.index, sec)
	m.mode = modeOutline
}

// outlineDone handles what the outline asks for.
func (m *Model) outlineDone(msg tea.Msg) tea.Cmd {
	if m.mode != modeOutline {
		return nil
	}
	p := m.page()
	switch msg := msg.(type) {
	case outlineCloseMsg:
		m.mode = modeRead
	case outlineCopyMsg:
		if p != nil && msg.heading >= 0 && msg.heading < len(p.Headings) {
			return m.copyText(m.sess.CopySection(p, p.Headings[msg.heading].Section))
		}
		return m.copyText("", "", false)
	case outlineJumpMsg:
		// A page jump, in the history.
		m.mode = modeRead
		if m.doc != nil && p != nil && msg.heading >= 0 && msg.heading < len(p.Headings) {
			m.saveSpot()
			m.sess.Open(library.At(p, p.Headings[msg.heading].Section))
			return m.reopen()
		}
	}
	return nil
}
