package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	"github.com/cyberdiplo/cyberdiplo/internal/tui"
)

// renderMan formats a roff man page as a reader sees it: with man -l (man-db),
// else groff. It skips the test when neither is installed (CI installs them:
// apt-get install man-db groff-base).
func renderMan(t *testing.T, roff string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "cyberdiplo.1")
	if err := os.WriteFile(file, []byte(roff), 0o644); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "LC_ALL=C.UTF-8", "MANWIDTH=100", "MAN_KEEP_FORMATTING=", "MANROFFSEQ=")
	var cmd *exec.Cmd
	if path, err := exec.LookPath("man"); err == nil {
		cmd = exec.Command(path, "-l", "-P", "cat", file)
	} else if path, err := exec.LookPath("groff"); err == nil {
		cmd = exec.Command(path, "-k", "-man", "-Tutf8", "-P", "-cbou", "-rLL=100n", file)
	} else {
		t.Skip("neither man nor groff is installed: apt-get install man-db groff-base")
	}
	cmd.Env = env
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", cmd, err, errb.String())
	}
	// What groff warns about (a bad request, a macro misused) is a bug in the page.
	if path, err := exec.LookPath("groff"); err == nil {
		lint := exec.Command(path, "-k", "-man", "-z", "-ww", file)
		lint.Env = env
		if msg, _ := lint.CombinedOutput(); len(bytes.TrimSpace(msg)) > 0 {
			t.Errorf("groff warns about the page:\n%s", msg)
		}
	}
	return out.String()
}

func TestManPageInBothLanguages(t *testing.T) {
	for _, lang := range []string{"en", "it"} {
		code, roff, errs := runCLI(t, nil, "man", "--lang", lang)
		if code != 0 || errs != "" || !strings.HasPrefix(roff, ".TH CYBERDIPLO 1 ") {
			t.Fatalf("man --lang %s: exit %d, %q, %.200s", lang, code, errs, roff)
		}
		page := renderMan(t, roff)
		m := i18n.Man(lang)
		first := strings.SplitN(page, "\n", 2)[0]
		if !strings.HasPrefix(first, "CYBERDIPLO(1)") || !strings.HasSuffix(strings.TrimSpace(first), "CYBERDIPLO(1)") ||
			!strings.Contains(first, m.Manual) {
			t.Errorf("%s: header %q", lang, first)
		}
		at := -1
		for _, sec := range []string{m.Name, m.Synopsis, m.Description, m.Options, m.Commands, m.Keys,
			m.Environment, m.Files, m.ExitStatus, m.Examples} {
			i := strings.Index(page, "\n"+sec+"\n")
			if i < 0 {
				t.Errorf("%s: no section %s", lang, sec)
				continue
			}
			if i < at {
				t.Errorf("%s: section %s out of order", lang, sec)
			}
			at = i
		}
		// No markup of --help or Markdown, and flags with their argument.
		for _, leak := range []string{"`", "**", "--h --help", "\\f", ".TP", ".SH", "CYBERDIItaly"} {
			if strings.Contains(page, leak) {
				t.Errorf("%s: the page shows %q", lang, leak)
			}
		}
		for _, want := range []string{"--content DIR", "--limit N", "--width N", "--host-key FILE", "-h, --help",
			"show ", "search ", "serve", "lint", "completion", "NO_COLOR", "state.json", "LC_ALL=C"} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: the page lacks %q", lang, want)
			}
		}
		// Every key of the help overlay, with what it does.
		flat := strings.Join(strings.Fields(page), " ")
		for _, k := range tui.HelpKeys(lang, 8) {
			if !strings.Contains(flat, strings.Join(strings.Fields(k.Keys), " ")) || !strings.Contains(flat, k.Does) {
				t.Errorf("%s: key %q (%s) is not in KEYS", lang, k.Keys, k.Does)
			}
		}
		// The pages' description is in the page's language.
		desc := map[string]string{"en": "bilingual briefing", "it": "guida bilingue"}[lang]
		if !strings.Contains(flat, desc) {
			t.Errorf("%s: the description is not in %s", lang, lang)
		}
	}
}
