package search

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// Tokenizing.
//
// A word is a run of letters or a run of digits: text is split at every other
// character and wherever letters meet digits ("CBM14" is "cbm" and "14"). Combining
// marks stay with the word they follow. A word's folded form is the concatenation of
// library.Fold of each of its runes, so that a prefix of the folded form can be
// mapped back, rune by rune, to a prefix of the original text.

// class of a rune for tokenizing.
const (
	classOther = iota
	classLetter
	classDigit
	classMark // combining mark: joins the word before it
)

func runeClass(r rune) int {
	if r < utf8.RuneSelf {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
			return classLetter
		case '0' <= r && r <= '9':
			return classDigit
		}
		return classOther
	}
	switch {
	case unicode.IsLetter(r):
		return classLetter
	case unicode.IsDigit(r):
		return classDigit
	case unicode.Is(unicode.M, r):
		return classMark
	}
	return classOther
}

// foldTable holds the folded form of the runes from U+0080 to U+024F (Latin-1 and
// Latin Extended-A and B), computed on first use (not at start-up, where it would
// delay the reader's first frame): the accented letters of Italian text.
var foldTable = sync.OnceValue(func() []string {
	t := make([]string, 0x250-0x80)
	for r := rune(0x80); r < 0x250; r++ {
		t[r-0x80] = library.Fold(string(r))
	}
	return t
})

// appendFold appends the folded form of r to b.
func appendFold(b []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	case r < 0x250:
		return append(b, foldTable()[r-0x80]...)
	case unicode.Is(unicode.Mn, r):
		return b // an accent on its own folds to nothing
	}
	return append(b, library.Fold(string(r))...)
}

// scanWords calls fn for each word of s with its byte range, in order.
func scanWords(s string, fn func(start, end int)) {
	start, prev := -1, classOther
	for i, r := range s {
		c := runeClass(r)
		if c == classMark {
			if start >= 0 {
				continue // stays with its word
			}
			c = classOther
		}
		if c == classOther {
			if start >= 0 {
				fn(start, i)
				start = -1
			}
			prev = c
			continue
		}
		if start >= 0 && c != prev {
			fn(start, i)
			start = -1
		}
		if start < 0 {
			start = i
		}
		prev = c
	}
	if start >= 0 {
		fn(start, len(s))
	}
}

// foldWord returns the folded form of a word, appended to buf[:0].
func foldWord(buf []byte, w string) []byte {
	buf = buf[:0]
	for _, r := range w {
		buf = appendFold(buf, r)
	}
	return buf
}

// prefixEnd returns the length in bytes of the shortest prefix of the word w whose
// folded form is at least n bytes long, extended over the combining marks that follow
// it: the part of the original text a matched folded prefix of n bytes covers.
func prefixEnd(w string, n int) int {
	var buf [16]byte
	folded, end := 0, 0
	for end < len(w) {
		if w[end] < utf8.RuneSelf {
			if folded >= n {
				break
			}
			folded++
			end++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[end:])
		if folded >= n && runeClass(r) != classMark {
			break
		}
		folded += len(appendFold(buf[:0], r))
		end += size
	}
	return end
}

// Words returns the words of query as Search matches them: folded (lower case, no
// accents) and split at every character that is not a letter or digit and between
// letters and digits. "CBM14 attività" gives ["cbm" "14" "attivita"].
func Words(query string) []string {
	var words []string
	var buf []byte
	scanWords(query, func(start, end int) {
		buf = foldWord(buf, query[start:end])
		if len(buf) > 0 {
			words = append(words, string(buf))
		}
	})
	return words
}

// Marks returns the byte ranges of text to highlight for query: for each word of
// text, the part of it that a word of query is a prefix of (the longest such part).
// The ranges are sorted, do not overlap, and lie on rune boundaries of text; ranges
// that touch are merged. A blank query gives nil.
func Marks(text, query string) [][2]int {
	qs := queryWords(Words(query))
	if len(qs) == 0 {
		return nil
	}
	return marks(text, qs)
}

// marks is Marks for already tokenized query words.
func marks(text string, qs []string) [][2]int {
	var out [][2]int
	var buf []byte
	scanWords(text, func(start, end int) {
		buf = foldWord(buf, text[start:end])
		best := 0
		for _, q := range qs {
			if len(q) > best && len(q) <= len(buf) && string(buf[:len(q)]) == q {
				best = len(q)
			}
		}
		if best == 0 {
			return
		}
		e := start + prefixEnd(text[start:end], best)
		if n := len(out); n > 0 && out[n-1][1] == start {
			out[n-1][1] = e
			return
		}
		out = append(out, [2]int{start, e})
	})
	return out
}

// MaxWords is the most words of a query that count: the others are ignored, so
// that a pasted page cannot make a search slow.
const MaxWords = 32

// queryWords returns the distinct words of a query, at most MaxWords of them.
func queryWords(ws []string) []string {
	out := ws[:0:0]
	for _, w := range ws {
		if len(out) == MaxWords {
			break
		}
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// plainLine turns one Markdown body line into the text a reader sees: list,
// quote and emphasis markers removed, links reduced to their text.
func plainLine(line string) string {
	s := strings.TrimSpace(line)
	for {
		t := s
		switch {
		case strings.HasPrefix(s, ">"):
			s = strings.TrimSpace(s[1:])
		case len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t'):
			s = strings.TrimSpace(s[2:])
		default:
			if n := orderedMarker(s); n > 0 {
				s = strings.TrimSpace(s[n:])
			}
		}
		if s == t {
			break
		}
	}
	if isRule(s) {
		return ""
	}
	s = library.StripInline(s)
	s = stripUnderscores(s)
	s = strings.ReplaceAll(s, "\t", " ")
	return strings.TrimSpace(s)
}

// orderedMarker returns the length of an ordered list marker ("12. ", "3) ") at the
// start of s, or 0.
func orderedMarker(s string) int {
	n := 0
	for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 || n+1 >= len(s) || (s[n] != '.' && s[n] != ')') || (s[n+1] != ' ' && s[n+1] != '\t') {
		return 0
	}
	return n + 2
}

// isRule reports a thematic break: "---", "***", "___" (spaces allowed).
func isRule(s string) bool {
	if len(s) < 3 {
		return false
	}
	c := s[0]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// stripUnderscores removes the underscores of _emphasis_ and __strong__: runs of
// '_' at the start or end of a word. Underscores inside a word (snake_case) stay.
func stripUnderscores(s string) string {
	if !strings.Contains(s, "_") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '_' {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '_' {
			j++
		}
		before, after := rune(' '), rune(' ')
		if i > 0 {
			before, _ = utf8.DecodeLastRuneInString(s[:i])
		}
		if j < len(s) {
			after, _ = utf8.DecodeRuneInString(s[j:])
		}
		if runeClass(before) != classOther && runeClass(after) != classOther {
			b.WriteString(s[i:j]) // inside a word
		}
		i = j
	}
	return b.String()
}
