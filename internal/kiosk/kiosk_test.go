package kiosk_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	gossh "github.com/cyberdiplo/cyberdiplo/third_party/xcrypto/ssh"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/cli"
	"github.com/cyberdiplo/cyberdiplo/internal/kiosk"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/render"
)

// wait is the deadline for anything the tests wait for: generous, since the
// machine may be busy; tests poll for conditions and never time things.
const wait = 20 * time.Second

var (
	libOnce sync.Once
	libVal  *library.Library
	libErr  error
)

func testLib(t testing.TB) *library.Library {
	t.Helper()
	libOnce.Do(func() { libVal, libErr = library.Load(content.FS()) })
	if libErr != nil {
		t.Fatal(libErr)
	}
	return libVal
}

// buffer is a bytes.Buffer safe for concurrent use.
type buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *buffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func (b *buffer) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Len()
}

// eventually polls cond until it holds or the deadline passes.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// execRestricted is what `cyberdiplo serve` passes as Config.Exec.
func execRestricted(ctx context.Context, args []string, e kiosk.ExecEnv) int {
	return cli.ExecuteRestricted(ctx, args, cli.Env{
		Out: e.Out, Err: e.Err, Getenv: e.Getenv, Width: e.Width, Library: e.Library, Cache: e.Cache,
	})
}

type harness struct {
	srv    *kiosk.Server
	addr   string
	logs   *buffer
	served chan error
}

func start(t testing.TB, mod func(*kiosk.Config)) *harness {
	t.Helper()
	logs := &buffer{}
	cfg := kiosk.Config{
		HostKeyPath: filepath.Join(t.TempDir(), "hostkey"),
		MaxSessions: 100,
		Library:     testLib(t),
		Logger:      slog.New(slog.NewTextHandler(logs, nil)),
		Exec:        execRestricted,
	}
	if mod != nil {
		mod(&cfg)
	}
	srv, err := kiosk.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{srv: srv, addr: ln.Addr().String(), logs: logs, served: make(chan error, 1)}
	go func() { h.served <- srv.Serve(ln) }()
	t.Cleanup(func() { srv.Close() }) //nolint:errcheck
	return h
}

func (h *harness) dial(t testing.TB, user string, auth ...gossh.AuthMethod) *gossh.Client {
	t.Helper()
	c, err := h.tryDial(user, auth...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() }) //nolint:errcheck
	return c
}

func (h *harness) tryDial(user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", h.addr, &gossh.ClientConfig{
		User:            user,
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), //nolint:gosec // a test server
		Timeout:         wait,
	})
}

// term is a PTY session seen from the client.
type term struct {
	sess     *gossh.Session
	in       io.WriteCloser
	out, err *buffer
	done     chan error
}

