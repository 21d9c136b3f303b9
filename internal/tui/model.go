package tui

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"charm.land/bubbles/v2/key"
	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"
	"github.com/cyberdiplo/cyberdiplo/third_party/colorprofile"
	"github.com/cyberdiplo/cyberdiplo/third_party/lipgloss"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/marks"
	"github.com/cyberdiplo/cyberdiplo/internal/reader"
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
	modeMarks
)

// docKey names one render of one page.
type docKey struct {
	lang, id, style string
	width           int
}

// Model is the reader. Create it with New.
type Model struct {
	quitting bool // q was pressed: the last frame is blank
	overlaid overlaid
	lib      *library.Library
	cache    *render.Cache
	index    *search.Index
	ids      []string

	sess *reader.Session // where the reader is, was, and what they search (internal/reader)
	lang string          // the language the strings and key map are in: sess.Lang() after langChanged
	s    i18n.Strings
	keys *keyMap // shared by the readers in this language (keyMapFor): read only

	style        string // glamour style in use
	autoStyle    bool   // style chosen from the terminal's background
	profile      colorprofile.Profile
	profileKnown bool
	lk           look

	width, height int
	resizeSeq     int

	// landed is the offset a jump to a section (Place.Section) was drawn at: the
	// jumped-to section stays the one being read while the view stays there.
	// -1 when the place names no section.
	landed int
	off    int      // the first line of the doc on screen
	lines  []string // the doc's lines with the reader's marks (page.go)
	doc    *render.Doc
	key    docKey
	err    error
	dirty  bool // the page's marks changed: the viewport's lines are redrawn

	prefetched map[int]bool // widths already prefetched
	indexing   bool         // the search index is being built

	side   bool         // both languages side by side (side.go)
	pair   *render.Pair // the two columns, when wide
	pairOf *render.Doc  // the doc the pair was made from

	mode    mode
	colon   bool      // ":" was typed: q quits (less's :q)
	find    lookup    // the search box and the matches on screen (lookup.go)
	bar     statusBar // the status bar (statusbar.go)
	outline outline   // the outline overlay (outline.go)
	help    *helpView // the help overlay (help.go), while it is open: 15 KB a reader otherwise

	keeper   *marks.Keeper // the marks (marks.go): the marks file, or the session's only
	markList markList      // the list of marks overlay (marks.go)
}

// New returns a reader for the options.
func New(o Options) *Model {
	if o.Cache == nil {
		o.Cache = render.NewCache(64)
	}
	lang := o.Lang
	if !langs.Known(lang) {
		lang = langs.Default()
	}
	m := &Model{
		lib: o.Library, cache: o.Cache, index: o.Index, ids: o.Library.IDs(),
		prefetched: map[int]bool{},
	}
	m.width, m.height = ClampSize(o.Width, o.Height)
	m.landed = -1
	at := o.Place
	if at.Page == "" {
		at = library.Place{Lang: lang, Page: o.Page}
	}
	m.sess = reader.New(o.Library, o.Index, lang, at)
	switch o.Style {
	case "dark", "light", "ascii":
		m.style = o.Style
	default:
		m.style, m.autoStyle = "dark", true
	}
	m.lk = newLook(m.style, 0, false)
	m.find.current = -1
	m.keeper = o.Marks
	if m.keeper == nil {
		m.keeper = marks.Session()
	}
	m.bar.note = m.keeper.Note() // a refused marks file: said once
	m.langChanged()
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
		go func() { _, _ = cache.Render(p, w, style) }()
	}
}

