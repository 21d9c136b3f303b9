package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// Doc is a rendered page, split into lines, with the line of each heading found,
// so that a reader can jump to a heading and keep it in view across widths and
// languages. A Doc is never changed after NewDoc: sessions share it.
type Doc struct {
	Text     string
	Lines    []string // with escape sequences
	Plain    []string // the same lines as a reader sees them, trailing spaces removed
	Headings []int    // rendered line of each of the page's headings (in order)
	Links    []LinkSpan
}

// LinkSpan is where a link of the page was drawn: a line and a range of cells.
type LinkSpan struct {
	Index      int // index in the page's Links
	Line       int
	Col0, Col1 int
}

// NewDoc splits a rendered page and finds its headings.
func NewDoc(p *library.Page, text string) *Doc {
	d := &Doc{Lines: strings.Split(text, "\n")}
	d.Plain = make([]string, len(d.Lines))
	for i, l := range d.Lines {
		d.Lines[i] = compact(l)
		d.Plain[i] = strings.TrimRight(ansi.Strip(l), " ")
	}
	d.Text = strings.Join(d.Lines, "\n")
	d.Headings = make([]int, len(p.Headings))
	from := 0
	for i, h := range p.Headings {
		d.Headings[i] = from
		if at := d.find(h.Text, from); at >= 0 {
			d.Headings[i] = at
			from = at + 1
		}
	}
	d.findLinks(p)
	return d
}

// findLinks locates each link's text, in order, after the previous one. A text
// that wraps is marked on its first line.
func (d *Doc) findLinks(p *library.Page) {
	line, col := 0, 0
	for _, l := range p.Links {
		if l.External() || strings.TrimSpace(l.Text) == "" {
			continue
		}
		words := strings.Fields(l.Text)
		for n := len(words); n > 0; n-- {
			want := strings.Join(words[:n], " ")
			ln, c := d.search(want, line, col)
			if ln < 0 {
				continue
			}
			c0 := ansi.StringWidth(d.Plain[ln][:c])
			d.Links = append(d.Links, LinkSpan{Index: l.Index, Line: ln, Col0: c0, Col1: c0 + ansi.StringWidth(want)})
			line, col = ln, c+len(want)
			break
		}
	}
}

// search finds text at or after (line, col), within a few lines: the first
// occurrence drawn underlined (as links are), else the first occurrence.
func (d *Doc) search(text string, line, col int) (int, int) {
	firstLine, firstCol := -1, 0
	for i := line; i < len(d.Plain) && i < line+12; i++ {
		from := 0
		if i == line {
			from = min(col, len(d.Plain[i]))
		}
		for from <= len(d.Plain[i]) {
			at := strings.Index(d.Plain[i][from:], text)
			if at < 0 {
				break
			}
			at += from
			if underlinedAt(d.Lines[i], ansi.StringWidth(d.Plain[i][:at])) {
				return i, at
			}
			if firstLine < 0 {
				firstLine, firstCol = i, at
			}
			from = at + 1
		}
	}
	return firstLine, firstCol
}

// underlinedAt reports whether the cell at col of a rendered line is underlined.
func underlinedAt(line string, col int) bool {
	ul := false
	x := 0
	for len(line) > 0 {
		if strings.HasPrefix(line, "\x1b[") {
			end := strings.IndexByte(line, 'm')
			if end < 0 {
				return false
			}
			ul = sgrUnderline(line[2:end], ul)
			line = line[end+1:]
			continue
		}
		if line[0] == 0x1b { // another escape: it takes no cell
			line = line[1:]
			continue
		}
		next := strings.IndexByte(line, 0x1b)
		if next < 0 {
			next = len(line)
		}
		w := ansi.StringWidth(line[:next])
		if col < x+w {
			return ul
		}
		x += w
		line = line[next:]
	}
	return false
}

// sgrUnderline applies SGR parameters to the underline state.
func sgrUnderline(params string, ul bool) bool {
	ps := strings.Split(params, ";")
	for i := 0; i < len(ps); i++ {
		switch ps[i] {
		case "", "0", "24":
			ul = false
		case "4":
			ul = true
		case "38", "48", "58": // extended colour: skip its arguments
			if i+1 < len(ps) && ps[i+1] == "5" {
				i += 2
			} else if i+1 < len(ps) && ps[i+1] == "2" {
				i += 4
			}
		}
	}
	return ul
}

// find returns the first line at or after from that starts with heading text.
func (d *Doc) find(text string, from int) int {
	want := strings.Fields(text)
	if len(want) == 0 {
		return -1
	}
	for i := from; i < len(d.Plain); i++ {
		got := strings.TrimLeft(strings.TrimSpace(d.Plain[i]), "# ")
		// A long heading wraps: compare the words this line holds.
		words := strings.Fields(got)
		if len(words) == 0 {
			continue
		}
		n := min(len(words), len(want))
		if strings.Join(words[:n], " ") == strings.Join(want[:n], " ") {
			return i
		}
	}
	return -1
}

// HeadingAt returns the index of the heading a reader at line offset is in (the
// last heading at or above it), or -1 above the first heading.
func (d *Doc) HeadingAt(offset int) int {
	at := -1
	for i, l := range d.Headings {
		if l <= offset {
			at = i
		}
	}
	return at
}