func openPTY(t testing.TB, c *gossh.Client, w, h int, env map[string]string) *term {
	t.Helper()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range env {
		if err := s.Setenv(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.RequestPty("xterm-256color", h, w, nil); err != nil {
		t.Fatal(err)
	}
	tm := &term{sess: s, out: &buffer{}, err: &buffer{}, done: make(chan error, 1)}
	s.Stdout, s.Stderr = tm.out, tm.err
	if tm.in, err = s.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { tm.done <- s.Wait() }()
	return tm
}

// screen is the output so far without escape sequences, from byte offset from.
func (tm *term) text(from int) string {
	s := tm.out.String()
	if from > len(s) {
		from = len(s)
	}
	return ansi.Strip(s[from:])
}

// waitFor waits for want in the output after byte offset from.
func (tm *term) waitFor(t testing.TB, from int, want string) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for !strings.Contains(tm.text(from), want) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %q; output:\n%s", want, tm.text(from))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// clipboard waits for the OSC 52 written after byte from (the status bar says
// a copy was made at once; the clipboard follows in a write of its own) and
// returns what it carries, decoded.
func (tm *term) clipboard(t testing.TB, from int) string {
	t.Helper()
	for deadline := time.Now().Add(wait); ; time.Sleep(10 * time.Millisecond) {
		_, p, ok := strings.Cut(tm.out.String()[from:], "\x1b]52;c;")
		if end := strings.IndexAny(p, "\a\x1b"); ok && end >= 0 {
			text, err := base64.StdEncoding.DecodeString(p[:end])
			if err != nil {
				t.Fatalf("OSC 52 payload %q: %v", p[:end], err)
			}
			return string(text)
		}
		if time.Now().After(deadline) {
			t.Fatalf("no OSC 52 after the status said a copy was made: %q", tm.out.String()[from:])
		}
	}
}

func (tm *term) send(t testing.TB, keys string) {
	t.Helper()
	if _, err := io.WriteString(tm.in, keys); err != nil {
		t.Fatal(err)
	}
}

// exit waits for the session to end and returns its exit status.
func (tm *term) exit(t testing.TB) int {
	t.Helper()
	select {
	case err := <-tm.done:
		return status(t, err)
	case <-time.After(wait):
		t.Fatal("timed out waiting for the session to end")
		return -1
	}
}

func status(t testing.TB, err error) int {
	t.Helper()
	var ee *gossh.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.ExitStatus()
	}
	t.Fatalf("session ended without a status: %v", err)
	return -1
}

// run runs a command session and returns its output and status.
func run(t testing.TB, c *gossh.Client, cmd string) (stdout, stderr string, code int) {
	t.Helper()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close() //nolint:errcheck
	var o, e bytes.Buffer
	s.Stdout, s.Stderr = &o, &e
	if cmd == "" {
		err = s.Shell()
		if err == nil {
			err = s.Wait()
		}
	} else {
		err = s.Run(cmd)
	}
	return o.String(), e.String(), status(t, err)
}

func tab(t testing.TB, lang string) string {
	return testLib(t).Pages(lang)[0].Tab
}

func TestFirstFrame(t *testing.T) {
	h := start(t, nil)
	tm := openPTY(t, h.dial(t, "visitor"), 100, 30, nil)
	tm.waitFor(t, 0, tab(t, "en"))
	tm.waitFor(t, 0, "? help")
	// The window: the alternate screen, and nothing wider than 100 columns.
	if !strings.Contains(tm.out.String(), "\x1b[?1049h") {
		t.Error("the reader did not switch to the alternate screen")
	}
	tm.send(t, "q")
	if code := tm.exit(t); code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
}

func TestFirstFrameAtClientSize(t *testing.T) {
	h := start(t, nil)
	tm := openPTY(t, h.dial(t, "visitor"), 19, 8, nil)
	tm.waitFor(t, 0, "Window too small")
	tm.send(t, "q")
	tm.exit(t)
}

func TestLanguage(t *testing.T) {
	for _, tc := range []struct {
		name, user, lang, serverLang string
		env                          map[string]string
	}{
		{"user it", "it", "it", "", nil},
		{"user en beats LANG", "en", "en", "", map[string]string{"LANG": "it_IT.UTF-8"}},
		{"LANG it", "visitor", "it", "", map[string]string{"LANG": "it_IT.UTF-8"}},
		{"LANG en beats --lang it", "visitor", "en", "it", map[string]string{"LANG": "en_GB.UTF-8"}},
		{"--lang it", "visitor", "it", "it", nil},
		{"default en", "visitor", "en", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := start(t, func(c *kiosk.Config) { c.Lang = tc.serverLang })
			tm := openPTY(t, h.dial(t, tc.user), 100, 30, tc.env)
			tm.waitFor(t, 0, tab(t, tc.lang))
			if other := tab(t, map[string]string{"en": "it", "it": "en"}[tc.lang]); strings.Contains(tm.text(0), other) {
				t.Errorf("the tab %q of the other language is on screen", other)
			}
			// L still switches.
			mark := tm.out.Len()
			tm.send(t, "L")
			tm.waitFor(t, mark, tab(t, map[string]string{"en": "it", "it": "en"}[tc.lang]))
			tm.send(t, "q")
			if code := tm.exit(t); code != 0 {
				t.Errorf("exit status %d", code)
			}
		})
	}
}

func TestWindowChangeReflows(t *testing.T) {
	h := start(t, nil)
	tm := openPTY(t, h.dial(t, "visitor"), 100, 30, nil)
	tm.waitFor(t, 0, tab(t, "en"))

	mark := tm.out.Len()
	if err := tm.sess.WindowChange(8, 19); err != nil {
		t.Fatal(err)
	}
	tm.waitFor(t, mark, "Window too small")

	mark = tm.out.Len()
	if err := tm.sess.WindowChange(30, 100); err != nil {
		t.Fatal(err)
	}
	tm.waitFor(t, mark, tab(t, "en"))

	// At 60 columns the page is rendered again at 60: a line found only in the
	// 60-column render shows up.
	line := reflowedLine(t, testLib(t).Pages("en")[0], 60, 100, 27)
	mark = tm.out.Len()
	if err := tm.sess.WindowChange(30, 60); err != nil {
		t.Fatal(err)
	}
	tm.waitFor(t, mark, line)
	tm.send(t, "q")
	tm.exit(t)
}

// reflowedLine is a line among the first n of page p rendered at width w that
// the render at width other does not have.
func reflowedLine(t testing.TB, p *library.Page, w, other, n int) string {
	t.Helper()
	a, err := render.Page(p, min(w, render.MaxWidth), "dark")
	if err != nil {
		t.Fatal(err)
	}
	b, err := render.Page(p, min(other, render.MaxWidth), "dark")
	if err != nil {
		t.Fatal(err)
	}
	b = ansi.Strip(b)
	for i, l := range strings.Split(ansi.Strip(a), "\n") {
		if i >= n {
			break
		}
		l = strings.TrimSpace(l)
		if len(l) >= 20 && !strings.Contains(l, "  ") && !strings.Contains(b, l) {
			return l
		}
	}
	t.Fatalf("no line of %s differs between widths %d and %d", p.ID, w, other)
	return ""
}

func TestQuitExitsZero(t *testing.T) {
	h := start(t, nil)
	tm := openPTY(t, h.dial(t, "it"), 80, 24, nil)
	tm.waitFor(t, 0, tab(t, "it"))
	tm.send(t, "jj\t")
	tm.send(t, "q")
	if code := tm.exit(t); code != 0 {
		t.Fatalf("exit status %d, want 0", code)
	}
	eventually(t, "the end of the session in the log", func() bool {
		return strings.Contains(h.logs.String(), "why=quit")
	})
}

