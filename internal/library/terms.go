package library

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
)

// The glossary is a term base: each entry's heading is followed by one line giving
// the entry in the other language, "*In Italian: misure di costruzione della fiducia
// (CBM)*", written in the page so that every reader (the TUI, show, an SSH client)
// sees it, and checked against terms.yaml so that the two cannot drift apart.

// Label is the term as a reader sees it in a list: "confidence-building measures (CBM)".
func (f TermForm) Label() string {
	if f.Acronym == "" {
		return f.Term
	}
	return f.Term + " (" + f.Acronym + ")"
}

// equivalentPrefix introduces, in a glossary of lang, the term in its counterpart
// language (lang.Counterpart): "In Italian: ". "" for a language without one.
func equivalentPrefix(lang string) string {
	l, ok := langs.Get(lang)
	if !ok || l.Equivalent == "" {
		return ""
	}
	return fmt.Sprintf(l.Equivalent, langs.Name(langs.Counterpart(lang), lang))
}

// EquivalentLine is the line the glossary of lang shows under the heading of t: the
// entry in the counterpart language, the default one or for the default the
// second ("In Italian: misure di costruzione della fiducia (CBM)").
func EquivalentLine(lang string, t Term) string {
	return equivalentPrefix(lang) + t.ByLang[langs.Counterpart(lang)].Label()
}

// TermAt returns the term whose glossary heading in lang has the anchor.
func (l *Library) TermAt(lang, anchor string) (Term, bool) {
	for _, t := range l.terms() {
		if t.ByLang[lang].Anchor == anchor {
			return t, true
		}
	}
	return Term{}, false
}

// TermsSorted returns the term base in the alphabetical order of lang's terms
// (case and accents ignored), as a reader of that language looks a term up.
func (l *Library) TermsSorted(lang string) []Term {
	ts := append([]Term(nil), l.terms()...)
	sort.SliceStable(ts, func(i, j int) bool {
		return Fold(ts[i].ByLang[lang].Term) < Fold(ts[j].ByLang[lang].Term)
	})
	return ts
}

// lintEquivalents checks that each glossary entry shows, right under its heading,
// the other language's term as terms.yaml gives it.
func lintEquivalents(terms []Term, pages map[string]map[string]*Page) []Problem {
	var out []Problem
	for _, lang := range Languages() {
		g := pageOfKind(pages[lang], PageGlossary)
		if g == nil || equivalentPrefix(lang) == "" {
			continue
		}
		for _, s := range g.Sections {
			if s.Heading.Level < 2 {
				continue
			}
			var term *Term
			for i := range terms {
				if terms[i].ByLang[lang].Anchor == s.Heading.Anchor {
					term = &terms[i]
					break
				}
			}
			if term == nil {
				continue // lintTerms reports the entry without a term
			}
			want := EquivalentLine(lang, *term)
			line, found := s.Heading.Line, "nothing"
			if s.First+1 < s.End {
				b := g.Blocks[s.First+1]
				line = b.Line
				if b.Kind == KindParagraph && b.Text == want {
					continue
				}
				found = "a " + b.Kind.String()
				if b.Kind == KindParagraph {
					found = fmt.Sprintf("%q", b.Text)
				}
			}
			out = append(out, Problem{Path: g.Path, Line: line,
				Message: fmt.Sprintf("glossary entry %q: the line under its heading must read \"*%s*\" (term %q in %s), not %s",
					s.Heading.Text, want, term.ID, TermsFile, found)})
		}
	}
	return out
}

// phraseFillers are the words a phrase's word set leaves out (wordSet): they name
// nothing, in English or Italian. Made on first use, not at every start.
var phraseFillers = sync.OnceValue(func() map[string]bool {
	return wordTable(`a an and or of the to for in on by with at from as is are how what
		e o di da con su per tra fra il lo la i gli le un uno una del dello della dei degli delle dell
		al allo alla ai agli alle dal dalla nel nella nei sul sulla che come l d`)
})

// wordSet is a phrase as lint compares it: its folded words, function words left
// out, sorted and deduplicated, so that "help for poor countries" and "poor
// countries help" are the same phrase.
func wordSet(phrase string) string {
	ws := strings.FieldsFunc(Fold(phrase), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	fillers := phraseFillers()
	ws = slices.DeleteFunc(ws, func(w string) bool { return fillers[w] })
	slices.Sort(ws)
	return strings.Join(slices.Compact(ws), " ")
}
