package cli

import (
	"slices"
	"strings"
	"testing"
)

// complete asks cobra's hidden __complete command, as every shell's script does
// (bash, zsh, fish and PowerShell all call it), and returns the candidates
// without their descriptions, and the directive line.
func complete(t *testing.T, args ...string) ([]string, string) {
	t.Helper()
	_, out, _ := runCLI(t, nil, append([]string{"__complete"}, args...)...)
	var got []string
	directive := ""
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.HasPrefix(l, ":") {
			directive = l
			continue
		}
		name, _, _ := strings.Cut(l, "\t")
		got = append(got, name)
	}
	return got, directive
}

func TestCompletionOfPagesAnchorsAndFlagValues(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
		not  []string
	}{
		{[]string{"show", ""}, []string{"un", "onu", "glossary", "glossario", "timeline", "cronologia", "overview", "panoramica"}, nil},
		{[]string{"show", "gl"}, []string{"glossary", "glossario"}, []string{"un"}},
		{[]string{"show", "un", "na"}, []string{"nato"}, nil},
		{[]string{""}, []string{"show", "search", "un", "onu"}, nil}, // the reader takes a page
		{[]string{"show", "un#"}, []string{"un#key-facts", "un#the-global-mechanism"}, []string{"un"}},
		{[]string{"show", "un#the-g"}, []string{"un#the-global-mechanism"}, []string{"un#key-facts"}},
		{[]string{"show", "--lang", "it", "onu#il"}, []string{"onu#il-meccanismo-globale"}, nil},
		{[]string{"un#k"}, []string{"un#key-facts"}, nil},
		{[]string{"--lang", ""}, []string{"en", "it"}, nil},
		{[]string{"show", "--format", ""}, []string{"ansi", "plain", "markdown", "json"}, nil},
		{[]string{"show", "--style", ""}, []string{"auto", "dark", "light", "ascii"}, nil},
		{[]string{"search", "--style", ""}, []string{"auto", "dark", "light", "ascii"}, nil},
		{[]string{"serve", "--log-format", ""}, []string{"text", "json"}, nil},
		{[]string{"completion", ""}, []string{"bash", "zsh", "fish", "powershell"}, nil},
	} {
		got, directive := complete(t, tc.args...)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("__complete %q: no %q in %q (%s)", tc.args, w, got, directive)
			}
		}
		for _, n := range tc.not {
			if slices.Contains(got, n) {
				t.Errorf("__complete %q: offers %q: %q", tc.args, n, got)
			}
		}
		if directive == ":0" && len(tc.want) > 0 && tc.args[0] != "completion" {
			t.Errorf("__complete %q: falls back to file names (directive %s)", tc.args, directive)
		}
	}
}

// Every shell's script is generated and calls __complete.
func TestCompletionScriptsForEveryShell(t *testing.T) {
	for _, sh := range []string{"bash", "zsh", "fish", "powershell"} {
		code, out, errs := runCLI(t, nil, "completion", sh)
		if code != 0 || !strings.Contains(out, "__complete") {
			t.Errorf("completion %s: exit %d, %d bytes, no __complete; %s", sh, code, len(out), errs)
		}
	}
}
