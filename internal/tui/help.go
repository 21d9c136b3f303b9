package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	"github.com/cyberdiplo/cyberdiplo/third_party/bubbles/help"
	"github.com/cyberdiplo/cyberdiplo/third_party/bubbles/viewport"
	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"
	"github.com/cyberdiplo/cyberdiplo/third_party/lipgloss"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
)

// helpView is the help overlay: the keymap drawn by bubbles' help, in a box with
// a viewport that scrolls when the window is too small to show it all. It is a
// component: laid out for a helpLayout (build, in the reader's Update), moved
// by its own Update, drawn by View; it asks the reader to close it or to switch
// language by the request its Update returns (helpCloseMsg, helpLangMsg).
type helpView struct {
	vp    viewport.Model
	built helpKey    // what the content was built for
	ctx   helpLayout // what it was laid out with
}

// helpLayout is what the help is laid out with: the keys, the words, the look
// and the room.
type helpLayout struct {
	keys          *keyMap
	s             i18n.Strings
	t             i18n.MarkStrings
	lk            look
	width, height int
	pageHeight    int
}

// helpCloseMsg closes the help; helpLangMsg switches language (L) with it open.
type (
	helpCloseMsg struct{}
	helpLangMsg  struct{}
)

// helpLayoutOf is the reader's layout for the help.
func (m *Model) helpLayoutOf() helpLayout {
	return helpLayout{keys: m.keys, s: m.s, t: i18n.Marks(m.lang), lk: m.lk, width: m.width, height: m.height, pageHeight: m.pageHeight()}
}

type helpKey struct {
	lang          string
	width, height int
	dark, plain   bool
	ascii         bool
}

// open shows the help from its top.
func (h *helpView) open(c helpLayout) {
	h.built = helpKey{}
	h.build(c)
	h.vp.GotoTop()
}

// innerWidth is the width of the help box's content.
func (c helpLayout) innerWidth() int {
	return max(min(c.width-6, 76), 10)
}

// build lays the help out for the window, keeping its scroll position.
func (h *helpView) build(c helpLayout) {
	k := helpKey{lang: c.s.Lang, width: c.width, height: c.height, dark: c.lk.dark, plain: c.lk.plain, ascii: c.lk.ascii}
	if h.built == k {
		return
	}
	h.built, h.ctx = k, c
	w := c.innerWidth()
	body := c.rows(c.keys.helpBindings(), w)
	body += "\n\n" + c.lk.st.OverlayTitle.Render(c.s.Tools.KeysSearch) + "\n" + c.rows(c.keys.searchHelp(), w)
	body += "\n\n" + c.lk.st.OverlayTitle.Render(c.s.Tools.KeysOutline) + "\n" + c.rows(c.keys.outlineHelp(), w)
	body += "\n\n" + c.lk.st.OverlayTitle.Render(c.t.KeysList) + "\n" + c.rows(c.keys.Marks.help(), w)
	body += "\n\n" + c.lk.st.Dim.Render(lipgloss.Wrap(c.lk.text(c.t.Margin), w, ""))
	body += "\n\n" + c.lk.st.Dim.Render(lipgloss.Wrap(c.lk.text(c.s.KeyMouse), w, ""))

	off := h.vp.YOffset()
	h.vp = viewport.New()
	h.vp.KeyMap = viewport.KeyMap{}
	h.vp.SetWidth(w)
	// Room: the page area, less the box's border (2) and its title and hint lines.
	h.vp.SetHeight(max(min(lipgloss.Height(body), c.pageHeight-4), 1))
	h.vp.SetContent(body)
	h.vp.SetYOffset(off)
}

// rows draws help rows in two columns, keys and what they do, in width w.
func (c helpLayout) rows(rows []key.Binding, w int) string {
	kw := 0
	for _, r := range rows {
		kw = max(kw, ansi.StringWidth(c.lk.text(r.Help().Key)))
	}
	kw = min(kw, w/2)
	dw := max(w-kw-1, 8)
	// Long keys and descriptions wrap; the shorter of the two gets blank lines,
	// so that the two columns of bubbles' help stay aligned.
	shown := make([]key.Binding, len(rows))
	for i, r := range rows {
		desc := lipgloss.Wrap(c.lk.text(r.Help().Desc), dw, "")
		keys := lipgloss.Wrap(c.lk.text(r.Help().Key), kw, "")
		if n := strings.Count(desc, "\n") - strings.Count(keys, "\n"); n > 0 {
			keys += strings.Repeat("\n", n)
		} else {
			desc += strings.Repeat("\n", -n)
		}
		shown[i] = key.NewBinding(key.WithKeys(r.Keys()...), key.WithHelp(keys, desc))
	}
	hm := help.New()
	hm.Styles.FullKey = c.lk.st.KeyCol
	hm.Styles.FullDesc = lipgloss.NewStyle()
	return hm.FullHelpView([][]key.Binding{shown})
}

// scroll moves the help by n lines.
func (h *helpView) scroll(n int) {
	h.vp.SetYOffset(h.vp.YOffset() + n)
}

// Update handles a key while the help is open: the keys that close it (q, Esc,
// ?, h), the language switch, and the reading keys, which scroll it; and the
// wheel.
func (h helpView) Update(msg tea.Msg) (helpView, tea.Msg) {
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelDown:
			h.scroll(3)
		case tea.MouseWheelUp:
			h.scroll(-3)
		}
	case tea.KeyPressMsg:
		return h, h.key(msg)
	}
	return h, nil
}

func (h *helpView) key(msg tea.KeyPressMsg) tea.Msg {
	k := h.ctx.keys
	ph := h.vp.Height()
	switch {
	case key.Matches(msg, k.Close), key.Matches(msg, k.Help), key.Matches(msg, k.Quit):
		return helpCloseMsg{}
	case key.Matches(msg, k.Lang):
		return helpLangMsg{}
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

// View draws the help box.
func (h helpView) View() string {
	c := h.ctx
	st := c.lk.st
	w := c.innerWidth()
	hint := c.s.HelpClose
	if !h.vp.AtBottom() {
		hint = c.s.HelpMore + " · " + hint
	}
	var b strings.Builder
	b.WriteString(st.OverlayTitle.Render(c.s.HelpTitle) + "\n")
	b.WriteString(h.vp.View() + "\n")
	b.WriteString(st.Dim.Render(ansi.Truncate(c.lk.text(hint), w, c.lk.text("…"))))
	return st.Overlay.Width(w + 4).Render(b.String())
}
