package render

import (
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// The timeline page is drawn as a timeline: years down an axis, each event beside
// its year with a marker in its forum's colour, wrapped to the width. Its Markdown
// is one "## YEAR" heading per year and one list item per event (docs/CONTENT.md);
// what comes before the first year is rendered as usual.

type event struct {
	text  string // as the reader sees it (links keep their text)
	forum string // page id of the event's first link
}

type year struct {
	label  string
	events []event
}

// isTimeline reports whether a page has the timeline's shape.
func isTimeline(p *library.Page) bool {
	if p.ID != "timeline" {
		return false
	}
	n := 0
	for _, h := range p.Headings {
		if h.Level == 2 {
			n++
		}
	}
	return n > 0
}

// parseTimeline splits the body into the text before the first year and the years.
func parseTimeline(body string) (string, []year) {
	lines := strings.Split(body, "\n")
	var intro []string
	var years []year
	for _, line := range lines {
		t := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(t, "## "):
			years = append(years, year{label: strings.TrimSpace(t[3:])})
		case len(years) == 0:
			intro = append(intro, line)
		case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* "):
			// Links are underlined, as Glamour draws them (see newRenderer).
			ev := event{text: library.StripInline(linkRE.ReplaceAllString(strings.TrimSpace(t[2:]), "\x1b[4m$1\x1b[24m"))}
			if m := linkRE.FindStringSubmatch(t); m != nil {
				ev.forum = strings.TrimSuffix(strings.SplitN(m[2], "#", 2)[0], ".md")
			}
			y := &years[len(years)-1]
			y.events = append(y.events, ev)
		case t != "" && len(years[len(years)-1].events) > 0:
			// a continuation line of the last event
			y := &years[len(years)-1]
			e := &y.events[len(y.events)-1]
			e.text += " " + library.StripInline(t)
		}
	}
	return strings.Join(intro, "\n"), years
}

// forumColours mark each forum's events; other pages get the accent.
var forumColours = map[string][2]string{ // dark, light
	"eu": {"#60A5FA", "#1D4ED8"}, "un": {"#38BDF8", "#0369A1"},
	"nato": {"#34D399", "#047857"}, "osce": {"#FBBF24", "#B45309"},
	"": {"#A5A3FF", "#5A56E0"},
}

// timeline renders the timeline page.
func timeline(p *library.Page, width int, style string) (string, error) {
	introMD, years := parseTimeline(p.Body)
	r, err := newRenderer(style, width)
	if err != nil {
		return "", err
	}
	intro, err := r.Render(Markdown(introMD))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(strings.TrimRight(intro, "\n"))
	b.WriteString("\n\n")
	b.WriteString(drawYears(years, width, style))
	return b.String(), nil
}

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
	colour := func(forum string) lipgloss.Style {
		s := lipgloss.NewStyle()
		if plain {
			return s
		}
		c, ok := forumColours[forum]
		if !ok {
			c = forumColours[""]
		}
		var col color.Color = lipgloss.Color(c[0])
		if style == "light" {
			col = lipgloss.Color(c[1])
		}
		return s.Foreground(col).Bold(true)
	}
	if !plain {
		axisStyle = axisStyle.Foreground(lipgloss.Color("#767690"))
	}
	var lines []string
	for yi, y := range years {
		if !inline {
			lines = append(lines, pad+yearStyle.Render(y.label))
		}
		for ei, ev := range y.events {
			wrapped := strings.Split(lipgloss.NewStyle().Width(textW).Render(ev.text), "\n")
			for li, w := range wrapped {
				w = strings.TrimRight(w, " ")
				var head string
				switch {
				case inline && ei == 0 && li == 0:
					head = pad + yearStyle.Render(padTo(y.label, labelW)) + " " + axisStyle.Render(tee)
				case li == 0:
					head = gutter + axisStyle.Render(tee)
				default:
					head = gutter + axisStyle.Render(axis) + "  "
				}
				if li == 0 {
					w = colour(ev.forum).Render(marker) + " " + w
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
