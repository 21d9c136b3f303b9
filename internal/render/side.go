package render

import (
	"strings"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
)

// Pair is a page drawn in two languages side by side, aligned block by block as
// EUR-Lex aligns the language versions of an act: each block starts on the same
// row in both columns, and the shorter version is padded with blank rows.
// A Pair is never changed after it is made.
type Pair struct {
	Left, Right []string // the rows of each column, with escape sequences
	// PlainLeft and PlainRight are the same rows as a reader sees them.
	PlainLeft, PlainRight []string
	blockRows             []int // first row of each block, -1 when not drawn
	rowBlock              []int // block of each row, -1 above the first block
}

// NewPair aligns two renderings of the same page in two languages. pair maps a
// block of the left page to the same passage on the right (library.CounterpartBlock),
// -1 when there is none. The left column keeps its order; the right follows it.
func NewPair(left, right *Doc, pair func(b int) int) *Pair {
	p := &Pair{}
	n := len(left.blockLines)
	p.blockRows = make([]int, n)
	// What is drawn above the first block (a margin) opens both columns.
	p.add(left, right, 0, firstBlockLine(left), 0, firstBlockLine(right), -1)
	for b := 0; b < n; b++ {
		p.blockRows[b] = -1
		l0, l1 := left.BlockLine(b), left.BlockEnd(b)
		if l0 < 0 {
			continue
		}
		r0, r1 := -1, -1
		if rb := pair(b); rb >= 0 {
			r0, r1 = right.BlockLine(rb), right.BlockEnd(rb)
		}
		if r0 < 0 {
			r0, r1 = 0, 0
		}
		p.blockRows[b] = len(p.Left)
		p.add(left, right, l0, l1, r0, r1, b)
	}
	return p
}

// firstBlockLine is the first line of the first drawn block, or the page's length.
func firstBlockLine(d *Doc) int {
	if len(d.starts) == 0 {
		return len(d.Lines)
	}
	return d.starts[0].line
}

// add appends lines [l0,l1) of left beside lines [r0,r1) of right.
func (p *Pair) add(left, right *Doc, l0, l1, r0, r1, block int) {
	rows := max(l1-l0, r1-r0)
	for i := 0; i < rows; i++ {
		var l, pl, r, pr string
		if l0+i < l1 {
			l, pl = left.Lines[l0+i], left.Plain[l0+i]
		}
		if r0+i < r1 {
			r, pr = right.Lines[r0+i], right.Plain[r0+i]
		}
		p.Left, p.PlainLeft = append(p.Left, l), append(p.PlainLeft, pl)
		p.Right, p.PlainRight = append(p.Right, r), append(p.PlainRight, pr)
		p.rowBlock = append(p.rowBlock, block)
	}
}

// Rows returns how many rows the pair has.
func (p *Pair) Rows() int { return len(p.Left) }

// BlockRow returns the row where block b starts in both columns, or -1.
func (p *Pair) BlockRow(b int) int {
	if b < 0 || b >= len(p.blockRows) {
		return -1
	}
	return p.blockRows[b]
}

// BlockEnd returns the row after the last row of block b, or -1.
func (p *Pair) BlockEnd(b int) int {
	r := p.BlockRow(b)
	if r < 0 {
		return -1
	}
	for r < len(p.rowBlock) && p.rowBlock[r] == b {
		r++
	}
	return r
}

// BlockAt returns the block shown on a row, or -1 above the first block.
func (p *Pair) BlockAt(row int) int {
	if row < 0 || row >= len(p.rowBlock) {
		return -1
	}
	return p.rowBlock[row]
}

// Row draws one row: the left column cut or padded to colWidth, a gutter, and the
// right column cut to colWidth.
func (p *Pair) Row(i, colWidth int, gutter string) string {
	if i < 0 || i >= len(p.Left) || colWidth < 1 {
		return ""
	}
	l := ansi.Truncate(p.Left[i], colWidth, "")
	if w := ansi.StringWidth(l); w < colWidth {
		l += strings.Repeat(" ", colWidth-w)
	}
	return l + "\x1b[m" + gutter + ansi.Truncate(p.Right[i], colWidth, "")
}
