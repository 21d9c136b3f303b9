package tui

import (
	"strings"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
)

// tabSpan is where a tab was drawn on the tab bar, for mouse clicks.
type tabSpan struct{ index, x0, x1 int }

// tabBar draws the tab labels on one line of the given width. It never wraps: when
// the labels do not fit, it scrolls so that the active tab is visible (with ‹ › at
// the cut ends) and, if even that tab does not fit, shortens its label.
func tabBar(labels []string, active, width int, lk look) (string, []tabSpan) {
	st := lk.st
	if width <= 0 || len(labels) == 0 {
		return "", nil
	}
	cells := make([]int, len(labels))
	total := 0
	for i, l := range labels {
		cells[i] = ansi.StringWidth(l) + 2 // one space each side
		total += cells[i]
	}
	start, end := 0, len(labels) // visible tabs: [start, end)
	if total > width {
		// Grow a window around the active tab, leaving room for the arrows.
		room := width - 2
		start, end = active, active+1
		used := cells[active]
		for {
			grown := false
			if end < len(labels) && used+cells[end] <= room {
				used += cells[end]
				end++
				grown = true
			}
			if start > 0 && used+cells[start-1] <= room {
				start--
				used += cells[start]
				grown = true
			}
			if !grown {
				break
			}
		}
	}
	var b strings.Builder
	var spans []tabSpan
	x := 0
	if start > 0 {
		b.WriteString(st.TabArrow.Render(lk.text("‹")))
		x++
	}
	for i := start; i < end; i++ {
		label := labels[i]
		avail := width - x - 1
		if end < len(labels) {
			avail--
		}
		if ansi.StringWidth(label)+2 > avail {
			label = ansi.Truncate(label, max(avail-2, 1), lk.text("…"))
		}
		cell := " " + label + " "
		w := ansi.StringWidth(cell)
		if x+w > width {
			break
		}
		style := st.Tab
		if i == active {
			style = st.ActiveTab
			open, close := " ", " "
			if lk.plain {
				open, close = "[", "]" // the active tab without colour
			}
			cell = open + style.Render(label) + close
		} else {
			cell = style.Render(cell)
		}
		spans = append(spans, tabSpan{index: i, x0: x, x1: x + w})
		b.WriteString(cell)
		x += w
	}
	if end < len(labels) && x < width {
		b.WriteString(strings.Repeat(" ", max(width-x-1, 0)))
		b.WriteString(st.TabArrow.Render(lk.text("›")))
	}
	return ansi.Truncate(b.String(), width, ""), spans
}
