// Package textsafe makes text typed by someone else safe to write back to a
// terminal: no control character (C0, DEL, C1) and no bidirectional control
// (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) reaches it as itself,
// so an echo can neither move the cursor, change colours, nor reorder what is
// shown around it ("Trojan Source").
package textsafe

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// unsafe reports whether r must not be written to a terminal as itself.
func unsafe(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0: // C0, DEL, C1
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r == utf8.RuneError:
		return true
	}
	return false
}

// Quote returns s in double quotes, each unsafe character (and an invalid
// byte) written as a Go escape (\x1b, \u202e), a quote or backslash escaped.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, w := 0, 0; i < len(s); i += w {
		r, n := utf8.DecodeRuneInString(s[i:])
		w = n
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\x` + strconv.FormatUint(uint64(s[i])|0x100, 16)[1:])
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case unsafe(r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Clean returns s with every unsafe character (and invalid byte) removed.
func Clean(s string) string {
	return strings.Map(func(r rune) rune {
		if unsafe(r) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}
