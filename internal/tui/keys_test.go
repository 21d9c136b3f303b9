package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"
)

// quits reports whether a command ends the program.
func quits(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	_, ok := cmd().(tea.QuitMsg)
	return ok
}

// driven runs what a command asks for, as the program would (true, to chain it).
func driven(m *Model, cmd tea.Cmd) bool {
	drive(m, cmd)
	return true
}

// Ctrl+C and Esc in the search box or the outline cancel it, as in less; in
// reading mode Ctrl+C, q, Q and :q quit.
func TestCtrlCCancelsAPromptAndQQuits(t *testing.T) {
	m := newTest(t, "en", "un", 80, 24)
	for _, open := range []string{"/", "o"} {
		keys(m, open)
		if _, cmd := m.Update(press("ctrl+c")); quits(cmd) || !driven(m, cmd) || m.mode != modeRead {
			t.Errorf("%s then ctrl+c: quit %v, mode %v", open, quits(cmd), m.mode)
		}
		keys(m, open)
		if open == "o" {
			keys(m, "/")
			typeText(m, "glo")
		}
		if _, cmd := m.Update(press("ctrl+c")); quits(cmd) || !driven(m, cmd) || m.mode != modeRead {
			t.Errorf("%s, typing, then ctrl+c: quit %v, mode %v", open, quits(cmd), m.mode)
		}
	}
	for _, k := range []string{"q", "Q", "ctrl+c"} {
		if _, cmd := m.Update(press(k)); !quits(cmd) {
			t.Errorf("%s in reading mode did not quit", k)
		}
	}
	m.Update(press(":"))
	if !strings.Contains(statusLine(m), ":") {
		t.Errorf("after : the status bar is %q", statusLine(m))
	}
	if _, cmd := m.Update(press("q")); !quits(cmd) {
		t.Error(":q did not quit")
	}
	m.Update(press(":"))
	if _, cmd := m.Update(press("j")); quits(cmd) {
		t.Error(":j quit")
	}
	if _, cmd := m.Update(press("j")); quits(cmd) || m.colon {
		t.Error("the : prompt outlived the key after it")
	}
}

// A status message lasts until the next key: j, a tab change.
func TestMessagesLastUntilTheNextKey(t *testing.T) {
	m := newTest(t, "en", "un", 100, 30)
	keys(m, "tab", "tab", "shift+tab", "[")
	if !strings.Contains(statusLine(m), m.s.NoMoreLinks) {
		t.Fatalf("no %q: %q", m.s.NoMoreLinks, statusLine(m))
	}
	keys(m, "j")
	if strings.Contains(statusLine(m), m.s.NoMoreLinks) {
		t.Errorf("the message outlived j: %q", statusLine(m))
	}
	keys(m, "s")
	if !strings.Contains(statusLine(m), m.s.Tools.SideNarrow) {
		t.Fatalf("s at 100 columns: %q", statusLine(m))
	}
	drive(m, nil, tea.WindowSizeMsg{Width: 130, Height: 30})
	if st := m.statusText(); st != m.s.Tools.SideOn {
		t.Errorf("wider than 120 the side note is %q, want %q", st, m.s.Tools.SideOn)
	}
	keys(m, "s", "right")
	if strings.Contains(statusLine(m), m.s.Tools.SideOff) {
		t.Errorf("the message outlived a tab change: %q", statusLine(m))
	}
}

// The help lists the keys of the search box and of the outline too.
func TestHelpListsTheOverlaysKeys(t *testing.T) {
	for _, lang := range []string{"en", "it"} {
		m := newTest(t, lang, "un", 100, 60)
		keys(m, "?")
		keys(m, "G")
		var all strings.Builder
		all.WriteString(screen(m))
		keys(m, "g")
		all.WriteString(screen(m))
		for _, want := range []string{m.s.Tools.KeysSearch, m.s.Tools.KeysOutline, m.s.Tools.KeyFilter[:12], ":q", "ctrl+c"} {
			if !strings.Contains(all.String(), want) {
				t.Errorf("%s: the help lacks %q:\n%s", lang, want, all.String())
			}
		}
	}
}

// What is typed or pasted into the search box and the outline's filter keeps
// no control character, no control sequence (a C1 CSI and its parameters, "2J")
// and no bidi override.
func TestBoxesDropControlAndBidi(t *testing.T) {
	m := newTest(t, "en", "un", 100, 30)
	keys(m, "/")
	drive(m, nil, tea.PasteMsg{Content: "oe\u202ewg\u0085"})
	typeText(m, "\u2066x")
	if v := m.find.input.Value(); v != "oewgx" {
		t.Errorf("search box holds %q", v)
	}
	keys(m, "esc", "o", "/")
	typeText(m, "glo\u202e")
	drive(m, nil, tea.PasteMsg{Content: "\u009b2Jbal"})
	if m.outline.filter != "global" {
		t.Errorf("outline filter holds %q", m.outline.filter)
	}
}

// Over SSH keys can arrive faster than commands end: every key must act in the
// order typed, whether or not the commands of the keys before it have ended (a
// help or an outline closed by a command's message would take the keys typed
// meanwhile). The keys of a paste delivered as keys, with L in them, leave the
// reader in the same state either way.
func TestKeysActInOrderBeforeAnyCommandEnds(t *testing.T) {
	text := strings.Repeat("pasted text that never ends ", 3)
	text = text[len(text)-64:] + "L" // the last 64 keys the kiosk keeps of a paste, then L
	text += " o q h ? L j o j enter h L ?"
	state := func(deferred bool) string {
		m := newTest(t, "en", "overview", 100, 30)
		var pending []tea.Cmd
		for _, r := range text {
			msg := tea.KeyPressMsg{Code: r, Text: string(r)}
			if r == ' ' {
				msg = press("space")
			}
			_, c := m.Update(msg)
			if deferred {
				pending = append(pending, c)
			} else {
				drive(m, c)
			}
		}
		for _, c := range pending {
			drive(m, c)
		}
		checkFits(t, m, 100, 30)
		lang, page := m.Current()
		return fmt.Sprintf("mode %v side %v %s %s", m.mode, m.side, lang, page)
	}
	if now, later := state(false), state(true); now != later {
		t.Errorf("commands run at once: %s; after all the keys: %s", now, later)
	}
}
