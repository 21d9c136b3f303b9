package library

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The style rules of lint: one name for each body and document, and sentences
// short enough to read on a terminal.

// MaxSentenceWords is the longest sentence lint lets pass without a warning: about
// three lines of an 80-column terminal.
const MaxSentenceWords = 40

// lintSentences warns of every sentence over MaxSentenceWords words.
func lintSentences(pages map[string]map[string]*Page) []Problem {
	var out []Problem
	for _, lang := range Languages() {
		for _, id := range sortedKeys(pages[lang]) {
			p := pages[lang][id]
			for _, b := range p.Blocks {
				for _, s := range Sentences(b.Text) {
					if n := countWords(s); n > MaxSentenceWords {
						out = append(out, Problem{Path: p.Path, Line: b.Line, Warning: true,
							Message: fmt.Sprintf("a sentence of %d words (%q): over %d is hard to follow on a terminal; split it, or make a list",
								n, clip(s, 8), MaxSentenceWords)})
					}
				}
			}
		}
	}
	return out
}

// Sentences splits a passage into sentences: a sentence ends with ".", "!" or "?"
// followed by a space and a capital letter (or by the end), so "No. 1202",
// "A/65/201." and "e.g. this" do not end one; a ";" or ":" does not either.
func Sentences(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		j := i + 1
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if !strings.ContainsRune("\"')»”’*_", r) {
				break
			}
			j += size // closing quotes and brackets belong to the sentence
		}
		if j < len(text) && text[j] != ' ' {
			continue
		}
		k := j
		for k < len(text) && text[k] == ' ' {
			k++
		}
		if k < len(text) {
			next, _ := utf8.DecodeRuneInString(text[k:])
			if !unicode.IsUpper(next) && !strings.ContainsRune("\"«“(", next) {
				continue
			}
		}
		if s := strings.TrimSpace(text[start:j]); s != "" {
			out = append(out, s)
		}
		start = j
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// countWords counts the words of s: runs holding a letter or a digit.
func countWords(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// clip returns the first n words of s, and "..." when there were more.
func clip(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return s
	}
	return strings.Join(f[:n], " ") + " ..."
}

// articles may open a synonym without making it a name ("the Alliance").
var articles = []string{"the ", "l'", "il ", "lo ", "la ", "i ", "gli ", "le "}

// otherNames returns the synonyms of a term form that are other names for the same
// body or document: they begin, after an article, with a capital letter, are not
// made of acronyms only, and are not a shortening of the term (every word of
// "Cyber Diplomacy Toolbox" is a word of "EU Cyber Diplomacy Toolbox"). The
// others are ways a reader may search ("sanctions", "private sector").
func otherNames(f TermForm) []string {
	termWords := map[string]bool{}
	for _, w := range nameWords(f.Term + " " + f.Acronym) {
		termWords[w] = true
	}
	var out []string
	for _, syn := range f.Synonyms {
		s := strings.TrimSpace(syn)
		rest := s
		for _, a := range articles {
			if len(rest) > len(a) && strings.EqualFold(rest[:len(a)], a) {
				rest = rest[len(a):]
				break
			}
		}
		first, _ := utf8.DecodeRuneInString(rest)
		if !unicode.IsUpper(first) {
			continue
		}
		ws := nameWords(rest)
		acronyms, shortening := true, true
		for _, w := range ws {
			if !isAcronym(w) {
				acronyms = false
			}
			if !termWords[w] {
				shortening = false
			}
		}
		if acronyms || shortening {
			continue
		}
		out = append(out, s)
	}
	return out
}

// nameWords splits a name into its words (letters and digits), keeping case.
func nameWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// isAcronym reports words such as "UN", "NATO", "CBMs", "ICTs".
func isAcronym(w string) bool {
	w = strings.TrimSuffix(w, "s")
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// lintNames reports every passage that calls a body or a document by another name
// than the term base's (its term, or its acronym): "the Atlantic Alliance" where
// the term base says "North Atlantic Treaty Organization (NATO)". The other names
// are the term's synonyms that are names (see otherNames); the glossary entry of
// the term may mention them.
func lintNames(terms []Term, pages map[string]map[string]*Page) []Problem {
	var out []Problem
	for _, lang := range Languages() {
		type other struct {
			name string
			term TermForm
		}
		var others []other
		for _, t := range terms {
			f, ok := t.ByLang[lang]
			if !ok {
				continue
			}
			for _, n := range otherNames(f) {
				others = append(others, other{n, f})
			}
		}
		if len(others) == 0 {
			continue
		}
		for _, id := range sortedKeys(pages[lang]) {
			p := pages[lang][id]
			for _, b := range p.Blocks {
				for _, o := range others {
					if p.Kind == PageGlossary && p.Sections[b.Section].Heading.Anchor == o.term.Anchor {
						continue // the entry itself may list the other names
					}
					text := maskTerm(b.Text, o.term)
					if !containsName(text, o.name) {
						continue
					}
					want := o.term.Term
					if o.term.Acronym != "" {
						want += " (" + o.term.Acronym + ")"
					}
					out = append(out, Problem{Path: p.Path, Line: b.Line,
						Message: fmt.Sprintf("%q is another name for %s: one body, one name; write the term base's (%s)", o.name, want, TermsFile)})
				}
			}
		}
	}
	return out
}

// maskTerm blanks the occurrences of a term's own name in text, so that a synonym
// found inside it ("Cyber Diplomacy Toolbox" in "EU Cyber Diplomacy Toolbox") is
// not another name.
func maskTerm(text string, f TermForm) string {
	for _, n := range []string{f.Term, f.Acronym} {
		if len(n) < 2 {
			continue
		}
		text = strings.ReplaceAll(text, n, strings.Repeat("\x00", len(n)))
	}
	return text
}

// containsName reports whether name occurs in text as whole words, with its case.
func containsName(text, name string) bool {
	for off := 0; ; {
		i := strings.Index(text[off:], name)
		if i < 0 {
			return false
		}
		i += off
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(name):])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		off = i + 1
	}
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
