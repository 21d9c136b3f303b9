package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"

	"github.com/cyberdiplo/cyberdiplo/internal/search"
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

// searchRow is one result of the two-line layout (narrower than wideRows).
type searchRow struct{ where, sources, snippet string }

// searchRows reads the results of the two-line layout: "page › heading ·
// sources", then the snippet indented.
func searchRows(t *testing.T, out string) []searchRow {
	t.Helper()
	var rows []searchRow
	for _, l := range searchLines(out) {
		if strings.HasPrefix(l, strings.Repeat(" ", snippetIndent)) {
			if len(rows) == 0 || rows[len(rows)-1].snippet != "" {
				t.Fatalf("a snippet without its heading: %q\n%s", l, out)
			}
			rows[len(rows)-1].snippet = l[snippetIndent:]
			continue
		}
		r := searchRow{where: l}
		if i := strings.LastIndex(l, " · "); i > 0 {
			r.where, r.sources = l[:i], l[i+len(" · "):]
		}
		rows = append(rows, r)
	}
	return rows
}

func TestSearchRows(t *testing.T) {
	// Piped: 80 columns, two lines a section.
	code, out, errs := runSearch(t, false, nil, "oewg", "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	rows := searchRows(t, out)
	if len(rows) < 3 || len(rows) > 20 {
		t.Fatalf("%d rows:\n%s", len(rows), out)
	}
	// The glossary entry first; its sources with their years; then the passage.
	if rows[0].where != "glossary › OEWG (Open-ended Working Group)" || rows[0].sources != "MAECI 2026, 2021" || rows[0].snippet == "" {
		t.Errorf("first row %+v", rows[0])
	}
	seen := map[string]bool{}
	for _, r := range rows {
		if !strings.Contains(r.where, " › ") || strings.HasPrefix(r.where, "[") || r.sources == "" {
			t.Errorf("row %+v: want page › heading (sources), then the passage", r)
		}
		if seen[r.where] {
			t.Errorf("section %q twice", r.where)
		}
		seen[r.where] = true
	}
	for _, l := range searchLines(out) {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("piped line of %d columns: %q", w, l)
		}
	}
	if strings.ContainsRune(out, 0x1b) || errs != "" {
		t.Errorf("piped output holds escapes or messages: %q %q", out, errs)
	}
	// From 120 columns: one line a section, the passages in one column, the
	// sources last.
	_, out, _ = runSearch(t, false, nil, "oewg", "--lang", "en", "--width", "160")
	col := -1
	for _, l := range searchLines(out) {
		where, snippet, ok := strings.Cut(l, "  ")
		if !ok || !strings.Contains(where, " › ") || !strings.HasSuffix(l, ")") || ansi.StringWidth(l) > 160 {
			t.Errorf("line %q: want page › heading, the passage, the sources, in 160 columns", l)
		}
		start := len([]rune(l)) - len([]rune(strings.TrimLeft(snippet, " ")))
		if col >= 0 && start != col {
			t.Errorf("passage of %q starts at %d, not %d", l, start, col)
		}
		col = start
	}
}

// TestSearchShowsTheAnswer: at 80 columns, piped, the first row carries the
// date, the number or the definition asked for, whole.
func TestSearchShowsTheAnswer(t *testing.T) {
	for _, c := range []struct {
		args   []string
		answer string
	}{
		{[]string{"first", "oewg", "end", "--lang", "en"}, "12 March 2021"},
		{[]string{"when", "was", "the", "pledge", "adopted", "--lang", "en"}, "2016"},
		{[]string{"what", "is", "the", "cyber", "defence", "pledge", "--lang", "en"}, "A commitment adopted by the NATO Allies in 2016"},
		{[]string{"quante", "misure", "di", "fiducia", "ha", "l'osce", "--lang", "it"}, "16"},
	} {
		_, out, _ := runSearch(t, false, nil, c.args...)
		rows := searchRows(t, out)
		if len(rows) == 0 || !strings.Contains(rows[0].where+" "+rows[0].snippet, c.answer) {
			t.Errorf("%q: first row %+v, want %q in it", c.args, rows, c.answer)
		}
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
		rows := searchRows(t, out)
		if code != 0 || len(rows) == 0 {
			t.Errorf("%q: exit %d %s", c.args, code, errs)
			continue
		}
		ok := c.first == nil
		for _, f := range c.first {
			ok = ok || strings.Contains(rows[0].where, f)
		}
		if !ok {
			t.Errorf("%q: first row %q, want one of %q in it", c.args, rows[0].where, c.first)
		}
	}
}

