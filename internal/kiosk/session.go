package kiosk

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/ssh"
	uv "github.com/charmbracelet/ultraviolet"
	gossh "golang.org/x/crypto/ssh"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	"github.com/cyberdiplo/cyberdiplo/internal/tui"
)

// endReason says why a session ended; it is logged.
type endReason string

const (
	endQuit         endReason = "quit"         // the visitor left the reader (q, ctrl+c)
	endDisconnected endReason = "disconnected" // the connection dropped
	endIdle         endReason = "idle"         // no key for IdleTimeout
	endMax          endReason = "time limit"   // MaxSession reached
	endShutdown     endReason = "shutdown"     // the kiosk is closing
	endBusy         endReason = "busy"         // MaxSessions reached
	endPanic        endReason = "panic"        // a bug, recovered
	endCommand      endReason = "command"      // a command ran
	endNote         endReason = "note"         // no terminal, no command: the note
	endSlow         endReason = "unresponsive" // did not end in time: connection cut
)

// visit is one session: the ssh.Session (embedded, so it is what the reader reads
// and writes) and what the kiosk knows of it. Input is watched for the idle timer.
type visit struct {
	ssh.Session
	id     uint64
	start  time.Time
	lang   string
	pty    ssh.Pty
	hasPty bool

	lastInput atomic.Int64 // unix nanos of the last byte from the visitor

	stop     chan struct{} // closed when the kiosk asks the session to end
	stopOnce sync.Once
	sizes    chan ssh.Window // the latest window size not yet taken (PTY only)

	mu     sync.Mutex
	reason endReason
	status int
	detail string // e.g. the command name
}

// Read is the visitor's input: it counts as activity.
func (v *visit) Read(p []byte) (int, error) {
	n, err := v.Session.Read(p)
	if n > 0 {
		v.lastInput.Store(time.Now().UnixNano())
	}
	return n, err
}

// end asks the session to end for reason (the first reason given stands).
func (v *visit) end(r endReason) {
	v.setReason(r)
	v.stopOnce.Do(func() { close(v.stop) })
}

func (v *visit) setReason(r endReason) {
	v.mu.Lock()
	if v.reason == "" {
		v.reason = r
	}
	v.mu.Unlock()
}

// finish records how the session ended, unless an earlier reason stands.
func (v *visit) finish(r endReason, status int) {
	v.mu.Lock()
	if v.reason == "" {
		v.reason = r
	}
	v.status = status
	v.mu.Unlock()
}

func (v *visit) outcome() (endReason, int) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.reason, v.status
}

// say writes one line to the visitor: on the terminal for a PTY session, else on
// standard error (standard output may be a pipe in a script).
func (v *visit) say(msg string) {
	var w io.Writer = v.Stderr()
	if v.hasPty {
		w = v
	}
	_, _ = io.WriteString(w, msg+"\n")
}

// closeConn cuts the visitor's connection (when the session does not end).
func (v *visit) closeConn() {
	if c, ok := v.Context().Value(ssh.ContextKeyConn).(*gossh.ServerConn); ok {
		c.Close() //nolint:errcheck
	}
}

// getenv is the environment of a visitor's command: only the language, as
// LC_ALL, so that the command line's language rule gives the visitor's language.
func (v *visit) getenv(k string) string {
	if k == "LC_ALL" {
		return v.lang
	}
	return ""
}

// handler is one stage of the session chain; middleware wraps one.
type (
	handler    func(v *visit)
	middleware func(next handler) handler
)

// chain wraps h in mws, the first outermost.
func chain(h handler, mws ...middleware) handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

// handle is the ssh.Handler: it makes the visit and runs the chain.
func (s *Server) handle(sess ssh.Session) {
	v := &visit{
		Session: sess, id: s.nextID.Add(1), start: time.Now(),
		stop: make(chan struct{}),
	}
	v.lastInput.Store(v.start.UnixNano())
	pty, winch, ok := sess.Pty()
	v.pty, v.hasPty = pty, ok
	if ok {
		v.sizes = make(chan ssh.Window, 1)
		go coalesce(winch, v.sizes)
	}
	v.lang = chooseLang(sess.User(), sess.Environ(), s.cfg.Lang)
	s.handler(v)
}

// coalesce takes window changes as they come, and keeps the latest for the
// reader, until the session's requests end. It never blocks: the session's
// requests wait on it, and behind them (on the same connection) the client's
// window adjustments: a visitor resizing while the server waits to write would
// otherwise deadlock the session.
func coalesce(in <-chan ssh.Window, out chan ssh.Window) {
	defer close(out)
	for w := range in {
		select {
		case out <- w:
			continue
		default:
		}
		select { // replace the size not yet taken
		case <-out:
		default:
		}
		select {
		case out <- w:
		default:
		}
	}
}

