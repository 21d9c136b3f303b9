package search

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

func page(id, title string, order int, body string) *fstest.MapFile {
	kind := "page"
	if id == "glossary" {
		kind = "glossary" // the fixtures' glossary says what it is
	}
	return &fstest.MapFile{Data: []byte(fmt.Sprintf(
		"---\nid: %s\ntitle: %s\ntab: %s\norder: %d\nupdated: 2026-03\nkind: %s\nsources:\n  - Test\n---\n%s",
		id, title, title, order, kind, body))}
}

var longLine = "This paragraph is deliberately long so that its snippet has to be cut: it goes on and on about " +
	"diplomacy, cooperation, robustness and many other worthy things before it finally names the zeppelin at its very end, " +
	"and then it goes on again for a while about nothing in particular so that the end is cut as well."

// fixture is a small briefing whose sections align across languages.
var fixture = fstest.MapFS{
	"en/overview.md": page("overview", "Overview", 1, `# Overview

A preface about zephyrs.

## The OEWG process

The first OEWG met on 12 March 2021. Italy made a **Pledge** on [resilience](glossary.md#cyber-defence-pledge).

- CBM14 is written without a space here.
- The organisation of the work and its behaviour.

## Defence

The defence of cyberspace, at the centre of the work.

`+longLine+`

## Related

- [Cyber Defence Pledge](glossary.md#cyber-defence-pledge)
`),
	"en/glossary.md": page("glossary", "Glossary", 2, `# Glossary

## OEWG (Open-ended Working Group)

A UN working group open to all.

## Cyber Defence Pledge

A NATO commitment on resilience.

## Restrictive measures

Measures the EU takes against those responsible for malicious acts.
`),
	"it/overview.md": page("overview", "Panoramica", 1, `# Panoramica

Una premessa sugli zefiri.

## Il processo OEWG

Le attività dell'OEWG. Perché conta. La CBM 14 sul partenariato.

- Le misure restrittive colpiscono i responsabili.
- Un dirigibile italiano.

## Difesa

La difesa del cyberspazio.

Un paragrafo.

## Vedi anche

- [Cyber Defence Pledge](glossary.md#cyber-defence-pledge)
`),
	"it/glossary.md": page("glossary", "Glossario", 2, `# Glossario

## OEWG (Open-ended Working Group, gruppo di lavoro aperto)

Un gruppo di lavoro dell'ONU.

## Cyber Defence Pledge

Un impegno NATO.

## Misure restrittive

Misure che l'UE adotta contro i responsabili di atti malevoli.
`),
	"terms.yaml": &fstest.MapFile{Data: []byte(`
- id: oewg
  en: {term: Open-ended Working Group, acronym: OEWG, anchor: oewg-open-ended-working-group}
  it: {term: gruppo di lavoro aperto, acronym: OEWG, anchor: oewg-open-ended-working-group-gruppo-di-lavoro-aperto}
- id: pledge
  en: {term: Cyber Defence Pledge, anchor: cyber-defence-pledge}
  it: {term: Cyber Defence Pledge, anchor: cyber-defence-pledge}
- id: restrictive-measures
  en: {term: restrictive measures, anchor: restrictive-measures, synonyms: [sanctions]}
  it: {term: misure restrittive, anchor: misure-restrittive, synonyms: [sanzioni]}
`)},
}

var fixtureIndex = sync.OnceValue(func() *Index {
	lib, err := library.Load(fixture)
	if err != nil {
		panic(err)
	}
	return New(lib)
})

// where describes a hit as "lang page#anchor via".
func where(h Hit) string { return fmt.Sprintf("%s %s#%s %s", h.Lang, h.Page, h.Place.Section, h.Via) }

func wheres(hs []Hit) []string {
	out := []string{}
	for _, h := range hs {
		out = append(out, where(h))
	}
	return out
}

func marked(text string, ms [][2]int) []string {
	var out []string
	for _, m := range ms {
		out = append(out, text[m[0]:m[1]])
	}
	return out
}

func search(q string, opt Options) []Hit { return fixtureIndex().Search(q, opt) }

