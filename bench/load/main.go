// Command load puts a running `cyberdiplo serve` under load: N visitors at once,
// each with a PTY, each pressing keys; it reports the first-frame and
// keystroke-to-frame latencies, the failures, and the servers' memory and
// goroutines before, during and after (from their /metrics). With -spawn it
// starts the instances itself behind HAProxy (PROXY protocol v2), and each
// visitor comes from its own loopback address. See bench/README.md.
//
//	cyberdiplo serve --listen 127.0.0.1:2222 --max-sessions 250 --rate 0 --max-sessions-per-addr 0 --metrics-addr 127.0.0.1:9222 &
//	go run ./bench/load -addr 127.0.0.1:2222 -metrics 127.0.0.1:9222 -n 200
//	go run ./bench/load -spawn 2 -bin /tmp/cyberdiplo -n 400
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	gossh "github.com/cyberdiplo/cyberdiplo/third_party/xcrypto/ssh"

	"github.com/cyberdiplo/cyberdiplo/content"
	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/render"
)

var (
	addr     = flag.String("addr", "127.0.0.1:2222", "the kiosk's (or the balancer's) `host:port`")
	n        = flag.Int("n", 200, "concurrent sessions")
	keys     = flag.Int("keys", 20, "keys each session presses")
	user     = flag.String("user", langs.Default(), "SSH user name (a language's code, such as it, picks the language)")
	width    = flag.Int("width", 100, "terminal width")
	height   = flag.Int("height", 30, "terminal height")
	think    = flag.Duration("think", 100*time.Millisecond, "pause between a frame and the next key")
	jitter   = flag.Float64("jitter", 0.5, "each pause is -think times a factor drawn uniformly from 1±jitter (the same mean): people do not press keys in step, and a fixed pause lets visitors held up together stay in step, in bursts")
	stagger  = flag.Bool("stagger", true, "spread the visitors' first keys over one -think (visitor i waits i/n of it more), as a crowd's keys are; false: all first keys at once, a burst")
	single   = flag.Int("single", 5, "lone visitors timed before the load (first frame after the TCP dial)")
	metrics  = flag.String("metrics", "", "the servers' --metrics-addr, comma-separated, for their memory and goroutines")
	settle   = flag.Duration("settle", 10*time.Second, "wait after the sessions end before the last measure")
	timeout  = flag.Duration("timeout", 30*time.Second, "give up on a frame after this long")
	expect   = flag.String("expect", "", "text of the first frame (default: a line of the first page)")
	noFrameT = flag.Duration("frame-wait", 2*time.Second, "a key with no output this long counts as without frame")
	spawn    = flag.Int("spawn", 0, "start this many instances of -bin behind HAProxy and load them through it")
	bin      = flag.String("bin", "", "the cyberdiplo binary, for -spawn")
	haproxy  = flag.String("haproxy", "haproxy", "the haproxy binary, for -spawn")
	hold     = flag.Duration("hold", time.Second, "how long everyone stays in, idle, after the first frames and after the keys (measured then)")
	pprofs   = flag.String("pprof", "", "the servers' --pprof-addr, comma-separated (in -metrics order): a garbage collection is forced before each measure, so that it counts what is kept")
	pidFlag  = flag.Int("pid", 0, "a server without --metrics-addr: its pid, for its RSS (from /proc)")
	gcFirst  = flag.Bool("gc", true, "with -spawn: force a garbage collection before each measure (through --pprof-addr: -bin built with -tags pprof)")
	spread   = flag.Bool("spread", false, "each visitor connects from its own loopback address (127.0.x.y); on with -spawn")
	cpuProf  = flag.String("cpuprofile", "", "write the tool's own CPU profile, while the keys are pressed, to this file")
)

// The keys pressed, in turn: each changes the screen (next tab, language,
// previous tab). The arrows change tab: Tab selects a link since the reader
// follows less and browsers.
var keyCycle = []string{"\x1b[C", "L", "\x1b[C", "\x1b[D", "L", "\x1b[C"}

