package kiosk

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/vt"
	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"
	"github.com/cyberdiplo/cyberdiplo/third_party/colorprofile"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
)

// tokens frames are made of: words, accented and wide characters, emoji,
// styles and hyperlinks, as the reader's frames hold.
var tokens = []string{
	"a", "word", "longer-word", " ", "  ", "è", "perché", "日本", "語", "😀", "—", "·", "│",
	"\x1b[1m", "\x1b[0m", "\x1b[38;5;39m", "\x1b[48;2;10;20;30m", "\x1b[4m", "\x1b[m",
	"\x1b]8;;https://example.org\x1b\\", "\x1b]8;;\x1b\\",
}

func randomLine(r *rand.Rand, width int) string {
	var b strings.Builder
	target := r.IntN(2*width + 2) // up to twice the width: most lines need cutting
	for ansi.StringWidth(b.String()) < target {
		b.WriteString(tokens[r.IntN(len(tokens))])
	}
	return b.String()
}

// randomFrame is a frame of about h lines (sometimes fewer, sometimes more), some
// of them kept from prev.
func randomFrame(r *rand.Rand, prev []string, w, h int) []string {
	n := max(h+r.IntN(5)-2, 0)
	lines := make([]string, n)
	for i := range lines {
		if i < len(prev) && r.IntN(3) > 0 {
			lines[i] = prev[i]
		} else {
			lines[i] = randomLine(r, w)
		}
	}
	return lines
}

// row is the text of row y of the emulator, first x cells, trailing spaces cut.
func row(e *vt.Emulator, y, x0, x1 int) string {
	var b strings.Builder
	for x := x0; x < x1; x++ {
		if c := e.CellAt(x, y); c != nil && c.Width > 0 {
			b.WriteString(c.Content)
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// TestScreenMatchesFrames: random frames and window sizes drawn through the
// screen into a terminal emulator. After each frame the emulator shows that
// frame, each line cut to the width: no line wraps, nothing scrolls, no line
// left over from an earlier frame; a window larger than what is drawn gets the
// note beside or below the drawing.
func TestScreenMatchesFrames(t *testing.T) {
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 42))
		var out bytes.Buffer
		scr := newScreen(&out, colorprofile.TrueColor, []string{"en", "it"}[seed%2], nil)
		scr.maxW, scr.maxH = 40, 12 // small bounds, so that windows exceed them
		winW, winH := 30, 10
		em := vt.NewEmulator(winW, winH)
		go io.Copy(io.Discard, em) //nolint:errcheck // the emulator's answers, if any
		scr.resize(winW, winH)
		var frame []string
		for step := range 60 {
			if step == 0 || r.IntN(5) == 0 {
				winW, winH = 1+r.IntN(60), 1+r.IntN(20)
				em.Resize(winW, winH)
				scr.resize(winW, winH)
			}
			frame = randomFrame(r, frame, scr.width, scr.height)
			// Titles as the reader's ("cyberdiplo · " and a page title): the
			// emulator parses bytes, and would end the title at a byte 0x9c
			// inside a character such as 本 (a real terminal decodes UTF-8 first).
			title := fmt.Sprintf("cyberdiplo · %d perché", r.IntN(9))
			scr.draw(tea.View{Content: strings.Join(frame, "\n"), WindowTitle: title})
			if _, err := em.Write(out.Bytes()); err != nil {
				t.Fatal(err)
			}
			out.Reset()
			w, h := scr.width, scr.height
			if w != min(winW, 40) || h != min(winH, 12) {
				t.Fatalf("seed %d step %d: window %dx%d drawn at %dx%d", seed, step, winW, winH, w, h)
			}
			for y := range h {
				want := ""
				if y < len(frame) {
					want = strings.TrimRight(ansi.Strip(ansi.Truncate(frame[y], w, "")), " ")
				}
				if got := row(em, y, 0, w); got != want {
					t.Fatalf("seed %d step %d (%dx%d in %dx%d): row %d\n got  %q\n want %q\n line %q",
						seed, step, w, h, winW, winH, y, got, want, frame[y])
				}
			}
			note := fmt.Sprintf(i18n.For(scr.lang).Kiosk.Larger, winW, winH, w, h)
			switch {
			case winH > h:
				if got := row(em, h, 0, winW); !strings.HasPrefix(note, got) || got == "" {
					t.Fatalf("seed %d step %d: below the drawing %q, want the start of %q", seed, step, got, note)
				}
			case winW > w+1:
				if got := row(em, 0, w+1, winW); !strings.HasPrefix(note, got) || got == "" {
					t.Fatalf("seed %d step %d: beside the drawing %q, want the start of %q", seed, step, got, note)
				}
			}
		}
		scr.close()
		if _, err := em.Write(out.Bytes()); err != nil {
			t.Fatal(err)
		}
		if em.IsAltScreen() {
			t.Errorf("seed %d: the terminal is left on the alternate screen", seed)
		}
	}
}

// The screen turns autowrap off while it draws and back on when it closes.
func TestScreenAutowrap(t *testing.T) {
	var out bytes.Buffer
	scr := newScreen(&out, colorprofile.ANSI256, "en", nil)
	scr.resize(20, 5)
	scr.draw(tea.View{Content: strings.Repeat("x", 50)})
	first := out.String()
	if !strings.Contains(first, ansi.ResetModeAutoWrap) {
		t.Errorf("autowrap is not turned off: %q", first)
	}
	if strings.Contains(first, strings.Repeat("x", 21)) {
		t.Errorf("a line wider than the window was written whole: %q", first)
	}
	scr.close()
	if !strings.HasSuffix(out.String(), ansi.SetModeAutoWrap+ansi.ShowCursor+ansi.ResetModeAltScreenSaveCursor) {
		t.Errorf("autowrap is not restored: %q", out.String()[len(first):])
	}
}

// Sizes a client may claim: the screen never draws more than its bounds, and an
// unknown size (0) is drawn at 80x24.
func TestScreenHostileSizes(t *testing.T) {
	for _, sz := range []struct{ w, h, dw, dh int }{
		{4294967295, 4294967295, 1000, 500},
		{2147483647, 1, 1000, 1},
		{1, 2147483647, 1, 500},
		{0, 0, 80, 24},
		{-1, -1, 80, 24},
		{120, 0, 120, 24},
	} {
		var out bytes.Buffer
		scr := newScreen(&out, colorprofile.ANSI256, "en", nil)
		scr.resize(sz.w, sz.h)
		if scr.width != sz.dw || scr.height != sz.dh {
			t.Errorf("%dx%d: drawn at %dx%d, want %dx%d", sz.w, sz.h, scr.width, scr.height, sz.dw, sz.dh)
		}
		scr.draw(tea.View{Content: strings.Repeat(strings.Repeat("y", 2000)+"\n", 600)})
		// At most the drawn cells, plus the escapes around each line.
		if n := out.Len(); n > sz.dw*sz.dh+200*sz.dh+1000 {
			t.Errorf("%dx%d: %d bytes written for a %dx%d drawing", sz.w, sz.h, n, sz.dw, sz.dh)
		}
	}
}