// first returns "lang page#anchor via" of the first hit, or "none".
func first(hs []Hit) string {
	if len(hs) == 0 {
		return "none"
	}
	return where(hs[0])
}

func TestFoldsCaseAndAccents(t *testing.T) {
	for _, q := range []string{"attivita", "attività", "ATTIVITA", "Attività"} {
		hs := search(q, Options{Lang: "it"})
		if got := first(hs); got != "it overview#il-processo-oewg exact" {
			t.Errorf("%q: first hit %s", q, got)
		}
		if len(hs) > 0 && !slices.Contains(marked(hs[0].Snippet, hs[0].Marks), "attività") {
			t.Errorf("%q: marks %v in %q", q, marked(hs[0].Snippet, hs[0].Marks), hs[0].Snippet)
		}
	}
}

func TestWordForms(t *testing.T) {
	for _, c := range []struct{ lang, q, want string }{
		{"en", "defense", "en overview#defence stem"},               // American spelling
		{"en", "organization", "en overview#the-oewg-process stem"}, // -ize/-ise
		{"en", "behavior", "en overview#the-oewg-process stem"},
		{"en", "center", "en overview#defence stem"},
		{"en", "pledges", "en glossary#cyber-defence-pledge stem"},
		{"it", "misura restrittiva", "it glossary#misure-restrittive stem"},
	} {
		if got := first(search(c.q, Options{Lang: c.lang})); got != c.want {
			t.Errorf("%q: first hit %s, want %s", c.q, got, c.want)
		}
	}
}

func TestBritishSpelling(t *testing.T) {
	for in, want := range map[string]string{
		"organization": "organisation", "organizations": "organisations", "organize": "organise",
		"analyze": "analyse", "defense": "defence", "behavioral": "behavioural", "center": "centre",
		"program": "programme",
		// left alone: British already, or too short for the rule
		"organisation": "organisation", "size": "size", "prize": "prize", "seize": "seize", "four": "four",
	} {
		if got := britishSpelling(in); got != want {
			t.Errorf("britishSpelling(%q) = %q, want %q", in, got, want)
		}
	}
	en := analyzerFor("en")
	for _, pair := range [][2]string{{"defense", "defence"}, {"organization", "organisations"}, {"behavior", "behaviour"}} {
		if a, b := en.key(pair[0], nil), en.key(pair[1], nil); a != b {
			t.Errorf("keys of %q and %q differ: %q %q", pair[0], pair[1], a, b)
		}
	}
	it := analyzerFor("it")
	if a, b := it.key("attivita", nil), it.key(library.Fold("attività"), nil); a != b {
		t.Errorf("attivita/attività: %q %q", a, b)
	}
	if a, b := it.key("misura", nil), it.key("misure", nil); a != b {
		t.Errorf("misura/misure: %q %q", a, b)
	}
}

func TestStopWords(t *testing.T) {
	// A question's stop words do not have to appear.
	hs := search("when was the first OEWG", Options{Lang: "en"})
	if got := first(hs); got != "en overview#the-oewg-process exact" {
		t.Errorf("question: first hit %s", got)
	}
	hs = search("quante volte è stato citato l'OEWG", Options{Lang: "it"})
	if len(hs) == 0 || hs[0].Page != "overview" && hs[0].Page != "glossary" {
		t.Errorf("Italian question: %v", wheres(hs))
	}
	// A query of stop words only keeps them.
	if hs := search("perché", Options{Lang: "it"}); first(hs) != "it overview#il-processo-oewg exact" {
		t.Errorf("perché: %v", wheres(hs))
	}
	if got := parseQuery("the the THE"); len(got) != 1 || got[0].word != "the" {
		t.Errorf("stop-word query: %+v", got)
	}
}

