package tui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"
)

// Copy with citation: c copies the passage at the top of the view (the block, or
// the whole section when the block is a heading) as plain text, followed by the
// citation line `show --cite` prints. In the search box and the outline, where
// letters are typed or pick, Ctrl+Y copies the selected section.
//
// The copy travels as a CopyMsg: the reader answers it with Bubble Tea's OSC 52
// clipboard command (the local terminal's clipboard), and the SSH kiosk, which
// draws frames itself, writes the same OSC 52 sequence to the visitor, whose own
// terminal puts it in their clipboard.

// MaxCopy bounds what one copy sends (bytes): OSC 52 payloads are base64, and
// terminals refuse large ones (xterm's default limit is about 100 KB). The
// briefing's longest section is a few KB.
const MaxCopy = 64 << 10

// CopyMsg asks for Text to be put in the clipboard.
type CopyMsg struct {
	Text  string
	Where string // page › heading, for the status bar
	Note  string // what the status bar says instead ("" : "copied: Where, n characters")
}

// copyText sends what the session gave to copy, cut to MaxCopy.
func (m *Model) copyText(text, where string, ok bool) tea.Cmd {
	if !ok {
		m.bar.note = m.s.Tools.NothingCopy
		return nil
	}
	if len(text) > MaxCopy {
		cut := MaxCopy
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	msg := CopyMsg{Text: text, Where: where}
	return func() tea.Msg { return msg }
}

// copied answers a CopyMsg: the status bar says what was copied, and OSC 52
// carries it to the terminal's clipboard.
func (m *Model) copied(msg CopyMsg) tea.Cmd {
	m.bar.note = msg.Note
	if msg.Note == "" {
		n := utf8.RuneCountInString(msg.Text)
		m.bar.note = fmt.Sprintf(m.s.Tools.Copied, msg.Where, n)
		if i := strings.LastIndex(msg.Where, " › "); i >= 0 && ansi.StringWidth(m.bar.note)+2 > m.width {
			// A narrow window: the section's name, without its page's.
			m.bar.note = fmt.Sprintf(m.s.Tools.Copied, msg.Where[i+len(" › "):], n)
		}
	}
	return tea.SetClipboard(msg.Text)
}

// copyTop copies the passage being read: the section jumped to (until the view
// moves away from it), else the block at the top of the view.
func (m *Model) copyTop() tea.Cmd {
	return m.copyText(m.sess.Copy())
}

// copySelected copies the section selected in the search box or the outline.
func (m *Model) copySelected() tea.Cmd {
	l := &m.find
	switch m.mode {
	case modeSearch:
		if l.sel < len(l.hits) {
			h := l.hits[l.sel]
			return m.copyText(m.sess.CopySection(m.lib.Page(h.Lang, h.Page), h.Section))
		}
	case modeOutline:
		if p, h := m.page(), m.outline.heading(); p != nil && h >= 0 {
			return m.copyText(m.sess.CopySection(p, p.Headings[h].Section))
		}
	}
	m.bar.note = m.s.Tools.NothingCopy
	return nil
}
