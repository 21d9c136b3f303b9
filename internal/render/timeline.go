package render

import (
	"image/color"
	"strings"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	"github.com/cyberdiplo/cyberdiplo/third_party/goldmark/ast"
	"github.com/cyberdiplo/cyberdiplo/third_party/lipgloss"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// The timeline page is drawn as a timeline: years down an axis, each event beside
// its year with a marker in its forum's colour, wrapped to the width. Its shape
// comes from the document model: each section opened by a level-2 heading is a
// year (the heading is its label), each block under it an event, in the colour
// of the page its first link leads to (that page's front matter "colour"). What comes before the first year is drawn by
// Glamour. Years and events carry their block marks, and links their marks
// (library/tree.go), like every other page.

type event struct {
	block  int
	text   string         // styled, with its block's and its links' marks
	colour library.Colour // of the page its first link leads to; zero: the accent
}

type year struct {
	block  int
	label  string
	events []event
}

// isTimeline reports whether a page is the timeline (its front matter says so)
// and has its shape.
func isTimeline(p *library.Page) bool {
	if p.Kind != library.PageTimeline {
		return false
	}
	for _, h := range p.Headings {
		if h.Level == 2 {
			return true
		}
	}
	return false
}

// timeline renders the timeline page.
func timeline(p *library.Page, t *library.Tree, width int, style string) (string, error) {
	var years []year
	var firstYear ast.Node
	link := lipgloss.NewStyle()
	if style != "notty" {
		link = link.Underline(true)
	}
	for _, s := range p.Sections {
		if t.Block(s.Heading.Block) == nil {
			continue
		}
		if s.Heading.Level == 2 {
			if firstYear == nil {
				firstYear = t.Block(s.Heading.Block)
			}
			years = append(years, year{block: s.Heading.Block, label: s.Heading.Text})
		}
		if len(years) == 0 {
			continue
		}
		y := &years[len(years)-1]
		for b := s.First; b < s.End && t.Block(b) != nil; b++ {
			if p.Blocks[b].Kind == library.KindHeading {
				continue
			}
			ev := event{block: b, text: inlineText(t.Block(b), t.Source(), link)}
			if ls := p.Blocks[b].Links; len(ls) > 0 {
				ev.colour = p.Links[ls[0]].Colour
			}
			y.events = append(y.events, ev)
		}
	}
	// Glamour draws what comes before the first year.
	var stop ast.Node
	if firstYear != nil && firstYear.Parent() == t.Root() {
		stop = firstYear
	}
	intro, err := glamourRender(t, stop, width, style)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(strings.TrimRight(intro, "\n"))
	b.WriteString("\n\n")
	b.WriteString(drawYears(years, width, style))
	return b.String(), nil
}

// inlineText is the text of a block's inline content as drawn on the timeline:
// plain, with its marks, and links in the link style.
func inlineText(node ast.Node, src []byte, link lipgloss.Style) string {
	var b strings.Builder
	var walk func(n ast.Node, inLink bool)
	walk = func(n ast.Node, inLink bool) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				t := string(c.Segment.Value(src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					t += " "
				}
				if inLink {
					t = styleAroundMarks(t, link)
				}
				b.WriteString(t)
			case *ast.String:
				b.Write(c.Value)
			case *ast.CodeSpan:
				walk(c, inLink)
			case *ast.RawHTML, *ast.List:
				// not drawn (a nested list's items are blocks of their own)
			case *ast.AutoLink:
				b.Write(c.Label(src))
			case *ast.Link:
				walk(c, true)
			default:
				if c.Type() == ast.TypeBlock && b.Len() > 0 {
					b.WriteByte(' ')
				}
				walk(c, inLink)
			}
		}
	}
	walk(node, false)
	return strings.TrimSpace(b.String())
}

// styleAroundMarks draws the text of s in a style, and its marks (zero-width
// APC strings, library/tree.go) as they are: a style's escape sequences must not
// land inside a mark.
func styleAroundMarks(s string, st lipgloss.Style) string {
	var b strings.Builder
	for s != "" {
		i := strings.Index(s, "\x1b_")
		if i < 0 {
			b.WriteString(st.Render(s))
			break
		}
		j := strings.Index(s[i:], "\x1b\\")
		if j < 0 {
			b.WriteString(st.Render(s))
			break
		}
		if i > 0 {
			b.WriteString(st.Render(s[:i]))
		}
		b.WriteString(s[i : i+j+2])
		s = s[i+j+2:]
	}
	return b.String()
}

// accent marks the events that lead to a page without a colour.
var accent = library.Colour{Dark: "#A5A3FF", Light: "#5A56E0"}

// drawYears draws the axis. Plain styles (ascii, notty) use ASCII only and no colour.
func drawYears(years []year, width int, style string) string {
	plain := style == "ascii" || style == "notty"
	axis, marker, tee := "│", "●", "├─ "
	if plain {
		axis, marker, tee = "|", "*", "+- "
	}
	labelW := 4
	for _, y := range years {
		labelW = max(labelW, ansi.StringWidth(y.label))
	}
	const margin = 2
	// "  2021-2025 ├─ ● text"; narrow windows put the year on its own line.
	inline := width-margin-labelW-5 >= 24
	textW := width - margin - 5
	if inline {
		textW -= labelW + 1
	}
	textW = max(textW, 8)
	pad := strings.Repeat(" ", margin)
	gutter := pad + strings.Repeat(" ", labelW+1)
	if !inline {
		gutter = pad
	}
	yearStyle := lipgloss.NewStyle().Bold(true)
	axisStyle := lipgloss.NewStyle()
	colour := func(c library.Colour) lipgloss.Style {
		s := lipgloss.NewStyle()
		if plain {
			return s
		}
		if c.IsZero() {
			c = accent
		}
		var col color.Color = lipgloss.Color(c.Dark)
		if style == "light" {
			col = lipgloss.Color(c.Light)
		}
		return s.Foreground(col).Bold(true)
	}
	if !plain {
		axisStyle = axisStyle.Foreground(lipgloss.Color("#767690"))
	}
	var lines []string
	for yi, y := range years {
		label := library.Mark(library.BlockMark, y.block) + yearStyle.Render(y.label)
		if !inline {
			lines = append(lines, pad+label)
		}
		if len(y.events) == 0 && inline {
			lines = append(lines, pad+label)
		}
		for ei, ev := range y.events {
			wrapped := strings.Split(lipgloss.Wrap(ev.text, textW, ""), "\n")
			for li, w := range wrapped {
				w = strings.TrimRight(w, " ")
				var head string
				switch {
				case inline && ei == 0 && li == 0:
					head = pad + library.Mark(library.BlockMark, y.block) + yearStyle.Render(padTo(y.label, labelW)) + " " + axisStyle.Render(tee)
				case li == 0:
					head = gutter + axisStyle.Render(tee)
				default:
					head = gutter + axisStyle.Render(axis) + "  "
				}
				if li == 0 {
					w = colour(ev.colour).Render(marker) + " " + w // w starts with the event's mark
				} else {
					w = "  " + w
				}
				lines = append(lines, head+w)
			}
		}
		if yi < len(years)-1 {
			lines = append(lines, gutter+axisStyle.Render(axis))
		}
	}
	return strings.Join(lines, "\n")
}

func padTo(s string, w int) string {
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}