func TestTypos(t *testing.T) {
	for _, c := range []struct{ q, want string }{
		{"resilence", "en glossary#cyber-defence-pledge typo"},            // 9 letters: a deleted letter
		{"reslience", "en glossary#cyber-defence-pledge typo"},            // a swapped pair is one edit
		{"zepelin", "en overview#defence typo"},                           // 7 letters: one edit
		{"zepplein", "en overview#defence typo"},                          // a swapped pair
		{"OWEG", "en glossary#oewg-open-ended-working-group typo"},        // 4 letters: one swap only
		{"commitmnet", "en glossary#cyber-defence-pledge typo"},           // 10 letters
		{"comitmnet", "en glossary#cyber-defence-pledge typo"},            // 9 letters, two edits
		{"zefiri", "en overview#overview other-language"},                 // Italian, exact there
		{"zefirri", "en overview#overview other-language"},                // one edit from an Italian word
		{"misure restrittve", "en glossary#restrictive-measures synonym"}, // its Italian name is in the English entry
	} {
		if got := first(search(c.q, Options{Lang: "en"})); got != c.want {
			t.Errorf("%q: first hit %s, want %s", c.q, got, c.want)
		}
	}
	// Too far: a substitution in 4 letters, three edits in 11, two in 5.
	for _, q := range []string{"OEXG", "comitmnetxy", "pldgx"} {
		if hs := search(q+" ", Options{Lang: "en"}); hs != nil {
			t.Errorf("%q: too far for a typo, got %v", q, wheres(hs))
		}
	}
}

func TestExactOutranksCorrected(t *testing.T) {
	// "zephyrs" exists, so "zephyrs" is not also corrected to anything else, and
	// when a word exists exactly, no section is found through a typo of it.
	for _, h := range search("zephyrs", Options{Lang: "en", AllLangs: true}) {
		if h.Via == ViaTypo {
			t.Errorf("zephyrs: %s found through a typo", where(h))
		}
	}
	// Word by word: the typo of one word does not stop the exact match of another.
	hs := search("zephyrs resilence", Options{Lang: "en"})
	if len(hs) < 2 {
		t.Fatalf("zephyrs resilence: %v", wheres(hs))
	}
}

func TestPrefixOfLastWord(t *testing.T) {
	hs := search("pled", Options{Lang: "en"})
	if len(hs) == 0 || hs[0].Via != ViaPrefix {
		t.Fatalf("pled: %v", wheres(hs))
	}
	if got := marked(hs[0].Heading, hs[0].HeadingMarks); !slices.Contains(got, "Pled") {
		t.Errorf("pled marks %v in %q", got, hs[0].Heading)
	}
	// Only the last word, and only while it is being typed.
	if hs := search("pled nato", Options{Lang: "en"}); len(hs) == 0 || hs[0].Page != "glossary" {
		t.Errorf("pled nato: %v", wheres(hs))
	} else {
		for _, h := range hs {
			if slices.Contains(append(marked(h.Snippet, h.Marks), marked(h.Heading, h.HeadingMarks)...), "Pled") {
				t.Errorf("pled nato: a prefix of a word that is not the last is marked in %q", h.Snippet)
			}
		}
	}
	if hs := search("pled ", Options{Lang: "en"}); hs != nil {
		t.Errorf("pled followed by a space is a finished word: %v", wheres(hs))
	}
}

func TestNotEveryWordMustMatch(t *testing.T) {
	res := fixtureIndex().Find("pledge xyzzyq", Options{Lang: "en"})
	if len(res.Hits) == 0 || res.Hits[0].Page != "glossary" {
		t.Fatalf("hits %v", wheres(res.Hits))
	}
	if !reflect.DeepEqual(res.Unmatched, []string{"xyzzyq"}) || res.DidYouMean != "" {
		t.Errorf("unmatched %q, did you mean %q", res.Unmatched, res.DidYouMean)
	}
}

func TestDidYouMean(t *testing.T) {
	// 7 letters tolerate one typo; two are too many to match, not to suggest.
	res := fixtureIndex().Find("the Zepplnn", Options{Lang: "en"})
	if res.Hits != nil || !reflect.DeepEqual(res.Unmatched, []string{"Zepplnn"}) || res.DidYouMean != "the zeppelin" {
		t.Errorf("hits %v, unmatched %q, did you mean %q", wheres(res.Hits), res.Unmatched, res.DidYouMean)
	}
	res = fixtureIndex().Find("qqqqqqq", Options{Lang: "en"})
	if res.Hits != nil || res.DidYouMean != "" {
		t.Errorf("qqqqqqq: %v %q", wheres(res.Hits), res.DidYouMean)
	}
}

