//go:build pprof

package cli

import (
	"net"
	"net/http"
	"net/http/pprof"
	"time"
)

// This build has Go's profiler (go build -tags pprof): serve --pprof-addr serves it.

const pprofHelp = "serve Go's profiler (net/http/pprof) at http://`ADDR`/debug/pprof/, loopback only (default: off)"

// pprofBuilt is true: this build has the profiler.
const pprofBuilt = true

// servePprof serves the profiler's pages, under /debug/pprof/, on ln until ln is closed.
func servePprof(ln net.Listener) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	hs := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	return hs.Serve(ln)
}