func TestCommands(t *testing.T) {
	h := start(t, nil)
	c := h.dial(t, "visitor")
	lib := testLib(t)

	out, _, code := run(t, c, "list")
	if code != 0 || !strings.Contains(out, "overview") || !strings.Contains(out, lib.Page("en", "un").Title) {
		t.Errorf("list: status %d, output:\n%s", code, out)
	}
	out, _, code = run(t, c, "show un --lang it")
	if code != 0 || !strings.Contains(out, lib.Page("it", "un").Title) || strings.Contains(out, "\x1b[") {
		t.Errorf("show un --lang it: status %d, output:\n%.300s", code, out)
	}
	out, _, code = run(t, c, "search cyber")
	if code != 0 || out == "" {
		t.Errorf("search cyber: status %d, output:\n%.300s", code, out)
	}
	// The user name gives the language of commands too.
	out, _, code = run(t, h.dial(t, "it"), "list")
	if code != 0 || !strings.Contains(out, lib.Page("it", "overview").Title) {
		t.Errorf("it@ list: status %d, output:\n%s", code, out)
	}
	// Bad arguments of an allowed command: the CLI's usage error.
	_, errOut, code := run(t, c, "show nowhere")
	if code != 2 || !strings.Contains(errOut, "unknown page") {
		t.Errorf("show nowhere: status %d, stderr %q", code, errOut)
	}
}

func TestCommandsRefused(t *testing.T) {
	h := start(t, nil)
	c := h.dial(t, "visitor")
	for _, cmd := range []string{"sh", "rm -rf /", "lint", "serve", "cat /etc/passwd", "--content /etc list", "bash -c id"} {
		out, errOut, code := run(t, c, cmd)
		if code != 1 {
			t.Errorf("%q: status %d, want 1", cmd, code)
		}
		if out != "" {
			t.Errorf("%q: stdout %q, want none", cmd, out)
		}
		if strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "list, show, search") {
			t.Errorf("%q: stderr %q, want one line naming list, show, search", cmd, errOut)
		}
	}
	// A flag outside the restricted set is refused by the command line.
	_, errOut, code := run(t, c, "list --content /etc")
	if code == 0 {
		t.Errorf("list --content: status 0, stderr %q", errOut)
	}
}

func TestNoPTYNote(t *testing.T) {
	h := start(t, nil)
	out, _, code := run(t, h.dial(t, "visitor"), "")
	if code != 0 {
		t.Errorf("status %d, want 0", code)
	}
	if !strings.Contains(out, "ssh -t") {
		t.Errorf("the note does not say ssh -t:\n%s", out)
	}
	for _, p := range testLib(t).Pages("en") {
		if !strings.Contains(out, p.ID) || !strings.Contains(out, p.Title) {
			t.Errorf("the note does not list %s (%s):\n%s", p.ID, p.Title, out)
		}
	}
	out, _, _ = run(t, h.dial(t, "it"), "")
	if !strings.Contains(out, testLib(t).Page("it", "overview").Title) {
		t.Errorf("the note for it@ is not in Italian:\n%s", out)
	}
}

func TestForwardingRefused(t *testing.T) {
	h := start(t, nil)
	c := h.dial(t, "visitor")

	// Something the kiosk could reach, were forwarding allowed.
	target, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer target.Close() //nolint:errcheck

	// ssh -L and ssh -W: direct-tcpip channels.
	if conn, err := c.Dial("tcp", target.Addr().String()); err == nil {
		conn.Close() //nolint:errcheck
		t.Error("local port forwarding (direct-tcpip) was accepted")
	}
	// ssh -R: tcpip-forward.
	if ln, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		ln.Close() //nolint:errcheck
		t.Error("remote port forwarding (tcpip-forward) was accepted")
	}
	// Any other channel type (x11, agent, ...).
	for _, typ := range []string{"x11", "auth-agent@openssh.com", "direct-streamlocal@openssh.com"} {
		if ch, _, err := c.OpenChannel(typ, nil); err == nil {
			ch.Close() //nolint:errcheck
			t.Errorf("channel %s was accepted", typ)
		}
	}
	// Session requests: agent and X11 forwarding, subsystems.
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	for _, req := range []string{"auth-agent-req@openssh.com", "x11-req"} {
		ok, err := s.SendRequest(req, true, x11Payload(req))
		if err != nil || ok {
			t.Errorf("%s: ok=%v err=%v, want refused", req, ok, err)
		}
	}
	for _, sub := range []string{"sftp", "scp"} {
		s, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if err := s.RequestSubsystem(sub); err == nil {
			t.Errorf("subsystem %s was accepted", sub)
		}
		s.Close() //nolint:errcheck
	}
	// And scp as a command: refused like any other command.
	if _, _, code := run(t, c, "scp -t /tmp"); code != 1 {
		t.Errorf("scp -t: status %d, want 1", code)
	}
	// The connection still serves the kiosk.
	if out, _, code := run(t, c, "list"); code != 0 || out == "" {
		t.Errorf("list after the refusals: status %d", code)
	}
}

func x11Payload(req string) []byte {
	if req != "x11-req" {
		return nil
	}
	return gossh.Marshal(struct {
		Single   bool
		Protocol string
		Cookie   string
		Screen   uint32
	}{false, "MIT-MAGIC-COOKIE-1", "00112233445566778899aabbccddeeff", 0})
}

