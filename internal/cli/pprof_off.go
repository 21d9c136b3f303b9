//go:build !pprof

package cli

import "net/http"

// Release builds leave Go's profiler out (net/http/pprof, runtime/pprof and their
// package init: 0.34 MiB of binary): serve --pprof-addr says so and exits 2.
// `go build -tags pprof` builds it in (pprof.go).

const pprofHelp = "serve Go's profiler at http://`ADDR`/debug/pprof/, loopback only; not built in: build with -tags pprof"

// pprofHandler is nil: there is no profiler in this build.
func pprofHandler() http.Handler { return nil }
