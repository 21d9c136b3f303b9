package kiosk

import (
	"net"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// maxLimiters bounds the per-address limiters kept; beyond it, new addresses
// share one limiter until the idle ones are swept.
const maxLimiters = 1 << 16

// ipLimiter rate-limits new connections per client address (IPv4 address, or
// IPv6 /64 network, since one host usually has a whole /64).
type ipLimiter struct {
	rate  rate.Limit
	burst int

	mu        sync.Mutex
	m         map[string]*rate.Limiter
	overflow  *rate.Limiter
	lastSweep time.Time
}

// newIPLimiter returns nil (no limit) when r <= 0.
func newIPLimiter(r float64, burst int) *ipLimiter {
	if r <= 0 {
		return nil
	}
	if burst < 1 {
		burst = 1
	}
	return &ipLimiter{
		rate: rate.Limit(r), burst: burst, m: map[string]*rate.Limiter{},
		overflow: rate.NewLimiter(rate.Limit(r), burst),
	}
}

// allow reports whether a new connection from key may proceed.
func (l *ipLimiter) allow(key string, now time.Time) bool {
	if l == nil {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.lastSweep) > time.Minute || len(l.m) >= maxLimiters {
		l.sweep(now)
	}
	lim := l.m[key]
	if lim == nil {
		if len(l.m) >= maxLimiters {
			return l.overflow.AllowN(now, 1)
		}
		lim = rate.NewLimiter(l.rate, l.burst)
		l.m[key] = lim
	}
	return lim.AllowN(now, 1)
}

// sweep forgets the limiters that have refilled: they hold no information.
func (l *ipLimiter) sweep(now time.Time) {
	l.lastSweep = now
	for k, lim := range l.m {
		if lim.TokensAt(now) >= float64(l.burst) {
			delete(l.m, k)
		}
	}
}

// size is the number of limiters kept (for tests).
func (l *ipLimiter) size() int {
	if l == nil {
		return 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.m)
}

// addrConns counts the open connections of each client address (by addrKey).
// It holds only addresses with a connection open, so it is bounded by the
// connections themselves.
type addrConns struct {
	max int // 0: no limit
	mu  sync.Mutex
	m   map[string]int
}

// add counts a connection from key in, unless key has max open already.
func (a *addrConns) add(key string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.max > 0 && a.m[key] >= a.max {
		return false
	}
	a.m[key]++
	return true
}

func (a *addrConns) remove(key string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.m[key] <= 1 {
		delete(a.m, key)
		return
	}
	a.m[key]--
}

// addrKey is the rate-limit key of a remote address.
func addrKey(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		host, _, err := net.SplitHostPort(a.String())
		if err != nil {
			return a.String()
		}
		return host
	}
	if v4 := tcp.IP.To4(); v4 != nil {
		return v4.String()
	}
	return tcp.IP.Mask(net.CIDRMask(64, 128)).String() + "/64"
}

// trackedConn is an accepted connection: it counts the open connections, and
// closes itself when it has had no session for handshakeTimeout (a client that
// connects and does nothing, or stays after its sessions have ended).
type trackedConn struct {
	net.Conn
	srv   *Server
	key   string // the client's address (addrKey)
	check bool   // a balancer's health check

	mu       sync.Mutex
	sessions int
	waiting  bool          // a session channel waits for one to close
	freed    chan struct{} // a session channel closed
	timer    *time.Timer
	closed   bool
	opened   time.Time
}

func newTrackedConn(c net.Conn, s *Server, key string, check bool) *trackedConn {
	tc := &trackedConn{Conn: c, srv: s, key: key, check: check, freed: make(chan struct{}, 1), opened: time.Now()}
	tc.timer = time.AfterFunc(handshakeTimeout, tc.lonely)
	s.open.add(tc)
	return tc
}

// openConns are the accepted connections, so that a full kiosk can make room for
// a newcomer by closing the oldest connection that holds no session: idle TCP
// connections (a handshake never finished, or never started) from a handful of
// addresses would otherwise fill the kiosk and lock every visitor out until they
// time out, as OpenSSH's MaxStartups guards against.
type openConns struct {
	mu sync.Mutex
	m  map[*trackedConn]struct{}
}

func (o *openConns) add(c *trackedConn) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.m == nil {
		o.m = map[*trackedConn]struct{}{}
	}
	o.m[c] = struct{}{}
}

func (o *openConns) remove(c *trackedConn) {
	o.mu.Lock()
	defer o.mu.Unlock()
	delete(o.m, c)
}

// evictIdle closes the oldest connection without a session (at most maxConns of
// them are scanned) and reports whether it found one.
func (o *openConns) evictIdle() bool {
	o.mu.Lock()
	var oldest *trackedConn
	for c := range o.m {
		c.mu.Lock()
		idle := c.sessions == 0 && !c.waiting && !c.closed
		c.mu.Unlock()
		if idle && (oldest == nil || c.opened.Before(oldest.opened)) {
			oldest = c
		}
	}
	o.mu.Unlock()
	if oldest == nil {
		return false
	}
	oldest.srv.log.Info("connection closed: no session, room for a newcomer", "remote", oldest.RemoteAddr().String())
	oldest.Close() //nolint:errcheck
	return true
}

func (c *trackedConn) lonely() {
	c.mu.Lock()
	idle := c.sessions == 0 && !c.closed
	c.mu.Unlock()
	if idle {
		c.srv.log.Info("connection closed: no session", "remote", c.RemoteAddr().String())
		c.Close() //nolint:errcheck
	}
}

// closeWait is how long a session channel beyond maxSessionsPerConn waits for
// one of the others to finish closing: a client that runs sessions one after
// the other opens the next as soon as it has closed the last, and the server
// counts the close a moment later (a second is ample on a busy machine).
const closeWait = time.Second

// sessionOpened counts a session channel in, unless the connection has
// maxSessionsPerConn already and none of them closes within closeWait (one
// channel at a time may wait; others are refused at once).
func (c *trackedConn) sessionOpened() bool {
	c.mu.Lock()
	if c.sessions < maxSessionsPerConn {
		c.sessions++
		c.timer.Stop()
		c.mu.Unlock()
		return true
	}
	if c.waiting {
		c.mu.Unlock()
		return false
	}
	c.waiting = true
	c.mu.Unlock()
	t := time.NewTimer(closeWait)
	defer t.Stop()
	for {
		select {
		case <-c.freed:
		case <-t.C:
			c.mu.Lock()
			c.waiting = false
			c.mu.Unlock()
			return false
		}
		c.mu.Lock()
		if c.sessions < maxSessionsPerConn {
			c.sessions++
			c.waiting = false
			c.mu.Unlock()
			return true
		}
		c.mu.Unlock()
	}
}

func (c *trackedConn) sessionClosed() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sessions--
	if c.sessions == 0 && !c.closed {
		c.timer.Reset(handshakeTimeout)
	}
	select {
	case c.freed <- struct{}{}:
	default:
	}
}

func (c *trackedConn) Close() error {
	c.mu.Lock()
	first := !c.closed
	c.closed = true
	c.timer.Stop()
	c.mu.Unlock()
	if first {
		c.srv.open.remove(c)
		c.srv.conns.Add(-1)
		c.srv.addrConns.remove(c.key)
		if c.check { // forgotten a little later: the failed handshake is reported after the close
			addr := c.RemoteAddr().String()
			time.AfterFunc(time.Second, func() { c.srv.checks.Delete(addr) })
		}
	}
	return c.Conn.Close()
}
