package kiosk_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A visitor's marks are theirs for the session: m marks, ' lists, c copies the
// brief to their own clipboard through OSC 52, and nothing is written on the
// server.
func TestMarksBelongToTheVisitorsSession(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	t.Setenv("HOME", state)
	h := start(t, nil)
	tm := openPTY(t, h.dial(t, "visitor"), 100, 30, nil)
	tm.waitFor(t, 0, "? help")
	tm.send(t, "3") // UN
	tm.waitFor(t, 0, "Italy at the United Nations")
	from := len(tm.out.String())
	tm.send(t, "m")
	tm.waitFor(t, from, "marked: Italy at the United Nations")
	from = len(tm.out.String())
	tm.send(t, "'")
	tm.waitFor(t, from, "Marks (1), in reading order")
	from = len(tm.out.String())
	tm.send(t, "c")
	tm.waitFor(t, from, "brief copied: 1 marked passage")
	if text := tm.clipboard(t, from); !strings.Contains(text, "Italy at the United Nations › Key facts. Sources: ") {
		t.Errorf("clipboard payload %q", text)
	}
	tm.send(t, "q") // closes the list
	tm.send(t, "q")
	if code := tm.exit(t); code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
	// A second visitor has no marks of the first's.
	tm = openPTY(t, h.dial(t, "visitor"), 100, 30, nil)
	tm.waitFor(t, 0, "? help")
	tm.send(t, "'")
	tm.waitFor(t, 0, "No marks yet")
	tm.send(t, "q") // closes the list
	tm.send(t, "q")
	tm.exit(t)
	if _, err := os.Stat(filepath.Join(state, "cyberdiplo")); !os.IsNotExist(err) {
		t.Errorf("the kiosk wrote state on the server (%v)", err)
	}
}
