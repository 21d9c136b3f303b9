//go:build !pprof

package cli

import "net"

// Release builds leave Go's profiler out (net/http/pprof, runtime/pprof, net/http
// and their package init): serve --pprof-addr says so and exits 2.
// `go build -tags pprof` builds it in (pprof.go).

const pprofHelp = "serve Go's profiler at http://`ADDR`/debug/pprof/, loopback only; not built in: build with -tags pprof"

// pprofBuilt is false: there is no profiler in this build.
const pprofBuilt = false

// servePprof is never called in this build (serve refuses --pprof-addr first).
func servePprof(net.Listener) error { return nil }
