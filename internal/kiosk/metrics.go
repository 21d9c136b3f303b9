package kiosk

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the kiosk's Prometheus metrics, in a registry of its own (each
// Server has one: no global state), with the Go runtime's and the process's.
type metrics struct {
	reg          *prometheus.Registry
	sessions     *prometheus.CounterVec // by kind
	refused      *prometheus.CounterVec // by reason
	keyToFrame   prometheus.Histogram
	bytesWritten prometheus.Counter
}

// Session kinds, as counted.
const (
	kindTUI     = "tui"     // the reader
	kindCommand = "command" // list, show, search
	kindNote    = "note"    // no terminal, no command
	kindLines   = "lines"   // the line mode for screen readers
)

func newMetrics(s *Server) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		sessions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "cyberdiplo_sessions_total",
			Help: "Sessions started, by kind: tui (the reader), command, note (no terminal), lines (line mode).",
		}, []string{"kind"}),
		refused: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "cyberdiplo_connections_refused_total",
			Help: "Connections and sessions refused or cut, by reason: rate, address (too many from one), full, proxy, busy (max sessions), auth, closing, channels (too many sessions on one connection), output (a command's output truncated), stalled (a visitor stopped reading), unstarted (no session started in time, or too much input before), startups (random early drop), address_sessions (sessions per address), commands (commands a second per address), rekeys (key exchanges per connection).",
		}, []string{"reason"}),
		keyToFrame: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "cyberdiplo_keystroke_to_frame_seconds",
			Help:    "From a key's arrival to the end of the write of the frame it changed.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1},
		}),
		bytesWritten: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "cyberdiplo_bytes_written_total",
			Help: "Bytes written to visitors' sessions.",
		}),
	}
	for _, k := range []string{kindTUI, kindCommand, kindNote, kindLines} {
		m.sessions.WithLabelValues(k)
	}
	for _, r := range refusedReasons {
		m.refused.WithLabelValues(r)
	}
	m.reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.sessions, m.refused, m.keyToFrame, m.bytesWritten,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "cyberdiplo_sessions_active",
			Help: "Sessions open now.",
		}, func() float64 { return float64(s.Stats().Sessions) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "cyberdiplo_connections_open",
			Help: "Connections open now.",
		}, func() float64 { return float64(s.conns.Load()) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "cyberdiplo_render_cache_hits_total",
			Help: "Pages served from the shared render cache.",
		}, func() float64 { h, _ := s.cacheCounts(); return float64(h) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "cyberdiplo_render_cache_misses_total",
			Help: "Pages rendered (not in the shared render cache).",
		}, func() float64 { _, m := s.cacheCounts(); return float64(m) }),
	)
	return m
}

// MetricsHandler serves the kiosk's metrics in the Prometheus text format.
func (s *Server) MetricsHandler() http.Handler {
	return promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{})
}
