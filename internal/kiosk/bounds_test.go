package kiosk_test

import (
	"bytes"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	gossh "github.com/cyberdiplo/cyberdiplo/third_party/xcrypto/ssh"

	"github.com/cyberdiplo/cyberdiplo/internal/kiosk"
)

// TestSessionsPerConnection: one connection holds at most 2 sessions; a third is
// refused with a reason, and when one ends another may open.
func TestSessionsPerConnection(t *testing.T) {
	h := start(t, nil)
	c := h.dial(t, "visitor")
	a := openPTY(t, c, 80, 24, nil)
	b := openPTY(t, c, 80, 24, nil)
	a.waitFor(t, 0, tab(t, "en"))
	b.waitFor(t, 0, tab(t, "en"))
	for range 2 { // each waits closeWait for one of the two to close
		s, err := c.NewSession()
		if err == nil {
			s.Close() //nolint:errcheck
			t.Fatal("a third session was opened on one connection")
		}
		if !strings.Contains(err.Error(), "at most 2 sessions per connection") {
			t.Errorf("refused with %q", err)
		}
	}
	// Both sessions still answer.
	a.answers(t, "L", tab(t, "it"))
	b.answers(t, "L", tab(t, "it"))
	a.send(t, "q")
	a.exit(t)
	// One ended: a command session may open now (the one after a close waits
	// for the server to count the close).
	if out, _, code := run(t, c, "list"); code != 0 || !strings.Contains(out, "overview") {
		t.Errorf("list after a session ended: status %d, %q", code, out)
	}
	b.send(t, "q")
	b.exit(t)
	// Sessions one after the other on one connection (as ssh's ControlMaster
	// does) are never refused.
	for i := range 10 {
		if _, _, code := run(t, c, "list"); code != 0 {
			t.Fatalf("session %d in a row: status %d", i, code)
		}
	}
}

// TestSessionWithoutStartIsClosed: a session channel that asks for neither a
// shell nor a command is closed after StartTimeout, with a line saying why.
func TestSessionWithoutStartIsClosed(t *testing.T) {
	h := start(t, func(c *kiosk.Config) { c.StartTimeout = time.Second })
	c := h.dial(t, "visitor")
	ch, reqs, err := c.OpenChannel("session", nil)
	if err != nil {
		t.Fatal(err)
	}
	go gossh.DiscardRequests(reqs)
	// A pty and an environment variable, but no shell: still closed.
	if ok, err := ch.SendRequest("env", true, gossh.Marshal(struct{ K, V string }{"LANG", "it_IT.UTF-8"})); err != nil || !ok {
		t.Fatalf("env: %v %v", ok, err)
	}
	done := make(chan []byte, 1)
	go func() {
		msg, _ := io.ReadAll(ch.Stderr())
		done <- msg
	}()
	select {
	case msg := <-done:
		if !strings.Contains(string(msg), "no shell or command within 1s: closed") {
			t.Errorf("stderr %q", msg)
		}
	case <-time.After(wait):
		t.Fatal("the channel was not closed")
	}
	eventually(t, "the log line", func() bool { return strings.Contains(h.logs.String(), "no shell or command") })
	// The connection started nothing within StartTimeout of its arrival: it is
	// closed too. A new one serves.
	if err := c.Wait(); err == nil {
		t.Error("the connection was not closed")
	}
	if _, _, code := run(t, h.dial(t, "visitor"), "list"); code != 0 {
		t.Errorf("list: status %d", code)
	}
}