// chooseLang: the user name if it names a language (ssh it@host), else the
// client's locale (LC_ALL, LC_MESSAGES, LANG), else the server's default.
func chooseLang(user string, environ []string, def string) string {
	if l, err := i18n.Parse(user); err == nil {
		return l
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if val := lookupEnv(environ, k); val != "" {
			return i18n.FromLocale(val)
		}
	}
	return def
}

func lookupEnv(environ []string, k string) string {
	val := ""
	for _, kv := range environ {
		if name, value, ok := strings.Cut(kv, "="); ok && name == k {
			val = value // the last one wins, as in a shell
		}
	}
	return val
}

// logMW logs the start and the end of a session (never what the visitor types),
// and sends the exit status.
func (s *Server) logMW(next handler) handler {
	return func(v *visit) {
		kv := []any{
			"session", v.id,
			"user", clean(v.User(), 32),
			"remote", v.RemoteAddr().String(),
			"lang", v.lang,
		}
		if v.hasPty {
			kv = append(kv, "term", clean(v.pty.Term, 32),
				"size", fmt.Sprintf("%dx%d", v.pty.Window.Width, v.pty.Window.Height))
		} else {
			kv = append(kv, "term", "none")
		}
		kind := "reader"
		switch {
		case v.RawCommand() != "":
			kind = "command"
		case !v.hasPty:
			kind = "note"
		}
		kv = append(kv, "kind", kind)
		s.log.Info("session start", kv...)
		next(v)
		reason, status := v.outcome()
		if reason == "" {
			reason = endQuit
		}
		end := []any{"session", v.id, "user", clean(v.User(), 32), "remote", v.RemoteAddr().String(),
			"duration", time.Since(v.start).Round(time.Millisecond).String(), "why", string(reason), "status", status}
		if v.detail != "" {
			end = append(end, "command", v.detail)
		}
		s.log.Info("session end", end...)
		_ = v.Exit(status)
	}
}

// recoverMW turns a panic in the session into a log line and the end of that
// session only.
func (s *Server) recoverMW(next handler) handler {
	return func(v *visit) {
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("session panicked", "session", v.id, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
				v.finish(endPanic, 1)
				v.say(text(v.lang, msgSorry))
			}
		}()
		next(v)
	}
}

// admitMW enforces MaxSessions (and refuses sessions once the kiosk is closing).
func (s *Server) admitMW(next handler) handler {
	return func(v *visit) {
		switch s.admit(v) {
		case endBusy:
			v.finish(endBusy, 1)
			_, _ = io.WriteString(v.Stderr(), text(v.lang, msgBusy)+"\n")
			return
		case endShutdown:
			v.finish(endShutdown, 1)
			_, _ = io.WriteString(v.Stderr(), text(v.lang, msgClosing)+"\n")
			return
		}
		defer s.release(v)
		next(v)
	}
}

// timersMW ends the session after IdleTimeout without input, or after MaxSession.
func (s *Server) timersMW(next handler) handler {
	return func(v *visit) {
		idle, most := s.cfg.IdleTimeout, s.cfg.MaxSession
		if idle <= 0 && most <= 0 {
			next(v)
			return
		}
		done := make(chan struct{})
		go v.watch(idle, most, done)
		defer close(done)
		next(v)
	}
}

func (v *visit) watch(idle, most time.Duration, done <-chan struct{}) {
	var idleC, mostC <-chan time.Time // a nil channel never fires
	var it *time.Timer
	if idle > 0 {
		it = time.NewTimer(idle)
		defer it.Stop()
		idleC = it.C
	}
	if most > 0 {
		mt := time.NewTimer(most)
		defer mt.Stop()
		mostC = mt.C
	}
	for {
		select {
		case <-done:
			return
		case <-mostC:
			v.end(endMax)
			return
		case <-idleC:
			since := time.Since(time.Unix(0, v.lastInput.Load()))
			if since >= idle {
				v.end(endIdle)
				return
			}
			it.Reset(idle - since)
		}
	}
}

// dispatch: a command if there is one, else the reader on a terminal, else the
// note.
func (s *Server) dispatch(v *visit) {
	switch {
	case v.RawCommand() != "":
		s.runCommand(v)
	case v.hasPty:
		s.runReader(v)
	default:
		s.note(v)
	}
}

