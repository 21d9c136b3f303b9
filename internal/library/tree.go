package library

import (
	"bytes"
	"strconv"
	"strings"
	"sync"

	"github.com/cyberdiplo/cyberdiplo/third_party/goldmark/ast"
	east "github.com/cyberdiplo/cyberdiplo/third_party/goldmark/extension/ast"
	"github.com/cyberdiplo/cyberdiplo/third_party/goldmark/text"
)

// The tree a page is drawn from. The goldmark tree parsed for the document model
// is kept, and changed once, right after the model is built, by three tree
// transforms, so that any renderer that draws text nodes (an unmodified Glamour)
// draws it with the model's identities in it:
//
//   - identity marks: each block starts with a zero-width mark naming it, and each
//     link's text sits between a start mark naming the link and an end mark. A
//     mark is an APC string ("ESC _ ... ESC \"), which takes no cell and which
//     terminals ignore; the renderer reads the marks back from what was drawn
//     (ReadMark) and removes them. A link's destination becomes "#", which Glamour
//     neither prints nor turns into a hyperlink: the reader follows links through
//     the model, not through the terminal.
//   - sources markers ("<!-- sources: ... -->") leave the tree: they are for lint
//     and citations, not for readers.
//   - dates stay on one line: the space of "12 March" becomes a no-break space,
//     which a word wrapper does not break; the renderer draws a plain space.
//
// Text that a transform adds or changes lives in Source after the page's body:
// text nodes point into it like any other. The transforms run once, when the
// tree is first asked for (most starts draw one page before the others are
// needed); the tree is never changed after that, so that renders of one page
// may run at once.

// Tree is a page's goldmark tree, as it is drawn.
type Tree struct {
	root    ast.Node
	src     []byte
	blocks  []ast.Node // the node of Page.Blocks[i]
	links   []ast.Node // the node of Page.Links[i]
	markers []ast.Node // the sources markers, until the transforms remove them
	once    sync.Once
}

// ready applies the transforms, once.
func (t *Tree) ready() *Tree {
	t.once.Do(t.prepare)
	return t
}

// Root is the document node. It must not be changed.
func (t *Tree) Root() ast.Node { return t.ready().root }

// Source is the text the tree's segments point into.
func (t *Tree) Source() []byte { return t.ready().src }

// Block returns the node of block i of the page, or nil.
func (t *Tree) Block(i int) ast.Node {
	if i < 0 || i >= len(t.blocks) {
		return nil
	}
	return t.ready().blocks[i]
}

// Tree returns the tree the page is drawn from; nil for a page with no model
// (nested over MaxNesting) or one not made by Load.
func (p *Page) Tree() *Tree { return p.tree }

// MarkKind is what an identity mark stands for.
type MarkKind int

// The identity marks.
const (
	NoMark    MarkKind = iota
	BlockMark          // the start of a block
	LinkStart          // the start of a link's text
	LinkEnd            // the end of the link's text started last
)

const (
	markPrefix    = "cyberdiplo:"
	blockMarkData = markPrefix + "block/"
	linkStartData = markPrefix + "link/"
	linkEndData   = markPrefix + "/link"
)

// Mark is the zero-width mark of a kind, naming block or link i.
func Mark(kind MarkKind, i int) string {
	switch kind {
	case BlockMark:
		return "\x1b_" + blockMarkData + strconv.Itoa(i) + "\x1b\\"
	case LinkStart:
		return "\x1b_" + linkStartData + strconv.Itoa(i) + "\x1b\\"
	case LinkEnd:
		return "\x1b_" + linkEndData + "\x1b\\"
	}
	return ""
}

// ReadMark reads the data of an APC string: the mark it is and the index it
// names, or NoMark.
func ReadMark(data []byte) (MarkKind, int) {
	s := string(data)
	if s == linkEndData {
		return LinkEnd, -1
	}
	kind := NoMark
	if id, ok := strings.CutPrefix(s, blockMarkData); ok {
		kind, s = BlockMark, id
	} else if id, ok := strings.CutPrefix(s, linkStartData); ok {
		kind, s = LinkStart, id
	} else {
		return NoMark, -1
	}
	i, err := strconv.Atoi(s)
	if err != nil || i < 0 {
		return NoMark, -1
	}
	return kind, i
}

