package kiosk

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"
	"unicode"

	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"
	ssh "github.com/cyberdiplo/cyberdiplo/third_party/charmssh"
	"github.com/cyberdiplo/cyberdiplo/third_party/colorprofile"
	gossh "github.com/cyberdiplo/cyberdiplo/third_party/xcrypto/ssh"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/marks"
	"github.com/cyberdiplo/cyberdiplo/internal/tui"
	vm "github.com/cyberdiplo/cyberdiplo/third_party/metrics"
)

// endReason says why a session ended; it is logged.
type endReason string

const (
	endQuit         endReason = "quit"            // the visitor left the reader (q, ctrl+c)
	endDisconnected endReason = "disconnected"    // the connection dropped
	endIdle         endReason = "idle"            // no key for IdleTimeout
	endMax          endReason = "time limit"      // MaxSession reached
	endShutdown     endReason = "shutdown"        // the kiosk is closing
	endBusy         endReason = "busy"            // MaxSessions reached
	endPanic        endReason = "panic"           // a bug, recovered
	endCommand      endReason = "command"         // a command ran
	endNote         endReason = "note"            // no terminal, no command: the note
	endSlow         endReason = "unresponsive"    // did not end in time: connection cut
	endStalled      endReason = "stopped reading" // a write outlasted WriteTimeout: connection cut
	endAddrBusy     endReason = "address busy"    // MaxSessionsPerAddr reached
	endTooFast      endReason = "too many commands"
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
	ch     *channel // the channel's state: its window changes
	c      *shared  // the content, cache and index this session uses
	bytes  *vm.Counter
	watch  *writeWatch // the write deadline (output.go)

	lastInput atomic.Int64 // unix nanos of the last byte from the visitor (keys, scrolling, clicks)
	// idleSoon warns the visitor that the idle timeout is near (set by the
	// reader and the line mode; nil: no warning).
	idleSoon atomic.Pointer[func()]

	// stopped is cancelled when the kiosk asks the session to end.
	stopped context.Context
	stop    context.CancelFunc

	mu     sync.Mutex
	reason endReason
	status int
	detail string // e.g. the command name
}

// kind is what the session is: the reader, a command, the line mode, the note.
func (v *visit) kind() string {
	switch {
	case v.RawCommand() != "":
		return kindCommand
	case lineMode(v):
		return kindLines
	case !v.hasPty:
		return kindNote
	}
	return kindTUI
}

// text is what the kiosk says, in the visitor's language.
func (v *visit) text() i18n.KioskStrings { return i18n.For(v.lang).Kiosk }

// Write is the visitor's output: it is counted, and it has WriteTimeout to
// finish (output.go).
func (v *visit) Write(p []byte) (int, error) {
	n, err := v.watch.guard(func() (int, error) { return v.Session.Write(p) })
	v.bytes.Add(n)
	return n, err
}

// Stderr is the visitor's standard error, under the same write deadline.
func (v *visit) Stderr() io.ReadWriter {
	if v.watch == nil {
		return v.Session.Stderr()
	}
	return guardedWriter{v.Session.Stderr(), v.watch}
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
	v.stop()
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
	v := &visit{Session: sess, id: s.nextID.Add(1), start: time.Now(), c: s.content(), bytes: s.metrics.bytesWritten}
	v.stopped, v.stop = context.WithCancel(context.Background())
	defer v.stop()
	v.watch = newWriteWatch(s.cfg.WriteTimeout, func() {
		v.setReason(endStalled)
		s.limitLog(addrKey(sess.RemoteAddr()), slog.LevelWarn, "visitor stopped reading: connection closed", "session", v.id,
			"remote", sess.RemoteAddr().String(), "after", s.cfg.WriteTimeout.String())
		s.metrics.refused(refusedStalled)
		v.closeConn()
	})
	defer v.watch.stop()
	v.lastInput.Store(v.start.UnixNano())
	v.pty, _, v.hasPty = sess.Pty()
	if ch, ok := sess.Context().Value(chanKey).(*channel); ok {
		v.ch = ch
	} else {
		v.ch = &channel{size: newSizeSlot()}
	}
	v.lang = chooseLang(sess.User(), sess.Environ(), s.cfg.Lang)
	s.handler(v)
}

// Window sizes. A size comes from the client: anything from 0 to 2^32-1 cells
// each way. The kiosk draws at most tui.MaxWidth x tui.MaxHeight (and tells the
// visitor when the window is larger); an unknown size (0, as `ssh -tt` sends
// when its input is not a terminal) is taken as 80x24.
const (
	defaultWidth  = 80
	defaultHeight = 24
)

// drawSize is the size the kiosk draws for a window of w x h cells.
func drawSize(w, h int) (int, int) {
	if w <= 0 {
		w = defaultWidth
	}
	if h <= 0 {
		h = defaultHeight
	}
	return tui.ClampSize(w, h)
}

