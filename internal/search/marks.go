package search

import (
	"strings"

	"github.com/blevesearch/snowballstem"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/textsafe"
)

// Matcher marks the words of any text that a query matches, the way Search
// matches them (forms, spellings, typos, completions and concept names, in
// either language). Build one per query with Index.Matcher and use it for every
// line to highlight; it is safe for concurrent use.
type Matcher struct {
	q *query
}

// Matcher compiles a query for marking.
func (ix *Index) Matcher(query string) *Matcher {
	return &Matcher{q: ix.compile(query)}
}

// Marks returns the byte ranges of text that the query matches, sorted, not
// overlapping, on rune boundaries; ranges that touch are merged. A prefix
// completion marks only the typed part ("pled" in "Pledge").
func (m *Matcher) Marks(text string) [][2]int {
	if m == nil || len(m.q.langs) == 0 {
		return nil
	}
	env := snowballstem.NewEnv("")
	var all []mark
	for _, lq := range m.q.langs {
		all = mergeMarks(all, lq.marks(text, env, nil))
	}
	return ranges(all)
}

// mergeMarks returns the union of two sorted lists of marks, sorted, with ranges
// that overlap or touch merged.
func mergeMarks(a, b []mark) []mark {
	out := make([]mark, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		var m mark
		if j >= len(b) || (i < len(a) && a[i].start <= b[j].start) {
			m, i = a[i], i+1
		} else {
			m, j = b[j], j+1
		}
		if n := len(out); n > 0 && m.start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, m.end)
			out[n-1].slots |= m.slots
			continue
		}
		out = append(out, m)
	}
	return out
}

// Marks returns the byte ranges of text to highlight for query without an index:
// the words that are a word of the query (case and accents aside), share its
// stem in any language of the briefing, or start with its last word. It knows no typos nor
// concepts: Index.Matcher does. A blank query gives nil.
func Marks(text, query string) [][2]int {
	slots := parseQuery(textsafe.DropControls(query))
	if len(slots) == 0 {
		return nil
	}
	env := snowballstem.NewEnv("")
	var ans []analyzer
	for _, l := range library.Languages() {
		ans = append(ans, analyzerFor(l))
	}
	langs := ans
	keys := make([][]string, len(langs))
	for li, an := range langs {
		for _, s := range slots {
			keys[li] = append(keys[li], an.key(s.word, env))
		}
	}
	var out [][2]int
	var buf []byte
	scanWords(text, func(start, end int) {
		buf = foldWord(buf, text[start:end])
		w := string(buf)
		var wk []string // w's key in each language, computed when needed
		e := -1
		for i, s := range slots {
			if w == s.word {
				e = end
				break
			}
			if len(w) >= 3 {
				if wk == nil {
					for _, an := range langs {
						wk = append(wk, an.key(w, env))
					}
				}
				for li := range langs {
					if wk[li] == keys[li][i] {
						e = end
					}
				}
			}
			if e < 0 && s.last && len(s.word) >= 2 && strings.HasPrefix(w, s.word) {
				e = start + prefixEnd(text[start:end], len(s.word))
			}
		}
		if e < 0 {
			return
		}
		if n := len(out); n > 0 && out[n-1][1] == start {
			out[n-1][1] = e
			return
		}
		out = append(out, [2]int{start, e})
	})
	return out
}