func main() {
	flag.Parse()
	if os.Getenv("GOGC") == "" {
		// The tool shares the machine with what it measures: it collects
		// seldom (its heap is its 1,000 clients' buffers, a few hundred MB at
		// most), so that its garbage collector takes as little CPU as it can
		// from the servers. GOGC set in the environment wins.
		debug.SetGCPercent(400)
	}
	if *expect == "" {
		e, err := firstFrameText()
		if err != nil {
			fatal(err)
		}
		*expect = e
	}
	if *spawn > 0 {
		stop, err := spawnInstances(*spawn)
		if err != nil {
			fatal(err)
		}
		defer stop()
		*spread = true
	}
	servers := strings.FieldsFunc(*metrics, func(r rune) bool { return r == ',' })
	if len(servers) == 0 && *pidFlag != 0 {
		servers = []string{"pid:" + strconv.Itoa(*pidFlag)}
	}
	if *spawn == 0 && *pidFlag != 0 {
		cpuProcs = []cpuProc{{"the server", *pidFlag}}
	}
	fmt.Printf("kiosk load: %d sessions x %d keys against %s (%dx%d, user %s, %d instance(s) measured)\n",
		*n, *keys, *addr, *width, *height, *user, len(servers))
	fmt.Printf("first frame: waiting for %q\n", *expect)
	before := sampleAll(servers)

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
	time.Sleep(time.Second) // the pages the reader prefetches, rendered
	base := sampleAll(servers)

	// The load.
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		frames   []time.Duration // first frames under load
		lat      []time.Duration // keystroke to frame
		latFirst []time.Duration // of each visitor's first key only
		noFrame  int
		failures = map[string]int{}
		ready    sync.WaitGroup
		peak     atomic.Pointer[[]stats]
	)
	fail := func(what string, err error) {
		mu.Lock()
		failures[what+": "+short(err)]++
		mu.Unlock()
	}
	stopPeak := make(chan struct{})
	go func() { // the servers' peaks during the run
		// Cheap for the servers: RSS from /proc every 100 ms when their pids
		// are known (-spawn, -pid), their /metrics once a second, and never a
		// forced collection (that would cost them more than the keys).
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		var last []stats
		for tick := 0; ; tick++ {
			select {
			case <-stopPeak:
				return
			case <-t.C:
				if last == nil || tick%10 == 0 {
					last = sampleRaw(servers)
				}
				now := append([]stats(nil), last...)
				for i := range now {
					if i < len(cpuProcs) {
						now[i].RSS = max(now[i].RSS, rss(strconv.Itoa(cpuProcs[i].pid)))
					}
				}
				if p := peak.Load(); p != nil {
					for i := range now {
						now[i].RSS = max(now[i].RSS, (*p)[i].RSS)
						now[i].Goroutines = max(now[i].Goroutines, (*p)[i].Goroutines)
					}
				}
				peak.Store(&now)
			}
		}
	}()
	allIn := make(chan struct{})
	var during, afterKeys []stats
	var keysDone sync.WaitGroup
	release := make(chan struct{})
	ready.Add(*n)
	keysDone.Add(*n)
	var cpuKeys0, cpuKeys1 cpuSample
	var keysStart, keysEnd time.Time
	go func() {
		ready.Wait()
		time.Sleep(*hold) // idle after the first frames
		during = sampleAll(servers)
		cpuKeys0, keysStart = sampleCPU(), time.Now()
		stopProfile := startProfile(*cpuProf)
		close(allIn)
		keysDone.Wait()
		cpuKeys1, keysEnd = sampleCPU(), time.Now()
		stopProfile()
		time.Sleep(*hold)
		afterKeys = sampleAll(servers)
		close(release)
	}()
	start := time.Now()
	for i := 0; i < *n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			v := &visitor{src: source(i)}
			err := v.connect()
			ready.Done()
			if err != nil {
				fail("connect", err)
				keysDone.Done()
				return
			}
			defer v.close()
			mu.Lock()
			frames = append(frames, v.firstFrame)
			mu.Unlock()
			<-allIn        // every visitor is in: now the keys
			defer func() { // on every path, so that the others are not held up
				keysDone.Done()
				<-release
			}()
			if *stagger { // the crowd's keys spread, not all in the same millisecond
				time.Sleep(time.Duration(int64(*think) * int64(i) / int64(*n)))
			}
			rng := rand.New(rand.NewPCG(uint64(i), 1)) // the same pauses at every run
			for k := 0; k < *keys; k++ {
				time.Sleep(pause(rng))
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
				if k == 0 {
					latFirst = append(latFirst, d)
				}
				mu.Unlock()
			}
			keysDone.Done()
			<-release
			keysDone.Add(1) // the deferred Done is for the early returns
			if err := v.quit(); err != nil {
				fail("quit", err)
			}
		}(i)
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(stopPeak)
	end := sampleAll(servers)
	serverLat := keyToFrameP95(servers)
	time.Sleep(*settle)
	after := sampleAll(servers)

	nfail := 0
	for _, c := range failures {
		nfail += c
	}
	fmt.Printf("lone visitor, TCP dial to first frame (%d runs): %s\n", len(lone), dist(lone))
	fmt.Printf("first frame with %d arriving at once: %s\n", *n, dist(frames))
	fmt.Printf("keystroke to frame, at the client (%d keys, %d without a frame): %s\n", len(lat), noFrame, dist(lat))
	fmt.Printf("  of which each visitor's first key (%d): %s\n", len(latFirst), dist(latFirst))
	if serverLat != "" {
		fmt.Printf("keystroke to frame, in the servers (histogram): %s\n", serverLat)
	}
	fmt.Printf("CPU while the keys were pressed (%s): %s\n", keysEnd.Sub(keysStart).Round(time.Millisecond), cpuKeys1.since(cpuKeys0, keysEnd.Sub(keysStart)))
	fmt.Printf("failures: %d", nfail)
	for what, c := range failures {
		fmt.Printf("\n  %d x %s", c, what)
	}
	fmt.Printf("\nrun: %s\n", elapsed.Round(time.Millisecond))
	if len(servers) > 0 {
		p := peak.Load()
		var grown, grownKeys, gor int64
		for i, srv := range servers {
			fmt.Printf("instance %s\n", srv)
			fmt.Printf("  before:               %s\n", before[i])
			fmt.Printf("  after the lone ones:  %s\n", base[i])
			fmt.Printf("  all in:               %s\n", during[i])
			fmt.Printf("  after the keys:       %s\n", afterKeys[i])
			if p != nil {
				fmt.Printf("  peak:                 %s\n", (*p)[i])
			}
			fmt.Printf("  as they left:         %s\n", end[i])
			fmt.Printf("  %s later:            %s\n", *settle, after[i])
			grown += during[i].RSS - base[i].RSS
			grownKeys += afterKeys[i].RSS - base[i].RSS
			gor += int64(during[i].Goroutines - base[i].Goroutines)
		}
		fmt.Printf("per visitor, all in, %s after the first frames: %.0f KB of RSS, %.1f goroutines (%d visitors over %d instance(s))\n",
			*hold, float64(grown)/1024/float64(*n), float64(gor)/float64(*n), *n, len(servers))
		fmt.Printf("per visitor, all in, %s after their keys: %.0f KB of RSS\n", *hold, float64(grownKeys)/1024/float64(*n))
	}
	if nfail > 0 {
		os.Exit(1)
	}
}

