package tui

import (
	"strings"
	"testing"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// cols splits a screen row of the side-by-side view into its two columns.
func cols(m *Model, row string) (string, string) {
	cw := m.columnWidth()
	return strings.TrimRight(ansi.Cut(row, 0, cw), " "), strings.TrimRight(ansi.Cut(row, cw+len([]rune(sideGutter)), m.width), " ")
}

// At 160x40 on the UN page, wherever "12 March" is on screen, "12 marzo" is too.
func TestSideBySideShowsBothLanguages(t *testing.T) {
	m := newTest(t, "en", "un", 160, 40)
	keys(m, "s")
	if !m.sideWide() {
		t.Fatal("s at 160 columns did not open two columns")
	}
	seen := 0
	for off := 0; off <= m.maxOffset(); off++ {
		m.scrollTo(off)
		page := pageArea(m)
		if !strings.Contains(page, "12 March") {
			continue
		}
		seen++
		if !strings.Contains(page, "12 marzo") {
			t.Errorf("line %d: 12 March on screen without 12 marzo:\n%s", off, page)
		}
	}
	if seen == 0 {
		t.Fatal("12 March never on screen")
	}
	checkFits(t, m, 160, 40)
}

// At 120 and 200 columns, each block starts on the same row in both columns.
func TestSideBySideAlignsBlocks(t *testing.T) {
	for _, w := range []int{120, 200} {
		for _, id := range []string{"un", "glossary", "osce"} {
			m := newTest(t, "en", id, w, 40)
			keys(m, "s")
			en, it := m.lib.Page("en", id), m.lib.Page("it", id)
			left, _ := m.cache.Render(en, m.columnWidth(), m.style)
			right, _ := m.cache.Render(it, m.columnWidth(), m.style)
			checked := 0
			for b := range en.Blocks {
				ob := m.lib.CounterpartBlock(id, "en", b, "it")
				l0, r0 := left.BlockLine(b), right.BlockLine(ob)
				if ob < 0 || l0 < 0 || r0 < 0 || strings.TrimSpace(left.Plain[l0]) == "" || strings.TrimSpace(right.Plain[r0]) == "" {
					continue
				}
				m.scrollTo(m.blockLine(b))
				if m.offset() != m.blockLine(b) {
					continue // near the end: the block cannot be scrolled to the top
				}
				lrow, rrow := -1, -1
				for i, row := range strings.Split(pageArea(m), "\n") {
					l, r := cols(m, row)
					if lrow < 0 && l == strings.TrimRight(left.Plain[l0], " ") {
						lrow = i
					}
					if rrow < 0 && r == strings.TrimRight(right.Plain[r0], " ") {
						rrow = i
					}
				}
				if lrow < 0 || lrow != rrow {
					t.Errorf("%d cols, %s block %s: English starts on row %d, Italian on row %d", w, id, en.Blocks[b].ID, lrow, rrow)
				}
				checked++
			}
			if checked < 5 {
				t.Errorf("%d cols, %s: only %d blocks checked", w, id, checked)
			}
			checkFits(t, m, w, 40)
		}
	}
}

// L swaps which language leads, keeping the block; other keys leave the view.
func TestSideBySideKeys(t *testing.T) {
	m := newTest(t, "en", "nato", 140, 30)
	keys(m, "s", "j", "j", "j", "j", "j")
	before := topBlock(m)
	keys(m, "L")
	if lang, _ := m.Current(); lang != "it" || !m.side {
		t.Fatal("L in the side-by-side view did not swap the languages")
	}
	m.scrollTo(0)
	l, r := cols(m, strings.Split(pageArea(m), "\n")[0])
	if !strings.Contains(l, m.lib.Page("it", "nato").Title) || !strings.Contains(r, m.lib.Page("en", "nato").Title) {
		t.Errorf("after L the columns are %q | %q, want Italian | English", l, r)
	}
	m.sess.SetPlace(library.Place{Lang: "en", Page: "nato", Block: before})
	m.restoreSpot()
	keys(m, "L")
	if topBlock(m) != before {
		t.Errorf("L L moved from block %s to %s", before, topBlock(m))
	}
	keys(m, "/")
	if m.side || m.mode != modeSearch {
		t.Errorf("/ did not leave the side-by-side view for the search box (side %v, mode %v)", m.side, m.mode)
	}
	keys(m, "esc", "s", "s")
	if m.side {
		t.Error("s twice did not close the view")
	}
}

// Narrower than SideMinWidth, a pane under the text shows the other language
// from the passage at the top of the view on, filling the pane, scrolling with
// the text, and its rule says how to leave.
func TestSideBySideNarrowPane(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 14}} {
		m := newTest(t, "en", "un", size[0], size[1])
		keys(m, "s")
		if m.sideWide() || m.paneHeight() == 0 {
			t.Fatalf("%dx%d: no pane", size[0], size[1])
		}
		it := m.lib.Page("it", "un")
		var panes []string
		for _, off := range []int{0, 5, 12} {
			m.scrollTo(off)
			p, b, _ := m.TopBlock()
			ob := m.lib.CounterpartBlock(p.ID, "en", max(b, 0), "it")
			page := strings.Split(pageArea(m), "\n")
			pane := page[len(page)-m.paneHeight():]
			if !strings.Contains(pane[0], "Italian") || !strings.Contains(pane[0], "s to leave") {
				t.Errorf("%dx%d: the pane's rule %q", size[0], size[1], pane[0])
			}
			// The pane starts in the Italian passage at the top of the view.
			var near strings.Builder
			for k := ob; k < min(ob+3, len(it.Blocks)); k++ {
				near.WriteString(it.Blocks[k].Text + " ")
			}
			words := strings.Fields(strings.TrimLeft(pane[1], " •"))
			if len(words) == 0 || !strings.Contains(near.String(), strings.Trim(words[0], ",.;:")) {
				t.Errorf("%dx%d at %d: the pane starts %q, not in the Italian passage %q", size[0], size[1], off, pane[1], near.String())
			}
			blank := 0
			for _, row := range pane[1:] {
				if strings.TrimSpace(row) == "" {
					blank++
				}
			}
			if blank > len(pane)/2 {
				t.Errorf("%dx%d at %d: the pane is mostly empty:\n%s", size[0], size[1], off, strings.Join(pane, "\n"))
			}
			panes = append(panes, strings.Join(pane, "\n"))
		}
		if panes[0] == panes[2] {
			t.Errorf("%dx%d: the pane does not scroll with the text", size[0], size[1])
		}
		checkFits(t, m, size[0], size[1])
	}
}