// TestChannelChurnIsClosed (finding 2): a connection that opens a session
// channel and replaces it before StartTimeout, again and again, is closed
// StartTimeout after it arrived (plus a second for its channels to say why):
// the timeout counts from the connection, not from each channel.
func TestChannelChurnIsClosed(t *testing.T) {
	h := start(t, func(c *kiosk.Config) { c.StartTimeout = 400 * time.Millisecond })
	c := h.dial(t, "visitor")
	t0 := time.Now()
	closed := make(chan error, 1)
	go func() { closed <- c.Wait() }()
	for {
		ch, reqs, err := c.OpenChannel("session", nil)
		if err != nil {
			break // the connection is closing
		}
		go gossh.DiscardRequests(reqs)
		time.Sleep(100 * time.Millisecond)
		ch.Close() //nolint:errcheck
		if time.Since(t0) > wait {
			t.Fatal("the churning connection was never closed")
		}
	}
	select {
	case <-closed:
	case <-time.After(wait):
		t.Fatal("the churning connection was never closed")
	}
	took := time.Since(t0)
	t.Logf("closed after %s", took.Round(time.Millisecond))
	if took < 400*time.Millisecond {
		t.Errorf("closed after %s, before StartTimeout", took)
	}
	// Counted (the log lines of one address are throttled: the channels opened
	// after the deadline, each closed at once with a line, may use them up).
	eventually(t, "the close counted", func() bool {
		return scrape(t, h)[`cyberdiplo_connections_refused_total{reason="unstarted"}`] == 1
	})
}

// TestConnectionsPerAddress: one address holds at most MaxConnsPerAddr
// connections open; the next is refused until one closes.
func TestConnectionsPerAddress(t *testing.T) {
	h := start(t, func(c *kiosk.Config) { c.MaxConnsPerAddr = 3 })
	var held []*gossh.Client
	for range 3 {
		c, err := h.tryDial("visitor")
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
	}
	if c, err := h.tryDial("visitor"); err == nil {
		c.Close() //nolint:errcheck
		t.Fatal("a fourth connection from one address was accepted")
	}
	eventually(t, "the refusal in the log", func() bool {
		return strings.Contains(h.logs.String(), "too many connections from this address")
	})
	held[0].Close() //nolint:errcheck
	eventually(t, "a connection after one closed", func() bool {
		c, err := h.tryDial("visitor")
		if err == nil {
			c.Close() //nolint:errcheck
		}
		return err == nil
	})
	for _, c := range held[1:] {
		c.Close() //nolint:errcheck
	}
}

// garbage is n bytes of random input without the keys that end the reader.
func garbage(r *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		switch c := byte(r.IntN(256)); c {
		case 'q', 'Q', 0x03, 0x04:
			b[i] = 'x'
		default:
			b[i] = c
		}
	}
	return b
}

// TestGarbageDoesNotStall: random 64 KB chunks mixed with long escape sequences
// that never end. The kiosk reads it all (the client's writes never block for
// long) and the session answers a key afterwards.
func TestGarbageDoesNotStall(t *testing.T) {
	h := start(t, nil)
	tm := openPTY(t, h.dial(t, "visitor"), 100, 30, nil)
	tm.waitFor(t, 0, tab(t, "en"))
	r := rand.New(rand.NewPCG(7, 7))
	unfinished := []string{"\x1b[", "\x1b]", "\x1bP", "\x1b_", "\x1b[<", "\x9b", "\x1b[?"}
	for i := range 16 {
		tm.send(t, string(garbage(r, 64<<10)))
		tm.send(t, unfinished[i%len(unfinished)]+strings.Repeat("1;", 20<<10))
	}
	// Whatever mode the garbage left the reader in (search, help...), L brings
	// a frame (the language, or a letter typed in the search box).
	tm.answers(t, "L", "")
	tm.send(t, "\x03\x03") // ctrl+c cancels a search box or outline the garbage opened (as in less), then quits
	if code := tm.exit(t); code != 0 {
		t.Errorf("exit status %d", code)
	}
}

// TestUnterminatedPaste: a bracketed paste that never ends (3 MB: 48 times
// maxPaste, within the connection's input burst) is skipped without being kept,
// and the session answers a key afterwards.
func TestUnterminatedPaste(t *testing.T) {
	h := start(t, nil)
	tm := openPTY(t, h.dial(t, "visitor"), 100, 30, nil)
	tm.waitFor(t, 0, tab(t, "en"))
	tm.send(t, "\x1b[200~")
	chunk := bytes.Repeat([]byte("pasted text, never ending "), 32<<10/26)
	for sent := 0; sent < 3<<20; sent += len(chunk) {
		if _, err := tm.in.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	tm.answers(t, "L", tab(t, "it"))
	tm.send(t, "\x03\x03") // ctrl+c cancels a box the paste left open (as in less), then quits
	if code := tm.exit(t); code != 0 {
		t.Errorf("exit status %d", code)
	}
}
