package tui

import (
	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"

	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"
	"github.com/cyberdiplo/cyberdiplo/third_party/colorprofile"
	"github.com/cyberdiplo/cyberdiplo/third_party/teatest"
)

// copyMsgs runs a command and returns the CopyMsg it produced, if any.
func copyMsgs(t *testing.T, cmd tea.Cmd) (CopyMsg, bool) {
	t.Helper()
	for _, msg := range run(cmd) {
		if c, ok := msg.(CopyMsg); ok {
			return c, true
		}
	}
	return CopyMsg{}, false
}

// scrollToSection puts a section's heading at the top of the view.
func scrollToSection(t *testing.T, m *Model, anchor string) {
	t.Helper()
	p := m.page()
	s := p.SectionByAnchor(anchor)
	if s < 0 {
		t.Fatalf("no section %q on %s", anchor, p.ID)
	}
	m.scrollTo(m.doc.BlockLine(p.Sections[s].Heading.Block))
}

func TestCopyThePassageWithItsCitation(t *testing.T) {
	m := newTest(t, "en", "un", 140, 30)
	scrollToSection(t, m, "groups-of-governmental-experts")
	// A heading at the top: its whole section is copied.
	_, cmd := m.Update(press("c"))
	c, ok := copyMsgs(t, cmd)
	if !ok {
		t.Fatal("c produced no copy")
	}
	if !strings.HasPrefix(c.Text, "Groups of Governmental Experts\n\n") ||
		!strings.Contains(c.Text, "\n\nItaly at the United Nations › Groups of Governmental Experts. Sources: MAECI, \u201cDiplomazia Cibernetica\u201d (2026)") ||
		!strings.HasSuffix(c.Text, "current to March 2026.") {
		t.Errorf("copied text:\n%s", c.Text)
	}
	// The status bar says what was copied, and the clipboard command carries it.
	_, clip := m.Update(c)
	m.Update(nil)
	want := fmt.Sprintf("Italy at the United Nations › Groups of Governmental Experts, %d characters: sent to the clipboard (OSC 52)", len([]rune(c.Text)))
	if !strings.Contains(statusLine(m), want) {
		t.Errorf("status %q, want %q", statusLine(m), want)
	}
	if msg := clip(); fmt.Sprint(msg) != c.Text {
		t.Errorf("clipboard command carries %q", fmt.Sprint(msg))
	}

	// One line down, a paragraph is at the top: that paragraph alone.
	keys(m, "j", "j")
	_, cmd = m.Update(press("c"))
	c, _ = copyMsgs(t, cmd)
	p, b, _ := m.TopBlock()
	if !strings.Contains(c.Text, p.Blocks[b].Text+"\n\n") || strings.Count(c.Text, "\n\n") != 1 {
		t.Errorf("copied %q, want the block at the top %q", c.Text, p.Blocks[b].Text)
	}
}

func TestCopyFromSearchAndOutline(t *testing.T) {
	m := newTest(t, "it", "overview", 100, 30)
	keys(m, "/")
	typeText(m, "pledge")
	_, cmd := m.Update(press("ctrl+y"))
	c, ok := copyMsgs(t, cmd)
	h := m.find.hits[m.find.sel]
	if !ok || !strings.Contains(c.Text, h.Heading) || !strings.Contains(c.Text, "Fonti: ") {
		t.Errorf("ctrl+y in the search box copied %q (hit %s › %s)", c.Text, h.Page, h.Heading)
	}
	if m.mode != modeSearch {
		t.Error("copying closed the search box")
	}
	keys(m, "esc", "o", "down", "down")
	_, cmd = m.Update(press("ctrl+y"))
	c, ok = copyMsgs(t, cmd)
	hd := m.page().Headings[2]
	if !ok || !strings.HasPrefix(c.Text, hd.Text+"\n\n") {
		t.Errorf("ctrl+y in the outline copied %q, want the section %q", c.Text, hd.Text)
	}
}

// The bytes the program sends the terminal: OSC 52 with the passage and its
// citation, base64-encoded.
func TestCopyEmitsOSC52(t *testing.T) {
	m := New(Options{Library: testLib, Cache: testCache, Index: testIndex, Lang: "en", Page: "nato", Style: "dark"})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ANSI256), tea.WithEnvironment([]string{"TERM=xterm-256color"})))
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) && !isReady(tm) {
		time.Sleep(20 * time.Millisecond)
	}
	tm.Send(press("c"))
	var seen []byte
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		seen = append(seen, b...)
		return bytes.Contains(seen, []byte("\x1b]52;c;"))
	}, teatest.WithDuration(5*time.Second))
	tm.Send(press("ctrl+c"))
	rest, _ := io.ReadAll(tm.FinalOutput(t, teatest.WithFinalTimeout(5*time.Second)))
	seen = append(seen, rest...)
	_, payload, _ := bytes.Cut(seen, []byte("\x1b]52;c;"))
	end := bytes.IndexAny(payload, "\a\x1b")
	if end < 0 {
		t.Fatalf("OSC 52 not terminated: %q", payload)
	}
	text, err := base64.StdEncoding.DecodeString(string(payload[:end]))
	if err != nil {
		t.Fatalf("OSC 52 payload: %v", err)
	}
	// The page title has nothing under it: the first section stands for it.
	if !strings.HasPrefix(string(text), "Key facts\n\n- ") || !strings.Contains(string(text), "Italy in NATO › Key facts. Sources: ") {
		t.Errorf("clipboard holds %q", text)
	}
}

// On a 40-column window the status bar gives what was copied the room: the
// help hint and the position give way, and the section's name stays whole.
func TestNarrowStatusBarKeepsTheSection(t *testing.T) {
	m := newTest(t, "en", "un", 40, 20)
	if wide := newTest(t, "en", "un", 100, 20); !strings.Contains(statusLine(wide), "│ ? help") {
		t.Fatalf("at 100 columns the help hint should stay: %q", statusLine(wide))
	}
	if line := statusLine(m); strings.Contains(line, "? help") || !strings.Contains(line, "MAECI 2026, 2021 · A/65/201 (2010)") {
		t.Fatalf("at 40 columns the sources' years should have the room: %q", line)
	}
	scrollToSection(t, m, "groups-of-governmental-experts")
	_, cmd := m.Update(press("c"))
	c, ok := copyMsgs(t, cmd)
	if !ok {
		t.Fatal("c produced no copy")
	}
	m.Update(c)
	m.Update(nil)
	line := statusLine(m)
	if ansi.StringWidth(line) != 40 {
		t.Fatalf("status bar is %d wide: %q", ansi.StringWidth(line), line)
	}
	if !strings.Contains(line, " Groups of Governmental Experts, ") || !strings.Contains(line, " EN ") {
		t.Errorf("at 40 columns the copy message lost the section or the language: %q", line)
	}
}
