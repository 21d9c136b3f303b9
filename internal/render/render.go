// Package render turns pages into terminal text with Glamour, through a cache that
// many sessions can share.
package render

import (
	"container/list"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	xansi "github.com/charmbracelet/x/ansi"
	"github.com/cyberdiplo/cyberdiplo/third_party/glamour"
	"github.com/cyberdiplo/cyberdiplo/third_party/glamour/ansi"
	"github.com/cyberdiplo/cyberdiplo/third_party/glamour/styles"
	"github.com/yuin/goldmark/ast"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// Styles are the Glamour styles a page can be drawn in. "notty" is the one for plain
// output (no colour, no decoration that needs a terminal).
func Styles() []string { return []string{"dark", "light", "ascii", "notty"} }

// ValidStyle reports whether s is one of Styles.
func ValidStyle(s string) bool {
	for _, st := range Styles() {
		if st == s {
			return true
		}
	}
	return false
}

// MaxWidth caps the reading width: lines longer than this are tiring to read.
const MaxWidth = 100

// Page renders a page at a width (columns, margins included) in a style, as
// text. It is slow (milliseconds): call it through a Cache, off the UI loop.
func Page(p *library.Page, width int, style string) (string, error) {
	d, err := Render(p, width, style)
	if err != nil {
		return "", err
	}
	return d.Text, nil
}

// Render renders a page into a Doc: its lines, and where each block and link
// was drawn. Slow (milliseconds): call it through a Cache, off the UI loop.
func Render(p *library.Page, width int, style string) (*Doc, error) {
	if width < 10 {
		width = 10
	}
	if !ValidStyle(style) {
		return nil, fmt.Errorf("unknown style %q", style)
	}
	if p.Depth > library.MaxNesting {
		return nil, fmt.Errorf("%s nests lists or quotes %d deep (at most %d): run cyberdiplo lint", p.Path, p.Depth, library.MaxNesting)
	}
	src := keepDatesTogether([]byte(p.Body))
	root := library.ParseMarkdown(src)
	num := number(root, src)
	var out string
	var err error
	if isTimeline(p) {
		out, err = timeline(p, root, src, num, width, style)
	} else {
		out, err = glamourRender(root, src, num, width, style)
	}
	if err != nil {
		return nil, err
	}
	d := newDoc(p, strings.Trim(out, "\n"))
	if style == "notty" {
		// Plain output: not a single escape sequence.
		d.Lines = d.Plain
		d.Text = strings.Join(d.Lines, "\n")
	}
	return d, nil
}

// RenderTop renders the top of a page: its first top-level blocks, enough of
// them to fill lines rendered lines. Those lines are the lines Render draws at
// the top of the page, in a fraction of the time: the reader paints its first
// frame from them while the whole page renders. The Doc holds only the blocks
// and links drawn; Partial reports it.
func RenderTop(p *library.Page, width int, style string, lines int) (*Doc, error) {
	if width < 10 {
		width = 10
	}
	if !ValidStyle(style) {
		return nil, fmt.Errorf("unknown style %q", style)
	}
	if isTimeline(p) || p.Depth > library.MaxNesting {
		return Render(p, width, style)
	}
	src := keepDatesTogether([]byte(p.Body))
	root := library.ParseMarkdown(src)
	num := number(root, src)
	// Keep top-level nodes until they certainly fill the lines (each block takes
	// at least one line, and a line holds at most width characters), and one more:
	// the last lines of a cut document are its end, not the page's.
	need, kept := 0, 0
	var cut ast.Node
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if need > lines+2 {
			cut = n
			break
		}
		need += minLines(n, src, width) + 1
		kept++
	}
	if cut == nil {
		return Render(p, width, style) // the whole page is short
	}
	for n := cut; n != nil; {
		next := n.NextSibling()
		root.RemoveChild(root, n)
		n = next
	}
	out, err := glamourRender(root, src, num, width, style)
	if err != nil {
		return nil, err
	}
	d := newDoc(p, strings.Trim(out, "\n"))
	if len(d.Lines) < lines+1 {
		return Render(p, width, style) // a wrong guess: do it all
	}
	// The last lines of a cut document close it (margins): not the page's.
	d.cut(lines)
	if style == "notty" {
		d.Lines = d.Plain
	}
	return d, nil
}

