package render

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// Side by side, every block starts on the same row in both languages, so that a
// passage and its translation are read together: wherever "12 March" is shown on
// the UN page, "12 marzo" is on a row of the same block.
func TestPairAlignsBlocks(t *testing.T) {
	l := lib(t)
	for _, width := range []int{40, 60, 100} {
		for _, id := range l.IDs() {
			en, err := Render(l.Page("en", id), width, "dark")
			if err != nil {
				t.Fatal(err)
			}
			it, err := Render(l.Page("it", id), width, "dark")
			if err != nil {
				t.Fatal(err)
			}
			pair := func(b int) int { return l.CounterpartBlock(id, "en", b, "it") }
			p := NewPair(en, it, pair)
			for b := range l.Page("en", id).Blocks {
				row := p.BlockRow(b)
				if row < 0 {
					continue
				}
				// The block's first line is at its row in both columns.
				if p.PlainLeft[row] != en.Plain[en.BlockLine(b)] || p.PlainRight[row] != it.Plain[it.BlockLine(pair(b))] {
					t.Fatalf("%s at %d: block %d starts at row %d: %q | %q", id, width, b, row, p.PlainLeft[row], p.PlainRight[row])
				}
				if p.BlockAt(row) != b {
					t.Fatalf("%s: BlockAt(%d) = %d, want %d", id, row, p.BlockAt(row), b)
				}
			}
			if id != "un" {
				continue
			}
			found := 0
			for r := range p.PlainLeft {
				if !strings.Contains(p.PlainLeft[r], "12 March") {
					continue
				}
				found++
				b := p.BlockAt(r)
				var rows []string
				for q := p.BlockRow(b); q < p.Rows() && p.BlockAt(q) == b; q++ {
					rows = append(rows, p.PlainRight[q])
				}
				if !strings.Contains(strings.Join(rows, " "), "12 marzo") {
					t.Errorf("at %d columns, block %d shows 12 March but not 12 marzo: %q", width, b, rows)
				}
			}
			if found == 0 {
				t.Errorf("at %d columns the UN page never shows 12 March", width)
			}
		}
	}
}

func TestPairRowWidth(t *testing.T) {
	l := lib(t)
	en, _ := Render(l.Page("en", "un"), 50, "dark")
	it, _ := Render(l.Page("it", "un"), 50, "dark")
	p := NewPair(en, it, func(b int) int { return b })
	for i := 0; i < p.Rows(); i++ {
		row := p.Row(i, 50, " │ ")
		if w := ansi.StringWidth(row); w > 103 {
			t.Fatalf("row %d is %d cells wide, want at most 103: %q", i, w, ansi.Strip(row))
		}
	}
	if p.Row(-1, 50, "|") != "" || p.Row(p.Rows(), 50, "|") != "" || p.Row(0, 0, "|") != "" {
		t.Error("rows out of range must be empty")
	}
}

// The glossary lists its entries alphabetically in each language, so its two
// columns pair entries through the term base, not by position.
func TestPairFollowsTheTermBase(t *testing.T) {
	l := lib(t)
	en, _ := Render(l.Page("en", "glossary"), 60, "dark")
	it, _ := Render(l.Page("it", "glossary"), 60, "dark")
	p := NewPair(en, it, func(b int) int { return l.CounterpartBlock("glossary", "en", b, "it") })
	row := -1
	for r, s := range p.PlainLeft {
		if strings.Contains(s, "First Committee") {
			row = r
			break
		}
	}
	if row < 0 || !strings.Contains(p.PlainRight[row], "Prima Commissione") {
		t.Fatalf("row %d: %q | %q", row, p.PlainLeft[max(row, 0)], p.PlainRight[max(row, 0)])
	}
}

func TestDatesAreNotBroken(t *testing.T) {
	// Which spaces are a date's: library's TestDatesAreKeptTogether.
	l := lib(t)
	for _, w := range []int{30, 37, 44, 51, 58, 65, 72, 79} {
		d, err := Render(l.Page("it", "un"), w, "dark")
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range d.Plain {
			if strings.HasSuffix(line, " 12") && i+1 < len(d.Plain) && strings.HasPrefix(strings.TrimSpace(d.Plain[i+1]), "marzo") {
				t.Errorf("width %d: the date is cut: %q / %q", w, line, d.Plain[i+1])
			}
			if strings.Contains(line, nbsp) {
				t.Errorf("width %d: a no-break space is drawn: %q", w, line)
			}
		}
	}
}

func TestDeepPageIsNotDrawn(t *testing.T) {
	src := "---\nid: one\ntitle: T\ntab: T\norder: 1\nupdated: 2026-03\nsources:\n  - X\n---\n\n# T\n\n" + strings.Repeat("> ", 800) + "x\n"
	l, err := library.Load(fstest.MapFS{"en/one.md": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Render(l.Page("en", "one"), 80, "dark"); err == nil || !strings.Contains(err.Error(), "800 deep") {
		t.Errorf("a page nested 800 deep: %v", err)
	}
	if _, err := RenderTop(l.Page("en", "one"), 80, "dark", 20); err == nil {
		t.Error("RenderTop drew a page nested 800 deep")
	}
}
