package search

import "unicode/utf8"

// Typo tolerance, as Meilisearch and Typesense do it: the number of edits a word
// may be away from what was typed depends on its length in letters, and an edit
// is an insertion, a deletion, a substitution or the swap of two neighbours
// (optimal string alignment distance, the restricted Damerau-Levenshtein).

// maxTypos returns how many edits a query word of n letters tolerates: none under
// 5 letters (but see swapOnly), 1 from 5, 2 from 9.
func maxTypos(n int) int {
	switch {
	case n >= 9:
		return 2
	case n >= 5:
		return 1
	}
	return 0
}

// swapOnly reports whether a word of n letters tolerates one swap of neighbours
// and nothing else: a 4-letter acronym typed "OWEG" still finds "OEWG".
func swapOnly(n int) bool { return n == 4 }

// maxWordRunes bounds the words that typo matching compares: longer ones are
// compared exactly. It bounds the work of one comparison.
const maxWordRunes = 40

// distance returns the optimal string alignment distance between a and b when it
// is at most k, and k+1 otherwise. With prefix set, it is the distance between a
// and the closest prefix of b ("reslie" is 1 away from a prefix of "resilience").
// The work is at most (len(a)+1) x (len(b)+1) cells, both bounded by maxWordRunes.
func distance(a, b string, k int, prefix bool) int {
	var abuf, bbuf [maxWordRunes]rune
	ra, ok1 := toRunes(a, abuf[:0])
	rb, ok2 := toRunes(b, bbuf[:0])
	if !ok1 || !ok2 {
		if a == b || (prefix && len(a) <= len(b) && b[:len(a)] == a) {
			return 0
		}
		return k + 1
	}
	return osa(ra, rb, k, prefix)
}

// toRunes decodes s into buf; false when s has more than maxWordRunes runes.
func toRunes(s string, buf []rune) ([]rune, bool) {
	for _, r := range s {
		if len(buf) == maxWordRunes {
			return nil, false
		}
		buf = append(buf, r)
	}
	return buf, true
}

func osa(a, b []rune, k int, prefix bool) int {
	n, m := len(a), len(b)
	if !prefix && abs(n-m) > k {
		return k + 1
	}
	if prefix && m > n+k {
		m = n + k // a prefix longer than this is more than k away
	}
	if prefix && m < n-k {
		return k + 1
	}
	// Three rows of the dynamic programme: two back (for swaps), previous, current.
	var r0, r1, r2 [maxWordRunes + 1]int
	pp, p, c := r0[:m+1], r1[:m+1], r2[:m+1]
	for j := range p {
		p[j] = j
	}
	for i := 1; i <= n; i++ {
		c[0] = i
		rowMin := c[0]
		for j := 1; j <= m; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(p[j]+1, c[j-1]+1, p[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, pp[j-2]+1)
			}
			c[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > k {
			return k + 1
		}
		pp, p, c = p, c, pp
	}
	d := p[m]
	if prefix {
		for _, v := range p {
			d = min(d, v)
		}
	}
	return min(d, k+1)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// runeLen is the number of runes of s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// isSwap reports whether b is a with two neighbouring runes swapped.
func isSwap(a, b string) bool {
	if len(a) != len(b) || a == b {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	ra, na := utf8.DecodeRuneInString(a[i:])
	rb, nb := utf8.DecodeRuneInString(b[i:])
	if i+na >= len(a) || i+nb >= len(b) {
		return false
	}
	ra2, na2 := utf8.DecodeRuneInString(a[i+na:])
	rb2, nb2 := utf8.DecodeRuneInString(b[i+nb:])
	return ra == rb2 && rb == ra2 && na+na2 == nb+nb2 && a[i+na+na2:] == b[i+nb+nb2:]
}

// EditDistance is the edit distance search uses (insertions, deletions,
// substitutions and swaps of neighbours, over folded runes) between a and b
// when it is at most k, else k+1. Words longer than 40 runes compare exactly.
func EditDistance(a, b string, k int) int {
	return distance(foldString(a), foldString(b), k, false)
}

// SuggestEdits is how many edits a word of n runes may be from what search, or
// a command line, suggests for it: one up to 6 letters, two from 7.
func SuggestEdits(n int) int { return suggestEdits(n) }

// foldString folds a whole string as search folds a word (case and accents).
func foldString(s string) string {
	var buf []byte
	return string(foldWord(buf, s))
}
