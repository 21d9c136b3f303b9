package kiosk_test

import (
	"strings"
	"testing"

	"github.com/cyberdiplo/cyberdiplo/internal/cite"
)

// ssh a11y@HOST reads as the local line mode does: PAGE#ANCHOR opens the
// section, its sources and years follow it, c says the citation line the TUI
// copies, the outline's numbers are the sections', and not one escape byte is
// sent.
func TestA11yReadsSourcesAndCites(t *testing.T) {
	h := start(t, nil)
	lib := testLib(t)
	tm := openTerm(t, h.dial(t, "a11y"), "xterm-256color", nil)
	tm.waitFor(t, 0, "Command: ")
	un := lib.Page("en", "un")
	sec := un.SectionByAnchor("the-global-mechanism")
	step := func(keys, want string) {
		t.Helper()
		from := tm.out.Len()
		tm.send(t, keys)
		tm.waitFor(t, from, want)
	}
	step("un#the-global-mechanism\r", "\r\nSources: MAECI 2026.\r\nUN, section 5 of 6.\r\n")
	if !strings.Contains(tm.text(0), "## The Global Mechanism\r\n") {
		t.Fatalf("un#the-global-mechanism did not read that section:\n%s", tm.text(0))
	}
	from := tm.out.Len()
	tm.send(t, "c\r")
	tm.waitFor(t, from, "current to March 2026.")
	said := strings.Join(strings.Fields(tm.text(from)), " ")
	if want := cite.Line(lib, un, sec); !strings.Contains(said, want) {
		t.Errorf("c said %q, want %q", said, want)
	}
	step("o\r", "5. ## The Global Mechanism\r\n")
	step("3\r", "UN, section 3 of 6.\r\n")
	step("q\r", "Goodbye.\r\n")
	if code := tm.exit(t); code != 0 {
		t.Fatalf("status %d after q, want 0", code)
	}
	plainOnly(t, tm.out.String(), true)
}
