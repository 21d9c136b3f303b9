package tui

import (
	"fmt"
	uv "github.com/charmbracelet/ultraviolet"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/render"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
)

// Minimum window in which the reader draws a page; below it, a short note.
const (
	minWidth  = 20
	minHeight = 4
)

// MaxWidth and MaxHeight bound the window the reader draws. A larger window is
// drawn at this size, in its top-left corner: a window size comes from outside
// (over SSH any client may claim 4294967295x4294967295 cells), and the reader
// allocates for the size it draws, so the size is clamped before anything else
// sees it. 1000x500 is larger than any real screen's terminal at a legible font.
const (
	MaxWidth  = 1000
	MaxHeight = 500
)

// ClampSize bounds a window size to 0..MaxWidth by 0..MaxHeight.
func ClampSize(width, height int) (int, int) {
	return min(max(width, 0), MaxWidth), min(max(height, 0), MaxHeight)
}

// resizeDelay is how long a resize waits for the next one before re-rendering.
const resizeDelay = 60 * time.Millisecond

type mode int

const (
	modeRead mode = iota
	modeHelp
	modeSearch
	modeOutline
)

// position is a place in a page that survives a re-render at another width or in
// the other language: a heading (its index, -1 before the first) and lines past it.
type position struct{ heading, delta int }

// docKey names one render of one page.
type docKey struct {
	lang, id, style string
	width           int
}

// Model is the reader. Create it with New.
type Model struct {
	lib   *library.Library
	cache *render.Cache
	index *search.Index
	ids   []string

	lang string
	s    *i18n.Strings
	keys keyMap
	st   styles

	style     string // glamour style in use
	autoStyle bool   // style chosen from the terminal's background

	width, height int
	resizeSeq     int

	tab    int
	pos    []position
	offset int
	doc    *render.Doc
	key    docKey
	err    error

	prefetched map[int]bool // widths already prefetched
	indexing   bool         // the search index is being built

	mode mode

	look lookup // search, outline, links and history (lookup.go)
}

// New returns a reader for the options.
func New(o Options) *Model {
	if o.Cache == nil {
		o.Cache = render.NewCache(64)
	}
	lang := o.Lang
	if lang != "it" {
		lang = "en"
	}
	m := &Model{
		lib: o.Library, cache: o.Cache, index: o.Index, ids: o.Library.IDs(),
		prefetched: map[int]bool{},
	}
	m.width, m.height = ClampSize(o.Width, o.Height)
	m.pos = make([]position, len(m.ids))
	for i := range m.pos {
		m.pos[i] = position{heading: -1}
	}
	for i, id := range m.ids {
		if id == o.Page {
			m.tab = i
		}
	}
	switch o.Style {
	case "dark", "light", "ascii":
		m.style = o.Style
	default:
		m.style, m.autoStyle = "dark", true
	}
	m.st = newStyles(m.style != "light")
	m.look.link = -1
	m.setLang(lang)
	return m
}

// Prerender starts rendering the page the reader opens on, in the background, so
// that it is ready (or nearly) when the program asks for it. It needs the size.
func (m *Model) Prerender() {
	if m.width <= 0 || m.height <= 0 {
		return
	}
	if p := m.page(); p != nil {
		cache, w, style := m.cache, m.contentWidth(), m.style
		h := m.height
		go func() {
			d, err := cache.Render(p, w, style)
			if err != nil {
				return
			}
			// Draw the page once off-screen: the first frame Bubble Tea paints then
			// finds the terminal-cell parser warm (it costs ~1.5 ms the first time,
			// spent here while the program waits for its first frame tick).
			buf := uv.NewScreenBuffer(w, min(h, len(d.Lines)))
			uv.NewStyledString(strings.Join(d.Lines[:min(h, len(d.Lines))], "\n")).Draw(buf, buf.Bounds())
		}()
	}
}

// Current returns the language and page being read (to remember them on quit).
func (m *Model) Current() (lang, page string) { return m.lang, m.ids[m.tab] }

func (m *Model) setLang(lang string) {
	m.lang = lang
	m.s = i18n.For(lang)
	m.keys = newKeyMap(m.s)
}

// bgTimeoutMsg ends the wait for the terminal's background colour.
type bgTimeoutMsg struct{}

// renderedMsg carries a finished render.
type renderedMsg struct {
	key docKey
	doc *render.Doc
	err error
}

type resizeMsg struct{ seq int }

type prefetchedMsg struct{}

// indexedMsg carries the search index, built after the first frame.
type indexedMsg struct{ index *search.Index }

