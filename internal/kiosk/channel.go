package kiosk

import (
	"encoding/binary"
	"fmt"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
)

// Bounds of what a session channel may ask for, checked before the SSH library
// sees the request (an SSH packet may carry up to 256 KB).
const (
	// maxSessionsPerConn is how many session channels one connection may have
	// open; more are refused (one connection otherwise counts once for the rate
	// limit and holds any number of readers).
	maxSessionsPerConn = 2
	// maxEnv caps the environment variables a session may send, maxEnvBytes the
	// size of each (name and value).
	maxEnv      = 64
	maxEnvBytes = 1024
	// maxPtyReq caps a pty-req (the TERM name and the terminal modes: OpenSSH
	// sends about 300 bytes).
	maxPtyReq = 4096
	// maxCommand caps the command of an exec request.
	maxCommand = 4096
)

// channel is what the kiosk knows of one session channel: what its request
// filter saw. It reaches the session through the session's context (chanCtx).
type channel struct {
	size sizeSlot // window changes, coalesced
}

// chanCtx is the connection's context with the channel's state: each session
// channel gets its own, so that its session finds its window changes.
type chanCtx struct {
	ssh.Context
	ch *channel
}

var chanKey = &ctxKey{"kiosk-channel"}

func (c chanCtx) Value(k any) any {
	if k == chanKey {
		return c.ch
	}
	return c.Context.Value(k)
}

// sizeSlot holds the latest window size not yet taken. Window changes overwrite
// it and never wait: the session's requests wait on them, and behind those (on
// the same connection) the client's window adjustments, without which the server
// cannot write. The reader takes a size when it is ready for one, so at most one
// resize is drawn per frame however many arrive: a flood of window changes costs
// a few instructions each.
type sizeSlot struct {
	mu    sync.Mutex
	win   ssh.Window
	full  bool
	ready chan struct{} // holds a token while a size waits
}

func newSizeSlot() sizeSlot { return sizeSlot{ready: make(chan struct{}, 1)} }

func (s *sizeSlot) put(w ssh.Window) {
	s.mu.Lock()
	s.win, s.full = w, true
	s.mu.Unlock()
	select {
	case s.ready <- struct{}{}:
	default:
	}
}

// take returns the size waiting, if any.
func (s *sizeSlot) take() (ssh.Window, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w, ok := s.win, s.full
	s.full = false
	return w, ok
}

// parseWindow reads a window-change payload: width, height (then pixels, unused).
func parseWindow(p []byte) (ssh.Window, bool) {
	if len(p) < 8 {
		return ssh.Window{}, false
	}
	return ssh.Window{
		Width:  int(binary.BigEndian.Uint32(p)),
		Height: int(binary.BigEndian.Uint32(p[4:])),
	}, true
}

// sessionChannel opens a session channel, unless the connection has
// maxSessionsPerConn open already: the library's handler, with the channel's
// requests filtered, and a limit on the time before a shell or a command.
func (s *Server) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	lang, err := i18n.Parse(conn.User())
	if err != nil {
		lang = s.cfg.Lang
	}
	if tc, ok := ctx.Value(connKey).(*trackedConn); ok {
		if !tc.sessionOpened() {
			s.metrics.refused.WithLabelValues(refusedChannels).Inc()
			nc.Reject(gossh.ResourceShortage, fmt.Sprintf(i18n.For(lang).Kiosk.TooManySessions, maxSessionsPerConn)) //nolint:errcheck
			return
		}
		defer tc.sessionClosed()
	}
	ch := &channel{size: newSizeSlot()}
	ssh.DefaultSessionHandler(srv, conn, &filteredChannel{NewChannel: nc, ch: ch, srv: s, lang: lang, remote: conn.RemoteAddr().String()}, chanCtx{ctx, ch})
}

// filteredChannel accepts a session channel and filters its requests before the
// library sees them: no agent or X11 forwarding, no subsystem, bounded
// environment, pty-req and command, window changes taken here (coalesced), and
// the channel closed if it asks for neither a shell nor a command within
// Config.StartTimeout.
type filteredChannel struct {
	gossh.NewChannel
	ch     *channel
	srv    *Server
	lang   string
	remote string
}

func (c *filteredChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	sch, in, err := c.NewChannel.Accept()
	if err != nil {
		return sch, in, err
	}
	var (
		mu      sync.Mutex
		started bool
	)
	timeout := c.srv.cfg.StartTimeout
	startTimer := time.AfterFunc(timeout, func() {
		mu.Lock()
		late := !started
		mu.Unlock()
		if late {
			c.srv.log.Info("session closed: no shell or command", "remote", c.remote, "after", timeout.String())
			_, _ = fmt.Fprintf(sch.Stderr(), i18n.For(c.lang).Kiosk.NoStart+"\r\n", timeout)
			sch.Close() //nolint:errcheck
		}
	})
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		defer startTimer.Stop()
		envs := 0
		for r := range in {
			ok := true
			switch r.Type {
			case "auth-agent-req@openssh.com", "x11-req", "subsystem":
				ok = false
			case "env":
				envs++
				ok = envs <= maxEnv && len(r.Payload) <= maxEnvBytes
			case "pty-req":
				ok = len(r.Payload) <= maxPtyReq
			case "window-change":
				// Taken here, never passed on: the library would block on the
				// second one until the session reads it.
				w, valid := parseWindow(r.Payload)
				if valid {
					c.ch.size.put(w)
				}
				if r.WantReply {
					r.Reply(valid, nil) //nolint:errcheck
				}
				continue
			case "exec":
				ok = len(r.Payload) <= maxCommand
				fallthrough
			case "shell":
				if ok {
					mu.Lock()
					started = true
					mu.Unlock()
					startTimer.Stop()
				}
			}
			if !ok {
				r.Reply(false, nil) //nolint:errcheck
				continue
			}
			out <- r
		}
	}()
	return sch, out, nil
}
