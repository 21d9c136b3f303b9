// Package textsafe makes text a stranger typed safe to show back on a terminal.
// A visitor's input is echoed in error messages, did-you-mean lines, the line
// mode and the search box; raw, it could carry control characters (ESC, and the
// 8-bit C1 controls such as CSI, 0x9b, which some terminals obey), or Unicode's
// bidirectional overrides (U+202E turns the rest of a line around).
//
// Quote is a bounded, escaped quotation of what a user typed, for an error
// message; Clean drops what Escape would escape, for text shown as it is (a
// search box); ASCII and NewASCIIWriter render text for terminals that cannot
// show anything else.
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
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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

// safe reports whether s holds no unsafe character (Unsafe) and no byte that
// is not UTF-8 (a U+FFFD written as such is text).
func safe(s string) bool {
	for i, r := range s {
		if Unsafe(r) || (r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD")) {
			return false
		}
	}
	return true
}

// Escape returns s with every unsafe character (Unsafe) and every byte that is
// not UTF-8 written as a visible escape: \x1b, \x9b, \u202e. The rest is kept.
func Escape(s string) string {
	if safe(s) {
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
// and DEL pass (the editor acts on them, or drops them); a C1 control, as a
// character or a raw byte, becomes its 7-bit form, ESC and a letter (U+009B,
// CSI, is "\x1b["), so that the editor skips the sequence it begins whole,
// parameters and all, as it skips an arrow key's; bidi formatting characters
// and other bytes that are not UTF-8 become U+FFFD, so that whatever the editor
// echoes is safe. A character split across reads is kept
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
		if r == utf8.RuneError && size == 1 && c <= 0x9f {
			r = rune(c) // a raw C1 byte
		}
		if r >= 0x80 && r <= 0x9f {
			out = append(out, 0x1b, byte(r-0x40))
		} else if (r == utf8.RuneError && size == 1) || Unsafe(r) {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, data[i:i+size]...)
		}
		i += size
	}
	in.out = out
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

// DropControls returns s as text to match or to show as typed (a query): every
// control sequence dropped whole, with its parameters, whether it is
// introduced by ESC or by a C1 control (a character, U+009B, or a raw byte,
// 0x9b): CSI ("\x1b[2J"), OSC, DCS and the other strings up to their BEL or
// ST (or the end), SS2 and SS3 with their character, and the other ESC
// sequences; then every other unsafe character (Unsafe) and invalid byte,
// except tabs and line breaks, which become spaces ("oewg\tnato" is two
// words). Clean, by contrast, keeps a sequence's parameters ("[2J").
func DropControls(s string) string {
	if safe(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	// next returns the control or character at i as a rune (a raw C1 byte as
	// its rune), and its size.
	next := func(i int) (rune, int) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 && s[i] >= 0x80 && s[i] <= 0x9f {
			return rune(s[i]), 1
		}
		return r, size
	}
	// skipCSI returns the end of a CSI's parameters, intermediates and final.
	skipCSI := func(i int) int {
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x3f {
			i++
		}
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
			i++
		}
		return i
	}
	// skipString returns the end of a control string: after its BEL or ST
	// (ESC \ or U+009C), else the end of s.
	skipString := func(i int) int {
		for i < len(s) {
			r, size := next(i)
			switch {
			case r == 0x07 || r == 0x9c:
				return i + size
			case r == 0x1b && i+1 < len(s) && s[i+1] == '\\':
				return i + 2
			}
			i += size
		}
		return i
	}
	for i := 0; i < len(s); {
		r, size := next(i)
		i += size
		if r == 0x1b && i < len(s) && s[i] >= 0x40 && s[i] <= 0x5f {
			r, i = rune(s[i])+0x40, i+1 // ESC Fe is the C1 control Fe+0x40
		}
		switch {
		case r == 0x9b: // CSI
			i = skipCSI(i)
		case r == 0x90 || r == 0x98 || r == 0x9d || r == 0x9e || r == 0x9f: // DCS, SOS, OSC, PM, APC
			i = skipString(i)
		case r == 0x8e || r == 0x8f: // SS2, SS3: one character follows
			if i < len(s) {
				_, n := next(i)
				i += n
			}
		case r == 0x1b: // ESC, intermediates, final
			for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
				i++
			}
			if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
				i++
			}
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f':
			b.WriteByte(' ')
		case Unsafe(r) || (r == utf8.RuneError && size == 1):
		default:
			b.WriteString(s[i-size : i])
		}
	}
	return b.String()
}

// Quote returns s as a Go-quoted string ("...", control characters, invalid UTF-8
// and the quote itself escaped), cut to at most max runes of s with "..." added
// and the length of the whole said when s is longer: an error may echo what a user
// typed, never all of it (a 100 KB page name) and never a raw escape sequence.
// max < 1 means 64.
func Quote(s string, max int) string {
	if max < 1 {
		max = 64
	}
	n := 0
	for i := range s {
		if n == max {
			return strconv.Quote(s[:i]) + "... (" + strconv.Itoa(len(s)) + " bytes)"
		}
		n++
	}
	return strconv.Quote(s)
}

