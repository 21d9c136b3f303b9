package kiosk

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

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
	conv          bytes.Buffer // a line converted to the profile
	width, height int          // what is drawn: the window, clamped
	winW, winH    int          // the window, as the client gave it
	maxW, maxH    int          // the most drawn (tui.MaxWidth x tui.MaxHeight)
	lines         []string     // what the terminal shows; nil: unknown (repaint all)
	title         string
	mouse         tea.MouseMode
	started       bool
	buf           bytes.Buffer
	failed        bool // a write failed: the visitor is gone
}

func newScreen(w io.Writer, profile colorprofile.Profile, lang string) *screen {
	if profile < colorprofile.ASCII {
		profile = colorprofile.ASCII // NoTTY would strip the cursor moves too
	}
	return &screen{out: w, profile: profile, lang: lang, maxW: tui.MaxWidth, maxH: tui.MaxHeight}
}

// line is l in the terminal's colours. Pages come from Glamour in 256 colours
// and need no conversion on the usual terminal (xterm-256color): only lines with
// 24-bit colours (the reader's bars) are converted there, which matters, since
// converting is most of the cost of a frame.
func (s *screen) line(l string) string {
	switch {
	case s.profile == colorprofile.TrueColor:
		return l
	case s.profile == colorprofile.ANSI256 && !strings.Contains(l, "8;2;") && !strings.Contains(l, "8:2:"):
		return l
	}
	s.conv.Reset()
	w := colorprofile.Writer{Forward: &s.conv, Profile: s.profile}
	if _, err := io.WriteString(&w, l); err != nil {
		return l
	}
	return s.conv.String()
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

// draw shows the view: on the first call, the alternate screen and a hidden
// cursor; then only the lines that changed. It says whether it wrote anything.
func (s *screen) draw(v tea.View) bool {
	if s.failed || s.width <= 0 || s.height <= 0 {
		return false
	}
	b := &s.buf
	b.Reset()
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
	lines := strings.Split(v.Content, "\n")
	if len(lines) > s.height {
		lines = lines[:s.height]
	}
	for len(lines) < s.height {
		lines = append(lines, "")
	}
	full := s.lines == nil
	if full {
		b.WriteString(ansi.ResetStyle + ansi.CursorHomePosition + ansi.EraseEntireScreen)
	}
	note, noteRow, noteCol := s.larger()
	changed := false
	for i, l := range lines {
		if s.lines != nil && s.lines[i] == l {
			continue
		}
		changed = true
		// Erase the line first: erasing after a line as wide as the window
		// would take its last cell (the cursor stays on it).
		b.WriteString(ansi.CursorPosition(1, i+1))
		if s.lines != nil {
			b.WriteString(ansi.ResetStyle + ansi.EraseEntireLine)
		}
		b.WriteString(s.line(ansi.Truncate(l, s.width, "")))
		b.WriteString(ansi.ResetStyle)
		if strings.Contains(l, "\x1b]8;") {
			b.WriteString(ansi.ResetHyperlink())
		}
		if i == 0 && noteRow == 1 && !full { // erasing the line took the note beside it
			b.WriteString(ansi.CursorPosition(noteCol, noteRow) + note)
		}
	}
	if full && note != "" { // the screen was erased
		b.WriteString(ansi.CursorPosition(noteCol, noteRow) + note)
	}
	s.lines = lines
	if !changed && b.Len() == len(ansi.SetModeSynchronizedOutput) {
		return false // nothing to draw
	}
	b.WriteString(ansi.ResetModeSynchronizedOutput)
	if _, err := s.out.Write(b.Bytes()); err != nil {
		s.failed = true
	}
	return true
}

// close gives the terminal back: mouse off, autowrap and cursor on, main screen.
func (s *screen) close() {
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
	if _, err := io.WriteString(s.out, ansi.SetSystemClipboard(text)); err != nil {
		s.failed = true
	}
}

// screenModel is the reader with the screen: it draws each view as it is made,
// and times each key to the frame it brings.
type screenModel struct {
	tea.Model
	scr     *screen
	keyAt   int64 // when the key being answered arrived (unix nanos), or 0
	observe func(seconds float64)
}

func (m *screenModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
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
	if m.scr.draw(v) && m.keyAt != 0 && m.observe != nil {
		m.observe(time.Since(time.Unix(0, m.keyAt)).Seconds())
	}
	m.keyAt = 0 // a key that changed nothing has no frame to time
	return v
}
