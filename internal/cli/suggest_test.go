package cli

import (
	"strings"
	"testing"
)

// TestSuggestions: a misspelt command or page gets the one it was meant to be,
// by search's edit distance, over commands, page ids, tabs and titles in both
// languages.
func TestSuggestions(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"serch", "oewg"}, `"serch" is neither a page nor a command: did you mean cyberdiplo search oewg?`},
		{[]string{"shwo", "unn"}, `did you mean cyberdiplo show un?`},
		{[]string{"shwo", "glosary#oewg-open-ended-working-group"}, `did you mean cyberdiplo show glossary#oewg-open-ended-working-group?`},
		{[]string{"nat"}, "(did you mean nato?)"},
		{[]string{"show", "unn"}, "(did you mean un?)"},
		{[]string{"glosary"}, "(did you mean glossary?)"},
		{[]string{"onuu"}, "(did you mean onu?)"},
		{[]string{"show", "Cronologa"}, "(did you mean cronologia?)"},
		{[]string{"lsit"}, "(or did you mean the command list?)"},
		{[]string{"show", "Italy in NATO!"}, "(did you mean nato?)"},
	} {
		code, _, errs := runCLI(t, nil, c.args...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%q: exit %d, stderr %q, want %q in it", c.args, code, errs, c.want)
		}
	}
	// Nothing close: no guess.
	for _, args := range [][]string{{"zzzz"}, {"show", "budapest"}, {"nato", "oewg"}} {
		if _, _, errs := runCLI(t, nil, args...); strings.Contains(errs, "did you mean") {
			t.Errorf("%q: %q", args, errs)
		}
	}
}