// FirstFrame draws the reader's first screen at once, for a caller that paints
// it before the program's first frame (Bubble Tea paints on a ticker: its first
// frame waits for the first tick). When the cache does not hold the page yet, the
// top of the page is rendered alone (render.RenderTop), which is the same lines
// in a fraction of the time; the whole page replaces it when it is ready. It
// returns "" when the size is not known.
func (m *Model) FirstFrame() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	p := m.page()
	if p == nil {
		return ""
	}
	k := docKey{lang: m.lang, id: m.sess.PageID(), style: m.style, width: m.contentWidth()}
	switch pl := m.sess.Place(); {
	case m.cache.Cached(p, k.width, k.style) != nil || pl.Block != "" || pl.Line != 0:
		// Cached, or reopening further down the page than its top: the whole page.
		if d, err := m.cache.Render(p, k.width, k.style); err == nil {
			m.key = k
			m.show(d)
		}
	default:
		if d, err := render.RenderTop(p, k.width, k.style, m.pageHeight()); err == nil {
			m.show(d) // its key stays unset: sync asks for the whole page
		}
	}
	return m.render()
}

// Current returns the language and page being read (to remember them on quit).
func (m *Model) Current() (lang, page string) { return m.sess.Lang(), m.sess.PageID() }

// Session is the reading session the reader shows.
func (m *Model) Session() *reader.Session { return m.sess }

// Place returns where the reader is, to reopen there: the place in the page,
// written in the language read.
func (m *Model) Place() library.Place {
	return m.sess.Saved() // every scroll already told the session
}

// TopBlock returns where the reader is: the page, the block of the document model
// at the top of the view (-1 above the first block, or before the page is
// drawn) and how many lines of it are above the view.
func (m *Model) TopBlock() (p *library.Page, block, line int) {
	p = m.page()
	if m.doc == nil || p == nil {
		return p, -1, 0
	}
	top := m.off
	block = m.blockAt(top)
	if block < 0 {
		return p, -1, top
	}
	return p, block, top - m.blockLine(block)
}

// langChanged follows the session's language: the strings and the key map.
func (m *Model) langChanged() {
	if m.lang == m.sess.Lang() && m.keys != nil {
		return
	}
	m.lang = m.sess.Lang()
	m.s = i18n.For(m.lang)
	m.keys = keyMapFor(m.lang, m.s, len(m.ids))
}

// The key maps made, one for each language and number of tabs, shared by
// every reader: a key map is 3.6 KB of bindings, and the language toggle
// (L) made a new one each time.
var (
	keyMapsMu sync.Mutex
	keyMaps   = map[keyMapKey]*keyMap{}
)

type keyMapKey struct {
	lang string
	tabs int
}

func keyMapFor(lang string, s i18n.Strings, tabs int) *keyMap {
	k := keyMapKey{lang, tabs}
	keyMapsMu.Lock()
	defer keyMapsMu.Unlock()
	km, ok := keyMaps[k]
	if !ok {
		if len(keyMaps) >= 64 { // libraries reloaded with other numbers of pages
			clear(keyMaps)
		}
		made := newKeyMap(s, i18n.Marks(lang), tabs)
		km = &made
		keyMaps[k] = km
	}
	return km
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

func (m *Model) page() *library.Page { return m.sess.Page() }

// contentWidth is the width pages are rendered at: the window, capped.
func (m *Model) contentWidth() int {
	if m.sideWide() {
		return m.columnWidth()
	}
	return max(min(m.width, render.MaxWidth), minWidth)
}

func (m *Model) pageHeight() int { return max(m.height-2-m.paneHeight(), 1) }

func (m *Model) offset() int { return m.off }

// setOffset moves the view, within the page.
func (m *Model) setOffset(o int) { m.off = max(min(o, m.maxOffset()), 0) }

func (m *Model) maxOffset() int {
	if m.doc == nil {
		return 0
	}
	return max(m.rows()-m.pageHeight(), 0)
}

// scrollTo moves the view to a line the reader asked for, and remembers it.
func (m *Model) scrollTo(o int) {
	m.setOffset(o)
	m.saveSpot()
}

// saveSpot remembers the current tab's place as the block at the top of the
// view; a jump to a section is kept while the view has not moved from where the
// jump drew it.
func (m *Model) saveSpot() {
	if m.doc == nil {
		return
	}
	if m.sess.Place().Section != "" && m.off == m.landed {
		return
	}
	m.landed = -1
	p, b, line := m.TopBlock()
	if b < 0 || p == nil {
		m.sess.SetPlace(library.Place{Lang: m.lang, Line: line})
		return
	}
	if nb := m.blockBelowGap(b); nb >= 0 {
		// The top line is the blank after block b: what the reader sees first,
		// and so cites, copies and marks, is the next block (Line < 0: the
		// lines above it).
		b, line = nb, m.off-m.blockLine(nb)
	}
	pl := library.PlaceOfBlock(p, b)
	pl.Line, pl.Of = line, m.blockEnd(b)-m.blockLine(b)
	m.sess.SetPlace(pl)
}

// restoreSpot scrolls the doc to the tab's place: the same block at the top, the
// same part of it (a block drawn on more or fewer lines, at another width or in
// the other language, keeps the proportion). The place itself is kept as it was,
// so that a view clamped at the end of a page, or a block shorter in the other
// language, does not move the place the reader asked for: L twice comes back to
// the very line.
func (m *Model) restoreSpot() {
	s := m.sess.Place()
	defer func() {
		m.landed = -1
		if s.Section != "" {
			m.landed = m.off
		}
	}()
	b := m.lib.BlockIn(s, m.lang)
	line := m.blockLine(b)
	if b < 0 || line < 0 {
		m.setOffset(s.Line)
		return
	}
	h := m.blockEnd(b) - line
	d := s.Line
	if s.Of > 0 && h != s.Of && s.Line > 0 {
		d = s.Line * h / s.Of
	}
	m.setOffset(line + max(min(d, h-1), -maxGap))
}

// maxGap is the most blank lines between two blocks that a place may count
// above its block (Place.Line < 0): the top of the view on the blank after a
// block is the next block's place.
const maxGap = 2

// blockBelowGap returns the block drawn next when every line from the top of
// the view to the end of block b is blank (the gap after b, at most maxGap
// lines), else -1.
func (m *Model) blockBelowGap(b int) int {
	if m.sideWide() {
		return -1
	}
	end := m.blockEnd(b)
	if end <= m.off || end-m.off > maxGap || end >= len(m.doc.Lines) {
		return -1
	}
	for l := m.off; l < end; l++ {
		if strings.TrimSpace(ansi.Strip(m.doc.Lines[l])) != "" {
			return -1
		}
	}
	if nb := m.blockAt(end); nb > b {
		return nb
	}
	return -1
}

// current returns the page being read and the section being read
// (reader.Session.Current): the section the reader jumped to while the view has
// not moved since, else the section of the block at the top of the view.
func (m *Model) current() (p *library.Page, section, block int) {
	return m.sess.Current()
}

// sync makes the doc match the current language, tab, width and style: from the
// cache at once when it can, else by a render off the UI loop.
func (m *Model) sync() tea.Cmd {
	if m.width <= 0 || m.height <= 0 {
		return nil
	}
	k := docKey{lang: m.lang, id: m.sess.PageID(), style: m.style, width: m.contentWidth()}
	if m.doc != nil && m.key == k && !m.doc.Partial {
		return nil
	}
	m.key, m.err = k, nil
	p := m.page()
	if p == nil {
		m.doc = nil
		m.err = fmt.Errorf("%s: %s", m.sess.PageID(), m.s.Lang)
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

// show makes d the page on screen, at the tab's spot.
func (m *Model) show(d *render.Doc) {
	m.doc = d
	m.find.newDoc(m)
	m.redraw()
	m.restoreSpot()
	m.find.afterRender(m)
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

// prefetch renders every other page, in the language read and the one L goes
// to, at the current width, so that tab switches and the language toggle are
// instant.
func (m *Model) prefetch() tea.Cmd {
	w := m.contentWidth()
	if m.prefetched[w] {
		return nil
	}
	m.prefetched[w] = true
	cache, lib, style, first := m.cache, m.lib, m.style, m.lang
	return func() tea.Msg {
		for _, lang := range []string{first, langs.Next(first)} {
			for _, p := range lib.Pages(lang) {
				_, _ = cache.Render(p, w, style)
			}
		}
		return prefetchedMsg{}
	}
}

// Update handles a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		m.quitting = false // a key after a quit that did not end the program
	}
	cmd := m.update(msg)
	m.settle()
	return m, cmd
}

// request handles at once what a component asked for in its Update (nil: nothing).
func (m *Model) request(req tea.Msg) tea.Cmd {
	if req == nil {
		return nil
	}
	return m.update(req)
}

// layout lays the overlays out for the window, the language and the look, in
// Update: View draws what is laid out and changes nothing.
func (m *Model) layout() {
	switch m.mode {
	case modeHelp:
		m.help.build(m.helpLayoutOf())
	case modeSearch:
		m.find.layout(m)
	}
}

// settle keeps the invariants after every message: a selected link is on
// screen (Enter never follows a link the reader cannot see), and the page's
// marks are drawn.
func (m *Model) settle() {
	if li := m.sess.Link(); li >= 0 && !m.find.linkVisible(m, li) {
		m.sess.SelectLink(-1)
		m.dirty = true
	}
	if m.dirty {
		m.redraw()
	}
	m.layout()
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		first := m.width <= 0 || m.height <= 0
		m.width, m.height = ClampSize(msg.Width, msg.Height)
		if m.side && (m.bar.note == m.s.Tools.SideOn || m.bar.note == m.s.Tools.SideNarrow) {
			// The note describes the layout: it follows it.
			m.bar.note = m.s.Tools.SideNarrow
			if m.sideWide() {
				m.bar.note = m.s.Tools.SideOn
			}
		}
		if m.doc != nil {
			m.restoreSpot()
		}
		if first || m.doc == nil {
			return m.sync()
		}
		if m.cache.Cached(m.page(), m.contentWidth(), m.style) != nil {
			return m.sync()
		}
		m.resizeSeq++
		seq := m.resizeSeq
		return tea.Tick(resizeDelay, func(time.Time) tea.Msg { return resizeMsg{seq: seq} })
	case resizeMsg:
		if msg.seq == m.resizeSeq {
			return m.sync()
		}
		return nil
	case renderedMsg:
		if msg.key != m.key {
			return nil // an answer to an older question
		}
		m.err = msg.err
		if msg.doc != nil {
			m.show(msg.doc)
		}
		return tea.Batch(m.buildIndex(), m.prefetch())
	case indexedMsg:
		m.index, m.indexing = msg.index, false
		m.sess.SetIndex(msg.index)
		if m.mode == modeOutline {
			m.outline.setIndex(msg.index)
		}
		if m.mode == modeSearch {
			m.find.refresh(m)
		}
		return nil
	case tea.ColorProfileMsg:
		m.profile, m.profileKnown = msg.Profile, true
		m.lk = newLook(m.style, m.profile, true)
		m.find.restyle(m)
		m.dirty = true
		return nil
	case tea.BackgroundColorMsg:
		if m.autoStyle {
			m.autoStyle = false
			if !msg.IsDark() {
				m.style = "light"
				m.lk = newLook(m.style, m.profile, m.profileKnown)
				m.find.restyle(m)
				m.prefetched = map[int]bool{}
				return m.sync()
			}
		}
		return nil
	case bgTimeoutMsg:
		m.autoStyle = false // no answer: stay dark
		return nil
	case tea.MouseWheelMsg:
		delta := 0
		switch msg.Button {
		case tea.MouseWheelDown:
			delta = 3
		case tea.MouseWheelUp:
			delta = -3
		}
		switch m.mode {
		case modeRead:
			m.scrollTo(m.offset() + delta)
		case modeHelp:
			*m.help, _ = m.help.Update(msg)
		}
		return nil
	case tea.MouseClickMsg:
		return m.click(msg)
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case CopyMsg:
		return m.copied(msg)
	case tea.PasteMsg:
		return m.paste(msg)
	case outlineJumpMsg, outlineCopyMsg, outlineCloseMsg:
		return m.outlineDone(msg)
	case markJumpMsg, markRemoveMsg, markCopyMsg, markCloseMsg:
		return m.marksDone(msg)
	case searchCloseMsg:
		if m.mode == modeSearch {
			m.mode = modeRead
		}
		return nil
	case searchOpenMsg:
		if m.mode != modeSearch {
			return nil
		}
		m.mode = modeRead
		return m.find.open(m, msg.hit, msg.query)
	case helpCloseMsg:
		if m.mode == modeHelp {
			m.mode, m.help = modeRead, nil
		}
		return nil
	case helpLangMsg:
		if m.mode != modeHelp {
			return nil
		}
		return m.toggleLang() // the help is laid out again in the new language in settle
	case probeMsg:
		msg.ready <- m.doc != nil
	}
	return nil
}

// click opens the tab or follows the link under the pointer.
func (m *Model) click(msg tea.MouseClickMsg) tea.Cmd {
	if msg.Button != tea.MouseLeft || m.mode != modeRead || m.width < minWidth || m.height < minHeight {
		return nil
	}
	if msg.Y == 0 {
		_, spans := m.tabBar()
		for _, s := range spans {
			if msg.X >= s.x0 && msg.X < s.x1 {
				return m.goTab(s.index)
			}
		}
		return nil
	}
	if m.doc == nil || msg.Y > m.pageHeight() || m.side {
		return nil // side by side, rows are not the page's lines: links are followed in one language
	}
	line := m.offset() + msg.Y - 1
	if line >= len(m.doc.Lines) {
		return nil
	}
	if l := m.doc.LinkAt(line, m.find.docColumn(m, line, msg.X)); l >= 0 {
		return m.find.follow(m, l)
	}
	return nil
}

// handleKey dispatches a key press by mode.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	switch m.mode {
	case modeHelp:
		if msg.String() == "ctrl+c" {
			return m.quit()
		}
		var req tea.Msg
		*m.help, req = m.help.Update(msg)
		return m.request(req)
	case modeMarks:
		var req tea.Msg
		m.markList, req = m.markList.Update(msg)
		return m.request(req)
	case modeSearch, modeOutline:
		// Ctrl+C, like Esc, cancels the search box or the outline (as in less).
		if key.Matches(msg, m.keys.CopyList) {
			return m.copySelected()
		}
		if m.mode == modeOutline {
			var req tea.Msg
			m.outline, req = m.outline.Update(msg)
			return m.request(req)
		}
		cmd, req := m.find.key(m, msg)
		return tea.Batch(cmd, m.request(req))
	}
	k := m.keys
	// A message lasts until the next key (as in less): the key may set another.
	m.bar.note = ""
	if m.colon {
		// ":" then q quits, as :q in less; any other key ends the prompt.
		m.colon = false
		if msg.String() == "q" || msg.String() == "Q" {
			return m.quit()
		}
		return nil
	}
	if key.Matches(msg, k.Colon) {
		m.colon = true
		m.bar.note = ":"
		return nil
	}
	if m.side {
		if key.Matches(msg, k.Side) {
			return m.setSide(false)
		}
		if !m.sideKey(msg) {
			// Links, search and the outline work on one language: leave the
			// side-by-side view, then do what was asked.
			cmd := m.setSide(false)
			return tea.Batch(cmd, m.handleKey(msg))
		}
	} else if key.Matches(msg, k.Side) {
		return m.setSide(true)
	}
	ph := m.pageHeight()
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		m.mode = modeHelp
		m.help = new(helpView)
		m.help.open(m.helpLayoutOf())
	case key.Matches(msg, k.Next):
		return m.goTab((m.sess.Tab() + 1) % len(m.ids))
	case key.Matches(msg, k.Prev):
		return m.goTab((m.sess.Tab() + len(m.ids) - 1) % len(m.ids))
	case key.Matches(msg, k.TabN):
		if n := int(msg.String()[0] - '1'); n >= 0 && n < len(m.ids) {
			return m.goTab(n)
		}
	case key.Matches(msg, k.Down):
		m.scrollTo(m.offset() + 1)
	case key.Matches(msg, k.Up):
		m.scrollTo(m.offset() - 1)
	case key.Matches(msg, k.PageDown):
		m.scrollTo(m.offset() + ph)
	case key.Matches(msg, k.PageUp):
		m.scrollTo(m.offset() - ph)
	case key.Matches(msg, k.HalfDown):
		m.scrollTo(m.offset() + max(ph/2, 1))
	case key.Matches(msg, k.HalfUp):
		m.scrollTo(m.offset() - max(ph/2, 1))
	case key.Matches(msg, k.Top):
		m.scrollTo(0)
	case key.Matches(msg, k.End):
		m.scrollTo(m.maxOffset())
	case key.Matches(msg, k.Lang):
		return m.toggleLang()
	case key.Matches(msg, k.Copy):
		return m.copyTop()
	case key.Matches(msg, k.Mark):
		m.toggleMark()
	case key.Matches(msg, k.MarkList):
		m.openMarks()
	default:
		return m.find.readKey(m, msg)
	}
	return nil
}

// goTab opens tab n where it was left: a page jump, recorded in the history.
func (m *Model) goTab(n int) tea.Cmd {
	if n == m.sess.Tab() && m.doc != nil {
		return nil
	}
	m.saveSpot()
	m.sess.GoTab(n)
	return m.reopen()
}

// reopen draws the session's page at its place, after the session moved (a
// jump, back, a step to another page, the language): at once when the page and
// language are the ones drawn, else by a render.
func (m *Model) reopen() tea.Cmd {
	m.dirty = true
	if m.lang != m.sess.Lang() {
		m.langChanged()
		m.find.langChanged(m)
	}
	if m.doc != nil && m.key.id == m.sess.PageID() && m.key.lang == m.lang {
		m.find.newDoc(m)
		m.restoreSpot()
		m.find.afterRender(m)
		return nil
	}
	m.doc = nil
	return m.sync()
}

// toggleLang switches language, keeping the page and the block at the top of
// the view. It is not a step in the history.
func (m *Model) toggleLang() tea.Cmd {
	// The place is not saved again first: scrolling saved it, and a view
	// clamped at the end of the page in this language must not move it.
	// Side by side, L swaps the columns; else it goes to the next language.
	switched := false
	if m.side {
		switched = m.sess.SwitchTo(m.sess.PairedLang())
	} else {
		switched = m.sess.SwitchLang()
	}
	if !switched {
		m.bar.note = fmt.Sprintf(i18n.Line(m.lang).NoOther, langs.Name(m.sess.NextLang(), m.lang))
		return nil
	}
	return m.reopen()
}

