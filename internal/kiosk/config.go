// Package kiosk serves the reader over SSH: `cyberdiplo serve`. Each visitor with a
// terminal gets the TUI; a visitor with a command may run the read-only commands
// (list, show, search); everything else an SSH server could offer (port, agent and
// X11 forwarding, subsystems such as sftp and scp) is refused. It is built on
// github.com/charmbracelet/ssh and golang.org/x/crypto/ssh (our copies,
// third_party/charmssh and third_party/xcrypto), hardened like a public service:
// per-address rate limits, caps on sessions and connections, idle and session time
// limits, a recover middleware, and a graceful shutdown.
//
// Files: server.go (the SSH server, limits at accept, shutdown), session.go (the
// middleware chain and what each kind of session gets), screen.go and input.go
// (how the reader's Bubble Tea program is drawn and fed: see there why not by
// Bubble Tea itself), keys.go (host key, authorized keys), limits.go, text.go.
//
// The package does not import internal/cli (cli imports kiosk for the serve
// command): the command runner is passed in Config.Exec.
package kiosk

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/netip"
	"os"
	"path/filepath"
	"time"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/render"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
)

// Defaults of `cyberdiplo serve`.
const (
	DefaultListen      = ":2222"
	DefaultMaxSessions = 100
	// DefaultMaxSessionsPerAddr: a few addresses cannot take every session.
	DefaultMaxSessionsPerAddr = 4
	DefaultIdleTimeout        = 10 * time.Minute
	DefaultMaxSession         = time.Hour
	// DefaultRate and DefaultBurst limit new connections per client address: a
	// sustained 2 a second, with bursts of 20 (a class behind one NAT can all
	// connect at once).
	DefaultRate  = 2.0
	DefaultBurst = 20
	// DefaultMaxConnsPerAddr is how many connections one client address may hold
	// open at once: as many as a burst, a class behind one NAT.
	DefaultMaxConnsPerAddr = 20
	// DefaultStartTimeout closes a connection that has started no session (a
	// shell or a command) this long after it arrived.
	DefaultStartTimeout = 30 * time.Second
	// DefaultWriteTimeout closes the connection of a visitor whose client has
	// stopped reading: a write to it that has not finished this long after it
	// began.
	DefaultWriteTimeout = 10 * time.Second
	// DefaultHandshakeGrace: a connection younger than this is never closed to
	// make room for a newcomer (a visitor's handshake takes a few round trips).
	DefaultHandshakeGrace = 3 * time.Second
)

// MaxStartups is OpenSSH's MaxStartups (START:RATE:FULL) for the connections
// that have not started a session: from Start of them, a newcomer is refused
// with a probability of Rate percent, rising linearly to 100 % at Full; at Full,
// the connection that has done least gives way instead.
type MaxStartups struct{ Start, Rate, Full int }

// defaultMaxStartups: from half the connections the kiosk holds (2 x
// MaxSessions + 16), 30 % refused, rising to all of them.
func defaultMaxStartups(maxSessions int) MaxStartups {
	full := 2*maxSessions + 16
	return MaxStartups{Start: full / 2, Rate: 30, Full: full}
}

// ParseMaxStartups reads START:RATE:FULL.
func ParseMaxStartups(s string) (MaxStartups, error) {
	var ms MaxStartups
	if _, err := fmt.Sscanf(s, "%d:%d:%d", &ms.Start, &ms.Rate, &ms.Full); err != nil ||
		fmt.Sprintf("%d:%d:%d", ms.Start, ms.Rate, ms.Full) != s {
		return ms, fmt.Errorf("%q: use START:RATE:FULL, such as 10:30:100", s)
	}
	if ms.Start < 1 || ms.Rate < 1 || ms.Rate > 100 || ms.Full <= ms.Start {
		return ms, fmt.Errorf("%q: use 1 <= START < FULL and RATE a percentage (1 to 100)", s)
	}
	return ms, nil
}

