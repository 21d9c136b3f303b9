package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestSearchBoxOpensTheHit(t *testing.T) {
	m := newTest(t, "en", "overview", 100, 30)
	keys(m, "/")
	typeText(m, "oewg")
	s := screen(m)
	if !strings.Contains(s, "Search: oewg") {
		t.Fatalf("search box does not show the query:\n%s", s)
	}
	if len(m.look.hits) == 0 {
		t.Fatal("no hits for oewg")
	}
	first := m.look.hits[0]
	if first.Page != "glossary" {
		t.Fatalf("first hit should be the glossary term, got %s › %s", first.Page, first.Heading)
	}
	keys(m, "down", "up", "enter")
	if _, page := m.Current(); page != "glossary" {
		t.Fatalf("enter opened %q", page)
	}
	if !strings.Contains(pageArea(m), "OEWG") {
		t.Fatalf("the hit is not on screen:\n%s", screen(m))
	}
	cur := m.look.match + 1
	if want := fmt.Sprintf("match %d of %d", cur, len(m.look.matches)); !strings.Contains(statusLine(m), want) {
		t.Fatalf("status bar: %q, want %q", statusLine(m), want)
	}
	// Matches are highlighted: the raw view marks them with the highlight style.
	if !strings.Contains(m.View().Content, m.st.Highlight.Render("OEWG")) {
		t.Fatal("the match is not highlighted")
	}
	keys(m, "N")
	if want := fmt.Sprintf("match %d of", cur-1); cur > 1 && !strings.Contains(statusLine(m), want) {
		t.Fatalf("after N: %q, want %q", statusLine(m), want)
	}
	keys(m, "n")
	if want := fmt.Sprintf("match %d of", cur); !strings.Contains(statusLine(m), want) {
		t.Fatalf("after n: %q, want %q", statusLine(m), want)
	}
	// Past the last match of the page, n goes on to the next page with matches.
	total := len(m.look.matches)
	for i := cur; i <= total; i++ {
		keys(m, "n")
	}
	if _, page := m.Current(); page == "glossary" {
		t.Fatal("n past the last match stayed on the page")
	}
	if !strings.Contains(statusLine(m), "match 1 of") {
		t.Fatalf("on the next page: %q", statusLine(m))
	}
	// Back returns to the glossary.
	keys(m, "backspace")
	if _, page := m.Current(); page != "glossary" {
		t.Fatalf("backspace went to %q", page)
	}
}

func TestSearchFoldsAccentsAndCancels(t *testing.T) {
	m := newTest(t, "it", "overview", 100, 30)
	keys(m, "/")
	typeText(m, "attivita")
	if len(m.look.hits) == 0 || !strings.Contains(screen(m), "attività") {
		t.Fatalf("attivita does not find attività:\n%s", screen(m))
	}
	keys(m, "backspace", "backspace")
	if !strings.Contains(screen(m), "Cerca: attivi") {
		t.Fatalf("backspace in the box:\n%s", screen(m))
	}
	keys(m, "esc")
	if m.mode != modeRead {
		t.Fatal("esc did not close the search box")
	}
	if _, page := m.Current(); page != "overview" {
		t.Fatal("cancelled search moved the reader")
	}
	// q typed in the box is text, not quit.
	keys(m, "/")
	typeText(m, "q")
	if string(m.look.input) != "q" {
		t.Fatalf("q in the search box: %q", string(m.look.input))
	}
}

func TestSearchOtherLanguageHitSwitchesLanguage(t *testing.T) {
	m := newTest(t, "en", "overview", 100, 30)
	keys(m, "/")
	typeText(m, "perche")
	if len(m.look.hits) == 0 {
		t.Fatal("perche finds nothing")
	}
	h := m.look.hits[0]
	if h.Lang != "it" || !h.OtherLang {
		t.Fatalf("perche should hit Italian text, marked: %+v", h)
	}
	if !strings.Contains(screen(m), "[IT]") {
		t.Fatalf("other-language hit not marked:\n%s", screen(m))
	}
	keys(m, "enter")
	if lang, _ := m.Current(); lang != "it" {
		t.Fatal("opening an Italian hit did not switch to Italian")
	}
}

func TestOutlineJumps(t *testing.T) {
	m := newTest(t, "en", "osce", 100, 30)
	p := m.page()
	keys(m, "o")
	s := screen(m)
	for _, h := range p.Headings {
		if !strings.Contains(s, h.Text) {
			t.Fatalf("outline lacks %q:\n%s", h.Text, s)
		}
	}
	last := len(p.Headings) - 1
	for i := 0; i < last+3; i++ {
		keys(m, "down")
	}
	keys(m, "enter")
	if !strings.Contains(pageArea(m), p.Headings[last].Text) || m.offset != m.maxOffset() {
		t.Fatalf("outline enter: %q not in view:\n%s", p.Headings[last].Text, screen(m))
	}
	keys(m, "o", "esc")
	if m.mode != modeRead {
		t.Fatal("esc did not close the outline")
	}
}

func TestLinksFollowAndBack(t *testing.T) {
	m := newTest(t, "en", "timeline", 100, 40)
	keys(m, "]")
	if m.look.link < 0 {
		t.Fatalf("] focused no link:\n%s", screen(m))
	}
	if !strings.Contains(statusLine(m), "→") {
		t.Fatalf("status does not say where the link leads: %q", statusLine(m))
	}
	keys(m, "]", "[")
	span := m.doc.Links[m.look.link]
	target := m.page().Links[span.Index]
	keys(m, "enter")
	if _, page := m.Current(); page != target.Page {
		t.Fatalf("enter went to %q, want %q", page, target.Page)
	}
	if target.Anchor != "" {
		want := m.page().Headings[m.page().Heading(target.Anchor)].Text
		if !strings.Contains(pageArea(m), want) {
			t.Fatalf("followed link: heading %q not in view:\n%s", want, screen(m))
		}
	}
	keys(m, "backspace")
	if _, page := m.Current(); page != "timeline" {
		t.Fatalf("backspace went to %q", page)
	}
	keys(m, "backspace")
	if !strings.Contains(statusLine(m), "nothing to go back to") {
		t.Fatalf("empty history: %q", statusLine(m))
	}
}

// The reader as the command line starts it: no index given, first page rendered
// while the terminal is set up. Search must still work once the page is shown.
func TestSearchWorksWithoutAGivenIndex(t *testing.T) {
	for _, prerender := range []bool{false, true} {
		m := New(Options{Library: testLib, Cache: testCache, Lang: "it", Style: "dark", Width: 100, Height: 30})
		if prerender {
			m.Prerender()
		}
		drive(m, m.Init(), tea.WindowSizeMsg{Width: 100, Height: 30})
		keys(m, "/")
		typeText(m, "12 march")
		if len(m.look.hits) == 0 || !m.look.hits[0].OtherLang {
			t.Fatalf("prerender=%v: 12 march finds %d hits in the Italian reader:\n%s", prerender, len(m.look.hits), screen(m))
		}
	}
}