func TestSearchBothLanguages(t *testing.T) {
	// With no --lang: each section once, in the reader's language (here from
	// LANG) when it has the section, which the shipped content always does: the
	// same rows as --lang it, none of them marked with a language.
	code, out, _ := runSearch(t, false, map[string]string{"LANG": "it_IT.UTF-8"}, "oewg", "--limit", "100")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	_, only, _ := runSearch(t, false, nil, "oewg", "--limit", "100", "--lang", "it")
	rows := searchRows(t, out)
	if len(rows) < 10 || !reflect.DeepEqual(rows, searchRows(t, only)) {
		t.Errorf("no --lang (LANG=it) lists other rows than --lang it:\n%s\n--\n%s", out, only)
	}
	seen := map[string]bool{}
	for _, r := range rows {
		if strings.HasPrefix(r.where, "[") {
			t.Errorf("a section Italian has is listed in another language: %q", r.where)
		}
		if seen[r.where] {
			t.Errorf("%q listed twice:\n%s", r.where, out)
		}
		seen[r.where] = true
	}
	// With --lang, that language only; a section found in the other language is
	// shown in this one, marked with the language's label.
	_, out, _ = runSearch(t, false, nil, "partenariato", "pubblico-privato", "--lang", "en")
	if strings.Contains(out, "[IT]") || !strings.Contains(out, "(via IT)") {
		t.Errorf("--lang en:\n%s", out)
	}
	_, all, _ := runSearch(t, false, nil, "partenariato", "pubblico-privato", "--lang", "en", "--all-langs")
	if all != out {
		t.Errorf("--all-langs lists the Italian versions of sections English has:\n%s", all)
	}
	// A section only another language has is marked with its label.
	cell, _ := whereCell(search.Hit{Lang: "it", Page: "un", Heading: "Solo in italiano", OtherLang: true})
	if cell != "[IT] un › Solo in italiano" {
		t.Errorf("a section in another language: %q", cell)
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
	for _, w := range []int{20, 40, 80, 120, 200} {
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
		if longest > w || (w >= 80 && longest < w-16) {
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
	for _, k := range []string{"lang", "page", "page_title", "heading", "anchor", "heading_index", "line", "kind", "other_lang", "snippet", "marks", "score", "via", "sources"} {
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
	// Each section once: English has every section Italian has, so no hit is
	// of the other language (other_lang is for a section only it has).
	seen := map[string]bool{}
	for _, h := range hits {
		k := fmt.Sprint(h["page"], "#", h["anchor"])
		if h["lang"] != "en" || h["other_lang"] != false || seen[k] {
			t.Errorf("hit %v: another language's, or %s twice", h, k)
		}
		seen[k] = true
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
	if code != 1 || out != "" || errs != "no match for: zzzqqq\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, out, _ = runSearch(t, false, nil, "zzzqqq", "--json")
	if code != 1 || strings.TrimSpace(out) != "[]" {
		t.Fatalf("--json: exit %d, stdout %q", code, out)
	}
	// A word too far from any for a typo: a suggestion from the briefing's words.
	code, out, errs = runSearch(t, false, nil, "diplmcy")
	if code != 1 || out != "" || errs != "no match for: diplmcy\ndid you mean: diplomacy\n" {
		t.Fatalf("diplmcy: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	// Not every word has to match: the others still find sections, exit 0, and
	// the word that matched nothing is named.
	code, out, errs = runSearch(t, false, nil, "oewg", "zzzqqq", "--lang", "en")
	if code != 0 || out == "" || errs != "no match for: zzzqqq\n" {
		t.Fatalf("oewg zzzqqq: exit %d, stderr %q", code, errs)
	}
	// A name the briefing does not hold is not corrected into its words.
	code, out, errs = runSearch(t, false, nil, "budapest", "convention")
	if code != 1 || out != "" || errs != "no match for: budapest, convention\n" {
		t.Fatalf("budapest convention: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, _, errs = runSearch(t, false, nil, "paris", "call", "--width", "19")
	if code != 2 || !strings.Contains(errs, "--width 19") {
		t.Fatalf("--width 19: exit %d, stderr %q", code, errs)
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

// Escape debris in the query (a CSI with ESC or a C1 control, an OSC) is
// dropped whole: the same results as without it, and the words that matched
// nothing are the query's, not "2J".
func TestSearchDropsEscapeDebris(t *testing.T) {
	_, want, _ := runSearch(t, false, nil, "oewg", "--lang", "en")
	_, wantJSON, _ := runSearch(t, false, nil, "oewg", "--lang", "en", "--json")
	for _, debris := range []string{"oewg\x1b[2J", "oewg\u009b2J", "oewg\x9b2J", "\x1b]0;title\x07oewg"} {
		code, out, errs := runSearch(t, false, nil, debris, "--lang", "en")
		if code != 0 || out != want || errs != "" {
			t.Errorf("%q: exit %d, stderr %q, output differs from oewg's: %v", debris, code, errs, out != want)
		}
		if _, out, _ := runSearch(t, false, nil, debris, "--lang", "en", "--json"); out != wantJSON {
			t.Errorf("%q --json: output differs from oewg's", debris)
		}
		code, out, errs = runSearch(t, false, nil, strings.Replace(debris, "oewg", "zzzqqq", 1))
		if code != 1 || out != "" || errs != "no match for: zzzqqq\n" {
			t.Errorf("zzzqqq in %q: exit %d, stdout %q, stderr %q", debris, code, out, errs)
		}
	}
	if code, _, errs := runSearch(t, false, nil, "\x1b[2J"); code != 2 || strings.Contains(errs, "2J") {
		t.Errorf("debris alone: exit %d, stderr %q", code, errs)
	}
}
