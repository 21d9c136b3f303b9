package ansi

import (
	"html"
	"strings"
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

// htmlText returns the text of an HTML fragment, its entities decoded: tags,
// comments, declarations and the contents of <script> and <style> are dropped.
// A scan of the standard library's (cyberdiplo patch 0010-stdlib-html: x/net/html
// built its entity table at every start, 0.3 ms, for a tokenizer used only here).
func htmlText(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(html.UnescapeString(s))
			break
		}
		b.WriteString(html.UnescapeString(s[:i]))
		s = s[i:]
		switch {
		case strings.HasPrefix(s, "<!--"):
			s = after(s[4:], "-->")
		case len(s) > 1 && (s[1] == '!' || s[1] == '?' || s[1] == '/' && len(s) > 2 && isLetter(s[2])):
			s = after(s, ">") // a declaration, a processing instruction, an end tag
		case len(s) > 1 && isLetter(s[1]):
			name := tagName(s[1:])
			s = tagEnd(s)
			if isHidden(name) {
				// Raw text up to the element's end tag, any case.
				end := strings.Index(strings.ToLower(s), "</"+name)
				if end < 0 {
					return b.String()
				}
				s = after(s[end:], ">")
			}
		default: // a '<' that opens no tag is text
			b.WriteByte('<')
			s = s[1:]
		}
	}
	return b.String()
}

// after returns what follows the first sep in s, or "" when s has none.
func after(s, sep string) string {
	if _, rest, ok := strings.Cut(s, sep); ok {
		return rest
	}
	return ""
}

// tagEnd returns what follows the start tag at the start of s: the first '>'
// outside a quoted attribute value.
func tagEnd(s string) string {
	var quote byte
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return s[i+1:]
		}
	}
	return ""
}

// tagName is the lower-cased name at the start of s.
func tagName(s string) string {
	n := 0
	for n < len(s) && (isLetter(s[n]) || s[n] >= '0' && s[n] <= '9') {
		n++
	}
	return strings.ToLower(s[:n])
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isHidden(tag string) bool { return tag == "script" || tag == "style" }