func TestOtherLanguage(t *testing.T) {
	// Found in Italian, shown in the English section at the same place.
	hs := search("dirigibile italiano", Options{Lang: "en"})
	if got := first(hs); got != "en overview#the-oewg-process other-language" {
		t.Fatalf("first hit %s: %v", got, wheres(hs))
	}
	if hs[0].Found != "it" || hs[0].OtherLang {
		t.Errorf("found %q other %v", hs[0].Found, hs[0].OtherLang)
	}
	// Its snippet is the English passage at the place of the Italian match.
	if !strings.Contains(hs[0].Snippet, "organisation") {
		t.Errorf("snippet %q is not the aligned passage", hs[0].Snippet)
	}
	// AllLangs adds no Italian row: every Italian section that matches is
	// already listed in its English version (see TestOneVersionPerSection).
	for _, h := range search("dirigibile italiano", Options{Lang: "en", AllLangs: true}) {
		if h.Lang != "en" || h.OtherLang {
			t.Errorf("the Italian version of a listed section is listed too: %s", where(h))
		}
	}
}

// TestOneVersionPerSection: a section is listed once, in whichever language
// ranks it best, however many languages match it; a section the reader's
// language lacks is listed in its own, marked, after the reader's.
func TestOneVersionPerSection(t *testing.T) {
	for _, ix := range []*Index{fixtureIndex(), shipped()} {
		lib := ix.lib
		for _, lang := range []string{"en", "it"} {
			for _, q := range []string{"oewg", "pledge", "cyber defence pledge", "misure restrittive", "dirigibile", "the", "cbm 14", "global mechanism", "nato"} {
				seen := map[string]string{}
				for _, h := range ix.Search(q, Options{Lang: lang, AllLangs: true}) {
					// The section as the reader's language numbers it.
					sec := lib.CounterpartSection(h.Page, h.Lang, h.Section, lang)
					k := fmt.Sprintf("%s %d", h.Page, sec)
					if sec < 0 {
						k = fmt.Sprintf("%s %s %d", h.Lang, h.Page, h.Section)
					}
					if prev, ok := seen[k]; ok {
						t.Errorf("--lang %s %q: %s listed twice: %s and %s", lang, q, k, prev, where(h))
					}
					seen[k] = where(h)
					if h.OtherLang != (h.Lang != lang) || (h.OtherLang && sec >= 0) {
						t.Errorf("--lang %s %q: %s marked other language %v", lang, q, where(h), h.OtherLang)
					}
				}
			}
		}
	}
	// An Italian section with no English counterpart (a page the English
	// version has fewer sections of) is listed, marked, after the English ones.
	fs := maps.Clone(fixture)
	it := *fs["it/overview.md"]
	it.Data = append(slices.Clone(it.Data), "\n## Solo in italiano\n\nUn secondo dirigibile, senza versione inglese.\n"...)
	fs["it/overview.md"] = &it
	lib, err := library.Load(fs)
	if err != nil {
		t.Fatal(err)
	}
	hs := New(lib).Search("dirigibile", Options{Lang: "en", AllLangs: true})
	var got []string
	for _, h := range hs {
		got = append(got, fmt.Sprintf("%s %s %v", where(h), h.Heading, h.OtherLang))
	}
	want := []string{"en overview#the-oewg-process other-language The OEWG process false", "it overview#solo-in-italiano exact Solo in italiano true"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("dirigibile with an Italian-only section:\n got %q\nwant %q", got, want)
	}
	if hs := New(lib).Search("dirigibile", Options{Lang: "en"}); len(hs) != 1 {
		t.Errorf("without AllLangs: %v", wheres(hs))
	}
}

