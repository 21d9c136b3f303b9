package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
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
