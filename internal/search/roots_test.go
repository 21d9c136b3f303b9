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
