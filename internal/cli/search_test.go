package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// runSearch runs "cyberdiplo search ARGS..." with the given terminal and environment.
func runSearch(t *testing.T, terminal bool, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Execute(context.Background(), append([]string{"search"}, args...), Env{
		Out: &out, Err: &errb, Terminal: terminal,
		Getenv: func(k string) string { return env[k] },
	})
	return code, out.String(), errb.String()
}

func searchLines(s string) []string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func TestSearchPrintsOneLinePerSection(t *testing.T) {
	code, out, errs := runSearch(t, false, nil, "oewg", "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	ls := searchLines(out)
	if len(ls) < 3 || len(ls) > 20 {
		t.Fatalf("%d lines:\n%s", len(ls), out)
	}
	// The glossary entry first; "page › heading" in a column, then the passage.
	if !strings.HasPrefix(ls[0], "glossary › OEWG (Open-ended Working Group)  ") {
		t.Errorf("first line %q", ls[0])
	}
	col := -1
	seen := map[string]bool{}
	for _, l := range ls {
		where, snippet, ok := strings.Cut(l, "  ")
		if !ok || !strings.Contains(where, " › ") || strings.HasPrefix(l, "[") {
			t.Errorf("line %q: want page › heading, then the passage", l)
		}
		// The passages start in one column.
		start := len([]rune(l)) - len([]rune(strings.TrimLeft(snippet, " ")))
		if col >= 0 && start != col {
			t.Errorf("passage of %q starts at %d, not %d", l, start, col)
		}
		col = start
		if seen[where] {
			t.Errorf("section %q twice", where)
		}
		seen[where] = true
	}
	if strings.ContainsRune(out, 0x1b) || errs != "" {
		t.Errorf("piped output holds escapes or messages: %q %q", out, errs)
	}
}

func TestSearchIssueExamples(t *testing.T) {
	for _, c := range []struct {
		args  []string
		first []string // what the first line's column may hold
	}{
		{[]string{"cyber", "defense", "pledge", "--lang", "en"}, []string{"Cyber Defence Pledge"}},
		{[]string{"misura", "restrittiva", "--lang", "it"}, []string{"Misure restrittive", "Toolbox"}},
		{[]string{"resilence", "--lang", "en"}, nil},
		{[]string{"Prima", "Comissione", "--lang", "it"}, []string{"glossary › Prima Commissione"}},
		{[]string{"when", "was", "the", "cyber", "defence", "pledge", "adopted", "--lang", "en"}, []string{"Pledge", "2016"}},
		{[]string{"quanti", "OEWG", "ci", "sono", "stati", "--lang", "it"}, []string{"OEWG"}},
		{[]string{"confidence-building", "measures", "--lang", "it"}, []string{"misure di costruzione"}},
		{[]string{"sanctions", "malicious", "cyber", "--lang", "en"}, []string{"Restrictive measures", "Toolbox"}},
	} {
		code, out, errs := runSearch(t, false, nil, c.args...)
		ls := searchLines(out)
		if code != 0 || len(ls) == 0 {
			t.Errorf("%q: exit %d %s", c.args, code, errs)
			continue
		}
		where, _, _ := strings.Cut(ls[0], "  ")
		ok := c.first == nil
		for _, f := range c.first {
			ok = ok || strings.Contains(where, f)
		}
		if !ok {
			t.Errorf("%q: first line %q, want one of %q in its column", c.args, ls[0], c.first)
		}
	}
}

func TestSearchBothLanguages(t *testing.T) {
	// With no --lang: the reader's language (here from LANG), then the other one's
	// own sections, marked.
	code, out, _ := runSearch(t, false, map[string]string{"LANG": "it_IT.UTF-8"}, "oewg", "--limit", "100")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	ls := searchLines(out)
	seenEn := false
	for _, l := range ls {
		if strings.HasPrefix(l, "[en] ") {
			seenEn = true
		} else if seenEn {
			t.Errorf("Italian line %q after the English ones", l)
		}
		if strings.HasPrefix(l, "[it] ") {
			t.Errorf("the reader's language is marked: %q", l)
		}
	}
	if !seenEn || strings.HasPrefix(ls[0], "[") {
		t.Errorf("want Italian sections then [en] ones:\n%s", out)
	}
	// With --lang, that language only, unless --all-langs; a section found in the
	// other language is shown in this one, marked.
	_, out, _ = runSearch(t, false, nil, "partenariato", "pubblico-privato", "--lang", "en")
	if strings.Contains(out, "[it]") || !strings.Contains(out, "(via it)") {
		t.Errorf("--lang en:\n%s", out)
	}
	_, out, _ = runSearch(t, false, nil, "partenariato", "pubblico-privato", "--lang", "en", "--all-langs")
	if !strings.Contains(out, "[it] ") {
		t.Errorf("--lang en --all-langs:\n%s", out)
	}
}

func TestSearchJoinsWordsAndFolds(t *testing.T) {
	_, a, _ := runSearch(t, false, nil, "CBM", "14")
	_, b, _ := runSearch(t, false, nil, "cbm14")
	if a == "" || a != b {
		t.Fatalf("CBM 14 and cbm14 differ:\n%s\n--\n%s", a, b)
	}
	code, out, _ := runSearch(t, false, nil, "attivita", "--lang", "it")
	if code != 0 || !strings.Contains(out, "attività") {
		t.Fatalf("attivita --lang it: exit %d\n%s", code, out)
	}
}

func TestSearchWidth(t *testing.T) {
	for _, w := range []int{40, 80, 120, 200} {
		var o, e bytes.Buffer
		code := Execute(context.Background(), []string{"search", "cyber", "resilience", "--lang", "en"}, Env{
			Out: &o, Err: &e, Terminal: true, Width: w, Getenv: func(k string) string {
				if k == "NO_COLOR" {
					return "1"
				}
				return ""
			},
		})
		if code != 0 {
			t.Fatalf("width %d: exit %d %s", w, code, e.String())
		}
		longest := 0
		for _, l := range searchLines(o.String()) {
			longest = max(longest, ansi.StringWidth(l))
		}
		if longest > max(w, 48/2+2+30) || (w >= 80 && longest < w-12) {
			t.Errorf("width %d: longest line %d:\n%s", w, longest, o.String())
		}
	}
}

func TestSearchBold(t *testing.T) {
	_, out, _ := runSearch(t, true, nil, "pledge", "--lang", "en")
	if !strings.Contains(out, "\x1b[1mPledge\x1b[22m") {
		t.Errorf("no bold match on a terminal:\n%q", out)
	}
	_, out, _ = runSearch(t, true, map[string]string{"NO_COLOR": "1"}, "pledge")
	if strings.ContainsRune(out, 0x1b) || !strings.Contains(out, "Pledge") {
		t.Errorf("NO_COLOR output:\n%q", out)
	}
	_, out, _ = runSearch(t, false, nil, "pledge")
	if strings.ContainsRune(out, 0x1b) {
		t.Errorf("piped output holds escapes:\n%q", out)
	}
}

func TestSearchJSON(t *testing.T) {
	code, out, _ := runSearch(t, false, nil, "oewg", "--json", "--lang", "en", "--all-langs", "--limit", "50")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var hits []map[string]any
	if err := json.Unmarshal([]byte(out), &hits); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(hits) < 4 {
		t.Fatalf("%d hits", len(hits))
	}
	for _, k := range []string{"lang", "page", "page_title", "heading", "anchor", "heading_index", "line", "kind", "other_lang", "snippet", "marks", "score", "via"} {
		if _, ok := hits[0][k]; !ok {
			t.Errorf("no %q in %v", k, hits[0])
		}
	}
	first := hits[0]
	if first["lang"] != "en" || first["page"] != "glossary" || first["kind"] != "term" || first["other_lang"] != false || first["via"] != "exact" {
		t.Errorf("first hit %v", first)
	}
	if line, ok := first["line"].(float64); !ok || line < 1 {
		t.Errorf("line %v", first["line"])
	}
	prev := 1e9
	for _, h := range hits {
		if h["lang"] != "en" {
			break
		}
		if s := h["score"].(float64); s > prev || s <= 0 {
			t.Errorf("scores out of order: %v after %v", s, prev)
		} else {
			prev = s
		}
	}
	last := hits[len(hits)-1]
	if last["lang"] != "it" || last["other_lang"] != true {
		t.Errorf("last hit %v", last)
	}
	if !strings.Contains(out, "\n  {") {
		t.Errorf("JSON is not indented:\n%.200s", out)
	}
	_, out, _ = runSearch(t, false, nil, "resilence", "--json", "--lang", "en")
	if !strings.Contains(out, `"via": "typo"`) {
		t.Errorf("resilence: no typo via:\n%.300s", out)
	}
	// Limit.
	_, out, _ = runSearch(t, false, nil, "oewg", "--json", "--limit", "2")
	if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) != 2 {
		t.Fatalf("--limit 2: %d hits, %v", len(hits), err)
	}
}

