package i18n

import (
	"strings"
	"testing"
)

// One thing is singular, in both languages: the status said "1 matches" and
// "1 risultati".
func TestPlurals(t *testing.T) {
	for _, c := range []struct {
		got, want string
	}{
		{For("en").Matches.N(1), "1 match"},
		{For("en").Matches.N(2), "2 matches"},
		{For("en").Matches.N(0), "0 matches"},
		{For("it").Matches.N(1), "1 risultato"},
		{For("it").Matches.N(7), "7 risultati"},
		{CLI("en").LintProblems.N(1, "content"), "1 problem in content"},
		{CLI("en").LintProblems.N(3, "content"), "3 problems in content"},
		{CLI("it").LintProblems.N(1, "content"), "1 problema in content"},
		{CLI("it").LintProblems.N(2, "content"), "2 problemi in content"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// The copy key's note says what cyberdiplo did, not what it cannot know: OSC 52
// asks the terminal to set the clipboard and no answer ever comes (tmux, by
// default, drops it).
func TestCopyNoteClaimsNoCopy(t *testing.T) {
	for _, lang := range []string{"en", "it"} {
		note := For(lang).Tools.Copied
		for _, claim := range []string{"copied", "copiato"} {
			if strings.Contains(strings.ToLower(note), claim) {
				t.Errorf("%s: %q claims the text was copied", lang, note)
			}
		}
		if !strings.Contains(note, "OSC 52") {
			t.Errorf("%s: %q does not say how it was sent", lang, note)
		}
	}
}
