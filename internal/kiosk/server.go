package kiosk

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	mrand "math/rand/v2"
	"net"
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	ssh "github.com/cyberdiplo/cyberdiplo/third_party/charmssh"
	gossh "github.com/cyberdiplo/cyberdiplo/third_party/xcrypto/ssh"
	"github.com/pires/go-proxyproto"

	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
)

// ErrServerClosed is returned by Serve and ListenAndServe after Shutdown or Close.
var ErrServerClosed = ssh.ErrServerClosed

// Server is an SSH kiosk. Create it with New, run it with Serve or
// ListenAndServe, stop it with Shutdown.
type Server struct {
	cfg         Config
	log         *slog.Logger
	ssh         *ssh.Server
	fingerprint string
	keyCreated  bool
	rl          reloadable
	metrics     *metrics
	bufs        *sync.Pool // the screens' write buffers
	draws       *drawPool  // the goroutines that draw the readers' frames
	limiter     *ipLimiter
	addrConns   addrConns
	open        openConns // every accepted connection (limits.go)
	handler     handler

	conns  atomic.Int64
	nextID atomic.Uint64

	logs      *ipLimiter   // log lines per address (limitLog)
	commands  *ipLimiter   // commands per address (maxCommandRate)
	logsQuiet atomic.Int64 // lines not logged since the last one

	refusedLog   atomic.Int64 // unix nanos of the last "rate limit" log line
	refusedQuiet atomic.Int64 // refusals not logged since
	checks       sync.Map     // remote address -> true: a balancer's health check

	mu         sync.Mutex
	visits     map[*visit]struct{}
	addrVisits map[string]int // sessions by address (addrKey)
	freeTime   *time.Timer    // gives memory back once the kiosk has been empty a while
	closing    bool
	drained    chan struct{} // closed once closing and no visit is left
	ln         net.Listener
}

