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
		"emoji":           {`en/one.md:23: emoji shortcode ":tada:": shortcodes are shown as typed; write the character itself, or words`},
		"bad-kind":        {`en/two.md:7: front matter: kind "forums" is not one of page, forum, glossary, timeline`},
		"kind-differs":    {`it/two.md:1: kind forum differs from en/two.md (page)`},
		"updated-differs": {`it/one.md:1: front matter: updated 2025-03, but 2026-03 in en/one.md: the two languages disagree`},
		"bad-colour":      {`en/two.md:7: front matter: colour needs dark and light, each "#RRGGBB" (got dark "#12345", light "#FFFFFF")`},
		"bad-alias":       {`it/two.md:1: alias "one" is the id of another page`},
		"no-sources":      {`sources.yaml:0: missing: declare the sources the briefing rests on here, and name them under each heading (see docs/CONTENT.md)`},
		// Synonyms that are other names are flagged; shortenings of the term ("Cyber
		// Pledge", "the Defence Pledge"), acronyms and lower-case synonyms are not,
		// nor the glossary entry that lists the other name.
		"other-name": {`en/two.md:17: "NATO Cyber Commitment" is another name for Cyber Defence Pledge: one body, one name; write the term base's (terms.yaml)`},
		// A long sentence is a warning only: Lint reports nothing (see TestLintWarnings).
		"long-sentence": nil,
		// Without the seeds there is nothing to compare with (see TestLintNearCopies).
		"near-copy": nil,
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

// A sentence over MaxSentenceWords words is a warning: Check reports it, marked,
// and Lint (what serve and the exit status rest on) leaves it out.
func TestLintWarnings(t *testing.T) {
	all, err := Check(os.DirFS("testdata/lint/long-sentence"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := `en/one.md:23: warning: a sentence of 44 words ("Text with a local link, and then a ..."): over 40 is hard to follow on a terminal; split it, or make a list`
	if len(all) != 1 || !all[0].Warning || all[0].String() != want {
		t.Fatalf("got %v, want one warning %q", all, want)
	}
	if got := lintDir(t, "long-sentence"); len(got) != 0 {
		t.Fatalf("Lint reports a warning as a problem: %v", got)
	}
}

// With the seeds, a passage that copies a seed with a word swapped is a problem;
// the good fixture, checked against the same seeds, has none.
func TestLintNearCopies(t *testing.T) {
	seeds, err := ReadSeeds(os.DirFS("testdata/lint/near-copy-seeds"))
	if err != nil {
		t.Fatal(err)
	}
	if len(seeds) != 1 || seeds["seed.txt"] == "" {
		t.Fatalf("ReadSeeds read %v, want seed.txt alone (notes.md is not a seed)", seeds)
	}
	got, err := Check(os.DirFS("testdata/lint/near-copy"), Options{Seeds: seeds})
	if err != nil {
		t.Fatal(err)
	}
	want := `en/two.md:17: "2016 the allies adopted the pledge on cyber resilience back" is close to the wording of seed.txt ("2016 the allies endorsed the pledge on cyber resilience as"): ` +
		`recast the sentence in the briefing's own words; an official name may be quoted once it is declared (a source's names in sources.yaml, or a term in terms.yaml)`
	if len(got) != 1 || got[0].String() != want {
		t.Fatalf("got %v\nwant %s", got, want)
	}
	if good, _ := Check(os.DirFS("testdata/lint/good"), Options{Seeds: seeds}); len(good) != 0 {
		t.Fatalf("the good fixture against the seeds: %v", good)
	}
}

// Sanitize takes out every control character, ASCII or not, and leaves text
// without one as it is (tabs, newlines, accents and bullets included).
func TestSanitizeEachKind(t *testing.T) {
	for in, want := range map[string]string{
		"a\x1b[31mb": "a[31mb", "del\x7f": "del", "c1\u009bx": "c1x", "bidi\u202eok": "bidiok",
		"zw\u200bsp": "zwsp", "bom\ufeff": "bom", "nul\x00": "nul", "cr\r\n": "cr\n",
		"tab\tand\nnewline": "tab\tand\nnewline", "città • è": "città • è", "": "",
	} {
		if got := Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}
