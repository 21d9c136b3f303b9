package render

import (
	"strings"
	"sync"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

func lib(t testing.TB) *library.Library {
	l, err := library.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestPlainHasNoEscape(t *testing.T) {
	l := lib(t)
	for _, lang := range library.Languages {
		for _, p := range l.Pages(lang) {
			out, err := Page(p, 80, "notty")
			if err != nil {
				t.Fatal(err)
			}
			if strings.ContainsRune(out, 0x1b) {
				t.Fatalf("%s: plain output holds ESC", p.Path)
			}
			if !strings.Contains(out, p.Title) {
				t.Fatalf("%s: plain output lacks the title", p.Path)
			}
		}
	}
}

func TestLinksShowTheirTextOnly(t *testing.T) {
	out, _ := Page(lib(t).Page("en", "un"), 80, "dark")
	if strings.Contains(ansi.Strip(out), ".md") {
		t.Fatal("a link target (.md) is shown to the reader")
	}
}

func TestTimelineIsDrawn(t *testing.T) {
	p := lib(t).Page("en", "timeline")
	for _, w := range []int{40, 80, 100} {
		for _, style := range []string{"dark", "ascii"} {
			out, err := Page(p, w, style)
			if err != nil {
				t.Fatal(err)
			}
			plain := Plain(out)
			for _, y := range []string{"2004", "2009-2010", "2016", "2018", "2019", "2021", "2021-2025", "2026"} {
				found := false
				for _, line := range strings.Split(plain, "\n") {
					if strings.HasPrefix(strings.TrimSpace(line), y+" ") || strings.TrimSpace(line) == y {
						found = true
					}
				}
				if !found {
					t.Errorf("%d/%s: year %s does not start a line:\n%s", w, style, y, plain)
				}
			}
			axis := "│"
			if style == "ascii" {
				axis = "|"
				if strings.ContainsAny(plain, "│├─●") {
					t.Errorf("ascii timeline uses box-drawing characters")
				}
			}
			if strings.Count(plain, axis) < 8 {
				t.Errorf("%d/%s: no axis drawn:\n%s", w, style, plain)
			}
			for i, line := range strings.Split(plain, "\n") {
				if ansi.StringWidth(line) > w {
					t.Errorf("%d/%s: line %d is %d wide", w, style, i, ansi.StringWidth(line))
				}
			}
		}
	}
	// Each event is coloured by its forum in the dark style.
	out, _ := Page(p, 80, "dark")
	if !strings.Contains(out, "\x1b[") {
		t.Error("dark timeline has no colour")
	}
}

func TestCacheRendersOnceForManyReaders(t *testing.T) {
	c := NewCache(8)
	p := lib(t).Page("it", "osce")
	var wg sync.WaitGroup
	docs := make([]*Doc, 50)
	for i := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d, err := c.Render(p, 77, "dark")
			if err != nil {
				t.Error(err)
			}
			docs[i] = d
		}()
	}
	wg.Wait()
	if c.Renders() != 1 {
		t.Fatalf("50 readers cost %d renders, want 1", c.Renders())
	}
	for _, d := range docs {
		if d != docs[0] {
			t.Fatal("readers got different docs")
		}
	}
}

func TestCacheIsBounded(t *testing.T) {
	c := NewCache(3)
	p := lib(t).Page("en", "about")
	for w := 40; w < 50; w++ {
		if _, err := c.Render(p, w, "notty"); err != nil {
			t.Fatal(err)
		}
	}
	if c.lru.Len() != 3 {
		t.Fatalf("cache holds %d entries, want 3", c.lru.Len())
	}
	if c.Cached(p, 49, "notty") == nil || c.Cached(p, 40, "notty") != nil {
		t.Fatal("the cache did not keep the most recent renders")
	}
}