func newKey(t testing.TB) (gossh.Signer, gossh.PublicKey) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s, s.PublicKey()
}

func TestAuthorizedKeys(t *testing.T) {
	good, goodPub := newKey(t)
	bad, _ := newKey(t)
	path := filepath.Join(t.TempDir(), "authorized_keys")
	data := "# the kiosk's visitors\n\n" + string(gossh.MarshalAuthorizedKey(goodPub))
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	h := start(t, func(c *kiosk.Config) { c.AuthorizedKeysPath = path })

	c := h.dial(t, "visitor", gossh.PublicKeys(good))
	if out, _, code := run(t, c, "list"); code != 0 || out == "" {
		t.Errorf("an authorized key: status %d", code)
	}
	if c, err := h.tryDial("visitor", gossh.PublicKeys(bad)); err == nil {
		c.Close() //nolint:errcheck
		t.Error("a key not in the file got in")
	}
	if c, err := h.tryDial("visitor"); err == nil {
		c.Close() //nolint:errcheck
		t.Error("a client without a key got in")
	}
	if c, err := h.tryDial("visitor", gossh.Password("")); err == nil {
		c.Close() //nolint:errcheck
		t.Error("a password got in")
	}
}

func TestAuthorizedKeysFileErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	garbage := filepath.Join(dir, "garbage")
	os.WriteFile(empty, []byte("# nobody\n"), 0o600)           //nolint:errcheck
	os.WriteFile(garbage, []byte("ssh-ed25519 AAAA\n"), 0o600) //nolint:errcheck
	for _, p := range []string{filepath.Join(dir, "missing"), empty, garbage} {
		_, err := kiosk.New(kiosk.Config{
			HostKeyPath: filepath.Join(dir, "key"), Library: testLib(t), AuthorizedKeysPath: p,
		})
		var ce *kiosk.ConfigError
		if !errors.As(err, &ce) || ce.Option != "--authorized-keys" {
			t.Errorf("%s: err %v, want a --authorized-keys ConfigError", p, err)
		}
	}
}

func TestMaxSessions(t *testing.T) {
	h := start(t, func(c *kiosk.Config) { c.MaxSessions = 2 })
	c := h.dial(t, "visitor")
	a := openPTY(t, c, 80, 24, nil)
	b := openPTY(t, c, 80, 24, nil)
	a.waitFor(t, 0, tab(t, "en"))
	b.waitFor(t, 0, tab(t, "en"))

	// A third visitor, with a terminal or with a command, is told to come back.
	third := openPTY(t, h.dial(t, "visitor"), 80, 24, nil)
	if code := third.exit(t); code != 1 {
		t.Errorf("a third PTY session: status %d, want 1", code)
	}
	if got := ansi.Strip(third.err.String() + third.out.String()); !strings.Contains(got, "The kiosk is busy: please try again in a minute.") {
		t.Errorf("a third PTY session was told %q", got)
	}
	out, errOut, code := run(t, h.dial(t, "visitor"), "list")
	if code != 1 || out != "" || !strings.Contains(errOut, "The kiosk is busy") {
		t.Errorf("a third command session: status %d, stdout %q, stderr %q", code, out, errOut)
	}
	// Once a visitor leaves, there is room again.
	a.send(t, "q")
	a.exit(t)
	eventually(t, "a free session", func() bool { return h.srv.Stats().Sessions == 1 })
	if _, _, code := run(t, h.dial(t, "visitor"), "list"); code != 0 {
		t.Errorf("after a visitor left: status %d, want 0", code)
	}
	b.send(t, "q")
	b.exit(t)
}

func TestIdleTimeout(t *testing.T) {
	h := start(t, func(c *kiosk.Config) { c.IdleTimeout = 300 * time.Millisecond })
	tm := openPTY(t, h.dial(t, "visitor"), 80, 24, nil)
	tm.waitFor(t, 0, tab(t, "en"))
	if code := tm.exit(t); code != 0 {
		t.Errorf("status %d, want 0", code)
	}
	if got := tm.text(0); !strings.Contains(got, "Idle for 300ms: goodbye.") {
		t.Errorf("no goodbye; output ends with %q", tail(got, 200))
	}
	// The goodbye comes after the reader has left the alternate screen.
	out := tm.out.String()
	if i, j := strings.LastIndex(out, "\x1b[?1049l"), strings.Index(out, "Idle for"); i < 0 || j < i {
		t.Errorf("the goodbye is not after the end of the alternate screen (%d, %d)", i, j)
	}
	eventually(t, "the idle end in the log", func() bool { return strings.Contains(h.logs.String(), "why=idle") })
}

func TestIdleTimeoutItalian(t *testing.T) {
	h := start(t, func(c *kiosk.Config) { c.IdleTimeout = 300 * time.Millisecond })
	tm := openPTY(t, h.dial(t, "it"), 80, 24, nil)
	tm.exit(t)
	if got := tm.text(0); !strings.Contains(got, "Inattivo da 300ms: arrivederci.") {
		t.Errorf("no Italian goodbye; output ends with %q", tail(got, 200))
	}
}

