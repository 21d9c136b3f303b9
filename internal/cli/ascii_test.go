package cli

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/tui"
)

func nonASCII(s string) (rune, int) {
	for i, l := range strings.Split(s, "\n") {
		for _, r := range l {
			if r >= utf8.RuneSelf {
				return r, i + 1
			}
		}
	}
	return 0, 0
}

// Under --style ascii, show and search print ASCII only: no bullets, no ›, no
// curly quotes, no ellipsis (the letters of Italian words lose their accents).
func TestStyleASCIIEverywhere(t *testing.T) {
	for _, args := range [][]string{
		{"show", "un#key-facts", "--cite"},
		{"show", "un", "--format", "ansi", "--cite"},
		{"show", "onu", "--lang", "it", "--cite"},
		{"show", "timeline"},
		{"search", "oewg"},
		{"search", "diplomazia", "--lang", "it"},
		{"list", "--lang", "it"},
	} {
		code, out, errs := runCLI(t, nil, append(args, "--style", "ascii")...)
		if code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, errs)
		}
		if r, line := nonASCII(out); r != 0 {
			t.Errorf("%q --style ascii: line %d draws %q", args, line, r)
		}
	}
	// JSON keeps its data as it is.
	_, out, _ := runCLI(t, nil, "show", "onu", "--lang", "it", "--format", "json", "--style", "ascii")
	if !strings.Contains(out, "è") {
		t.Errorf("--format json under --style ascii lost its accents")
	}
}

// A locale that is not UTF-8 picks the ascii style; --help says so.
func TestNonUTF8LocalePicksASCII(t *testing.T) {
	for env, want := range map[[2]string]string{
		{"LC_ALL", "C"}:              "ascii",
		{"LC_ALL", "POSIX"}:          "ascii",
		{"LANG", "it_IT.ISO-8859-1"}: "ascii",
		{"LANG", "it_IT.UTF-8"}:      "auto",
		{"LC_CTYPE", "en_US.utf8"}:   "auto",
		{"", ""}:                     "auto",
	} {
		a := &app{env: Env{Getenv: func(k string) string {
			if k == env[0] {
				return env[1]
			}
			return ""
		}}, styleFlag: "auto"}
		if got, _ := a.style(); got != want {
			t.Errorf("%s=%s: style %s, want %s", env[0], env[1], got, want)
		}
	}
	// LC_ALL=C wins over a UTF-8 LANG, as setlocale has it.
	a := &app{env: Env{Getenv: func(k string) string {
		return map[string]string{"LC_ALL": "C", "LANG": "en_US.UTF-8"}[k]
	}}, styleFlag: "auto"}
	if got, _ := a.style(); got != "ascii" {
		t.Errorf("LC_ALL=C LANG=en_US.UTF-8: style %s", got)
	}

	code, out, _ := runCLI(t, map[string]string{"LC_ALL": "C"}, "show", "un#key-facts", "--cite")
	if r, line := nonASCII(out); code != 0 || r != 0 {
		t.Errorf("LC_ALL=C show: exit %d, line %d draws %q", code, line, r)
	}
	_, help, _ := runCLI(t, nil, "--help")
	if !strings.Contains(help, "ascii when the locale is not UTF-8") {
		t.Errorf("--help does not say when ascii is chosen:\n%s", help)
	}

	// The reader is given the style so chosen: its first frame is ASCII.
	lib, err := library.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	m := tui.New(tui.Options{Library: lib, Lang: "en", Page: "un", Style: "ascii", Width: 90, Height: 30})
	if r, line := nonASCII(m.FirstFrame()); r != 0 {
		t.Errorf("reader in the ascii style: line %d draws %q", line, r)
	}
}
