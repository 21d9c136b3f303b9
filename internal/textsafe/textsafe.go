// Package textsafe makes text a stranger typed safe to show back on a terminal.
// A visitor's input is echoed in error messages, did-you-mean lines, the line
// mode and the search box; raw, it could carry control characters (ESC, and the
// 8-bit C1 controls such as CSI, 0x9b, which some terminals obey), or Unicode's
// bidirectional overrides (U+202E turns the rest of a line around).
//
// Quote is Escape in double quotes, for a message that names what was typed;
// Clean drops what Escape would escape, for text shown as it is (a search box).
//
// Escape is for a message quoting what was typed: each such character becomes a
// visible escape (\x1b, \u202e). Input is for a line editor that echoes as it
// goes: it keeps the C0 controls the editor acts on (Enter, backspace, ESC of an
// arrow key) and replaces the rest with U+FFFD.
package textsafe

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Unsafe reports whether r must not reach a terminal as it is: a C0 or C1
// control, DEL, or a bidirectional formatting character.
func Unsafe(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, // Arabic letter mark, LRM, RLM
		r >= 0x202a && r <= 0x202e, // LRE, RLE, PDF, LRO, RLO
		r >= 0x2066 && r <= 0x2069: // LRI, RLI, FSI, PDI
		return true
	}
	return false
}

// Escape returns s with every unsafe character (Unsafe) and every byte that is
// not UTF-8 written as a visible escape: \x1b, \x9b, \u202e. The rest is kept.
func Escape(s string) string {
	clean := true
	for i, r := range s {
		if Unsafe(r) || (r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD")) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x100 && Unsafe(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case Unsafe(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Input wraps a terminal's input for a line editor that echoes it: C0 controls
// and DEL pass (the editor acts on them, or drops them), and C1 controls, bidi
// formatting characters and bytes that are not UTF-8 become U+FFFD, so that
// whatever the editor echoes is safe. A character split across reads is kept
// (at most 3 bytes) until its end comes.
func Input(r io.Reader) io.Reader { return &input{r: r} }

type input struct {
	r    io.Reader
	tail []byte // the start of a character whose end has not come
	out  []byte // filtered, not yet returned
	buf  []byte
}

func (in *input) Read(p []byte) (int, error) {
	for len(in.out) == 0 {
		if cap(in.buf) < len(p) {
			in.buf = make([]byte, max(len(p), 64))
		}
		n, err := in.r.Read(in.buf[:len(p)])
		in.filter(in.buf[:n], err != nil)
		if err != nil && len(in.out) == 0 {
			return 0, err
		}
		if n == 0 && err == nil && len(in.out) == 0 {
			return 0, nil
		}
	}
	n := copy(p, in.out)
	in.out = in.out[n:]
	return n, nil
}

// filter appends b's safe text to out; at the end of input, a split character
// left is replaced too.
func (in *input) filter(b []byte, end bool) {
	data := append(in.tail, b...)
	in.tail = nil
	out := in.out[:0:0]
	out = append(out, in.out...)
	for i := 0; i < len(data); {
		c := data[i]
		if c < 0x80 {
			out = append(out, c)
			i++
			continue
		}
		if !end && !utf8.FullRune(data[i:]) {
			in.tail = append([]byte(nil), data[i:]...)
			break
		}
		r, size := utf8.DecodeRune(data[i:])
		if (r == utf8.RuneError && size == 1) || Unsafe(r) {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, data[i:i+size]...)
		}
		i += size
	}
	in.out = out
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
		case Unsafe(r) || r == utf8.RuneError:
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
		if Unsafe(r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}
