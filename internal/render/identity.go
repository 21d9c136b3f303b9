package render

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
	gansi "github.com/cyberdiplo/cyberdiplo/third_party/glamour/ansi"
)

// How the identity of blocks and links survives rendering.
//
// The page's goldmark tree is numbered exactly as the document model numbers it
// (library/doc.go: blocks and links in the same walk), then rendered by Glamour
// with an Identify hook (third_party/glamour/patches/0002-identity.patch):
//   - each block starts with a zero-width mark, an APC string naming it
//     (blockMark), written on the line the block begins on;
//   - each link's text is drawn inside an OSC 8 hyperlink to linkURL(i), and its
//     target is not printed;
//   - sources markers ("<!-- sources: ... -->") are not drawn at all.
//
// newDoc then reads the rendered lines back with ultraviolet's cell parser (which
// uses x/ansi): the line of each block's mark, and the cells of each link. Marks
// and hyperlinks are removed from what is drawn.

const (
	blockMarkPrefix = "cyberdiplo:block/"
	linkURLPrefix   = "cyberdiplo:link/"
)

// blockMark is the zero-width mark written at the start of block i.
func blockMark(i int) string {
	return "\x1b_" + blockMarkPrefix + strconv.Itoa(i) + "\x1b\\"
}

// linkURL is the hyperlink target drawn around link i.
func linkURL(i int) string { return linkURLPrefix + strconv.Itoa(i) }

// markedBlock returns the block an APC string's data names, or -1.
func markedBlock(data []byte) int {
	id, ok := strings.CutPrefix(string(data), blockMarkPrefix)
	if !ok {
		return -1
	}
	b, err := strconv.Atoi(id)
	if err != nil {
		return -1
	}
	return b
}

// linkOf returns the index of the link a hyperlink target names, or -1.
func linkOf(url string) int {
	id, ok := strings.CutPrefix(url, linkURLPrefix)
	if !ok {
		return -1
	}
	i, err := strconv.Atoi(id)
	if err != nil {
		return -1
	}
	return i
}

// numbering is the document model's numbering of one goldmark tree: which node
// is block i, which is link i, and which nodes are sources markers.
type numbering struct {
	blocks  []ast.Node
	links   []ast.Node
	blockOf map[ast.Node]int
	linkOf  map[ast.Node]int
	markers map[ast.Node]bool
}

// number walks the tree as library.parseDoc does (walk, block, collect, inline),
// so that block i and link i here are Page.Blocks[i] and Page.Links[i].
// TestNumberingMatchesTheModel holds the two walks together.
func number(root ast.Node, src []byte) *numbering {
	n := &numbering{blockOf: map[ast.Node]int{}, linkOf: map[ast.Node]int{}, markers: map[ast.Node]bool{}}
	n.walk(root, src)
	return n
}

func (n *numbering) walk(node ast.Node, src []byte) {
	for c := node.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := library.SourcesMarker(c, src); ok {
			n.markers[c] = true
			continue
		}
		kind, ok := library.BlockKindOf(c)
		if !ok {
			n.walk(c, src)
			continue
		}
		n.addBlock(c)
		switch kind {
		case library.KindHeading:
			n.inline(c)
		case library.KindTable:
			for row := c.FirstChild(); row != nil; row = row.NextSibling() {
				for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
					n.inline(cell)
				}
			}
		case library.KindCode:
		default:
			var nested []ast.Node
			n.collect(c, &nested)
			for _, l := range nested {
				n.walk(l, src)
			}
		}
	}
}

func (n *numbering) addBlock(c ast.Node) {
	n.blockOf[c] = len(n.blocks)
	n.blocks = append(n.blocks, c)
}

// collect visits the inline content of a block's paragraphs, and gathers the
// lists nested in its items (their items are blocks of their own, after it).
func (n *numbering) collect(node ast.Node, nested *[]ast.Node) {
	if library.HoldsInline(node) {
		n.inline(node)
		return
	}
	for c := node.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() == ast.KindList && node.Kind() == ast.KindListItem {
			*nested = append(*nested, c)
			continue
		}
		n.collect(c, nested)
	}
}

// inline numbers the links among node's inline children, in the model's order.
func (n *numbering) inline(node ast.Node) {
	for c := node.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.Text, *ast.String, *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink:
		case *ast.Link:
			n.inline(c)
			n.linkOf[c] = len(n.links)
			n.links = append(n.links, c)
		default:
			n.inline(c)
		}
	}
}

// identify is the Identify hook given to Glamour.
func (n *numbering) identify(node ast.Node) gansi.Identity {
	if n.markers[node] {
		return gansi.Identity{Skip: true}
	}
	var id gansi.Identity
	if b, ok := n.blockOf[node]; ok {
		id.Mark = blockMark(b)
	}
	if l, ok := n.linkOf[node]; ok {
		id.LinkURL = linkURL(l)
	} else if node.Kind() == ast.KindLink {
		// A link the model does not number (none in valid content): its text
		// is drawn, its target is not, and it is not followed.
		id.LinkURL = linkURLPrefix + "none"
	}
	return id
}
