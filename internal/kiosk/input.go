package kiosk

import (
	"fmt"
	"io"
	"time"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
)

// The reader's input is decoded here rather than by Bubble Tea, for two reasons:
//
//   - Bubble Tea's input loop (ultraviolet's TerminalReader) blocks for ever on a
//     key that arrives as the program ends, keeping the session's program and
//     goroutines alive: a leak per visitor who types while leaving. Events are
//     handed over here with Program.Send, a no-op once the program has ended.
//   - Each TerminalReader builds a table of legacy key sequences of about 200 KB:
//     40 MB at 200 visitors, a fifth of the memory target. The decoder below is
//     the same ultraviolet EventDecoder without that table (it knows the xterm,
//     VT220 and SS3 sequences terminals send; what it does not know is dropped).
//
// The program runs with no input of its own, so it writes no terminal queries:
// the kiosk writes the ones the reader needs (background colour, synchronized
// output) and the answers come back here as events.

// escTimeout is how long a lone ESC (or an incomplete sequence) waits for the
// rest before it is taken as it is.
const escTimeout = 50 * time.Millisecond

// maxPending bounds the bytes kept while waiting for the end of a sequence.
const maxPending = 4096

// terminalQueries are written before the reader starts: the background colour
// (the reader picks a dark or light style), synchronized output and Unicode core
// modes (Bubble Tea uses them when the terminal has them).
const terminalQueries = ansi.RequestBackgroundColor + ansi.RequestModeSynchronizedOutput + ansi.RequestModeUnicodeCore

type inputDecoder struct {
	dec   uv.EventDecoder
	paste []byte // bracketed paste in progress, or nil
}

// scan decodes buf into events and says how many bytes they used. Unless expired,
// it stops before what may be the start of a longer sequence.
func (d *inputDecoder) scan(buf []byte, expired bool) (int, []uv.Event) {
	var events []uv.Event
	total := 0
	for len(buf) > 0 {
		n, ev := d.dec.Decode(buf)
		if n <= 0 {
			break
		}
		esc := buf[0] == ansi.ESC
		if _, unknown := ev.(uv.UnknownEvent); unknown && !expired {
			break // perhaps incomplete: wait for more
		}
		if esc && n <= 2 && !expired {
			break // ESC, or ESC and a key: perhaps the start of a sequence
		}
		buf, total = buf[n:], total+n
		switch ev := ev.(type) {
		case uv.PasteStartEvent:
			d.paste = []byte{}
			continue
		case uv.PasteEndEvent:
			if d.paste != nil {
				events = append(events, uv.PasteEvent{Content: string(d.paste)})
				d.paste = nil
			}
			continue
		case uv.UnknownEvent:
			continue
		case uv.KeyPressEvent:
			if d.paste != nil {
				switch {
				case ev.Text != "":
					d.paste = append(d.paste, ev.Text...)
				case ev.Code == uv.KeyEnter:
					d.paste = append(d.paste, '\n')
				case ev.Code == uv.KeyTab:
					d.paste = append(d.paste, '\t')
				}
				continue
			}
		case uv.MultiEvent:
			if d.paste == nil {
				events = append(events, ev...)
			}
			continue
		}
		if d.paste == nil && ev != nil {
			events = append(events, ev)
		}
	}
	return total, events
}

// decodeInput reads r until it ends and hands each decoded event to send. A
// panic in the decoder (bytes from the network meet a third-party parser) is
// returned as an error, so that only this visitor's session ends.
func decodeInput(r io.Reader, send func(uv.Event)) (err error) {
	quit := make(chan struct{})
	defer close(quit)
	readc := make(chan []byte)
	go func() {
		defer close(readc)
		for {
			b := make([]byte, 512)
			n, err := r.Read(b)
			if n > 0 {
				select {
				case readc <- b[:n]:
				case <-quit:
					return
				}
			}
			if err != nil {
				return
			}
		}
	}()
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("input decoder panicked: %v", p)
		}
	}()
	var (
		d       inputDecoder
		pending []byte
	)
	timer := time.NewTimer(escTimeout)
	timer.Stop()
	defer timer.Stop()
	process := func(expired bool) {
		n, events := d.scan(pending, expired)
		for _, ev := range events {
			send(ev)
		}
		pending = append(pending[:0], pending[n:]...)
		if len(pending) > 0 {
			timer.Reset(escTimeout)
		}
	}
	for {
		select {
		case b, ok := <-readc:
			if !ok {
				process(true)
				return nil
			}
			pending = append(pending, b...)
			process(len(pending) > maxPending)
		case <-timer.C:
			process(true)
		}
	}
}
