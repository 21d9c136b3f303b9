package render

import (
	"strings"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// SectionLines returns the lines a rendered page drew for section i of the page
// (its heading and its blocks, up to the next section's heading), without the
// blank lines around them; nil when the section was not drawn. A section is
// cut from the page as drawn, so that it reads exactly as it does in the page.
func (d *Doc) SectionLines(p *library.Page, i int) []string {
	if i < 0 || i >= len(p.Sections) {
		return nil
	}
	s := p.Sections[i]
	from := 0
	if s.First < s.End {
		from = d.BlockLine(s.First)
	}
	if from < 0 {
		return nil
	}
	to := len(d.Lines)
	if i+1 < len(p.Sections) && p.Sections[i+1].First < len(p.Blocks) {
		if l := d.BlockLine(p.Sections[i+1].First); l >= from {
			to = l
		}
	}
	for from < to && strings.TrimSpace(d.Plain[from]) == "" {
		from++
	}
	for to > from && strings.TrimSpace(d.Plain[to-1]) == "" {
		to--
	}
	return d.Lines[from:to]
}
