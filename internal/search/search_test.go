package search

import (
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

func page(id, title string, order int, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(fmt.Sprintf(
		"---\nid: %s\ntitle: %s\ntab: %s\norder: %d\nupdated: 2026-03\nsources:\n  - Test\n---\n%s",
		id, title, title, order, body))}
}

// The front matter above is 9 lines: the body starts on line 10.
const bodyLine = 10

var longLine = "This paragraph is deliberately long so that its snippet has to be cut: it goes on and on about " +
	"diplomacy, cooperation, robustness and many other worthy things before it finally names the zeppelin at its very end."

var fixture = fstest.MapFS{
	"en/overview.md": page("overview", "Overview", 1, `A preface line about zephyrs, before any heading.
# Overview

## The OEWG process

The first OEWG met on 12 March 2021.
- Italy made a **Pledge** on [resilience](glossary.md#cyber-defence-pledge).
- CBM14 is written without a space here.
* The OEWGs are open-ended.

`+longLine+`
`),
	"en/glossary.md": page("glossary", "Glossary", 2, `# Glossary

## OEWG (Open-ended Working Group)

A UN working group open to all. See the OEWG process.

## Cyber Defence Pledge

A NATO commitment.
`),
	"it/overview.md": page("overview", "Panoramica", 1, `# Panoramica

## Il processo OEWG

Le attività dell'OEWG. Perché conta.
1. La CBM 14 sul partenariato.
`),
	"it/glossary.md": page("glossary", "Glossario", 2, `# Glossario

## OEWG (Open-ended Working Group, gruppo di lavoro aperto)

Un gruppo di lavoro dell'ONU.
`),
}

var fixtureIndex = sync.OnceValue(func() *Index {
	lib, err := library.Load(fixture)
	if err != nil {
		panic(err)
	}
	return New(lib)
})

// where describes a hit as "lang page:line kind".
func where(h Hit) string { return fmt.Sprintf("%s %s:%d %s", h.Lang, h.Page, h.Line, h.Kind) }

func wheres(hs []Hit) []string {
	out := []string{}
	for _, h := range hs {
		out = append(out, where(h))
	}
	return out
}

func marked(h Hit) []string {
	var out []string
	for _, m := range h.Marks {
		out = append(out, h.Snippet[m[0]:m[1]])
	}
	return out
}

func search(q string, opt Options) []Hit { return fixtureIndex().Search(q, opt) }

func TestFoldsCaseAndAccents(t *testing.T) {
	for _, q := range []string{"attivita", "attività", "ATTIVITA", "Attività"} {
		hs := search(q, Options{Lang: "it"})
		if got := wheres(hs); !reflect.DeepEqual(got, []string{"it overview:14 text"}) {
			t.Errorf("%q: got %v", q, got)
			continue
		}
		if got := marked(hs[0]); !reflect.DeepEqual(got, []string{"attività"}) {
			t.Errorf("%q: marked %q in %q", q, got, hs[0].Snippet)
		}
	}
	hs := search("perche", Options{Lang: "it"})
	if len(hs) != 1 || !reflect.DeepEqual(marked(hs[0]), []string{"Perché"}) {
		t.Fatalf("perche: %v", hs)
	}
	if hs[0].Snippet != "Le attività dell'OEWG. Perché conta." {
		t.Errorf("snippet %q", hs[0].Snippet)
	}
	// Byte offsets into the original text: "Le attività dell'OEWG. " is 24 bytes.
	if !reflect.DeepEqual(hs[0].Marks, [][2]int{{24, 31}}) {
		t.Errorf("marks %v", hs[0].Marks)
	}
}

