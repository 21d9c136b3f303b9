package kiosk

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"time"

	"github.com/anmitsu/go-shlex"
	"log/slog"

	ssh "github.com/cyberdiplo/cyberdiplo/third_party/charmssh"
	gossh "github.com/cyberdiplo/cyberdiplo/third_party/xcrypto/ssh"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
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
// maxSessionsPerConn open already, and handles its requests in this goroutine
// (the SSH library's session handler would need a second one to filter them):
// no agent or X11 forwarding, no subsystem, a bounded environment, pty-req and
// command, window changes taken as they come (coalesced), and the channel
// closed if it asks for neither a shell nor a command within
// Config.StartTimeout. The session runs in a goroutine of its own.
func (s *Server) sessionChannel(_ *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	lang, err := langs.Parse(conn.User())
	if err != nil {
		lang = s.cfg.Lang
	}
	tc, _ := ctx.Value(connKey).(*trackedConn)
	if tc != nil {
		if !tc.sessionOpened() {
			s.metrics.refused(refusedChannels)
			nc.Reject(gossh.ResourceShortage, fmt.Sprintf(i18n.For(lang).Kiosk.TooManySessions, maxSessionsPerConn)) //nolint:errcheck
			return
		}
		defer tc.sessionClosed()
	}
	sch, reqs, err := nc.Accept()
	if err != nil {
		return
	}
	ch := &channel{size: newSizeSlot()}
	sess := &session{Channel: sch, conn: conn, ctx: chanCtx{ctx, ch}}

	// The channel must start by the connection's deadline (trackedConn).
	timeout := s.cfg.StartTimeout
	deadline := time.Now().Add(timeout)
	if tc != nil {
		deadline = tc.startDeadline()
	}
	var startMu sync.Mutex
	started := false
	startTimer := time.AfterFunc(time.Until(deadline), func() {
		startMu.Lock()
		late := !started
		startMu.Unlock()
		if late {
			s.limitLog(addrKey(conn.RemoteAddr()), slog.LevelInfo, "session closed: no shell or command", "remote", conn.RemoteAddr().String(), "after", timeout.String())
			_, _ = fmt.Fprintf(sch.Stderr(), i18n.For(lang).Kiosk.NoStart+"\r\n", timeout)
			sch.Close() //nolint:errcheck
		}
	})
	defer startTimer.Stop()

	envs := 0
	for r := range reqs {
		ok := false
		switch r.Type {
		case "shell", "exec":
			if sess.handled {
				break
			}
			if r.Type == "exec" {
				cmd, _, valid := parseString(r.Payload)
				if !valid {
					break
				}
				if len(r.Payload) > maxCommand {
					// Taken, to say why in one line (runCommand), but never split
					// or run: the command is not kept.
					cmd, sess.tooLong = "(too long)", true
				}
				sess.rawCmd = cmd
			}
			startMu.Lock()
			started = true
			startMu.Unlock()
			startTimer.Stop()
			sess.handled, ok = true, true
			r.Reply(true, nil) //nolint:errcheck
			if tc != nil {
				tc.sessionStarted()
			}
			go func() {
				if tc != nil {
					defer tc.sessionEnded()
				}
				s.handle(sess)
				_ = sess.Exit(0) // if the session has not said its status
			}()
			continue
		case "env":
			envs++
			if sess.handled || envs > maxEnv || len(r.Payload) > maxEnvBytes {
				break
			}
			k, rest, valid := parseString(r.Payload)
			v, _, valid2 := parseString(rest)
			if valid && valid2 {
				sess.env = append(sess.env, k+"="+v)
				ok = true
			}
		case "pty-req":
			if sess.handled || sess.pty != nil || len(r.Payload) > maxPtyReq {
				break
			}
			term, rest, valid := parseString(r.Payload)
			if w, valid2 := parseWindow(rest); valid && valid2 {
				sess.pty = &ssh.Pty{Term: term, Window: w}
				ok = true
			}
		case "window-change":
			w, valid := parseWindow(r.Payload)
			if valid {
				ch.size.put(w)
			}
			ok = valid
		}
		// Refused: agent and X11 forwarding, subsystems (sftp, scp -s),
		// signals and breaks (nothing to send them to), anything else.
		if r.WantReply {
			r.Reply(ok, nil) //nolint:errcheck
		}
	}
}

// parseString reads an SSH string (a uint32 length, then the bytes).
func parseString(p []byte) (string, []byte, bool) {
	if len(p) < 4 {
		return "", nil, false
	}
	n := binary.BigEndian.Uint32(p)
	if uint64(n) > uint64(len(p)-4) {
		return "", nil, false
	}
	return string(p[4 : 4+n]), p[4+n:], true
}

// session is a session channel as the kiosk's handlers see it (ssh.Session).
type session struct {
	gossh.Channel
	conn *gossh.ServerConn
	ctx  chanCtx

	// Set by the request loop before the session starts, read after.
	handled bool
	pty     *ssh.Pty
	env     []string
	rawCmd  string
	tooLong bool // the exec request's command was over maxCommand

	mu     sync.Mutex
	exited bool
}

var _ ssh.Session = (*session)(nil)

func (s *session) User() string         { return s.conn.User() }
func (s *session) RemoteAddr() net.Addr { return s.conn.RemoteAddr() }
func (s *session) LocalAddr() net.Addr  { return s.conn.LocalAddr() }
func (s *session) Environ() []string    { return append([]string(nil), s.env...) }
func (s *session) RawCommand() string   { return s.rawCmd }

// CommandTooLong reports whether the command was over maxCommand (not kept).
func (s *session) CommandTooLong() bool      { return s.tooLong }
func (s *session) Subsystem() string         { return "" }
func (s *session) Context() ssh.Context      { return s.ctx }
func (s *session) EmulatedPty() bool         { return false }
func (s *session) Signals(chan<- ssh.Signal) {}
func (s *session) Break(chan<- bool)         {}

func (s *session) Command() []string {
	args, _ := shlex.Split(s.rawCmd, true)
	return args
}

func (s *session) PublicKey() ssh.PublicKey {
	k, _ := s.ctx.Value(ssh.ContextKeyPublicKey).(ssh.PublicKey)
	return k
}

func (s *session) Permissions() ssh.Permissions { return *s.ctx.Permissions() }

// Write writes to the visitor; on a terminal (which the client has made raw),
// a line feed becomes CR LF, as a pseudo-terminal would make it. Frames, which
// hold no line feed, go as they are, without a copy.
func (s *session) Write(p []byte) (int, error) {
	if s.pty == nil || bytes.IndexByte(p, '\n') < 0 {
		return s.Channel.Write(p)
	}
	return ssh.NewPtyWriter(s.Channel).Write(p)
}

// Stderr is the session's standard error, with the same line feeds as Write.
func (s *session) Stderr() io.ReadWriter {
	if s.pty == nil {
		return s.Channel.Stderr()
	}
	return ssh.NewPtyReadWriter(s.Channel.Stderr())
}

// Pty is the terminal asked for, if any (window changes reach the reader
// through the channel's size slot, not a channel of sizes).
func (s *session) Pty() (ssh.Pty, <-chan ssh.Window, bool) {
	if s.pty == nil {
		return ssh.Pty{}, nil, false
	}
	return *s.pty, nil, true
}

// Exit sends the exit status and closes the channel (once).
func (s *session) Exit(code int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.exited {
		return errors.New("exit status already sent")
	}
	s.exited = true
	status := struct{ Status uint32 }{uint32(code)}
	if _, err := s.SendRequest("exit-status", false, gossh.Marshal(&status)); err != nil {
		return err
	}
	return s.Close()
}
