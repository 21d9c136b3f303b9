package tui

import (
	"strings"
	"testing"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
)

// TestSearchBoxRows: the box takes the window's width less a margin, says how
// many results there are, and each row carries the answer and its sources'
// years: at 80 columns a result is two lines, from wideBox one; at 40 the
// snippet takes two lines, so that the date still shows.
func TestSearchBoxRows(t *testing.T) {
	for _, w := range []int{40, 80, 200} {
		m := newTest(t, "en", "overview", w, 30)
		keys(m, "/")
		typeText(m, "first oewg end")
		s := screen(m)
		lines := strings.Split(s, "\n")
		widest := 0
		for _, l := range lines {
			widest = max(widest, ansi.StringWidth(strings.TrimRight(l, " ")))
		}
		if widest < w-boxMargin || widest > w {
			t.Errorf("width %d: the box is %d wide, want %d to %d:\n%s", w, widest, w-boxMargin, w, s)
		}
		if n := len(m.find.hits); n < 2 || !strings.Contains(s, " results") {
			t.Errorf("width %d: %d hits, and the box does not say how many:\n%s", w, n, s)
		}
		first := ""
		for i, l := range lines {
			// At 40 columns the heading is cut: the first row is the one selected.
			if strings.Contains(l, "The Open-ended Working Groups") || w < 60 && strings.Contains(l, "│ › UN") {
				first = l
				// The snippet's lines, below the row, indented.
				for _, next := range lines[i+1:] {
					in, ok := strings.CutPrefix(strings.TrimSpace(next), "│     ")
					if !ok || w >= wideBox+boxMargin {
						break
					}
					first += " " + strings.TrimSpace(strings.TrimSuffix(in, "│"))
				}
				break
			}
		}
		if !strings.Contains(first, "12 March 2021") || !strings.Contains(first, "2026, 2021") {
			t.Errorf("width %d: the first row %q lacks the date or its sources' years:\n%s", w, first, s)
		}
		checkFits(t, m, w, 30)
	}
	// A name the briefing does not hold: the box says which words matched nothing.
	m := newTest(t, "en", "overview", 80, 24)
	keys(m, "/")
	typeText(m, "budapest convention")
	if s := screen(m); !strings.Contains(s, "no match for: budapest, convention") {
		t.Errorf("budapest convention:\n%s", s)
	}
}

// TestSearchBoxNarrowKeepsTheYear: at 40 columns a row whose heading is the
// year asked for (a timeline entry) cuts the page's tab, never the year, and
// still shows its sources' years.
func TestSearchBoxNarrowKeepsTheYear(t *testing.T) {
	for _, c := range []struct{ lang, q, year, sources string }{
		{"en", "when did the un start discussing cyber security", "› 2004", "2026, 2021"},
		{"en", "in which year did italy hold the osce chairmanship", "› 2018", "2026, 2021"},
		{"it", "quando l'italia ha partecipato al gge", "› 2009-2010", "2021, 2010"},
	} {
		for _, w := range []int{40, 44} {
			m := newTest(t, c.lang, "overview", w, 24)
			keys(m, "/")
			typeText(m, c.q)
			s := screen(m)
			row := ""
			for _, l := range strings.Split(s, "\n") {
				if strings.Contains(l, "│ › ") {
					row = l
					break
				}
			}
			if !strings.Contains(row, c.year) || !strings.Contains(row, c.sources) {
				t.Errorf("%d columns, %q: the first row %q lacks %q or %q:\n%s", w, c.q, row, c.year, c.sources, s)
			}
			checkFits(t, m, w, 24)
		}
	}
}
