package library

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cyberdiplo/cyberdiplo/third_party/goldmark/ast"
)

// treeText is the text of a page's tree as a renderer reads it, marks included.
func treeText(tr *Tree) string {
	var b strings.Builder
	_ = ast.Walk(tr.Root(), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(tr.Source()))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func onePage(t *testing.T, body string) *Page {
	t.Helper()
	src := "---\nid: one\ntitle: T\ntab: T\norder: 1\nupdated: 2026-03\nsources:\n  - X\n---\n\n" + body
	l, err := Load(fstest.MapFS{"en/one.md": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	return l.Page("en", "one")
}

// The space between a day and a month is a no-break space in the tree drawn,
// whether goldmark kept the date in one text node or cut it (after an autolink).
func TestDatesAreKeptTogether(t *testing.T) {
	p := onePage(t, "On 12 March 2021, in March, 2019 marzo, 123 May, v1 june and 5 maggio.\n\nSee www.example.org 4 June.\n")
	got := ansiFree(treeText(p.Tree()))
	for _, want := range []string{
		"On 12\u00a0March 2021, in March, 2019 marzo, 123 May, v1 june and 5\u00a0maggio.",
		" 4\u00a0June.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("got  %q\nwant %q in it", got, want)
		}
	}
	if strings.Contains(p.Blocks[0].Text, "\u00a0") {
		t.Errorf("the model's text has a no-break space: %q", p.Blocks[0].Text)
	}
}

// ansiFree drops the marks (APC strings) from s.
func ansiFree(s string) string {
	for {
		i := strings.Index(s, "\x1b_")
		if i < 0 {
			return s
		}
		j := strings.Index(s[i:], "\x1b\\")
		if j < 0 {
			return s
		}
		s = s[:i] + s[i+j+2:]
	}
}

// Every block and every link is marked in the tree, in the model's order, and
// sources markers are gone from it.
func TestTreeCarriesTheModel(t *testing.T) {
	p := onePage(t, "# T\n<!-- sources: a -->\n\nText [a](#t) and [b c](x.md).\n\n- item\n\n| h [d](#t) | x |\n|---|---|\n| y | z |\n\n```\ncode\n```\n")
	tr := p.Tree()
	txt := treeText(tr)
	if strings.Contains(txt, "sources:") {
		t.Errorf("a sources marker is left in the tree")
	}
	_ = ast.Walk(tr.Root(), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Kind() == ast.KindHTMLBlock {
			t.Errorf("an HTML block is left in the tree")
		}
		return ast.WalkContinue, nil
	})
	var kinds []MarkKind
	var ids []int
	for s := txt; ; {
		i := strings.Index(s, "\x1b_")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "\x1b\\")
		k, id := ReadMark([]byte(s[i+2 : i+j]))
		kinds, ids = append(kinds, k), append(ids, id)
		s = s[i+j+2:]
	}
	blocks, links := 0, map[int]bool{}
	for i, k := range kinds {
		switch k {
		case BlockMark:
			if ids[i] != blocks {
				t.Errorf("block mark %d where block %d was due", ids[i], blocks)
			}
			blocks++
		case LinkStart:
			links[ids[i]] = true
			if i+1 >= len(kinds) || kinds[i+1] != LinkEnd {
				t.Errorf("link %d's start mark is not closed", ids[i])
			}
		case NoMark:
			t.Errorf("an unknown mark")
		}
	}
	// The code block's mark is in its lines, not in a text node.
	if blocks != len(p.Blocks)-1 || len(links) != len(p.Links) {
		t.Errorf("%d block marks and %d links marked; the model has %d blocks (one of code) and %d links", blocks, len(links), len(p.Blocks), len(p.Links))
	}
	code := tr.Block(len(p.Blocks) - 1)
	first := code.Lines().At(0)
	if code.Kind() != ast.KindFencedCodeBlock || !strings.HasPrefix(string(first.Value(tr.Source())), Mark(BlockMark, len(p.Blocks)-1)) {
		t.Errorf("the code block is not marked")
	}
}
