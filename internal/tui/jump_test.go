package tui

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"

	"github.com/cyberdiplo/cyberdiplo/internal/cite"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/reader"
)

// jumpSizes are the window sizes the jump tests read at.
var jumpSizes = [][2]int{{100, 30}, {80, 24}, {40, 12}}

// checkCitesSection presses c after a jump to heading h of p and checks that the
// status bar names the section's sources before, that exactly that section is
// copied, and that the status bar then says so.
func checkCitesSection(t *testing.T, m *Model, p *library.Page, h library.Heading, how string) {
	t.Helper()
	want := cite.Block(p, h.Block) // a heading with nothing under it stands for the next section
	label := fmt.Sprintf("%s %s#%s at %dx%d by %s", p.Lang, p.ID, h.Anchor, m.width, m.height, how)
	if lang, id := m.Current(); lang != p.Lang || id != p.ID {
		t.Errorf("%s: reading %s %s", label, lang, id)
		return
	}
	sources := reader.FormatSources(testLib, p.Sections[want.Section].Sources)
	if sources == "" {
		sources = p.Title
	}
	if st := m.statusText(); !strings.HasSuffix(st, sources) {
		t.Errorf("%s: status %q, want the sources of %q: %q", label, st, want.Where, sources)
	}
	_, cmd := m.Update(press("c"))
	c, ok := copyMsgs(t, cmd)
	if !ok {
		t.Errorf("%s: c copied nothing", label)
		return
	}
	if text := cite.WithCitation(testLib, p, want); c.Text != text || c.Where != want.Where {
		t.Errorf("%s: copied %q:\n%s\nwant %q:\n%s", label, c.Where, c.Text, want.Where, text)
		return
	}
	drive(m, nil, c)
	copied := fmt.Sprintf(m.s.Tools.Copied, want.Where, utf8.RuneCountInString(c.Text))
	if i := strings.LastIndex(want.Where, " › "); i >= 0 && ansi.StringWidth(copied)+2 > m.width {
		// Too wide for the window: the section's name alone.
		copied = fmt.Sprintf(m.s.Tools.Copied, want.Where[i+len(" › "):], utf8.RuneCountInString(c.Text))
	}
	if st := m.statusText(); st != copied {
		t.Errorf("%s: status after c %q, want %q", label, st, copied)
	}
	// What the status bar shows of it is its beginning.
	shown := strings.TrimSpace(strings.SplitN(statusLine(m), "…", 2)[0])
	if n := min(len([]rune(shown)), 12); !strings.HasPrefix(copied, string([]rune(shown)[:n])) {
		t.Errorf("%s: status bar %q does not show %q", label, statusLine(m), copied)
	}
}

// titled are the headings of a page that have a block (all but the untitled start).
func titled(p *library.Page) []library.Heading {
	var out []library.Heading
	for _, h := range p.Headings {
		if h.Block >= 0 {
			out = append(out, h)
		}
	}
	return out
}

