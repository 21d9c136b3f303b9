package kiosk

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"
	"github.com/cyberdiplo/cyberdiplo/third_party/colorprofile"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	"github.com/cyberdiplo/cyberdiplo/internal/tui"
)

// screen draws the reader's frames on a visitor's terminal. The reader runs as a
// Bubble Tea program without Bubble Tea's renderer: frames are drawn here, line
// by line, as soon as the view changes.
//
// Why: Bubble Tea's cell renderer keeps two cell buffers of 112 bytes a cell
// (about 700 KB a session at 100x30: 140 MB at 200 visitors, over the memory
// target on its own), and spends most of the server's CPU parsing and diffing
// cells; it also paints on a 60 fps ticker, which adds up to 17 ms to every
// keystroke. The reader's view is a full screen of exactly height lines, none
// wider than the window (the reader cuts them): redrawing the lines that changed
// is enough, keeps one string per line, and answers a key with one write.
//
// Each line is cut to the width, and the terminal's autowrap is off while the
// reader is on: whatever a line holds, it cannot wrap and scroll the screen.
//
// The output's bound: one frame at a time (buf), at most maxH lines of at most
// maxW cells, written synchronously to the session, so the client's SSH window
// holds back the reader. A client that stops reading blocks its own session only,
// and is cut quitGrace after the session is asked to end (idle, shutdown).
type screen struct {
	out           io.Writer // the session
	profile       colorprofile.Profile
	lang          string
	width, height int        // what is drawn: the window, clamped
	winW, winH    int        // the window, as the client gave it
	maxW, maxH    int        // the most drawn (tui.MaxWidth x tui.MaxHeight)
	lines         []uint64   // a hash of each line the terminal shows (lineSeed); nil: unknown (repaint all)
	bufs          *sync.Pool // of *bytes.Buffer: a frame being written, a line converted
	title         string
	mouse         tea.MouseMode
	started       bool
	failed        bool // a write failed: the visitor is gone

	pending *bytes.Buffer         // composed, not yet written (flush); from bufs
	keyAt   int64                 // when the key the pending frame answers arrived, or 0
	observe func(seconds float64) // times each key to its frame (nil: not timed)
}

// A screen keeps a hash of each line shown (8 bytes, not the line) and borrows
// its write buffers from a pool the sessions share: an idle visitor's screen
// holds a few hundred bytes, not a copy of the frame.

func newScreen(w io.Writer, profile colorprofile.Profile, lang string, bufs *sync.Pool) *screen {
	if profile < colorprofile.ASCII {
		profile = colorprofile.ASCII // NoTTY would strip the cursor moves too
	}
	if bufs == nil {
		bufs = newBufPool()
	}
	return &screen{out: w, profile: profile, lang: lang, maxW: tui.MaxWidth, maxH: tui.MaxHeight, bufs: bufs}
}

// newBufPool is a pool of write buffers for screens.
func newBufPool() *sync.Pool {
	return &sync.Pool{New: func() any { return new(bytes.Buffer) }}
}

// maxPooled: a buffer grown past this (a frame at 1000x500) is not kept.
const maxPooled = 256 << 10

