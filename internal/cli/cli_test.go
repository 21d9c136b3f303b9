package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// runCLI runs the command line as a user would from a pipe (no terminal).
func runCLI(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Execute(context.Background(), args, Env{
		Out: &out, Err: &errb,
		Getenv: func(k string) string { return env[k] },
	})
	return code, out.String(), errb.String()
}

func TestShowFormats(t *testing.T) {
	code, out, _ := runCLI(t, nil, "show", "un", "--lang", "it", "--format", "plain")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if strings.ContainsRune(out, 0x1b) {
		t.Fatal("plain output holds an escape sequence")
	}
	for _, fact := range []string{"L'Italia alle Nazioni Unite", "2004", "GGE", "OEWG", "2009-2010", "12 marzo 2021", "2021-2025", "marzo 2026"} {
		if !strings.Contains(out, fact) {
			t.Errorf("show un --lang it lacks %q", fact)
		}
	}
	// Piped output defaults to plain.
	if _, def, _ := runCLI(t, nil, "show", "un"); strings.ContainsRune(def, 0x1b) {
		t.Fatal("piped show without --format holds escapes")
	}
	_, md, _ := runCLI(t, nil, "show", "nato", "--format", "markdown")
	if strings.HasPrefix(md, "---") || strings.Contains(md, "order:") || !strings.HasPrefix(md, "# ") {
		t.Fatalf("markdown output should be the source without front matter:\n%.200s", md)
	}
	_, ansiOut, _ := runCLI(t, nil, "show", "osce", "--format", "ansi")
	if !strings.Contains(ansiOut, "\x1b[") {
		t.Fatal("ansi output has no escape sequence")
	}
	_, narrow, _ := runCLI(t, nil, "show", "glossary", "--format", "plain", "--width", "40")
	for _, l := range strings.Split(narrow, "\n") {
		if len([]rune(l)) > 40 {
			t.Fatalf("--width 40: line %q", l)
		}
	}
}

func TestShowEveryPageInBothLanguages(t *testing.T) {
	for _, lang := range []string{"en", "it"} {
		for _, id := range []string{"overview", "eu", "un", "nato", "osce", "glossary", "timeline", "about"} {
			code, out, errs := runCLI(t, nil, "show", id, "--lang", lang)
			if code != 0 || len(out) < 500 {
				t.Errorf("show %s --lang %s: exit %d, %d bytes, %s", id, lang, code, len(out), errs)
			}
		}
	}
	// Italian names work too, and several pages print in order.
	code, out, _ := runCLI(t, nil, "show", "panoramica", "cronologia", "--lang", "it")
	if code != 0 || strings.Index(out, "Panoramica") > strings.Index(out, "Cronologia") {
		t.Fatalf("show panoramica cronologia: exit %d", code)
	}
}

func TestList(t *testing.T) {
	_, out, _ := runCLI(t, nil, "list", "--lang", "it")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 8 {
		t.Fatalf("list prints %d lines:\n%s", len(lines), out)
	}
	if f := strings.Fields(lines[2]); f[0] != "un" || f[1] != "ONU" {
		t.Fatalf("third line: %q", lines[2])
	}
}

func TestLanguageRule(t *testing.T) {
	cases := []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, nil, "Overview"},
		{map[string]string{"LANG": "it_IT.UTF-8"}, nil, "Panoramica"},
		{map[string]string{"LANG": "it_IT.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, nil, "Overview"},
		{map[string]string{"LC_ALL": "it", "LC_MESSAGES": "en_US"}, nil, "Panoramica"},
		{map[string]string{"LC_ALL": "", "LANG": "it_CH"}, nil, "Panoramica"},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, nil, "Overview"},
		{map[string]string{"LANG": "it_IT.UTF-8"}, []string{"--lang", "en"}, "Overview"},
	}
	for _, c := range cases {
		args := append([]string{"list"}, c.args...)
		_, out, _ := runCLI(t, c.env, args...)
		if !strings.Contains(out, c.want) {
			t.Errorf("env %v args %v: want %s in\n%s", c.env, c.args, c.want, out)
		}
	}
}

func TestBadInput(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"show", "mars"}, `cyberdiplo: unknown page "mars": use one of overview, eu, un, nato, osce, glossary, timeline, about`},
		{[]string{"show"}, "cyberdiplo: show needs at least one page"},
		{[]string{"show", "un", "--lang", "fr"}, `cyberdiplo: --lang: unknown language "fr": use en or it`},
		{[]string{"show", "un", "--format", "html"}, `cyberdiplo: --format: unknown format "html": use ansi, plain, markdown or json`},
		{[]string{"show", "un", "--width", "5"}, "cyberdiplo: --width 5: use a number of columns from 20 to 1000"},
		{[]string{"show", "un", "--bogus"}, "cyberdiplo: unknown flag: --bogus"},
		{[]string{"list", "extra"}, `cyberdiplo: list takes no arguments, and was given "extra" (see cyberdiplo list --help)`},
		{[]string{"--style", "neon", "show", "un"}, `cyberdiplo: --style: unknown style "neon"`},
		{[]string{"--content", "/nonexistent", "list"}, "cyberdiplo: --content /nonexistent: there is no such directory"},
		{[]string{"mars"}, `cyberdiplo: unknown page "mars"`},
	}
	for _, c := range cases {
		code, out, errs := runCLI(t, nil, c.args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", c.args, code)
		}
		if !strings.HasPrefix(errs, c.want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: stderr %q, want one line starting %q", c.args, errs, c.want)
		}
		if strings.Contains(errs, "goroutine") || out != "" {
			t.Errorf("%v: unexpected output %q", c.args, out)
		}
	}
}