// After PAGE#ANCHOR, for every heading of every page in both languages, c copies
// exactly that section and the status bar cites it, even for the last sections
// of a page, which the end of the page keeps from reaching the top of the view.
func TestAnchorThenCopyCitesThatSection(t *testing.T) {
	for _, lang := range library.Languages() {
		for _, p := range testLib.Pages(lang) {
			for _, h := range titled(p) {
				for _, size := range jumpSizes {
					m := New(Options{Library: testLib, Cache: testCache, Index: testIndex, Lang: lang, Style: "dark",
						Place: library.At(p, h.Section)})
					drive(m, m.Init())
					drive(m, nil, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
					checkCitesSection(t, m, p, h, "PAGE#ANCHOR")
				}
			}
		}
	}
}

// The same after a jump from the outline.
func TestOutlineJumpThenCopyCitesThatSection(t *testing.T) {
	for _, lang := range library.Languages() {
		for _, p := range testLib.Pages(lang) {
			for _, size := range jumpSizes {
				m := newTest(t, lang, p.ID, size[0], size[1])
				for i, h := range p.Headings {
					if h.Block < 0 {
						continue
					}
					keys(m, "o", "home")
					for range i {
						keys(m, "down")
					}
					keys(m, "enter")
					checkCitesSection(t, m, p, h, "outline")
				}
			}
		}
	}
}

// The same after opening a search result: the heading searched for, the result
// of that section picked.
func TestSearchHitThenCopyCitesThatSection(t *testing.T) {
	for _, lang := range library.Languages() {
		for _, p := range testLib.Pages(lang) {
			for _, size := range jumpSizes {
				m := newTest(t, lang, p.ID, size[0], size[1])
				for _, h := range titled(p) {
					keys(m, "/")
					drive(m, nil, tea.PasteMsg{Content: h.Text})
					at := -1
					for i, hit := range m.find.hits {
						if hit.Lang == lang && hit.Page == p.ID && hit.Section == h.Section {
							at = i
							break
						}
					}
					if at < 0 {
						t.Errorf("%s %s: searching %q does not list its section", lang, p.ID, h.Text)
						keys(m, "esc")
						continue
					}
					for range at {
						keys(m, "down")
					}
					keys(m, "enter")
					checkCitesSection(t, m, p, h, "search")
					keys(m, "esc") // the search's marks off
				}
			}
		}
	}
}

// The same after following a link to a section.
func TestLinkThenCopyCitesThatSection(t *testing.T) {
	n := 0
	for _, lang := range library.Languages() {
		for _, p := range testLib.Pages(lang) {
			for i, l := range p.Links {
				target := testLib.Page(lang, l.Page)
				if l.Anchor == "" || target == nil || target.SectionByAnchor(l.Anchor) < 0 {
					continue
				}
				h := target.Sections[target.SectionByAnchor(l.Anchor)].Heading
				for _, size := range jumpSizes {
					m := newTest(t, lang, p.ID, size[0], size[1])
					drive(m, m.find.follow(m, i))
					checkCitesSection(t, m, target, h, "link")
					n++
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no link to a section was followed")
	}
}

// Scrolling away from the section jumped to makes the section at the top of
// the view the one being read again.
func TestScrollingAwayEndsTheJump(t *testing.T) {
	p := testLib.Page("en", "un")
	sec := p.SectionByAnchor("the-global-mechanism")
	m := New(Options{Library: testLib, Cache: testCache, Index: testIndex, Lang: "en", Style: "dark",
		Place: library.At(p, sec)})
	drive(m, m.Init())
	drive(m, nil, tea.WindowSizeMsg{Width: 100, Height: 30})
	if _, got, _ := m.current(); got != sec {
		t.Fatalf("after the jump the section read is %d, want %d", got, sec)
	}
	keys(m, "k")
	_, top, _ := m.TopBlock()
	if _, got, _ := m.current(); got != cite.Block(p, top).Section {
		t.Errorf("after k the section read is %d, want the one at the top (%d)", got, p.Blocks[top].Section)
	}
}

// TestCopyBelowAGap: with the blank line after a block at the top of the view,
// the reader sees the next block first, and c copies that one, not the block
// above the screen. Checked at every such line of every page in both languages.
func TestCopyBelowAGap(t *testing.T) {
	checked := 0
	for _, lang := range library.Languages() {
		for _, p := range testLib.Pages(lang) {
			m := newTest(t, lang, p.ID, 80, 24)
			if m.doc == nil {
				t.Fatalf("%s %s: no doc", lang, p.ID)
			}
			for top := 1; top+m.pageHeight() < len(m.doc.Lines) && checked < 400; top++ {
				if strings.TrimSpace(ansi.Strip(m.doc.Lines[top])) != "" {
					continue
				}
				b := m.doc.BlockAt(top)
				next := m.doc.BlockAt(top + 1)
				if b < 0 || next <= b || m.doc.BlockLine(next) != top+1 {
					continue // not the one blank line between two blocks
				}
				m.setOffset(top)
				m.saveSpot()
				_, cur, blk := m.current()
				if blk != next {
					t.Errorf("%s %s: top line %d is the gap before block %d, current block %d (section %d)", lang, p.ID, top, next, blk, cur)
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no gap between two blocks found")
	}
}
