package tui

import (
	"runtime"
	"strings"
	"testing"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"
)

// A window size comes from outside (an SSH client may claim any uint32): the
// reader draws at most MaxWidth x MaxHeight cells, whatever it is told.
func TestHostileWindowSizeIsClamped(t *testing.T) {
	const huge = 4294967295 // 2^32-1, the largest size an SSH pty-req can carry
	sizes := []struct{ w, h int }{
		{huge, huge}, {2147483647, 1}, {1, 2147483647}, {huge, 30}, {100, huge},
		{-5, -5}, {0, 0}, {MaxWidth + 1, MaxHeight + 1},
	}
	for _, sz := range sizes {
		// Through the options (the size known before the first message) ...
		m := New(Options{Library: testLib, Cache: testCache, Index: testIndex, Lang: "en", Style: "dark", Width: sz.w, Height: sz.h})
		checkDrawn(t, m, sz.w, sz.h)
		// ... and through a window change.
		m = newTest(t, "en", "", 80, 24)
		drive(m, nil, tea.WindowSizeMsg{Width: sz.w, Height: sz.h})
		checkDrawn(t, m, sz.w, sz.h)
	}
}

func checkDrawn(t *testing.T, m *Model, w, h int) {
	t.Helper()
	view := m.View().Content
	lines := strings.Split(view, "\n")
	wantW, wantH := ClampSize(w, h)
	if wantW <= 0 || wantH <= 0 {
		if view != "" {
			t.Errorf("%dx%d: drew %d lines for an empty window", w, h, len(lines))
		}
		return
	}
	if len(lines) > wantH || (wantW >= minWidth && wantH >= minHeight && len(lines) != wantH) {
		t.Errorf("%dx%d: drew %d lines, want %d", w, h, len(lines), wantH)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > wantW {
			t.Fatalf("%dx%d: line %d is %d cells wide, over %d", w, h, i, lw, wantW)
		}
	}
	if wantW >= minWidth && wantH >= minHeight && !strings.Contains(ansi.Strip(lines[len(lines)-1]), "EN") {
		t.Errorf("%dx%d: no status bar on the last line: %q", w, h, ansi.Strip(lines[len(lines)-1]))
	}
}

func TestClampSize(t *testing.T) {
	cases := []struct{ w, h, ww, wh int }{
		{80, 24, 80, 24}, {0, 0, 0, 0}, {-1, -1, 0, 0},
		{MaxWidth, MaxHeight, MaxWidth, MaxHeight},
		{4294967295, 4294967295, MaxWidth, MaxHeight},
	}
	for _, c := range cases {
		if w, h := ClampSize(c.w, c.h); w != c.ww || h != c.wh {
			t.Errorf("ClampSize(%d, %d) = %d, %d; want %d, %d", c.w, c.h, w, h, c.ww, c.wh)
		}
	}
}

// An overlay at the largest window drawn costs the box's band, not the window: a
// frame of the help at 1000x500 allocated about 100 MB when the whole window
// was composited, which a kiosk visitor could repeat with every key.
func TestOverlayFrameIsBounded(t *testing.T) {
	m := newTest(t, "en", "glossary", MaxWidth, MaxHeight)
	for _, k := range []string{"?", "esc", "o", "esc", "/"} {
		keys(m, k)
		m.View()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		m.View()
		runtime.ReadMemStats(&after)
		if got := after.TotalAlloc - before.TotalAlloc; got > 16<<20 {
			t.Errorf("after %q a %dx%d frame allocated %d MB, want under 16", k, MaxWidth, MaxHeight, got>>20)
		}
	}
}
