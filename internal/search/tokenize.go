package search

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/textsafe"
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
func foldTable() []string {
	foldOnce.Do(func() { foldRunes = foldRunesTable() })
	return foldRunes
}

var (
	foldOnce  sync.Once
	foldRunes []string
)

func foldRunesTable() []string {
	t := make([]string, 0x250-0x80)
	for r := rune(0x80); r < 0x250; r++ {
		t[r-0x80] = library.Fold(string(r))
	}
	return t
}

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
	for i, size := 0, 0; i < len(s); i += size {
		// ASCII without a call, as most of the text is.
		var c int
		if b := s[i]; b < utf8.RuneSelf {
			size = 1
			switch {
			case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z':
				c = classLetter
			case '0' <= b && b <= '9':
				c = classDigit
			default:
				c = classOther
			}
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			c = runeClass(r)
		}
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
	// Byte by byte while the word is ASCII, as most are.
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			for _, r := range w[i:] {
				buf = appendFold(buf, r)
			}
			return buf
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// foldText returns s folded rune by rune as words are (lower case, no
// accents), whatever it holds besides letters.
func foldText(s string) string {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < utf8.RuneSelf
	}
	if ascii {
		return strings.ToLower(s)
	}
	buf := make([]byte, 0, len(s))
	for _, r := range s {
		buf = appendFold(buf, r)
	}
	return string(buf)
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
	query = textsafe.DropControls(query)
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
