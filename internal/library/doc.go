package library

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/cyberdiplo/cyberdiplo/third_party/goldmark"
	"github.com/cyberdiplo/cyberdiplo/third_party/goldmark/ast"
	"github.com/cyberdiplo/cyberdiplo/third_party/goldmark/extension"
	east "github.com/cyberdiplo/cyberdiplo/third_party/goldmark/extension/ast"
	"github.com/cyberdiplo/cyberdiplo/third_party/goldmark/parser"
	"github.com/cyberdiplo/cyberdiplo/third_party/goldmark/text"
)

// The document model. Each page is parsed once, with goldmark configured as Glamour
// configures it, into sections, blocks, headings and links. Everything else (the
// renderer's positions, search, lint, citations, the language toggle) reads this
// model, and the renderer draws the same tree (tree.go, with the model's
// identities written into it); nothing parses Markdown again.
//
// A section is a heading and the blocks up to the next heading of any level.
// Sections align across languages by position; blocks align by position inside a
// section (lint enforces both), so Block.ID names the same passage in every language.

// BlockKind is what a block is.
type BlockKind int

// The kinds of blocks.
const (
	KindHeading BlockKind = iota
	KindParagraph
	KindListItem
	KindTable
	KindQuote
	KindCode
)

var blockKindNames = [...]string{"heading", "paragraph", "list item", "table", "quote", "code"}

func (k BlockKind) String() string {
	if int(k) < len(blockKindNames) {
		return blockKindNames[k]
	}
	return "block"
}

// Block is one unit of reading: a heading, a paragraph, one list item, a table, a
// quote or a code block.
type Block struct {
	ID      string // "<section>.<n>": the same passage in every language
	Index   int    // position among the page's blocks
	Section int    // index of the section it belongs to
	Kind    BlockKind
	Text    string // as a reader sees it: inline Markdown removed, soft breaks as spaces
	Line    int    // 1-based line in the file
	Links   []int  // indices in Page.Links of the links inside it
}

// Section is a heading and the blocks under it, up to the next heading.
type Section struct {
	Index   int
	Heading Heading
	Sources []string // ids of the sources it rests on (its "<!-- sources: ... -->" marker)
	// SourcesLine is the file line of the sources marker, 0 when there is none.
	SourcesLine int
	First, End  int    // its blocks: Page.Blocks[First:End], the heading's block first
	Text        string // the plain text of its blocks, heading excluded, one block a line
}

// Heading is one heading of a page.
type Heading struct {
	Level   int    // 1 for "#", 2 for "##", ...; 0 for the untitled start of a page
	Text    string // as a reader sees it (inline Markdown removed)
	Anchor  string // Slug(Text)
	Line    int    // 1-based line in the file
	Section int    // the section it opens
	Block   int    // its block, -1 for the untitled start of a page
}

// Link is one link of a page to a page or a heading.
type Link struct {
	Text   string // what the reader sees
	Target string // as written: "un.md#key-facts", "#key-facts", "un.md"
	Page   string // target page id ("" when the target is not a page of this library)
	Anchor string // target heading's anchor, or ""
	Line   int    // 1-based line in the file
	Index  int    // order among the page's links (document order), from 0
	// Colour is the timeline colour of the page it leads to (that page's front
	// matter), zero when it has none.
	Colour Colour
	Block  int // the block it is in
	// Start and End are the byte range of Text in its block's Text: where the
	// reader sees it (the same words may also appear earlier in the block).
	Start, End int
}

// External reports whether the link points outside the briefing (a URL).
func (l Link) External() bool {
	return strings.Contains(l.Target, "://") || strings.HasPrefix(l.Target, "mailto:")
}

// markdown is the goldmark configuration Glamour uses, so that both see the same
// tree. A goldmark.Markdown is safe for concurrent use once built.
var markdown = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.DefinitionList),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
})

// parseMarkdown parses Markdown as Glamour does.
func parseMarkdown(src []byte) ast.Node {
	return markdown().Parser().Parse(text.NewReader(src))
}