// New checks the configuration, loads (or creates) the host key and the authorized
// keys, and returns a server ready to Serve.
func New(cfg Config) (*Server, error) {
	if cfg.Library == nil {
		return nil, errors.New("kiosk: no library")
	}
	if cfg.MaxSessions < 0 || cfg.MaxSessionsPerAddr < 0 || cfg.IdleTimeout < 0 || cfg.MaxSession < 0 || cfg.Rate < 0 || cfg.Burst < 0 ||
		cfg.StartTimeout < 0 || cfg.MaxConnsPerAddr < 0 || cfg.WriteTimeout < 0 || cfg.HandshakeGrace < 0 {
		return nil, errors.New("kiosk: negative limit")
	}
	if cfg.ProxyProtocol && len(cfg.TrustedProxies) == 0 {
		return nil, &ConfigError{"--trusted-proxies", errors.New("give the addresses of the balancers that send the PROXY header (such as 10.0.0.0/8)")}
	}
	if cfg.Listen == "" {
		cfg.Listen = DefaultListen
	}
	if cfg.MaxSessions == 0 {
		cfg.MaxSessions = DefaultMaxSessions
	}
	if cfg.Burst == 0 {
		cfg.Burst = DefaultBurst
	}
	if cfg.StartTimeout == 0 {
		cfg.StartTimeout = DefaultStartTimeout
	}
	if cfg.WriteTimeout == 0 {
		cfg.WriteTimeout = DefaultWriteTimeout
	}
	if cfg.HandshakeGrace == 0 {
		cfg.HandshakeGrace = DefaultHandshakeGrace
	}
	if cfg.MaxStartups == (MaxStartups{}) {
		cfg.MaxStartups = defaultMaxStartups(cfg.MaxSessions)
	}
	if ms := cfg.MaxStartups; ms.Start < 1 || ms.Rate < 1 || ms.Rate > 100 || ms.Full <= ms.Start {
		return nil, &ConfigError{"--max-startups", fmt.Errorf("%d:%d:%d: use START:RATE:FULL with 1 <= START < FULL and RATE a percentage (1 to 100)", ms.Start, ms.Rate, ms.Full)}
	}
	if cfg.Lang == "" {
		cfg.Lang = langs.Default()
	}
	lang, err := langs.Parse(cfg.Lang)
	if err != nil {
		return nil, &ConfigError{"--lang", err}
	}
	cfg.Lang = lang
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.HostKeyPath == "" {
		cfg.HostKeyPath = DefaultHostKeyPath(nil)
	}
	signer, created, err := hostKey(cfg.HostKeyPath)
	if err != nil {
		return nil, &ConfigError{"--host-key", err}
	}
	s := &Server{
		cfg:         cfg,
		log:         cfg.Logger,
		fingerprint: gossh.FingerprintSHA256(signer.PublicKey()),
		keyCreated:  created,
		limiter:     newIPLimiter(cfg.Rate, cfg.Burst),
		logs:        newIPLimiter(logRate, logBurst),
		commands:    newIPLimiter(maxCommandRate, maxCommandBurst),
		addrConns:   addrConns{max: cfg.MaxConnsPerAddr, m: map[string]int{}},
		visits:      map[*visit]struct{}{},
		addrVisits:  map[string]int{},
		bufs:        newBufPool(),
		draws:       newDrawPool(),
		drained:     make(chan struct{}),
	}
	s.rl.content.Store(newShared(cfg.Library))
	s.metrics = newMetrics(s)
	if cfg.AuthorizedKeysPath != "" {
		keys, err := authorizedKeys(cfg.AuthorizedKeysPath)
		if err != nil {
			return nil, &ConfigError{"--authorized-keys", err}
		}
		s.rl.authKeys.Store(&keys)
	}
	// The middleware chain, outermost first: log the visit, recover from panics,
	// admit (max sessions), time limits, then the reader, a command or the note.
	s.handler = chain(s.dispatch, s.logMW, s.recoverMW, s.admitMW, s.timersMW)

	// The server is charmbracelet/ssh's own (what wish.NewServer made of these
	// options, without wish: its charm log linked lipgloss's package init into
	// every start of the binary).
	srv := &ssh.Server{Addr: cfg.Listen, Version: "cyberdiplo"}
	srv.AddHostKey(kexSigner{signer})
	if cfg.AuthorizedKeysPath != "" {
		srv.PublicKeyHandler = func(_ ssh.Context, key ssh.PublicKey) bool {
			return s.allowed(key.Marshal())
		}
	}
	srv.Handler = s.handle
	srv.ConnCallback = s.accept
	srv.ConnectionFailedCallback = s.connFailed
	// Only "session" channels: no direct-tcpip (ssh -L, ssh -W), no x11, no agent.
	srv.ChannelHandlers = map[string]ssh.ChannelHandler{
		"session": s.sessionChannel,
		"default": func(_ *ssh.Server, _ *gossh.ServerConn, nc gossh.NewChannel, _ ssh.Context) {
			nc.Reject(gossh.Prohibited, "this kiosk offers the reader and nothing else") //nolint:errcheck
		},
	}
	// No global requests: no tcpip-forward (ssh -R).
	srv.RequestHandlers = map[string]ssh.RequestHandler{}
	// No subsystems: no sftp, no scp -s.
	srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
	srv.LocalPortForwardingCallback = func(ssh.Context, string, uint32) bool { return false }
	srv.ReversePortForwardingCallback = func(ssh.Context, string, uint32) bool { return false }
	srv.ServerConfigCallback = func(ctx ssh.Context) *gossh.ServerConfig {
		cfg := &gossh.ServerConfig{MaxAuthTries: 6, Config: algorithms()}
		if tc, ok := ctx.Value(connKey).(*trackedConn); ok {
			cfg.Rand = &connRand{Reader: rand.Reader, tc: tc} // counts the key exchanges (kexSigner)
		}
		return cfg
	}
	// Backstops at the connection level (no byte either way; total time): the
	// session timers below end sessions first, with a goodbye.
	if cfg.IdleTimeout > 0 {
		srv.IdleTimeout = cfg.IdleTimeout + time.Minute
	}
	if cfg.MaxSession > 0 {
		srv.MaxTimeout = cfg.MaxSession + time.Minute
	}
	s.ssh = srv
	return s, nil
}

// algorithms are the only ones the kiosk offers, as ssh-audit recommends: the
// hybrid post-quantum ML-KEM key exchange and curve25519, the AEAD ciphers, and
// encrypt-then-MAC MACs (used only by a client without an AEAD cipher). The
// host key is ed25519. OpenSSH (8.x and later), PuTTY (0.75 and later) and
// Dropbear (2022.82 and later) all have them.
func algorithms() gossh.Config {
	return gossh.Config{
		KeyExchanges: []string{gossh.KeyExchangeMLKEM768X25519, gossh.KeyExchangeCurve25519}, // and its old name curve25519-sha256@libssh.org
		Ciphers:      []string{gossh.CipherChaCha20Poly1305, gossh.CipherAES256GCM, gossh.CipherAES128GCM},
		MACs:         []string{gossh.HMACSHA512ETM, gossh.HMACSHA256ETM},
	}
}

