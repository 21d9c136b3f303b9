package render

import (
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	uv "github.com/cyberdiplo/cyberdiplo/third_party/ultraviolet"

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

// tricky is a page with what the document model's walk must agree on with the
// renderer's: nested lists with links before and after the nested list, a table
// in a list item, a link in a table cell, a heading in a list item, setext
// headings, reference links, a link inside emphasis, a link in code (not a link),
// a block quote holding a list, sources markers.
const tricky = `---
id: one
title: Tricky
tab: Tricky
order: 1
updated: 2026-03
---

# Tricky
<!-- sources: a b -->

Intro with [a link](#second) and *an [emphasised link](two.md)* and ` + "`[not a link](x.md)`" + `.

Second
------
<!-- sources: a -->

- item with [first](#tricky)

  more text with [third](#second)

  - nested with [second](two.md)
    - deeper [deep](two.md#x)
- item with a table

  | a | b |
  |---|---|
  | [in cell](two.md) | x |

- # heading in an item [h](two.md)

> quoted text [q](two.md)
>
> - quoted item [qi](two.md)

1. first [ref][r]
2. second

Raw <b>HTML</b> keeps its text &amp; entities.

<div>An HTML block <style>p{}</style><script>not this</script>shows its text.</div>

| head [th](two.md) | two |
|---|---|
| [cell](#tricky) | y |

[r]: two.md
`

const trickyTwo = `---
id: two
title: Two
tab: Two
order: 2
updated: 2026-03
---

# Two
`

func trickyLib(t testing.TB) *library.Library {
	fs := fstest.MapFS{}
	for _, lang := range library.Languages() {
		fs[lang+"/one.md"] = &fstest.MapFile{Data: []byte(tricky)}
		fs[lang+"/two.md"] = &fstest.MapFile{Data: []byte(trickyTwo)}
	}
	l, err := library.Load(fs)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// Every block and every link of every page, in every style and at several
// widths, is found where it was drawn, and no mark is left in what is drawn.
func TestBlocksAndLinksAreLocated(t *testing.T) {
	var pages []*library.Page
	for _, l := range []*library.Library{lib(t), trickyLib(t)} {
		for _, lang := range library.Languages() {
			pages = append(pages, l.Pages(lang)...)
		}
	}
	for _, p := range pages {
		for _, style := range Styles() {
			for _, w := range []int{30, 60, 100} {
				d, err := Render(p, w, style)
				if err != nil {
					t.Fatal(err)
				}
				checkDoc(t, p, d, w, style)
			}
		}
	}
}

func checkDoc(t *testing.T, p *library.Page, d *Doc, w int, style string) {
	t.Helper()
	where := p.Lang + "/" + p.ID + "/" + style
	for i, l := range d.Lines {
		if strings.Contains(l, "\x1b_") || strings.Contains(l, "\x1b]8;") {
			t.Fatalf("%s at %d: a mark or hyperlink is drawn on line %d: %q", where, w, i, l)
		}
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("%s at %d: line %d is %d cells wide", where, w, i, lw)
		}
	}
	last := -1
	for b, blk := range p.Blocks {
		line := d.BlockLine(b)
		if line < 0 {
			t.Errorf("%s at %d: block %s (%v %.30q) not drawn", where, w, blk.ID, blk.Kind, blk.Text)
			continue
		}
		if line < last {
			t.Errorf("%s at %d: block %s starts on line %d, above the block before it (%d)", where, w, blk.ID, line, last)
		}
		last = line
		if got := d.BlockAt(line); got < 0 || d.BlockLine(got) != line {
			t.Errorf("%s at %d: BlockAt(%d) = %d, not a block starting there", where, w, line, got)
		}
		// The block's first word is on its first line (headings drawn upper-case
		// by no style here; table cells may be cut, so only the text kinds).
		if words := strings.Fields(blk.Text); len(words) > 0 && blk.Kind != library.KindTable && blk.Kind != library.KindCode {
			first := strings.Trim(words[0], "*_`[](),.;:")
			if first != "" && !strings.Contains(d.Plain[line], first) && !strings.Contains(d.Plain[line], first[:min(len(first), max(w/3, 4))]) {
				t.Errorf("%s at %d: block %s %q starts on line %d: %q", where, w, blk.ID, first, line, d.Plain[line])
			}
		}
	}
	for i, h := range p.Headings {
		if d.Headings[i] != d.BlockLine(h.Block) {
			t.Errorf("%s: heading %d on line %d, its block on %d", where, i, d.Headings[i], d.BlockLine(h.Block))
		}
	}
	for i, l := range p.Links {
		spans := d.LinkSpans(i)
		if len(spans) == 0 {
			t.Errorf("%s at %d: link %d %q not drawn", where, w, i, l.Text)
			continue
		}
		var got []string
		for _, s := range spans {
			got = append(got, ansi.Cut(d.Plain[s.Line], s.Col0, s.Col1))
			if d.LinkAt(s.Line, s.Col0) != i || d.LinkAt(s.Line, s.Col1-1) != i {
				t.Errorf("%s at %d: LinkAt misses link %d", where, w, i)
			}
		}
		joined := ""
		for _, g := range got {
			if joined != "" && !strings.HasSuffix(joined, "-") {
				joined += " "
			}
			joined += g
		}
		if strings.Join(strings.Fields(joined), " ") != strings.Join(strings.Fields(l.Text), " ") {
			t.Errorf("%s at %d: link %d %q drawn as %q", where, w, i, l.Text, got)
		}
		if bl := d.BlockLine(l.Block); bl < 0 || spans[0].Line < bl {
			t.Errorf("%s at %d: link %d on line %d, above its block (line %d)", where, w, i, spans[0].Line, bl)
		}
	}
}

func TestPlainHasNoEscape(t *testing.T) {
	l := lib(t)
	for _, lang := range library.Languages() {
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

// The ascii style draws ASCII only: no bullets, no box drawing.
func TestASCIIStyleIsASCII(t *testing.T) {
	l := lib(t)
	for _, lang := range library.Languages() {
		for _, p := range l.Pages(lang) {
			d, err := Render(p, 60, "ascii")
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range d.Plain {
				for _, r := range line {
					if r >= utf8.RuneSelf && !strings.ContainsRune(p.Body, r) {
						t.Fatalf("%s: ascii line %d draws %q: %q", p.Path, i, r, line)
					}
				}
			}
		}
	}
}

// Sources markers are not drawn, and a link's target is never shown.
func TestMarkersAndTargetsAreNotDrawn(t *testing.T) {
	p := trickyLib(t).Page("en", "one")
	for _, style := range Styles() {
		d, err := Render(p, 80, style)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(d.Plain, "\n")
		for _, bad := range []string{"sources", "<!--", "two.md", "#second", "cyberdiplo:"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s: %q is drawn:\n%s", style, bad, text)
			}
		}
		if !strings.Contains(text, "[not a link](x.md)") {
			t.Errorf("%s: code lost its text:\n%s", style, text)
		}
		for _, want := range []string{"Raw HTML keeps its text & entities.", "An HTML block shows its text."} {
			if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
				t.Errorf("%s: HTML drawn without %q:\n%s", style, want, text)
			}
		}
		for _, bad := range []string{"<b>", "not this", "p{}"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s: HTML drawn with %q", style, bad)
			}
		}
	}
	out, _ := Page(lib(t).Page("en", "un"), 80, "dark")
	if strings.Contains(ansi.Strip(out), ".md") {
		t.Fatal("a link target (.md) is shown to the reader")
	}
}