// pause is the time a visitor waits after a frame before its next key.
func pause(rng *rand.Rand) time.Duration {
	j := min(max(*jitter, 0), 1)
	return time.Duration(float64(*think) * (1 - j + 2*j*rng.Float64()))
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
	lang, err := langs.Parse(*user) // as the kiosk reads the user name
	if err != nil {
		lang = langs.Default()
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
	src        net.IP // the address to connect from (nil: any)
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
	d := net.Dialer{Timeout: *timeout}
	if v.src != nil {
		d.LocalAddr = &net.TCPAddr{IP: v.src}
	}
	conn, err := d.Dial("tcp", *addr)
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

// source is visitor i's address with -spread: 127.0.x.y from 127.0.1.1 on
// (127.0.0.1 is the balancer's own), else nil.
func source(i int) net.IP {
	if !*spread {
		return nil
	}
	return net.IPv4(127, 0, byte(1+i/250), byte(1+i%250))
}

// rss reads VmRSS of a process, in bytes (0 if unknown).
func rss(pid string) int64 {
	f, err := os.Open("/proc/" + pid + "/status")
	if err != nil {
		return 0
	}
	defer f.Close() //nolint:errcheck
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			if fields := strings.Fields(rest); len(fields) > 0 {
				kb, _ := strconv.ParseInt(fields[0], 10, 64)
				return kb << 10
			}
		}
	}
	return 0
}

// stats is what is known of a server at one moment (from its /metrics).
type stats struct {
	RSS        int64
	Goroutines int
	Sessions   int
	HeapInuse  int64
	HeapAlloc  int64 // live and not yet collected
	StackInuse int64
}

