// Command load puts a running `cyberdiplo serve` under load: N visitors at once,
// each with a PTY, each pressing keys; it reports the first-frame and
// keystroke-to-frame latencies, the failures, and the server's memory and
// goroutines before, during and after. See bench/README.md.
//
//	cyberdiplo serve --listen 127.0.0.1:2222 --max-sessions 250 --rate 0 --debug-addr 127.0.0.1:6060 &
//	go run ./bench/load -addr 127.0.0.1:2222 -debug 127.0.0.1:6060 -n 200
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/render"
)

var (
	addr     = flag.String("addr", "127.0.0.1:2222", "the kiosk's `host:port`")
	n        = flag.Int("n", 200, "concurrent sessions")
	keys     = flag.Int("keys", 20, "keys each session presses")
	user     = flag.String("user", "en", "SSH user name (en or it picks the language)")
	width    = flag.Int("width", 100, "terminal width")
	height   = flag.Int("height", 30, "terminal height")
	think    = flag.Duration("think", 100*time.Millisecond, "pause between a frame and the next key")
	single   = flag.Int("single", 5, "lone visitors timed before the load (first frame after the TCP dial)")
	debug    = flag.String("debug", "", "the server's --debug-addr, for its pid and goroutines")
	pidFlag  = flag.Int("pid", 0, "the server's pid, for its memory (default: from -debug)")
	settle   = flag.Duration("settle", 10*time.Second, "wait after the sessions end before the last measure")
	timeout  = flag.Duration("timeout", 30*time.Second, "give up on a frame after this long")
	expect   = flag.String("expect", "", "text of the first frame (default: a line of the first page)")
	noFrameT = flag.Duration("frame-wait", 2*time.Second, "a key with no output this long counts as without frame")
)

// The keys pressed, in turn: each changes the screen (next tab, scroll, page
// down, language, previous tab).
var keyCycle = []string{"\t", "j", "j", " ", "L", "\t", "j", "L", "\x1b[Z", "j"}

func main() {
	flag.Parse()
	if *expect == "" {
		e, err := firstFrameText()
		if err != nil {
			fatal(err)
		}
		*expect = e
	}
	pid := *pidFlag
	if pid == 0 && *debug != "" {
		if st, err := debugStats(); err == nil {
			pid = st.PID
		}
	}
	fmt.Printf("kiosk load: %d sessions x %d keys against %s (%dx%d, user %s)\n", *n, *keys, *addr, *width, *height, *user)
	fmt.Printf("first frame: waiting for %q\n", *expect)
	before := sample(pid)

	// Lone visitors: from the TCP dial to the first frame.
	var lone []time.Duration
	for i := 0; i < *single; i++ {
		v := &visitor{}
		if err := v.connect(); err != nil {
			fatal(fmt.Errorf("lone visitor: %w", err))
		}
		lone = append(lone, v.firstFrame)
		v.quit() //nolint:errcheck
	}

	// The load.
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		frames   []time.Duration // first frames under load
		lat      []time.Duration // keystroke to frame
		noFrame  int
		failures = map[string]int{}
		ready    sync.WaitGroup
		peak     atomic.Pointer[stats]
	)
	fail := func(what string, err error) {
		mu.Lock()
		failures[what+": "+short(err)]++
		mu.Unlock()
	}
	stopPeak := make(chan struct{})
	go func() { // the server's peak during the run
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stopPeak:
				return
			case <-t.C:
				s := sample(pid)
				if p := peak.Load(); p == nil || s.RSS > p.RSS || s.Goroutines > p.Goroutines {
					if p != nil {
						s.RSS, s.Goroutines = max(s.RSS, p.RSS), max(s.Goroutines, p.Goroutines)
					}
					peak.Store(&s)
				}
			}
		}
	}()
	allIn := make(chan struct{})
	var during stats
	ready.Add(*n)
	go func() {
		ready.Wait()
		during = sample(pid)
		close(allIn)
	}()
	start := time.Now()
	for i := 0; i < *n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			v := &visitor{}
			err := v.connect()
			ready.Done()
			if err != nil {
				fail("connect", err)
				return
			}
			defer v.close()
			mu.Lock()
			frames = append(frames, v.firstFrame)
			mu.Unlock()
			<-allIn // every visitor is in: now the keys
			for k := 0; k < *keys; k++ {
				time.Sleep(*think)
				d, err := v.press(keyCycle[(i+k)%len(keyCycle)])
				if errors.Is(err, errNoFrame) {
					mu.Lock()
					noFrame++
					mu.Unlock()
					continue
				}
				if err != nil {
					fail("key", err)
					return
				}
				mu.Lock()
				lat = append(lat, d)
				mu.Unlock()
			}
			if err := v.quit(); err != nil {
				fail("quit", err)
			}
		}(i)
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(stopPeak)
	end := sample(pid)
	time.Sleep(*settle)
	after := sample(pid)

	nfail := 0
	for _, c := range failures {
		nfail += c
	}
	fmt.Printf("lone visitor, TCP dial to first frame (%d runs): %s\n", len(lone), dist(lone))
	fmt.Printf("first frame with %d arriving at once: %s\n", *n, dist(frames))
	fmt.Printf("keystroke to frame (%d keys, %d without a frame): %s\n", len(lat), noFrame, dist(lat))
	fmt.Printf("failures: %d", nfail)
	for what, c := range failures {
		fmt.Printf("\n  %d x %s", c, what)
	}
	fmt.Printf("\nrun: %s\n", elapsed.Round(time.Millisecond))
	if pid != 0 || *debug != "" {
		p := peak.Load()
		if p == nil {
			p = &during
		}
		fmt.Printf("server before:          %s\n", before)
		fmt.Printf("server, all %d in:     %s\n", *n, during)
		fmt.Printf("server peak:            %s\n", p)
		fmt.Printf("server as they left:    %s\n", end)
		fmt.Printf("server %s later:       %s\n", *settle, after)
	}
	if nfail > 0 {
		os.Exit(1)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "load:", err)
	os.Exit(1)
}