func TestConceptsAndSynonyms(t *testing.T) {
	// A synonym finds the term the text uses, in both languages.
	if got := first(search("sanctions", Options{Lang: "en"})); got != "en glossary#restrictive-measures synonym" {
		t.Errorf("sanctions: %s", got)
	}
	if got := first(search("sanzioni", Options{Lang: "it"})); got != "it glossary#misure-restrittive synonym" {
		t.Errorf("sanzioni: %s", got)
	}
	// The English term finds the Italian text that uses the Italian term.
	hs := search("restrictive measures", Options{Lang: "it"})
	if len(hs) == 0 || hs[0].Page != "glossary" || hs[0].Place.Section != "misure-restrittive" {
		t.Fatalf("restrictive measures --lang it: %v", wheres(hs))
	}
	var body bool
	for _, h := range hs {
		if h.Place.Section == "il-processo-oewg" && len(h.Marks) > 0 {
			body = true
			if got := marked(h.Snippet, h.Marks); !reflect.DeepEqual(got, []string{"misure restrittive"}) {
				t.Errorf("marks %v in %q", got, h.Snippet)
			}
		}
	}
	if !body {
		t.Errorf("the Italian text with \"misure restrittive\" is not found: %v", wheres(hs))
	}
	// An acronym finds the sections naming the concept in full.
	if got := first(search("gruppo di lavoro aperto", Options{Lang: "en"})); !strings.HasPrefix(got, "en glossary#oewg") {
		t.Errorf("gruppo di lavoro aperto: %s", got)
	}
}

func TestOneRowPerSection(t *testing.T) {
	for _, q := range []string{"oewg", "pledge", "cyber defence pledge", "misure", "the"} {
		seen := map[string]bool{}
		for _, h := range search(q, Options{Lang: "en", AllLangs: true}) {
			k := fmt.Sprintf("%s %s %d", h.Lang, h.Page, h.Section)
			if seen[k] {
				t.Errorf("%q: %s twice", q, k)
			}
			seen[k] = true
		}
	}
}

func TestHitFields(t *testing.T) {
	lib, _ := library.Load(fixture)
	hs := search("zeppelin", Options{Lang: "en"})
	if len(hs) == 0 {
		t.Fatal("no hit")
	}
	h := hs[0]
	p := lib.Page("en", "overview")
	s := p.Sections[h.Section]
	if h.Page != "overview" || h.PageTitle != "Overview" || h.Heading != "Defence" || h.Place.Section != "defence" ||
		s.Heading.Text != h.Heading || h.Place != library.At(p, h.Section) || h.Kind != Body || h.Via != ViaExact ||
		h.Found != "en" || h.Score <= 0 {
		t.Errorf("hit %+v", h)
	}
	if h.Block < s.First || h.Block >= s.End || p.Blocks[h.Block].Line != h.Line || !strings.Contains(p.Blocks[h.Block].Text, "zeppelin") {
		t.Errorf("block %d line %d", h.Block, h.Line)
	}
	// A glossary entry is a term; a section matched by its heading only is a heading.
	if hs := search("oewg", Options{Lang: "en"}); len(hs) == 0 || hs[0].Kind != Term || !reflect.DeepEqual(marked(hs[0].Heading, hs[0].HeadingMarks), []string{"OEWG", "Open-ended Working Group"}) {
		t.Errorf("oewg: %v", wheres(hs))
	}
	if hs := search("related", Options{Lang: "en"}); len(hs) != 1 || hs[0].Kind != Heading {
		t.Errorf("related: %+v", hs)
	}
}

