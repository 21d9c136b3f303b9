package kiosk

import (
	"bytes"
	"io"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
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
type screen struct {
	out           io.Writer // the session
	profile       colorprofile.Profile
	conv          bytes.Buffer // a line converted to the profile
	width, height int
	lines         []string // what the terminal shows; nil: unknown (repaint all)
	title         string
	mouse         tea.MouseMode
	started       bool
	buf           bytes.Buffer
	failed        bool // a write failed: the visitor is gone
}

func newScreen(w io.Writer, profile colorprofile.Profile, width, height int) *screen {
	if profile < colorprofile.ASCII {
		profile = colorprofile.ASCII // NoTTY would strip the cursor moves too
	}
	return &screen{out: w, profile: profile, width: width, height: height}
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

func (s *screen) resize(width, height int) {
	if width != s.width || height != s.height {
		s.width, s.height, s.lines = width, height, nil
	}
}

// draw shows the view: on the first call, the alternate screen and a hidden
// cursor; then only the lines that changed.
func (s *screen) draw(v tea.View) {
	if s.failed || s.width <= 0 || s.height <= 0 {
		return
	}
	b := &s.buf
	b.Reset()
	b.WriteString(ansi.SetModeSynchronizedOutput)
	if !s.started {
		s.started = true
		b.WriteString(ansi.SetModeAltScreenSaveCursor + ansi.HideCursor)
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
	if s.lines == nil {
		b.WriteString(ansi.ResetStyle + ansi.CursorHomePosition + ansi.EraseEntireScreen)
	}
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
		b.WriteString(s.line(l))
		b.WriteString(ansi.ResetStyle)
		if strings.Contains(l, "\x1b]8;") {
			b.WriteString(ansi.ResetHyperlink())
		}
	}
	s.lines = lines
	if !changed && b.Len() == len(ansi.SetModeSynchronizedOutput) {
		return // nothing to draw
	}
	b.WriteString(ansi.ResetModeSynchronizedOutput)
	if _, err := s.out.Write(b.Bytes()); err != nil {
		s.failed = true
	}
}

// close gives the terminal back: mouse off, cursor on, main screen.
func (s *screen) close() {
	if !s.started || s.failed {
		return
	}
	_, _ = io.WriteString(s.out, ansi.ResetStyle+
		ansi.ResetModeMouseButtonEvent+ansi.ResetModeMouseAnyEvent+ansi.ResetModeMouseExtSgr+
		ansi.ShowCursor+ansi.ResetModeAltScreenSaveCursor)
}

// screenModel is the reader with the screen: it draws each view as it is made.
type screenModel struct {
	tea.Model
	scr *screen
}

func (m *screenModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		m.scr.resize(ws.Width, ws.Height)
	}
	var cmd tea.Cmd
	m.Model, cmd = m.Model.Update(msg)
	return m, cmd
}

func (m *screenModel) View() tea.View {
	v := m.Model.View()
	m.scr.draw(v)
	return v
}
