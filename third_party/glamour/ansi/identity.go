package ansi

import "github.com/yuin/goldmark/ast"

// Identity is what a caller asks the renderer to keep of one node, so that the
// node can be found in the rendered text (cyberdiplo patch 0002-identity).
type Identity struct {
	// Mark is written where the node's own content starts, on the line the node
	// begins on: before a list item's bullet, after a heading's or a
	// paragraph's prefix. It must take no cell (an escape sequence); it is
	// written as it is, without style.
	Mark string
	// Skip draws nothing for the node and its children.
	Skip bool
	// LinkURL, for a link, is the URL of the OSC 8 hyperlink drawn around the
	// link's text in place of its destination; the destination is then not
	// printed after the text.
	LinkURL string
}

// identify asks the caller's Identify option about a node.
func (ctx RenderContext) identify(n ast.Node) Identity {
	if ctx.options.Identify == nil {
		return Identity{}
	}
	return ctx.options.Identify(n)
}

// pushesBlock reports whether an element's renderer opens a block buffer of its
// own: a node's mark then goes into that buffer, after the block's prefix.
func pushesBlock(r ElementRenderer) bool {
	switch r.(type) {
	case *BlockElement, *HeadingElement, *ParagraphElement:
		return true
	}
	return false
}