func TestSnippet(t *testing.T) {
	for _, w := range []int{0, 20, 40, 60, 100, 1000} {
		hs := search("zeppelin", Options{Lang: "en", Width: w})
		if len(hs) == 0 {
			t.Fatal("no hit")
		}
		h := hs[0]
		want := w
		if w == 0 {
			want = SnippetRunes
		}
		n := utf8.RuneCountInString(h.Snippet)
		if n > want || (w < 300 && n < want-15) {
			t.Errorf("width %d: %d runes %q", w, n, h.Snippet)
		}
		if got := marked(h.Snippet, h.Marks); !reflect.DeepEqual(got, []string{"zeppelin"}) {
			t.Errorf("width %d: marks %v in %q", w, got, h.Snippet)
		}
		if w < 300 && (!strings.HasPrefix(h.Snippet, "…") || !strings.HasSuffix(h.Snippet, "…")) {
			t.Errorf("width %d: a cut in the middle wants … at both ends: %q", w, h.Snippet)
		}
		// Centred: the match is in the middle third.
		if mid := utf8.RuneCountInString(h.Snippet[:h.Marks[0][0]]); w < 300 && (mid < n/4 || mid > 3*n/4) {
			t.Errorf("width %d: match at rune %d of %d: %q", w, mid, n, h.Snippet)
		}
	}
	// The best passage: the one with the rarest words matched, the match in view.
	hs := search("defence zeppelin", Options{Lang: "en", Width: 60})
	if len(hs) == 0 || !strings.Contains(hs[0].Snippet, "zeppelin") {
		t.Errorf("defence zeppelin: %v", hs)
	}
}

func TestLimitAndBounds(t *testing.T) {
	if hs := search("the", Options{Lang: "en", AllLangs: true, Limit: 2}); len(hs) != 2 {
		t.Errorf("limit 2: %d hits", len(hs))
	}
	for _, q := range []string{"", "   ", "!!!", "\x00\x01"} {
		if hs := search(q, Options{Lang: "en", AllLangs: true}); hs != nil {
			t.Errorf("%q: %v", q, wheres(hs))
		}
	}
	// Only the first MaxWords words count, and only the first MaxQueryBytes bytes.
	var words []string
	for i := 0; i < 3*MaxWords; i++ {
		words = append(words, fmt.Sprintf("w%c%c", 'a'+i%26, 'a'+i/26))
	}
	if got := parseQuery(strings.Join(words, " ")); len(got) != MaxWords {
		t.Errorf("%d words count", len(got))
	}
	long := strings.Repeat("pledge ", 2000)
	if got := parseQuery(long); len(got) != 1 || got[0].last || got[0].end > MaxQueryBytes {
		t.Errorf("long query: %+v", got)
	}
	if hs := search(strings.Repeat("é", 10000), Options{Lang: "en"}); hs != nil {
		t.Errorf("é x 10000: %v", wheres(hs))
	}
	if hs := search(strings.Repeat("zeppelin", 100), Options{Lang: "en"}); hs != nil {
		t.Errorf("a word of 800 letters: %v", wheres(hs))
	}
}

func TestMarks(t *testing.T) {
	text := "Le attività dell'OEWG e i Pledges, Defense."
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"attivita", []string{"attività"}},
		{"oewg pled", []string{"OEWG", "Pled"}},
		{"pledge", []string{"Pledges"}},  // same stem
		{"defence", []string{"Defense"}}, // British and American
		{"", nil},
	} {
		if got := marked(text, Marks(text, c.q)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Marks(%q) = %v, want %v", c.q, got, c.want)
		}
	}
	// The index's Matcher knows typos and concepts too.
	m := fixtureIndex().Matcher("resilence sanctions")
	text = "Pledge on resilience; restrictive measures; resilient; measures."
	if got := marked(text, m.Marks(text)); !reflect.DeepEqual(got, []string{"resilience", "restrictive measures", "resilient"}) {
		t.Errorf("Matcher: %v", got)
	}
	var nilM *Matcher
	if nilM.Marks(text) != nil {
		t.Error("nil Matcher marks")
	}
}

func TestConcurrentSearches(t *testing.T) {
	ix := fixtureIndex()
	queries := []string{"oewg", "attivita", "CBM 14", "12 March", "pled", "perche", "resilence", "sanctions", "dirigibile italiano"}
	want := map[string][]Hit{}
	for _, q := range queries {
		want[q] = ix.Search(q, Options{Lang: "it", AllLangs: true})
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 30; i++ {
				q := queries[(g+i)%len(queries)]
				if got := ix.Search(q, Options{Lang: "it", AllLangs: true}); !reflect.DeepEqual(got, want[q]) {
					t.Errorf("%q: results differ under concurrency", q)
					return
				}
				_ = ix.Matcher(q).Marks("Le attività dell'OEWG")
			}
		}()
	}
	wg.Wait()
}