func TestSearchNoMatch(t *testing.T) {
	code, out, errs := runSearch(t, false, nil, "zzzqqq")
	if code != 1 || out != "" || errs != "no match for \"zzzqqq\" in any language\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, out, _ = runSearch(t, false, nil, "zzzqqq", "--json")
	if code != 1 || strings.TrimSpace(out) != "[]" {
		t.Fatalf("--json: exit %d, stdout %q", code, out)
	}
	// A word too far from any for a typo: a suggestion from the briefing's words.
	code, out, errs = runSearch(t, false, nil, "diplmcy")
	if code != 1 || out != "" || errs != "no match for \"diplmcy\" in any language\ndid you mean: diplomacy\n" {
		t.Fatalf("diplmcy: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	// Not every word has to match: the others still find sections, exit 0, and
	// the word that matched nothing is named.
	code, out, errs = runSearch(t, false, nil, "oewg", "zzzqqq", "--lang", "en")
	if code != 0 || out == "" || errs != "no match for \"zzzqqq\"\n" {
		t.Fatalf("oewg zzzqqq: exit %d, stderr %q", code, errs)
	}
}

func TestSearchUsage(t *testing.T) {
	cases := [][]string{
		{},
		{"   "},
		{"()"},
		{"oewg", "--limit", "0"},
		{"oewg", "--limit", "-3"},
		{"oewg", "--limit", "many"},
		{"oewg", "--lang", "fr"},
		{"oewg", "--bogus"},
	}
	for _, args := range cases {
		code, out, errs := runSearch(t, false, nil, args...)
		if code != 2 || out != "" || errs == "" {
			t.Errorf("search %q: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
	_, _, errs := runSearch(t, false, nil)
	if !strings.Contains(errs, "search needs a query: for example cyberdiplo search oewg") {
		t.Errorf("stderr %q", errs)
	}
}

func TestSearchRestricted(t *testing.T) {
	var out, errb bytes.Buffer
	code := ExecuteRestricted(context.Background(), []string{"search", "pledge"}, Env{Out: &out, Err: &errb})
	if code != 0 || !strings.Contains(out.String(), "Pledge") {
		t.Fatalf("restricted search: exit %d\n%s%s", code, out.String(), errb.String())
	}
}

func TestSearchIndexBuiltOnce(t *testing.T) {
	a := &app{env: withDefaults(Env{})}
	x, err := a.searchIndex()
	if err != nil {
		t.Fatal(err)
	}
	y, _ := a.searchIndex()
	if x != y {
		t.Fatal("the index was built twice for one library")
	}
	// An app given an index (an SSH session's) uses it rather than building one.
	b := &app{env: withDefaults(Env{Library: a.lib, Index: x})}
	if z, _ := b.searchIndex(); z != x {
		t.Fatal("the index passed in Env was not used")
	}
}
