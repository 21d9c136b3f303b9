package kiosk_test

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/cyberdiplo/cyberdiplo/internal/kiosk"
)

// scrape reads the kiosk's metrics: the value of each series by its name and
// labels as written ("name" or `name{kind="tui"}`).
func scrape(t *testing.T, h *harness) map[string]float64 {
	t.Helper()
	var body strings.Builder
	h.srv.WriteMetrics(&body)
	out := map[string]float64{}
	for _, line := range strings.Split(body.String(), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			t.Fatalf("metrics line %q: %v", line, err)
		}
		out[line[:i]] = v
	}
	return out
}

// TestMetrics: the metrics are there and move with what visitors do.
func TestMetrics(t *testing.T) {
	h := start(t, func(c *kiosk.Config) { c.MaxConnsPerAddr = 6 })
	m := scrape(t, h)
	for _, name := range []string{
		"cyberdiplo_sessions_active", `cyberdiplo_sessions_total{kind="tui"}`, `cyberdiplo_sessions_total{kind="command"}`,
		`cyberdiplo_sessions_total{kind="note"}`, `cyberdiplo_connections_refused_total{reason="busy"}`,
		`cyberdiplo_connections_refused_total{reason="rate"}`, `cyberdiplo_connections_refused_total{reason="auth"}`,
		`cyberdiplo_connections_refused_total{reason="proxy"}`, "cyberdiplo_keystroke_to_frame_seconds_count",
		"cyberdiplo_render_cache_hits_total", "cyberdiplo_render_cache_misses_total", "cyberdiplo_bytes_written_total",
		"go_goroutines", "process_resident_memory_bytes",
	} {
		if _, ok := m[name]; !ok {
			t.Errorf("no %s in the metrics", name)
		}
	}

	a := openPTY(t, h.dial(t, "visitor"), 100, 30, nil)
	a.waitFor(t, 0, tab(t, "en"))
	a.answers(t, "L", tab(t, "it"))
	b := openPTY(t, h.dial(t, "visitor"), 100, 30, nil) // the same page at the same width: from the cache
	b.waitFor(t, 0, tab(t, "en"))
	run(t, h.dial(t, "visitor"), "list")
	run(t, h.dial(t, "visitor"), "")
	if c, err := h.dialVia(2, "203.0.113.9:4000"); err == nil { // a PROXY header, not wanted
		c.Close() //nolint:errcheck
	}
	eventually(t, "the refused header counted", func() bool {
		return scrape(t, h)[`cyberdiplo_connections_refused_total{reason="proxy"}`] == 1
	})
	m = scrape(t, h)
	for name, want := range map[string]float64{
		"cyberdiplo_sessions_active":                2,
		`cyberdiplo_sessions_total{kind="tui"}`:     2,
		`cyberdiplo_sessions_total{kind="command"}`: 1,
		`cyberdiplo_sessions_total{kind="note"}`:    1,
	} {
		if m[name] != want {
			t.Errorf("%s = %v, want %v", name, m[name], want)
		}
	}
	for _, name := range []string{"cyberdiplo_keystroke_to_frame_seconds_count", "cyberdiplo_render_cache_hits_total",
		"cyberdiplo_render_cache_misses_total", "cyberdiplo_bytes_written_total", "cyberdiplo_connections_open"} {
		if m[name] < 1 {
			t.Errorf("%s = %v, want it to have moved", name, m[name])
		}
	}
	// The per-address limit: 6 connections (a, b, the command's, the note's, and
	// two more).
	var held []io.Closer
	for range 2 {
		held = append(held, h.dial(t, "visitor"))
	}
	if c, err := h.tryDial("visitor"); err == nil {
		c.Close() //nolint:errcheck
	}
	eventually(t, "the refusal counted", func() bool {
		return scrape(t, h)[`cyberdiplo_connections_refused_total{reason="address"}`] == 1
	})
	for _, c := range held {
		c.Close() //nolint:errcheck
	}
	for _, tm := range []*term{a, b} {
		tm.send(t, "\x03")
		tm.exit(t)
	}
	eventually(t, "no session active", func() bool { return scrape(t, h)["cyberdiplo_sessions_active"] == 0 })
}

// Each kiosk has its own registry: two in one process do not share counters.
func TestMetricsPerServer(t *testing.T) {
	a, b := start(t, nil), start(t, nil)
	run(t, a.dial(t, "visitor"), "list")
	eventually(t, "the command counted", func() bool {
		return scrape(t, a)[`cyberdiplo_sessions_total{kind="command"}`] == 1
	})
	if n := scrape(t, b)[`cyberdiplo_sessions_total{kind="command"}`]; n != 0 {
		t.Errorf("the other kiosk counted %v commands", n)
	}
}

// TestMetricsFormat: what a Prometheus scraper reads: the content type, each of the
// kiosk's metrics with its # HELP and # TYPE, the histogram's buckets, and the Go
// runtime's and the process's metrics.
func TestMetricsFormat(t *testing.T) {
	h := start(t, nil)
	resp, err := http.Get("http://" + serveMetrics(t, h) + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close() //nolint:errcheck
	if resp.StatusCode != 200 {
		t.Errorf("GET /metrics: %s", resp.Status)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("Content-Type %q, want the Prometheus text format", ct)
	}
	body := string(raw)
	for name, typ := range map[string]string{
		"cyberdiplo_sessions_total": "counter", "cyberdiplo_connections_refused_total": "counter",
		"cyberdiplo_keystroke_to_frame_seconds": "histogram", "cyberdiplo_bytes_written_total": "counter",
		"cyberdiplo_sessions_active": "gauge", "cyberdiplo_connections_open": "gauge",
		"cyberdiplo_render_cache_hits_total": "counter", "cyberdiplo_render_cache_misses_total": "counter",
	} {
		help := strings.Index(body, "# HELP "+name+" ")
		tp := strings.Index(body, "# TYPE "+name+" "+typ+"\n")
		first := strings.Index(body, "\n"+name)
		if help < 0 || tp < 0 || !(help < tp && tp < first) {
			t.Errorf("%s: want # HELP, then # TYPE %s, before its first line", name, typ)
		}
		if strings.Count(body, "# TYPE "+name+" ") != 1 {
			t.Errorf("%s: want one # TYPE line", name)
		}
	}
	m := scrape(t, h)
	for _, le := range []string{"0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "+Inf"} {
		if _, ok := m[`cyberdiplo_keystroke_to_frame_seconds_bucket{le="`+le+`"}`]; !ok {
			t.Errorf("no histogram bucket le=%q", le)
		}
	}
	for _, name := range []string{"go_goroutines", "go_memstats_heap_inuse_bytes", "go_memstats_stack_inuse_bytes",
		"process_resident_memory_bytes", "process_open_fds", "process_cpu_seconds_total"} {
		if m[name] <= 0 {
			t.Errorf("%s = %v, want it measured", name, m[name])
		}
	}
}