func short(err error) string {
	s := err.Error()
	if len(s) > 80 {
		s = s[:80]
	}
	return s
}

// firstFrameText is a line of the first page as the server renders it for this
// terminal: seeing it means the page is on screen (not just the tabs).
func firstFrameText() (string, error) {
	lib, err := library.Load(content.FS())
	if err != nil {
		return "", err
	}
	lang := "en"
	if *user == "it" {
		lang = "it"
	}
	pages := lib.Pages(lang)
	if len(pages) == 0 {
		return "", errors.New("no pages")
	}
	out, err := render.Page(pages[0], min(*width, render.MaxWidth), "dark")
	if err != nil {
		return "", err
	}
	lines := strings.Split(ansi.Strip(out), "\n")
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if i > 2 && i < *height-3 && len(l) > 24 && !strings.Contains(l, "  ") && !strings.Contains(l, pages[0].Title) {
			return l[:24], nil
		}
	}
	return pages[0].Tab, nil
}

// visitor is one SSH client with a PTY.
type visitor struct {
	client     *gossh.Client
	sess       *gossh.Session
	in         io.WriteCloser
	chunks     chan chunk
	firstFrame time.Duration
	done       chan error
}

type chunk struct {
	at   time.Time
	data []byte
}

var errNoFrame = errors.New("no frame")

func (v *visitor) connect() error {
	t0 := time.Now()
	conn, err := net.DialTimeout("tcp", *addr, *timeout)
	if err != nil {
		return err
	}
	conn.SetDeadline(time.Now().Add(*timeout)) //nolint:errcheck
	c, chans, reqs, err := gossh.NewClientConn(conn, *addr, &gossh.ClientConfig{
		User:            *user,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), //nolint:gosec // a local benchmark
	})
	if err != nil {
		conn.Close() //nolint:errcheck
		return err
	}
	conn.SetDeadline(time.Time{}) //nolint:errcheck
	v.client = gossh.NewClient(c, chans, reqs)
	if v.sess, err = v.client.NewSession(); err != nil {
		v.client.Close() //nolint:errcheck
		return err
	}
	if err := v.sess.RequestPty("xterm-256color", *height, *width, nil); err != nil {
		v.close()
		return err
	}
	out, err := v.sess.StdoutPipe()
	if err != nil {
		v.close()
		return err
	}
	if v.in, err = v.sess.StdinPipe(); err != nil {
		v.close()
		return err
	}
	v.chunks = make(chan chunk, 256)
	go func() {
		defer close(v.chunks)
		buf := make([]byte, 32<<10)
		for {
			k, err := out.Read(buf)
			if k > 0 {
				v.chunks <- chunk{time.Now(), append([]byte(nil), buf[:k]...)}
			}
			if err != nil {
				return
			}
		}
	}()
	if err := v.sess.Shell(); err != nil {
		v.close()
		return err
	}
	v.done = make(chan error, 1)
	go func() { v.done <- v.sess.Wait() }()
	// The first frame: the expected text in the output (escapes removed).
	var seen strings.Builder
	deadline := time.After(*timeout)
	for {
		select {
		case c, ok := <-v.chunks:
			if !ok {
				v.close()
				return errors.New("session ended before its first frame")
			}
			seen.Write(c.data)
			if strings.Contains(ansi.Strip(seen.String()), *expect) {
				v.firstFrame = c.at.Sub(t0)
				v.quiet(20 * time.Millisecond)
				return nil
			}
		case <-deadline:
			v.close()
			return errors.New("no first frame")
		}
	}
}

