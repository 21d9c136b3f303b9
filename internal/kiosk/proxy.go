package kiosk

import (
	"bytes"
	"errors"
	"net"
	"net/netip"
	"sync"
	"time"

	"github.com/pires/go-proxyproto"
)

// The PROXY protocol (v1 and v2, github.com/pires/go-proxyproto). Behind a load
// balancer (HAProxy's send-proxy-v2), each connection starts with a header that
// names the visitor's address: with Config.ProxyProtocol, the kiosk takes it
// from the addresses in Config.TrustedProxies, and from those only. Every limit
// (rate, connections per address) and every log line then use the visitor's
// address.
//
//   - From a trusted proxy the header is required: a connection without one is
//     refused (the balancer is misconfigured, and everyone would look alike).
//   - From anywhere else, and from everyone without ProxyProtocol, a header is
//     refused: anyone could otherwise claim any address. These connections are
//     not delayed: the first bytes the SSH server reads from them are checked as
//     they come (an SSH client may wait for the server's banner before it says
//     anything).

// proxyHeaderTimeout is how long a trusted proxy has to send the header.
const proxyHeaderTimeout = 5 * time.Second

// errProxyHeader refuses a PROXY header that is not wanted.
var errProxyHeader = errors.New("PROXY protocol header refused: not from a trusted proxy (--proxy-protocol, --trusted-proxies)")

// The first bytes of a PROXY header: v1 is text, v2 a binary signature.
var (
	proxyV1 = []byte("PROXY ")
	proxyV2 = []byte("\r\n\r\n\x00\r\nQUIT\n")
)

// ParseTrustedProxies reads a comma-separated list of CIDR prefixes (or single
// addresses) of the proxies whose PROXY headers are believed.
func ParseTrustedProxies(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range bytes.Split([]byte(list), []byte(",")) {
		s := string(bytes.TrimSpace(f))
		if s == "" {
			continue
		}
		if p, err := netip.ParsePrefix(s); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(s)
		if err != nil {
			return nil, errors.New(s + ": not an address or a CIDR prefix (such as 10.0.0.0/8)")
		}
		out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return out, nil
}

// trusted says whether a connection comes from a trusted proxy.
func (s *Server) trusted(a net.Addr) bool {
	if !s.cfg.ProxyProtocol {
		return false
	}
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return false
	}
	ip, ok := netip.AddrFromSlice(tcp.IP)
	if !ok {
		return false
	}
	ip = ip.Unmap()
	for _, p := range s.cfg.TrustedProxies {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// proxyListener wraps the listener: connections from trusted proxies get their
// header read (required), the others are watched for an unwanted one.
type proxyListener struct {
	net.Listener
	s *Server
}

func (l *proxyListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	if l.s.trusted(c.RemoteAddr()) {
		// The header is read on first use (the address, in accept), with a
		// deadline; without one the connection is refused.
		return proxyproto.NewConn(c, proxyproto.WithPolicy(proxyproto.REQUIRE),
			proxyproto.SetReadHeaderTimeout(proxyHeaderTimeout)), nil
	}
	return &noHeaderConn{Conn: c}, nil
}

// noHeaderConn refuses a connection whose first bytes are a PROXY header: the
// Read that completes the header's signature fails. It looks only at the bytes
// the server reads anyway, so it delays nothing.
type noHeaderConn struct {
	net.Conn
	mu      sync.Mutex
	checked bool
	seen    []byte // the first bytes, until they tell
	err     error
}

// maybe says whether seen and sig agree as far as both go.
func maybe(seen, sig []byte) bool {
	n := min(len(seen), len(sig))
	return bytes.Equal(seen[:n], sig[:n])
}

func (c *noHeaderConn) Read(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.Conn.Read(p)
	if c.checked || n == 0 {
		return n, err
	}
	c.seen = append(c.seen, p[:min(n, len(proxyV2))]...)
	v1, v2 := maybe(c.seen, proxyV1), maybe(c.seen, proxyV2)
	switch {
	case v1 && len(c.seen) >= len(proxyV1), v2 && len(c.seen) >= len(proxyV2):
		c.checked, c.seen, c.err = true, nil, errProxyHeader
		return 0, c.err
	case !v1 && !v2:
		c.checked, c.seen = true, nil
	}
	return n, err
}
