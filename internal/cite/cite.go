// Package cite writes what a diplomat quotes: a passage of the briefing as plain
// text, and the one line that cites it (page › heading, the sources and their
// years, the publisher, and the date the briefing is current to). `show --cite`
// and the reader's copy key share it, so a citation reads the same everywhere.
package cite

import (
	"fmt"
	"strings"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// SourcesOf returns the sources of one section of p (all of p's sections when
// section < 0), in the order sources.yaml declares them; an id the library does
// not know is returned with its id alone.
func SourcesOf(lib *library.Library, p *library.Page, section int) []library.Source {
	want := map[string]bool{}
	var order []string
	for i, s := range p.Sections {
		if section >= 0 && i != section {
			continue
		}
		for _, id := range s.Sources {
			if !want[id] {
				want[id] = true
				order = append(order, id)
			}
		}
	}
	out := []library.Source{}
	for _, s := range lib.Sources() {
		if want[s.ID] {
			out = append(out, s)
			delete(want, s.ID)
		}
	}
	for _, id := range order {
		if want[id] {
			out = append(out, library.Source{ID: id})
		}
	}
	return out
}

// Where names a page, or a section of it: "Italy at the United Nations › The
// Global Mechanism". section < 0 names the page.
func Where(p *library.Page, section int) string {
	where := p.Title
	if section >= 0 && section < len(p.Sections) {
		if h := p.Sections[section].Heading; h.Level > 1 || h.Text != p.Title {
			where += " › " + h.Text
		}
	}
	return where
}

// Line is the one line that cites a page or a section (section < 0: the page), in
// the page's language.
func Line(lib *library.Library, p *library.Page, section int) string {
	words := i18n.CiteFor(p.Lang)
	var srcs []string
	for _, s := range SourcesOf(lib, p, section) {
		if s.Title == "" {
			srcs = append(srcs, s.ID)
			continue
		}
		var b strings.Builder
		if s.Publisher != "" {
			b.WriteString(s.Publisher + ", ")
		}
		b.WriteString("\u201c" + s.Title + "\u201d")
		var paren []string
		if s.Symbol != "" {
			paren = append(paren, s.Symbol)
		}
		if s.AsOf > 0 {
			paren = append(paren, fmt.Sprint(s.AsOf))
		}
		if len(paren) > 0 {
			b.WriteString(" (" + strings.Join(paren, ", ") + ")")
		}
		srcs = append(srcs, b.String())
	}
	line := Where(p, section) + "."
	if len(srcs) > 0 {
		line += " " + words.Sources + ": " + strings.Join(srcs, "; ") + "."
	}
	return line + " " + fmt.Sprintf(words.Briefing, words.Date(p.Updated)) + "."
}

// Wrap breaks a citation line (or any line of text) at spaces so that no line is
// wider than width columns, as a terminal shows them; a word wider than width
// (a long document symbol) stands alone on its line rather than being cut.
// width < 1 leaves the line whole (what a copy to the clipboard wants).
func Wrap(line string, width int) string {
	if width < 1 {
		return line
	}
	out := ansi.Wordwrap(line, width, "")
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// Passage is a passage to copy: its plain text and where it is.
type Passage struct {
	Section int    // the section it is in
	Where   string // page › heading
	Text    string // plain text, one block a paragraph, list items with "- "
}

// Block returns the passage of block b of p: the block itself, or its whole
// section when b is the section's heading (the reader copies what is at the top
// of the view, and a heading alone says nothing; a heading with nothing under it
// stands for the next section).
func Block(p *library.Page, b int) Passage {
	if p == nil || len(p.Blocks) == 0 {
		return Passage{}
	}
	b = min(max(b, 0), len(p.Blocks)-1)
	blk := p.Blocks[b]
	if blk.Kind == library.KindHeading {
		return Section(p, SectionOf(p, b))
	}
	return Passage{Section: blk.Section, Where: Where(p, blk.Section), Text: blockText(blk)}
}

// SectionOf is Block(p, b).Section without making the passage's text: the
// section the reader cites when block b is at the top of the view (a heading
// with nothing under it, such as a page title above its first section, stands
// for the section that follows). The status bar asks it at every frame.
func SectionOf(p *library.Page, b int) int {
	if p == nil || len(p.Blocks) == 0 {
		return 0
	}
	b = min(max(b, 0), len(p.Blocks)-1)
	blk := p.Blocks[b]
	sec := blk.Section
	if blk.Kind == library.KindHeading {
		for sec+1 < len(p.Sections) && p.Sections[sec].End-p.Sections[sec].First <= 1 {
			sec++
		}
	}
	return sec
}

// Body returns the text of a section's blocks, heading left out: paragraphs
// apart, list items one a line and marked "- ".
func Body(p *library.Page, section int) string {
	if p == nil || section < 0 || section >= len(p.Sections) {
		return ""
	}
	s := p.Sections[section]
	var parts []string
	for _, blk := range p.Blocks[s.First:s.End] {
		if blk.Kind != library.KindHeading {
			parts = append(parts, blockText(blk))
		}
	}
	return joinBlocks(parts)
}

// Section returns the passage of a whole section: its heading and its blocks.
func Section(p *library.Page, section int) Passage {
	if p == nil || section < 0 || section >= len(p.Sections) {
		return Passage{}
	}
	s := p.Sections[section]
	var parts []string
	for _, blk := range p.Blocks[s.First:s.End] {
		parts = append(parts, blockText(blk))
	}
	if s.Heading.Block < 0 {
		parts = append([]string{s.Heading.Text}, parts...)
	}
	return Passage{Section: section, Where: Where(p, section), Text: joinBlocks(parts)}
}

// joinBlocks puts blocks' texts one after the other: paragraphs apart, the items
// of one list together, one a line.
func joinBlocks(parts []string) string {
	var b strings.Builder
	for i, t := range parts {
		if i > 0 {
			if strings.HasPrefix(t, "- ") && strings.HasPrefix(parts[i-1], "- ") {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		b.WriteString(t)
	}
	return b.String()
}

func blockText(b library.Block) string {
	if b.Kind == library.KindListItem {
		return "- " + b.Text
	}
	return b.Text
}

// WithCitation is a passage followed by a blank line and its citation line: what
// the reader copies.
func WithCitation(lib *library.Library, p *library.Page, ps Passage) string {
	return ps.Text + "\n\n" + Line(lib, p, ps.Section)
}