// Fingerprint is the SHA256 fingerprint of the host key, as ssh shows it.
func (s *Server) Fingerprint() string { return s.fingerprint }

// Addr is the address being listened on (nil before Serve).
func (s *Server) Addr() net.Addr {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln == nil {
		return nil
	}
	return s.ln.Addr()
}

// ListenAndServe listens on Config.Listen and serves.
func (s *Server) ListenAndServe() error {
	ln, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		return err
	}
	return s.Serve(ln)
}

// Serve accepts connections on ln until Shutdown or Close; it then returns
// ErrServerClosed.
func (s *Server) Serve(ln net.Listener) error {
	collectOften()
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		ln.Close() //nolint:errcheck
		return ErrServerClosed
	}
	ln = &proxyListener{Listener: ln, s: s}
	s.ln = ln
	s.mu.Unlock()
	auth := "anonymous"
	if keys := s.rl.authKeys.Load(); keys != nil {
		auth = fmt.Sprintf("%d authorized keys", len(*keys))
	}
	s.log.Info("kiosk listening",
		"addr", ln.Addr().String(),
		"host_key", s.cfg.HostKeyPath,
		"fingerprint", s.fingerprint,
		"new_key", s.keyCreated,
		"auth", auth,
		"max_sessions", s.cfg.MaxSessions,
		"idle_timeout", s.cfg.IdleTimeout.String(),
		"max_session", s.cfg.MaxSession.String(),
		"rate", s.cfg.Rate, "burst", s.cfg.Burst, "max_conns_per_addr", s.cfg.MaxConnsPerAddr,
		"proxy_protocol", s.cfg.ProxyProtocol, "trusted_proxies", fmt.Sprint(s.cfg.TrustedProxies))
	if m := keyMode(s.cfg.HostKeyPath); m&0o077 != 0 {
		s.log.Warn("host key is readable by others: chmod 600 it", "host_key", s.cfg.HostKeyPath, "mode", m.String())
	}
	return s.ssh.Serve(ln)
}

// Shutdown stops accepting connections, tells every visitor the kiosk is closing,
// waits for the sessions to end (at most until ctx is done), then closes the
// connections left. It returns ctx's error if sessions were still running.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing = true
	if s.freeTime != nil {
		s.freeTime.Stop()
	}
	visits := make([]*visit, 0, len(s.visits))
	for v := range s.visits {
		visits = append(visits, v)
	}
	if len(s.visits) == 0 {
		s.closeDrainedLocked()
	}
	ln := s.ln
	s.mu.Unlock()

	s.log.Info("kiosk closing", "sessions", len(visits))
	// Close the listeners at once (a done context: ssh.Server.Shutdown returns
	// without waiting); the connections are handled below.
	done, cancel := context.WithCancel(context.Background())
	cancel()
	_ = s.ssh.Shutdown(done)
	if ln != nil {
		ln.Close() //nolint:errcheck
	}
	for _, v := range visits {
		v.end(endShutdown)
	}
	var err error
	select {
	case <-s.drained:
		// Give the clients a moment to close their connections themselves (ssh
		// then exits quietly, without "closed by remote host").
		for deadline := time.Now().Add(time.Second); s.conns.Load() > 0 && time.Now().Before(deadline) && ctx.Err() == nil; {
			time.Sleep(10 * time.Millisecond)
		}
	case <-ctx.Done():
		err = ctx.Err()
		s.mu.Lock()
		left := len(s.visits)
		s.mu.Unlock()
		s.log.Warn("kiosk closing: sessions still running, cutting them", "sessions", left)
	}
	s.ssh.Close() //nolint:errcheck
	return err
}

// Close closes the listener and every connection at once.
func (s *Server) Close() error {
	s.mu.Lock()
	s.closing = true
	s.mu.Unlock()
	return s.ssh.Close()
}

// Stats are the server's counters, for the debug endpoint and the load tool.
type Stats struct {
	Sessions    int   `json:"sessions"`
	Connections int64 `json:"connections"`
	Renders     int   `json:"renders"`
}

// Stats returns the current counters.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	n := len(s.visits)
	s.mu.Unlock()
	_, renders := s.cacheCounts()
	return Stats{Sessions: n, Connections: s.conns.Load(), Renders: renders}
}

// maxConns caps open connections (sessions or not): room for every session plus
// visitors being told the kiosk is busy.
func (s *Server) maxConns() int64 { return int64(2*s.cfg.MaxSessions + 16) }

