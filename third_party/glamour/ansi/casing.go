package ansi

import (
	"strings"
	"unicode"
)

// titleCase upper-cases the first letter of each word of s and lower-cases the
// others, as cases.Title(language.English) does for the text of a document
// (cyberdiplo patch 0007-no-x-text-cases: x/text/cases and its tables cost a
// quarter of a megabyte of the binary for three style options; the standard
// library's Unicode case mappings serve them).
func titleCase(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	inWord := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '\u2019':
			if inWord {
				b.WriteRune(unicode.ToLower(r))
			} else {
				b.WriteRune(unicode.ToTitle(r))
			}
			inWord = true
		default:
			b.WriteRune(r)
			inWord = false
		}
	}
	return b.String()
}