func TestWordStart(t *testing.T) {
	cases := []struct {
		q    string
		want []string
	}{
		{"pled", []string{"en glossary:16 term", "en overview:16 text"}},
		{"PLEDGE", []string{"en glossary:16 term", "en overview:16 text"}},
		{"ledge", []string{}},
		{"ewg", []string{}},
		{"zeph", []string{"en overview:10 text"}},
		{"resil", []string{"en overview:16 text"}}, // a link's text is searched
		{"glossary", []string{"en glossary:10 heading"}},
		{"cyber defence pledge", []string{"en glossary:16 term"}},
		{"md", []string{}}, // link targets are not
	}
	for _, c := range cases {
		if got := wheres(search(c.q, Options{Lang: "en"})); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: got %v, want %v", c.q, got, c.want)
		}
	}
	hs := search("pled", Options{Lang: "en"})
	if got := marked(hs[1]); !reflect.DeepEqual(got, []string{"Pled"}) || hs[1].Snippet != "Italy made a Pledge on resilience." {
		t.Errorf("pled: marked %q in %q", got, hs[1].Snippet)
	}
	// "oewg" finds OEWG and OEWGs, and marks the prefix of OEWGs.
	var found bool
	for _, h := range search("oewg", Options{Lang: "en"}) {
		if h.Line == 18 && h.Page == "overview" {
			found = true
			if got := marked(h); !reflect.DeepEqual(got, []string{"OEWG"}) || h.Snippet != "The OEWGs are open-ended." {
				t.Errorf("oewg in %q: marked %q", h.Snippet, got)
			}
		}
	}
	if !found {
		t.Errorf("oewg does not find OEWGs")
	}
}

func TestEveryWordRequired(t *testing.T) {
	cases := []struct {
		q    string
		want []string
	}{
		{"oewg march", []string{"en overview:15 text"}},
		{"march oewg 12", []string{"en overview:15 text"}},
		{"oewg zebra", []string{}},
		{"open group", []string{"en glossary:12 term", "en glossary:14 text"}},
		{"first met 2021", []string{"en overview:15 text"}},
	}
	for _, c := range cases {
		if got := wheres(search(c.q, Options{Lang: "en"})); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: got %v, want %v", c.q, got, c.want)
		}
	}
	hs := search("oewg march", Options{Lang: "en"})
	if got := marked(hs[0]); !reflect.DeepEqual(got, []string{"OEWG", "March"}) {
		t.Errorf("marked %q", got)
	}
}

func TestLettersAndDigitsAreWords(t *testing.T) {
	if got, want := Words("CBM14 attività, l'OEWG 2021-2025"), []string{"cbm", "14", "attivita", "l", "oewg", "2021", "2025"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
	want := []string{"en overview:17 text", "it overview:15 text"}
	for _, q := range []string{"CBM 14", "cbm14", "CBM-14"} {
		hs := search(q, Options{Lang: "en", AllLangs: true})
		if got := wheres(hs); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %v, want %v", q, got, want)
			continue
		}
		if got := marked(hs[0]); !reflect.DeepEqual(got, []string{"CBM14"}) {
			t.Errorf("%q: marked %q in %q", q, got, hs[0].Snippet)
		}
		if got := marked(hs[1]); !reflect.DeepEqual(got, []string{"CBM", "14"}) {
			t.Errorf("%q: marked %q in %q", q, got, hs[1].Snippet)
		}
	}
	// "l'OEWG" holds the word "oewg".
	if got := wheres(search("oewg conta", Options{Lang: "it"})); !reflect.DeepEqual(got, []string{"it overview:14 text"}) {
		t.Errorf("oewg conta: %v", got)
	}
}

func TestRanking(t *testing.T) {
	// The exact glossary term, then headings, then text, each in tab order.
	got := wheres(search("oewg", Options{Lang: "en"}))
	want := []string{
		"en glossary:12 term",
		"en overview:13 heading",
		"en overview:15 text",
		"en overview:18 text",
		"en glossary:14 text",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("oewg en:\n got %v\nwant %v", got, want)
	}
	// Any name of the term is exact: the acronym, the words in parentheses.
	for _, q := range []string{"Open-ended Working Group", "OEWG (Open-ended Working Group)", "open ended working group"} {
		if hs := search(q, Options{Lang: "en"}); len(hs) == 0 || where(hs[0]) != "en glossary:12 term" {
			t.Errorf("%q: %v", q, wheres(hs))
		}
	}
	if hs := search("gruppo di lavoro aperto", Options{Lang: "it"}); len(hs) == 0 || where(hs[0]) != "it glossary:12 term" {
		t.Errorf("gruppo di lavoro aperto: %v", wheres(hs))
	}
	// A term that is not named exactly ranks with the headings, in tab order.
	if got := wheres(search("open", Options{Lang: "en"})); got[0] != "en glossary:12 term" || got[1] != "en overview:18 text" {
		t.Errorf("open: %v", got)
	}
	if got := wheres(search("process", Options{Lang: "en"})); !reflect.DeepEqual(got, []string{"en overview:13 heading", "en glossary:14 text"}) {
		t.Errorf("process: %v", got)
	}

	// The reader's language first, the other after, marked.
	hs := search("oewg", Options{Lang: "it", AllLangs: true})
	got = wheres(hs)
	want = []string{
		"it glossary:12 term",
		"it overview:12 heading",
		"it overview:14 text",
		"en glossary:12 term",
		"en overview:13 heading",
		"en overview:15 text",
		"en overview:18 text",
		"en glossary:14 text",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("oewg it, all languages:\n got %v\nwant %v", got, want)
	}
	for _, h := range hs {
		if h.OtherLang != (h.Lang == "en") {
			t.Errorf("%s: OtherLang = %v", where(h), h.OtherLang)
		}
	}
	// Without AllLangs, only the reader's language.
	for _, h := range search("oewg", Options{Lang: "it"}) {
		if h.Lang != "it" || h.OtherLang {
			t.Errorf("it only: got %s (other %v)", where(h), h.OtherLang)
		}
	}
	// An unknown or missing language is the first one.
	if a, b := wheres(search("oewg", Options{})), wheres(search("oewg", Options{Lang: "en"})); !reflect.DeepEqual(a, b) {
		t.Errorf("no language: %v", a)
	}
}

