//go:build pprof

package cli

import (
	"net/http"
	"net/http/pprof"
)

// This build has Go's profiler (go build -tags pprof): serve --pprof-addr serves it.

const pprofHelp = "serve Go's profiler (net/http/pprof) at http://`ADDR`/debug/pprof/, loopback only (default: off)"

// pprofHandler is the profiler's pages, under /debug/pprof/.
func pprofHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return mux
}
