package kiosk

import (
	"io"
	"net"
	"strings"
	"testing"
	"time"
)

// TestMetricsHTTPDeadlines: a client that sends its head a byte at a time, and
// one that asks and then stops reading, are let go at the deadlines; closing the
// listener then ends the server.
func TestMetricsHTTPDeadlines(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("go_x 1\n", 64<<20/7) // 64 MiB: more than any socket buffer takes
	done := make(chan error, 1)
	go func() {
		done <- serveMetrics(ln, func(w io.Writer) { io.WriteString(w, big) }, 300*time.Millisecond, 300*time.Millisecond) //nolint:errcheck
	}()

	slow, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close() //nolint:errcheck
	start := time.Now()
	go func() {
		for _, b := range []byte("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n") {
			if _, err := slow.Write([]byte{b}); err != nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	}()
	slow.SetReadDeadline(time.Now().Add(10 * time.Second)) //nolint:errcheck
	got, _ := io.ReadAll(slow)
	if len(got) != 0 || time.Since(start) > 5*time.Second {
		t.Errorf("a byte every 100 ms: answered %q after %v, want nothing after ~300 ms", got, time.Since(start))
	}

	stuck, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer stuck.Close()                                               //nolint:errcheck
	io.WriteString(stuck, "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n") //nolint:errcheck
	time.Sleep(time.Second)                                           // reads nothing meanwhile
	ln.Close()                                                        //nolint:errcheck
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("ServeMetrics: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the server still waits on a client that stopped reading")
	}
	stuck.SetReadDeadline(time.Now().Add(5 * time.Second)) //nolint:errcheck
	n, _ := io.Copy(io.Discard, stuck)
	if n >= int64(len(big)) {
		t.Errorf("the client that stopped reading got all %d bytes", n)
	}
}
