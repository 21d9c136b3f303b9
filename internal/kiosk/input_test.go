package kiosk

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	uv "github.com/cyberdiplo/cyberdiplo/third_party/ultraviolet"
)

// names renders events as short names, for comparisons.
func names(evs []uv.Event) []string {
	var out []string
	for _, ev := range evs {
		switch ev := ev.(type) {
		case uv.KeyPressEvent:
			out = append(out, ev.String())
		case uv.BackgroundColorEvent:
			out = append(out, fmt.Sprintf("bg:dark=%v", ev.IsDark()))
		default:
			out = append(out, fmt.Sprintf("%T", ev))
		}
	}
	return out
}

// decode feeds the chunks in turn, then (if expire) takes what is left as it is.
func decode(d *inputDecoder, expire bool, chunks ...string) []uv.Event {
	var evs []uv.Event
	emit := func(ev uv.Event) { evs = append(evs, ev) }
	for _, c := range chunks {
		d.feed([]byte(c), false, emit)
	}
	if expire {
		d.feed(nil, true, emit)
	}
	return evs
}

func TestInputDecoder(t *testing.T) {
	for _, tc := range []struct {
		chunks []string
		expire bool
		want   []string
		kept   int // bytes retained at the end
	}{
		{[]string{"q"}, false, []string{"q"}, 0},
		{[]string{"\tjL "}, false, []string{"tab", "j", "L", "space"}, 0},
		{[]string{"\x1b[Z\x1b[A\x1bOB\x1b[6~"}, false, []string{"shift+tab", "up", "down", "pgdown"}, 0},
		{[]string{"\x03"}, false, []string{"ctrl+c"}, 0},
		{[]string{"j\x1b"}, false, []string{"j"}, 1},               // a lone ESC waits
		{[]string{"j\x1b"}, true, []string{"j", "esc"}, 0},         // until it expires
		{[]string{"\x1b[1;"}, false, nil, 4},                       // an incomplete sequence waits
		{[]string{"\x1b[1;", "5A"}, false, []string{"ctrl+up"}, 0}, // and completes
		{[]string{"\x1b", "[", "A"}, false, []string{"up"}, 0},
		{[]string{"\xc3", "\xa8"}, false, []string{"è"}, 0}, // a character cut in two
		{[]string{"\xe2\x82", "\xac"}, false, []string{"€"}, 0},
		{[]string{"\x1b]11;rgb:ffff/ffff/ffff\x07"}, false, []string{"bg:dark=false"}, 0},
		{[]string{"\x1b]11;rgb:0000/0000/0000\x1b\\"}, false, []string{"bg:dark=true"}, 0},
		{[]string{"\x1b[999zq"}, false, []string{"q"}, 0}, // an unknown sequence is dropped at once
		{[]string{"\xffq"}, false, []string{"q"}, 0},      // so is a byte that is no character
		// A paste is skipped, whole or in pieces, its end sequence cut anywhere.
		{[]string{"\x1b[200~text\r\x1b[201~q"}, false, []string{"q"}, 0},
		{[]string{"\x1b[200~te", "xt\x1b[2", "01~q"}, false, []string{"q"}, 0},
		{[]string{"\x1b[201~q"}, false, []string{"q"}, 0}, // an end without a start
	} {
		var d inputDecoder
		got := names(decode(&d, tc.expire, tc.chunks...))
		if fmt.Sprint(got) != fmt.Sprint(tc.want) || d.retained() != tc.kept {
			t.Errorf("%q (expire %v): %q, %d bytes kept; want %q, %d", tc.chunks, tc.expire, got, d.retained(), tc.want, tc.kept)
		}
	}
}

// An unfinished sequence never holds more than maxPending bytes, however long it
// goes on; what comes after it is decoded.
func TestInputDecoderBoundsUnfinishedSequences(t *testing.T) {
	for _, start := range []string{"\x1b[", "\x1b]", "\x1bP", "\x1b_", "\x1b^", "\x1bX", "\x9b", "\x9d", "\x1b[<"} {
		var d inputDecoder
		var evs []uv.Event
		emit := func(ev uv.Event) { evs = append(evs, ev) }
		d.feed([]byte(start), false, emit)
		body := bytes.Repeat([]byte("1;"), readSize/2)
		for range 100 { // 100 KB of a sequence that never ends
			d.feed(body, false, emit)
			if d.retained() > maxPending {
				t.Fatalf("%q: %d bytes kept, over %d", start, d.retained(), maxPending)
			}
		}
		d.feed([]byte("\x07q"), false, emit) // BEL ends an OSC; then a key
		d.feed(nil, true, emit)
		if got := names(evs); len(got) == 0 || got[len(got)-1] != "q" {
			t.Errorf("%q: the key after the sequence was lost: %q", start, tail(got, 3))
		}
	}
}

func tail(s []string, n int) []string { return s[max(len(s)-n, 0):] }

// Random garbage mixed with long unfinished sequences: the decoder keeps at most
// its bound and a key sent afterwards comes through.
func TestInputDecoderGarbage(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var d inputDecoder
	var last uv.Event
	emit := func(ev uv.Event) { last = ev }
	for range 64 { // 64 chunks of 1 KB: 64 KB
		b := make([]byte, readSize)
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		if r.IntN(3) == 0 {
			copy(b[r.IntN(len(b)-2):], "\x1b[")
		}
		d.feed(b, false, emit)
		if d.retained() > maxPending {
			t.Fatalf("%d bytes kept, over %d", d.retained(), maxPending)
		}
	}
	for range 40 {
		d.feed([]byte("\x1b]"+strings.Repeat("x", 1000)), false, emit)
	}
	d.feed(nil, true, emit) // the timeout
	d.feed([]byte("L"), false, emit)
	if k, ok := last.(uv.KeyPressEvent); !ok || k.String() != "L" {
		t.Errorf("the key after the garbage: %v", last)
	}
}

