// Package search finds the sections of the briefing that answer what a reader
// types, in either language.
//
// A document is one section (a heading and the text under it) of one page in one
// language, with four fields weighed apart by BM25F: its heading, the glossary
// forms of the entry it defines (term, acronym, synonyms), the headings above it,
// and its text. A query is cut into words, folded (case and accents), its stop
// words and request words dropped ("when", "was", "quanti", "define",
// "significa"), and each word matches the words of the text that are the same,
// share its Snowball stem (after British and American spellings, and the
// Italian ciber-/cyber-, are joined), or, for the last word, start with it. Two
// words the text writes as one match it ("cyber security"), a word the text
// writes as two is split ("cyberdefence"), and an acronym's plural matches the
// acronym ("CBMs"). A word that matches none of these in either language
// tolerates typos (see maxTypos) and matches the words of the same root
// ("chaired" finds "chairmanship", see relatives). A run of words that names a
// glossary concept in any language also matches every section that names the
// concept in any of its forms. Not every word has to match: a section scores by
// the share of the query's weight (the rarity of its words) that it matches.
//
// Both languages are searched on every query: a section found in the other
// language is ranked as the same section (same page, same position) in the
// reader's language, marked as found through the other language. A search
// lists each section once: of its versions in the languages, the best ranked.
//
// An Index is built once with New and is read-only afterwards: any number of
// goroutines (SSH sessions) may search it at the same time.
package search

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// Kind is what a hit is: a glossary entry, a section matched by its heading, or
// a section matched in its text.
type Kind uint8

const (
	// Body is a section matched in its text.
	Body Kind = iota
	// Heading is a section matched by its heading (or the headings above it) only.
	Heading
	// Term is a "##" section of the glossary page: a term it defines.
	Term
)

// String returns "term", "heading" or "text".
func (k Kind) String() string {
	switch k {
	case Term:
		return "term"
	case Heading:
		return "heading"
	}
	return "text"
}

// MarshalText makes a Kind appear as its String in JSON.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Via says how a hit was found: the least direct way any of its words matched.
type Via string

// The ways a hit is found, from the most direct.
const (
	ViaExact     Via = "exact"          // the words as typed (case and accents aside)
	ViaStem      Via = "stem"           // another form, spelling or derivation of a word ("defense" for "defence", "chaired" for "Chairmanship")
	ViaPrefix    Via = "prefix"         // a word the last typed word begins ("pled" for "Pledge")
	ViaTypo      Via = "typo"           // a word a typo or two away ("resilence" for "resilience")
	ViaSynonym   Via = "synonym"        // another name of a glossary concept (its acronym, its equivalent)
	ViaOtherLang Via = "other-language" // the section in the other language matched
)

// vias are the Via values by class, from the most direct.
var vias = [...]Via{ViaExact, ViaStem, ViaPrefix, ViaTypo, ViaSynonym, ViaOtherLang}

// Match classes, in the order of vias.
const (
	cExact uint8 = iota
	cStem
	cPrefix
	cTypo
	cSynonym
	cOther
)

// SnippetRunes is the default width of a Hit's Snippet, in runes ("…" included).
const SnippetRunes = 110

// Bounds on the work of one query.
const (
	// MaxQueryBytes is the most of a query that is read: the rest is ignored.
	MaxQueryBytes = 1000
	// MaxWords is the most distinct words of a query that count (stop words aside).
	MaxWords = 16
	// maxPrefixAlts is the most words the last word completes to.
	maxPrefixAlts = 50
	// maxTypoAlts is the most words a word is corrected to.
	maxTypoAlts = 32
	// maxRerank is the most sections per language whose proximity is measured.
	maxRerank = 200
	// maxWidth bounds Options.Width.
	maxWidth = 1000
)

// Options say which hits a search returns and how.
type Options struct {
	// Lang is the reader's language (library.Languages); "" or an unknown one
	// means the first language of the index.
	Lang string
	// AllLangs adds, after the hits in Lang, the sections of the other language(s)
	// that match in their own text and are not already listed in Lang (a section
	// is listed once, in its best-ranked version: see oneVersion).
	AllLangs bool
	// Limit is the most hits returned; 0 or less means no limit.
	Limit int
	// Width is the width of a snippet in runes, "…" included: the room the caller
	// has for it. 0 means SnippetRunes; it is kept between 20 and 1000.
	Width int
}

