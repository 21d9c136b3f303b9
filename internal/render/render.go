// Package render turns pages into terminal text with Glamour, through a cache that
// many sessions can share.
//
// A page is drawn from the tree its document model was parsed into
// (library.Tree), in which every block starts with a zero-width mark naming it
// and every link's text sits between marks naming it. Glamour draws the tree as
// it draws any (glamourRender); newDoc then reads the drawn lines back with
// x/ansi's decoder: the line of each block's mark, the cells between each link's
// marks. The marks are removed from what is drawn.
package render

import (
	"bufio"
	"bytes"
	"container/list"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	xansi "github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	"github.com/cyberdiplo/cyberdiplo/third_party/glamour/ansi"
	"github.com/cyberdiplo/cyberdiplo/third_party/glamour/styles"
	"github.com/cyberdiplo/cyberdiplo/third_party/goldmark/ast"
	"github.com/cyberdiplo/cyberdiplo/third_party/goldmark/renderer"

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
	t, err := check(p, &width, style)
	if err != nil {
		return nil, err
	}
	var out string
	if isTimeline(p) {
		out, err = timeline(p, t, width, style)
	} else {
		out, err = glamourRender(t, nil, width, style)
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

// check checks what Render is asked for, and returns the page's tree.
func check(p *library.Page, width *int, style string) (*library.Tree, error) {
	*width = max(*width, 10)
	if !ValidStyle(style) {
		return nil, fmt.Errorf("unknown style %q", style)
	}
	if p.Depth > library.MaxNesting {
		return nil, fmt.Errorf("%s nests lists or quotes %d deep (at most %d): run cyberdiplo lint", p.Path, p.Depth, library.MaxNesting)
	}
	t := p.Tree()
	if t == nil {
		return nil, fmt.Errorf("%s has no document model (a page is drawn from library.Load)", p.Path)
	}
	return t, nil
}

// RenderTop renders the top of a page: its first top-level blocks, enough of
// them to fill lines rendered lines. Those lines are the lines Render draws at
// the top of the page, in a fraction of the time: the reader paints its first
// frame from them while the whole page renders. The Doc holds only the blocks
// and links drawn; Partial reports it.
func RenderTop(p *library.Page, width int, style string, lines int) (*Doc, error) {
	t, err := check(p, &width, style)
	if err != nil {
		return nil, err
	}
	if isTimeline(p) {
		return Render(p, width, style)
	}
	// Keep top-level nodes until they certainly fill the lines (each block takes
	// at least one line, and a line holds at most width characters), and one more:
	// the last lines of a cut document are its end, not the page's.
	blocks := map[ast.Node]int{} // blocks in each top-level node
	for i := range p.Blocks {
		n := t.Block(i)
		for n != nil && n.Parent() != t.Root() {
			n = n.Parent()
		}
		blocks[n]++
	}
	need := 0
	var cut ast.Node
	for n := t.Root().FirstChild(); n != nil; n = n.NextSibling() {
		if need > lines+2 {
			cut = n
			break
		}
		need += minLines(n, blocks[n], t.Source(), width) + 1
	}
	if cut == nil {
		return Render(p, width, style) // the whole page is short
	}
	out, err := glamourRender(t, cut, width, style)
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

// minLines is the fewest rendered lines a node holding a number of blocks can
// take at a width: one per block, and its text's length in lines.
func minLines(n ast.Node, blocks int, src []byte, width int) int {
	chars := 0
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			chars += utf8.RuneCount(t.Segment.Value(src))
		}
		return ast.WalkContinue, nil
	})
	return max(blocks, chars/max(width, 1))
}

// glamourRender draws a page's tree with Glamour, unmodified: its own node
// renderers (ansi.NewRenderer) driven over the tree, which already carries the
// marks of the page's blocks and links (library/tree.go). The top-level nodes
// from stop on are left out (nil: none). The tree is only read.
func glamourRender(t *library.Tree, stop ast.Node, width int, style string) (string, error) {
	r := ansi.NewRenderer(ansi.Options{WordWrap: width, Styles: styleConfig(style), InlineTableLinks: true})
	funcs := nodeRenderers{}
	r.RegisterFuncs(funcs)
	var out bytes.Buffer
	w := bufio.NewWriter(&out)
	src := t.Source()
	visit := func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f := funcs[n.Kind()]; f != nil {
			return f(w, src, n, entering)
		}
		return ast.WalkContinue, nil
	}
	// As goldmark's renderer.Render walks a document, but for stop.
	root := t.Root()
	if _, err := visit(root, true); err != nil {
		return "", err
	}
	for c := root.FirstChild(); c != nil && c != stop; c = c.NextSibling() {
		if err := ast.Walk(c, visit); err != nil {
			return "", err
		}
	}
	if _, err := visit(root, false); err != nil {
		return "", err
	}
	if err := w.Flush(); err != nil {
		return "", err
	}
	return out.String(), nil
}

// nodeRenderers collects the node renderers Glamour registers, by node kind.
type nodeRenderers map[ast.NodeKind]renderer.NodeRendererFunc

func (m nodeRenderers) Register(k ast.NodeKind, f renderer.NodeRendererFunc) { m[k] = f }

// styleConfig is the Glamour style of a style name. Links are underlined in
// every style but notty: it is how a reader tells them apart without colour.
// The ascii style draws ASCII only.
func styleConfig(style string) ansi.StyleConfig {
	var cfg ansi.StyleConfig
	switch style {
	case "dark":
		cfg = styles.DarkStyleConfig()
	case "light":
		cfg = styles.LightStyleConfig()
	case "ascii":
		cfg = styles.ASCIIStyleConfig()
		cfg.Item.BlockPrefix = "* "
	default:
		cfg = styles.NoTTYStyleConfig()
	}
	if style != "notty" {
		underline := true
		cfg.LinkText.Underline = &underline
	}
	return cfg
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
