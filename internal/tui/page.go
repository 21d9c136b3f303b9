package tui

import (
	"sort"
	"strings"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	"github.com/cyberdiplo/cyberdiplo/third_party/lipgloss"
)

// The page: the rendered doc's lines in the viewport, with the reader's marks on
// them (search matches, the current match, the selected link).

type markKind int

const (
	markMatch markKind = iota
	markCurrent
	markLink
)

// mark is a range of cells of a doc line to draw marked.
type mark struct {
	col0, col1 int
	kind       markKind
}

// redraw draws the reader's marks on the doc's lines. The lines are the doc's
// own (shared, never changed) but for those holding a mark.
func (m *Model) redraw() {
	m.dirty = false
	if m.doc == nil {
		m.lines = nil
		return
	}
	if m.sideWide() {
		m.redrawSide()
		m.markMargin()
		return
	}
	m.lines = append(m.lines[:0], m.doc.Lines...)
	for line, marks := range m.find.marks(m) {
		if line >= 0 && line < len(m.lines) {
			m.lines[line] = ansi.Truncate(m.decorate(line, marks), max(m.width, 1), "")
		}
	}
	m.markMargin()
	m.setOffset(m.off)
}

// pageView is the page area: the lines on screen, and blank ones below the end.
// (The reader scrolls its own lines rather than through bubbles' viewport, whose
// View lays every line out again through lipgloss on each frame: 0.9 ms at
// 200x60, a whole frame's budget.)
func (m *Model) pageView() string {
	ph := m.pageHeight()
	n := ph // the newlines
	for l := m.off; l < m.off+ph && l < len(m.lines); l++ {
		n += len(m.lines[l])
	}
	var b strings.Builder
	b.Grow(n) // one allocation: a kiosk draws thousands of these a second
	for i := 0; i < ph; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		if l := m.off + i; l < len(m.lines) {
			b.WriteString(m.lines[l])
		}
	}
	return b.String()
}

// ordered sorts marks and drops those that overlap an earlier one (the selected
// link and the current match go first).
func ordered(marks []mark) []mark {
	sort.SliceStable(marks, func(i, j int) bool {
		if marks[i].col0 != marks[j].col0 {
			return marks[i].col0 < marks[j].col0
		}
		return marks[i].kind > marks[j].kind
	})
	kept := marks[:0]
	for _, mk := range marks {
		if mk.col1 <= mk.col0 {
			continue
		}
		if len(kept) > 0 && mk.col0 < kept[len(kept)-1].col1 {
			continue
		}
		kept = append(kept, mk)
	}
	return kept
}

// brackets returns the text drawn around a mark that cannot rest on colour.
func (m *Model) brackets(k markKind) (string, string) {
	if !m.lk.plain {
		return "", ""
	}
	switch k {
	case markCurrent:
		return openCurrent, closeCurrent
	case markLink:
		return openLink, closeLink
	}
	if m.lk.noAttrs {
		return openMatch, closeMatch
	}
	return "", ""
}

// bracket is where a mark's bracket goes: over the space next to the mark when
// there is one (nothing moves), else inserted (what follows moves one cell).
type bracket struct {
	text string
	col  int  // the doc column it is drawn at (over) or before (inserted)
	over bool // it takes the place of a space
}

// bracketsOf plans the brackets of a line's marks, left to right.
func (m *Model) bracketsOf(plain string, marks []mark) []bracket {
	var out []bracket
	w := ansi.StringWidth(plain)
	used := -1 // the last column a bracket took
	for _, mk := range marks {
		open, close := m.brackets(mk.kind)
		if open == "" {
			continue
		}
		a, b := mk.col0, mk.col1
		if a > 0 && a-1 > used && ansi.Cut(plain, a-1, a) == " " {
			out = append(out, bracket{text: open, col: a - 1, over: true})
		} else {
			out = append(out, bracket{text: open, col: a})
		}
		if b < w && ansi.Cut(plain, b, b+1) == " " {
			out = append(out, bracket{text: close, col: b, over: true})
			used = b
		} else {
			out = append(out, bracket{text: close, col: b})
			used = b - 1
		}
	}
	return out
}

// decorate draws the marks of doc line i: a style over their cells and, where
// colour is not enough, brackets around them.
func (m *Model) decorate(i int, marks []mark) string {
	line := m.doc.Lines[i]
	marks = ordered(marks)
	if len(marks) == 0 {
		return line
	}
	ranges := make([]lipgloss.Range, len(marks))
	for j, mk := range marks {
		st := m.lk.st.Match
		switch mk.kind {
		case markCurrent:
			st = m.lk.st.CurrentMatch
		case markLink:
			st = m.lk.st.LinkFocus
		}
		ranges[j] = lipgloss.NewRange(mk.col0, mk.col1, st)
	}
	line = lipgloss.StyleRanges(line, ranges...)
	brs := m.bracketsOf(m.doc.Plain[i], marks)
	if len(brs) == 0 {
		return line
	}
	w := ansi.StringWidth(line)
	var b strings.Builder
	at := 0
	for _, br := range brs {
		b.WriteString(ansi.Cut(line, at, br.col))
		b.WriteString(br.text)
		at = br.col
		if br.over {
			at++
		}
	}
	b.WriteString(ansi.Cut(line, at, w))
	return b.String()
}

// docColumn maps a column of a drawn line back to the doc's line: brackets
// inserted before it shift it.
func (l *lookup) docColumn(m *Model, line, x int) int {
	if m.doc == nil || line < 0 || line >= len(m.doc.Plain) {
		return x
	}
	shift := 0
	for _, br := range m.bracketsOf(m.doc.Plain[line], ordered(l.marks(m)[line])) {
		if !br.over && x >= br.col+shift {
			shift++
		}
	}
	return x - shift
}
