package kiosk

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	uv "github.com/cyberdiplo/cyberdiplo/third_party/ultraviolet"
	"golang.org/x/time/rate"
)

// The reader's input is decoded here rather than by Bubble Tea, for two reasons:
//
//   - Bubble Tea's input loop (ultraviolet's TerminalReader) blocks for ever on a
//     key that arrives as the program ends, keeping the session's program and
//     goroutines alive: a leak per visitor who types while leaving. Events are
//     handed over with Program.Send, a no-op once the program has ended.
//   - Each TerminalReader builds a table of legacy key sequences of about 200 KB:
//     40 MB at 200 visitors, a fifth of the memory target. The decoder below is
//     the same ultraviolet EventDecoder without that table (it knows the xterm,
//     VT220 and SS3 sequences terminals send; what it does not know is dropped).
//
// The program runs with no input of its own, so it writes no terminal queries:
// the kiosk writes the ones the reader needs (background colour, synchronized
// output) and the answers come back here as events.
//
// Input comes from anyone, so every buffer has a bound, and the input is always
// read at once (a visitor whose input is not read blocks in its writes):
//
//   - readSize: the bytes read at a time.
//
//   - maxPending: the bytes of an unfinished sequence kept while its end is
//     awaited. Past it, the decoder takes what it has as it is (usually an
//     unknown sequence, dropped) and goes on with the next byte.
//
//   - maxQueue: the events decoded and not yet taken by the reader. When the
//     visitor sends faster than the reader draws (a paste, a flood), the oldest
//     are dropped: the latest key always gets through. Of a run of typed
//     characters longer than that, only the last maxQueue are decoded at all.
//
//   - bracketed paste: the kiosk never turns it on, and the reader has no use for
//     pasted text, so a paste is skipped without being kept; after maxPaste bytes
//     without its end, it is taken as ended and what follows is input again.
//
//   - a decode budget (maxDecodeRate, maxDecodeBurst): past it, input is
//     dropped undecoded, but for the latest readSize bytes (see read).
//
// So a session's input holds at most readSize + maxPending + 2 x readSize bytes
// and maxQueue events, whatever is sent: about 5 KB.
const (
	readSize   = 1024
	maxPending = 1024
	maxQueue   = 64
	maxPaste   = 64 << 10
)

// escTimeout is how long a lone ESC (or an incomplete sequence) waits for the
// rest before it is taken as it is.
const escTimeout = 50 * time.Millisecond

// terminalQueries are written before the reader starts: the background colour
// (the reader picks a dark or light style), synchronized output and Unicode core
// modes (Bubble Tea uses them when the terminal has them).
const terminalQueries = ansi.RequestBackgroundColor + ansi.RequestModeSynchronizedOutput + ansi.RequestModeUnicodeCore

// pasteEnd ends a bracketed paste.
const pasteEnd = "\x1b[201~"

// inputDecoder turns bytes into events, keeping at most maxPending bytes of an
// unfinished sequence between calls.
type inputDecoder struct {
	dec     uv.EventDecoder
	pending []byte
	inPaste bool
	pasted  int   // bytes of the current paste skipped
	dropped int64 // bytes discarded: unknown sequences, pastes
}

// retained is the number of bytes the decoder keeps between calls.
func (d *inputDecoder) retained() int { return len(d.pending) }

// feed decodes b, after what was pending, and emits the events. Unless expired,
// it keeps what may be the start of a longer sequence for the next call (at most
// maxPending bytes); expired takes everything as it is.
func (d *inputDecoder) feed(b []byte, expired bool, emit func(uv.Event)) {
	buf := b
	if len(d.pending) > 0 {
		d.pending = append(d.pending, b...)
		buf = d.pending
	}
	for len(buf) > 0 {
		var n int
		switch {
		case d.inPaste:
			n = d.skipPaste(buf, expired)
		case printable(buf[0]):
			n = d.typed(buf, emit)
		default:
			n = d.step(buf, expired, emit)
		}
		if n == 0 {
			if len(buf) <= maxPending {
				break // wait for the rest
			}
			// Too long to wait for: take the start as it is.
			if n = d.step(buf, true, emit); n <= 0 {
				n = 1
			}
		}
		buf = buf[n:]
	}
	if len(buf) == 0 {
		d.pending = d.pending[:0]
		if cap(d.pending) > maxPending+readSize {
			d.pending = nil // a large feed (tests) grew it: let it go
		}
		return
	}
	// Keep the rest (buf may be the tail of d.pending itself: copy moves it).
	if d.pending == nil {
		d.pending = make([]byte, 0, maxPending+readSize)
	}
	d.pending = d.pending[:copy(d.pending[:cap(d.pending)], buf)]
}

func printable(b byte) bool { return b >= 0x20 && b < 0x7f }

