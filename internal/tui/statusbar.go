package tui

import (
	"strconv"
	"strings"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
)

// statusBar is the status bar, a component: on the left a message (it lasts
// until the next key), else what the reader is doing (the selected link's
// target, the match counter) and the sources of the section being read; on the
// right language, position and help (on a narrow window, help and then the
// position give way to what is on the left). Its View draws a statusInfo, which the
// reader gathers; it changes nothing.
type statusBar struct {
	note string // a one-off message ("" for none)
}

// statusInfo is what the status bar shows.
type statusInfo struct {
	doing   string // the link's target or the match counter, "" for neither
	link    bool   // doing is the selected link's target: it stands alone
	sources string // the sources of the section being read, or the page's title
	lang    string
	pos     string // top, end, n%
	help    string
	width   int
	lk      look
}

// text is the left of the status bar, whole: a message alone, the selected
// link's target alone, else the match counter and the sources, or the sources.
func (b statusBar) text(i statusInfo) string {
	switch {
	case b.note != "":
		return b.note
	case i.doing == "":
		return i.sources
	case i.link:
		return i.doing
	}
	return i.doing + " · " + i.sources
}

// View draws the bar, exactly i.width cells wide.
func (b statusBar) View(i statusInfo) string {
	lk := i.lk
	sep := lk.text(" │ ")
	left := " " + lk.text(b.text(i)) + " "
	// On a narrow window the left (a message, the sources) comes first: the
	// help hint, then the position, give way before it is cut.
	var right string
	for _, r := range []string{
		" " + i.lang + sep + i.pos + sep + i.help + " ",
		" " + i.lang + sep + i.pos + " ",
		" " + i.lang + " ",
	} {
		right = r
		if ansi.StringWidth(left)+ansi.StringWidth(r) <= i.width {
			break
		}
	}
	rw := ansi.StringWidth(right)
	lw := i.width - rw
	if lw < 6 {
		return lk.st.Status.Render(ansi.Truncate(left+right, i.width, ""))
	}
	left = ansi.Truncate(left, lw, lk.text("…"))
	gap := strings.Repeat(" ", max(lw-ansi.StringWidth(left), 0))
	return lk.st.StatusKey.Render(left) + lk.st.Status.Render(gap+right)
}

// statusInfo gathers what the status bar shows.
func (m *Model) statusInfo() statusInfo {
	pos := m.s.Top
	switch mx := m.maxOffset(); {
	case m.doc == nil:
		pos = m.lk.text("…")
	case m.doc.Partial: // the top of the page, the rest on its way
	case mx == 0 || m.offset() >= mx:
		pos = m.s.End
	case m.offset() > 0:
		pos = strconv.Itoa(m.offset()*100/mx) + "%"
	}
	return statusInfo{doing: m.find.status(m), link: m.sess.Link() >= 0, sources: m.sourcesLine(),
		lang: m.s.Lang, pos: pos, help: m.s.Help, width: m.width, lk: m.lk}
}

// statusBar draws the status bar.
func (m *Model) statusBar() string {
	k := statusKey{m.bar.note, m.statusInfo()}
	size := len(k.note) + len(k.i.doing) + len(k.i.sources) + len(k.i.lang) + len(k.i.pos) + len(k.i.help)
	return statusBars.get(k, size, func() string { return m.bar.View(k.i) })
}

// The status bars drawn (memo.go): one for each note and statusInfo; at most
// 1024 (a status bar at 1000 columns is about 2 KB, its key at most maxMemoKey).
type statusKey struct {
	note string
	i    statusInfo
}

var statusBars = newMemo[statusKey, string](1024)

// statusText is the left of the status bar, whole.
func (m *Model) statusText() string { return m.bar.text(m.statusInfo()) }

// sourcesLine names the sources of the section being read (reader.Session.Current)
// and the year each reflects ("MAECI 2026, 2021 · A/65/201 (2010)"), or the
// page's title when the section names none the library knows.
func (m *Model) sourcesLine() string {
	p := m.page()
	if p == nil {
		return m.sess.PageID()
	}
	if s := m.sess.Sources(); s != "" {
		return s
	}
	return p.Title
}
