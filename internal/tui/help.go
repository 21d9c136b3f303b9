package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// helpView is the help overlay: the keymap drawn by bubbles' help, in a box with
// a viewport that scrolls when the window is too small to show it all.
type helpView struct {
	vp    viewport.Model
	built helpKey // what the content was built for
}

type helpKey struct {
	lang          string
	width, height int
	dark, plain   bool
	ascii         bool
}

// open shows the help from its top.
func (h *helpView) open(m *Model) {
	h.built = helpKey{}
	h.build(m)
	h.vp.GotoTop()
}

// innerWidth is the width of the help box's content.
func (h *helpView) innerWidth(m *Model) int {
	return max(min(m.width-6, 76), 10)
}

// build lays the help out for the window, keeping its scroll position.
func (h *helpView) build(m *Model) {
	k := helpKey{lang: m.lang, width: m.width, height: m.height, dark: m.lk.dark, plain: m.lk.plain, ascii: m.lk.ascii}
	if h.built == k {
		return
	}
	h.built = k
	w := h.innerWidth(m)
	body := h.rows(m, m.keys.helpBindings(), w)
	body += "\n\n" + m.lk.st.OverlayTitle.Render(m.s.Tools.KeysSearch) + "\n" + h.rows(m, m.keys.searchHelp(), w)
	body += "\n\n" + m.lk.st.OverlayTitle.Render(m.s.Tools.KeysOutline) + "\n" + h.rows(m, m.keys.outlineHelp(), w)
	body += "\n\n" + m.lk.st.Dim.Render(lipgloss.Wrap(m.lk.text(m.s.KeyMouse), w, ""))

	off := h.vp.YOffset()
	h.vp = viewport.New()
	h.vp.KeyMap = viewport.KeyMap{}
	h.vp.SetWidth(w)
	// Room: the page area, less the box's border (2) and its title and hint lines.
	h.vp.SetHeight(max(min(lipgloss.Height(body), m.pageHeight()-4), 1))
	h.vp.SetContent(body)
	h.vp.SetYOffset(off)
}

// rows draws help rows in two columns, keys and what they do, in width w.
func (h *helpView) rows(m *Model, rows []key.Binding, w int) string {
	kw := 0
	for _, r := range rows {
		kw = max(kw, ansi.StringWidth(m.lk.text(r.Help().Key)))
	}
	kw = min(kw, w/2)
	dw := max(w-kw-1, 8)
	// Long keys and descriptions wrap; the shorter of the two gets blank lines,
	// so that the two columns of bubbles' help stay aligned.
	shown := make([]key.Binding, len(rows))
	for i, r := range rows {
		desc := lipgloss.Wrap(m.lk.text(r.Help().Desc), dw, "")
		keys := lipgloss.Wrap(m.lk.text(r.Help().Key), kw, "")
		if n := strings.Count(desc, "\n") - strings.Count(keys, "\n"); n > 0 {
			keys += strings.Repeat("\n", n)
		} else {
			desc += strings.Repeat("\n", -n)
		}
		shown[i] = key.NewBinding(key.WithKeys(r.Keys()...), key.WithHelp(keys, desc))
	}
	hm := help.New()
	hm.Styles.FullKey = m.lk.st.KeyCol
	hm.Styles.FullDesc = lipgloss.NewStyle()
	return hm.FullHelpView([][]key.Binding{shown})
}

// scroll moves the help by n lines.
func (h *helpView) scroll(n int) {
	h.vp.SetYOffset(h.vp.YOffset() + n)
}

// key handles a key while the help is open: the keys that close it (q, Esc, ?,
// h), the language switch, and the reading keys, which scroll it.
func (h *helpView) key(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	ph := h.vp.Height()
	switch {
	case key.Matches(msg, k.Close), key.Matches(msg, k.Help), key.Matches(msg, k.Quit):
		m.mode = modeRead
	case key.Matches(msg, k.Lang):
		cmd := m.toggleLang()
		h.build(m)
		return cmd
	case key.Matches(msg, k.Down):
		h.scroll(1)
	case key.Matches(msg, k.Up):
		h.scroll(-1)
	case key.Matches(msg, k.PageDown):
		h.scroll(ph)
	case key.Matches(msg, k.PageUp):
		h.scroll(-ph)
	case key.Matches(msg, k.HalfDown):
		h.scroll(max(ph/2, 1))
	case key.Matches(msg, k.HalfUp):
		h.scroll(-max(ph/2, 1))
	case key.Matches(msg, k.Top):
		h.vp.GotoTop()
	case key.Matches(msg, k.End):
		h.vp.GotoBottom()
	}
	return nil
}

// view draws the help box.
func (h *helpView) view(m *Model) string {
	st := m.lk.st
	w := h.innerWidth(m)
	hint := m.s.HelpClose
	if !h.vp.AtBottom() {
		hint = m.s.HelpMore + " · " + hint
	}
	var b strings.Builder
	b.WriteString(st.OverlayTitle.Render(m.s.HelpTitle) + "\n")
	b.WriteString(h.vp.View() + "\n")
	b.WriteString(st.Dim.Render(ansi.Truncate(m.lk.text(hint), w, m.lk.text("…"))))
	return st.Overlay.Width(w + 4).Render(b.String())
}