func TestMaxSessionTime(t *testing.T) {
	h := start(t, func(c *kiosk.Config) { c.MaxSession = 500 * time.Millisecond })
	tm := openPTY(t, h.dial(t, "visitor"), 80, 24, nil)
	tm.waitFor(t, 0, tab(t, "en"))
	tm.exit(t)
	if got := tm.text(0); !strings.Contains(got, "Session time limit reached: goodbye.") {
		t.Errorf("no goodbye; output ends with %q", tail(got, 200))
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

func TestPanicIsRecovered(t *testing.T) {
	h := start(t, func(c *kiosk.Config) {
		c.Exec = func(ctx context.Context, args []string, e kiosk.ExecEnv) int {
			if args[0] == "boom" {
				panic("boom")
			}
			return execRestricted(ctx, args, e)
		}
	})
	c := h.dial(t, "visitor")
	other := openPTY(t, h.dial(t, "visitor"), 80, 24, nil)
	other.waitFor(t, 0, tab(t, "en"))

	_, errOut, code := run(t, c, "boom")
	if code != 1 || !strings.Contains(errOut, "something went wrong") {
		t.Errorf("a panicking session: status %d, stderr %q", code, errOut)
	}
	if logs := h.logs.String(); !strings.Contains(logs, "session panicked") || !strings.Contains(logs, "why=panic") {
		t.Errorf("the panic is not logged:\n%s", logs)
	}
	// The other sessions go on, and new ones start.
	mark := other.out.Len()
	other.send(t, "L")
	other.waitFor(t, mark, tab(t, "it"))
	if _, _, code := run(t, c, "list"); code != 0 {
		t.Errorf("list after a panic: status %d", code)
	}
	other.send(t, "q")
	if code := other.exit(t); code != 0 {
		t.Errorf("the other session: status %d", code)
	}
}

func TestRateLimit(t *testing.T) {
	h := start(t, func(c *kiosk.Config) { c.Rate, c.Burst = 0.001, 2 })
	h.dial(t, "visitor")
	h.dial(t, "visitor")
	if c, err := h.tryDial("visitor"); err == nil {
		c.Close() //nolint:errcheck
		t.Fatal("a third connection within the burst got in")
	}
	eventually(t, "the refusal in the log", func() bool {
		return strings.Contains(h.logs.String(), "connection refused")
	})
}

func TestLogsNeverHoldKeys(t *testing.T) {
	h := start(t, nil)
	tm := openPTY(t, h.dial(t, "visitor"), 100, 30, map[string]string{"LANG": "en_US.UTF-8"})
	tm.waitFor(t, 0, tab(t, "en"))
	tm.send(t, "/zqxsecret\r")
	tm.send(t, "\x03\x03") // ctrl+c cancels the search box (as in less), then quits
	tm.exit(t)
	eventually(t, "the end of the session in the log", func() bool {
		return strings.Contains(h.logs.String(), "session end")
	})
	logs := h.logs.String()
	if strings.Contains(logs, "zqxsecret") {
		t.Errorf("the log holds what the visitor typed:\n%s", logs)
	}
	for _, want := range []string{"kiosk listening", "fingerprint=SHA256:", "session start", "user=visitor",
		"remote=127.0.0.1:", "term=xterm-256color", "size=100x30", "lang=en", "duration=", "why=quit"} {
		if !strings.Contains(logs, want) {
			t.Errorf("the log lacks %q:\n%s", want, logs)
		}
	}
}

func TestSharedRenderCache(t *testing.T) {
	h := start(t, nil)
	lib := testLib(t)
	all := len(lib.Pages("en")) + len(lib.Pages("it"))
	first := openPTY(t, h.dial(t, "visitor"), 90, 30, nil)
	first.waitFor(t, 0, tab(t, "en"))
	// The first visitor renders every page in both languages at 90 columns.
	eventually(t, "the prefetch", func() bool { return h.srv.Stats().Renders >= all })
	before := h.srv.Stats().Renders
	var terms []*term
	for i := 0; i < 5; i++ {
		tm := openPTY(t, h.dial(t, "visitor"), 90, 30, nil)
		terms = append(terms, tm)
	}
	for _, tm := range terms {
		tm.waitFor(t, 0, tab(t, "en"))
		tm.send(t, "\t")
		tm.send(t, "q")
		tm.exit(t)
	}
	if after := h.srv.Stats().Renders; after != before {
		t.Errorf("5 more visitors at the same width cost %d renders, want 0", after-before)
	}
	first.send(t, "q")
	first.exit(t)
}

// TestNoLeaks: after many sessions come and go, some quitting, some dropping the
// connection mid-frame, goroutines and memory return to their baseline.
func TestNoLeaks(t *testing.T) {
	h := start(t, nil)
	// Warm up: the render cache, glamour's and chroma's lazy state.
	warm := openPTY(t, h.dial(t, "visitor"), 100, 30, nil)
	warm.waitFor(t, 0, tab(t, "en"))
	lib := testLib(t)
	all := len(lib.Pages("en")) + len(lib.Pages("it"))
	eventually(t, "the prefetch", func() bool { return h.srv.Stats().Renders >= all })
	warm.send(t, "\tL\t")
	warm.send(t, "q")
	warm.exit(t)
	eventually(t, "the warm-up session to end", func() bool { return h.srv.Stats().Sessions == 0 })

	settle := func() (int, uint64) {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return runtime.NumGoroutine(), ms.HeapInuse
	}
	// The warm-up connection is closed by the client below; measure after.
	baseG, baseHeap := settle()

	const n, parallel = 50, 10
	sem := make(chan struct{}, parallel)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			c, err := h.tryDial("visitor")
			if err != nil {
				t.Error(err)
				return
			}
			defer c.Close() //nolint:errcheck
			tm := openPTY(t, c, 100, 30, nil)
			tm.waitFor(t, 0, tab(t, "en"))
			tm.send(t, "j\t ")
			if i%2 == 0 {
				tm.send(t, "q")
				tm.exit(t)
				return
			}
			// Drop the connection mid-frame: keys sent, output unread.
			tm.send(t, "L\tjjj")
			c.Close() //nolint:errcheck
		}(i)
	}
	wg.Wait()
	eventually(t, "the sessions to end", func() bool {
		st := h.srv.Stats()
		return st.Sessions == 0 && st.Connections <= 1
	})
	var g int
	var heap uint64
	deadline := time.Now().Add(wait)
	for {
		g, heap = settle()
		if g <= baseG+2 || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if g > baseG+2 {
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		t.Errorf("goroutines: %d after 50 sessions, %d before\n%s", g, baseG, buf)
	}
	if heap > baseHeap+16<<20 {
		t.Errorf("heap in use: %d MiB after 50 sessions, %d MiB before", heap>>20, baseHeap>>20)
	}
	t.Logf("goroutines %d -> %d, heap %d KiB -> %d KiB", baseG, g, baseHeap>>10, heap>>10)
}

func TestGracefulShutdown(t *testing.T) {
	h := start(t, nil)
	c := h.dial(t, "it")
	a := openPTY(t, c, 80, 24, nil)
	b := openPTY(t, h.dial(t, "visitor"), 80, 24, nil)
	a.waitFor(t, 0, tab(t, "it"))
	b.waitFor(t, 0, tab(t, "en"))
	idle := h.dial(t, "visitor") // a connection without a session

	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	if err := h.srv.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	for _, tc := range []struct {
		tm   *term
		want string
	}{{a, "Il chiosco sta chiudendo. Arrivederci."}, {b, "The kiosk is closing. Goodbye."}} {
		if code := tc.tm.exit(t); code != 0 {
			t.Errorf("status %d, want 0", code)
		}
		if got := tc.tm.text(0); !strings.Contains(got, tc.want) {
			t.Errorf("no %q; output ends with %q", tc.want, tail(got, 200))
		}
	}
	select {
	case err := <-h.served:
		if !errors.Is(err, kiosk.ErrServerClosed) {
			t.Errorf("Serve returned %v", err)
		}
	case <-time.After(wait):
		t.Error("Serve did not return")
	}
	if c, err := h.tryDial("visitor"); err == nil {
		c.Close() //nolint:errcheck
		t.Error("a new connection was accepted after Shutdown")
	}
	if _, err := idle.NewSession(); err == nil {
		t.Error("the connection without a session is still open")
	}
	if !strings.Contains(h.logs.String(), "why=shutdown") {
		t.Errorf("the log does not say why the sessions ended:\n%s", h.logs.String())
	}
}

func TestShutdownTimeout(t *testing.T) {
	// A session that cannot end (its command blocks): Shutdown gives up at the
	// context's deadline and cuts it.
	release := make(chan struct{})
	h := start(t, func(c *kiosk.Config) {
		c.Exec = func(ctx context.Context, args []string, e kiosk.ExecEnv) int {
			fmt.Fprintln(e.Out, "started")
			<-release
			return 0
		}
	})
	defer close(release)
	c := h.dial(t, "visitor")
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out := &buffer{}
	s.Stdout = out
	if err := s.Start("list"); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the command to start", func() bool { return strings.Contains(out.String(), "started") })
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if err := h.srv.Shutdown(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Shutdown: %v, want the deadline", err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Wait() }()
	select {
	case <-done:
	case <-time.After(wait):
		t.Error("the session was not cut")
	}
}

// TestLightTerminal: the kiosk asks the visitor's terminal for its background;
// a light one gets the light style (pages rendered again in it).
func TestLightTerminal(t *testing.T) {
	h := start(t, nil)
	lib := testLib(t)
	all := len(lib.Pages("en")) + len(lib.Pages("it"))
	tm := openPTY(t, h.dial(t, "visitor"), 100, 30, nil)
	eventually(t, "the background colour query", func() bool { return strings.Contains(tm.out.String(), "\x1b]11;?") })
	tm.send(t, "\x1b]11;rgb:ffff/ffff/ffff\x1b\\")
	tm.waitFor(t, 0, tab(t, "en"))
	eventually(t, "renders in the light style", func() bool { return h.srv.Stats().Renders > all })
	tm.send(t, "q")
	if code := tm.exit(t); code != 0 {
		t.Errorf("exit status %d", code)
	}
}

// TestStuckVisitorIsCut: a visitor whose client stops reading (a frozen laptop:
// its SSH window fills and every write of the server blocks) cannot hold the
// kiosk. Asked to end, the session has quitGrace, then its connection is cut.
func TestStuckVisitorIsCut(t *testing.T) {
	h := start(t, nil)
	px := freezeProxy(t, h.addr)
	c, err := gossh.Dial("tcp", px.addr, &gossh.ClientConfig{
		User: "visitor", HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: wait, //nolint:gosec
	})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close() //nolint:errcheck
	tm := openPTY(t, c, 100, 30, nil)
	tm.waitFor(t, 0, tab(t, "en"))
	px.freeze() // from now on the client receives nothing
	// Full repaints until the server has filled most of the client's window (2 MB).
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond): // a visitor dragging the window's corner
			}
			if tm.sess.WindowChange(30+i%2, 100) != nil {
				return
			}
		}
	}()
	// Stuck: a megabyte held, and nothing more comes for half a second while the
	// client goes on resizing.
	last, since := int64(-1), time.Now()
	eventually(t, "the server to be stuck", func() bool {
		if h := px.held(); h != last {
			last, since = h, time.Now()
		}
		return last >= 1<<20 && time.Since(since) > 500*time.Millisecond
	})
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	if err := h.srv.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	if logs := h.logs.String(); !strings.Contains(logs, "did not end: closing its connection") {
		t.Errorf("the cut is not logged:\n%s", logs)
	}
}

