package ansi

import (
	"strings"

	"golang.org/x/net/html"
)

// RenderContext holds the current rendering options and state.
type RenderContext struct {
	options Options

	blockStack *BlockStack
	table      *TableElement
}

// NewRenderContext returns a new RenderContext.
func NewRenderContext(options Options) RenderContext {
	return RenderContext{
		options:    options,
		blockStack: &BlockStack{},
		table:      &TableElement{},
	}
}

// SanitizeHTML sanitizes HTML content: it keeps the text of the HTML and drops
// its tags, comments, and the content of scripts and styles, as bluemonday's
// strict policy did (cyberdiplo patch 0005-no-bluemonday: bluemonday and its CSS
// parser took ~2 ms of package initialisation at every start, and a policy was
// built for every renderer).
func (ctx RenderContext) SanitizeHTML(s string, trimSpaces bool) string {
	s = htmlText(s)
	if trimSpaces {
		s = strings.TrimSpace(s)
	}

	return s
}

// htmlText returns the text of an HTML fragment, its entities decoded.
func htmlText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	hidden := 0 // inside <script> or <style>
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if hidden == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken:
			if name, _ := z.TagName(); isHidden(name) {
				hidden++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); isHidden(name) && hidden > 0 {
				hidden--
			}
		}
	}
}

func isHidden(tag []byte) bool {
	return string(tag) == "script" || string(tag) == "style"
}
