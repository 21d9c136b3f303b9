package kiosk

import (
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"

	gossh "github.com/cyberdiplo/cyberdiplo/third_party/xcrypto/ssh"
	"golang.org/x/time/rate"
	"log/slog"
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

// trackedConn is an accepted connection. It counts the open connections, and
// holds a stranger to a few bounds until they prove to be a visitor:
//
//   - a connection must start a session (a shell or a command) within
//     Config.StartTimeout of its arrival, however many channels it opens and
//     closes meanwhile, and again within StartTimeout of the end of its last
//     session; else it is closed.
//   - until it has started a session, it may send at most maxUnstartedInput
//     bytes (a handshake, a login and a session's requests take a few KB): SSH
//     grants each channel a 2 MiB window (x/crypto's fixed channelWindowSize),
//     and what a channel that never starts receives would be held unread.
//   - whatever it does, it is read at most at maxInputRate (with bursts of
//     maxInputBurst): a flood of input, of key exchanges (each costs the
//     client a few KB) or of requests waits in the client's own buffers.
//
// And when the kiosk is full, the connections that have done least give way to
// a newcomer (openConns.evict).
type trackedConn struct {
	net.Conn
	srv    *Server
	key    string // the client's address (addrKey)
	check  bool   // a balancer's health check
	opened time.Time
	input  *rate.Limiter
	kex    *rate.Limiter // key exchanges (kexSigner)

	lastDeadline atomic.Int64 // the deadline set (SetDeadline), unix nanos; 0: none

	mu       sync.Mutex
	channels int           // session channels open
	started  int           // of them, sessions started (shell or command) and running
	waiting  bool          // a session channel waits for one to close
	freed    chan struct{} // a session channel closed
	timer    *time.Timer   // closes the connection if no session has started by deadline
	deadline time.Time     // when a session must have started by
	unread   int           // bytes read since the connection last had no session running
	closed   bool
}

// Bounds of a connection's input (see trackedConn); and of the commands one
// address may run (on all its connections): maxCommandRate a second, in bursts
// of maxCommandBurst (a script running commands one after another).
const (
	maxCommandRate    = 5
	maxCommandBurst   = 20
	maxUnstartedInput = 64 << 10
	maxInputRate      = 256 << 10
	maxInputBurst     = 4 << 20
)

func newTrackedConn(c net.Conn, s *Server, key string, check bool) *trackedConn {
	now := time.Now()
	tc := &trackedConn{Conn: c, srv: s, key: key, check: check, freed: make(chan struct{}, 1), opened: now,
		deadline: now.Add(s.cfg.StartTimeout), input: rate.NewLimiter(maxInputRate, maxInputBurst),
		kex: rate.NewLimiter(maxKexRate, maxKexBurst)}
	s.open.startup(key, 1)
	tc.timer = time.AfterFunc(s.cfg.StartTimeout+startGrace, tc.lonely)
	s.open.add(tc)
	return tc
}

// startGrace is how long after its start deadline a connection is closed: its
// channels, closed at the deadline itself, have that long to say why.
const startGrace = time.Second

// deadlineSlack: a deadline within this of the one set already (and later) is
// not set again. The SSH server sets the connection's deadline (its idle and
// total backstops, a minute past the session timers) before every read and
// every write: two timer changes for each packet, a few per cent of the
// kiosk's CPU under load, for a deadline that moves by milliseconds.
const deadlineSlack = time.Second

// SetDeadline sets the connection's deadline unless it is at most
// deadlineSlack later than the one set already: the deadline in force is then
// at most that much earlier than asked.
func (c *trackedConn) SetDeadline(t time.Time) error {
	next := t.UnixNano()
	if t.IsZero() {
		next = 0
	}
	if last := c.lastDeadline.Load(); last != 0 && next != 0 && next >= last && next-last < int64(deadlineSlack) {
		return nil
	}
	c.lastDeadline.Store(next)
	return c.Conn.SetDeadline(t)
}

// Read counts what a connection sends before it starts a session, and paces
// what it sends at maxInputRate.
func (c *trackedConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n <= 0 || c.check {
		return n, err
	}
	c.mu.Lock()
	over := false
	if c.started == 0 {
		c.unread += n
		over = c.unread > maxUnstartedInput
	}
	c.mu.Unlock()
	if over {
		c.srv.limitLog(c.key, slog.LevelInfo, "connection closed: too much input before a session started",
			"remote", c.RemoteAddr().String(), "bytes", maxUnstartedInput)
		c.srv.metrics.refused(refusedUnstarted)
		c.Close() //nolint:errcheck
		return 0, net.ErrClosed
	}
	now := time.Now()
	for left := n; left > 0; left -= maxInputBurst { // a read may be larger than a burst
		if d := c.input.ReserveN(now, min(left, maxInputBurst)).DelayFrom(now); d > 0 {
			time.Sleep(d)
		}
	}
	return n, err
}

// openConns are the accepted connections, so that a full kiosk can make room for
// a newcomer by closing a connection that has done least: TCP connections that
// never open a channel (a handshake never finished, or never started), or whose
// channels never start, from a handful of addresses would otherwise fill the
// kiosk and lock every visitor out, as OpenSSH's MaxStartups guards against.
type openConns struct {
	mu sync.Mutex // taken before a trackedConn's mu, itself before smu
	m  map[*trackedConn]struct{}

	smu      sync.Mutex
	startups map[string]int // connections with no session running, by address
	total    int            // of them, in all
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

// startup counts a connection of key in (+1) or out (-1) of those with no
// session running.
func (o *openConns) startup(key string, d int) {
	o.smu.Lock()
	defer o.smu.Unlock()
	if o.startups == nil {
		o.startups = map[string]int{}
	}
	o.total += d
	if n := o.startups[key] + d; n > 0 {
		o.startups[key] = n
	} else {
		delete(o.startups, key)
	}
}

// starting returns the connections with no session running: in all, and of key.
func (o *openConns) starting(key string) (total, ofKey int) {
	o.smu.Lock()
	defer o.smu.Unlock()
	return o.total, o.startups[key]
}

// silentGrace: a connection that has sent nothing this long after it was
// accepted is not an SSH client (it sends its version at once; the server
// reads it as soon as it has sent its own).
const silentGrace = 500 * time.Millisecond

// evict closes the connection that has done least, to make room for a
// newcomer whose address holds mine connections without a session; it reports
// whether there was one. Never one with a session running. First one that has
// not sent a byte silentGrace after it arrived (an SSH client sends its version
// as soon as it connects), the oldest first; then one from the address holding
// the most connections without a session, and of those one with no channel,
// else one whose channels have not started, the oldest first. A connection
// that has spoken but is younger than grace (a visitor's handshake takes a few
// round trips) is closed only if its address holds at least two more
// connections without a session than the newcomer's: a stranger churning
// connections from a few addresses would otherwise keep the kiosk full of
// handshakes too young to close.
func (o *openConns) evict(grace time.Duration, mine int) bool {
	now := time.Now()
	o.mu.Lock()
	var best *trackedConn
	bestRank, bestShare := 0, 0
	for c := range o.m {
		c.mu.Lock()
		rank := 2 // channels, none started
		if c.channels == 0 && !c.waiting {
			rank = 1 // no channel at all
		}
		o.smu.Lock()
		share := o.startups[c.key]
		o.smu.Unlock()
		silent := c.unread == 0 && c.started == 0 && now.Sub(c.opened) >= silentGrace
		ok := c.started == 0 && !c.closed && (silent || now.Sub(c.opened) >= grace || share >= mine+2)
		if silent {
			rank, share = 0, 1<<30 // not a byte yet: an SSH client sends its version at once
		}
		c.mu.Unlock()
		better := best == nil || share > bestShare ||
			(share == bestShare && (rank < bestRank || (rank == bestRank && c.opened.Before(best.opened))))
		if ok && better {
			best, bestRank, bestShare = c, rank, share
		}
	}
	o.mu.Unlock()
	if best == nil {
		return false
	}
	best.srv.limitLog(best.key, slog.LevelInfo, "connection closed: no session started, room for a newcomer",
		"remote", best.RemoteAddr().String(), "channels", bestRank == 2)
	best.Close() //nolint:errcheck
	return true
}

// lonely closes the connection if no session has started by its deadline.
func (c *trackedConn) lonely() {
	c.mu.Lock()
	idle := c.started == 0 && !c.closed
	c.mu.Unlock()
	if idle {
		c.srv.limitLog(c.key, slog.LevelInfo, "connection closed: no session started", "remote", c.RemoteAddr().String(),
			"after", c.srv.cfg.StartTimeout.String())
		c.srv.metrics.refused(refusedUnstarted)
		c.Close() //nolint:errcheck
	}
}

// startDeadline is when a channel opened now must have started: the
// connection's deadline while no session runs on it, else StartTimeout from now.
func (c *trackedConn) startDeadline() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.started == 0 {
		return c.deadline
	}
	return time.Now().Add(c.srv.cfg.StartTimeout)
}

// sessionStarted counts a session (shell or command) in: the connection is a
// visitor's.
func (c *trackedConn) sessionStarted() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.started++
	if c.started == 1 && !c.closed {
		c.srv.open.startup(c.key, -1)
		c.timer.Stop()
		c.unread = 0
	}
}