// probeMsg asks whether a page is on screen (tests wait on it).
type probeMsg struct{ ready chan bool }

// Init renders the first page (when the size is known) and asks the terminal for
// its background colour.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.sync()}
	if m.doc != nil {
		// The page came from the cache: no render message will follow to start
		// the after-first-frame work, so start it now.
		cmds = append(cmds, m.buildIndex(), m.prefetch())
	}
	if m.autoStyle {
		cmds = append(cmds, tea.RequestBackgroundColor,
			tea.Tick(300*time.Millisecond, func(time.Time) tea.Msg { return bgTimeoutMsg{} }))
	}
	return tea.Batch(cmds...)
}

func (m *Model) page() *library.Page { return m.lib.Page(m.lang, m.ids[m.tab]) }

// contentWidth is the width pages are rendered at: the window, capped.
func (m *Model) contentWidth() int { return max(min(m.width, render.MaxWidth), minWidth) }

func (m *Model) pageHeight() int { return max(m.height-2, 1) }

func (m *Model) maxOffset() int {
	if m.doc == nil {
		return 0
	}
	return max(len(m.doc.Lines)-m.pageHeight(), 0)
}

func (m *Model) setOffset(o int) { m.offset = max(min(o, m.maxOffset()), 0) }

// savePos remembers the current tab's place as a heading and lines past it.
func (m *Model) savePos() {
	if m.doc == nil {
		return
	}
	h := m.doc.HeadingAt(m.offset)
	start := 0
	if h >= 0 {
		start = m.doc.Headings[h]
	}
	m.pos[m.tab] = position{heading: h, delta: m.offset - start}
}

// restorePos scrolls the current doc to the tab's remembered place, never further
// than the end of that heading's section, so the heading stays in view.
func (m *Model) restorePos() {
	p := m.pos[m.tab]
	if p.heading < 0 || p.heading >= len(m.doc.Headings) {
		m.setOffset(p.delta)
		return
	}
	start := m.doc.Headings[p.heading]
	end := len(m.doc.Lines)
	if p.heading+1 < len(m.doc.Headings) {
		end = m.doc.Headings[p.heading+1]
	}
	m.setOffset(start + min(p.delta, max(end-start-1, 0)))
}

// sync makes the doc match the current language, tab, width and style: from the
// cache at once when it can, else by a render off the UI loop.
func (m *Model) sync() tea.Cmd {
	if m.width <= 0 || m.height <= 0 {
		return nil
	}
	k := docKey{lang: m.lang, id: m.ids[m.tab], style: m.style, width: m.contentWidth()}
	if m.doc != nil && m.key == k {
		return nil
	}
	m.key, m.err = k, nil
	p := m.page()
	if p == nil {
		m.doc = nil
		m.err = fmt.Errorf("%s: %s", m.ids[m.tab], m.s.Lang)
		return nil
	}
	if d := m.cache.Cached(p, k.width, k.style); d != nil {
		m.show(d)
		return nil
	}
	cache := m.cache
	return func() tea.Msg {
		d, err := cache.Render(p, k.width, k.style)
		return renderedMsg{key: k, doc: d, err: err}
	}
}

// show makes d the page on screen, at the tab's remembered place.
func (m *Model) show(d *render.Doc) {
	m.doc = d
	m.restorePos()
	m.look.afterRender(m)
}

// buildIndex builds the search index off the UI loop, once the first page is on
// screen, when none was given.
func (m *Model) buildIndex() tea.Cmd {
	if m.index != nil || m.indexing {
		return nil
	}
	m.indexing = true
	lib := m.lib
	return func() tea.Msg { return indexedMsg{index: search.New(lib)} }
}

// prefetch renders every other page, in both languages, at the current width, so
// that tab switches and the language toggle are instant.
func (m *Model) prefetch() tea.Cmd {
	w := m.contentWidth()
	if m.prefetched[w] {
		return nil
	}
	m.prefetched[w] = true
	cache, lib, style, first := m.cache, m.lib, m.style, m.lang
	return func() tea.Msg {
		for _, lang := range []string{first, i18n.Other(first)} {
			for _, p := range lib.Pages(lang) {
				_, _ = cache.Render(p, w, style)
			}
		}
		return prefetchedMsg{}
	}
}