// A paste that never ends: the decoder keeps a few bytes at most, and after
// maxPaste bytes it takes the paste as ended.
func TestInputDecoderUnterminatedPaste(t *testing.T) {
	var d inputDecoder
	var evs int
	var last uv.Event
	emit := func(ev uv.Event) { evs++; last = ev }
	d.feed([]byte("\x1b[200~"), false, emit)
	chunk := bytes.Repeat([]byte("paste\x1b[20"), readSize/10)
	for range maxPaste / len(chunk) {
		d.feed(chunk, false, emit)
		if d.retained() > len(pasteEnd) {
			t.Fatalf("%d bytes kept during a paste", d.retained())
		}
	}
	if evs != 0 {
		t.Fatalf("%d events from inside the paste", evs)
	}
	d.feed(chunk, false, emit) // past maxPaste
	d.feed([]byte("~L"), false, emit)
	if k, ok := last.(uv.KeyPressEvent); !ok || k.String() != "L" {
		t.Errorf("the key after the paste: %v", last)
	}
}

// The queue holds maxQueue events; beyond, the oldest go and the latest stay.
func TestInputQueueDropsOldest(t *testing.T) {
	in := newInput(func(err error) { t.Fatal(err) })
	for i := range maxQueue + 10 {
		in.push(uv.KeyPressEvent{Code: rune('a' + i%26), Text: string(rune('a' + i%26))})
	}
	var got []string
	for {
		ev, _, ok := in.pop()
		if !ok {
			break
		}
		got = append(got, ev.(uv.KeyPressEvent).Text)
	}
	if len(got) != maxQueue || in.dropped != 10 {
		t.Fatalf("%d events kept, %d dropped; want %d, 10", len(got), in.dropped, maxQueue)
	}
	if want := string(rune('a' + (maxQueue+9)%26)); got[len(got)-1] != want {
		t.Errorf("the latest event is %q, want %q", got[len(got)-1], want)
	}
}

func TestInputReadEndsWithItsReader(t *testing.T) {
	r, w := io.Pipe()
	in := newInput(func(err error) { t.Error(err) })
	done := make(chan struct{})
	go func() {
		in.read(r)
		close(done)
	}()
	io.WriteString(w, "jk\x1b") //nolint:errcheck
	w.Close()                   //nolint:errcheck
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("read did not return at the end of its input")
	}
	var got []uv.Event
	for {
		ev, _, ok := in.pop()
		if !ok {
			break
		}
		got = append(got, ev)
	}
	if fmt.Sprint(names(got)) != "[j k esc]" {
		t.Errorf("events %q", names(got))
	}
}

// A lone ESC is taken as the Escape key after escTimeout, without more input.
func TestInputLoneEscape(t *testing.T) {
	r, w := io.Pipe()
	defer w.Close() //nolint:errcheck
	in := newInput(func(err error) { t.Error(err) })
	go in.read(r)
	io.WriteString(w, "\x1b") //nolint:errcheck
	select {
	case <-in.ready:
	case <-time.After(10 * time.Second):
		t.Fatal("no event for a lone ESC")
	}
	if ev, _, _ := in.pop(); fmt.Sprint(names([]uv.Event{ev})) != "[esc]" {
		t.Errorf("got %v", ev)
	}
}

// FuzzInputDecoder: whatever a visitor sends, in whatever pieces, the decoder
// neither panics nor keeps more than maxPending bytes, and it keeps nothing once
// its timeout has passed (outside a paste).
func FuzzInputDecoder(f *testing.F) {
	for _, seed := range []string{
		"q", "\tjL ", "\x1b[Z", "\x1b", "\x1b[1;", "\x1b[200~paste\r\x1b[201~",
		"\x1b]11;rgb:ffff/ffff/ffff\x07", "\x1b[<0;10;1M", "\x1b[<64;3;4M", "\x1bP1$r0m\x1b\\",
		"\x1b[?2026;2$y", "\x1b[I", "\x1bOA", "\xff\xfe", "è€😀", "\x1b]" + strings.Repeat("9", 3000),
		"\x1b[200~" + strings.Repeat("x", 2000),
	} {
		f.Add([]byte(seed), uint8(7))
	}
	f.Fuzz(func(t *testing.T, b []byte, cut uint8) {
		var d inputDecoder
		var mu sync.Mutex // emit is called under the input's lock in the server
		//lint:ignore SA2001 the lock is taken as the server takes it around emit, nothing more
		emit := func(uv.Event) { mu.Lock(); mu.Unlock() }
		step := int(cut)%64 + 1
		for i := 0; i < len(b); i += step {
			d.feed(b[i:min(i+step, len(b))], false, emit)
			if d.retained() > maxPending {
				t.Fatalf("%d bytes kept, over %d", d.retained(), maxPending)
			}
		}
		d.feed(nil, true, emit)
		if d.retained() > len(pasteEnd) || (!d.inPaste && d.retained() > 0) {
			t.Fatalf("%d bytes kept after the timeout (in a paste: %v)", d.retained(), d.inPaste)
		}
	})
}
