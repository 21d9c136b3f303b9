package kiosk

import (
	"bufio"
	"bytes"
	"io"
	"strings"

	vm "github.com/cyberdiplo/cyberdiplo/third_party/metrics"
)

// metrics are the kiosk's metrics, in a set of its own (each Server has one: no
// global state), written in the Prometheus text format with the Go runtime's and
// the process's (go_*, process_*). VictoriaMetrics/metrics (third_party/metrics) writes the text format
// without Prometheus's client library and its protobuf encoding (1.7 MiB of binary).
type metrics struct {
	set          *vm.Set
	sessions     map[string]*vm.Counter // by kind
	refusedBy    map[string]*vm.Counter // by reason
	keyToFrame   *vm.PrometheusHistogram
	bytesWritten *vm.Counter
}

// Session kinds, as counted.
const (
	kindTUI     = "tui"     // the reader
	kindCommand = "command" // list, show, search
	kindNote    = "note"    // no terminal, no command
	kindLines   = "lines"   // the line mode for screen readers
)

var sessionKinds = []string{kindTUI, kindCommand, kindNote, kindLines}

// family is what the # HELP and # TYPE lines say of a metric.
type family struct{ name, typ, help string }

// families are the kiosk's own metrics, as /metrics describes them.
var families = []family{
	{"cyberdiplo_sessions_total", "counter",
		"Sessions started, by kind: tui (the reader), command, note (no terminal), lines (line mode)."},
	{"cyberdiplo_connections_refused_total", "counter",
		"Connections and sessions refused or cut, by reason: rate, address (too many from one), full, proxy, busy (max sessions), auth, closing, channels (too many sessions on one connection), output (a command's output truncated), stalled (a visitor stopped reading), unstarted (no session started in time, or too much input before), startups (random early drop), address_sessions (sessions per address), commands (commands a second per address), rekeys (key exchanges per connection)."},
	{"cyberdiplo_keystroke_to_frame_seconds", "histogram",
		"From a key's arrival to the end of the write of the frame it changed."},
	{"cyberdiplo_bytes_written_total", "counter", "Bytes written to visitors' sessions."},
	{"cyberdiplo_sessions_active", "gauge", "Sessions open now."},
	{"cyberdiplo_connections_open", "gauge", "Connections open now."},
	{"cyberdiplo_render_cache_hits_total", "counter", "Pages served from the shared render cache."},
	{"cyberdiplo_render_cache_misses_total", "counter", "Pages rendered (not in the shared render cache)."},
}

func newMetrics(s *Server) *metrics {
	set := vm.NewSet()
	m := &metrics{
		set:       set,
		sessions:  map[string]*vm.Counter{},
		refusedBy: map[string]*vm.Counter{},
		keyToFrame: set.NewPrometheusHistogramExt("cyberdiplo_keystroke_to_frame_seconds",
			[]float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1}),
		bytesWritten: set.NewCounter("cyberdiplo_bytes_written_total"),
	}
	for _, k := range sessionKinds {
		m.sessions[k] = set.NewCounter(`cyberdiplo_sessions_total{kind="` + k + `"}`)
	}
	for _, r := range refusedReasons {
		m.refusedBy[r] = set.NewCounter(`cyberdiplo_connections_refused_total{reason="` + r + `"}`)
	}
	set.NewGauge("cyberdiplo_sessions_active", func() float64 { return float64(s.Stats().Sessions) })
	set.NewGauge("cyberdiplo_connections_open", func() float64 { return float64(s.conns.Load()) })
	set.NewGauge("cyberdiplo_render_cache_hits_total", func() float64 { h, _ := s.cacheCounts(); return float64(h) })
	set.NewGauge("cyberdiplo_render_cache_misses_total", func() float64 { _, m := s.cacheCounts(); return float64(m) })
	return m
}

// session counts a session of kind (one of sessionKinds).
func (m *metrics) session(kind string) {
	m.counter(m.sessions, "cyberdiplo_sessions_total", "kind", kind).Inc()
}

// refused counts a refusal for reason (one of refusedReasons).
func (m *metrics) refused(reason string) {
	m.counter(m.refusedBy, "cyberdiplo_connections_refused_total", "reason", reason).Inc()
}

// counter is the series of name{label="value"}: made at start for every known
// value, and on first use for one added to the code but not to its list.
func (m *metrics) counter(known map[string]*vm.Counter, name, label, value string) *vm.Counter {
	if c := known[value]; c != nil {
		return c
	}
	return m.set.GetOrCreateCounter(name + "{" + label + `="` + value + `"}`)
}

// WriteMetrics writes the kiosk's metrics in the Prometheus text format: its
// own, then the Go runtime's and the process's. ServeMetrics serves them.
func (s *Server) WriteMetrics(w io.Writer) {
	var own bytes.Buffer
	s.metrics.set.WritePrometheus(&own)
	bw := bufio.NewWriter(w)
	writeWithHelp(bw, own.Bytes())
	vm.WriteGoMetrics(bw)
	vm.WriteProcMetrics(bw)
	vm.WriteFDMetrics(bw)
	bw.Flush() //nolint:errcheck // the scraper went away
}

// writeWithHelp writes the set's lines (sorted by family, as WritePrometheus
// writes them) with each family's # HELP and # TYPE lines before its first.
func writeWithHelp(w *bufio.Writer, text []byte) {
	prev := ""
	for line := range strings.Lines(string(text)) {
		name, _, _ := strings.Cut(line, " ")
		name, _, _ = strings.Cut(name, "{")
		f, ok := familyOf(name)
		if ok && f.name != prev {
			w.WriteString("# HELP " + f.name + " " + f.help + "\n# TYPE " + f.name + " " + f.typ + "\n") //nolint:errcheck
			prev = f.name
		}
		w.WriteString(line) //nolint:errcheck
	}
}

// familyOf is the family a series belongs to: its name, or a histogram's.
func familyOf(series string) (family, bool) {
	for _, f := range families {
		if series == f.name {
			return f, true
		}
		if f.typ == "histogram" && strings.HasPrefix(series, f.name+"_") {
			switch series[len(f.name):] {
			case "_bucket", "_sum", "_count":
				return f, true
			}
		}
	}
	return family{}, false
}
