package tui

import (
	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"
	"strings"
	"testing"
)

func TestOutlineFiltersAsYouType(t *testing.T) {
	m := newTest(t, "it", "un", 100, 30)
	p := m.page()
	keys(m, "o", "G")
	if h := m.outline.heading(); h != len(p.Headings)-1 {
		t.Errorf("G in the outline selects entry %d, want the last (%d)", h, len(p.Headings)-1)
	}
	keys(m, "g", "end")
	if h := m.outline.heading(); h != len(p.Headings)-1 {
		t.Errorf("End selects entry %d, want the last", h)
	}
	// / then words: the list narrows as they are typed, accents ignored.
	keys(m, "/")
	typeText(m, "gruppi esp")
	items := m.outline.items()
	if len(items) != 1 || !strings.Contains(items[0], "Gruppi di esperti governativi") {
		t.Fatalf("filtered outline: %q", items)
	}
	if !strings.Contains(screen(m), "/ gruppi esp") {
		t.Errorf("the filter is not shown:\n%s", screen(m))
	}
	keys(m, "backspace", "backspace", "backspace", "backspace")
	if n := len(m.outline.items()); n < 2 {
		t.Errorf("after Backspace the filter keeps %d entries", n)
	}
	typeText(m, " esp")
	keys(m, "enter")
	if m.mode != modeRead {
		t.Fatal("Enter did not close the outline")
	}
	pg, b, _ := m.TopBlock()
	if b < 0 || !strings.Contains(pg.Sections[pg.Blocks[b].Section].Heading.Text, "Gruppi di esperti") {
		t.Errorf("Enter jumped to block %d, not to the heading picked", b)
	}
	// q closes the outline (not the program); in the filter, q is typed.
	keys(m, "o", "/")
	typeText(m, "q")
	if m.mode != modeOutline || m.outline.filter != "q" {
		t.Errorf("q in the filter: mode %v, filter %q", m.mode, m.outline.filter)
	}
	keys(m, "esc", "q")
	if m.mode != modeRead {
		t.Errorf("Esc then q did not close the outline")
	}
	// Nothing matches: the list says so, Enter does nothing.
	keys(m, "o", "/")
	typeText(m, "zzzz")
	if !strings.Contains(screen(m), m.s.SearchNoHits) {
		t.Errorf("an empty filter result is not said:\n%s", screen(m))
	}
	keys(m, "enter")
	if m.mode != modeRead {
		t.Error("Enter on an empty outline did not close it")
	}
}

func TestOutlineFilterIsBounded(t *testing.T) {
	m := newTest(t, "en", "glossary", 60, 14)
	keys(m, "o", "/")
	typeText(m, strings.Repeat("x", 500))
	if n := len([]rune(m.outline.filter)); n != maxOutlineFilter {
		t.Errorf("filter holds %d runes, want at most %d", n, maxOutlineFilter)
	}
	checkFits(t, m, 60, 14)
}

// A terminal's paste (bracketed paste) lands in the search box and the outline's
// filter, cut to what they hold.
func TestPasteIntoTheBoxes(t *testing.T) {
	m := newTest(t, "en", "overview", 100, 30)
	keys(m, "/")
	drive(m, nil, tea.PasteMsg{Content: "cyber defence\npledge"})
	if got := m.find.input.Value(); got != "cyber defence pledge" {
		t.Errorf("search box after a paste: %q", got)
	}
	if len(m.find.hits) == 0 || !strings.Contains(m.find.hits[0].Heading, "Pledge") {
		t.Errorf("the pasted query found nothing")
	}
	keys(m, "esc")
	drive(m, nil, tea.PasteMsg{Content: strings.Repeat("x", 20<<20)})
	if m.mode != modeRead {
		t.Error("a paste while reading changed the mode")
	}
	keys(m, "/")
	drive(m, nil, tea.PasteMsg{Content: strings.Repeat("y", 20<<20)})
	if n := len([]rune(m.find.input.Value())); n > maxQuery {
		t.Errorf("a 20 MB paste left %d characters in the box", n)
	}
	keys(m, "esc", "o", "/")
	drive(m, nil, tea.PasteMsg{Content: "gove"})
	if m.outline.filter != "gove" {
		t.Errorf("outline filter after a paste: %q", m.outline.filter)
	}
}

// A misspelt search that finds nothing offers the closest words of the briefing;
// n before any search says how to search.
func TestSearchHelpsWhenNothingMatches(t *testing.T) {
	m := newTest(t, "en", "overview", 100, 30)
	keys(m, "n")
	if !strings.Contains(statusLine(m), "no search yet") {
		t.Errorf("n before a search: status %q", statusLine(m))
	}
	keys(m, "/")
	typeText(m, "pleedgge")
	if len(m.find.hits) != 0 || !strings.Contains(screen(m), "did you mean: pledge?") {
		t.Errorf("no hit and no suggestion:\n%s", screen(m))
	}
}

// The outline's filter matches as search does: "oewg" keeps the heading that
// spells the acronym out, a typo still finds its heading.
func TestOutlineFilterMatchesAsSearchDoes(t *testing.T) {
	m := newTest(t, "en", "un", 100, 30)
	keys(m, "o", "/")
	typeText(m, "oewg")
	if items := strings.Join(m.outline.items(), "|"); !strings.Contains(items, "The Open-ended Working Groups") {
		t.Errorf("oewg keeps %q", items)
	}
	keys(m, "esc", "/")
	typeText(m, "mechansim")
	if items := strings.Join(m.outline.items(), "|"); !strings.Contains(items, "The Global Mechanism") {
		t.Errorf("mechansim keeps %q", items)
	}
}