// blockKindOf reports whether n is a block of the document model, and its kind.
// Blocks are numbered in document order (a pre-order walk of the goldmark tree):
// headings, list items, tables, block quotes, code blocks, and non-empty paragraphs
// that are not inside one of those. Nothing inside a block is a block, except a list nested
// in a list item, whose items are blocks of their own.
func blockKindOf(n ast.Node) (BlockKind, bool) {
	switch n.Kind() {
	case ast.KindHeading:
		return KindHeading, true
	case ast.KindListItem:
		return KindListItem, true
	case east.KindTable:
		return KindTable, true
	case ast.KindBlockquote:
		return KindQuote, true
	case ast.KindFencedCodeBlock, ast.KindCodeBlock:
		return KindCode, true
	case ast.KindParagraph, ast.KindTextBlock:
		if n.Lines().Len() == 0 && n.FirstChild() == nil {
			return 0, false // what is left of a paragraph of link reference definitions
		}
		for p := n.Parent(); p != nil; p = p.Parent() {
			switch p.Kind() {
			case ast.KindListItem, ast.KindBlockquote:
				return 0, false
			}
		}
		return KindParagraph, true
	}
	return 0, false
}

// sourcesMarker reports whether n is a sources marker ("<!-- sources: a b -->") and
// the ids it names. The tree drawn has no marker (tree.go).
func sourcesMarker(n ast.Node, src []byte) ([]string, bool) {
	h, ok := n.(*ast.HTMLBlock)
	if !ok {
		return nil, false
	}
	var b bytes.Buffer
	for i := 0; i < h.Lines().Len(); i++ {
		seg := h.Lines().At(i)
		b.Write(seg.Value(src))
	}
	if h.HasClosure() {
		b.Write(h.ClosureLine.Value(src))
	}
	s := strings.TrimSpace(b.String())
	s, ok1 := strings.CutPrefix(s, "<!--")
	s, ok2 := strings.CutSuffix(s, "-->")
	if !ok1 || !ok2 {
		return nil, false
	}
	s, ok = strings.CutPrefix(strings.TrimSpace(s), "sources:")
	if !ok {
		return nil, false
	}
	ids := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })
	return ids, true
}

// holdsInline reports whether n is where inline content (text, links) sits: a
// paragraph, or any block whose children are inline (a table cell, a heading
// inside a list item).
func holdsInline(n ast.Node) bool {
	if n.Kind() == ast.KindParagraph || n.Kind() == ast.KindTextBlock {
		return true
	}
	return n.Type() == ast.TypeBlock && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline
}

// docParser builds the model of one page.
type docParser struct {
	p      *Page
	src    []byte
	starts []int // byte offset of each line of src
	// problems found while parsing (markers in the wrong place), for lint
	problems []Problem
	// the nodes of the blocks, links and sources markers, for the tree drawn
	blockNodes, linkNodes, markers []ast.Node
}

// parseDoc fills p.Sections, p.Blocks, p.Headings and p.Links from p.Body.
func parseDoc(p *Page) []Problem {
	// The source has room for what the tree transforms add after the body
	// (tree.go): marks and rewritten text, about a fifth of a page's length.
	d := &docParser{p: p, src: append(make([]byte, 0, len(p.Body)+len(p.Body)/4+256), p.Body...)}
	d.starts = []int{0}
	for i, c := range d.src {
		if c == '\n' {
			d.starts = append(d.starts, i+1)
		}
	}
	root := parseMarkdown(d.src)
	p.Depth = nesting(root)
	if p.Depth > MaxNesting {
		// Rendering cost grows with the square of the depth (each level indents
		// every line below it): a page nested a thousand deep took Glamour half a
		// minute and half a gigabyte. Such a page is refused, not rendered.
		d.problems = append(d.problems, Problem{Path: p.Path, Line: p.BodyLine,
			Message: fmt.Sprintf("lists or quotes nested %d deep (at most %d): flatten them", p.Depth, MaxNesting)})
		return d.problems
	}
	d.walk(root)
	d.finish()
	p.tree = &Tree{root: root, src: d.src, blocks: d.blockNodes, links: d.linkNodes, markers: d.markers}
	return d.problems
}

// MaxNesting bounds how deep lists and quotes may nest in a page.
const MaxNesting = 8

// nesting returns how deep lists and block quotes nest in a tree.
func nesting(root ast.Node) int {
	depth, deepest := 0, 0
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Kind() != ast.KindList && n.Kind() != ast.KindBlockquote {
			return ast.WalkContinue, nil
		}
		if entering {
			depth++
			deepest = max(deepest, depth)
		} else {
			depth--
		}
		return ast.WalkContinue, nil
	})
	return deepest
}

