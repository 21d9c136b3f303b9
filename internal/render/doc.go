package render

import (
	"sort"
	"strings"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	uv "github.com/cyberdiplo/cyberdiplo/third_party/ultraviolet"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// Doc is a rendered page, split into lines, that knows where each of the page's
// blocks and links was drawn. A Doc is never changed after it is made: sessions
// share it.
type Doc struct {
	Text  string   // the lines joined, as printed by `show`
	Lines []string // with escape sequences, ready to draw
	Plain []string // the same lines as a reader sees them, trailing spaces removed
	// Headings holds the rendered line of each of the page's headings, in order
	// (the first line of the heading's block).
	Headings []int
	// Links are where the page's links were drawn, in reading order (by line,
	// then column). A link that wraps has one span per line.
	Links []LinkSpan
	// Partial is set on the top of a page (RenderTop): the page goes on below.
	Partial bool

	blockLines []int      // first line of each of the page's blocks, -1 if not drawn
	starts     []blockTop // the drawn blocks, by line
}

// LinkSpan is where a link of the page was drawn: a line and a range of cells.
type LinkSpan struct {
	Index      int // index in the page's Links
	Line       int
	Col0, Col1 int // cells [Col0, Col1)
}

type blockTop struct{ line, block int }

// nbsp is the space of a date kept on one line (library/tree.go), drawn as a
// plain space.
const nbsp = "\u00a0"

// newDoc reads a page rendered with identity marks (library/tree.go) back. Each
// line is decoded with x/ansi (DecodeSequence; ultraviolet's ReadStyle for what a
// style sets): block marks give the line each block starts on, the cells between
// a link's start and end marks are the link's (a link may wrap: its marks then
// sit on different lines). The line is written again without them (and without
// any hyperlink Glamour drew), with the fewest escape sequences that keep its
// look: Glamour styles every word and every space as its own run, most of a
// page's bytes.
func newDoc(p *library.Page, text string) *Doc {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	src := strings.Split(text, "\n")
	d := &Doc{
		Lines:      make([]string, len(src)),
		Plain:      make([]string, len(src)),
		blockLines: make([]int, len(p.Blocks)),
	}
	for i := range d.blockLines {
		d.blockLines[i] = -1
	}
	parser := ansi.GetParser()
	defer ansi.PutParser(parser)
	var out, plain strings.Builder
	link := -1 // the link whose text is being read
	for y, line := range src {
		out.Reset()
		plain.Reset()
		d.redrawLine(y, line, parser, &link, &out, &plain)
		d.Lines[y] = out.String()
		d.Plain[y] = strings.TrimRight(plain.String(), " ")
	}
	d.Text = strings.Join(d.Lines, "\n")
	d.trimLinks()
	for b, l := range d.blockLines {
		if l >= 0 {
			d.starts = append(d.starts, blockTop{line: l, block: b})
		}
	}
	sort.SliceStable(d.starts, func(i, j int) bool { return d.starts[i].line < d.starts[j].line })
	d.Headings = make([]int, len(p.Headings))
	for i, h := range p.Headings {
		d.Headings[i] = max(d.BlockLine(h.Block), 0)
	}
	return d
}

// redrawLine reads line y and writes it again to out (and its text to plain).
// link is the link being read, -1 for none; a line may start or end it.
// A space whose style cannot be seen on a space (a colour, bold, italic) waits:
// it is written under whatever style is drawn around it, so that a run of words
// in one style is one run; spaces left at the end of the line are padding, and
// dropped.
func (d *Doc) redrawLine(y int, line string, p *ansi.Parser, link *int, out, plain *strings.Builder) {
	var pen, drawn uv.Style // the style the line sets, the style written
	var state byte
	col, spaces := 0, 0
	for s := line; len(s) > 0; {
		seq, width, n, next := ansi.DecodeSequence(s, state, p)
		state, s = next, s[n:]
		if width == 0 {
			switch {
			case ansi.HasCsiPrefix(seq) && p.Command() == 'm':
				uv.ReadStyle(p.Params(), &pen)
			case ansi.HasApcPrefix(seq):
				switch kind, i := library.ReadMark(p.Data()); kind {
				case library.BlockMark:
					if i < len(d.blockLines) && d.blockLines[i] < 0 {
						d.blockLines[i] = y
					}
				case library.LinkStart:
					*link = i
				case library.LinkEnd:
					*link = -1
				}
			}
			continue // nothing else of Glamour's is drawn
		}
		if seq == nbsp {
			seq = " " // a date kept on one line (library/tree.go)
		}
		if *link >= 0 {
			d.addLinkCell(*link, y, col, width)
		}
		col += width
		plain.WriteString(seq)
		if seq == " " && invisibleOnSpace(&pen) {
			spaces++
			continue
		}
		if spaces > 0 {
			if !invisibleOnSpace(&drawn) {
				out.WriteString(ansi.ResetStyle)
				drawn = uv.Style{}
			}
			for ; spaces > 0; spaces-- {
				out.WriteByte(' ')
			}
		}
		if !pen.Equal(&drawn) {
			if pen.IsZero() {
				out.WriteString(ansi.ResetStyle)
			} else {
				out.WriteString(pen.Diff(&drawn))
			}
			drawn = pen
		}
		out.WriteString(seq)
	}
	if !drawn.IsZero() {
		out.WriteString(ansi.ResetStyle)
	}
}

// invisibleOnSpace reports whether a style looks the same as no style on a space.
func invisibleOnSpace(s *uv.Style) bool {
	return s.Bg == nil && s.Underline == 0 && s.Attrs&^(uv.AttrBold|uv.AttrItalic|uv.AttrFaint) == 0
}

// cut keeps the first n lines, and the blocks and links drawn on them.
func (d *Doc) cut(n int) {
	d.Lines, d.Plain = d.Lines[:n], d.Plain[:n]
	d.Text = strings.Join(d.Lines, "\n")
	d.Partial = true
	for b, l := range d.blockLines {
		if l >= n {
			d.blockLines[b] = -1
		}
	}
	starts := d.starts[:0]
	for _, s := range d.starts {
		if s.line < n {
			starts = append(starts, s)
		}
	}
	d.starts = starts
	links := d.Links[:0]
	for _, s := range d.Links {
		if s.Line < n {
			links = append(links, s)
		}
	}
	d.Links = links
}

// addLinkCell adds a cell to link l's span on line y, or starts a span.
func (d *Doc) addLinkCell(l, y, col, w int) {
	if n := len(d.Links); n > 0 {
		// The link's words are marked one by one: the spaces between two
		// words of it on one line are its own.
		s := &d.Links[n-1]
		if s.Index == l && s.Line == y && s.Col1 <= col {
			s.Col1 = col + w
			return
		}
	}
	d.Links = append(d.Links, LinkSpan{Index: l, Line: y, Col0: col, Col1: col + w})
}

// trimLinks drops the spaces at either end of a span (a link's text may end
// with a space where it wraps), and spans of spaces only.
func (d *Doc) trimLinks() {
	kept := d.Links[:0]
	for _, s := range d.Links {
		text := ansi.Cut(d.Plain[s.Line], s.Col0, s.Col1)
		lead := len(text) - len(strings.TrimLeft(text, " "))
		trail := len(text) - len(strings.TrimRight(text, " "))
		s.Col0 += lead
		s.Col1 -= trail
		if s.Col1 > s.Col0 {
			kept = append(kept, s)
		}
	}
	d.Links = kept
}

// BlockLine returns the first rendered line of block b of the page, or -1 when
// the block was not drawn.
func (d *Doc) BlockLine(b int) int {
	if b < 0 || b >= len(d.blockLines) {
		return -1
	}
	return d.blockLines[b]
}

// BlockAt returns the block a rendered line belongs to: the last block that
// starts at or above it, or -1 above the first block.
func (d *Doc) BlockAt(line int) int {
	i := sort.Search(len(d.starts), func(i int) bool { return d.starts[i].line > line })
	if i == 0 {
		return -1
	}
	return d.starts[i-1].block
}

// BlockEnd returns the line after the last line of block b: where the next
// block drawn below it starts, or the end of the page.
func (d *Doc) BlockEnd(b int) int {
	l := d.BlockLine(b)
	if l < 0 {
		return -1
	}
	i := sort.Search(len(d.starts), func(i int) bool { return d.starts[i].line > l })
	if i < len(d.starts) {
		return d.starts[i].line
	}
	return len(d.Lines)
}

// LinkSpans returns where link i of the page was drawn (several spans when it
// wraps), in reading order.
func (d *Doc) LinkSpans(i int) []LinkSpan {
	var out []LinkSpan
	for _, s := range d.Links {
		if s.Index == i {
			out = append(out, s)
		}
	}
	return out
}

// LinkAt returns the index of the link drawn at a cell, or -1.
func (d *Doc) LinkAt(line, col int) int {
	for _, s := range d.Links {
		if s.Line == line && col >= s.Col0 && col < s.Col1 {
			return s.Index
		}
	}
	return -1
}

// HeadingAt returns the index of the heading a reader at a line is in (the last
// heading at or above it), or -1 above the first heading.
func (d *Doc) HeadingAt(line int) int {
	at := -1
	for i, l := range d.Headings {
		if l <= line {
			at = i
		}
	}
	return at
}
