package search

import (
	"slices"
	"strings"

	"github.com/blevesearch/snowballstem"
)

//go:generate go test -run ^TestStemTable$ -args -write-stems

// The stem table.
//
// Stemming is a fifth of the work of building the index (the Snowball stemmers
// take some 5,000 instructions a word), and the build runs at start-up, on the
// path to the reader's first frame. So the keys of the words of the shipped
// briefing (its text and its term base, in each language) are computed once, by
// go generate, into stemtable.go; the build takes a word's key from there and
// stems only the words the table lacks (other content, --content DIR, text
// written since the table was made). An entry is a pure function of the word
// and the analyzer, so the table can be out of date with the content and the
// index is still the same, only built a little slower; TestStemTable checks
// every entry against the analyzer, and says when the content holds words the
// table lacks.

// stemPair is a folded word and its key.
type stemPair struct{ word, key string }

// stemmer gives the keys of one language's words: from the stem table, else
// by the analyzer.
type stemmer struct {
	an    analyzer
	env   *snowballstem.Env
	table []stemPair // sorted by word
	at    int        // for keyInOrder: where the last word was looked for
}

func newStemmer(an analyzer) *stemmer {
	s := &stemmer{an: an, env: snowballstem.NewEnv("")}
	for _, t := range stemTables {
		if t.lang == an.lang {
			s.table = t.pairs
		}
	}
	return s
}

// key returns the key of a folded word.
func (s *stemmer) key(w string) string {
	if needsStem(w) {
		if i, ok := slices.BinarySearchFunc(s.table, w, func(p stemPair, w string) int { return strings.Compare(p.word, w) }); ok {
			return s.table[i].key
		}
	}
	return s.an.key(w, s.env)
}

// keyInOrder is key for words asked in sorted order (the vocabulary): the
// table is walked once.
func (s *stemmer) keyInOrder(w string) string {
	if needsStem(w) {
		for s.at < len(s.table) && s.table[s.at].word < w {
			s.at++
		}
		if s.at < len(s.table) && s.table[s.at].word == w {
			return s.table[s.at].key
		}
	}
	return s.an.key(w, s.env)
}

// needsStem reports whether analyzer.key stems a folded word (else it is
// its own key at once, or by spelling alone): the words the table holds.
func needsStem(w string) bool {
	return len(w) >= 3 && isLetters(w) && !isStop(w)
}