// Why a connection was refused (the log line's "why", and a metric's label).
const (
	refusedRate     = "rate"     // the address's rate limit
	refusedAddress  = "address"  // the address holds MaxConnsPerAddr already
	refusedFull     = "full"     // the kiosk holds as many connections as it takes
	refusedProxy    = "proxy"    // a PROXY header not wanted, or missing
	refusedBusy     = "busy"     // MaxSessions reached (the visitor is told)
	refusedAuth     = "auth"     // no authorized key
	refusedClosing  = "closing"  // the kiosk is shutting down
	refusedChannels = "channels" // a session beyond maxSessionsPerConn
	refusedOutput   = "output"   // a command's output reached maxCommandOutput: truncated
	refusedStalled  = "stalled"  // a write outlasted WriteTimeout: the visitor stopped reading
	// no session started within StartTimeout, or too much input before one did
	refusedUnstarted = "unstarted"
	refusedStartups  = "startups"         // random early drop: many connections have not started (MaxStartups)
	refusedAddrBusy  = "address_sessions" // the address holds MaxSessionsPerAddr sessions already
	refusedCommands  = "commands"         // more commands a second from one address than maxCommandRate
	refusedRekeys    = "rekeys"           // more key exchanges on one connection than maxKex allows
)

// refusedReasons are every reason above, in the order the metric lists them.
var refusedReasons = []string{refusedRate, refusedAddress, refusedFull, refusedProxy, refusedBusy,
	refusedAuth, refusedClosing, refusedChannels, refusedOutput, refusedStalled, refusedUnstarted,
	refusedStartups, refusedAddrBusy, refusedCommands, refusedRekeys}

// accept is the ConnCallback: the PROXY header (from a trusted proxy), then the
// rate limit per address, and caps on connections per address and in all, all
// on the visitor's address.
func (s *Server) accept(ctx ssh.Context, c net.Conn) net.Conn {
	check := false
	if pc, ok := c.(*proxyproto.Conn); ok {
		// Reads the header (at most proxyHeaderTimeout).
		if _, err := pc.Read(nil); err != nil {
			s.refused(c, refusedProxy, "PROXY header: "+err.Error())
			return nil
		}
		// A balancer's health check (HAProxy's check-send-proxy) says LOCAL:
		// not a visitor, not rate limited, not logged when it hangs up.
		if h := pc.ProxyHeader(); h != nil && h.Command.IsLocal() {
			check = true
		}
	}
	key := addrKey(c.RemoteAddr())
	if !check && !s.limiter.allow(key, time.Now()) {
		s.refused(c, refusedRate, "rate limit")
		return nil
	}
	if !check && s.earlyDrop(key) {
		s.refused(c, refusedStartups, "too many connections without a session")
		return nil
	}
	if !s.addrConns.add(key) {
		s.refused(c, refusedAddress, "too many connections from this address")
		return nil
	}
	if !s.takeConn(key) {
		s.addrConns.remove(key)
		s.refused(c, refusedFull, "too many connections")
		return nil
	}
	tc := newTrackedConn(c, s, key, check)
	ctx.SetValue(connKey, tc)
	if check {
		s.checks.Store(c.RemoteAddr().String(), true)
	}
	return tc
}

// takeConn counts a connection from key in. When the kiosk is full, a
// connection that has done least gives way to the newcomer (openConns.evict);
// only when every one holds a session, or is a handshake younger than
// HandshakeGrace from an address with no more than the newcomer's, is the
// newcomer refused.
func (s *Server) takeConn(key string) bool {
	for range 2 {
		if s.conns.Add(1) <= s.maxConns() {
			return true
		}
		s.conns.Add(-1)
		_, mine := s.open.starting(key)
		if !s.open.evict(s.cfg.HandshakeGrace, mine) {
			return false
		}
	}
	return false
}

// earlyDrop is OpenSSH's MaxStartups: with Start connections or more that have
// not started a session, a newcomer is refused with a probability of Rate %,
// rising linearly to 100 % at Full; at Full the kiosk makes room instead
// (takeConn), as it does whenever it is full. A newcomer whose address has no
// connection starting already is never dropped: the drop falls on addresses
// that open many at once.
func (s *Server) earlyDrop(key string) bool {
	ms := s.cfg.MaxStartups
	n, mine := s.open.starting(key)
	if n < ms.Start || n >= ms.Full || mine == 0 {
		return false
	}
	p := float64(ms.Rate) + float64(100-ms.Rate)*float64(n-ms.Start)/float64(ms.Full-ms.Start)
	return mrand.Float64()*100 < p //nolint:gosec // a drop, not a secret
}