func (s stats) String() string {
	if s.RSS == 0 {
		return "unknown"
	}
	if s.Goroutines == 0 {
		return fmt.Sprintf("RSS %.1f MiB", float64(s.RSS)/(1<<20))
	}
	return fmt.Sprintf("RSS %.1f MiB, goroutines %d, sessions %d, heap in use %.1f MiB (allocated %.1f), stacks %.1f MiB",
		float64(s.RSS)/(1<<20), s.Goroutines, s.Sessions, float64(s.HeapInuse)/(1<<20), float64(s.HeapAlloc)/(1<<20), float64(s.StackInuse)/(1<<20))
}

// scrape reads one server's metrics: each series' value by its name and labels.
func scrape(server string) map[string]float64 {
	out := map[string]float64{}
	c := http.Client{Timeout: 2 * time.Second}
	resp, err := c.Get("http://" + server + "/metrics")
	if err != nil {
		return out
	}
	defer resp.Body.Close() //nolint:errcheck
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		if i := strings.LastIndexByte(line, ' '); i > 0 {
			if v, err := strconv.ParseFloat(line[i+1:], 64); err == nil {
				out[line[:i]] = v
			}
		}
	}
	return out
}

// sampleAll is every server's stats, after a forced garbage collection when
// their -pprof addresses are known.
func sampleAll(servers []string) []stats {
	for _, p := range strings.FieldsFunc(*pprofs, func(r rune) bool { return r == ',' }) {
		c := http.Client{Timeout: 10 * time.Second}
		if resp, err := c.Get("http://" + p + "/debug/pprof/heap?gc=1"); err == nil {
			io.Copy(io.Discard, resp.Body) //nolint:errcheck
			resp.Body.Close()              //nolint:errcheck
		}
	}
	return sampleRaw(servers)
}

// sampleRaw is every server's stats as they are.
func sampleRaw(servers []string) []stats {
	out := make([]stats, len(servers))
	for i, srv := range servers {
		if pid, ok := strings.CutPrefix(srv, "pid:"); ok {
			out[i] = stats{RSS: rss(pid)}
			continue
		}
		m := scrape(srv)
		out[i] = stats{
			RSS:        int64(m["process_resident_memory_bytes"]),
			Goroutines: int(m["go_goroutines"]),
			Sessions:   int(m["cyberdiplo_sessions_active"]),
			HeapInuse:  int64(m["go_memstats_heap_inuse_bytes"]),
			HeapAlloc:  int64(m["go_memstats_heap_alloc_bytes"]),
			StackInuse: int64(m["go_memstats_stack_inuse_bytes"]),
		}
	}
	return out
}

// keyToFrameP95 is the servers' own keystroke-to-frame p95 (their histograms
// added), interpolated within its bucket.
func keyToFrameP95(servers []string) string {
	buckets := map[float64]float64{}
	var count float64
	for _, srv := range servers {
		for k, v := range scrape(srv) {
			if rest, ok := strings.CutPrefix(k, `cyberdiplo_keystroke_to_frame_seconds_bucket{le="`); ok {
				le, err := strconv.ParseFloat(strings.TrimSuffix(rest, `"}`), 64)
				if err != nil {
					le = math.Inf(1)
				}
				buckets[le] += v
			}
			if k == "cyberdiplo_keystroke_to_frame_seconds_count" {
				count += v
			}
		}
	}
	if count == 0 {
		return ""
	}
	les := make([]float64, 0, len(buckets))
	for le := range buckets {
		les = append(les, le)
	}
	sort.Float64s(les)
	target, prevLe, prevN := 0.95*count, 0.0, 0.0
	for _, le := range les {
		if buckets[le] >= target {
			p := le
			if !math.IsInf(le, 1) && buckets[le] > prevN {
				p = prevLe + (le-prevLe)*(target-prevN)/(buckets[le]-prevN)
			}
			return fmt.Sprintf("p95 %.1f ms (%d keys)", p*1000, int(count))
		}
		prevLe, prevN = le, buckets[le]
	}
	return ""
}

