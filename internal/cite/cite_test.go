package cite

import (
	"strings"
	"testing"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

func TestPassagesAndCitation(t *testing.T) {
	lib, err := library.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	un := lib.Page("en", "un")
	sec := un.SectionByAnchor("the-global-mechanism")
	if sec < 0 {
		t.Fatal("no Global Mechanism section")
	}
	s := un.Sections[sec]
	// A heading copies its whole section; a paragraph copies itself.
	whole := Block(un, s.First)
	if whole.Where != "Italy at the United Nations › The Global Mechanism" || !strings.HasPrefix(whole.Text, "The Global Mechanism\n\n") {
		t.Errorf("heading passage: %q / %q", whole.Where, whole.Text)
	}
	para := Block(un, s.First+1)
	if para.Text != un.Blocks[s.First+1].Text || para.Section != sec {
		t.Errorf("paragraph passage: %+v", para)
	}
	got := WithCitation(lib, un, para)
	for _, want := range []string{para.Text + "\n\nItaly at the United Nations › The Global Mechanism. Sources: MAECI, \u201cDiplomazia Cibernetica\u201d (2026)", "current to March 2026."} {
		if !strings.Contains(got, want) {
			t.Errorf("citation %q lacks %q", got, want)
		}
	}
	// Key facts: list items one a line, marked.
	kf := Section(un, un.SectionByAnchor("key-facts"))
	if _, items, _ := strings.Cut(kf.Text, "\n\n- "); !strings.HasPrefix(kf.Text, "Key facts\n\n- ") || !strings.Contains(items, "\n- ") || strings.Contains(items, "\n\n") {
		t.Errorf("list items are not one a line: %q", kf.Text)
	}
	// The Italian citation speaks Italian.
	it := lib.Page("it", "un")
	if l := Line(lib, it, 0); !strings.Contains(l, "Fonti: ") || !strings.Contains(l, "marzo 2026") {
		t.Errorf("Italian citation: %q", l)
	}
	// Out of range never panics.
	if Block(nil, 3).Text != "" || Section(un, 999).Text != "" || Block(un, -5).Where != "Italy at the United Nations › Key facts" {
		t.Error("out-of-range passages")
	}
}

func TestWrapAtWordBoundaries(t *testing.T) {
	line := "Italy at the United Nations › Key facts. Sources: MAECI, “Diplomazia Cibernetica” (2026); " +
		"United Nations, “Report of the Group of Governmental Experts on Developments in the Field of Information” (A/65/201, 2010)."
	for _, width := range []int{20, 40, 80} {
		got := Wrap(line, width)
		if strings.Join(strings.Fields(got), " ") != line {
			t.Fatalf("width %d: words changed:\n%s", width, got)
		}
		for _, l := range strings.Split(got, "\n") {
			if ansi.StringWidth(l) > width || strings.HasSuffix(l, " ") || strings.HasPrefix(l, " ") {
				t.Errorf("width %d: line %q (%d columns)", width, l, ansi.StringWidth(l))
			}
		}
		if !strings.Contains(got, "Cibernetica”") || !strings.Contains(got, "Information”") {
			t.Errorf("width %d: a word was cut:\n%s", width, got)
		}
	}
	if Wrap(line, 0) != line {
		t.Error("width 0 changed the line")
	}
}

// The status bar cites SectionOf(p, b) at every frame, and a copy cites
// Block(p, b): on every block of every page they must name the same section.
func TestSectionOfIsTheCopiedSection(t *testing.T) {
	lib, err := library.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range lang.All() {
		for _, p := range lib.Pages(code) {
			for b := -1; b <= len(p.Blocks); b++ {
				if got, want := SectionOf(p, b), Block(p, b).Section; got != want {
					t.Errorf("%s %s block %d: SectionOf %d, Block(...).Section %d", code, p.ID, b, got, want)
				}
			}
		}
	}
}