// line turns a byte offset of the body into a file line.
func (d *docParser) line(off int) int {
	i := sort.Search(len(d.starts), func(i int) bool { return d.starts[i] > off }) - 1
	return d.p.BodyLine + max(i, 0)
}

// nodeLine is the file line where n starts.
func (d *docParser) nodeLine(n ast.Node) int {
	for c := n; c != nil; c = c.FirstChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return d.line(c.Lines().At(0).Start)
		}
		if t, ok := c.(*ast.Text); ok {
			return d.line(t.Segment.Start)
		}
	}
	if pr := n.PreviousSibling(); pr != nil {
		return d.nodeLine(pr)
	}
	if n.Parent() != nil && n.Parent().Kind() != ast.KindDocument {
		return d.nodeLine(n.Parent())
	}
	return d.p.BodyLine
}

func (d *docParser) walk(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if ids, ok := sourcesMarker(c, d.src); ok {
			d.markers = append(d.markers, c)
			d.marker(c, ids)
			continue
		}
		kind, ok := blockKindOf(c)
		if !ok {
			d.walk(c)
			continue
		}
		if kind == KindHeading {
			d.heading(c.(*ast.Heading))
			continue
		}
		d.block(c, kind)
	}
}

// section returns the current section, opening an untitled one at the start of a
// page with text before its first heading.
func (d *docParser) section() *Section {
	if len(d.p.Sections) == 0 {
		d.p.Sections = append(d.p.Sections, Section{
			Heading: Heading{Text: d.p.Title, Anchor: Slug(d.p.Title), Line: d.p.BodyLine, Block: -1},
		})
	}
	return &d.p.Sections[len(d.p.Sections)-1]
}

func (d *docParser) heading(h *ast.Heading) {
	si, bi := len(d.p.Sections), len(d.p.Blocks)
	d.p.Sections = append(d.p.Sections, Section{Index: si, First: bi})
	line := d.nodeLine(h)
	d.addBlock(KindHeading, "", line, h) // first, so that links in the heading are its own
	var b strings.Builder
	d.inline(h, &b, bi)
	txt := d.setText(bi, b.String())
	hd := Heading{Level: h.Level, Text: txt, Anchor: Slug(txt), Line: line, Section: si, Block: bi}
	d.p.Sections[si].Heading = hd
	d.p.Headings = append(d.p.Headings, hd)
}

// setText sets the text of block bi to raw without its surrounding spaces, and
// moves the ranges of its links by what was cut at the start.
func (d *docParser) setText(bi int, raw string) string {
	txt := strings.TrimSpace(raw)
	cut := len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
	for _, li := range d.p.Blocks[bi].Links {
		l := &d.p.Links[li]
		l.Start = min(max(l.Start-cut, 0), len(txt))
		l.End = min(max(l.End-cut, l.Start), len(txt))
	}
	d.p.Blocks[bi].Text = txt
	return txt
}

func (d *docParser) marker(n ast.Node, ids []string) {
	s := d.section()
	ln := d.nodeLine(n)
	if s.SourcesLine != 0 {
		d.problems = append(d.problems, Problem{Path: d.p.Path, Line: ln,
			Message: "a second sources marker in the same section: name all its sources in one marker"})
		return
	}
	// The marker belongs right under the heading: nothing between them.
	if s.End = len(d.p.Blocks); s.Heading.Block >= 0 && s.End > s.Heading.Block+1 {
		d.problems = append(d.problems, Problem{Path: d.p.Path, Line: ln,
			Message: "sources marker is not right under its heading: move it to the line after the heading"})
	}
	s.Sources, s.SourcesLine = ids, ln
}

// block adds a block (not a heading), and the blocks of lists nested in it.
func (d *docParser) block(n ast.Node, kind BlockKind) {
	idx := len(d.p.Blocks)
	d.addBlock(kind, "", d.nodeLine(n), n)
	var b strings.Builder
	var nested []ast.Node
	switch kind {
	case KindTable:
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
				if cell != row.FirstChild() {
					b.WriteString(" | ")
				}
				d.inline(cell, &b, idx)
			}
		}
	case KindCode:
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			b.Write(seg.Value(d.src))
		}
	default: // paragraph, list item, quote: the text of its paragraphs
		d.collect(n, &b, idx, &nested)
	}
	d.setText(idx, b.String())
	for _, l := range nested {
		d.walk(l)
	}
}