func (s *screen) getBuf() *bytes.Buffer {
	b := s.bufs.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

func (s *screen) putBuf(b *bytes.Buffer) {
	if b.Cap() <= maxPooled {
		s.bufs.Put(b)
	}
}

// line is l in the terminal's colours. Pages come from Glamour in 256 colours
// and need no conversion on the usual terminal (xterm-256color): only lines with
// 24-bit colours (the reader's bars) are converted there, which matters, since
// converting is most of the cost of a frame.
func (s *screen) line(b *bytes.Buffer, l string) {
	switch {
	case s.profile == colorprofile.TrueColor,
		s.profile == colorprofile.ANSI256 && !strings.Contains(l, "8;2;") && !strings.Contains(l, "8:2:"):
		b.WriteString(l)
		return
	}
	w := colorprofile.Writer{Forward: b, Profile: s.profile}
	_, _ = io.WriteString(&w, l)
}

// lineSeed is the seed of the lines' hashes: one for the process, so that a
// line's hash names it for every screen (drawnLines), random, so that no
// visitor can make two lines collide.
var lineSeed = maphash.MakeSeed()

// drawnLines is what lines became on the screens drawn so far, for the next
// screen that draws the same line at the same width in the same colours (the
// visitors read the same pages): that a line fits as it is, or, for one that
// needed cutting or converting (the reader's bars), what it became. Cutting
// and converting were a third of the CPU of a key. Its bound: at most
// maxDrawnLines entries (when full it starts again, empty), each at most
// maxDrawnLine bytes (a longer result is not kept): about 8 MB at the worst,
// under 1 MB for the kiosk's pages.
var drawnLines = struct {
	sync.Mutex
	m map[drawnKey]drawnLine
}{m: map[drawnKey]drawnLine{}}

const (
	maxDrawnLines = 16 << 10
	maxDrawnLine  = 512
)

// drawnKey names a line (its hash and length) at a width in a profile.
type drawnKey struct {
	hash    uint64
	n       int
	width   int
	profile colorprofile.Profile
}

// drawnLine is what a line became: itself (same), or out.
type drawnLine struct {
	same bool
	out  string
}

// drawLine writes l, whose hash is h, cut to the width in the terminal's
// colours.
func (s *screen) drawLine(b *bytes.Buffer, l string, h uint64) {
	k := drawnKey{h, len(l), s.width, s.profile}
	drawnLines.Lock()
	d, ok := drawnLines.m[k]
	drawnLines.Unlock()
	switch {
	case ok && d.same:
		b.WriteString(l)
		return
	case ok:
		b.WriteString(d.out)
		return
	}
	start := b.Len()
	s.line(b, ansi.Truncate(l, s.width, ""))
	out := b.Bytes()[start:]
	if d.same = string(out) == l; !d.same {
		if len(out) > maxDrawnLine {
			return
		}
		d.out = string(out)
	}
	drawnLines.Lock()
	if len(drawnLines.m) >= maxDrawnLines {
		clear(drawnLines.m)
	}
	drawnLines.m[k] = d
	drawnLines.Unlock()
}

// resize takes the visitor's window as the client gave it (any size): the
// screen draws at most maxW x maxH of it.
func (s *screen) resize(winW, winH int) {
	if s.width > 0 && winW == s.winW && winH == s.winH {
		return
	}
	s.winW, s.winH = winW, winH
	w, h := drawSize(winW, winH)
	s.width, s.height = min(w, s.maxW), min(h, s.maxH)
	s.lines = nil // repaint everything: the terminal may have reflowed
}

// larger is the note drawn when the window is larger than what is drawn, cut to
// the window, and where: below the drawing if the window is taller, else beside
// its first line.
func (s *screen) larger() (note string, row, col int) {
	switch {
	case s.winH > s.height:
		row, col = s.height+1, 1
	case s.winW > s.width:
		row, col = 1, s.width+2
	default:
		return "", 0, 0
	}
	room := s.winW - col + 1
	if s.winW <= 0 { // unknown: drawn at the default width
		room = s.width
	}
	note = fmt.Sprintf(i18n.For(s.lang).Kiosk.Larger, s.winW, s.winH, s.width, s.height)
	return ansi.Truncate(note, room, ""), row, col
}

// draw shows the view at once (compose, then flush). It says whether it wrote
// anything.
func (s *screen) draw(v tea.View) bool {
	drew := s.compose(v, 0)
	s.flush()
	return drew
}

// maxWrite is the most written to the session at a time. The SSH library keeps,
// for each connection, a packet buffer and a cipher buffer as large as the
// largest write: a frame after a key is 3 KB, but the first (the whole screen)
// is 8 to 10 KB, and it set 20 KB a visitor for the session's life. Written in
// pieces of 4 KB, it costs one or two packets more, once.
const maxWrite = 4 << 10

// flush writes what was composed since the last flush, if anything, and times
// the key it answers (observe). The reader composes on a drawing goroutine
// (drawPool) and flushes on the session's own: a write may wait for a slow
// visitor, and must hold up no one else.
func (s *screen) flush() {
	b := s.pending
	if b == nil {
		return
	}
	s.pending = nil
	defer s.putBuf(b)
	if s.failed {
		return
	}
	for p := b.Bytes(); len(p) > 0; {
		n := min(len(p), maxWrite)
		if _, err := s.out.Write(p[:n]); err != nil {
			s.failed = true
			return
		}
		p = p[n:]
	}
	if at := s.keyAt; at != 0 && s.observe != nil {
		s.observe(time.Since(time.Unix(0, at)).Seconds())
	}
	s.keyAt = 0
}

// compose adds the view to what flush writes next: on the first call, the
// alternate screen and a hidden cursor; then only the lines that changed. It
// says whether there is anything to write; keyAt (unix nanos, or 0) is when
// the key this frame answers arrived.
func (s *screen) compose(v tea.View, keyAt int64) bool {
	if s.failed || s.width <= 0 || s.height <= 0 {
		return false
	}
	if s.pending == nil {
		s.pending = s.getBuf()
	}
	b := s.pending
	start := b.Len()
	b.WriteString(ansi.SetModeSynchronizedOutput)
	if !s.started {
		s.started = true
		b.WriteString(ansi.SetModeAltScreenSaveCursor + ansi.HideCursor + ansi.ResetModeAutoWrap)
	}
	if v.MouseMode != s.mouse {
		b.WriteString(ansi.ResetModeMouseButtonEvent + ansi.ResetModeMouseAnyEvent + ansi.ResetModeMouseExtSgr)
		switch v.MouseMode {
		case tea.MouseModeCellMotion:
			b.WriteString(ansi.SetModeMouseButtonEvent + ansi.SetModeMouseExtSgr)
		case tea.MouseModeAllMotion:
			b.WriteString(ansi.SetModeMouseAnyEvent + ansi.SetModeMouseExtSgr)
		}
		s.mouse = v.MouseMode
	}
	if v.WindowTitle != s.title {
		b.WriteString(ansi.SetWindowTitle(clean(v.WindowTitle, 200)))
		s.title = v.WindowTitle
	}
	full := s.lines == nil
	if full {
		s.lines = make([]uint64, s.height)
		b.WriteString(ansi.ResetStyle + ansi.CursorHomePosition + ansi.EraseEntireScreen)
	}
	note, noteRow, noteCol := s.larger()
	changed := false
	rest := v.Content // exactly height lines: more are cut, fewer are blank
	for i := range s.height {
		var l string
		l, rest, _ = strings.Cut(rest, "\n")
		h := maphash.String(lineSeed, l)
		if !full && s.lines[i] == h {
			continue
		}
		s.lines[i] = h
		if full && l == "" {
			continue // erased already
		}
		changed = true
		// Erase the line first: erasing after a line as wide as the window
		// would take its last cell (the cursor stays on it).
		b.WriteString(ansi.CursorPosition(1, i+1))
		if !full {
			b.WriteString(ansi.ResetStyle + ansi.EraseEntireLine)
		}
		s.drawLine(b, l, h)
		b.WriteString(ansi.ResetStyle)
		if strings.Contains(l, "\x1b]8;") {
			b.WriteString(ansi.ResetHyperlink())
		}
		if i == 0 && noteRow == 1 && !full { // erasing the line took the note beside it
			b.WriteString(ansi.CursorPosition(noteCol, noteRow) + note)
		}
	}
	if full {
		changed = true
		if note != "" { // the screen was erased
			b.WriteString(ansi.CursorPosition(noteCol, noteRow) + note)
		}
	}
	if !changed && b.Len()-start == len(ansi.SetModeSynchronizedOutput) {
		b.Truncate(start)
		return false // nothing to draw
	}
	b.WriteString(ansi.ResetModeSynchronizedOutput)
	if s.keyAt == 0 {
		s.keyAt = keyAt
	}
	return true
}

// close gives the terminal back: mouse off, autowrap and cursor on, main screen.
func (s *screen) close() {
	s.flush()
	if !s.started || s.failed {
		return
	}
	_, _ = io.WriteString(s.out, ansi.ResetStyle+
		ansi.ResetModeMouseButtonEvent+ansi.ResetModeMouseAnyEvent+ansi.ResetModeMouseExtSgr+
		ansi.SetModeAutoWrap+ansi.ShowCursor+ansi.ResetModeAltScreenSaveCursor)
}

// clipboard asks the visitor's terminal to put text in its clipboard (OSC 52).
// The reader bounds the text (tui.MaxCopy).
func (s *screen) clipboard(text string) {
	if s.failed || len(text) > tui.MaxCopy {
		return
	}
	if s.pending == nil {
		s.pending = s.getBuf()
	}
	s.pending.WriteString(ansi.SetSystemClipboard(text)) // written by the next flush
}

// screenModel is the reader with the screen: it draws each view as it is made,
// and times each key to the frame it brings.
type screenModel struct {
	tea.Model
	scr    *screen
	keyAt  int64  // when the key being answered arrived (unix nanos), or 0
	notice string // drawn over the last line until the visitor does something
}

// idleSoonMsg: the idle timeout is a minute away; the reader says so on its
// last line until the next key, scroll or click.
type idleSoonMsg struct{}

func (m *screenModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg.(type) {
	case idleSoonMsg:
		m.notice = i18n.For(m.scr.lang).Kiosk.IdleSoon
		return m, nil
	case keyMsg, windowMsg, tea.MouseMsg:
		m.notice = ""
	}
	switch w := msg.(type) {
	case windowMsg:
		m.scr.resize(w.Width, w.Height)
		msg = tea.WindowSizeMsg{Width: m.scr.width, Height: m.scr.height}
	case keyMsg:
		if m.keyAt == 0 {
			m.keyAt = w.at
		}
		msg = w.key
	}
	if c, ok := msg.(tui.CopyMsg); ok {
		// The program has no output of its own: the copy reaches the visitor's
		// clipboard as the OSC 52 sequence their terminal understands.
		m.scr.clipboard(c.Text)
	}
	var cmd tea.Cmd
	m.Model, cmd = m.Model.Update(msg)
	return m, cmd
}

func (m *screenModel) View() tea.View {
	v := m.Model.View()
	if m.notice != "" {
		v.Content = withLastLine(v.Content, m.scr.height,
			ansi.SGR(ansi.AttrReverse)+ansi.Truncate(m.notice, m.scr.width, "…")+ansi.ResetStyle)
	}
	m.scr.compose(v, m.keyAt) // written by the program's flush, on the session's goroutine
	m.keyAt = 0               // a key that changed nothing has no frame to time
	return v
}

// withLastLine is content (a frame of height lines) with its last line
// replaced by l.
func withLastLine(content string, height int, l string) string {
	lines := strings.SplitN(content, "\n", height)
	for len(lines) < height {
		lines = append(lines, "")
	}
	lines[height-1] = l
	return strings.Join(lines, "\n")
}