// sessionEnded counts a session out: with none left, the connection has
// StartTimeout to start another.
func (c *trackedConn) sessionEnded() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.started--
	if c.started == 0 && !c.closed {
		c.srv.open.startup(c.key, 1)
		c.deadline = time.Now().Add(c.srv.cfg.StartTimeout)
		c.timer.Reset(c.srv.cfg.StartTimeout + startGrace)
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
	if c.channels < maxSessionsPerConn {
		c.channels++
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
		if c.channels < maxSessionsPerConn {
			c.channels++
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
	c.channels--
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
	if first && c.started == 0 {
		c.srv.open.startup(c.key, -1)
	}
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

// Key exchanges per connection: the first and a few more at once, then one a
// minute (OpenSSH re-exchanges keys after a gigabyte or an hour). Each costs
// the server an ML-KEM encapsulation, an X25519 and an ed25519 signature; a
// client asking for thousands a second is closed.
const (
	maxKexRate  = rate.Limit(1.0 / 60)
	maxKexBurst = 4
)

// errTooManyKex ends a connection's key exchange.
var errTooManyKex = errors.New("too many key exchanges")

// connRand is a connection's source of randomness for the SSH library
// (crypto/rand): the library hands it to the host key at each key exchange,
// which is how kexSigner knows whose exchange it signs.
type connRand struct {
	io.Reader
	tc *trackedConn
}

// kexSigner is the host key: it signs each key exchange, unless the connection
// has had maxKexBurst of them and more than maxKexRate since.
type kexSigner struct{ gossh.Signer }

func (k kexSigner) Sign(r io.Reader, data []byte) (*gossh.Signature, error) {
	if cr, ok := r.(*connRand); ok && !cr.tc.kex.Allow() {
		tc := cr.tc
		tc.srv.limitLog(tc.key, slog.LevelInfo, "connection closed: too many key exchanges", "remote", tc.RemoteAddr().String())
		tc.srv.metrics.refused(refusedRekeys)
		tc.Close() //nolint:errcheck
		return nil, errTooManyKex
	}
	return k.Signer.Sign(r, data)
}