// Limits that are not flags.
const (
	// quitGrace is how long a reader has to finish after being asked to end
	// before its connection is cut.
	quitGrace = 3 * time.Second
	// freeAfter is how long the kiosk stays empty before it gives memory back.
	freeAfter = 5 * time.Second
	// renderCacheSize is the shared render cache: a page at one width in one style
	// is 10-40 KB.
	renderCacheSize = 512
)

// Config configures a kiosk. Zero values take the defaults above, except
// IdleTimeout, MaxSession, Rate, MaxConnsPerAddr and MaxSessionsPerAddr, where
// zero means "no limit".
type Config struct {
	Listen             string // address to listen on (ListenAndServe)
	HostKeyPath        string // ed25519 host key; created (0600) if missing
	AuthorizedKeysPath string // if set, only these public keys get in
	MaxSessions        int    // sessions at once; beyond, visitors are told to come back
	// MaxSessionsPerAddr caps the sessions one client address holds at once
	// (DefaultMaxSessionsPerAddr by the serve command); 0 means no limit.
	MaxSessionsPerAddr int
	IdleTimeout        time.Duration
	MaxSession         time.Duration
	Rate               float64 // new connections per second per client address
	Burst              int
	// MaxConnsPerAddr caps the connections one client address (an IPv4 address,
	// an IPv6 /64) holds open at once; 0 means no limit.
	MaxConnsPerAddr int
	// ProxyProtocol takes each connection's visitor address from a PROXY
	// protocol header (v1 or v2) sent by one of TrustedProxies (a balancer);
	// a header from anywhere else is refused, as is every header without it.
	ProxyProtocol  bool
	TrustedProxies []netip.Prefix
	// StartTimeout closes a connection that has not started a session (a shell
	// or a command) this long after it arrived, or after its last session ended,
	// whatever channels it opened meanwhile (default DefaultStartTimeout).
	StartTimeout time.Duration
	// HandshakeGrace: a connection younger than this is never closed to make
	// room (default DefaultHandshakeGrace).
	HandshakeGrace time.Duration
	// MaxStartups drops newcomers at random when many connections have not
	// started a session (default: defaultMaxStartups).
	MaxStartups MaxStartups
	// WriteTimeout closes the connection of a visitor who stops reading: a write
	// to a session not done this long after it began (default DefaultWriteTimeout).
	WriteTimeout time.Duration
	Lang         string // language when neither the user name nor LANG says
	Logger       *slog.Logger
	Library      *library.Library
	// Exec runs a visitor's command (the restricted command line: list, show,
	// search) and returns its exit status. Nil refuses every command.
	Exec ExecFunc
}

// ExecFunc runs one command for a visitor.
type ExecFunc func(ctx context.Context, args []string, env ExecEnv) int

// ExecEnv is what a visitor's command may use: the session's streams, the
// visitor's language (as LC_ALL), the terminal width if any, and the shared content
// and render cache.
type ExecEnv struct {
	Out, Err io.Writer
	Getenv   func(string) string
	Width    int
	Library  *library.Library
	Cache    *render.Cache
	Index    *search.Index
}

// DefaultHostKeyPath is $XDG_DATA_HOME/cyberdiplo/ssh_host_ed25519, with
// XDG_DATA_HOME defaulting to ~/.local/share. getenv may be nil (os.Getenv).
func DefaultHostKeyPath(getenv func(string) string) string {
	if getenv == nil {
		getenv = os.Getenv
	}
	dir := getenv("XDG_DATA_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home := getenv("HOME")
		if home == "" {
			home, _ = os.UserHomeDir()
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "cyberdiplo", "ssh_host_ed25519")
}

// ConfigError is a problem with what the configuration names: the host key, the
// authorized keys, the language. Option is the `cyberdiplo serve` flag concerned.
type ConfigError struct {
	Option string
	Err    error
}

func (e *ConfigError) Error() string { return e.Option + ": " + e.Err.Error() }

func (e *ConfigError) Unwrap() error { return e.Err }