// typed decodes a run of printable ASCII characters, the common input. Of a run
// longer than maxQueue, only the last maxQueue are decoded: the queue would keep
// no more of them (so a flood of typing costs a scan, not an event a byte).
func (d *inputDecoder) typed(buf []byte, emit func(uv.Event)) int {
	n := 0
	for n < len(buf) && printable(buf[n]) {
		n++
	}
	skip := max(n-maxQueue, 0)
	d.dropped += int64(skip)
	for _, c := range buf[skip:n] {
		emit(asciiKeys()[c-0x20])
	}
	return n
}

// asciiKeys are the key events of the printable ASCII characters, as the
// decoder makes them, made once, when the kiosk first reads a key (not at
// package init: the reader, in the same binary, never needs them): a typed
// character then costs no allocation. Read-only once made.
var asciiKeys = sync.OnceValue(func() (keys *[0x7f - 0x20]uv.Event) {
	keys = new([0x7f - 0x20]uv.Event)
	var dec uv.EventDecoder
	for i := range keys {
		_, keys[i] = dec.Decode([]byte{byte(0x20 + i)})
	}
	return keys
})

// step decodes the event at the start of buf and returns the bytes it used, or 0
// if buf may be the start of a longer sequence (never when force).
func (d *inputDecoder) step(buf []byte, force bool, emit func(uv.Event)) int {
	n, ev := d.dec.Decode(buf)
	if n <= 0 {
		d.dropped++
		return 1 // nothing the decoder knows: drop a byte
	}
	n = min(n, len(buf))
	_, unknown := ev.(uv.UnknownEvent)
	if !force {
		switch {
		case unknown && n == len(buf): // a sequence not finished yet
			return 0
		case unknown && buf[0] >= 0xC0 && !utf8.FullRune(buf): // a character cut in two
			return 0
		case buf[0] == ansi.ESC && n <= 2 && n == len(buf): // ESC: a key, or a sequence's start
			return 0
		}
	}
	switch ev := ev.(type) {
	case uv.PasteStartEvent:
		d.inPaste, d.pasted = true, 0
	case uv.MultiEvent:
		for _, e := range ev {
			if wanted(e) {
				emit(e)
			}
		}
	default:
		if wanted(ev) {
			emit(ev)
		} else {
			d.dropped += int64(n)
		}
	}
	return n
}

// wanted says whether the reader has a use for an event: keys, the mouse, the
// answers to the kiosk's queries, focus. The rest (unknown or cancelled
// sequences, answers to questions nobody asked, clipboard contents) is dropped
// here rather than queued.
func wanted(ev uv.Event) bool {
	switch ev.(type) {
	case uv.KeyPressEvent, uv.MouseClickEvent, uv.MouseReleaseEvent, uv.MouseWheelEvent, uv.MouseMotionEvent,
		uv.BackgroundColorEvent, uv.ModeReportEvent, uv.FocusEvent, uv.BlurEvent:
		return true
	}
	return false
}

// skipPaste skips pasted bytes up to the end of the paste, and returns how many
// it used. It keeps (returns 0 for) what may be the start of the end sequence.
func (d *inputDecoder) skipPaste(buf []byte, expired bool) int {
	if i := bytes.Index(buf, []byte(pasteEnd)); i >= 0 {
		d.inPaste = false
		d.dropped += int64(i + len(pasteEnd))
		return i + len(pasteEnd)
	}
	keep := 0
	if !expired {
		for k := min(len(pasteEnd)-1, len(buf)); k > 0; k-- {
			if bytes.HasSuffix(buf, []byte(pasteEnd[:k])) {
				keep = k
				break
			}
		}
	}
	n := len(buf) - keep
	d.pasted += n
	d.dropped += int64(n)
	if d.pasted > maxPaste {
		d.inPaste = false // a paste without an end: what follows is input again
	}
	return n
}

// input is a session's input: it reads the visitor's bytes, decodes them and
// queues the events for the reader (feed, in session.go).
type input struct {
	mu        sync.Mutex
	dec       inputDecoder
	queue     [maxQueue]queued // a ring: head is the oldest, n events
	head, n   int
	dropped   int64       // events dropped, the queue being full
	late      []byte      // the latest chunk over the decode budget (read)
	lateTimer *time.Timer // decodes it
	timer     *time.Timer
	deadline  time.Time // when what is pending is taken as it is
	closed    bool
	onPanic   func(error)
	ready     chan struct{} // holds a token while events wait
}

// queued is an event and when it arrived (unix nanoseconds).
type queued struct {
	ev uv.Event
	at int64
}

// newInput returns an input; onPanic is called if the decoder panics (bytes from
// the network meet a third-party parser): the session should end.
func newInput(onPanic func(error)) *input {
	return &input{onPanic: onPanic, ready: make(chan struct{}, 1)}
}

