package search

import (
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// rootsFixture is a small briefing for the matching that goes beyond a word and
// its Snowball stem: derivations, compounds, spellings, acronym plurals and the
// words of a request.
var rootsFixture = fstest.MapFS{
	"en/overview.md": page("overview", "Overview", 1, `# Overview

An introduction.

## Chairmanship

Italy held the Chairmanship in 2018.

## Cybersecurity

The national cybersecurity effort.

## Cyber defence

The defence of networks.

## Defining terms

Defining the governance of the PPP and of much else.

## Priorities

The priorities of the ministry.

## Cooperation

Cooperation among member states, selected by lot.

## 2018

The year of the Chairmanship and of many other things.
`),
	"it/overview.md": page("overview", "Panoramica", 1, `# Panoramica

Un'introduzione.

## Presidenza

L'Italia ha esercitato la Presidenza nel 2018.

## Cybersicurezza

Lo sforzo nazionale di cybersicurezza.

## Difesa cyber

La difesa delle reti.

## Definizioni

Definire la governance del PPP e di molto altro.

## Priorità

Le priorità del ministero.

## Cooperazione

La cooperazione nel cyberspazio, tra Stati sorteggiati.

## 2018

L'anno della Presidenza e di molte altre cose.
`),
	"en/glossary.md": page("glossary", "Glossary", 2, `# Glossary

## PPP (public-private partnership)

Cooperation between public authorities and companies.
`),
	"it/glossary.md": page("glossary", "Glossario", 2, `# Glossario

## PPP (partenariato pubblico-privato)

La cooperazione tra autorità pubbliche e imprese.
`),
	"terms.yaml": &fstest.MapFile{Data: []byte(`
- id: ppp
  en: {term: public-private partnership, acronym: PPP, anchor: ppp-public-private-partnership}
  it: {term: partenariato pubblico-privato, acronym: PPP, anchor: ppp-partenariato-pubblico-privato}
`)},
}

var rootsIndex = sync.OnceValue(func() *Index {
	lib, err := library.Load(rootsFixture)
	if err != nil {
		panic(err)
	}
	return New(lib)
})

func TestRootsCompoundsAndRequests(t *testing.T) {
	ix := rootsIndex()
	for _, c := range []struct{ lang, q, want string }{
		// Another word of the same root, when the text lacks the word typed.
		{"en", "chaired", "en overview#chairmanship stem"},
		{"en", "prioritised", "en overview#priorities stem"},
		{"it", "presieduto", "it overview#presidenza stem"},
		// What the text writes as one word, typed as two, and the other way round.
		{"en", "cyber security", "en overview#cybersecurity stem"},
		{"en", "co-operation", "en overview#cooperation stem"},
		{"en", "cyberdefence", "en overview#cyber-defence exact"},
		// Italian writes ciber- and cyber-.
		{"it", "ciberspazio", "it overview#cooperazione stem"},
		{"it", "cibersicurezza", "it overview#cybersicurezza stem"},
		// The plural of an acronym.
		{"en", "PPPs", "en glossary#ppp-public-private-partnership stem"},
		// The words of a request name no subject: "define" is not "Defining".
		{"en", "define PPP", "en glossary#ppp-public-private-partnership exact"},
		{"it", "significato PPP", "it glossary#ppp-partenariato-pubblico-privato exact"},
		// A word the text has is matched as it is, not through its relatives.
		{"en", "Chairmanship", "en overview#chairmanship exact"},
	} {
		if got := first(ix.Search(c.q, Options{Lang: c.lang})); got != c.want {
			t.Errorf("[%s] %q: first hit %s, want %s", c.lang, c.q, got, c.want)
		}
	}
	// A relative shares the start of the word: "election" does not find "selected",
	// and a word with no relative and no typo finds nothing.
	for _, q := range []string{"election", "zzzzzz"} {
		if hs := ix.Search(q+" ", Options{Lang: "en"}); hs != nil {
			t.Errorf("%q: want nothing, got %v", q, wheres(hs))
		}
	}
	// A request word alone is still searched.
	if hs := ix.Search("defining", Options{Lang: "en"}); first(hs) != "en overview#defining-terms exact" {
		t.Errorf("defining: %v", wheres(hs))
	}
}

func TestSplitCompoundsBounds(t *testing.T) {
	ix := rootsIndex()
	// A word made of known words is split; one that is known, or too short, or
	// with digits, is not; the words stay at most MaxWords.
	words := func(q string) []string {
		var out []string
		for _, s := range ix.compile(q).slots {
			out = append(out, s.word)
		}
		return out
	}
	if got := words("cyberdefence"); len(got) != 2 || got[0] != "cyber" || got[1] != "defence" {
		t.Errorf("cyberdefence: %v", got)
	}
	for _, q := range []string{"cybersecurity", "cyb", "cyber2018"} {
		if got := words(q); len(got) != len(Words(q)) {
			t.Errorf("%q: split into %v", q, got)
		}
	}
	var long []string
	for _, w := range []string{"defence", "cooperation", "priorities", "governance", "networks",
		"ministry", "member", "states", "national", "effort", "introduction", "italy", "held",
		"terms", "authorities", "companies", "public"} {
		long = append(long, "cyber"+w)
	}
	if got := words(strings.Join(long, " ")); len(got) != MaxWords {
		t.Errorf("%d words, want %d: %v", len(got), MaxWords, got)
	}
}

func TestWhenPrefersDates(t *testing.T) {
	ix := rootsIndex()
	ratio := func(q, lang string) float64 {
		var dated, other float64
		for _, h := range ix.Search(q, Options{Lang: lang}) {
			switch h.Place.Section {
			case "2018":
				dated = h.Score
			case "chairmanship", "presidenza":
				other = h.Score
			}
		}
		if dated == 0 || other == 0 {
			t.Fatalf("%q: both sections should match", q)
		}
		return dated / other
	}
	// The same words, asked as "when": the section headed by a date gains wWhen.
	for _, c := range [][3]string{
		{"en", "chairmanship", "when was the chairmanship"},
		{"en", "year chairmanship", "what year chairmanship"},
		{"it", "presidenza", "quando la presidenza"},
	} {
		plain, when := ratio(c[1], c[0]), ratio(c[2], c[0])
		if d := when/plain - wWhen; d > 0.01 || d < -0.01 {
			t.Errorf("%q: the dated section gains %.3f, want %.2f", c[2], when/plain, wWhen)
		}
	}
	for q, want := range map[string]bool{
		"when": true, "Quando?": true, "in what year": true, "che anno": true,
		"year": false, "whenever": false, "the year 2018": false, "": false,
	} {
		if asksWhen(q) != want {
			t.Errorf("asksWhen(%q) = %v", q, !want)
		}
	}
	for h, want := range map[string]bool{
		"2016": true, "2021-2025": true, "2009–2010": true, "The 2018 Chairmanship": false,
		"A/65/201": false, "12345": false, "": false,
	} {
		if isDate(h) != want {
			t.Errorf("isDate(%q) = %v", h, !want)
		}
	}
}

// TestConceptNamesUnambiguous: in the shipped term base no name (term, acronym,
// synonym or heading), as search analyses it, belongs to two concepts: a
// synonym added for one entry must not send a reader to another.
func TestConceptNamesUnambiguous(t *testing.T) {
	_, ix := embedded(t)
	for _, li := range ix.langs {
		owner := map[string]int{}
		for c, names := range li.cnames {
			for _, name := range names {
				k := strings.Join(name, " ")
				if o, ok := owner[k]; ok && o != c {
					t.Errorf("%s: %q names both %s and %s", li.lang, k, ix.concepts[o].id, ix.concepts[c].id)
				}
				owner[k] = c
			}
		}
		if len(owner) < 2*len(ix.concepts) {
			t.Errorf("%s: %d names for %d concepts", li.lang, len(owner), len(ix.concepts))
		}
	}
}
