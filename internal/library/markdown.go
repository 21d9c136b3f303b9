package library

import (
	"regexp"
	"strings"
)

// linkRE matches an inline Markdown link: [text](target).
var linkRE = regexp.MustCompile(`\[([^\]]*)\]\(([^)\s]*)\)`)

// numberRE matches a run of digits.
var numberRE = regexp.MustCompile(`[0-9]+`)

// Heading is one ATX heading of a page.
type Heading struct {
	Level  int    // 1 for "#", 2 for "##", ...
	Text   string // as a reader sees it (inline Markdown removed)
	Anchor string // Slug(Text)
	Line   int    // 1-based line in the file
}

// Link is one link of a page to a page or a heading.
type Link struct {
	Text   string // what the reader sees
	Target string // as written: "un.md#key-facts", "#key-facts", "un.md"
	Page   string // target page id ("" when the target is not a page of this library)
	Anchor string // target heading's anchor, or ""
	Line   int    // 1-based line in the file
	Index  int    // order among the page's links, from 0
}

// External reports whether the link points outside the briefing (a URL).
func (l Link) External() bool {
	return strings.Contains(l.Target, "://") || strings.HasPrefix(l.Target, "mailto:")
}

// scanBody finds the headings and links of a Markdown body. firstLine is the file
// line of the body's first line. Fenced code blocks are skipped.
func scanBody(body string, firstLine int, pageID string) ([]Heading, []Link) {
	var heads []Heading
	var links []Link
	fenced := false
	for i, line := range strings.Split(body, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		lineNo := firstLine + i
		if lvl := headingLevel(line); lvl > 0 {
			text := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(line[lvl:]), "#"))
			text = StripInline(text)
			heads = append(heads, Heading{Level: lvl, Text: text, Anchor: Slug(text), Line: lineNo})
		}
		for _, m := range linkRE.FindAllStringSubmatch(line, -1) {
			l := Link{Text: StripInline(m[1]), Target: m[2], Line: lineNo, Index: len(links)}
			if !l.External() {
				page, anchor, _ := strings.Cut(m[2], "#")
				page = strings.TrimSuffix(page, ".md")
				if page == "" {
					page = pageID
				}
				l.Page, l.Anchor = page, anchor
			}
			links = append(links, l)
		}
	}
	return heads, links
}

// headingLevel returns the level of an ATX heading line, or 0.
func headingLevel(line string) int {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	if n == 0 || n > 6 {
		return 0
	}
	if n < len(line) && line[n] != ' ' {
		return 0
	}
	return n
}

// numbersOutsideLinks returns the digit runs of a line, leaving out link targets.
func numbersOutsideLinks(line string) []string {
	line = linkRE.ReplaceAllString(line, "$1")
	return numberRE.FindAllString(line, -1)
}
