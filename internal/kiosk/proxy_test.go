package kiosk_test

import (
	"fmt"
	"net"
	"net/netip"
	"strings"
	"testing"
	"time"

	gossh "github.com/cyberdiplo/cyberdiplo/third_party/xcrypto/ssh"
	"github.com/pires/go-proxyproto"

	"github.com/cyberdiplo/cyberdiplo/internal/kiosk"
)

// dialVia connects to the kiosk as a balancer would: a PROXY header (version 1
// or 2, or none if version is 0) naming the visitor, then SSH.
func (h *harness) dialVia(version byte, visitor string) (*gossh.Client, error) {
	conn, err := net.DialTimeout("tcp", h.addr, wait)
	if err != nil {
		return nil, err
	}
	if version > 0 {
		src := net.TCPAddrFromAddrPort(netip.MustParseAddrPort(visitor))
		dst := conn.RemoteAddr().(*net.TCPAddr)
		proto := proxyproto.TCPv4
		if src.IP.To4() == nil {
			proto, dst = proxyproto.TCPv6, &net.TCPAddr{IP: net.IPv6loopback, Port: dst.Port}
		}
		hdr := &proxyproto.Header{Version: version, Command: proxyproto.PROXY, TransportProtocol: proto, SourceAddr: src, DestinationAddr: dst}
		if _, err := hdr.WriteTo(conn); err != nil {
			conn.Close() //nolint:errcheck
			return nil, err
		}
	}
	conn.SetDeadline(time.Now().Add(wait)) //nolint:errcheck
	c, chans, reqs, err := gossh.NewClientConn(conn, h.addr, &gossh.ClientConfig{
		User: "visitor", HostKeyCallback: gossh.InsecureIgnoreHostKey(), //nolint:gosec // a test server
	})
	if err != nil {
		conn.Close() //nolint:errcheck
		return nil, err
	}
	conn.SetDeadline(time.Time{}) //nolint:errcheck
	return gossh.NewClient(c, chans, reqs), nil
}

func proxied(trusted string) func(*kiosk.Config) {
	return func(c *kiosk.Config) {
		c.ProxyProtocol = true
		c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix(trusted)}
	}
}

// TestProxyProtocolFromTrusted: v1 and v2 headers from a trusted proxy; the log
// and the session see the visitor's address.
func TestProxyProtocolFromTrusted(t *testing.T) {
	h := start(t, proxied("127.0.0.0/8"))
	for _, tc := range []struct {
		version byte
		visitor string
	}{{1, "203.0.113.7:40001"}, {2, "198.51.100.9:40002"}, {2, "[2001:db8::5]:40003"}} {
		c, err := h.dialVia(tc.version, tc.visitor)
		if err != nil {
			t.Fatalf("v%d from %s: %v", tc.version, tc.visitor, err)
		}
		if out, _, code := run(t, c, "list"); code != 0 || !strings.Contains(out, "overview") {
			t.Errorf("v%d: list: status %d", tc.version, code)
		}
		c.Close() //nolint:errcheck
		want := "remote=" + tc.visitor
		eventually(t, want+" in the log", func() bool { return strings.Contains(h.logs.String(), want) })
	}
	// From a trusted proxy the header is required.
	if c, err := h.dialVia(0, ""); err == nil {
		c.Close() //nolint:errcheck
		t.Error("a connection from the balancer without a header was accepted")
	}
	eventually(t, "the refusal in the log", func() bool { return strings.Contains(h.logs.String(), "reason=proxy") })
}

// TestProxyProtocolRefused: a header from an address outside the trusted list is
// refused, and so is any header when the kiosk does not take them; a direct
// visitor without a header gets in either way.
func TestProxyProtocolRefused(t *testing.T) {
	for name, mod := range map[string]func(*kiosk.Config){
		"untrusted":   proxied("10.0.0.0/8"),
		"not enabled": nil,
	} {
		t.Run(name, func(t *testing.T) {
			h := start(t, mod)
			for _, v := range []byte{1, 2} {
				if c, err := h.dialVia(v, "203.0.113.7:40001"); err == nil {
					c.Close() //nolint:errcheck
					t.Errorf("a v%d header was accepted", v)
				}
			}
			eventually(t, "the refusal in the log", func() bool {
				return strings.Contains(h.logs.String(), "PROXY protocol header refused")
			})
			if strings.Contains(h.logs.String(), "203.0.113.7") {
				t.Error("the claimed address reached the log")
			}
			c, err := h.dialVia(0, "")
			if err != nil {
				t.Fatalf("a direct visitor: %v", err)
			}
			if _, _, code := run(t, c, "list"); code != 0 {
				t.Errorf("a direct visitor: status %d", code)
			}
			c.Close() //nolint:errcheck
		})
	}
}

// TestProxyProtocolLimitsPerVisitor: behind a balancer, the rate limit and the
// connections per address count each visitor, not the balancer.
func TestProxyProtocolLimitsPerVisitor(t *testing.T) {
	h := start(t, func(c *kiosk.Config) {
		proxied("127.0.0.0/8")(c)
		c.Rate, c.Burst = 0.01, 3
	})
	for i := range 3 {
		c, err := h.dialVia(2, fmt.Sprintf("203.0.113.1:%d", 41000+i))
		if err != nil {
			t.Fatalf("connection %d of the first visitor: %v", i, err)
		}
		c.Close() //nolint:errcheck
	}
	if c, err := h.dialVia(2, "203.0.113.1:41010"); err == nil {
		c.Close() //nolint:errcheck
		t.Fatal("the first visitor's burst is spent, yet a connection was accepted")
	}
	// Another visitor through the same balancer is not locked out.
	c, err := h.dialVia(1, "203.0.113.2:42000")
	if err != nil {
		t.Fatalf("a second visitor through the same balancer: %v", err)
	}
	c.Close() //nolint:errcheck
	eventually(t, "the refusal names the visitor", func() bool {
		return strings.Contains(h.logs.String(), "remote=203.0.113.1:41010") && strings.Contains(h.logs.String(), "reason=rate")
	})

	// Connections held per address: the visitor's, not the balancer's.
	h = start(t, func(c *kiosk.Config) {
		proxied("127.0.0.0/8")(c)
		c.MaxConnsPerAddr = 2
	})
	var held []*gossh.Client
	for i := range 2 {
		c, err := h.dialVia(2, fmt.Sprintf("203.0.113.1:%d", 43000+i))
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
	}
	if c, err := h.dialVia(2, "203.0.113.1:43010"); err == nil {
		c.Close() //nolint:errcheck
		t.Error("a third connection held by one visitor was accepted")
	}
	if c, err := h.dialVia(2, "203.0.113.2:43020"); err != nil {
		t.Errorf("another visitor: %v", err)
	} else {
		c.Close() //nolint:errcheck
	}
	for _, c := range held {
		c.Close() //nolint:errcheck
	}
}

func TestTrustedProxiesParse(t *testing.T) {
	got, err := kiosk.ParseTrustedProxies("10.0.0.0/8, 192.168.1.7,2001:db8::/32,::ffff:127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != "[10.0.0.0/8 192.168.1.7/32 2001:db8::/32 127.0.0.1/32]" {
		t.Errorf("got %v", got)
	}
	for _, bad := range []string{"10.0.0.0/33", "example.org", "10.0.0"} {
		if _, err := kiosk.ParseTrustedProxies(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	if _, err := kiosk.New(kiosk.Config{ProxyProtocol: true, Library: testLib(t), HostKeyPath: t.TempDir() + "/k"}); err == nil {
		t.Error("ProxyProtocol without trusted proxies: no error")
	}
}