// Update handles a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		first := m.width <= 0 || m.height <= 0
		m.savePos()
		m.width, m.height = ClampSize(msg.Width, msg.Height)
		if first || m.doc == nil {
			return m, m.sync()
		}
		m.setOffset(m.offset)
		if m.cache.Cached(m.page(), m.contentWidth(), m.style) != nil {
			return m, m.sync()
		}
		m.resizeSeq++
		seq := m.resizeSeq
		return m, tea.Tick(resizeDelay, func(time.Time) tea.Msg { return resizeMsg{seq: seq} })
	case resizeMsg:
		if msg.seq == m.resizeSeq {
			return m, m.sync()
		}
		return m, nil
	case renderedMsg:
		if msg.key != m.key {
			return m, nil // an answer to an older question
		}
		m.err = msg.err
		if msg.doc != nil {
			m.show(msg.doc)
		}
		return m, tea.Batch(m.buildIndex(), m.prefetch())
	case indexedMsg:
		m.index, m.indexing = msg.index, false
		if m.mode == modeSearch {
			m.look.refresh(m)
		}
		return m, nil
	case tea.BackgroundColorMsg:
		if m.autoStyle {
			m.autoStyle = false
			if !msg.IsDark() {
				m.savePos()
				m.style, m.st = "light", newStyles(false)
				m.prefetched = map[int]bool{}
				return m, m.sync()
			}
		}
		return m, nil
	case bgTimeoutMsg:
		m.autoStyle = false // no answer: stay dark
		return m, nil
	case tea.MouseWheelMsg:
		if m.mode == modeRead {
			switch msg.Button {
			case tea.MouseWheelDown:
				m.setOffset(m.offset + 3)
			case tea.MouseWheelUp:
				m.setOffset(m.offset - 3)
			}
		}
		return m, nil
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft && msg.Y == 0 && m.mode == modeRead {
			_, spans := m.tabBar()
			for _, s := range spans {
				if msg.X >= s.x0 && msg.X < s.x1 {
					return m, m.goTab(s.index)
				}
			}
		}
		return m, nil
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case probeMsg:
		msg.ready <- m.doc != nil
	}
	return m, nil
}

// handleKey dispatches a key press by mode.
func (m *Model) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if msg.String() == "ctrl+c" {
		return m, tea.Quit
	}
	switch m.mode {
	case modeHelp:
		switch {
		case key.Matches(msg, m.keys.Close), key.Matches(msg, m.keys.Help):
			m.mode = modeRead
		case key.Matches(msg, m.keys.Quit):
			return m, tea.Quit
		case key.Matches(msg, m.keys.Lang):
			return m, m.toggleLang()
		}
		return m, nil
	case modeSearch, modeOutline:
		return m, m.look.key(m, msg)
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Help):
		m.mode = modeHelp
	case key.Matches(msg, k.Next):
		return m, m.goTab((m.tab + 1) % len(m.ids))
	case key.Matches(msg, k.Prev):
		return m, m.goTab((m.tab + len(m.ids) - 1) % len(m.ids))
	case key.Matches(msg, k.TabN):
		if n := int(msg.String()[0] - '1'); n >= 0 && n < len(m.ids) {
			return m, m.goTab(n)
		}
	case key.Matches(msg, k.Down):
		m.setOffset(m.offset + 1)
	case key.Matches(msg, k.Up):
		m.setOffset(m.offset - 1)
	case key.Matches(msg, k.PageDown):
		m.setOffset(m.offset + m.pageHeight())
	case key.Matches(msg, k.PageUp):
		m.setOffset(m.offset - m.pageHeight())
	case key.Matches(msg, k.HalfDown):
		m.setOffset(m.offset + m.pageHeight()/2)
	case key.Matches(msg, k.HalfUp):
		m.setOffset(m.offset - m.pageHeight()/2)
	case key.Matches(msg, k.Top):
		m.setOffset(0)
	case key.Matches(msg, k.End):
		m.setOffset(m.maxOffset())
	case key.Matches(msg, k.Lang):
		return m, m.toggleLang()
	default:
		return m, m.look.readKey(m, msg)
	}
	return m, nil
}

// goTab opens tab n where it was left.
func (m *Model) goTab(n int) tea.Cmd {
	if n == m.tab && m.doc != nil {
		return nil
	}
	m.savePos()
	m.tab = n
	m.doc = nil
	return m.sync()
}

// toggleLang switches language, keeping the page and the heading being read.
func (m *Model) toggleLang() tea.Cmd {
	m.savePos()
	m.pos[m.tab].delta = 0
	m.setLang(i18n.Other(m.lang))
	m.look.langChanged(m)
	m.doc = nil
	return m.sync()
}

// View draws the reader.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	if p := m.page(); p != nil {
		v.WindowTitle = "cyberdiplo · " + p.Title
	}
	return v
}

