package ansi

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	"github.com/cyberdiplo/cyberdiplo/third_party/lipgloss"
)

// MarginWriter is a Writer that applies indentation and padding around
// whatever you write to it.
type MarginWriter struct {
	w  io.Writer
	iw *IndentWriter
}

// NewMarginWriter returns a new MarginWriter.
func NewMarginWriter(ctx RenderContext, w io.Writer, rules StyleBlock) *MarginWriter {
	bs := ctx.blockStack

	var indentation uint
	var margin uint
	if rules.Indent != nil {
		indentation = *rules.Indent
	}
	if rules.Margin != nil {
		margin = *rules.Margin
	}

	padFunc := func(_ io.Writer) {
		_, _ = renderText(w, rules.StylePrimitive, " ")
	}
	if invisibleOnSpace(rules.StylePrimitive) {
		padFunc = nil // plain spaces look the same
	}
	pw := NewPaddingWriter(w, int(bs.Width(ctx)), padFunc)

	ic := " "
	if rules.IndentToken != nil {
		ic = *rules.IndentToken
	}
	indentFunc := func(_ io.Writer) {
		_, _ = renderText(w, bs.Parent().Style.StylePrimitive, ic)
	}
	if ic == " " && invisibleOnSpace(bs.Parent().Style.StylePrimitive) {
		indentFunc = nil
	}
	iw := NewIndentWriter(pw, int(indentation+margin), indentFunc)

	return &MarginWriter{
		w:  lipgloss.NewWrapWriter(w),
		iw: iw,
	}
}

// Write writes to the margin writer and implements [io.Writer].
func (w *MarginWriter) Write(b []byte) (int, error) {
	n, err := w.iw.Write(b)
	if err != nil {
		return 0, fmt.Errorf("glamour: error writing bytes: %w", err)
	}
	return n, nil
}

// Close closes the [MarginWriter].
func (w *MarginWriter) Close() error {
	var werr error
	if c, ok := w.w.(io.WriteCloser); ok {
		werr = c.Close()
	}

	return errors.Join(werr, w.iw.Close())
}

// PaddingFunc is a function that applies padding around whatever you write to it.
type PaddingFunc = func(w io.Writer)

// PaddingWriter is a writer that applies padding around whatever you write to
// it.
type PaddingWriter struct {
	Padding int
	PadFunc PaddingFunc
	w       *lipgloss.WrapWriter
	cache   bytes.Buffer
}

// NewPaddingWriter returns a new PaddingWriter.
func NewPaddingWriter(w io.Writer, padding int, padFunc PaddingFunc) *PaddingWriter {
	return &PaddingWriter{
		Padding: padding,
		PadFunc: padFunc,
		w:       lipgloss.NewWrapWriter(w),
	}
}

// Write writes to the padding writer. The bytes between newlines go on in one
// write (they were written one rune at a time: a write through each writer
// below for every character of the document); the same bytes reach them.
func (w *PaddingWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		nl := bytes.IndexByte(p, '\n')
		run := p
		if nl >= 0 {
			run = p[:nl]
		}
		if len(run) > 0 {
			w.cache.Write(run)
			if _, err := w.w.Write(run); err != nil {
				return 0, fmt.Errorf("glamour: error writing bytes: %w", err)
			}
		}
		if nl < 0 {
			break
		}
		line := w.cache.String()
		linew := ansi.StringWidth(line)
		if w.Padding > 0 && linew < w.Padding {
			if w.PadFunc != nil {
				for n := 0; n < w.Padding-linew; n++ {
					w.PadFunc(w.w)
				}
			} else {
				_, err := io.WriteString(w.w, strings.Repeat(" ", w.Padding-linew))
				if err != nil {
					return 0, fmt.Errorf("glamour: error writing padding: %w", err)
				}
			}
		}
		w.cache.Reset()
		if _, err := w.w.Write(p[nl : nl+1]); err != nil {
			return 0, fmt.Errorf("glamour: error writing bytes: %w", err)
		}
		p = p[nl+1:]
	}

	return n, nil
}

// Close closes the [PaddingWriter].
func (w *PaddingWriter) Close() error {
	return w.w.Close() //nolint:wrapcheck
}

// IndentFunc is a function that applies indentation around whatever you write to
// it.
type IndentFunc = func(w io.Writer)

// IndentWriter is a writer that applies indentation around whatever you write to
// it.
type IndentWriter struct {
	Indent     int
	IndentFunc PaddingFunc
	w          io.Writer
	pw         *lipgloss.WrapWriter
	skipIndent bool
}

// NewIndentWriter returns a new IndentWriter.
func NewIndentWriter(w io.Writer, indent int, indentFunc IndentFunc) *IndentWriter {
	return &IndentWriter{
		Indent:     indent,
		IndentFunc: indentFunc,
		pw:         lipgloss.NewWrapWriter(w),
		w:          w,
	}
}

func (w *IndentWriter) resetPen() {
	style := w.pw.Style()
	link := w.pw.Link()
	if !style.IsZero() {
		_, _ = io.WriteString(w.w, ansi.ResetStyle)
	}
	if !link.IsZero() {
		_, _ = io.WriteString(w.w, ansi.ResetHyperlink())
	}
}

func (w *IndentWriter) restorePen() {
	style := w.pw.Style()
	link := w.pw.Link()
	if !style.IsZero() {
		_, _ = io.WriteString(w.w, style.String())
	}
	if !link.IsZero() {
		_, _ = io.WriteString(w.w, ansi.SetHyperlink(link.URL, link.Params))
	}
}

// Write writes to the indentation writer. The bytes up to and including each
// newline go on in one write (they were written one rune at a time); the same
// bytes reach the writer below.
func (w *IndentWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if !w.skipIndent {
			w.resetPen()
			if w.IndentFunc != nil {
				for j := 0; j < w.Indent; j++ {
					w.IndentFunc(w.pw)
				}
			} else {
				_, err := io.WriteString(w.pw, strings.Repeat(" ", w.Indent))
				if err != nil {
					return 0, fmt.Errorf("glamour: error writing indentation: %w", err)
				}
			}

			w.skipIndent = true
			w.restorePen()
		}

		run := p
		if nl := bytes.IndexByte(p, '\n'); nl >= 0 {
			run = p[:nl+1]
			w.skipIndent = false
		}
		if _, err := w.pw.Write(run); err != nil {
			return 0, fmt.Errorf("glamour: error writing bytes: %w", err)
		}
		p = p[len(run):]
	}

	return n, nil
}

// Close closes the [IndentWriter].
func (w *IndentWriter) Close() error {
	// Close the wrap writer (w.pw) before the downstream writer (w.w). w.pw
	// wraps w.w, so its Close flushes a trailing style/link reset back through
	// w.w. Closing w.w first would return its parser to the pool and nil it
	// out, turning that flush into a write on a closed writer.
	werr := w.pw.Close()

	if c, ok := w.w.(io.WriteCloser); ok {
		werr = errors.Join(werr, c.Close())
	}

	return werr
}

// invisibleOnSpace reports whether a style draws a space as a plain space: it
// sets at most a foreground colour, bold or italic (cyberdiplo patch
// 0004-plain-padding: padding and indentation were written one styled space at
// a time, most of the bytes of a rendered page).
func invisibleOnSpace(s StylePrimitive) bool {
	set := func(b *bool) bool { return b != nil && *b }
	return s.BackgroundColor == nil && !set(s.Underline) && !set(s.CrossedOut) &&
		!set(s.Inverse) && !set(s.Blink)
}