func TestEmptyIndex(t *testing.T) {
	if hs := New(nil).Search("oewg", Options{Lang: "en", AllLangs: true}); hs != nil {
		t.Fatalf("empty index: %v", hs)
	}
	if m := New(nil).Matcher("oewg").Marks("oewg"); m != nil {
		t.Fatalf("empty index marks: %v", m)
	}
}

// embedded returns the index of the embedded briefing.
func embedded(t testing.TB) (*library.Library, *Index) {
	t.Helper()
	lib, err := library.Load(content.FS())
	if err != nil {
		t.Fatalf("embedded content: %v", err)
	}
	return lib, New(lib)
}

// TestIssueExamples: the queries of issue 12 find the right section first.
func TestIssueExamples(t *testing.T) {
	lib, ix := embedded(t)
	for _, c := range []struct {
		lang, q string
		want    []string // acceptable first hits, page#anchor (English anchors)
		via     Via
	}{
		{"en", "cyber defense pledge", []string{"nato#the-cyber-defence-pledge", "glossary#cyber-defence-pledge"}, ViaStem},
		{"it", "misura restrittiva", []string{"glossary#restrictive-measures", "eu#the-cyber-diplomacy-toolbox", "glossary#eu-cyber-diplomacy-toolbox", "eu#key-facts"}, ViaStem},
		{"en", "resilence", nil, ViaTypo},
		{"it", "Prima Comissione", []string{"glossary#first-committee"}, ViaTypo},
		{"en", "when was the cyber defence pledge adopted", []string{"nato#the-cyber-defence-pledge", "glossary#cyber-defence-pledge", "timeline#2016"}, ""},
		{"it", "quanti OEWG ci sono stati", []string{"un#the-open-ended-working-groups", "glossary#oewg-open-ended-working-group", "un#key-facts"}, ""},
		{"it", "confidence-building measures", []string{"osce#confidence-building-measures", "glossary#cbm-confidence-building-measures"}, ""},
		{"en", "sanctions malicious cyber", []string{"glossary#restrictive-measures", "eu#the-cyber-diplomacy-toolbox", "glossary#eu-cyber-diplomacy-toolbox", "eu#key-facts"}, ""},
	} {
		hs := ix.Search(c.q, Options{Lang: c.lang, Limit: 3})
		if len(hs) == 0 {
			t.Errorf("%q: no hit", c.q)
			continue
		}
		h := hs[0]
		got := h.Page + "#" + lib.Page("en", h.Page).Sections[lib.CounterpartSection(h.Page, h.Lang, h.Section, "en")].Heading.Anchor
		t.Logf("[%s] %-45q -> %s (%s, via %s): %s", c.lang, c.q, got, h.Heading, h.Via, h.Snippet)
		if h.Lang != c.lang {
			t.Errorf("%q: first hit in %s", c.q, h.Lang)
		}
		if c.want != nil && !slices.Contains(c.want, got) {
			t.Errorf("%q: first hit %s, want one of %v", c.q, got, c.want)
		}
		if c.want == nil && !strings.Contains(strings.ToLower(lib.Page(h.Lang, h.Page).Sections[h.Section].Text), "resilien") {
			t.Errorf("%q: first hit %s does not speak of resilience", c.q, got)
		}
		if c.via != "" && h.Via != c.via {
			t.Errorf("%q: via %s, want %s", c.q, h.Via, c.via)
		}
	}
}

// checkHit checks what every hit promises: a one-line snippet within the width,
// and marks that lie in it, in order, on rune boundaries.
func checkHit(t *testing.T, q string, h Hit, width int) {
	t.Helper()
	if n := utf8.RuneCountInString(h.Snippet); n > width || strings.ContainsAny(h.Snippet, "\n\r\t") {
		t.Errorf("%q: %s: bad snippet (%d runes) %q", q, where(h), n, h.Snippet)
	}
	checkMarks(t, h.Snippet, h.Marks)
	checkMarks(t, h.Heading, h.HeadingMarks)
	if !slices.Contains(vias[:], h.Via) {
		t.Errorf("%q: via %q", q, h.Via)
	}
}

