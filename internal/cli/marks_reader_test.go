package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runReaderPipe runs the reader from a pipe (the line mode) with input.
func runReaderPipe(t *testing.T, env map[string]string, input string, args ...string) (int, string, string) {
	t.Helper()
	var out, errs strings.Builder
	code := Execute(context.Background(), args, Env{
		In: strings.NewReader(input), Out: &out, Err: &errs,
		Getenv: func(k string) string { return env[k] },
	})
	return code, out.String(), errs.String()
}

// Marks made in the reader are kept in the marks file: brief prints them.
func TestReaderMarksAreWhatBriefPrints(t *testing.T) {
	env, path := briefEnv(t)
	code, out, errs := runReaderPipe(t, env, "mark\nnato#key-facts\nmark\n", "--lang", "en", "un#key-facts")
	if code != 0 || errs != "" || strings.Count(out, "marked: ") != 2 {
		t.Fatalf("exit %d, %q:\n%s", code, errs, out)
	}
	code, brief, errs := runCLI(t, env, "brief", "--lang", "it")
	if code != 0 || errs != "" {
		t.Fatalf("brief: exit %d, %q", code, errs)
	}
	for _, want := range []string{citeLine(t, env, "onu#in-breve", "--lang", "it"),
		citeLine(t, env, "nato#in-breve", "--lang", "it")} {
		if !strings.Contains(brief, want) {
			t.Errorf("brief lacks %q:\n%s", want, brief)
		}
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("no marks file: %v", err)
	}
}

// --no-state keeps the marks for the run: nothing is written.
func TestNoStateKeepsMarksForTheRun(t *testing.T) {
	env, path := briefEnv(t)
	code, out, _ := runReaderPipe(t, env, "mark\nmarks\n", "--no-state", "--lang", "en", "un#key-facts")
	if code != 0 || !strings.Contains(out, "1. Italy at the United Nations › Key facts") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("--no-state wrote %s (%v)", path, err)
	}
}

// A marks file that cannot be used is said once; the reader still starts and
// leaves the file alone.
func TestReaderStartsWithARefusedMarksFile(t *testing.T) {
	env, path := briefEnv(t)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	huge := strings.Repeat("x", 300<<10)
	if err := os.WriteFile(path, []byte(huge), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runReaderPipe(t, env, "mark\n", "--lang", "en", "un")
	flat := strings.Join(strings.Fields(out), " ")
	if code != 0 || strings.Count(flat, "cannot be used: it is larger than 256 KiB") != 1 ||
		!strings.Contains(flat, "marks are kept for this session only") || !strings.Contains(out, "# Italy at the United Nations") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	if data, _ := os.ReadFile(path); string(data) != huge {
		t.Errorf("the refused file was written over")
	}
}