// runCommand runs one of the read-only commands with plain output.
func (s *Server) runCommand(v *visit) {
	args := v.Command()
	if len(args) > 0 {
		switch args[0] {
		case "list", "show", "search":
			v.detail = args[0]
		default:
			v.detail = "(refused)"
		}
	}
	if s.cfg.Exec == nil {
		_, _ = io.WriteString(v.Stderr(), "cyberdiplo: no commands here\n")
		v.finish(endCommand, 1)
		return
	}
	ctx, cancel := context.WithCancel(v.Context())
	defer cancel()
	go func() {
		select {
		case <-v.stop:
			cancel()
		case <-ctx.Done():
		}
	}()
	env := ExecEnv{
		Out: v, Err: v.Stderr(), Getenv: v.getenv,
		Library: s.cfg.Library, Cache: s.cache, Index: s.index,
	}
	if v.hasPty {
		env.Width = v.pty.Window.Width
	}
	status := s.cfg.Exec(ctx, args, env)
	v.finish(endCommand, status)
}

// note is for a session with neither terminal nor command: how to connect, and
// the pages.
func (s *Server) note(v *visit) {
	port := "2222"
	if a := v.LocalAddr(); a != nil {
		if _, p, err := net.SplitHostPort(a.String()); err == nil {
			port = p
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, text(v.lang, msgNote), port, port)
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	for _, p := range s.cfg.Library.Pages(v.lang) {
		fmt.Fprintf(tw, "  %s\t%s\n", p.ID, p.Title)
	}
	tw.Flush() //nolint:errcheck
	_, _ = io.WriteString(v, b.String())
	v.finish(endNote, 0)
}

// runReader runs the TUI on the visitor's terminal until they quit, the
// connection drops, or the kiosk ends the session (idle, time limit, shutdown):
// then the terminal is restored and a goodbye written.
func (s *Server) runReader(v *visit) {
	w, h := v.pty.Window.Width, v.pty.Window.Height
	environ := append(v.Environ(), "TERM="+v.pty.Term)
	profile := colorprofile.Env(environ) // from TERM, COLORTERM, NO_COLOR...
	scr := newScreen(v, profile, w, h)
	m := &screenModel{scr: scr, Model: tui.New(tui.Options{
		Library: s.cfg.Library, Cache: s.cache, Index: s.index,
		Lang: v.lang, Style: "auto", Width: w, Height: h,
	})}
	// The program has no input, output or renderer of its own: the visitor's
	// bytes are decoded by decodeInput (input.go) and the frames drawn by the
	// screen (screen.go).
	p := tea.NewProgram(m,
		tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutRenderer(),
		tea.WithEnvironment(environ), tea.WithColorProfile(profile), tea.WithWindowSize(w, h),
		tea.WithoutSignalHandler(),
		tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg {
			if _, ok := msg.(tea.SuspendMsg); ok {
				return nil // ctrl+z would stop the server
			}
			return msg
		}))
	_, _ = io.WriteString(v, terminalQueries)
	go func() {
		if err := decodeInput(v, func(ev uv.Event) { p.Send(ev) }); err != nil {
			s.log.Error("session panicked in its input", "session", v.id, "err", err, "stack", string(debug.Stack()))
			v.end(endPanic)
		}
	}()
	go func() {
		for w := range v.sizes { // until the session ends; Send is a no-op after the program
			p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
		}
	}()

	done := make(chan struct{})
	go func() {
		select {
		case <-done:
			return
		case <-v.stop:
		case <-v.Context().Done():
			v.setReason(endDisconnected)
		}
		go p.Quit() // blocks while the program is stuck in a write
		t := time.NewTimer(quitGrace)
		defer t.Stop()
		select {
		case <-done:
		case <-t.C:
			// Stuck (a client that stopped reading): cut the connection, which
			// unblocks the writes.
			v.setReason(endSlow)
			s.log.Warn("session did not end: closing its connection", "session", v.id)
			v.closeConn()
		}
	}()
	_, err := p.Run()
	close(done)
	scr.close()

	lang := v.lang
	if fm, ok := m.Model.(*tui.Model); ok {
		lang, _ = fm.Current()
	}
	if errors.Is(err, tea.ErrProgramPanic) {
		s.log.Error("session panicked in the reader", "session", v.id, "err", err)
		v.finish(endPanic, 1)
		v.say(text(lang, msgSorry))
		return
	}
	reason, _ := v.outcome()
	switch reason {
	case endIdle:
		v.say(fmt.Sprintf(text(lang, msgIdle), s.cfg.IdleTimeout))
	case endMax:
		v.say(text(lang, msgMax))
	case endShutdown:
		v.say(text(lang, msgClosing))
	}
	v.finish(endQuit, 0)
}

// clean makes a visitor-supplied string safe for a log line: printable, short.
func clean(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if !unicode.IsPrint(r) {
			return '?'
		}
		return r
	}, s)
	if r := []rune(s); len(r) > n {
		s = string(r[:n]) + "…"
	}
	return s
}