type proxy struct {
	addr   string
	frozen atomic.Bool
	count  atomic.Int64 // bytes from the server not passed on
}

func (p *proxy) freeze()     { p.frozen.Store(true) }
func (p *proxy) held() int64 { return p.count.Load() }

// freezeProxy passes one connection to target until frozen; then it keeps
// reading what the server sends, and drops it.
func freezeProxy(t *testing.T, target string) *proxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() }) //nolint:errcheck
	p := &proxy{addr: ln.Addr().String()}
	go func() {
		in, err := ln.Accept()
		if err != nil {
			return
		}
		out, err := net.Dial("tcp", target)
		if err != nil {
			in.Close() //nolint:errcheck
			return
		}
		t.Cleanup(func() { in.Close(); out.Close() }) //nolint:errcheck
		go io.Copy(out, in)                           //nolint:errcheck
		buf := make([]byte, 32<<10)
		for {
			n, err := out.Read(buf)
			if p.frozen.Load() {
				p.count.Add(int64(n))
			} else if _, werr := in.Write(buf[:n]); werr != nil {
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return p
}

// TestResizeStorm: a visitor resizing fast (thousands of window changes, each a
// full repaint) still gets every frame and leaves with q. Window changes must
// never hold up the connection: behind them come the client's window
// adjustments, without which the server cannot write.
func TestResizeStorm(t *testing.T) {
	h := start(t, nil)
	tm := openPTY(t, h.dial(t, "visitor"), 100, 30, nil)
	tm.waitFor(t, 0, tab(t, "en"))
	for i := 0; i < 3000; i++ {
		if err := tm.sess.WindowChange(30+i%2, 100-i%3); err != nil {
			t.Fatal(err)
		}
	}
	if err := tm.sess.WindowChange(24, 80); err != nil {
		t.Fatal(err)
	}
	mark := tm.out.Len()
	tm.send(t, "L")
	tm.waitFor(t, mark, tab(t, "it"))
	tm.send(t, "q")
	if code := tm.exit(t); code != 0 {
		t.Errorf("exit status %d", code)
	}
}

// setsColour reports whether out holds an SGR sequence that sets a colour, and
// the first such parameter.
func setsColour(out string) (bool, int) {
	found, first := false, 0
	eachCSI(out, func(final byte, ps []int) {
		if final != 'm' || found {
			return
		}
		for _, p := range ps {
			if (p >= 30 && p <= 38) || (p >= 40 && p <= 48) || (p >= 90 && p <= 97) || (p >= 100 && p <= 107) {
				found, first = true, p
				return
			}
		}
	})
	return found, first
}

// TestColourProfiles: colours follow the client's TERM, COLORTERM and NO_COLOR.
func TestColourProfiles(t *testing.T) {
	h := start(t, nil)
	for _, tc := range []struct {
		term      string
		env       map[string]string
		colours   bool
		want, not []string
	}{
		{"xterm-256color", map[string]string{"COLORTERM": "truecolor"}, true, []string{"8;2;"}, nil},
		{"xterm-256color", nil, true, []string{"38;5;"}, []string{"8;2;"}},
		{"xterm", nil, true, nil, []string{"8;2;", "8;5;"}},
		{"xterm-256color", map[string]string{"NO_COLOR": "1"}, false, nil, nil},
	} {
		t.Run(tc.term+fmt.Sprint(tc.env), func(t *testing.T) {
			s, err := h.dial(t, "visitor").NewSession()
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tc.env {
				s.Setenv(k, v) //nolint:errcheck
			}
			if err := s.RequestPty(tc.term, 30, 100, nil); err != nil {
				t.Fatal(err)
			}
			tm := &term{sess: s, out: &buffer{}, err: &buffer{}, done: make(chan error, 1)}
			s.Stdout, s.Stderr = tm.out, tm.err
			tm.in, _ = s.StdinPipe()
			if err := s.Shell(); err != nil {
				t.Fatal(err)
			}
			go func() { tm.done <- s.Wait() }()
			tm.waitFor(t, 0, tab(t, "en"))
			tm.waitFor(t, 0, "? help")
			tm.send(t, "q")
			tm.exit(t)
			out := tm.out.String()
			if got, p := setsColour(out); got != tc.colours {
				t.Errorf("colours: %v, want %v (SGR parameter %d)", got, tc.colours, p)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("the output lacks %q", w)
				}
			}
			for _, n := range tc.not {
				if i := strings.Index(out, n); i >= 0 {
					t.Errorf("the output holds %q: %q", n, out[max(i-20, 0):min(i+30, len(out))])
				}
			}
		})
	}
}

// c copies the passage at the top with its citation into the visitor's own
// clipboard: the kiosk sends their terminal OSC 52.
func TestCopyReachesTheVisitorsClipboard(t *testing.T) {
	h := start(t, nil)
	tm := openPTY(t, h.dial(t, "visitor"), 100, 30, nil)
	tm.waitFor(t, 0, "? help")
	tm.send(t, "3") // UN
	tm.waitFor(t, 0, "Italy at the United Nations")
	from := len(tm.out.String())
	tm.send(t, "c")
	tm.waitFor(t, from, "sent to the clipboard")
	if text := tm.clipboard(t, from); !strings.Contains(text, "Italy at the United Nations › Key facts. Sources: ") {
		t.Errorf("clipboard payload %q", text)
	}
	tm.send(t, "q")
	if code := tm.exit(t); code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
}

// TestShutdownServesCommandsInFlight: a visitor whose connection was accepted
// just before the kiosk began to close still gets their command run (the
// listener is closed: a balancer sends the next ones elsewhere); a reader that
// starts then is told the kiosk is closing.
func TestShutdownServesCommandsInFlight(t *testing.T) {
	h := start(t, nil)
	inFlight, reader := h.dial(t, "visitor"), h.dial(t, "visitor")
	shut := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), wait)
		defer cancel()
		shut <- h.srv.Shutdown(ctx)
	}()
	eventually(t, "the listener closed", func() bool {
		c, err := net.DialTimeout("tcp", h.addr, time.Second)
		if err == nil {
			c.Close() //nolint:errcheck
		}
		return err != nil
	})
	if out, _, code := run(t, inFlight, "list"); code != 0 || !strings.Contains(out, "overview") {
		t.Errorf("a command in flight: status %d, output %q", code, out)
	}
	tm := openPTY(t, reader, 80, 24, nil)
	if code := tm.exit(t); code != 1 {
		t.Errorf("a reader starting during the shutdown: status %d, want 1", code)
	}
	if got := tm.err.String() + tm.out.String(); !strings.Contains(got, "The kiosk is closing. Goodbye.") {
		t.Errorf("the reader was not told: %q", got)
	}
	if err := <-shut; err != nil {
		t.Errorf("Shutdown: %v", err)
	}
}

