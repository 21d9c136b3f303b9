package kiosk_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/cyberdiplo/cyberdiplo/internal/cite"
	"github.com/cyberdiplo/cyberdiplo/internal/reader"
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
	// Its sources and years, as the TUI's status bar names them.
	sources := strings.ReplaceAll(reader.FormatSources(lib, un.Sections[sec].Sources), " · ", "; ")
	step("un#the-global-mechanism\r", "\r\nSources: "+sources+".\r\nUN, section ")
	if !strings.Contains(tm.text(0), "## The Global Mechanism\r\n") {
		t.Fatalf("un#the-global-mechanism did not read that section:\n%s", tm.text(0))
	}
	from := tm.out.Len()
	tm.send(t, "c\r")
	tm.waitFor(t, from, "current to ")
	tm.waitFor(t, from, "Command: ")
	said := strings.Join(strings.Fields(tm.text(from)), " ")
	if want := cite.Line(lib, un, sec); !strings.Contains(said, want) {
		t.Errorf("c said %q, want %q", said, want)
	}
	// The outline's number of the section is the number it is read as.
	from = tm.out.Len()
	tm.send(t, "o\r")
	tm.waitFor(t, from, ". ## The Global Mechanism\r\n")
	n := regexp.MustCompile(`(\d+)\. ## The Global Mechanism\r\n`).FindStringSubmatch(tm.text(from))[1]
	step(n+"\r", "UN, section "+n+" of ")
	step("q\r", "Goodbye.\r\n")
	if code := tm.exit(t); code != 0 {
		t.Fatalf("status %d after q, want 0", code)
	}
	plainOnly(t, tm.out.String(), true)
}