func TestHitFields(t *testing.T) {
	hs := search("pled", Options{Lang: "en"})
	h := hs[1]
	want := Hit{Lang: "en", Page: "overview", PageTitle: "Overview", Heading: "The OEWG process",
		Anchor: "the-oewg-process", HeadingIndex: 1, Line: 16, Kind: Body,
		Snippet: "Italy made a Pledge on resilience.", Marks: [][2]int{{13, 17}}}
	if !reflect.DeepEqual(h, want) {
		t.Errorf("got  %+v\nwant %+v", h, want)
	}
	term := hs[0]
	if term.Kind != Term || term.Heading != "Cyber Defence Pledge" || term.HeadingIndex != 2 || term.Anchor != "cyber-defence-pledge" || term.PageTitle != "Glossary" {
		t.Errorf("term: %+v", term)
	}
	// Before the first heading.
	hs = search("zephyrs", Options{Lang: "en"})
	if len(hs) != 1 || hs[0].HeadingIndex != -1 || hs[0].Heading != "" || hs[0].Anchor != "" || hs[0].Line != bodyLine {
		t.Errorf("preface: %+v", hs)
	}
	// Line is the line of the file.
	for _, q := range []string{"oewg", "pledge", "cbm", "zeppelin", "a"} {
		for _, h := range search(q, Options{Lang: "en", AllLangs: true}) {
			lines := strings.Split(string(fixture[h.Lang+"/"+h.Page+".md"].Data), "\n")
			first, _, _ := strings.Cut(strings.TrimPrefix(h.Snippet, "…"), " ")
			if !strings.Contains(lines[h.Line-1], first) {
				t.Errorf("%s: line %q does not hold %q", where(h), lines[h.Line-1], h.Snippet)
			}
		}
	}
	for k, s := range map[Kind]string{Term: "term", Heading: "heading", Body: "text"} {
		if k.String() != s {
			t.Errorf("%d.String() = %q", k, k.String())
		}
	}
}

func TestNoDuplicates(t *testing.T) {
	for _, q := range []string{"oewg", "the", "o", "a", "oewg oewg", "pledge pled p"} {
		seen := map[string]bool{}
		for _, h := range search(q, Options{Lang: "en", AllLangs: true}) {
			k := fmt.Sprintf("%s %s %d", h.Lang, h.Page, h.Line)
			if seen[k] {
				t.Errorf("%q: %s twice", q, k)
			}
			seen[k] = true
		}
	}
}

func TestLimit(t *testing.T) {
	all := search("oewg", Options{Lang: "it", AllLangs: true})
	for _, n := range []int{1, 2, 3, 4, 7} {
		hs := search("oewg", Options{Lang: "it", AllLangs: true, Limit: n})
		if !reflect.DeepEqual(hs, all[:n]) {
			t.Errorf("limit %d: %v", n, wheres(hs))
		}
	}
	if hs := search("oewg", Options{Lang: "it", AllLangs: true, Limit: 100}); len(hs) != len(all) {
		t.Errorf("limit 100: %d hits, want %d", len(hs), len(all))
	}
}

