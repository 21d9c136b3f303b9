package library

import (
	"strings"

	"github.com/cyberdiplo/cyberdiplo/third_party/goldmark/ast"
)

// PublicMarkdown is Markdown as show --format markdown prints it: the source
// without the briefing's internal sources markers ("<!-- sources: a b -->"), which
// say what a section rests on to cyberdiplo and would be noise to anyone else
// (--format json and --cite say it in the open). Markers are found by goldmark,
// as the renderer finds them, so a marker-like line in a code block stays.
func PublicMarkdown(md string) string {
	src := []byte(md)
	doc := parseMarkdown(src)
	var cuts [][2]int
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if _, ok := sourcesMarker(n, src); ok {
			h := n.(*ast.HTMLBlock)
			if h.Lines().Len() == 0 {
				return ast.WalkSkipChildren, nil
			}
			from, to := h.Lines().At(0).Start, h.Lines().At(h.Lines().Len()-1).Stop
			if h.HasClosure() {
				to = max(to, h.ClosureLine.Stop)
			}
			// The line end too, and the blank line after when one comes before.
			if to < len(src) && src[to] == '\n' && (to == 0 || src[to-1] != '\n') {
				to++
			}
			if from >= 2 && src[from-1] == '\n' && src[from-2] == '\n' && to < len(src) && src[to] == '\n' {
				to++
			}
			cuts = append(cuts, [2]int{from, to})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if len(cuts) == 0 {
		return md
	}
	var b strings.Builder
	prev := 0
	for _, c := range cuts {
		if c[0] < prev {
			continue
		}
		b.Write(src[prev:c[0]])
		prev = c[1]
	}
	b.Write(src[prev:])
	return strings.TrimSpace(b.String())
}