// A session's input is decoded at most at maxDecodeRate bytes a second, in
// bursts of maxDecodeBurst: each key may bring a frame, the costly part of a
// flood (a visitor typing, scrolling or moving the mouse sends a few hundred
// bytes a second). Beyond, what is read is dropped
// without being decoded, except the latest chunk, which is decoded once the
// budget allows (at most readSize bytes wait): when a flood stops, the key
// typed after it gets through.
const (
	maxDecodeRate  = 8 << 10
	maxDecodeBurst = 64 << 10
)

// read reads r until it ends or fails.
func (in *input) read(r io.Reader) {
	defer in.recover()
	budget := rate.NewLimiter(maxDecodeRate, maxDecodeBurst)
	buf := make([]byte, readSize)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			now := time.Now()
			if res := budget.ReserveN(now, n); res.OK() && res.DelayFrom(now) == 0 {
				in.take(buf[:n])
			} else {
				res.CancelAt(now)
				in.takeLater(buf[:n], time.Duration(n)*time.Second/maxDecodeRate)
			}
		}
		if err != nil {
			in.flush(true)
			return
		}
	}
}

// takeLater keeps b (over the budget) to be decoded after delay, in place of
// the chunk kept before, which is dropped.
func (in *input) takeLater(b []byte, delay time.Duration) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.closed {
		return
	}
	if len(in.late) > 0 {
		in.dropLocked(len(in.late))
	}
	in.late = append(in.late[:0], b...)
	if in.lateTimer == nil {
		in.lateTimer = time.AfterFunc(delay, in.takeLate)
		return
	}
	in.lateTimer.Reset(delay)
}

// takeLate decodes the chunk kept by takeLater.
func (in *input) takeLate() {
	defer in.recover()
	in.take(nil)
}

// dropLocked counts n bytes read and not decoded (over the budget): they count as
// pasted during a paste, so that a paste without an end still ends.
func (in *input) dropLocked(n int) {
	in.dec.dropped += int64(n)
	in.dec.pending = in.dec.pending[:0] // a sequence cut in two is no sequence
	if in.dec.inPaste {
		in.dec.pasted += n
		if in.dec.pasted > maxPaste {
			in.dec.inPaste = false
		}
	}
}

func (in *input) take(b []byte) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.closed {
		return
	}
	if len(in.late) > 0 { // first the chunk kept over the budget: the order holds
		in.lateTimer.Stop()
		in.dec.feed(in.late, false, in.push)
		in.late = in.late[:0]
	}
	if len(b) == 0 {
		if in.dec.retained() > 0 {
			in.arm()
		}
		return
	}
	in.dec.feed(b, false, in.push)
	if in.dec.retained() > 0 {
		in.arm()
	}
}

func (in *input) recover() {
	if p := recover(); p != nil {
		in.onPanic(fmt.Errorf("input decoder panicked: %v", p))
	}
}

// arm makes sure what is pending is taken as it is after escTimeout.
func (in *input) arm() {
	in.deadline = time.Now().Add(escTimeout)
	if in.timer == nil {
		in.timer = time.AfterFunc(escTimeout, func() { in.flush(false) })
		return
	}
	in.timer.Reset(escTimeout)
}

// flush takes what is pending as it is, once its time has come (or at once when
// the input ends).
func (in *input) flush(now bool) {
	defer in.recover()
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.closed || in.dec.retained() == 0 {
		return
	}
	if wait := time.Until(in.deadline); !now && wait > 0 {
		in.timer.Reset(wait) // more bytes came meanwhile
		return
	}
	in.dec.feed(nil, true, in.push)
}

// push queues an event (in.mu held), dropping the oldest when the queue is full.
// wake tells the reader that events wait (they were left for later).
func (in *input) wake() {
	select {
	case in.ready <- struct{}{}:
	default:
	}
}

func (in *input) push(ev uv.Event) {
	if in.closed {
		return
	}
	if in.n == maxQueue {
		in.queue[in.head] = queued{}
		in.head = (in.head + 1) % maxQueue
		in.n--
		in.dropped++
	}
	in.queue[(in.head+in.n)%maxQueue] = queued{ev, time.Now().UnixNano()}
	in.n++
	select {
	case in.ready <- struct{}{}:
	default:
	}
}

// pop takes the oldest event queued, and when it arrived.
func (in *input) pop() (uv.Event, int64, bool) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.n == 0 {
		return nil, 0, false
	}
	q := in.queue[in.head]
	in.queue[in.head] = queued{}
	in.head = (in.head + 1) % maxQueue
	in.n--
	return q.ev, q.at, true
}

// close drops what is queued and stops the timer: the reader has ended.
func (in *input) close() {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.closed = true
	if in.timer != nil {
		in.timer.Stop()
	}
	if in.lateTimer != nil {
		in.lateTimer.Stop()
	}
	in.late = nil
	for in.n > 0 {
		in.queue[in.head] = queued{}
		in.head = (in.head + 1) % maxQueue
		in.n--
	}
}
