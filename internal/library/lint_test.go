package library

import (
	"os"
	"strings"
	"testing"
)

func lintDir(t *testing.T, name string) []string {
	t.Helper()
	problems, err := Lint(os.DirFS("testdata/lint/" + name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out := make([]string, len(problems))
	for i, p := range problems {
		out[i] = p.String()
	}
	return out
}

func TestLintGoodFixture(t *testing.T) {
	if got := lintDir(t, "good"); len(got) != 0 {
		t.Fatalf("good fixture has problems:\n%s", strings.Join(got, "\n"))
	}
}

// Each broken fixture differs from "good" by one edit; lint must name the file,
// the line and what is wrong, and nothing else.
func TestLintFindsEachProblem(t *testing.T) {
	cases := map[string][]string{
		"missing-page": {`en/two.md:1: page "two" has no Italian version: add it/two.md`, `it/one.md:18: link "two.md#dettagli": no page "two" in it/`},
		"extra-page":   {`it/three.md:1: page "three" has no English version: add en/three.md`},
		// One problem, not three: en/two.md is there (no "add en/two.md"), and the
		// links to it wait until it reads.
		"no-front-matter": {`en/two.md:1: missing front matter: the file must start with a line "---"`},
		"missing-title":   {`en/two.md:1: front matter: missing field "title"`},
		"bad-date":        {`it/one.md:6: front matter: updated "March 2026" is not a date (YYYY-MM or YYYY-MM-DD)`},
		"wrong-id":        {`en/two.md:2: front matter: id "deux" does not match the file name (want "two")`},
		"duplicate-order": {`en/two.md:1: order 1 is also the order of en/one.md: each page needs its own`, `it/two.md:1: order 2 differs from en/two.md (1)`},
		"heading-level":   {`it/one.md:20: heading 3 "Altro" is level 3, but level 2 in en/one.md:20 ("More")`},
		"heading-count":   {`it/one.md:23: 4 headings, but en/one.md has 3: both languages need the same headings`},
		"number":          {`en/two.md:17: number 2016 is not in the same passage of it/two.md:17: the two languages disagree`, `it/two.md:17: number 2017 is not in the same passage of en/two.md:17: the two languages disagree`},
		"bad-link":        {`en/one.md:18: link "three.md": no page "three" in en/`},
		"bad-anchor":      {`it/one.md:18: link "two.md#details": it/two.md has no heading with anchor "details"`},
		"web-link":        {`en/two.md:17: link to the web "https://example.org": the briefing links only to its own pages (it is read offline)`},
		"control-char":    {`en/one.md:23: control character U+001B (ESC) at column 6: remove it`, `en/one.md:23: number 31 is not in the same passage of it/one.md:23: the two languages disagree`},
		"c1-char":         {`it/two.md:17: control character U+009B (CSI) at column 41: remove it`},
		"no-sources":      {`sources.yaml:0: missing: declare the sources the briefing rests on here, and name them under each heading (see docs/CONTENT.md)`},
	}
	for name, want := range cases {
		got := lintDir(t, name)
		if strings.Join(got, "\n") != strings.Join(sortLike(want, got), "\n") {
			t.Errorf("%s:\n got: %s\nwant: %s", name, strings.Join(got, "\n      "), strings.Join(want, "\n      "))
		}
	}
}

// sortLike returns want in the order lint prints (by path, then line), so the
// table above can list problems in the order that reads best.
func sortLike(want, got []string) []string {
	if len(want) != len(got) {
		return want
	}
	set := map[string]bool{}
	for _, w := range want {
		set[w] = true
	}
	for _, g := range got {
		if !set[g] {
			return want
		}
	}
	return got
}

func TestLoadSanitizesControlCharacters(t *testing.T) {
	lib, err := Load(os.DirFS("testdata/lint/control-char"))
	if err != nil {
		t.Fatal(err)
	}
	p := lib.Page("en", "one")
	if strings.ContainsAny(p.Body, "\x1b") {
		t.Fatal("ESC reached the page body")
	}
	if !strings.Contains(p.Body, "Text [31mwith") {
		t.Fatalf("the rest of the line should stay: %q", p.Body)
	}
}