func TestDocFindsHeadingsAndLinks(t *testing.T) {
	p := lib(t).Page("en", "nato")
	d, err := NewCache(1).Render(p, 60, "dark")
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range p.Headings {
		line := d.Plain[d.Headings[i]]
		if !strings.Contains(line, strings.Fields(h.Text)[0]) {
			t.Errorf("heading %q placed on line %q", h.Text, line)
		}
	}
	if len(d.Links) == 0 {
		t.Fatal("no link located")
	}
	for _, s := range d.Links {
		got := ansi.Cut(d.Plain[s.Line], s.Col0, s.Col1)
		if !strings.HasPrefix(p.Links[s.Index].Text, got) {
			t.Errorf("link %q located on %q", p.Links[s.Index].Text, got)
		}
	}
}

// Compacting a rendered line never changes what a reader sees: the same text, and
// the same style on every cell but spaces that only had a foreground colour.
func TestCompactKeepsTheLook(t *testing.T) {
	l := lib(t)
	before, after := 0, 0
	for _, style := range []string{"dark", "light"} {
		for _, lang := range library.Languages {
			for _, p := range l.Pages(lang) {
				raw, err := Page(p, 80, style)
				if err != nil {
					t.Fatal(err)
				}
				for _, line := range strings.Split(raw, "\n") {
					c := compact(line)
					before, after = before+len(line), after+len(c)
					if ansi.Strip(c) != ansi.Strip(line) {
						t.Fatalf("%s: text changed:\n%q\n%q", p.Path, line, c)
					}
					if ansi.StringWidth(c) != ansi.StringWidth(line) {
						t.Fatalf("%s: width changed", p.Path)
					}
				}
			}
		}
	}
	if after*2 > before {
		t.Errorf("compacting saved little: %d -> %d bytes", before, after)
	}
	t.Logf("rendered pages: %d -> %d bytes", before, after)
	for in, want := range map[string]string{
		"\x1b[38;5;252m \x1b[m\x1b[38;5;252mword\x1b[m\x1b[38;5;252m \x1b[m": " \x1b[38;5;252mword\x1b[m ",
		"\x1b[38;5;252ma\x1b[m\x1b[38;5;252mb\x1b[m":                         "\x1b[38;5;252mab\x1b[m",
		"\x1b[48;5;63m \x1b[m":                                               "\x1b[48;5;63m \x1b[m", // a background shows
		"\x1b[4m \x1b[m":                                                     "\x1b[4m \x1b[m",       // so does an underline
		"\x1b]8;;x\x07link\x1b]8;;\x07":                                      "\x1b]8;;x\x07link\x1b]8;;\x07",
		"plain":                                                              "plain",
	} {
		if got := compact(in); got != want {
			t.Errorf("compact(%q) = %q, want %q", in, got, want)
		}
	}
}

// A link is located where it is drawn (underlined), not at an earlier occurrence
// of the same words: on the timeline, "(UN)" ends a line that starts with "UN".
func TestLinksAreLocatedWhereDrawn(t *testing.T) {
	p := lib(t).Page("en", "timeline")
	for _, style := range []string{"dark", "light", "ascii"} {
		d, err := NewCache(1).Render(p, 100, style)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Links) != len(p.Links) {
			t.Fatalf("%s: located %d of %d links", style, len(d.Links), len(p.Links))
		}
		for _, s := range d.Links {
			if !underlinedAt(d.Lines[s.Line], s.Col0) {
				t.Errorf("%s: link %q placed on a cell that is not underlined: %q", style, p.Links[s.Index].Text, d.Plain[s.Line])
			}
			if s.Col0 < 10 {
				t.Errorf("%s: link %q placed at column %d, in the year column", style, p.Links[s.Index].Text, s.Col0)
			}
		}
	}
	if !underlinedAt("\x1b[38;5;4mab\x1b[4mcd\x1b[24mef", 2) || underlinedAt("\x1b[38;5;4mab", 0) || underlinedAt("\x1b[4mab\x1b[mcd", 2) {
		t.Error("underlinedAt misreads SGR parameters")
	}
}