// spawnInstances starts k instances of -bin behind HAProxy, sets -addr to the
// balancer and -metrics to the instances, and returns what stops them all.
func spawnInstances(k int) (func(), error) {
	if *bin == "" {
		return nil, errors.New("-spawn needs -bin (go build -o /tmp/cyberdiplo ./cmd/cyberdiplo)")
	}
	dir, err := os.MkdirTemp("", "kiosk-load")
	if err != nil {
		return nil, err
	}
	var procs []*exec.Cmd
	defer func() { // the processes whose CPU is reported (cpu.go)
		for i, p := range procs {
			name := "haproxy"
			if i < k {
				name = fmt.Sprintf("instance %d", i)
			}
			cpuProcs = append(cpuProcs, cpuProc{name, p.Process.Pid})
		}
	}()
	stop := func() {
		for _, p := range procs {
			// SIGTERM, not SIGINT: a shell starts a background job with SIGINT
			// ignored, and HAProxy keeps it so (the tool then waited for ever).
			p.Process.Signal(syscall.SIGTERM) //nolint:errcheck
		}
		for _, p := range procs {
			p.Wait() //nolint:errcheck
		}
		os.RemoveAll(dir) //nolint:errcheck
	}
	var servers, metricsAddrs, pprofAddrs []string
	for i := range k {
		port, mport, pport := freePort(), freePort(), freePort()
		args := []string{"serve", "--listen", fmt.Sprintf("127.0.0.1:%d", port),
			"--host-key", filepath.Join(dir, "ssh_host_ed25519"),
			"--proxy-protocol", "--trusted-proxies", "127.0.0.1/32",
			"--metrics-addr", fmt.Sprintf("127.0.0.1:%d", mport),
			"--max-sessions", strconv.Itoa(*n), "--log-format", "json"}
		if *gcFirst { // the profiler is in builds made with -tags pprof only
			args = append(args, "--pprof-addr", fmt.Sprintf("127.0.0.1:%d", pport))
		}
		cmd := exec.Command(*bin, args...)
		logf, err := os.Create(filepath.Join(dir, fmt.Sprintf("kiosk%d.log", i)))
		if err != nil {
			stop()
			return nil, err
		}
		cmd.Stderr = logf
		if err := cmd.Start(); err != nil {
			stop()
			return nil, err
		}
		procs = append(procs, cmd)
		servers = append(servers, fmt.Sprintf("    server k%d 127.0.0.1:%d", i, port))
		metricsAddrs = append(metricsAddrs, fmt.Sprintf("127.0.0.1:%d", mport))
		pprofAddrs = append(pprofAddrs, fmt.Sprintf("127.0.0.1:%d", pport))
	}
	lb := freePort()
	cfg := fmt.Sprintf(`global
    maxconn 8000
defaults
    mode tcp
    timeout connect 5s
    timeout client 1h
    timeout server 1h
    retries 3
    option redispatch
frontend kiosk
    bind 127.0.0.1:%d
    default_backend kiosks
backend kiosks
    balance leastconn
    option tcp-check
    tcp-check expect rstring ^SSH-2\.0-
    default-server send-proxy-v2 check check-send-proxy inter 1s fall 2 rise 1 maxconn %d
%s
`, lb, *n+16, strings.Join(servers, "\n"))
	if err := os.WriteFile(filepath.Join(dir, "haproxy.cfg"), []byte(cfg), 0o600); err != nil {
		stop()
		return nil, err
	}
	hpBin, err := exec.LookPath(*haproxy)
	if err != nil && *haproxy == "haproxy" {
		hpBin, err = exec.LookPath("/usr/sbin/haproxy") // Debian's, off a user's PATH
	}
	if err != nil {
		stop()
		return nil, fmt.Errorf("-spawn needs HAProxy (apt-get install haproxy, or scripts/deploy-check --install): %w", err)
	}
	hp := exec.Command(hpBin, "-db", "-f", filepath.Join(dir, "haproxy.cfg"))
	if err := hp.Start(); err != nil {
		stop()
		return nil, fmt.Errorf("haproxy: %w", err)
	}
	procs = append(procs, hp)
	*addr = fmt.Sprintf("127.0.0.1:%d", lb)
	*metrics = strings.Join(metricsAddrs, ",")
	if *gcFirst {
		*pprofs = strings.Join(pprofAddrs, ",")
	}
	// Ready: every instance answers its metrics, and a visitor gets through.
	deadline := time.Now().Add(*timeout)
	for _, m := range metricsAddrs {
		for len(scrape(m)) == 0 {
			if time.Now().After(deadline) {
				stop()
				return nil, errors.New("the instances did not start; logs in " + dir)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	time.Sleep(1500 * time.Millisecond) // HAProxy's first health checks
	fmt.Printf("spawned %d instances of %s behind HAProxy on %s\n", k, *bin, *addr)
	return stop, nil
}

func freePort() int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fatal(err)
	}
	defer l.Close() //nolint:errcheck
	return l.Addr().(*net.TCPAddr).Port
}