func TestReaderNeedsATerminal(t *testing.T) {
	code, _, errs := runCLI(t, map[string]string{"TERM": "xterm-256color"})
	if code != 2 || !strings.Contains(errs, "needs a terminal") {
		t.Fatalf("exit %d: %q", code, errs)
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, _ := runCLI(t, nil, args...)
		if code != 0 || !strings.HasPrefix(out, "cyberdiplo ") || !strings.Contains(out, "commit:") || !strings.Contains(out, "go:") {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
	Version, Commit, Date = "1.2.3", "abc1234", "2026-11-01"
	defer func() { Version, Commit, Date = "", "", "" }()
	_, out, _ := runCLI(t, nil, "version")
	if !strings.Contains(out, "cyberdiplo 1.2.3") || !strings.Contains(out, "abc1234") || !strings.Contains(out, "2026-11-01") {
		t.Fatalf("ldflags version: %q", out)
	}
}

// copyContent copies the embedded content to a directory an editor could change.
func copyContent(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, lang := range []string{"en", "it"} {
		src := filepath.Join("..", "..", "content", lang)
		entries, err := os.ReadDir(src)
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(dir, lang), 0o755)
		for _, e := range entries {
			data, _ := os.ReadFile(filepath.Join(src, e.Name()))
			os.WriteFile(filepath.Join(dir, lang, e.Name()), data, 0o644)
		}
	}
	for _, f := range []string{"sources.yaml", "terms.yaml"} { // lint wants them with the pages
		data, err := os.ReadFile(filepath.Join("..", "..", "content", f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), data, 0o644)
	}
	return dir
}

func TestLintCommand(t *testing.T) {
	code, out, _ := runCLI(t, nil, "lint")
	if code != 0 || !strings.HasPrefix(out, "ok: 8 pages in English, 8 in Italian") {
		t.Fatalf("lint of the embedded content: exit %d %q", code, out)
	}
	dir := copyContent(t)
	if code, out, _ := runCLI(t, nil, "lint", dir); code != 0 {
		t.Fatalf("lint of a copy: exit %d %q", code, out)
	}
	// The editor fixes a date in one language only.
	path := filepath.Join(dir, "en", "nato.md")
	data, _ := os.ReadFile(path)
	changed := strings.Replace(string(data), "2016", "2017", 1)
	os.WriteFile(path, []byte(changed), 0o644)
	line := strings.Count(changed[:strings.Index(changed, "2017")], "\n") + 1
	code, out, errs := runCLI(t, nil, "lint", dir)
	if code != 1 {
		t.Fatalf("lint after the change: exit %d", code)
	}
	// Both languages are named: the passage that changed and its translation,
	// even though 2016 still stands elsewhere on the English page.
	for _, want := range []string{
		filepath.Join(dir, "en", "nato.md") + ":" + strconv.Itoa(line) + ": number 2017 is not in the same passage of it/nato.md:",
		filepath.Join(dir, "it", "nato.md") + ":" + strconv.Itoa(line) + ": number 2016 is not in the same passage of en/nato.md:" + strconv.Itoa(line),
	} {
		if !strings.Contains(out, want) {
			t.Fatalf("lint output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errs, "2 problem") {
		t.Fatalf("lint should count the problems on stderr: %q", errs)
	}
	// --content makes every command read the directory.
	os.WriteFile(path, []byte(strings.Replace(changed, "# ", "# EDITED ", 1)), 0o644)
	if _, out, _ := runCLI(t, nil, "--content", dir, "show", "nato"); !strings.Contains(out, "EDITED") {
		t.Fatal("--content did not read the directory")
	}
}

func TestContentControlCharactersNeverShown(t *testing.T) {
	dir := copyContent(t)
	path := filepath.Join(dir, "en", "about.md")
	data, _ := os.ReadFile(path)
	os.WriteFile(path, append(data, []byte("\nEvil \x1b]0;pwned\x07 title \x1b[2J\n")...), 0o644)
	for _, f := range []string{"plain", "markdown", "ansi"} {
		_, out, _ := runCLI(t, nil, "--content", dir, "show", "about", "--format", f)
		if strings.Contains(out, "\x1b]0") || strings.Contains(out, "\x07") || strings.Contains(out, "\x1b[2J") {
			t.Fatalf("%s: a control sequence from the content reached the output", f)
		}
	}
}