// View draws the reader.
// quit ends the program after a blank last frame.
func (m *Model) quit() tea.Cmd {
	m.quitting = true
	return tea.Quit
}

func (m *Model) View() tea.View {
	if m.quitting {
		// The last frame is blank: some terminals (tmux after a resize) keep
		// what the alternate screen showed beyond the size it was entered at.
		v := tea.NewView("")
		v.AltScreen = true
		return v
	}
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	if p := m.page(); p != nil {
		v.WindowTitle = "cyberdiplo · " + p.Title
	}
	return v
}

func (m *Model) tabBar() (string, []tabSpan) {
	k := tabBarKey{lib: m.lib, lang: m.lang, active: m.sess.Tab(), width: m.width, lk: m.lk}
	bar := tabBars.get(k, len(k.lang), func() drawnTabs {
		labels := make([]string, len(m.ids))
		for i, id := range m.ids {
			labels[i] = id
			if tab, ok := m.lib.Tab(m.lang, id); ok { // the label only: no page parsed for it
				labels[i] = tab
			}
		}
		s, spans := tabBar(labels, m.sess.Tab(), m.width, m.lk)
		return drawnTabs{s, spans}
	})
	return bar.s, bar.spans // spans: read only (shared)
}

// The tab bars drawn (memo.go): one for each library, language, active tab,
// width and look; at most 512 (a tab bar at 1000 columns is about 2 KB).
type (
	tabBarKey struct {
		lib           *library.Library
		lang          string
		active, width int
		lk            look
	}
	drawnTabs struct {
		s     string
		spans []tabSpan
	}
)