// prepare applies the transforms to the tree of a page whose model is built.
func (t *Tree) prepare() {
	for _, m := range t.markers {
		if p := m.Parent(); p != nil {
			p.RemoveChild(p, m)
		}
	}
	t.keepDatesTogether(t.root)
	for i, b := range t.blocks {
		t.markBlock(b, i)
	}
	t.markers = nil
	numbered := make(map[ast.Node]int, len(t.links))
	for i, l := range t.links {
		numbered[l] = i
	}
	// Every link, numbered or not (a link the model does not number, which valid
	// content has none of, is drawn as text that leads nowhere).
	_ = ast.Walk(t.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			if i, ok := numbered[n]; ok {
				t.markLink(l, i)
			}
			l.Destination = []byte("#")
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// add appends s to the source and returns its segment.
func (t *Tree) add(s string) text.Segment {
	start := len(t.src)
	t.src = append(t.src, s...)
	return text.NewSegment(start, len(t.src))
}

// textNode is a new text node drawing s.
func (t *Tree) textNode(s string) *ast.Text {
	return ast.NewTextSegment(t.add(s))
}

// markBlock puts block i's mark where its text starts: the first place in it
// that holds inline content (its paragraph, a list item's first line, a table's
// first cell, a heading); into a code block's first line.
func (t *Tree) markBlock(n ast.Node, i int) {
	mark := Mark(BlockMark, i)
	if n.Kind() == ast.KindFencedCodeBlock || n.Kind() == ast.KindCodeBlock {
		lines := n.Lines()
		if lines.Len() == 0 {
			lines.Append(t.add(mark))
			return
		}
		first := lines.At(0)
		lines.Set(0, t.add(mark+string(first.Value(t.src))))
		return
	}
	holder := n
	for h := n; h != nil; {
		if holdsInline(h) || h.FirstChild() == nil {
			holder = h
			break
		}
		h = h.FirstChild()
	}
	at := holder.FirstChild()
	mk := t.textNode(mark) // a node of its own: gluing it to the text would copy the block's first line
	if at != nil && at.Kind() == east.KindTaskCheckBox {
		holder.InsertAfter(holder, at, mk) // Glamour looks for a task's box first
		return
	}
	if at == nil {
		holder.AppendChild(holder, mk)
		return
	}
	holder.InsertBefore(holder, at, mk)
}

// markLink marks link i's text: each word of it between a start mark naming
// the link and an end mark. Words, not the whole text: a link that wraps then
// never has its marks open across a line's end, where the next line may start
// with something else (a quote's bar, another cell of a table row). The
// renderer joins the words of one link on one line into one span.
func (t *Tree) markLink(l *ast.Link, i int) {
	start, end := Mark(LinkStart, i), Mark(LinkEnd, 0)
	var texts []*ast.Text
	_ = ast.Walk(l, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if tx, ok := n.(*ast.Text); ok && entering {
			texts = append(texts, tx)
		}
		return ast.WalkContinue, nil
	})
	if len(texts) == 0 {
		l.AppendChild(l, t.textNode(start+end))
		return
	}
	for _, tx := range texts {
		v := tx.Segment.Value(t.src)
		var b strings.Builder
		var pieces []string // the node's new text, cut where a mark must end a node
		for at := 0; at < len(v); {
			j := at
			for j < len(v) && v[j] == ' ' {
				j++
			}
			b.Write(v[at:j])
			if j == len(v) {
				break
			}
			k := j
			for k < len(v) && v[k] != ' ' {
				k++
			}
			b.WriteString(start)
			if escapable(v[j]) {
				pieces = append(pieces, b.String())
				b.Reset()
			}
			b.Write(v[j:k])
			b.WriteString(end)
			at = k
		}
		pieces = append(pieces, b.String())
		t.retext(tx, pieces)
	}
}

// escapable reports whether Glamour takes a backslash before c for a Markdown
// escape ("\(" drawn as "("). It does so in the text of every text node, so a
// mark, which ends with ESC and a backslash, must never be followed by such a
// character in the same node: the mark would lose its end.
func escapable(c byte) bool { return strings.IndexByte("\\`*_{}[]<>()#+-.!|", c) >= 0 }

// retext gives a text node new text, in as many nodes as pieces: the first
// pieces become nodes of their own before it, and the node keeps the last, with
// its line break.
func (t *Tree) retext(tx *ast.Text, pieces []string) {
	parent := tx.Parent()
	for _, p := range pieces[:len(pieces)-1] {
		parent.InsertBefore(parent, tx, t.textNode(p))
	}
	tx.Segment = t.add(pieces[len(pieces)-1])
}

// nbsp replaces the space of a date.
const nbsp = "\u00a0"

// keepDatesTogether turns the space of each "DAY MONTH" in the text under n into
// a no-break space. A day is one or two digits standing alone; a month is a
// month name of any of the briefing's languages (monthNumbers). Goldmark may cut
// one line of text into several text nodes (around an autolink, at a space), so
// each run of adjacent text nodes on one line is read as one text.
func (t *Tree) keepDatesTogether(n ast.Node) {
	var run []*ast.Text
	flush := func() {
		if len(run) > 0 {
			t.datesInRun(run)
		}
		run = run[:0]
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		tx, ok := c.(*ast.Text)
		if !ok {
			flush()
			t.keepDatesTogether(c)
			continue
		}
		run = append(run, tx)
		if tx.SoftLineBreak() || tx.HardLineBreak() {
			flush()
		}
	}
	flush()
}

// datesInRun makes the dates of adjacent text nodes unbreakable.
func (t *Tree) datesInRun(run []*ast.Text) {
	if len(run) == 1 { // most runs: nothing to join
		v := run[0].Segment.Value(t.src)
		if sp := dateSpaces(v); len(sp) > 0 {
			run[0].Segment = t.add(withNbsp(v, sp))
		}
		return
	}
	digits := false
	for _, tx := range run {
		digits = digits || bytes.ContainsAny(tx.Segment.Value(t.src), "0123456789")
	}
	if !digits {
		return
	}
	var joined []byte
	offset := make([]int, len(run)+1) // where each node's text starts in joined
	for k, tx := range run {
		joined = append(joined, tx.Segment.Value(t.src)...)
		offset[k+1] = len(joined)
	}
	spaces := dateSpaces(joined)
	for k := 0; k < len(run) && len(spaces) > 0; k++ {
		var own []int // the spaces in node k, from its start
		for len(spaces) > 0 && spaces[0] < offset[k+1] {
			own = append(own, spaces[0]-offset[k])
			spaces = spaces[1:]
		}
		if len(own) > 0 {
			run[k].Segment = t.add(withNbsp(joined[offset[k]:offset[k+1]], own))
		}
	}
}

// withNbsp is v with a no-break space for the space at each offset.
func withNbsp(v []byte, spaces []int) string {
	var b strings.Builder
	b.Grow(len(v) + len(spaces))
	last := 0
	for _, at := range spaces {
		b.Write(v[last:at])
		b.WriteString(nbsp)
		last = at + 1
	}
	b.Write(v[last:])
	return b.String()
}

// dateSpaces returns the offsets of the spaces in s that sit between a day and a
// month.
func dateSpaces(s []byte) []int {
	var out []int
	for i := 1; i+1 < len(s); i++ {
		if s[i] != ' ' || !isDigit(s[i-1]) {
			continue
		}
		d := i - 1
		for d > 0 && isDigit(s[d-1]) {
			d--
		}
		if i-d > 2 || (d > 0 && (isLetter(s[d-1]) || s[d-1] == '.' || s[d-1] == ',')) {
			continue
		}
		j := i + 1
		for j < len(s) && isLetter(s[j]) {
			j++
		}
		if _, ok := monthNumbers()[strings.ToLower(string(s[i+1:j]))]; !ok {
			continue
		}
		out = append(out, i)
	}
	return out
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }
