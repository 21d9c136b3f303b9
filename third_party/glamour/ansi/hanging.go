package ansi

import (
	"io"
	"strings"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	"github.com/cyberdiplo/cyberdiplo/third_party/lipgloss"
)

// Hanging indent for list items (cyberdiplo patch 0003-hanging-indent): the
// lines of a wrapped item start under its text, not under its bullet.
//
// An item writes hangMark right after its bullet. When its list is wrapped,
// a line holding the mark is wrapped to the width left after the bullet, and
// its continuation lines are indented by the bullet's width. The mark is an
// APC string: it takes no cell, and it never leaves the list that wrote it.
const hangMark = "\x1b_glamour:hang\x1b\\"

// writeHangMark marks where an item's text starts.
func writeHangMark(w io.Writer) {
	_, _ = io.WriteString(w, hangMark)
}

// wrapHanging wraps a block's text to width, hanging the lines of marked items.
func wrapHanging(s string, width int, breakpoints string) string {
	if !strings.Contains(s, hangMark) {
		return lipgloss.Wrap(s, width, breakpoints)
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		head, rest, ok := strings.Cut(l, hangMark)
		rest = strings.ReplaceAll(rest, hangMark, "")
		hw := ansi.StringWidth(head)
		if !ok || hw*2 > width {
			// No item starts here, or its bullet would leave too little room.
			lines[i] = lipgloss.Wrap(head+rest, width, breakpoints)
			continue
		}
		body := lipgloss.Wrap(rest, width-hw, breakpoints)
		lines[i] = head + strings.ReplaceAll(body, "\n", "\n"+strings.Repeat(" ", hw))
	}
	return strings.Join(lines, "\n")
}
