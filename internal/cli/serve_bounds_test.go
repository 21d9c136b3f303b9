package cli

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	gossh "github.com/cyberdiplo/cyberdiplo/third_party/xcrypto/ssh"
)

// visitor is a PTY session on a child kiosk.
type visitor struct {
	client *gossh.Client
	sess   *gossh.Session
	in     io.WriteCloser
	out    *syncBuffer
	done   chan error
}

func visit(t *testing.T, addr, user string, w, h int) *visitor {
	t.Helper()
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: user, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 20 * time.Second, //nolint:gosec // a test server
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() }) //nolint:errcheck
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm-256color", h, w, nil); err != nil {
		t.Fatal(err)
	}
	v := &visitor{client: c, sess: s, out: &syncBuffer{}, done: make(chan error, 1)}
	s.Stdout = v.out
	if v.in, err = s.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { v.done <- s.Wait() }()
	return v
}

func (v *visitor) waitFor(t *testing.T, from int, want string) {
	t.Helper()
	waitUntil(t, "“"+want+"” on screen", func() bool {
		s := v.out.String()
		return strings.Contains(ansi.Strip(s[min(from, len(s)):]), want)
	})
}

// TestServePasteBound: a visitor sends the start of a bracketed paste and then
// 20 MB without its end. The kiosk keeps none of it: its peak RSS grows by a
// few MB at most (it grew by 75 MB when pastes were collected: a paste kept
// would add at least its 20 MB), and the session
// answers a key afterwards. (The peak is compared with the peak before, which
// the start-up sets: the current RSS moves with the garbage collector.)
func TestServePasteBound(t *testing.T) {
	k := startChild(t, "--rate", "0")
	v := visit(t, k.addr, "en", 100, 30)
	v.waitFor(t, 0, "? help")
	// Both languages once (the reader renders and prefetches the pages at this
	// width in the background), then quiet: what follows is the paste's.
	for _, key := range []string{"L", "L"} {
		mark := len(v.out.String())
		if _, err := io.WriteString(v.in, key); err != nil {
			t.Fatal(err)
		}
		v.waitFor(t, mark, "│ ? ")
	}
	time.Sleep(time.Second)        // the prefetch done
	before := k.status(t, "VmHWM") // the peak so far: start, renders, the index
	if _, err := io.WriteString(v.in, "\x1b[200~"); err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("pasted text that never ends "), 32<<10/28)
	for sent := 0; sent < 20<<20; sent += len(chunk) {
		if _, err := v.in.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	mark := len(v.out.String())
	if _, err := io.WriteString(v.in, "L"); err != nil {
		t.Fatal(err)
	}
	v.waitFor(t, mark, "IT │")
	peak := k.status(t, "VmHWM")
	t.Logf("peak RSS before %.1f MiB, after the paste %.1f MiB (+%.1f MiB)",
		float64(before)/(1<<20), float64(peak)/(1<<20), float64(peak-before)/(1<<20))
	// Typically +1 MiB; the garbage collector's timing alone (every SSH packet
	// is a fresh 32 KB) can add up to about 10.
	if !raceEnabled && peak-before > 12<<20 {
		t.Errorf("a 20 MB paste added %.1f MiB to the peak RSS, over 12 MiB", float64(peak-before)/(1<<20))
	}
	if _, err := io.WriteString(v.in, "\x03\x03"); err != nil { // ctrl+c cancels a box the paste left open (as in less), then quits
		t.Fatal(err)
	}
	select {
	case err := <-v.done:
		if err != nil {
			t.Errorf("session: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no exit after ctrl+c")
	}
}
