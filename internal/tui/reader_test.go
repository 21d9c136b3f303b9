package tui

import (
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestEachTabShowsItsTitle(t *testing.T) {
	for _, lang := range []string{"en", "it"} {
		m := newTest(t, lang, "", 80, 24)
		for i, p := range testLib.Pages(lang) {
			keys(m, string(rune('1'+i)))
			if !strings.Contains(pageArea(m), p.Title) {
				t.Errorf("%s tab %d: page does not show %q:\n%s", lang, i+1, p.Title, screen(m))
			}
			if !strings.Contains(statusLine(m), p.Title) {
				t.Errorf("%s tab %d: status bar lacks the title: %q", lang, i+1, statusLine(m))
			}
			if !strings.Contains(strings.Split(screen(m), "\n")[0], p.Tab) {
				t.Errorf("%s: tab bar lacks %q", lang, p.Tab)
			}
		}
	}
}

func TestTabKeysAndMouse(t *testing.T) {
	m := newTest(t, "en", "", 100, 30)
	cur := func() string { _, p := m.Current(); return p }
	steps := []struct {
		key, want string
	}{
		{"tab", "eu"}, {"right", "un"}, {"l", "nato"}, {"shift+tab", "un"}, {"left", "eu"}, {"h", "overview"},
		{"h", "about"}, {"tab", "overview"}, {"3", "un"}, {"8", "about"}, {"9", "about"},
	}
	for _, s := range steps {
		keys(m, s.key)
		if got := cur(); got != s.want {
			t.Fatalf("after %q: on %q, want %q", s.key, got, s.want)
		}
	}
	// A click on the "NATO" label of the tab bar opens it.
	bar := strings.Split(screen(m), "\n")[0]
	x := strings.Index(bar, "NATO")
	drive(m, nil, tea.MouseClickMsg{X: len([]rune(bar[:x])) + 1, Y: 0, Button: tea.MouseLeft})
	if got := cur(); got != "nato" {
		t.Fatalf("click on NATO: on %q", got)
	}
	// The wheel scrolls.
	before := pageArea(m)
	drive(m, nil, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if pageArea(m) == before {
		t.Fatal("wheel down did not scroll")
	}
}

// headingAtTop returns the text of the heading the reader is at.
func headingAtTop(m *Model) string {
	h := m.doc.HeadingAt(m.offset)
	if h < 0 {
		return ""
	}
	return m.page().Headings[h].Text
}

func TestToggleKeepsHeading(t *testing.T) {
	m := newTest(t, "en", "un", 80, 24)
	p := testLib.Page("en", "un")
	// Scroll to the third heading with the outline.
	keys(m, "o", "down", "down", "enter")
	if got := headingAtTop(m); got != p.Headings[2].Text {
		t.Fatalf("outline: at %q, want %q", got, p.Headings[2].Text)
	}
	keys(m, "j") // a line into the section
	keys(m, "L")
	it := testLib.Page("it", "un")
	if lang, page := m.Current(); lang != "it" || page != "un" {
		t.Fatalf("after L: %s/%s", lang, page)
	}
	want := it.Headings[2].Text
	if !strings.Contains(pageArea(m), want) {
		t.Fatalf("after L the Italian heading %q is not on screen:\n%s", want, screen(m))
	}
	if !strings.Contains(statusLine(m), "IT") {
		t.Fatalf("status bar does not say IT: %q", statusLine(m))
	}
	keys(m, "L")
	if !strings.Contains(pageArea(m), p.Headings[2].Text) {
		t.Fatalf("back to English: heading %q not on screen", p.Headings[2].Text)
	}
}

func TestEachTabRemembersItsPosition(t *testing.T) {
	m := newTest(t, "en", "un", 80, 24)
	keys(m, "d", "j", "j")
	un := pageArea(m)
	keys(m, "tab", "G")
	nato := pageArea(m)
	keys(m, "shift+tab")
	if pageArea(m) != un {
		t.Fatalf("UN page not where it was left:\n%s", pageArea(m))
	}
	keys(m, "tab")
	if pageArea(m) != nato {
		t.Fatal("NATO page not where it was left")
	}
}

func TestResizeKeepsHeading(t *testing.T) {
	m := newTest(t, "en", "eu", 100, 30)
	keys(m, "o", "down", "down", "down", "enter")
	want := headingAtTop(m)
	for _, w := range []int{60, 41, 120, 80} {
		drive(m, nil, tea.WindowSizeMsg{Width: w, Height: 20})
		if got := headingAtTop(m); got != want {
			t.Fatalf("at width %d: reading %q, want %q", w, got, want)
		}
		if first := strings.Join(strings.Fields(want)[:2], " "); !strings.Contains(pageArea(m), first) {
			t.Fatalf("at width %d the heading %q is not in view:\n%s", w, want, screen(m))
		}
		checkFits(t, m, w, 20)
	}
}

func TestHelpListsEveryBinding(t *testing.T) {
	for _, lang := range []string{"en", "it"} {
		m := newTest(t, lang, "", 120, 50)
		keys(m, "?")
		s := screen(m)
		for _, row := range m.keys.helpRows() {
			if !strings.Contains(s, row[0]) || !strings.Contains(s, row[1]) {
				t.Errorf("%s help lacks %q %q:\n%s", lang, row[0], row[1], s)
			}
		}
		keys(m, "esc")
		if strings.Contains(screen(m), m.s.HelpClose) {
			t.Errorf("%s: esc did not close the help", lang)
		}
		keys(m, "?", "?")
		if m.mode != modeRead {
			t.Errorf("%s: ? did not close the help", lang)
		}
	}
}

func TestScrollKeys(t *testing.T) {
	m := newTest(t, "en", "glossary", 80, 24)
	ph := m.pageHeight()
	steps := []struct {
		key  string
		want int
	}{
		{"j", 1}, {"down", 2}, {"k", 1}, {"up", 0}, {"up", 0}, {"space", ph}, {"b", 0}, {"f", ph},
		{"pgup", 0}, {"pgdown", ph}, {"u", ph - ph/2}, {"d", ph - ph/2 + ph/2}, {"g", 0},
		{"G", m.maxOffset()}, {"home", 0}, {"end", m.maxOffset()},
	}
	for _, s := range steps {
		keys(m, s.key)
		if m.offset != s.want {
			t.Fatalf("after %q: offset %d, want %d", s.key, m.offset, s.want)
		}
	}
	if !strings.Contains(statusLine(m), "end") {
		t.Fatalf("status at the end: %q", statusLine(m))
	}
}

func TestSmallWindowsNeverPanic(t *testing.T) {
	for _, size := range [][2]int{{1, 1}, {20, 5}, {2, 30}, {200, 2}, {19, 3}} {
		m := newTest(t, "it", "glossary", size[0], size[1])
		for _, k := range []string{"tab", "j", "G", "L", "?", "esc", "/", "o", "esc", "]", "enter", "backspace"} {
			keys(m, k)
			checkFits(t, m, size[0], size[1])
		}
	}
	m := newTest(t, "en", "", 10, 3)
	if !strings.Contains(screen(m), "Window") {
		t.Fatalf("10x3 does not say the window is too small: %q", screen(m))
	}
}

func TestNoLineWiderThanTheWindow(t *testing.T) {
	m := newTest(t, "en", "timeline", 200, 30)
	for w := 1; w <= 200; w += 19 {
		drive(m, nil, tea.WindowSizeMsg{Width: w, Height: 30})
		for _, k := range []string{"tab", "G", "?"} {
			keys(m, k)
			checkFits(t, m, w, 30)
		}
		keys(m, "esc")
	}
}

func TestQuitKeys(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		m := newTest(t, "en", "", 80, 24)
		_, cmd := m.Update(press(k))
		if cmd == nil {
			t.Fatalf("%s: no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Fatalf("%s does not quit", k)
		}
	}
	// Esc closes an overlay and does not quit.
	m := newTest(t, "en", "", 80, 24)
	keys(m, "?")
	_, cmd := m.Update(press("esc"))
	if cmd != nil {
		if _, ok := cmd().(tea.QuitMsg); ok {
			t.Fatal("esc quit instead of closing the help")
		}
	}
}

func TestItalianInterface(t *testing.T) {
	m := newTest(t, "it", "", 100, 30)
	if s := statusLine(m); !strings.Contains(s, "aiuto") || !strings.Contains(s, "IT") {
		t.Fatalf("Italian status bar: %q", s)
	}
	keys(m, "?")
	if !strings.Contains(screen(m), "Tasti") {
		t.Fatalf("Italian help: %s", screen(m))
	}
}

// With --style auto the reader asks the terminal for its background: a light answer
// switches to the light style; no answer in time keeps dark.
func TestStyleFollowsTheBackground(t *testing.T) {
	m := New(Options{Library: testLib, Cache: testCache, Index: testIndex, Lang: "en", Style: "auto"})
	drive(m, nil, tea.WindowSizeMsg{Width: 80, Height: 24})
	if m.style != "dark" {
		t.Fatalf("before an answer: %s", m.style)
	}
	dark := m.View().Content
	drive(m, nil, tea.BackgroundColorMsg{Color: color.White})
	if m.style != "light" || m.doc == nil || m.View().Content == dark {
		t.Fatalf("a light background did not give the light style (%s)", m.style)
	}
	m = New(Options{Library: testLib, Cache: testCache, Index: testIndex, Lang: "en", Style: "auto"})
	drive(m, nil, tea.WindowSizeMsg{Width: 80, Height: 24}, bgTimeoutMsg{}, tea.BackgroundColorMsg{Color: color.White})
	if m.style != "dark" {
		t.Fatal("an answer after the timeout changed the style")
	}
}
