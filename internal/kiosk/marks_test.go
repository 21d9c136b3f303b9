package kiosk_test

import (
	"encoding/base64"
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
	// The clipboard follows the note (the copy is a command of the reader's).
	eventually(t, "OSC 52", func() bool { return strings.Contains(tm.out.String()[from:], "\x1b]52;c;") })
	out := tm.out.String()[from:]
	_, payload, ok := strings.Cut(out, "\x1b]52;c;")
	if !ok {
		t.Fatalf("no OSC 52 in the output: %q", out)
	}
	end := strings.IndexAny(payload, "\a\x1b")
	text, err := base64.StdEncoding.DecodeString(payload[:max(end, 0)])
	if err != nil || !strings.Contains(string(text), "Italy at the United Nations › Key facts. Sources: ") {
		t.Errorf("clipboard payload %q (%v)", text, err)
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
