package kiosk

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"net/textproto"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The /metrics endpoint speaks just enough HTTP/1.1 for a scraper (Prometheus,
// curl, a load balancer's check): GET or HEAD of /metrics, one request a
// connection. It is not net/http because net/http and what it links (TLS, x509,
// HTTP/2, gzip) were ~0.13 ms of every start's package init, the reader's too,
// and ~1 MiB of binary, for one page of text on an operator's address.
//
// Bounds, each enforced before anything is allocated for it:
const (
	metricsMaxHead  = 8 << 10          // request line and headers: 431 beyond
	metricsMaxConns = 64               // connections at once; beyond, the one waiting longest for its head is closed
	metricsReadWait = 5 * time.Second  // to send the whole request head (a slow client is let go)
	metricsSendWait = 10 * time.Second // to take the whole response (a client that stops reading is let go)
)

// metricsContentType is the Prometheus text format's.
const metricsContentType = "text/plain; version=0.0.4; charset=utf-8"

// ServeMetrics answers scrapes of /metrics on ln until ln is closed, then
// returns nil (another accept error is returned). A connection in progress ends
// by its own deadlines, at most metricsReadWait + metricsSendWait later.
func (s *Server) ServeMetrics(ln net.Listener) error {
	return serveMetrics(ln, s.WriteMetrics, metricsReadWait, metricsSendWait)
}

// serveMetrics is ServeMetrics with the page and the deadlines given (tests
// shorten the deadlines).
func serveMetrics(ln net.Listener, page func(io.Writer), readWait, sendWait time.Duration) error {
	conns := newScrapeConns()
	var wg sync.WaitGroup
	defer wg.Wait()
	backoff := time.Duration(0)
	for {
		conns.slots <- struct{}{}
		c, err := ln.Accept()
		if err != nil {
			<-conns.slots
			if errors.Is(err, net.ErrClosed) {
				return nil
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() || isTemporary(err) {
				// Out of file descriptors, say: wait as net/http does, 5 ms doubling to 1 s.
				backoff = min(max(2*backoff, 5*time.Millisecond), time.Second)
				time.Sleep(backoff)
				continue
			}
			return err
		}
		backoff = 0
		if !conns.admit(c) {
			c.Close() //nolint:errcheck // too many answers under way at once
			<-conns.slots
			continue
		}
		wg.Add(1)
		go func() {
			defer func() { conns.done(c); <-conns.slots; wg.Done() }()
			answerScrape(c, page, readWait, sendWait, conns)
		}()
	}
}

// scrapeConns are the connections being served. A full server makes room for a
// new one by closing the one that has waited longest for its request head: a
// scraper sends its head at once, so a crowd of connections that send nothing
// (or a byte at a time) cannot keep it out. A closed one's goroutine ends at
// once (its read fails); until it has, it holds one of 2×metricsMaxConns slots,
// and the server accepts no more while every slot is held.
type scrapeConns struct {
	slots chan struct{} // held by each goroutine answering a connection
	mu    sync.Mutex
	live  map[net.Conn]time.Time // counted in, not closed for room: since when; zero once the head is read
}

func newScrapeConns() *scrapeConns {
	return &scrapeConns{slots: make(chan struct{}, 2*metricsMaxConns), live: map[net.Conn]time.Time{}}
}

// admit counts c in, making room when the server is full; false: no room, as
// every connection is being answered.
func (s *scrapeConns) admit(c net.Conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.live) >= metricsMaxConns {
		var oldest net.Conn
		var since time.Time
		for w, t := range s.live {
			if !t.IsZero() && (oldest == nil || t.Before(since)) {
				oldest, since = w, t
			}
		}
		if oldest == nil {
			return false
		}
		delete(s.live, oldest)
		oldest.Close() //nolint:errcheck // its read fails now, and its goroutine ends
	}
	s.live[c] = time.Now()
	return true
}

// headRead marks c as having sent its head: it is no longer closed for room.
func (s *scrapeConns) headRead(c net.Conn) {
	s.mu.Lock()
	if _, ok := s.live[c]; ok {
		s.live[c] = time.Time{}
	}
	s.mu.Unlock()
}

// done counts c out.
func (s *scrapeConns) done(c net.Conn) {
	s.mu.Lock()
	delete(s.live, c)
	s.mu.Unlock()
}

// isTemporary reports an accept error that a later accept may not have (EMFILE).
func isTemporary(err error) bool {
	t, ok := err.(interface{ Temporary() bool })
	return ok && t.Temporary()
}

// answerScrape reads one request from c, answers it and closes c.
func answerScrape(c net.Conn, page func(io.Writer), readWait, sendWait time.Duration, conns *scrapeConns) {
	defer c.Close()                             //nolint:errcheck
	c.SetReadDeadline(time.Now().Add(readWait)) //nolint:errcheck
	rec := &readErr{r: c}
	head := &io.LimitedReader{R: rec, N: metricsMaxHead}
	status, method := readRequest(textproto.NewReader(bufio.NewReaderSize(head, 1024)))
	conns.headRead(c)
	var ne net.Error
	switch {
	case status == 200:
	case errors.As(rec.err, &ne) && ne.Timeout():
		status = 0
	case head.N <= 0:
		status = 431
	}
	if status == 0 {
		return // too slow: let go without a word
	}
	var body bytes.Buffer
	switch {
	case status != 200:
		body.WriteString(statusText(status) + "\n")
	case method == "GET":
		page(&body)
	case method == "HEAD":
		page(&body) // for its length
	}
	var h strings.Builder
	h.WriteString("HTTP/1.1 " + strconv.Itoa(status) + " " + statusText(status) + "\r\n")
	h.WriteString("Date: " + time.Now().UTC().Format("Mon, 02 Jan 2006 15:04:05 GMT") + "\r\n")
	if status == 200 {
		h.WriteString("Content-Type: " + metricsContentType + "\r\n")
	} else {
		h.WriteString("Content-Type: text/plain; charset=utf-8\r\n")
	}
	if status == 405 {
		h.WriteString("Allow: GET, HEAD\r\n")
	}
	h.WriteString("Content-Length: " + strconv.Itoa(body.Len()) + "\r\nConnection: close\r\n\r\n")
	c.SetWriteDeadline(time.Now().Add(sendWait)) //nolint:errcheck
	if _, err := io.WriteString(c, h.String()); err != nil || method == "HEAD" {
		return
	}
	c.Write(body.Bytes()) //nolint:errcheck // the scraper went away
}

// readErr keeps the first error of its reader's reads: bufio returns a line cut
// by an error as if whole, and the error only at the next read.
type readErr struct {
	r   io.Reader
	err error
}

func (r *readErr) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err != nil && r.err == nil {
		r.err = err
	}
	return n, err
}