// chooseLang: the user name if it names a language (ssh it@host), else the
// client's locale (LC_ALL, LC_MESSAGES, LANG), else the server's default.
func chooseLang(user string, environ []string, def string) string {
	if l, err := langs.Parse(user); err == nil {
		return l
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if val := lookupEnv(environ, k); val != "" {
			return langs.FromLocale(val)
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
		kind := v.kind()
		if kind == kindTUI {
			kind = "reader"
		}
		kv = append(kv, "kind", kind)
		key := addrKey(v.RemoteAddr())
		s.limitLog(key, slog.LevelInfo, "session start", kv...)
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
		s.limitLog(key, slog.LevelInfo, "session end", end...)
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
				v.say(v.text().Sorry)
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
			s.metrics.refused(refusedBusy)
			v.finish(endBusy, 1)
			_, _ = io.WriteString(v.Stderr(), v.text().Busy+"\n")
			return
		case endAddrBusy:
			s.metrics.refused(refusedAddrBusy)
			v.finish(endAddrBusy, 1)
			_, _ = fmt.Fprintf(v.Stderr(), v.text().AddrBusy+"\n", s.cfg.MaxSessionsPerAddr)
			return
		case endShutdown:
			s.metrics.refused(refusedClosing)
			v.finish(endShutdown, 1)
			_, _ = io.WriteString(v.Stderr(), v.text().Closing+"\n")
			return
		}
		s.metrics.session(v.kind())
		defer s.release(v)
		next(v)
	}
}

// timersMW ends the session after IdleTimeout without input, or after MaxSession.
// Timers, not goroutines: a visit holds no goroutine for them.
func (s *Server) timersMW(next handler) handler {
	return func(v *visit) {
		if most := s.cfg.MaxSession; most > 0 {
			t := time.AfterFunc(most, func() { v.end(endMax) })
			defer t.Stop()
		}
		if idle := s.cfg.IdleTimeout; idle > 0 {
			it := &idleTimer{v: v, idle: idle, lead: min(idleWarning, idle/2)}
			it.mu.Lock()
			it.t = time.AfterFunc(idle-it.lead, it.fire)
			it.mu.Unlock()
			defer it.stop()
		}
		next(v)
	}
}

// idleWarning is how long before the idle timeout the visitor is warned (half
// the timeout when it is shorter than two minutes).
const idleWarning = time.Minute

// idleTimer ends a visit after idle without input, and warns the visitor lead
// before: any byte from the visitor (a key, scrolling, a click) is activity.
// When it fires early (there was input since), it waits again for the rest.
type idleTimer struct {
	mu      sync.Mutex
	t       *time.Timer
	v       *visit
	idle    time.Duration
	lead    time.Duration
	warned  bool
	stopped bool
}

func (it *idleTimer) fire() {
	it.mu.Lock()
	defer it.mu.Unlock()
	if it.stopped {
		return
	}
	since := time.Since(time.Unix(0, it.v.lastInput.Load()))
	switch {
	case since >= it.idle:
		it.v.end(endIdle)
		return
	case since >= it.idle-it.lead:
		if !it.warned {
			it.warned = true
			if warn := it.v.idleSoon.Load(); warn != nil {
				go (*warn)() // it may wait for the reader: not under the lock
			}
		}
		it.t.Reset(it.idle - since)
	default:
		it.warned = false
		it.t.Reset(it.idle - it.lead - since)
	}
}

func (it *idleTimer) stop() {
	it.mu.Lock()
	defer it.mu.Unlock()
	it.stopped = true
	it.t.Stop()
}

// dispatch: a command if there is one, else the reader on a terminal, else the
// note.
func (s *Server) dispatch(v *visit) {
	switch {
	case v.RawCommand() != "":
		s.runCommand(v)
	case lineMode(v): // ssh a11y@HOST, or TERM=dumb: for screen readers (linemode.go)
		s.runLineMode(v)
	case v.hasPty:
		s.runReader(v)
	default:
		s.note(v)
	}
}

