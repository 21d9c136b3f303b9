package kiosk_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cyberdiplo/cyberdiplo/internal/tui"
)

// liveness is how long a session may take to answer a key in the tests below.
// The kiosk answers in milliseconds (each answer is logged with -v); this is a
// generous deadline for a busy machine shared with other tests under the race
// detector: a check that the session is alive, not a timing.
const liveness = 15 * time.Second

// answers sends key and waits for the frame it brings (want on screen, or any
// output if want is ""), within the liveness deadline.
func (tm *term) answers(t *testing.T, key, want string) {
	t.Helper()
	mark := tm.out.Len()
	t0 := time.Now()
	tm.send(t, key)
	for {
		if got := tm.text(mark); (want == "" && tm.out.Len() > mark) || (want != "" && strings.Contains(got, want)) {
			t.Logf("%q answered in %s", key, time.Since(t0).Round(time.Millisecond))
			return
		}
		if time.Since(t0) > liveness {
			t.Fatalf("no answer to %q within %s (want %q); output since:\n%s", key, liveness, want, tm.text(mark))
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// hostileSizes are window sizes a client may claim: an SSH pty-req or
// window-change carries each as a uint32.
var hostileSizes = []struct{ w, h int }{
	{4294967295, 4294967295}, // 2^32-1 both ways: killed the server (out of memory)
	{2147483647, 1},          // took it to 4 GB
	{1, 2147483647},
	{4294967295, 0},
	{0, 0}, // ssh -tt without a terminal sends 0x0
	{0, 4294967295},
}

// TestHostilePtySize: each size in the pty-req itself. The server lives, the
// visitor gets a frame of at most tui.MaxWidth x tui.MaxHeight, is told when the
// window is larger than that, and the session answers a key.
func TestHostilePtySize(t *testing.T) {
	h := start(t, nil)
	for _, sz := range hostileSizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			tm := openPTY(t, h.dial(t, "visitor"), sz.w, sz.h, nil)
			dw, dh := drawn(sz.w, sz.h)
			if dw >= 20 && dh >= 4 {
				tm.waitFor(t, 0, tab(t, "en"))
			} else {
				eventually(t, "a first frame", func() bool { return tm.out.Len() > 0 })
			}
			larger := sz.w > dw || sz.h > dh
			if larger { // told, as much as fits in the window
				note := fmt.Sprintf("Your window is %d×%d: the kiosk draws at most %d×%d.", sz.w, sz.h, dw, dh)
				if sz.w > 0 {
					note = note[:min(len(note), sz.w)]
				}
				tm.waitFor(t, 0, note)
			}
			checkCursorMoves(t, tm.out.String(), dw, dh, larger)
			tm.answers(t, "L", "")
			tm.send(t, "q")
			if code := tm.exit(t); code != 0 {
				t.Errorf("exit status %d", code)
			}
		})
	}
}

// drawn is the size the kiosk draws for a window (0 is 80x24).
func drawn(w, h int) (int, int) {
	if w <= 0 {
		w = 80
	}
	if h <= 0 {
		h = 24
	}
	return tui.ClampSize(w, h)
}

// checkCursorMoves: every cursor position the kiosk writes is inside what it
// draws (or on the note beside or below it).
func checkCursorMoves(t *testing.T, out string, w, h int, note bool) {
	t.Helper()
	eachCSI(out, func(final byte, ps []int) {
		if final != 'H' || len(ps) != 2 {
			return
		}
		row, col := ps[0], ps[1]
		inside := row >= 1 && row <= h && col >= 1 && col <= w
		beside := note && ((row == h+1 && col == 1) || (row == 1 && col == w+2))
		if !inside && !beside {
			t.Fatalf("cursor moved to row %d, column %d, outside %dx%d", row, col, w, h)
		}
	})
}

// TestHostileWindowChange: each size as a window change of a running reader.
func TestHostileWindowChange(t *testing.T) {
	h := start(t, nil)
	tm := openPTY(t, h.dial(t, "visitor"), 100, 30, nil)
	tm.waitFor(t, 0, tab(t, "en"))
	lang := "en"
	for _, sz := range hostileSizes {
		if err := tm.sess.WindowChange(sz.h, sz.w); err != nil {
			t.Fatal(err)
		}
		tm.answers(t, "L", "")
		lang = map[string]string{"en": "it", "it": "en"}[lang]
	}
	if err := tm.sess.WindowChange(30, 100); err != nil {
		t.Fatal(err)
	}
	tm.answers(t, "L", tab(t, map[string]string{"en": "it", "it": "en"}[lang]))
	tm.send(t, "q")
	if code := tm.exit(t); code != 0 {
		t.Errorf("exit status %d", code)
	}
}

// TestWindowChangeFlood: a client sends window changes as fast as it can (hostile
// sizes among them). The session goes on answering keys during and after the
// flood, draws the last size, and the kiosk still takes new visitors.
func TestWindowChangeFlood(t *testing.T) {
	h := start(t, nil)
	tm := openPTY(t, h.dial(t, "visitor"), 100, 30, nil)
	tm.waitFor(t, 0, tab(t, "en"))
	const flood = 20_000
	t0 := time.Now()
	for i := range flood {
		sz := hostileSizes[i%len(hostileSizes)]
		if i%2 == 0 {
			sz.w, sz.h = 30+i%50, 10+i%20
		}
		if err := tm.sess.WindowChange(sz.h, sz.w); err != nil {
			t.Fatal(err)
		}
		if i == flood/2 {
			tm.answers(t, "L", tab(t, "it")) // during the flood
		}
	}
	t.Logf("%d window changes sent in %s", flood, time.Since(t0).Round(time.Millisecond))
	if err := tm.sess.WindowChange(30, 100); err != nil {
		t.Fatal(err)
	}
	tm.answers(t, "L", tab(t, "en"))
	// Drawn at the last size: a full frame of 100 columns with the status bar.
	tm.answers(t, "?", "Esc or ? closes this help")
	tm.send(t, "?") // close the help: q there closes it, as in less, and does not quit

	other := openPTY(t, h.dial(t, "visitor"), 80, 24, nil)
	other.waitFor(t, 0, tab(t, "en"))
	for _, s := range []*term{tm, other} {
		s.send(t, "q")
		if code := s.exit(t); code != 0 {
			t.Errorf("exit status %d", code)
		}
	}
}