// quiet reads until no output came for d.
func (v *visitor) quiet(d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		select {
		case _, ok := <-v.chunks:
			if !ok {
				return
			}
			t.Reset(d)
		case <-t.C:
			return
		}
	}
}

// press sends a key and returns the time to the first output that follows.
func (v *visitor) press(key string) (time.Duration, error) {
	v.quiet(5 * time.Millisecond)
	t0 := time.Now()
	if _, err := io.WriteString(v.in, key); err != nil {
		return 0, err
	}
	select {
	case c, ok := <-v.chunks:
		if !ok {
			return 0, errors.New("session ended")
		}
		d := c.at.Sub(t0)
		v.quiet(20 * time.Millisecond)
		return d, nil
	case <-time.After(*noFrameT):
		return 0, errNoFrame
	}
}

// quit presses q and expects exit status 0.
func (v *visitor) quit() error {
	defer v.close()
	if _, err := io.WriteString(v.in, "q"); err != nil {
		return err
	}
	go func() {
		for range v.chunks { //nolint:revive // drain
		}
	}()
	select {
	case err := <-v.done:
		return err
	case <-time.After(*timeout):
		return errors.New("no exit after q")
	}
}

func (v *visitor) close() {
	if v.client != nil {
		v.client.Close() //nolint:errcheck
	}
}

// dist is "p50 p95 p99 max" of ds.
func dist(ds []time.Duration) string {
	if len(ds) == 0 {
		return "none"
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	q := func(p float64) time.Duration { return s[min(int(p*float64(len(s))), len(s)-1)] }
	ms := func(d time.Duration) string { return strconv.FormatFloat(float64(d)/1e6, 'f', 1, 64) + " ms" }
	return fmt.Sprintf("p50 %s  p95 %s  p99 %s  max %s", ms(q(0.50)), ms(q(0.95)), ms(q(0.99)), ms(s[len(s)-1]))
}

// stats is what is known of the server at one moment.
type stats struct {
	RSS        int64 // bytes, from /proc/PID/status
	Goroutines int   `json:"goroutines"`
	Sessions   int   `json:"sessions"`
	PID        int   `json:"pid"`
	HeapInuse  int64 `json:"heap_inuse"`
}

func (s stats) String() string {
	parts := []string{}
	if s.RSS > 0 {
		parts = append(parts, fmt.Sprintf("RSS %.1f MiB", float64(s.RSS)/(1<<20)))
	}
	if s.Goroutines > 0 {
		parts = append(parts, fmt.Sprintf("goroutines %d", s.Goroutines),
			fmt.Sprintf("sessions %d", s.Sessions),
			fmt.Sprintf("heap in use %.1f MiB", float64(s.HeapInuse)/(1<<20)))
	}
	if len(parts) == 0 {
		return "unknown (give -debug or -pid)"
	}
	return strings.Join(parts, ", ")
}

func sample(pid int) stats {
	var s stats
	if *debug != "" {
		if d, err := debugStats(); err == nil {
			s = d
		}
	}
	if pid != 0 {
		s.RSS = rss(pid)
	}
	return s
}

func debugStats() (stats, error) {
	var s stats
	c, err := net.DialTimeout("tcp", *debug, time.Second)
	if err != nil {
		return s, err
	}
	defer c.Close()                                //nolint:errcheck
	c.SetDeadline(time.Now().Add(2 * time.Second)) //nolint:errcheck
	err = json.NewDecoder(c).Decode(&s)
	return s, err
}

// rss reads VmRSS of a process, in bytes (0 if unknown).
func rss(pid int) int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer f.Close() //nolint:errcheck
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			fields := strings.Fields(rest)
			if len(fields) > 0 {
				kb, _ := strconv.ParseInt(fields[0], 10, 64)
				return kb << 10
			}
		}
	}
	return 0
}