// A list item that wraps continues under its text, not under its bullet.
func TestWrappedListItemsHang(t *testing.T) {
	p := lib(t).Page("en", "un")
	for _, style := range []string{"dark", "ascii", "notty"} {
		d, err := Render(p, 40, style)
		if err != nil {
			t.Fatal(err)
		}
		hung := 0
		for b, blk := range p.Blocks {
			if blk.Kind != library.KindListItem {
				continue
			}
			first, end := d.BlockLine(b), d.BlockEnd(b)
			line := d.Plain[first]
			bullet := strings.IndexAny(line, "•*-")
			if bullet < 0 {
				t.Fatalf("%s: no bullet on %q", style, line)
			}
			textCol := ansi.StringWidth(line[:bullet]) + 2
			for l := first + 1; l < end && strings.TrimSpace(d.Plain[l]) != ""; l++ {
				indent := len(d.Plain[l]) - len(strings.TrimLeft(d.Plain[l], " "))
				if indent != textCol {
					t.Errorf("%s: item %s line %q starts at %d, its text at %d", style, blk.ID, d.Plain[l], indent, textCol)
				}
				hung++
			}
		}
		if hung == 0 {
			t.Fatalf("%s: no item wrapped at 40 columns", style)
		}
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
	// Links are located in the event text, right of the year column.
	d, _ := Render(p, 100, "dark")
	for _, s := range d.Links {
		if s.Col0 < 10 && s.Line > d.Headings[1] {
			t.Errorf("link %q placed at column %d, in the year column", p.Links[s.Index].Text, s.Col0)
		}
	}
}

// The top of a page drawn alone is the top of the whole page, line for line,
// with its blocks and links where the whole page has them.
func TestRenderTopIsTheTopOfThePage(t *testing.T) {
	l := lib(t)
	cut := 0
	for _, lang := range library.Languages() {
		for _, p := range l.Pages(lang) {
			for _, style := range Styles() {
				for _, size := range [][2]int{{40, 10}, {80, 22}, {100, 28}} {
					top, err := RenderTop(p, size[0], style, size[1])
					if err != nil {
						t.Fatal(err)
					}
					all, _ := Render(p, size[0], style)
					if top.Partial {
						cut++
						if len(top.Lines) != size[1] {
							t.Fatalf("%s/%s: %d lines, want %d", p.Lang, p.ID, len(top.Lines), size[1])
						}
					}
					for i, line := range top.Lines {
						if line != all.Lines[i] {
							t.Fatalf("%s/%s %s %dx%d line %d:\n%q\n%q", p.Lang, p.ID, style, size[0], size[1], i, line, all.Lines[i])
						}
					}
					for b := range p.Blocks {
						if bl := top.BlockLine(b); bl >= 0 && bl != all.BlockLine(b) {
							t.Fatalf("%s/%s: block %d on line %d, %d in the whole page", p.Lang, p.ID, b, bl, all.BlockLine(b))
						}
					}
					for _, s := range top.Links {
						if s.Line >= len(top.Lines) || all.LinkAt(s.Line, s.Col0) != s.Index {
							t.Fatalf("%s/%s: link span %+v not in the whole page", p.Lang, p.ID, s)
						}
					}
				}
			}
		}
	}
	if cut == 0 {
		t.Fatal("no page was long enough to be cut")
	}
}

// One golden page per style: the vendored Glamour and its patches, as drawn.
// Update with: go test ./internal/render -run Golden -update
func TestGoldenStyles(t *testing.T) {
	p := trickyLib(t).Page("en", "one")
	for _, style := range Styles() {
		t.Run(style, func(t *testing.T) {
			d, err := Render(p, 50, style)
			if err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, []byte(d.Text))
		})
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

// Redrawing Glamour's lines from cells keeps what a reader sees and drops most of
// the escape sequences (Glamour styles every word on its own).
func TestRedrawnLinesAreSmall(t *testing.T) {
	l := lib(t)
	raw, drawn, text := 0, 0, 0
	for _, lang := range library.Languages() {
		for _, p := range l.Pages(lang) {
			out, err := glamourRender(p.Tree(), nil, 80, "dark")
			if err != nil {
				t.Fatal(err)
			}
			d, _ := Render(p, 80, "dark")
			raw += len(out)
			drawn += len(d.Text)
			text += len(strings.Join(d.Plain, "\n"))
			if strings.Join(strings.Fields(ansi.Strip(out)), " ") != strings.Join(strings.Fields(strings.Join(d.Plain, "\n")), " ") && p.ID != "timeline" {
				t.Errorf("%s: the text changed when redrawn", p.Path)
			}
		}
	}
	// Escape sequences and padding: at least 3 times fewer bytes.
	if (drawn-text)*3 > raw-text {
		t.Errorf("redrawn pages are %d bytes (%d of text), Glamour's %d", drawn, text, raw)
	}
	t.Logf("rendered pages: %d -> %d bytes (%d of text)", raw, drawn, text)
}

// Redrawn lines look exactly as Glamour drew them: cell for cell the same text in
// the same style, but for spaces, whose colour (invisible) may differ.
func TestRedrawnLinesLookTheSame(t *testing.T) {
	l := lib(t)
	for _, style := range []string{"dark", "light", "ascii"} {
		for _, lang := range library.Languages() {
			for _, p := range l.Pages(lang) {
				if p.ID == "timeline" {
					continue // drawn by timeline.go, not Glamour alone
				}
				raw, err := glamourRender(p.Tree(), nil, 70, style)
				if err != nil {
					t.Fatal(err)
				}
				d := newDoc(p, strings.Trim(raw, "\n"))
				want := uv.NewStyledString(strings.Trim(raw, "\n")).Lines(ansi.GraphemeWidth)
				got := uv.NewStyledString(d.Text).Lines(ansi.GraphemeWidth)
				if len(got) != len(want) {
					t.Fatalf("%s/%s %s: %d lines, Glamour drew %d", lang, p.ID, style, len(got), len(want))
				}
				for y := range want {
					w := want[y]
					for x := range w {
						wc := w[x]
						wc.Content = ansi.Strip(wc.Content) // the block marks are not drawn
						if wc.Content == nbsp {
							wc.Content = " " // a date's no-break space is drawn as a space
						}
						if x >= len(got[y]) {
							if wc.Content != " " || !invisibleOnSpace(&wc.Style) {
								t.Fatalf("%s/%s %s line %d: cell %d (%q) dropped", lang, p.ID, style, y, x, wc.Content)
							}
							continue
						}
						gc := got[y][x]
						if gc.Content != wc.Content {
							t.Fatalf("%s/%s %s line %d cell %d: %q, Glamour drew %q", lang, p.ID, style, y, x, gc.Content, wc.Content)
						}
						if gc.Content == " " && invisibleOnSpace(&gc.Style) && invisibleOnSpace(&wc.Style) {
							continue
						}
						if !gc.Style.Equal(&wc.Style) {
							t.Fatalf("%s/%s %s line %d cell %d %q: style %+v, Glamour drew %+v", lang, p.ID, style, y, x, gc.Content, gc.Style, wc.Style)
						}
					}
				}
			}
		}
	}
}

// BenchmarkRender: rendering a page into a Doc, uncached (Glamour, then the
// read-back of marks and links).
func BenchmarkRender(b *testing.B) {
	l := lib(b)
	for _, id := range []string{"overview", "glossary", "timeline"} {
		p := l.Page("en", id)
		b.Run(id, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Render(p, 80, "dark"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRenderTop: the top of a page, 80x22, for the reader's first frame.
func BenchmarkRenderTop(b *testing.B) {
	p := lib(b).Page("en", "overview")
	for i := 0; i < b.N; i++ {
		if _, err := RenderTop(p, 80, "dark", 22); err != nil {
			b.Fatal(err)
		}
	}
}

// A page's tree is made ready by its first render: renders of one fresh page at
// once, at different widths, draw the same as one at a time (go test -race
// checks that they share it safely).
func TestFirstRendersAtOnce(t *testing.T) {
	want, err := Render(lib(t).Page("en", "glossary"), 60, "dark")
	if err != nil {
		t.Fatal(err)
	}
	p := lib(t).Page("en", "glossary") // a fresh library: its tree not yet drawn
	var wg sync.WaitGroup
	docs := make([]*Doc, 4)
	for i := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			docs[i], _ = Render(p, 60+i%2*10, "dark")
		}()
	}
	wg.Wait()
	for i, d := range docs {
		if d == nil {
			t.Fatalf("render %d failed", i)
		}
		if i%2 == 0 && d.Text != want.Text {
			t.Errorf("render %d at once differs from one alone", i)
		}
	}
}

// Links are underlined wherever they are drawn, the timeline's included (its
// events are drawn by timeline.go, not by Glamour).
func TestLinksAreUnderlined(t *testing.T) {
	for _, id := range []string{"timeline", "un"} {
		p := lib(t).Page("en", id)
		d, err := Render(p, 80, "dark")
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range d.Links {
			cells := uv.NewStyledString(d.Lines[s.Line]).Lines(ansi.GraphemeWidth)[0]
			for x := s.Col0; x < s.Col1 && x < len(cells); x++ {
				if cells[x].Content != " " && cells[x].Style.Underline == 0 {
					t.Fatalf("%s: link %d drawn without underline at line %d cell %d: %q", id, s.Index, s.Line, x, d.Plain[s.Line])
				}
			}
		}
	}
}
