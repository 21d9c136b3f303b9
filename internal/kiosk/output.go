package kiosk

import (
	"bytes"
	"errors"
	"io"
	"sync"
	"time"
)

// What the kiosk writes to a visitor is bounded two ways:
//
//   - a write deadline: a write to the session (a frame, a command's output, a
//     goodbye) that has not finished within Config.WriteTimeout means the visitor
//     has stopped reading (its SSH window or its TCP connection is full): the
//     connection is closed, which ends the write and frees the session. A channel
//     write blocked on the SSH window is released only by the connection's close,
//     not the channel's.
//   - a cap per command: a command (list, show, search) may write
//     maxCommandOutput bytes to standard output and maxCommandErrors to standard
//     error; past that its writes fail, the command stops, and the visitor is told
//     in one line, with exit status 1. The commands stream what they write, so a
//     command holds one item of its output at a time, never the whole.
const (
	maxCommandOutput = 1 << 20
	maxCommandErrors = 64 << 10
)

// writeWatch is a session's write deadline: one timer, armed while a write is in
// progress (writes may overlap: standard output and error, a frame and a
// goodbye), that calls expire if a write lasts longer than d.
type writeWatch struct {
	d      time.Duration
	expire func()

	mu     sync.Mutex
	t      *time.Timer
	active int
}

func newWriteWatch(d time.Duration, expire func()) *writeWatch {
	if d <= 0 {
		return nil
	}
	return &writeWatch{d: d, expire: expire}
}

// guard runs a write under the deadline.
func (w *writeWatch) guard(write func() (int, error)) (int, error) {
	if w == nil {
		return write()
	}
	w.mu.Lock()
	if w.active == 0 {
		if w.t == nil {
			w.t = time.AfterFunc(w.d, w.fire)
		} else {
			w.t.Reset(w.d)
		}
	}
	w.active++
	w.mu.Unlock()
	defer func() {
		w.mu.Lock()
		w.active--
		if w.active == 0 {
			w.t.Stop()
		}
		w.mu.Unlock()
	}()
	return write()
}

func (w *writeWatch) fire() {
	w.mu.Lock()
	stuck := w.active > 0
	w.mu.Unlock()
	if stuck {
		w.expire()
	}
}

func (w *writeWatch) stop() {
	if w == nil {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.t != nil {
		w.t.Stop()
	}
	w.active = -1 << 30 // never armed again
}

// guardedWriter is a writer (the session's standard error) under the deadline.
type guardedWriter struct {
	io.ReadWriter
	w *writeWatch
}

func (g guardedWriter) Write(p []byte) (int, error) {
	return g.w.guard(func() (int, error) { return g.ReadWriter.Write(p) })
}

// errTruncated is what a command's writes return past its cap.
var errTruncated = errors.New("output truncated")

// capWriter passes at most left bytes to w; past that, every write fails with
// msg as its error.
type capWriter struct {
	w         io.Writer
	left      int
	truncated bool
	err       error
}

func newCapWriter(w io.Writer, n int, msg string) *capWriter {
	return &capWriter{w: w, left: n, err: &truncatedError{msg}}
}

func (c *capWriter) Write(p []byte) (int, error) {
	if len(p) > c.left {
		c.truncated = true
		n, err := c.w.Write(p[:c.left])
		c.left -= n
		if err != nil {
			return n, err
		}
		return n, c.err
	}
	n, err := c.w.Write(p)
	c.left -= n
	return n, err
}

// truncatedError is errTruncated in the visitor's words: the command line
// prints it as its one error line.
type truncatedError struct{ msg string }

func (e *truncatedError) Error() string        { return e.msg }
func (e *truncatedError) Is(target error) bool { return target == errTruncated }

// saidWriter notes whether what it passes on contains a line: whether the
// command said that its output was truncated.
type saidWriter struct {
	w    io.Writer
	line []byte
	said bool
}

func (s *saidWriter) Write(p []byte) (int, error) {
	if !s.said && bytes.Contains(p, s.line) {
		s.said = true
	}
	return s.w.Write(p)
}
