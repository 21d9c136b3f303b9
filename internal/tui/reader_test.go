package tui

import (
	"image/color"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"
	"github.com/cyberdiplo/cyberdiplo/third_party/colorprofile"

	"github.com/cyberdiplo/cyberdiplo/internal/cite"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/render"
)

// topBlock is the id of the block at the top of the view.
func topBlock(m *Model) string {
	p, b, _ := m.TopBlock()
	if b < 0 {
		return ""
	}
	if nb := m.blockBelowGap(b); nb >= 0 {
		b = nb // the blank after b is at the top: the reader sees the next block
	}
	return p.Blocks[b].ID
}

func TestEachTabShowsItsTitle(t *testing.T) {
	for _, lang := range []string{"en", "it"} {
		m := newTest(t, lang, "", 80, 24)
		for i, p := range testLib.Pages(lang) {
			keys(m, string(rune('1'+i)))
			if !strings.Contains(pageArea(m), p.Title) {
				t.Errorf("%s tab %d: page does not show %q:\n%s", lang, i+1, p.Title, screen(m))
			}
			if !strings.Contains(m.View().WindowTitle, p.Title) {
				t.Errorf("%s tab %d: window title %q", lang, i+1, m.View().WindowTitle)
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
		{"right", "eu"}, {"right", "un"}, {"left", "eu"}, {"left", "overview"}, {"left", "about"},
		{"right", "overview"}, {"3", "un"}, {"8", "about"}, {"9", "about"},
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

// L keeps the block at the top of the view, and L twice comes back to it, at
// every place of every page, at three window sizes.
func TestToggleTwiceReturnsToTheBlock(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {60, 14}, {40, 12}} {
		m := newTest(t, "en", "", size[0], size[1])
		for i := range m.ids {
			keys(m, string(rune('1'+i)))
			for off := 0; off <= m.maxOffset(); off += 3 {
				m.scrollTo(off)
				before := topBlock(m)
				keys(m, "L")
				it := topBlock(m)
				if lang, _ := m.Current(); lang != "it" {
					t.Fatalf("L did not switch to Italian")
				}
				// The same passage: by position, or through the term base on the
				// glossary, whose entries are in each language's alphabetical order.
				want := before
				if p := m.lib.Page("en", m.ids[i]); before != "" {
					if b := m.lib.CounterpartBlock(p.ID, "en", p.BlockByID(before), "it"); b >= 0 {
						want = m.lib.Page("it", p.ID).Blocks[b].ID
					}
				}
				if before != "" && it != want && m.offset() != m.maxOffset() {
					t.Errorf("%dx%d %s at line %d: block %s in English, %s in Italian (want %s)", size[0], size[1], m.ids[i], off, before, it, want)
				}
				keys(m, "L")
				if after := topBlock(m); after != before {
					t.Errorf("%dx%d %s at line %d: block %s before L L, %s after", size[0], size[1], m.ids[i], off, before, after)
				}
			}
		}
	}
}

// At 60x14 on the UN page, with a passage that gives the date of the first
// OEWG's report at the top of the view, L shows the same passage in Italian.
func TestToggleKeepsThePassage(t *testing.T) {
	m := newTest(t, "en", "un", 60, 14)
	found := 0
	for off := 0; off <= m.maxOffset(); off++ {
		m.scrollTo(off)
		top := m.doc.BlockAt(off)
		at := -1
		for l := off; l < off+m.pageHeight() && l < len(m.doc.Plain); l++ {
			if strings.Contains(m.doc.Plain[l], "12 March 2021") {
				at = l
				break
			}
		}
		if at < 0 || m.doc.BlockAt(at) != top {
			continue // the date is not in the block at the top of the view
		}
		found++
		keys(m, "L")
		if !strings.Contains(pageArea(m), "12 marzo 2021") {
			t.Errorf("line %d: '12 March 2021' in the block at the top, but no '12 marzo 2021' after L:\n%s", off, screen(m))
		}
		keys(m, "L")
		if m.offset() != off {
			t.Errorf("line %d: L L came back to line %d", off, m.offset())
		}
	}
	if found == 0 {
		t.Fatal("the UN page never has '12 March 2021' in the block at the top")
	}
}

func TestEachTabRemembersItsPosition(t *testing.T) {
	m := newTest(t, "en", "un", 80, 24)
	keys(m, "d", "j", "j")
	un := pageArea(m)
	keys(m, "right", "G")
	nato := pageArea(m)
	keys(m, "left")
	if pageArea(m) != un {
		t.Fatalf("UN page not where it was left:\n%s", pageArea(m))
	}
	keys(m, "right")
	if pageArea(m) != nato {
		t.Fatal("NATO page not where it was left")
	}
}

// A resize keeps the block at the top of the view.
func TestResizeKeepsTheBlock(t *testing.T) {
	m := newTest(t, "en", "eu", 100, 30)
	keys(m, "o", "down", "down", "down", "enter", "j", "j")
	want := topBlock(m)
	for _, sz := range [][2]int{{60, 20}, {41, 12}, {120, 40}, {80, 24}} {
		drive(m, nil, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		if got := topBlock(m); got != want && m.offset() != m.maxOffset() {
			t.Fatalf("at %dx%d: block %s at the top, want %s", sz[0], sz[1], got, want)
		}
		checkFits(t, m, sz[0], sz[1])
	}
}

func TestHelpListsEveryBinding(t *testing.T) {
	for _, lang := range []string{"en", "it"} {
		m := newTest(t, lang, "", 120, 50)
		keys(m, "?")
		s := screen(m)
		for _, row := range m.keys.helpBindings() {
			first := strings.Fields(row.Help().Desc)[0]
			if !strings.Contains(s, row.Help().Key) || !strings.Contains(s, first) {
				t.Errorf("%s help lacks %q %q:\n%s", lang, row.Help().Key, row.Help().Desc, s)
			}
		}
		keys(m, "esc")
		if m.mode != modeRead {
			t.Errorf("%s: esc did not close the help", lang)
		}
		keys(m, "?", "?")
		if m.mode != modeRead {
			t.Errorf("%s: ? did not close the help", lang)
		}
		// h opens the help, as in less; q closes it without quitting.
		keys(m, "h")
		if m.mode != modeHelp {
			t.Fatalf("%s: h did not open the help", lang)
		}
		_, cmd := m.Update(press("q"))
		if quits(cmd) {
			t.Fatalf("%s: q in the help quit the reader", lang)
		}
		drive(m, cmd) // the help says it closes by a message
		if m.mode != modeRead {
			t.Fatalf("%s: q did not close the help", lang)
		}
	}
}

// At 40x12 the help does not fit: it scrolls, and its last row can be reached.
func TestHelpScrollsWhenItDoesNotFit(t *testing.T) {
	m := newTest(t, "en", "", 40, 12)
	keys(m, "?")
	checkFits(t, m, 40, 12)
	quit := m.s.KeyQuit
	if strings.Contains(screen(m), quit) {
		t.Fatalf("the whole help fits at 40x12? %s", screen(m))
	}
	if !strings.Contains(screen(m), "more") {
		t.Fatalf("no sign that the help goes on:\n%s", screen(m))
	}
	seen := false
	for i := 0; i < 60 && !seen; i++ {
		keys(m, "j")
		checkFits(t, m, 40, 12)
		seen = strings.Contains(screen(m), quit)
	}
	if !seen {
		t.Fatalf("j never reaches the last row of the help:\n%s", screen(m))
	}
	keys(m, "g")
	if strings.Contains(screen(m), quit) {
		t.Fatal("g did not go back to the top of the help")
	}
	keys(m, "q")
	if m.mode != modeRead {
		t.Fatal("q did not close the help")
	}
}

func TestScrollKeys(t *testing.T) {
	m := newTest(t, "en", "glossary", 80, 24)
	ph := m.pageHeight()
	steps := []struct {
		key  string
		want int
	}{
		{"j", 1}, {"down", 2}, {"e", 3}, {"ctrl+e", 4}, {"k", 3}, {"y", 2}, {"ctrl+y", 1}, {"up", 0}, {"up", 0},
		{"space", ph}, {"b", 0}, {"f", ph}, {"ctrl+b", 0}, {"ctrl+f", ph}, {"pgup", 0}, {"pgdown", ph},
		{"u", ph - ph/2}, {"d", ph - ph/2 + ph/2}, {"ctrl+u", ph - ph/2}, {"ctrl+d", ph - ph/2 + ph/2},
		{"g", 0}, {">", m.maxOffset()}, {"<", 0}, {"G", m.maxOffset()}, {"home", 0}, {"end", m.maxOffset()},
	}
	for _, s := range steps {
		keys(m, s.key)
		if m.offset() != s.want {
			t.Fatalf("after %q: offset %d, want %d", s.key, m.offset(), s.want)
		}
	}
	if !strings.Contains(statusLine(m), "end") {
		t.Fatalf("status at the end: %q", statusLine(m))
	}
}

func TestSmallWindowsNeverPanic(t *testing.T) {
	for _, size := range [][2]int{{1, 1}, {20, 5}, {2, 30}, {200, 2}, {19, 3}, {40, 12}} {
		m := newTest(t, "it", "glossary", size[0], size[1])
		for _, k := range []string{"right", "j", "G", "L", "?", "j", "esc", "/", "o", "esc", "]", "tab", "enter", "backspace", "h", "q"} {
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
		for _, k := range []string{"right", "G", "?"} {
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
	// q and Esc close the help and the outline, and do not quit.
	for _, open := range []string{"?", "o"} {
		for _, k := range []string{"q", "esc"} {
			m := newTest(t, "en", "", 80, 24)
			keys(m, open)
			_, cmd := m.Update(press(k))
			if quits(cmd) {
				t.Fatalf("%s after %s quit instead of closing", k, open)
			}
			drive(m, cmd) // the outline says it closes by a message
			if m.mode != modeRead {
				t.Fatalf("%s after %s did not close it", k, open)
			}
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

// The status bar names the sources of the section at the top of the view and
// the year each reflects.
func TestStatusNamesTheSectionsSources(t *testing.T) {
	for _, lang := range []string{"en", "it"} {
		m := newTest(t, lang, "un", 100, 30)
		p := m.page()
		seen := 0
		for s, h := range p.Sections {
			if h.Heading.Block < 0 {
				continue
			}
			// The section read: a heading with nothing under it (the page's
			// title) stands for the next, as in what c copies.
			sec := p.Sections[cite.Block(p, h.Heading.Block).Section]
			if len(sec.Sources) == 0 {
				continue
			}
			m.sess.SetPlace(library.At(p, s))
			m.restoreSpot()
			status := statusLine(m)
			for _, id := range sec.Sources {
				src, ok := testLib.Source(id)
				if !ok {
					continue
				}
				want := src.Publisher
				if src.Symbol != "" {
					want = src.Symbol
				}
				if !strings.Contains(status, want) || !strings.Contains(status, strconv.Itoa(src.AsOf)) {
					t.Errorf("%s section %d (%s): status %q lacks %q %d", lang, s, sec.Heading.Text, status, want, src.AsOf)
				}
			}
			seen++
		}
		if seen == 0 {
			t.Fatalf("%s: no section of the UN page names a source", lang)
		}
	}
}

// Without colour (NO_COLOR gives the ASCII profile, TERM=dumb NoTTY) nothing
// rests on colour: the active tab in brackets, the selected link in angle
// brackets, the current match in brackets, the other matches reversed (in braces
// where even that does not show).
func TestMarksWithoutColour(t *testing.T) {
	for _, prof := range []colorprofile.Profile{colorprofile.ASCII, colorprofile.NoTTY} {
		m := newTest(t, "en", "un", 100, 30)
		drive(m, nil, tea.ColorProfileMsg{Profile: prof})
		bar := strings.Split(screen(m), "\n")[0]
		if !strings.Contains(bar, "[UN]") {
			t.Errorf("%v: active tab not in brackets: %q", prof, bar)
		}
		keys(m, "]")
		l := m.page().Links[m.sess.Link()]
		if !strings.Contains(pageArea(m), "<"+l.Text+">") && !strings.Contains(pageArea(m), "<"+strings.Fields(l.Text)[0]) {
			t.Errorf("%v: the selected link %q is not in angle brackets:\n%s", prof, l.Text, pageArea(m))
		}
		keys(m, "esc", "g", "/")
		typeText(m, "oewg")
		keys(m, "enter")
		if len(m.find.occ) < 2 {
			t.Fatalf("%v: fewer than 2 occurrences of oewg on the page", prof)
		}
		area := pageArea(m)
		if n := strings.Count(strings.ToLower(area), "[oewg"); n != 1 {
			t.Errorf("%v: %d bracketed current matches on screen, want 1:\n%s", prof, n, area)
		}
		switch prof {
		case colorprofile.NoTTY:
			if !strings.Contains(strings.ToLower(area), "{oewg") {
				t.Errorf("NoTTY: other matches not in braces:\n%s", area)
			}
		default:
			if !strings.Contains(m.View().Content, "\x1b[7m") {
				t.Errorf("ASCII profile: other matches not in reverse video")
			}
		}
		checkFits(t, m, 100, 30)
	}
}

// The ascii style draws its frame in ASCII only: whatever is not ASCII on screen
// is a letter of the text.
func TestASCIIStyleDrawsASCII(t *testing.T) {
	m := New(Options{Library: testLib, Cache: testCache, Index: testIndex, Lang: "it", Style: "ascii"})
	drive(m, m.Init(), tea.WindowSizeMsg{Width: 40, Height: 12})
	check := func(what string) {
		for _, r := range screen(m) {
			if r >= 0x80 && !unicode.IsLetter(r) {
				t.Fatalf("%s: %q drawn in the ascii style:\n%s", what, r, screen(m))
			}
		}
	}
	for i := range m.ids {
		keys(m, string(rune('1'+i)))
		check(m.ids[i])
		keys(m, "G")
		check(m.ids[i] + " end")
	}
	keys(m, "?")
	check("help")
	keys(m, "q", "/")
	typeText(m, "oewg")
	check("search")
	keys(m, "esc", "o")
	check("outline")
}

// i18n strings are values: changing one session's does not change another's.
func TestStringsAreValues(t *testing.T) {
	a := newTest(t, "en", "", 80, 24)
	b := newTest(t, "en", "", 80, 24)
	a.s.Help = "changed"
	if strings.Contains(statusLine(b), "changed") {
		t.Fatal("one reader's strings changed another's")
	}
}

// The reader reopens where it was closed: the page, the language and the block at
// the top, even at another window size.
func TestReopensAtTheBlock(t *testing.T) {
	m := newTest(t, "it", "osce", 100, 30)
	keys(m, "j", "j", "j", "j", "j", "j", "j", "j", "j", "j")
	spot := m.Place()
	lang, page := spot.Lang, spot.Page
	before := topBlock(m)
	if lang != "it" || page != "osce" || spot.Block == "" || spot.Block != before {
		t.Fatalf("Place() = %+v (top block %s)", spot, before)
	}
	for _, size := range [][2]int{{100, 30}, {60, 14}, {40, 12}} {
		r := New(Options{Library: testLib, Cache: testCache, Index: testIndex, Lang: lang, Place: spot, Style: "dark"})
		drive(r, r.Init())
		drive(r, nil, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		if got := topBlock(r); got != before && r.offset() != r.maxOffset() {
			t.Errorf("%dx%d: reopened at block %s, want %s", size[0], size[1], got, before)
		}
	}
	// A block that no longer exists (the content changed): its section's heading.
	gone := spot
	gone.Block = strings.Split(spot.Block, ".")[0] + ".99"
	r := New(Options{Library: testLib, Cache: testCache, Index: testIndex, Lang: lang, Place: gone, Style: "dark"})
	drive(r, r.Init())
	drive(r, nil, tea.WindowSizeMsg{Width: 100, Height: 30})
	if got, want := topBlock(r), strings.Split(spot.Block, ".")[0]+".0"; got != want && r.offset() != r.maxOffset() {
		t.Errorf("a vanished block reopened at %s, want its section's heading %s", got, want)
	}
}

// The first frame is drawn at once from the top of the page, before the whole
// page is rendered, and the whole page then takes its place without a change on
// screen.
func TestFirstFrameFromTheTopOfThePage(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}, {100, 30}} {
		m := New(Options{Library: testLib, Cache: render.NewCache(4), Index: testIndex, Lang: "en", Page: "overview",
			Style: "dark", Width: size[0], Height: size[1]})
		first := m.FirstFrame()
		if !m.doc.Partial {
			t.Fatalf("%v: the first frame was drawn from the whole page", size)
		}
		if n := strings.Count(first, "\n") + 1; n != size[1] {
			t.Fatalf("%v: first frame of %d lines", size, n)
		}
		if !strings.Contains(first, m.page().Title) {
			t.Fatalf("%v: the first frame lacks the title:\n%s", size, first)
		}
		drive(m, m.Init(), tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		if m.doc.Partial {
			t.Fatalf("%v: the whole page never replaced the top", size)
		}
		if got := m.View().Content; got != first {
			t.Errorf("%v: the screen changed when the whole page came:\n%s\n---\n%s", size, first, got)
		}
		keys(m, "G")
		if m.offset() == 0 {
			t.Errorf("%v: the whole page does not scroll", size)
		}
	}
	// Reopening further down the page: the first frame is drawn there.
	m0 := newTest(t, "en", "un", 80, 24)
	keys(m0, "space", "space", "j")
	spot := m0.Place()
	want := pageArea(m0)
	r := New(Options{Library: testLib, Cache: render.NewCache(4), Index: testIndex, Lang: "en", Page: "un",
		Place: spot, Style: "dark", Width: 80, Height: 24})
	if first := r.FirstFrame(); !strings.Contains(ansi.Strip(first), strings.TrimSpace(strings.Split(want, "\n")[0])) || pageArea(r) != want {
		t.Errorf("reopened first frame:\n%s\nwant:\n%s", pageArea(r), want)
	}
	// No size, no first frame.
	m := New(Options{Library: testLib, Cache: testCache, Lang: "en", Style: "dark"})
	if m.FirstFrame() != "" {
		t.Fatal("a first frame without a window size")
	}
}
