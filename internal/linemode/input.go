package linemode

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"

	"github.com/cyberdiplo/cyberdiplo/internal/textsafe"
)

// MaxLine is the longest command line read, in bytes. The bytes of a longer line
// are dropped as they arrive (never stored), and the line is refused as a whole
// when it ends.
const MaxLine = 4096

// chunkSize is the most read from the input at once; at most chunkBuffer chunks
// wait to be handled, so a flood of input holds at most
// (chunkBuffer+2)*chunkSize bytes before the reader blocks.
const (
	chunkSize   = 4096
	chunkBuffer = 4
)

// maxEscape bounds the bytes of an escape sequence skipped in the input (a key
// like an arrow sends 3 to 6): a never-ending one stops being skipped there.
const maxEscape = 32

type chunk struct {
	data []byte
	err  error
}

// readChunks copies in to ch until in fails or stop is closed.
func readChunks(in io.Reader, ch chan<- chunk, stop <-chan struct{}) {
	for {
		buf := make([]byte, chunkSize)
		n, err := in.Read(buf)
		if n > 0 {
			select {
			case ch <- chunk{data: buf[:n]}:
			case <-stop:
				return
			}
		}
		if err != nil {
			select {
			case ch <- chunk{err: err}:
			case <-stop:
			}
			return
		}
	}
}

// event is what a byte of input completes.
type event int

const (
	evNone      event = iota
	evLine            // Enter: the line is ready
	evEOF             // ctrl+d on an empty line (raw input)
	evInterrupt       // ctrl+c (raw input)
)

// editor turns input bytes into command lines. On a raw terminal (an SSH
// session with a PTY, where nothing edits the line before it arrives) it echoes
// what is typed and edits the line (backspace, ctrl+u, ctrl+w); otherwise the
// terminal's own line discipline has done that, and it only splits lines. In both
// cases escape sequences (arrow keys) and control characters are dropped.
type editor struct {
	raw  bool
	echo func(string)
	line []byte
	over bool // the line passed MaxLine: it is refused at Enter
	keys bool // an escape sequence (an arrow, a function key) was dropped from the line
	cr   bool // the last byte was CR: an LF right after it is the same Enter
	// seq holds an escape sequence being skipped (an arrow key, a function
	// key), at most maxEscape bytes; x/ansi's decoder says when it is complete.
	seq []byte
	ss3 bool // ESC O was complete for the decoder: its key byte follows
}

// inEscape reports whether the editor is skipping an escape sequence.
func (e *editor) inEscape() bool { return len(e.seq) > 0 || e.ss3 }

// feed takes one byte of input.
func (e *editor) feed(b byte) event {
	if e.ss3 { // the key of ESC O x
		e.ss3 = false
		return evNone
	}
	if len(e.seq) > 0 {
		return e.escape(b)
	}
	cr := e.cr
	e.cr = false
	switch {
	case b == 0x1b:
		e.seq, e.keys = append(e.seq[:0], b), true
		return evNone
	case b == '\n':
		if cr && e.raw {
			return evNone
		}
		return evLine
	case b == '\r':
		if e.raw {
			e.cr = true
			return evLine
		}
		return evNone // CR LF from a pipe: the LF ends the line
	}
	if e.raw {
		switch b {
		case 0x7f, 0x08: // backspace
			e.erase(1)
			return evNone
		case 0x15: // ctrl+u
			e.erase(len(e.line))
			return evNone
		case 0x17: // ctrl+w
			e.eraseWord()
			return evNone
		case 0x03: // ctrl+c
			return evInterrupt
		case 0x04: // ctrl+d
			if len(e.line) == 0 && !e.over {
				return evEOF
			}
			return evNone
		}
	}
	if b < 0x20 || b == 0x7f {
		return evNone // other control characters (tab included) are not commands
	}
	if e.over || len(e.line) >= MaxLine {
		e.over = true
		return evNone
	}
	e.line = append(e.line, b)
	if e.raw {
		// Echo a character once its last byte has come: "à" is two bytes, and
		// echoing each as a character of its own showed "Ã\u00a0".
		i := len(e.line) - 1
		for i > 0 && !utf8.RuneStart(e.line[i]) && len(e.line)-i < utf8.UTFMax {
			i--
		}
		if tail := e.line[i:]; utf8.FullRune(tail) {
			e.echo(string(tail))
		}
	}
	return evNone
}

// escape takes one byte of an escape sequence being skipped; x/ansi's decoder
// says when the sequence is complete. One that never completes is dropped at
// maxEscape bytes. Bytes after the end of what the decoder took are input again.
func (e *editor) escape(b byte) event {
	e.seq = append(e.seq, b)
	seq, _, n, state := ansi.DecodeSequence(e.seq, ansi.NormalState, nil)
	switch {
	case state != ansi.NormalState && len(e.seq) < maxEscape:
		return evNone // not complete yet
	case state != ansi.NormalState:
		e.seq = e.seq[:0] // never-ending: stop skipping
		return evNone
	}
	rest := append([]byte(nil), e.seq[n:]...)
	e.seq = e.seq[:0]
	if len(seq) == 2 && seq[1] == 'O' && len(rest) == 0 {
		e.ss3 = true // SS3: the decoder ends at ESC O; the key byte comes next
	}
	ev := evNone
	for _, c := range rest {
		if x := e.feed(c); x != evNone {
			ev = x
		}
	}
	return ev
}

// erase removes the last n characters of the line, and from the screen.
func (e *editor) erase(n int) {
	if e.over {
		return
	}
	for ; n > 0 && len(e.line) > 0; n-- {
		_, size := utf8.DecodeLastRune(e.line)
		e.line = e.line[:len(e.line)-size]
		e.echo("\b \b")
	}
}

// eraseWord removes the last word of the line and the spaces after it.
func (e *editor) eraseWord() {
	s := string(e.line)
	trimmed := strings.TrimRight(s, " ")
	cut := strings.LastIndexByte(trimmed, ' ') + 1
	e.erase(utf8.RuneCountInString(s[cut:]))
}

// take returns the finished line, or ok false when it was too long; the editor
// is then ready for the next one. A line of nothing but keys like arrows is no
// line at all (empty is Enter: the next section): ok is false, and so is long.
func (e *editor) take() (line string, ok, long bool) {
	// A sequence introduced by a C1 control (U+009B, CSI) is not one the
	// editor skipped: it goes whole here, with its parameters.
	line = clean(textsafe.DropControls(string(e.line)))
	ok, long = !e.over && (line != "" || !e.keys), e.over
	e.line, e.over, e.keys = e.line[:0], false, false
	return line, ok, long
}

// clean makes typed text safe to interpret and to repeat back: valid UTF-8,
// no control or format characters (a bidi override could reorder what is shown), trimmed.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029' {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}
