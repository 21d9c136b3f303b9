package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
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

func TestSearchPrintsOneLinePerHit(t *testing.T) {
	code, out, errs := runSearch(t, false, nil, "oewg")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	ls := searchLines(out)
	if len(ls) < 3 || len(ls) > 20 {
		t.Fatalf("%d lines:\n%s", len(ls), out)
	}
	// The glossary term first, as "page  Heading".
	if ls[0] != "glossary  OEWG (Open-ended Working Group)" {
		t.Errorf("first line %q", ls[0])
	}
	for _, l := range ls[1:] {
		page, rest, ok := strings.Cut(l, "  ")
		if !ok || strings.ContainsAny(page, " []") || !strings.Contains(strings.ToLower(rest), "oewg") {
			t.Errorf("line %q: want page-id  Heading — snippet", l)
		}
		if strings.HasPrefix(l, "[") {
			t.Errorf("other language without --all-langs: %q", l)
		}
	}
	if !strings.Contains(out, "un  Key facts — ") {
		t.Errorf("no line under un's Key facts:\n%s", out)
	}
	if strings.ContainsRune(out, 0x1b) || errs != "" {
		t.Errorf("piped output holds escapes or messages: %q %q", out, errs)
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
	code, out, _ = runSearch(t, false, map[string]string{"LANG": "it_IT.UTF-8"}, "perche")
	if code != 0 || !strings.Contains(out, "erché") {
		t.Fatalf("perche under LANG=it: exit %d\n%s", code, out)
	}
}

func TestSearchOtherLanguage(t *testing.T) {
	code, out, _ := runSearch(t, false, nil, "oewg", "--lang", "it", "--all-langs", "--limit", "100")
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
		t.Errorf("want Italian hits then [en] hits:\n%s", out)
	}
}

func TestSearchBold(t *testing.T) {
	_, out, _ := runSearch(t, true, nil, "pledge")
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
	code, out, _ := runSearch(t, false, nil, "oewg", "--json", "--all-langs", "--limit", "50")
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
	for _, k := range []string{"lang", "page", "heading", "snippet", "line", "kind", "anchor", "other_lang"} {
		if _, ok := hits[0][k]; !ok {
			t.Errorf("no %q in %v", k, hits[0])
		}
	}
	first := hits[0]
	if first["lang"] != "en" || first["page"] != "glossary" || first["kind"] != "term" || first["other_lang"] != false {
		t.Errorf("first hit %v", first)
	}
	if line, ok := first["line"].(float64); !ok || line < 1 {
		t.Errorf("line %v", first["line"])
	}
	last := hits[len(hits)-1]
	if last["lang"] != "it" || last["other_lang"] != true {
		t.Errorf("last hit %v", last)
	}
	if !strings.Contains(out, "\n  {") {
		t.Errorf("JSON is not indented:\n%.200s", out)
	}
	// Limit.
	_, out, _ = runSearch(t, false, nil, "oewg", "--json", "--limit", "2")
	if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) != 2 {
		t.Fatalf("--limit 2: %d hits, %v", len(hits), err)
	}
}

func TestSearchNoMatch(t *testing.T) {
	code, out, errs := runSearch(t, false, nil, "zzzqqq")
	if code != 1 || out != "" || !strings.Contains(errs, `no match for "zzzqqq"`) || strings.Count(errs, "\n") != 1 {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, out, _ = runSearch(t, false, nil, "zzzqqq", "--json")
	if code != 1 || strings.TrimSpace(out) != "[]" {
		t.Fatalf("--json: exit %d, stdout %q", code, out)
	}
	// Every word must match: an Italian word is not found in English.
	if code, _, _ := runSearch(t, false, nil, "oewg", "attivita", "--lang", "en"); code != 1 {
		t.Fatalf("oewg attivita --lang en: exit %d", code)
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
