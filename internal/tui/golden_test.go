package tui

import (
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"
	"github.com/cyberdiplo/cyberdiplo/third_party/colorprofile"
	"github.com/cyberdiplo/cyberdiplo/third_party/teatest"
)

// TestGoldenScreens runs the real program and compares the final screen with a
// golden file (update with: go test ./internal/tui -run Golden -update).
func TestGoldenScreens(t *testing.T) {
	cases := []struct {
		name, lang string
		keys       []string
	}{
		{"overview_en", "en", nil},
		{"un_it", "it", []string{"3"}},
		{"timeline_en", "en", []string{"7"}},
		{"help_it", "it", []string{"?"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := New(Options{Library: testLib, Cache: testCache, Index: testIndex, Lang: c.lang, Style: "dark"})
			tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ANSI256), tea.WithEnvironment([]string{"TERM=xterm-256color"})))
			for _, k := range c.keys {
				tm.Send(press(k))
			}
			// Wait until the page is on screen, then quit.
			deadline := time.Now().Add(5 * time.Second)
			for time.Now().Before(deadline) {
				time.Sleep(20 * time.Millisecond)
				if done := isReady(tm); done {
					break
				}
			}
			tm.Send(press("ctrl+c"))
			final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
			// The last frame after q is blank (see View); the screen it quit from
			// is what the reader saw.
			if c := final.View().Content; c != "" {
				t.Errorf("the frame after q is not blank: %q", c)
			}
			golden.RequireEqual(t, []byte(final.render()))
		})
	}
}

// isReady asks the program for its model's state without racing it.
func isReady(tm *teatest.TestModel) bool {
	ready := make(chan bool, 1)
	tm.Send(probeMsg{ready})
	select {
	case r := <-ready:
		return r
	case <-time.After(time.Second):
		return false
	}
}
