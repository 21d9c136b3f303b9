package kiosk_test

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// serveMetrics serves h's /metrics on a loopback port for the test's life and
// returns its address.
func serveMetrics(t *testing.T, h *harness) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- h.srv.ServeMetrics(ln) }()
	t.Cleanup(func() {
		ln.Close() //nolint:errcheck
		if err := <-done; err != nil {
			t.Errorf("ServeMetrics: %v", err)
		}
	})
	return ln.Addr().String()
}

// rawRequest sends req on a new connection to addr and returns all the
// server answers before it closes the connection.
func rawRequest(t *testing.T, addr, req string) string {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()                                 //nolint:errcheck
	c.SetDeadline(time.Now().Add(10 * time.Second)) //nolint:errcheck
	go func() {                                     // the server may stop reading first
		io.WriteString(c, req)        //nolint:errcheck
		c.(*net.TCPConn).CloseWrite() //nolint:errcheck // the request ends here
	}()
	out, _ := io.ReadAll(io.LimitReader(c, 1<<20))
	return string(out)
}

// TestMetricsHTTP: what scrapers and strangers get from the /metrics address,
// through Go's HTTP client and in raw bytes.
func TestMetricsHTTP(t *testing.T) {
	h := start(t, nil)
	addr := serveMetrics(t, h)
	client := &http.Client{Timeout: 10 * time.Second}
	for _, c := range []struct {
		method, path string
		status       int
		body         string // in the body
	}{
		{"GET", "/metrics", 200, "cyberdiplo_sessions_active"},
		{"GET", "/metrics?name[]=x", 200, "go_goroutines"},
		{"HEAD", "/metrics", 200, ""},
		{"POST", "/metrics", 405, ""},
		{"DELETE", "/metrics", 405, ""},
		{"GET", "/", 404, ""},
		{"GET", "/metrics/x", 404, ""},
		{"GET", "/debug/pprof/", 404, ""},
	} {
		req, _ := http.NewRequest(c.method, "http://"+addr+c.path, nil)
		resp, err := client.Do(req)
		if err != nil {
			t.Errorf("%s %s: %v", c.method, c.path, err)
			continue
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close() //nolint:errcheck
		if resp.StatusCode != c.status || !strings.Contains(string(b), c.body) {
			t.Errorf("%s %s: %s with %d bytes, want %d with %q", c.method, c.path, resp.Status, len(b), c.status, c.body)
		}
		if c.method == "HEAD" && (len(b) != 0 || resp.ContentLength <= 0) {
			t.Errorf("HEAD: %d bytes of body, Content-Length %d; want none and the GET's length", len(b), resp.ContentLength)
		}
		if c.status == 405 && resp.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: Allow %q", c.method, resp.Header.Get("Allow"))
		}
	}

	long := strings.Repeat("a", 10<<10)
	for _, c := range []struct{ name, req, status string }{
		{"HTTP/1.0 without Host", "GET /metrics HTTP/1.0\r\n\r\n", "HTTP/1.1 200 OK"},
		{"HTTP/1.1 without Host", "GET /metrics HTTP/1.1\r\n\r\n", "HTTP/1.1 400 "},
		{"two Hosts", "GET /metrics HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "HTTP/1.1 400 "},
		{"HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "HTTP/1.1 505 "},
		{"no version", "GET /metrics\r\n\r\n", "HTTP/1.1 400 "},
		{"binary", "\x00\x01\x02\xff\xfe\r\n\r\n", "HTTP/1.1 400 "},
		{"escape sequences", "\x1b[2J\x1b]0;x\x07 / HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 404 "},
		{"a header without colon", "GET /metrics HTTP/1.1\r\nHost: x\r\nnonsense\r\n\r\n", "HTTP/1.1 400 "},
		{"a long request line", "GET /" + long + " HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 431 "},
		{"a long header", "GET /metrics HTTP/1.1\r\nHost: x\r\nX: " + long + "\r\n\r\n", "HTTP/1.1 431 "},
		{"many headers", "GET /metrics HTTP/1.1\r\nHost: x\r\n" + strings.Repeat("X: y\r\n", 2000) + "\r\n", "HTTP/1.1 431 "},
		{"closed before the end", "GET /metrics HTTP/1.1\r\nHost: x\r\n", "HTTP/1.1 400 "},
	} {
		got := rawRequest(t, addr, c.req)
		if !strings.HasPrefix(got, c.status) || !strings.Contains(got, "\r\nConnection: close\r\n") {
			first, _, _ := strings.Cut(got, "\r\n")
			t.Errorf("%s: answered %q, want %q and Connection: close", c.name, first, c.status)
		}
	}
}

// TestMetricsHTTPEndless: a request head that never ends (2^32 bytes offered)
// is cut at 8 KiB, and the server reads no more of it.
func TestMetricsHTTPEndless(t *testing.T) {
	h := start(t, nil)
	addr := serveMetrics(t, h)
	for _, prefix := range []string{"", "GET /metrics HTTP/1.1\r\nHost: x\r\nX-A: "} {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		c.SetDeadline(time.Now().Add(10 * time.Second)) //nolint:errcheck
		sent := make(chan int64, 1)
		go func() {
			chunk := []byte(strings.Repeat("A", 64<<10))
			n, _ := io.WriteString(c, prefix)
			total := int64(n)
			for total < 1<<32 {
				n, err := c.Write(chunk)
				total += int64(n)
				if err != nil {
					break
				}
			}
			sent <- total
		}()
		status, _ := bufio.NewReader(c).ReadString('\n')
		c.Close() //nolint:errcheck
		if !strings.HasPrefix(status, "HTTP/1.1 431 ") {
			t.Errorf("an endless head (prefix %q): answered %q, want 431", prefix, status)
		}
		if n := <-sent; n >= 1<<32 {
			t.Errorf("the server read all %d bytes", n)
		}
	}
}

// TestMetricsHTTPFlood: 300 connections that send nothing do not keep a
// scraper out: each scrape makes room by closing the one that waited longest.
func TestMetricsHTTPFlood(t *testing.T) {
	h := start(t, nil)
	addr := serveMetrics(t, h)
	idle := []net.Conn{}
	for range 300 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		idle = append(idle, c)
	}
	defer func() {
		for _, c := range idle {
			c.Close() //nolint:errcheck
		}
	}()
	for i := range 10 {
		got := rawRequest(t, addr, "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
		if !strings.HasPrefix(got, "HTTP/1.1 200 OK") {
			first, _, _ := strings.Cut(got, "\r\n")
			t.Errorf("scrape %d among 300 idle connections: answered %q", i, first)
		}
	}
	// The idle ones beyond the bound were closed: most of the 300 read EOF at once.
	closed := 0
	for _, c := range idle {
		c.SetReadDeadline(time.Now().Add(time.Millisecond)) //nolint:errcheck
		if _, err := c.Read(make([]byte, 1)); err == io.EOF {
			closed++
		}
	}
	if closed < 300-64 {
		t.Errorf("%d of 300 idle connections closed, want at least %d", closed, 300-64)
	}
}