// asciiFor spells in ASCII the punctuation and drawing characters the briefing
// and its renderer use; letters with accents lose them (è → e) through ASCII.
// Made on first use, not at every start.
func asciiFor() map[rune]string {
	asciiOnce.Do(func() {
		asciiMap = map[rune]string{
			'\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'",
			'\u201c': `"`, '\u201d': `"`, '\u201e': `"`, '\u00ab': `"`, '\u00bb': `"`,
			'\u2039': "<", '\u203a': ">", '\u2190': "<-", '\u2192': "->",
			'\u2013': "-", '\u2014': "--", '\u2212': "-", '\u2010': "-", '\u2011': "-",
			'\u2026': "...", '\u2022': "*", '\u25cf': "*", '\u00b7': "*", '\u25aa': "*", '\u25e6': "o",
			'\u00a0': " ", '\u2009': " ", '\u202f': " ", '\u200b': "",
			'\u2500': "-", '\u2501': "-", '\u2502': "|", '\u2503': "|",
			'\u250c': "+", '\u2510': "+", '\u2514': "+", '\u2518': "+", '\u251c': "+", '\u2524': "+",
			'\u252c': "+", '\u2534': "+", '\u253c': "+", '\u256d': "+", '\u256e': "+", '\u256f': "+", '\u2570': "+",
			'\u2550': "=", '\u2551': "|", '\u00e6': "ae", '\u00c6': "AE", '\u0153': "oe", '\u0152': "OE", '\u00df': "ss",
			'\u00b0': " deg", '\u20ac': "EUR", '\u00a9': "(c)", '\u2122': "(TM)", '\u00ae': "(R)",
		}
	})
	return asciiMap
}

var (
	asciiOnce sync.Once
	asciiMap  map[rune]string
)

// ASCII returns s in ASCII only: the characters above spelled out, accented
// letters without their accent, anything else as "?". Escape sequences (ASCII
// already) pass through.
func ASCII(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		writeASCII(&b, r)
	}
	return b.String()
}

func writeASCII(b *strings.Builder, r rune) {
	if r < utf8.RuneSelf {
		b.WriteRune(r)
		return
	}
	if a, ok := asciiFor()[r]; ok {
		b.WriteString(a)
		return
	}
	if base, ok := stripAccent(r); ok {
		b.WriteRune(base)
		return
	}
	if unicode.IsMark(r) {
		return // a combining accent after its letter
	}
	b.WriteByte('?')
}

// stripAccent returns the ASCII letter under an accented one (è → e).
func stripAccent(r rune) (rune, bool) {
	d := norm.NFD.String(string(r))
	if base, size := utf8.DecodeRuneInString(d); size > 0 && base < utf8.RuneSelf && size < len(d) {
		return base, true
	}
	return 0, false
}

// asciiWriter writes through ASCII what is written to it; a character cut
// between two writes waits in pending (at most utf8.UTFMax-1 bytes).
type asciiWriter struct {
	w       io.Writer
	pending []byte
}

// NewASCIIWriter returns a writer that writes to w the ASCII of what it is given
// (see ASCII). Characters split across writes are kept whole.
func NewASCIIWriter(w io.Writer) io.Writer { return &asciiWriter{w: w} }

func (a *asciiWriter) Write(p []byte) (int, error) {
	buf := p
	if len(a.pending) > 0 {
		buf = append(a.pending, p...)
		a.pending = nil
	}
	// Keep back an incomplete character at the end for the next write.
	cut := len(buf)
	for i := len(buf) - 1; i >= 0 && i >= len(buf)-(utf8.UTFMax-1); i-- {
		if utf8.RuneStart(buf[i]) {
			if !utf8.FullRune(buf[i:]) {
				cut = i
			}
			break
		}
	}
	a.pending = append(a.pending[:0], buf[cut:]...)
	if _, err := io.WriteString(a.w, ASCII(string(buf[:cut]))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Line returns s fit to print inside a one-line message: control characters
// (newlines and escape sequences included) and invalid UTF-8 escaped as Go
// would (\n, \x1b), and cut to at most max runes, with "..." and the length of
// the whole when it is longer. max < 1 means 64.
func Line(s string, max int) string {
	if max < 1 {
		max = 64
	}
	var b strings.Builder
	n := 0
	for i, r := range s {
		if n == max {
			b.WriteString("... (" + strconv.Itoa(len(s)) + " bytes)")
			return b.String()
		}
		n++
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			b.WriteString(`\x` + strconv.FormatUint(uint64(s[i]), 16))
		case unicode.IsControl(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