// minLines is the fewest rendered lines a node can take at a width: one per
// block in it, and its text's length in lines.
func minLines(n ast.Node, src []byte, width int) int {
	blocks, chars := 0, 0
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if _, ok := library.BlockKindOf(c); ok {
			blocks++
		}
		if t, ok := c.(*ast.Text); ok {
			chars += utf8.RuneCount(t.Segment.Value(src))
		}
		return ast.WalkContinue, nil
	})
	return max(blocks, chars/max(width, 1))
}

// glamourRender renders a parsed page with Glamour, marking its blocks and links.
func glamourRender(root ast.Node, src []byte, num *numbering, width int, style string) (string, error) {
	r, err := newRenderer(style, width, num)
	if err != nil {
		return "", err
	}
	out, err := r.RenderNode(root, src)
	return string(out), err
}

// newRenderer returns a Glamour renderer for a style and width that marks the
// numbered blocks and links. Links are underlined in every style but notty: it is
// how a reader tells them apart without colour. The ascii style draws ASCII only.
func newRenderer(style string, width int, num *numbering) (*glamour.TermRenderer, error) {
	var cfg ansi.StyleConfig
	switch style {
	case "dark":
		cfg = styles.DarkStyleConfig
	case "light":
		cfg = styles.LightStyleConfig
	case "ascii":
		cfg = styles.ASCIIStyleConfig
		cfg.Item.BlockPrefix = "* "
	default:
		cfg = styles.NoTTYStyleConfig
	}
	if style != "notty" {
		underline := true
		cfg.LinkText.Underline = &underline
	}
	return glamour.NewTermRenderer(glamour.WithStyles(cfg), glamour.WithWordWrap(width),
		glamour.WithInlineTableLinks(true), glamour.WithIdentify(num.identify))
}

// Plain removes every escape sequence (colours, OSC 8 links) and the spaces Glamour
// pads lines with.
func Plain(s string) string {
	s = xansi.Strip(s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

type key struct {
	lang, id, style string
	width           int
}

type entry struct {
	key  key
	done chan struct{}
	doc  *Doc
	err  error
}

// Cache remembers rendered pages by (language, page, width, style). It is safe for
// concurrent use: many callers asking for the same page at once cost one render.
// It holds at most max entries, forgetting the least recently used.
type Cache struct {
	mu    sync.Mutex
	max   int
	items map[key]*list.Element
	lru   *list.List
	// Renders counts the renders actually done (for tests and benchmarks).
	renders int
	hits    int // Render calls answered from the cache (for the kiosk's metrics)
}

// NewCache returns a cache holding at most max rendered pages (a page at one width
// in one style is about 10-40 KB).
func NewCache(max int) *Cache {
	if max < 1 {
		max = 1
	}
	return &Cache{max: max, items: map[key]*list.Element{}, lru: list.New()}
}

// Render returns the page rendered at width in style, from the cache when it can.
func (c *Cache) Render(p *library.Page, width int, style string) (*Doc, error) {
	k := key{lang: p.Lang, id: p.ID, style: style, width: width}
	c.mu.Lock()
	if el, ok := c.items[k]; ok {
		c.lru.MoveToFront(el)
		c.hits++
		e := el.Value.(*entry)
		c.mu.Unlock()
		<-e.done
		return e.doc, e.err
	}
	e := &entry{key: k, done: make(chan struct{})}
	c.items[k] = c.lru.PushFront(e)
	c.renders++
	for c.lru.Len() > c.max {
		old := c.lru.Back()
		c.lru.Remove(old)
		delete(c.items, old.Value.(*entry).key)
	}
	c.mu.Unlock()

	e.doc, e.err = Render(p, width, style)
	close(e.done)
	if e.err != nil {
		c.mu.Lock()
		if el, ok := c.items[k]; ok && el.Value == e {
			c.lru.Remove(el)
			delete(c.items, k)
		}
		c.mu.Unlock()
	}
	return e.doc, e.err
}

// Cached returns a finished render, or nil, without waiting for one.
func (c *Cache) Cached(p *library.Page, width int, style string) *Doc {
	k := key{lang: p.Lang, id: p.ID, style: style, width: width}
	c.mu.Lock()
	el, ok := c.items[k]
	c.mu.Unlock()
	if !ok {
		return nil
	}
	e := el.Value.(*entry)
	select {
	case <-e.done:
		return e.doc
	default:
		return nil
	}
}

// Hits returns how many Render calls the cache answered without rendering.
func (c *Cache) Hits() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits
}

// Renders returns how many renders the cache has done.
func (c *Cache) Renders() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.renders
}
