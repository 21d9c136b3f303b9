package tui

import (
	"strings"
	"testing"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/render"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
)

var (
	testLib   *library.Library
	testCache = render.NewCache(256)
	testIndex *search.Index
)

func init() {
	lib, err := library.Load(content.FS())
	if err != nil {
		panic(err)
	}
	testLib = lib
	testIndex = search.New(lib)
}

// newTest returns a reader at a size with every command run to completion.
func newTest(t testing.TB, lang, page string, w, h int) *Model {
	t.Helper()
	m := New(Options{Library: testLib, Cache: testCache, Index: testIndex, Lang: lang, Page: page, Style: "dark"})
	drive(m, m.Init())
	drive(m, nil, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// newTestLib is newTest on another library (its own index and render cache).
func newTestLib(t testing.TB, lib *library.Library, lang, page string, w, h int) *Model {
	t.Helper()
	m := New(Options{Library: lib, Cache: render.NewCache(64), Index: search.New(lib), Lang: lang, Page: page, Style: "dark"})
	drive(m, m.Init())
	drive(m, nil, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// drive feeds messages to the model and runs the commands they return, and the
// messages those produce, until nothing is left (as the Bubble Tea loop would).
func drive(m *Model, cmd tea.Cmd, msgs ...tea.Msg) {
	queue := append(run(cmd), msgs...)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		_, c := m.Update(msg)
		queue = append(queue, run(c)...)
	}
}

func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil, tea.QuitMsg:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, run(c)...)
		}
		return out
	default:
		return []tea.Msg{msg}
	}
}

// press builds a key press from its name: "tab", "shift+tab", "ctrl+c", "j", "G".
func press(name string) tea.KeyPressMsg {
	codes := map[string]rune{
		"tab": tea.KeyTab, "enter": tea.KeyEnter, "esc": tea.KeyEscape, "backspace": tea.KeyBackspace,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "home": tea.KeyHome, "end": tea.KeyEnd,
	}
	switch {
	case name == "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case name == "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case strings.HasPrefix(name, "ctrl+"):
		return tea.KeyPressMsg{Code: rune(name[5]), Mod: tea.ModCtrl}
	}
	if c, ok := codes[name]; ok {
		return tea.KeyPressMsg{Code: c}
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}

// keys presses each key in turn.
func keys(m *Model, names ...string) {
	for _, n := range names {
		drive(m, nil, press(n))
	}
}

// typeText types text into whatever has focus.
func typeText(m *Model, s string) {
	for _, r := range s {
		drive(m, nil, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// screen is what the user sees: the view without escape sequences.
func screen(m *Model) string { return ansi.Strip(m.View().Content) }

// pageArea is the screen without the tab bar and the status bar.
func pageArea(m *Model) string {
	lines := strings.Split(screen(m), "\n")
	if len(lines) < 3 {
		return ""
	}
	return strings.Join(lines[1:len(lines)-1], "\n")
}

func statusLine(m *Model) string {
	lines := strings.Split(screen(m), "\n")
	return lines[len(lines)-1]
}

// checkFits fails if the view is not exactly h lines of at most w cells.
func checkFits(t testing.TB, m *Model, w, h int) {
	t.Helper()
	v := m.View().Content
	lines := strings.Split(v, "\n")
	if w > 0 && h > 0 && len(lines) > h {
		t.Fatalf("%dx%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("%dx%d: line %d is %d cells wide: %q", w, h, i, lw, ansi.Strip(l))
		}
	}
}