// Idle TCP connections that never open a session cannot lock visitors out: when
// the kiosk is full, the oldest of them gives way to a newcomer. Visitors with a
// session are never pushed out.
func TestIdleConnectionsGiveWay(t *testing.T) {
	h := start(t, func(c *kiosk.Config) { // room for 2*2+16 = 20 connections
		c.MaxSessions = 2
		c.HandshakeGrace = time.Millisecond
		c.MaxStartups = kiosk.MaxStartups{Start: 100, Rate: 30, Full: 101} // no early drop
	})
	a := openPTY(t, h.dial(t, "visitor"), 80, 24, nil)
	a.waitFor(t, 0, tab(t, "en"))
	var idle []net.Conn
	for range 19 {
		c, err := net.Dial("tcp", h.addr)
		if err != nil {
			t.Fatal(err)
		}
		idle = append(idle, c)
		t.Cleanup(func() { c.Close() }) //nolint:errcheck
	}
	eventually(t, "the kiosk full", func() bool { return h.srv.Stats().Connections == 20 })
	// A newcomer still gets in, and the visitor already in stays.
	b := openPTY(t, h.dial(t, "visitor"), 80, 24, nil)
	b.waitFor(t, 0, tab(t, "en"))
	from := len(a.out.String())
	a.send(t, "2")
	a.waitFor(t, from, "Italy in the European Union")
	// One idle connection (one of the oldest) was closed to make room.
	var closed atomic.Int32
	var wg sync.WaitGroup
	for _, c := range idle {
		wg.Go(func() {
			c.SetReadDeadline(time.Now().Add(time.Second)) //nolint:errcheck
			if _, err := io.ReadAll(c); !errors.Is(err, os.ErrDeadlineExceeded) {
				closed.Add(1) // EOF or reset: the server closed it
			}
		})
	}
	wg.Wait()
	if n := closed.Load(); n != 1 {
		t.Errorf("%d idle connections were closed for the newcomer, want 1\n%s", n, h.logs.String())
	}
	a.send(t, "q")
	b.send(t, "q")
	a.exit(t)
	b.exit(t)
}

// A command over the 4 KB bound is told so in one line, and exits 1: it is
// neither run nor split (OpenSSH would otherwise say only "exec request failed").
func TestCommandTooLongIsSaid(t *testing.T) {
	h := start(t, nil)
	c := h.dial(t, "visitor")
	out, errOut, code := run(t, c, "show"+strings.Repeat(" un", 2000))
	if code != 1 || out != "" {
		t.Errorf("status %d, stdout %q; want 1 and nothing", code, out)
	}
	if strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "longer than 4096 bytes") {
		t.Errorf("stderr %q, want one line saying the command is too long", errOut)
	}
	// The connection still serves a command of the right size.
	if _, _, code := run(t, c, "list"); code != 0 {
		t.Errorf("list after a long command: status %d", code)
	}
}