// runCommand runs one of the read-only commands with plain output.
func (s *Server) runCommand(v *visit) {
	if tl, ok := v.Session.(interface{ CommandTooLong() bool }); ok && tl.CommandTooLong() {
		v.detail = "(too long)"
		_, _ = fmt.Fprintf(v.Stderr(), v.text().CommandTooLong+"\n", maxCommand)
		v.finish(endCommand, 1)
		return
	}
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
		_, _ = io.WriteString(v.Stderr(), v.text().NoCommands+"\n")
		v.finish(endCommand, 1)
		return
	}
	if !s.commands.allow(addrKey(v.RemoteAddr()), time.Now()) {
		s.metrics.refused(refusedCommands)
		_, _ = fmt.Fprintf(v.Stderr(), v.text().TooFast+"\n", maxCommandRate)
		v.finish(endTooFast, 1)
		return
	}
	ctx, cancel := context.WithCancel(v.Context())
	defer cancel()
	defer context.AfterFunc(v.stopped, cancel)()
	// The output is capped (output.go): past the cap the command's writes fail
	// and it stops; the visitor is told in one line (by the command line, which
	// prints its error, else here) and the status is 1.
	t := v.text()
	truncated := fmt.Sprintf(t.Truncated, maxCommandOutput>>20)
	out := newCapWriter(v, maxCommandOutput, truncated)
	errs := &saidWriter{w: newCapWriter(v.Stderr(), maxCommandErrors, truncated), line: []byte(truncated)}
	env := ExecEnv{
		Out: out, Err: errs, Getenv: v.getenv,
		Library: v.c.lib, Cache: v.c.cache, Index: v.c.index,
	}
	if v.hasPty {
		env.Width, _ = drawSize(v.pty.Window.Width, v.pty.Window.Height)
	}
	status := s.cfg.Exec(ctx, args, env)
	if out.truncated {
		s.metrics.refused(refusedOutput)
		if !errs.said {
			_, _ = io.WriteString(v.Stderr(), "cyberdiplo: "+truncated+"\n")
		}
		status = max(status, 1)
	}
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
	fmt.Fprintf(&b, v.text().Note, port, port)
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	for _, p := range v.c.lib.Pages(v.lang) {
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
	win := v.pty.Window
	w, h := drawSize(win.Width, win.Height)
	environ := append(v.Environ(), "TERM="+v.pty.Term)
	profile := colorprofile.Env(environ) // from TERM, COLORTERM, NO_COLOR...
	scr := newScreen(v, profile, v.lang, s.bufs)
	scr.resize(win.Width, win.Height)
	scr.observe = s.metrics.keyToFrame.Update
	m := &screenModel{scr: scr, Model: tui.New(tui.Options{
		Library: v.c.lib, Cache: v.c.cache, Index: v.c.index,
		Lang: v.lang, Style: "auto", Width: w, Height: h,
		Marks: marks.Session(), // the visitor's marks: nothing is written on the server
	})}
	// The visitor's bytes are decoded by the input (input.go), the frames drawn
	// by the screen (screen.go), and the model run by the program (program.go).
	p := newProgram(m, profile, w, h)
	p.pool, p.flush = s.draws, scr.flush // Update and View on the shared drawers (drawpool.go)
	_, _ = io.WriteString(v, terminalQueries)
	in := newInput(func(err error) {
		s.log.Error("session panicked in its input", "session", v.id, "err", err, "stack", string(debug.Stack()))
		v.end(endPanic)
	})
	go in.read(v)

	defer s.endWith(v, p.Quit, p.done)()
	warn := func() { p.send(idleSoonMsg{}) }
	v.idleSoon.Store(&warn)
	defer v.idleSoon.Store(nil)

	err := p.run(in, &v.ch.size, func(r any, stack []byte) {
		s.log.Error("session panicked in the reader", "session", v.id, "panic", fmt.Sprint(r), "stack", string(stack))
	})
	in.close()
	scr.close()

	lang := v.lang
	if fm, ok := m.Model.(*tui.Model); ok {
		lang, _ = fm.Current()
	}
	bye := i18n.For(lang).Kiosk
	if errors.Is(err, errPanic) {
		v.finish(endPanic, 1)
		v.say(bye.Sorry)
		return
	}
	s.sayWhy(v, bye)
	v.finish(endQuit, 0)
}

// sayWhy tells the visitor why the kiosk ended their session (idle, time limit,
// shutdown), if it did, and returns the reason ("" when they left themselves).
func (s *Server) sayWhy(v *visit, bye i18n.KioskStrings) endReason {
	reason, _ := v.outcome()
	switch reason {
	case endIdle:
		v.say(fmt.Sprintf(bye.Idle, s.cfg.IdleTimeout))
	case endMax:
		v.say(bye.Max)
	case endShutdown:
		v.say(bye.Closing)
	}
	return reason
}

// keyMsg is a key and when it arrived: the screen model times the frame it
// brings (cyberdiplo_keystroke_to_frame_seconds).
type keyMsg struct {
	key tea.KeyPressMsg
	at  int64
}

// windowMsg is the visitor's window as the client gave it: the screen model
// clamps it.
type windowMsg ssh.Window

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

// endWith ends a session's reader when the kiosk asks (idle, time limit,
// shutdown) or the visitor disconnects: halt asks it to stop; if it has not
// (done still open) after quitGrace, stuck writing to a client that stopped
// reading, the connection is cut, which unblocks the writes. The returned
// function unregisters the watch.
func (s *Server) endWith(v *visit, halt func(), done <-chan struct{}) func() {
	var once sync.Once
	stop := func() {
		once.Do(func() {
			halt()
			time.AfterFunc(quitGrace, func() {
				select {
				case <-done:
				default:
					v.setReason(endSlow)
					s.log.Warn("session did not end: closing its connection", "session", v.id)
					v.closeConn()
				}
			})
		})
	}
	unStopped := context.AfterFunc(v.stopped, stop)
	unGone := context.AfterFunc(v.Context(), func() { v.setReason(endDisconnected); stop() })
	return func() { unStopped(); unGone() }
}