// Log lines per address (limitLog): a second's worth, with bursts of logBurst.
const (
	logRate  = 1.0
	logBurst = 10
)

// limitLog logs a line about the client at key, unless that address has had
// its share of lines (logRate, logBurst): a stranger cannot fill the log. The
// lines left out are counted in the next one logged.
func (s *Server) limitLog(key string, level slog.Level, msg string, kv ...any) {
	if !s.logs.allow(key, time.Now()) {
		s.logsQuiet.Add(1)
		return
	}
	if n := s.logsQuiet.Swap(0); n > 0 {
		kv = append(kv, "lines_left_out", n)
	}
	s.log.Log(context.Background(), level, msg, kv...)
}

// connFailed is the ConnectionFailedCallback: a handshake that failed.
func (s *Server) connFailed(c net.Conn, err error) {
	if errors.Is(err, errProxyHeader) {
		s.refused(c, refusedProxy, err.Error())
		return
	}
	if _, check := s.checks.LoadAndDelete(c.RemoteAddr().String()); check {
		return // a health check hung up, as they do
	}
	s.limitLog(addrKey(c.RemoteAddr()), slog.LevelInfo, "connection failed", "remote", c.RemoteAddr().String(), "err", err)
}

// refused logs a refused connection, at most one line a second.
func (s *Server) refused(c net.Conn, reason, why string) {
	s.metrics.refused(reason)
	now := time.Now().UnixNano()
	last := s.refusedLog.Load()
	if now-last < int64(time.Second) || !s.refusedLog.CompareAndSwap(last, now) {
		s.refusedQuiet.Add(1)
		return
	}
	s.log.Warn("connection refused", "remote", c.RemoteAddr().String(), "reason", reason, "why", why,
		"also_refused", s.refusedQuiet.Swap(0))
}

type ctxKey struct{ name string }

var connKey = &ctxKey{"kiosk-conn"}

// admit counts a visit in, unless the kiosk is full or closing. While it
// closes, a command (or the note) that comes on a connection accepted before is
// still served: it takes milliseconds, and its visitor, in flight when the
// listener closed, would otherwise be lost; the reader is not started.
func (s *Server) admit(v *visit) endReason {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing && (v.kind() == kindTUI || v.kind() == kindLines) {
		return endShutdown
	}
	if len(s.visits) >= s.cfg.MaxSessions {
		return endBusy
	}
	key := addrKey(v.RemoteAddr())
	if m := s.cfg.MaxSessionsPerAddr; m > 0 && s.addrVisits[key] >= m {
		return endAddrBusy
	}
	s.addrVisits[key]++
	s.visits[v] = struct{}{}
	return ""
}

func (s *Server) release(v *visit) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.visits, v)
	key := addrKey(v.RemoteAddr())
	if s.addrVisits[key] <= 1 {
		delete(s.addrVisits, key)
	} else {
		s.addrVisits[key]--
	}
	if len(s.visits) > 0 {
		return
	}
	if s.closing {
		s.closeDrainedLocked()
		return
	}
	if s.freeTime == nil {
		s.freeTime = time.AfterFunc(freeAfter, s.freeMemory)
	} else {
		s.freeTime.Reset(freeAfter)
	}
}

// gcPercent is the kiosk's garbage collection target (GOGC) unless GOGC is set
// in its environment. The Go runtime keeps about 1.1 times its heap goal, and
// the goal is the live heap plus gcPercent: at Go's default (100) a kiosk holds
// twice what its visitors use, 150 KB a visitor instead of 110. A key allocates
// about 14 KB, so collecting twice as often costs little (bench/README.md).
const gcPercent = 50

var gcOnce sync.Once

// collectOften sets gcPercent, once, unless the environment sets GOGC.
func collectOften() {
	gcOnce.Do(func() {
		if os.Getenv("GOGC") == "" {
			debug.SetGCPercent(gcPercent)
		}
	})
}

// freeMemory returns the memory the visitors used to the system, once the kiosk
// has been empty for freeAfter: the Go runtime would keep it for minutes, and a
// kiosk's load comes in bursts (a class, a talk).
func (s *Server) freeMemory() {
	s.mu.Lock()
	empty := len(s.visits) == 0 && !s.closing
	s.mu.Unlock()
	if empty {
		debug.FreeOSMemory()
	}
}

func (s *Server) closeDrainedLocked() {
	select {
	case <-s.drained:
	default:
		close(s.drained)
	}
}