var tabBars = newMemo[tabBarKey, drawnTabs](512)

// render draws the whole screen: exactly height lines, none wider than width.
func (m *Model) render() string {
	w, h := m.width, m.height
	if w <= 0 || h <= 0 {
		return ""
	}
	if w < minWidth || h < minHeight {
		return fit(m.lk.text(m.s.TooSmall), w, h)
	}
	bar, _ := m.tabBar()
	var body string
	switch {
	case m.err != nil:
		body = m.note(fmt.Sprintf(m.s.RenderError, m.err))
	case m.doc == nil:
		body = m.note(m.lk.text(m.s.Loading))
	default:
		body = m.pageView()
	}
	if pane := m.pane(); pane != "" {
		body += "\n" + pane
	}
	screen := bar + "\n" + body + "\n" + m.statusBar()
	var box string
	atTop := false
	switch m.mode {
	case modeHelp:
		box = m.help.View()
	case modeSearch:
		box, atTop = m.find.box(m), true // at the top: it grows as you type
	case modeOutline:
		box, atTop = m.outline.View(min(m.width-4, 90), max(m.pageHeight()-6, 1), m.lk, m.s), true
	case modeMarks:
		box, atTop = m.markList.View(min(m.width-4, 90), max(m.pageHeight()-4, 1), m.lk), true
	}
	if m.mode != modeSearch {
		m.find.drew, m.find.drawn = boxKey{}, "" // a kiosk keeps many readers: no box kept closed
	}
	if box == "" {
		m.overlaid = overlaid{}
		return screen // every part is drawn within the width
	}
	o := &m.overlaid
	if o.screen == screen && o.box == box && o.w == w && o.h == h && o.atTop == atTop && o.out != "" {
		return o.out // nothing changed (a key past the query's limit): compose once
	}
	lines := strings.Split(overlay(screen, box, w, h, atTop), "\n")
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	*o = overlaid{screen, box, w, h, atTop, strings.Join(lines, "\n")}
	return o.out
}