func checkMarks(t *testing.T, text string, ms [][2]int) {
	t.Helper()
	prev := 0
	for _, m := range ms {
		if m[0] < prev || m[0] >= m[1] || m[1] > len(text) {
			t.Fatalf("bad mark %v in %q (marks %v)", m, text, ms)
		}
		if utf8.ValidString(text) && !utf8.ValidString(text[m[0]:m[1]]) {
			t.Fatalf("mark %v of %q is not on rune boundaries", m, text)
		}
		prev = m[1]
	}
}

func FuzzSearch(f *testing.F) {
	for _, q := range []string{"oewg", "attivita", "CBM 14", "12 March", "pled", "Perche\u0301", "", "a b c", "l'OEWG", "\xff\xfe", "resilence", "OWEG",
		"when did 12 March 2021", "how many 16", "what is the", "quanti sono", "perché. ; !", "who where why", "budapest convention"} {
		f.Add(q)
	}
	ix := fixtureIndex()
	f.Fuzz(func(t *testing.T, q string) {
		for _, opt := range []Options{{Lang: "en", AllLangs: true}, {Lang: "it", Limit: 2, Width: 25}} {
			res := ix.Find(q, opt)
			if strings.TrimSpace(q) == "" && res.Hits != nil {
				t.Fatalf("blank query %q has hits", q)
			}
			width := opt.Width
			if width == 0 {
				width = SnippetRunes
			}
			for _, h := range res.Hits {
				checkHit(t, q, h, width)
			}
			if opt.Limit > 0 && len(res.Hits) > opt.Limit {
				t.Fatalf("%d hits for limit %d", len(res.Hits), opt.Limit)
			}
		}
		checkMarks(t, q, Marks(q, q))
		checkMarks(t, q, ix.Matcher(q).Marks(q))
		if utf8.ValidString(q) && len(q) < MaxQueryBytes && len(Words(q)) > 0 && len(Marks(q, q)) == 0 {
			t.Fatalf("%q does not mark itself", q)
		}
	})
}

// FuzzAnalyze feeds the analysers and the typo distance any word.
func FuzzAnalyze(f *testing.F) {
	for _, w := range []string{"organization", "attività", "defense", "izationization", "", "\xff", "ßẞ", "ǅ", "a\u0301"} {
		f.Add(w, "organisation")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, lang := range []string{"en", "it", "xx"} {
			an := analyzerFor(lang)
			for _, w := range append(Words(a), a) {
				if k := an.key(w, nil); k == "" && w != "" {
					t.Fatalf("%s: empty key for %q", lang, w)
				}
			}
		}
		for k := 0; k <= 2; k++ {
			d := distance(a, b, k, false)
			if d < 0 || d > k+1 || (a == b && d != 0) {
				t.Fatalf("distance(%q, %q, %d) = %d", a, b, k, d)
			}
			if p := distance(a, b, k, true); p > d {
				t.Fatalf("prefix distance %d > distance %d for %q %q", p, d, a, b)
			}
		}
		if isSwap(a, b) != isSwap(b, a) {
			t.Fatalf("isSwap not symmetric for %q %q", a, b)
		}
	})
}

// Control sequences in a query are no words: dropped whole before it is read.
func TestQueryDropsControlSequences(t *testing.T) {
	want := fixtureIndex().Find("oewg pledge", Options{Lang: "en", AllLangs: true})
	for _, q := range []string{"oewg\x1b[2J pledge", "oewg\u009b2J pledge", "\x1b]0;x\x07oewg pledge", "oewg\tpledge\x1b[0m"} {
		got := fixtureIndex().Find(q, Options{Lang: "en", AllLangs: true})
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %v, unmatched %q; want %v", q, wheres(got.Hits), got.Unmatched, wheres(want.Hits))
		}
	}
	if w := Words("\x1b[2J\u009b31m"); len(w) != 0 {
		t.Errorf("Words of debris alone: %q", w)
	}
	if m := Marks("the zeppelin", "zeppelin\x1b[2J"); len(m) != 1 {
		t.Errorf("Marks with debris: %v", m)
	}
}
