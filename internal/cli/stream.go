package cli

import (
	"bytes"
	"encoding/json"
	"io"
)

// The commands an SSH visitor may run (list, show, search) write their output as
// they go, never building it whole: the kiosk caps what one command may write and
// cuts a visitor who stops reading, and a command must stop at the first write
// that fails. stickyWriter remembers that failure; jsonList writes a JSON array
// one element at a time.

// stickyWriter passes writes to w until one fails; from then on every write
// fails with that error, so a loop can write freely and check err once per item.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	if err != nil {
		s.err = err
	}
	return n, err
}

// jsonList writes a JSON array element by element, byte for byte as a
// json.Encoder with SetIndent("", "  ") and SetEscapeHTML(false) writes the whole
// array: it holds one encoded element at a time.
type jsonList struct {
	w   io.Writer
	buf bytes.Buffer
	enc *json.Encoder
	n   int
}

func newJSONList(w io.Writer) *jsonList {
	l := &jsonList{w: w}
	l.enc = json.NewEncoder(&l.buf)
	l.enc.SetIndent("  ", "  ")
	l.enc.SetEscapeHTML(false)
	return l
}

// add writes one element (after "[" or ",").
func (l *jsonList) add(v any) error {
	l.buf.Reset()
	if l.n == 0 {
		l.buf.WriteString("[\n  ")
	} else {
		l.buf.WriteString(",\n  ")
	}
	if err := l.enc.Encode(v); err != nil {
		return err
	}
	l.buf.Truncate(l.buf.Len() - 1) // Encode's newline: the separator comes first
	return l.raw(l.buf.Bytes())
}

// addEncoded writes an element already encoded by encodeElement.
func (l *jsonList) addEncoded(b []byte) error {
	sep := ",\n  "
	if l.n == 0 {
		sep = "[\n  "
	}
	if _, err := io.WriteString(l.w, sep); err != nil {
		return err
	}
	return l.raw(b)
}

func (l *jsonList) raw(b []byte) error {
	l.n++
	_, err := l.w.Write(b)
	return err
}

// close ends the array ("[]" when it is empty).
func (l *jsonList) close() error {
	end := "\n]\n"
	if l.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(l.w, end)
	return err
}

// encodeElement is v as jsonList.add writes it, without the separator: for an
// element written more than once.
func encodeElement(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("  ", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// encodeOne writes v alone, as json.Encoder with two-space indent does.
func encodeOne(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