func TestBlankQuery(t *testing.T) {
	for _, q := range []string{"", "   ", "--", "…", "()"} {
		if hs := search(q, Options{Lang: "en", AllLangs: true}); hs != nil {
			t.Errorf("%q: %v", q, wheres(hs))
		}
		if m := Marks("some text", q); m != nil {
			t.Errorf("Marks(%q) = %v", q, m)
		}
	}
}

func TestMarks(t *testing.T) {
	cases := []struct {
		text, q string
		want    []string
	}{
		{"Perché l'OEWG conta", "perche oewg", []string{"Perché", "OEWG"}},
		{"Perche\u0301 conta", "perche", []string{"Perche\u0301"}}, // decomposed accent
		{"Le attività dell'Unità", "att un", []string{"att", "Un"}},
		{"Città, città", "citta", []string{"Città", "città"}},
		{"CBM14 and CBM 14", "cbm 14", []string{"CBM14", "CBM", "14"}},
		{"The OEWGs", "oewg", []string{"OEWG"}},
		{"Pledge", "p pled", []string{"Pled"}}, // the longest prefix
		{"nothing here", "zzz", nil},
	}
	for _, c := range cases {
		var got []string
		for _, m := range Marks(c.text, c.q) {
			got = append(got, c.text[m[0]:m[1]])
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Marks(%q, %q) marks %q, want %q", c.text, c.q, got, c.want)
		}
	}
	if got := Marks("Perché l'OEWG", "perche oewg"); !reflect.DeepEqual(got, [][2]int{{0, 7}, {10, 14}}) {
		t.Errorf("offsets %v", got)
	}
}

func TestSnippetCut(t *testing.T) {
	hs := search("zeppelin", Options{Lang: "en"})
	if len(hs) != 1 {
		t.Fatalf("zeppelin: %v", wheres(hs))
	}
	s := hs[0].Snippet
	if n := utf8.RuneCountInString(s); n > SnippetRunes {
		t.Errorf("snippet of %d runes: %q", n, s)
	}
	if !strings.HasPrefix(s, "…") || !strings.HasSuffix(longLine, strings.TrimPrefix(s, "…")) {
		t.Errorf("snippet %q: want the end of the line, cut at the start", s)
	}
	if rest := strings.TrimPrefix(s, "…"); !strings.Contains(longLine, " "+rest) {
		t.Errorf("snippet %q is not cut on a word boundary", s)
	}
	if got := marked(hs[0]); !reflect.DeepEqual(got, []string{"zeppelin"}) {
		t.Errorf("marked %q", got)
	}
	// A match at the start keeps the start and cuts the end.
	hs = search("deliberately", Options{Lang: "en"})
	s = hs[0].Snippet
	if !strings.HasPrefix(s, "This paragraph") || !strings.HasSuffix(s, "…") || utf8.RuneCountInString(s) > SnippetRunes {
		t.Errorf("snippet %q", s)
	}
	if rest := strings.TrimSuffix(s, "…"); !strings.Contains(longLine, rest+" ") {
		t.Errorf("snippet %q is not cut on a word boundary", s)
	}
}

func TestFixtureHits(t *testing.T) {
	for _, q := range []string{"oewg", "a", "e", "the", "zeppelin", "this", "deliberately", "cut", "o t", "CBM 14", "perche"} {
		for _, h := range search(q, Options{Lang: "en", AllLangs: true}) {
			checkHit(t, q, h)
		}
	}
}

func TestConcurrentSearches(t *testing.T) {
	ix := fixtureIndex()
	queries := []string{"oewg", "attivita", "CBM 14", "12 March", "pled", "perche", "a", "zeppelin"}
	want := map[string][]Hit{}
	for _, q := range queries {
		want[q] = ix.Search(q, Options{Lang: "it", AllLangs: true})
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				q := queries[(g+i)%len(queries)]
				if got := ix.Search(q, Options{Lang: "it", AllLangs: true}); !reflect.DeepEqual(got, want[q]) {
					t.Errorf("%q: results differ under concurrency", q)
					return
				}
				_ = Marks("Le attività dell'OEWG", q)
			}
		}()
	}
	wg.Wait()
}

// The embedded briefing, when its pages are there.
func embedded(t testing.TB) *Index {
	t.Helper()
	lib, err := library.Load(content.FS())
	if err != nil {
		t.Skipf("no embedded content: %v", err)
	}
	return New(lib)
}