// readRequest reads a request's head (line and headers) and returns the status
// to answer with and the method. A head cut short (by the size limit, a
// deadline, the client) is a 400 here; the caller tells which it was.
func readRequest(tp *textproto.Reader) (status int, method string) {
	line, err := tp.ReadLine()
	if err != nil {
		return 400, ""
	}
	method, rest, ok1 := strings.Cut(line, " ")
	target, proto, ok2 := strings.Cut(rest, " ")
	if !ok1 || !ok2 || method == "" || target == "" {
		return 400, ""
	}
	if proto != "HTTP/1.1" && proto != "HTTP/1.0" {
		if strings.HasPrefix(proto, "HTTP/") {
			return 505, "" // HTTP/2's preface among them
		}
		return 400, ""
	}
	hdr, err := tp.ReadMIMEHeader()
	if err != nil {
		return 400, ""
	}
	if proto == "HTTP/1.1" && len(hdr.Values("Host")) != 1 {
		return 400, "" // RFC 9112 §3.2, as net/http
	}
	path, _, _ := strings.Cut(target, "?")
	switch {
	case path != "/metrics":
		return 404, method
	case method != "GET" && method != "HEAD":
		return 405, method
	}
	return 200, method
}

// statusText is the reason phrase of the statuses answered.
func statusText(code int) string {
	switch code {
	case 200:
		return "OK"
	case 404:
		return "Not Found"
	case 405:
		return "Method Not Allowed"
	case 431:
		return "Request Header Fields Too Large"
	case 505:
		return "HTTP Version Not Supported"
	}
	return "Bad Request"
}