// overlaid is the last screen with a box drawn over it, and what it was drawn
// from: composing a box costs a frame more than drawing it.
type overlaid struct {
	screen, box string
	w, h        int
	atTop       bool
	out         string
}

// note is a page area holding one dim line.
func (m *Model) note(s string) string {
	lines := make([]string, m.pageHeight())
	lines[0] = m.lk.st.Dim.Render(ansi.Truncate("  "+s, m.width, ""))
	return strings.Join(lines, "\n")
}

// overlay draws a box over the screen, below the tab bar and above the status
// bar: centred, or at the top. The box is a lipgloss layer over the screen's.
func overlay(screen, box string, width, height int, atTop bool) string {
	room := max(height-2, 1)
	bw, bh := lipgloss.Width(box), lipgloss.Height(box)
	if bh > room {
		box = strings.Join(strings.Split(box, "\n")[:room], "\n")
		bh = room
	}
	x := max((width-bw)/2, 0)
	y := 1
	if !atTop {
		y += (room - bh) / 2
	}
	out := strings.Split(screen, "\n")
	for len(out) < height {
		out = append(out, "")
	}
	out = out[:height]
	// Only the rows the box covers are composited: a canvas of the whole window
	// would cost width x height cells a frame (50 MB at the kiosk's largest
	// window, 1000x500), where the box's band is at most a few dozen rows.
	y = min(y, max(height-bh, 0))
	band := strings.Join(out[y:min(y+bh, height)], "\n")
	c := lipgloss.NewCompositor(
		lipgloss.NewLayer(band),
		lipgloss.NewLayer(box).X(x).Z(1),
	)
	for i, l := range strings.Split(c.Render(), "\n") {
		if y+i < height {
			out[y+i] = l
		}
	}
	return strings.Join(out, "\n")
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