func TestEmbeddedContent(t *testing.T) {
	ix := embedded(t)
	hasHeading := func(lang, id, text string) bool {
		data, err := fs.ReadFile(content.FS(), lang+"/"+id+".md")
		return err == nil && strings.Contains(string(data), "\n## "+text)
	}
	if hasHeading("en", "glossary", "OEWG") {
		hs := ix.Search("oewg", Options{Lang: "en", AllLangs: true})
		if len(hs) == 0 || hs[0].Kind != Term || hs[0].Page != "glossary" || hs[0].Lang != "en" {
			t.Errorf("oewg: first hit %v", wheres(hs[:min(3, len(hs))]))
		}
		var other bool
		for _, h := range hs {
			if h.Lang == "it" {
				other = true
				if !h.OtherLang {
					t.Errorf("%s not marked as the other language", where(h))
				}
			}
		}
		if hasHeading("it", "glossary", "OEWG") && !other {
			t.Errorf("oewg: no Italian hit with AllLangs")
		}
	}
	for _, q := range []string{"attivita", "perche"} {
		for _, h := range ix.Search(q, Options{Lang: "it"}) {
			if len(h.Marks) == 0 {
				t.Errorf("%q: %s has no marks: %q", q, where(h), h.Snippet)
			}
		}
	}
	for _, q := range []string{"oewg", "attivita", "CBM 14", "12 March", "pledge", "a", "e"} {
		for _, h := range ix.Search(q, Options{Lang: "en", AllLangs: true}) {
			checkHit(t, q, h)
		}
	}
}

// checkHit checks what every hit promises: a short one-line snippet and valid marks.
func checkHit(t *testing.T, q string, h Hit) {
	t.Helper()
	if n := utf8.RuneCountInString(h.Snippet); n > SnippetRunes || strings.ContainsAny(h.Snippet, "\n\r\t") {
		t.Errorf("%q: %s: bad snippet (%d runes) %q", q, where(h), n, h.Snippet)
	}
	checkMarks(t, h.Snippet, h.Marks)
	if m := Marks(h.Snippet, q); !reflect.DeepEqual(m, h.Marks) {
		t.Errorf("%q: %s: marks %v, but Marks(snippet) = %v in %q", q, where(h), h.Marks, m, h.Snippet)
	}
	if len(h.Marks) == 0 {
		t.Errorf("%q: %s: no marks in %q", q, where(h), h.Snippet)
	}
}

func checkMarks(t *testing.T, text string, ms [][2]int) {
	t.Helper()
	prev := 0
	for _, m := range ms {
		if m[0] < prev || m[0] >= m[1] || m[1] > len(text) {
			t.Fatalf("bad mark %v in %q (marks %v)", m, text, ms)
		}
		if !utf8.ValidString(text[m[0]:m[1]]) && utf8.ValidString(text) {
			t.Fatalf("mark %v of %q is not on rune boundaries", m, text)
		}
		prev = m[1]
	}
}

func FuzzSearch(f *testing.F) {
	for _, q := range []string{"oewg", "attivita", "CBM 14", "12 March", "pled", "Perche\u0301", "", "a b c", "l'OEWG", "\xff\xfe"} {
		f.Add(q)
	}
	ix := fixtureIndex()
	f.Fuzz(func(t *testing.T, q string) {
		for _, opt := range []Options{{Lang: "en", AllLangs: true}, {Lang: "it", Limit: 2}} {
			hs := ix.Search(q, opt)
			if strings.TrimSpace(q) == "" && hs != nil {
				t.Fatalf("blank query %q has hits", q)
			}
			for _, h := range hs {
				checkHit(t, q, h)
			}
			if opt.Limit > 0 && len(hs) > opt.Limit {
				t.Fatalf("%d hits for limit %d", len(hs), opt.Limit)
			}
		}
		checkMarks(t, q, Marks(q, q))
		if utf8.ValidString(q) && len(Words(q)) > 0 && len(Marks(q, q)) == 0 {
			t.Fatalf("%q does not mark itself", q)
		}
	})
}

func TestEmptyIndex(t *testing.T) {
	if hs := New(nil).Search("oewg", Options{Lang: "en", AllLangs: true}); hs != nil {
		t.Fatalf("empty index: %v", hs)
	}
}