func (m *Model) tabBar() (string, []tabSpan) {
	labels := make([]string, len(m.ids))
	for i, id := range m.ids {
		labels[i] = id
		if p := m.lib.Page(m.lang, id); p != nil {
			labels[i] = p.Tab
		}
	}
	return tabBar(labels, m.tab, m.width, m.st)
}

// render draws the whole screen: exactly height lines, none wider than width.
func (m *Model) render() string {
	w, h := m.width, m.height
	if w <= 0 || h <= 0 {
		return ""
	}
	if w < minWidth || h < minHeight {
		return fit(m.s.TooSmall, w, h)
	}
	lines := make([]string, 0, h)
	bar, _ := m.tabBar()
	lines = append(lines, bar)
	body := m.pageLines()
	switch m.mode {
	case modeHelp:
		body = overlay(body, m.helpBox(), w, false)
	case modeSearch, modeOutline:
		body = overlay(body, m.look.box(m), w, true) // at the top: it grows as you type
	}
	lines = append(lines, body...)
	lines = append(lines, m.statusBar())
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, w, "")
	}
	return strings.Join(lines, "\n")
}

// pageLines are the visible lines of the page (pageHeight of them).
func (m *Model) pageLines() []string {
	ph := m.pageHeight()
	out := make([]string, ph)
	switch {
	case m.err != nil:
		out[0] = m.st.Dim.Render("  " + fmt.Sprintf(m.s.RenderError, m.err))
	case m.doc == nil:
		out[0] = m.st.Dim.Render("  " + m.s.Loading)
	default:
		for i := 0; i < ph && m.offset+i < len(m.doc.Lines); i++ {
			out[i] = m.look.decorate(m, m.offset+i, m.doc.Lines[m.offset+i])
		}
	}
	return out
}

// statusBar: the page title on the left; language, position and help on the right.
func (m *Model) statusBar() string {
	title := m.ids[m.tab]
	if p := m.page(); p != nil {
		title = p.Title
	}
	pos := m.s.Top
	switch max := m.maxOffset(); {
	case m.doc == nil:
		pos = "…"
	case max == 0 || m.offset >= max:
		pos = m.s.End
	case m.offset > 0:
		pos = fmt.Sprintf("%d%%", m.offset*100/max)
	}
	right := " " + m.s.Lang + " │ " + pos + " │ " + m.s.Help + " "
	if msg := m.look.status(m); msg != "" {
		right = " " + msg + " │" + right
	}
	left := " " + title + " "
	rw := ansi.StringWidth(right)
	lw := m.width - rw
	if lw < 4 {
		return m.st.Status.Render(ansi.Truncate(left+right, m.width, ""))
	}
	left = ansi.Truncate(left, lw, "…")
	gap := strings.Repeat(" ", max(lw-ansi.StringWidth(left), 0))
	return m.st.StatusKey.Render(left) + m.st.Status.Render(gap+right)
}

// helpBox is the help overlay, drawn from the keymap.
func (m *Model) helpBox() string {
	rows := m.keys.helpRows()
	kw := 0
	for _, r := range rows {
		kw = max(kw, ansi.StringWidth(r[0]))
	}
	var b strings.Builder
	b.WriteString(m.st.OverlayTitle.Render(m.s.HelpTitle) + "\n\n")
	for _, r := range rows {
		b.WriteString(m.st.KeyCol.Render(padRight(r[0], kw)) + "  " + r[1] + "\n")
	}
	b.WriteString("\n" + m.st.Dim.Render(m.s.KeyMouse) + "\n")
	b.WriteString(m.st.Dim.Render(m.s.HelpClose))
	return m.st.Overlay.Render(b.String())
}

// overlay draws a box over the page lines, centred (or at the top), cut to fit.
func overlay(body []string, box string, width int, atTop bool) []string {
	lines := strings.Split(box, "\n")
	h := len(body)
	if len(lines) > h {
		lines = lines[:h]
	}
	top := (h - len(lines)) / 2
	if atTop {
		top = 0
	}
	bw := 0
	for _, l := range lines {
		bw = max(bw, ansi.StringWidth(l))
	}
	left := max((width-bw)/2, 0)
	out := make([]string, h)
	copy(out, body)
	for i, l := range lines {
		out[top+i] = strings.Repeat(" ", left) + l
	}
	return out
}

// fit cuts a short note to the window: at most h lines of at most w cells.
func fit(s string, w, h int) string {
	lines := strings.Split(lipgloss.NewStyle().Width(w).Render(s), "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i := range lines {
		lines[i] = ansi.Truncate(lines[i], w, "")
	}
	return strings.Join(lines, "\n")
}

func padRight(s string, w int) string {
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}