// collect gathers the text of the paragraphs inside n, and the lists nested in it.
func (d *docParser) collect(n ast.Node, b *strings.Builder, block int, nested *[]ast.Node) {
	if holdsInline(n) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		d.inline(n, b, block)
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() == ast.KindList && n.Kind() == ast.KindListItem {
			*nested = append(*nested, c)
			continue
		}
		d.collect(c, b, block, nested)
	}
}

func (d *docParser) addBlock(kind BlockKind, txt string, line int, n ast.Node) {
	s := d.section()
	s.End = len(d.p.Blocks) + 1
	d.blockNodes = append(d.blockNodes, n)
	d.p.Blocks = append(d.p.Blocks, Block{
		ID:      strconv.Itoa(s.Index) + "." + strconv.Itoa(len(d.p.Blocks)-s.First),
		Index:   len(d.p.Blocks),
		Section: s.Index,
		Kind:    kind,
		Text:    txt,
		Line:    line,
	})
}

// inline writes the plain text of n's inline content; links met on the way are
// recorded as links of the given block (none when block < 0).
func (d *docParser) inline(n ast.Node, b *strings.Builder, block int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(d.src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for g := c.FirstChild(); g != nil; g = g.NextSibling() {
				if t, ok := g.(*ast.Text); ok {
					b.Write(t.Segment.Value(d.src))
				}
			}
		case *ast.RawHTML:
			// not shown
		case *ast.AutoLink:
			b.Write(c.Label(d.src))
		case *ast.Link:
			var lt strings.Builder
			d.inline(c, &lt, -1)
			raw := lt.String()
			start := b.Len() + len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
			b.WriteString(raw)
			txt := strings.TrimSpace(raw)
			d.link(c, txt, block, start, start+len(txt))
		default:
			d.inline(c, b, block)
		}
	}
}

func (d *docParser) link(n *ast.Link, txt string, block, start, end int) {
	target := string(n.Destination)
	l := Link{Text: txt, Target: target, Line: d.nodeLine(n), Index: len(d.p.Links), Block: block, Start: start, End: end}
	if block < 0 && len(d.p.Blocks) > 0 {
		l.Block = len(d.p.Blocks) - 1 // a link in a heading belongs to the heading's block
	}
	if !l.External() {
		page, anchor, _ := strings.Cut(target, "#")
		page = strings.TrimSuffix(page, ".md")
		if page == "" {
			page = d.p.ID
		}
		l.Page, l.Anchor = page, anchor
	}
	d.p.Links = append(d.p.Links, l)
	d.linkNodes = append(d.linkNodes, n)
	if l.Block >= 0 && l.Block < len(d.p.Blocks) {
		d.p.Blocks[l.Block].Links = append(d.p.Blocks[l.Block].Links, l.Index)
	}
}

// finish closes the sections: their block ranges and plain text.
func (d *docParser) finish() {
	for i := range d.p.Sections {
		s := &d.p.Sections[i]
		s.Index = i
		if i+1 < len(d.p.Sections) {
			s.End = d.p.Sections[i+1].First
		} else {
			s.End = len(d.p.Blocks)
		}
		var b strings.Builder
		for _, bl := range d.p.Blocks[s.First:s.End] {
			if bl.Kind == KindHeading {
				continue
			}
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(bl.Text)
		}
		s.Text = b.String()
	}
}

// SectionOf returns the index of the section that holds block b, or -1.
func (p *Page) SectionOf(block int) int {
	if block < 0 || block >= len(p.Blocks) {
		return -1
	}
	return p.Blocks[block].Section
}

// BlockByID returns the index of the block with the given id, or -1.
func (p *Page) BlockByID(id string) int {
	for i := range p.Blocks {
		if p.Blocks[i].ID == id {
			return i
		}
	}
	return -1
}

// SectionByAnchor returns the index of the section whose heading has the anchor, or -1.
func (p *Page) SectionByAnchor(anchor string) int {
	for i := range p.Sections {
		if p.Sections[i].Heading.Anchor == anchor && p.Sections[i].Heading.Block >= 0 {
			return i
		}
	}
	return -1
}