// Hit is one section that matches.
type Hit struct {
	Lang      string // the language of the section shown
	Page      string // page id
	PageTitle string
	Section   int // index in the page's Sections
	// Place is where a reader opens the hit: the section's heading, in Lang, and
	// the section jumped to (Place.Section, its anchor; "" for text before a
	// page's first heading, whose place is the top of the page).
	Place library.Place
	// Heading is the section's heading ("" for text before a page's first
	// heading); HeadingMarks are the byte ranges of Heading that matched.
	Heading      string
	HeadingMarks [][2]int
	// Line is the 1-based file line of the snippet's block (of the heading when
	// the snippet is empty), Block its index in the page's Blocks (-1 then).
	Line  int
	Block int
	Kind  Kind
	// OtherLang is set on the sections that Options.AllLangs adds: Lang is not the
	// language asked for.
	OtherLang bool
	// Via is how the section was found; Found is the language it was found in
	// (not Lang when Via is ViaOtherLang).
	Via   Via
	Found string
	// Score is the section's rank score: higher is better; comparable only within
	// one search.
	Score float64
	// Snippet is a passage of the section on one line, centred on the sentence
	// that best answers the query (its words, and the date, number, actor or
	// definition it asks for), with "…" where it was cut; Marks are the byte
	// ranges of Snippet that matched.
	Snippet string
	Marks   [][2]int
	// Sources are the sources the section rests on, with the year each reflects.
	Sources []Source
}

// Source is a source a section rests on, as a result row names it.
type Source struct {
	ID        string `json:"id"`
	Publisher string `json:"publisher,omitempty"`
	Year      int    `json:"year"`
}

// Where is the hit's place as a row names it: "page › heading", or the page id
// alone for text before the first heading.
func (h Hit) Where() string {
	if h.Heading == "" {
		return h.Page
	}
	return h.Page + " › " + h.Heading
}

// Years are the years the hit's sources reflect, newest first, as a narrow row
// shows them: "2026, 2021".
func (h Hit) Years() string {
	var ys []int
	for _, s := range h.Sources {
		if !slices.Contains(ys, s.Year) {
			ys = append(ys, s.Year)
		}
	}
	slices.SortFunc(ys, func(a, b int) int { return b - a })
	parts := make([]string, len(ys))
	for i, y := range ys {
		parts[i] = fmt.Sprint(y)
	}
	return strings.Join(parts, ", ")
}

// RowLabel is the sources of a hit as a row of the given room shows them: by
// publisher with their years when they fit ("MAECI 2026, 2021"), else their
// years alone ("2026, 2021").
func (h Hit) RowLabel(room int) string {
	if l := h.SourcesLabel(); utf8.RuneCountInString(l) <= room {
		return l
	}
	return h.Years()
}

// SourcesLabel names the hit's sources with their years, by publisher, newest
// first: "MAECI 2026, 2021; United Nations 2010"; "" when it names none.
func (h Hit) SourcesLabel() string {
	var b strings.Builder
	var pubs []string
	years := map[string][]int{}
	for _, s := range h.Sources {
		p := s.Publisher
		if p == "" {
			p = s.ID
		}
		if _, ok := years[p]; !ok {
			pubs = append(pubs, p)
		}
		if !slices.Contains(years[p], s.Year) {
			years[p] = append(years[p], s.Year)
		}
	}
	for i, p := range pubs {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p)
		ys := years[p]
		slices.SortFunc(ys, func(a, b int) int { return b - a })
		for j, y := range ys {
			if j > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, " %d", y)
		}
	}
	return b.String()
}

// Result is what Find returns: the hits, and the words that matched nothing.
type Result struct {
	Hits []Hit
	// Unmatched are the words of the query, as typed, that match no word of the
	// briefing in any language, even with typos (stop words are never unmatched).
	Unmatched []string
	// DidYouMean is the query with each unmatched word replaced by the closest word
	// of the briefing, or "" when no word is close enough.
	DidYouMean string
}

// Search returns the sections matching query, best first: those in opt.Lang
// (found in either language), then, with opt.AllLangs, those of the other
// language that match in their own text and have no version listed before. A
// blank query, or one nothing matches, returns nil.
func (ix *Index) Search(query string, opt Options) []Hit {
	return ix.Find(query, opt).Hits
}
