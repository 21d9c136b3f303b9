package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestCompletionUnknownShell(t *testing.T) {
	code, out, errs := runCLI(t, nil, "completion", "nope")
	if code != 2 {
		t.Errorf("completion nope: exit %d, want 2", code)
	}
	if out != "" || !strings.Contains(errs, `"nope"`) || !strings.Contains(errs, "bash") {
		t.Errorf("completion nope: stdout %q, stderr %q", out, errs)
	}
}

func TestStyleRefusedByEveryCommand(t *testing.T) {
	for _, args := range [][]string{
		{"list", "--style", "bogus"},
		{"search", "oewg", "--style", "bogus"},
		{"show", "un", "--style", "bogus"},
	} {
		code, _, errs := runCLI(t, nil, args...)
		if code != 2 || !strings.Contains(errs, `unknown style "bogus"`) {
			t.Errorf("%q: exit %d, %q", args, code, errs)
		}
	}
}

func TestAnchorsAsJSON(t *testing.T) {
	code, out, errs := runCLI(t, nil, "show", "un", "--anchors", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var list []anchorJSON
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("--anchors --format json is not JSON: %v\n%.200s", err, out)
	}
	found := false
	for _, a := range list {
		found = found || (a.Ref == "un#key-facts" && a.Heading == "Key facts" && a.Level == 2)
	}
	if !found {
		t.Errorf("no un#key-facts in %+v", list)
	}
}

func TestLintMissingDirectory(t *testing.T) {
	code, _, errs := runCLI(t, nil, "lint", "/nonexistent/content")
	if code != 2 || !strings.Contains(errs, "no such directory") || strings.Contains(errs, "not a directory") {
		t.Errorf("lint /nonexistent: exit %d, %q", code, errs)
	}
	code, _, errs = runCLI(t, nil, "list", "--content", "/nonexistent/content")
	if code != 2 || !strings.Contains(errs, "no such directory") {
		t.Errorf("--content /nonexistent: exit %d, %q", code, errs)
	}
}

// What a user typed is echoed back bounded and escaped, however long or strange.
func TestHugeOrStrangeInputIsNotEchoedWhole(t *testing.T) {
	huge := strings.Repeat("x", 100<<10)
	for _, args := range [][]string{
		{"show", huge},
		{huge}, // the reader's PAGE
		{"show", "un", "--format", huge},
		{"list", "--lang", huge},
		{"show", "un", "--width", huge},
		{"completion", huge},
		{"lint", "/nonexistent/" + huge},
	} {
		code, _, errs := runCLI(t, nil, args...)
		if code == 0 || len(errs) > 1200 || !strings.Contains(errs, "bytes)") {
			t.Errorf("%.30q: exit %d, %d bytes on stderr: %.200s", args, code, len(errs), errs)
		}
	}
	_, _, errs := runCLI(t, nil, "show", "un\x1b]52;c;aGk=\x07\nx")
	if strings.ContainsAny(errs, "\x1b\x07") || strings.Count(errs, "\n") != 1 {
		t.Errorf("control characters reach stderr: %q", errs)
	}
}

func TestMarkdownHasNoSourcesMarkers(t *testing.T) {
	for _, arg := range []string{"un", "un#key-facts", "glossary"} {
		_, out, _ := runCLI(t, nil, "show", arg, "--format", "markdown")
		if strings.Contains(out, "<!--") || strings.Contains(out, "sources:") {
			t.Errorf("show %s --format markdown leaks a marker:\n%.300s", arg, out)
		}
		if strings.Contains(out, "\n\n\n") {
			t.Errorf("show %s --format markdown leaves a gap where a marker was", arg)
		}
	}
	_, out, _ := runCLI(t, nil, "show", "un", "--format", "markdown")
	if !strings.Contains(out, "# Italy at the United Nations\n\n## Key facts\n\n- Since 2004") {
		t.Errorf("markdown lost its shape:\n%.300s", out)
	}
}

// A misspelt page suggests the page, a misspelt command the command (and not a
// command the suggestion cannot run).
func TestSuggestionsForMisspeltNames(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
		not  string
	}{
		{[]string{"serch", "oewg"}, "did you mean cyberdiplo search oewg?", "cyberdiplo show serch"},
		{[]string{"nat"}, "(did you mean nato?)", "command man"},
		{[]string{"show", "unn"}, "(did you mean un?)", "command"},
		{[]string{"glosary"}, "(did you mean glossary?)", ""},
		{[]string{"onuu"}, "(did you mean onu?)", ""},
		{[]string{"show", ""}, `unknown page ""`, "did you mean"},
		{[]string{"lsit"}, "(or did you mean the command list?)", ""},
	} {
		code, _, errs := runCLI(t, nil, c.args...)
		if code != 2 || !strings.Contains(errs, c.want) || (c.not != "" && strings.Contains(errs, c.not)) {
			t.Errorf("%q: exit %d, %q; want %q", c.args, code, errs, c.want)
		}
	}
}
