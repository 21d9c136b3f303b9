package kiosk_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	gossh "github.com/cyberdiplo/cyberdiplo/third_party/xcrypto/ssh"

	"github.com/cyberdiplo/cyberdiplo/internal/kiosk"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// openTerm is openPTY with the terminal type the client announces.
func openTerm(t testing.TB, c *gossh.Client, termType string, env map[string]string) *term {
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
	if err := s.RequestPty(termType, 24, 80, nil); err != nil {
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

// plainOnly fails unless out is what a screen reader can follow: not one escape
// sequence, and (on a PTY) every line ended with CR LF.
func plainOnly(t *testing.T, out string, pty bool) {
	t.Helper()
	if strings.ContainsRune(out, 0x1b) {
		t.Fatalf("an escape sequence reached the visitor: %q", out)
	}
	if pty && strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Fatalf("a line ends without CR on a raw terminal: %q", out)
	}
}

// ssh a11y@HOST: the line mode, through a real SSH client with a PTY: a page, a
// link, a search, q.
func TestLineModeForA11yUser(t *testing.T) {
	h := start(t, nil)
	lib := testLib(t)
	tm := openTerm(t, h.dial(t, "a11y"), "xterm-256color", nil)
	tm.waitFor(t, 0, "Command: ")
	un := lib.Page("en", "un")
	step := func(keys, want string) {
		t.Helper()
		from := tm.out.Len()
		tm.send(t, keys)
		tm.waitFor(t, from, want)
	}
	// What is typed is echoed: the visitor's terminal is raw.
	step("un\r", "un\r\n\r\n# "+un.Title+"\r\n")
	// The sections up to the first link to another page, then the link.
	var link library.Link
	found := false
	for _, l := range un.Links {
		if !l.External() && lib.Page("en", l.Page) != nil {
			link, found = l, true
			break
		}
	}
	if !found {
		t.Fatal("the UN page has no link to another page")
	}
	// Links are numbered within the section read: find the number given to it.
	mark := regexp.MustCompile(`\[(\d+)\] ` + regexp.QuoteMeta(link.Text))
	for i := 0; i < len(un.Sections) && !mark.MatchString(tm.text(0)); i++ {
		step("n\r", "Command: ")
	}
	m := mark.FindStringSubmatch(tm.text(0))
	if m == nil {
		t.Fatalf("n never reached %q", mark)
	}
	target := lib.Page("en", link.Page)
	sec := max(target.SectionByAnchor(link.Anchor), 0)
	step(m[1]+"\r", "# "+target.Sections[sec].Heading.Text+"\r\n")
	step("/oewg\r", "results for \"oewg\":\r\n1. ")
	step("1\r", "OEWG")
	step("q\r", "Goodbye.\r\n")
	if code := tm.exit(t); code != 0 {
		t.Fatalf("status %d after q, want 0", code)
	}
	plainOnly(t, tm.out.String(), true)
	eventually(t, "the session in the log", func() bool {
		return strings.Contains(h.logs.String(), "kind=lines") && strings.Contains(h.logs.String(), "why=quit")
	})
}

// A terminal that cannot draw a screen (TERM=dumb) gets the line mode, in the
// visitor's language.
func TestLineModeForDumbTerminal(t *testing.T) {
	h := start(t, nil)
	tm := openTerm(t, h.dial(t, "it"), "dumb", nil)
	tm.waitFor(t, 0, "Comando: ")
	tm.send(t, "onu\r")
	tm.waitFor(t, 0, "# L'Italia alle Nazioni Unite\r\n")
	// ctrl+d on an empty line leaves, as in a shell.
	tm.send(t, "\x04")
	tm.waitFor(t, 0, "Arrivederci.")
	if code := tm.exit(t); code != 0 {
		t.Fatalf("status %d, want 0", code)
	}
	plainOnly(t, tm.out.String(), true)

	// The client's locale names the language of ssh a11y@HOST.
	tm = openTerm(t, h.dial(t, "a11y"), "xterm", map[string]string{"LANG": "it_IT.UTF-8"})
	tm.waitFor(t, 0, "Comando: ")
	tm.send(t, "q\r")
	if code := tm.exit(t); code != 0 {
		t.Fatalf("status %d, want 0", code)
	}
}

// ssh -T a11y@HOST: no PTY, so the visitor's own terminal edits the line; the
// line mode reads lines and writes plain LF lines.
func TestLineModeWithoutPTY(t *testing.T) {
	h := start(t, nil)
	s, err := h.dial(t, "a11y").NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	s.Stdout, s.Stderr = &out, &errOut
	s.Stdin = strings.NewReader("glossary\nn\nq\n")
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	if code := status(t, s.Wait()); code != 0 {
		t.Fatalf("status %d, want 0; stderr %q", code, errOut.String())
	}
	got := out.String()
	if !strings.Contains(got, "\n# Glossary\n") || !strings.Contains(got, "Glossary, section 2 of ") || !strings.HasSuffix(got, "Goodbye.\n") {
		t.Fatalf("output:\n%s", got)
	}
	if strings.ContainsAny(got, "\x1b\r") {
		t.Fatalf("escape sequence or CR without a PTY: %q", got)
	}
}

// The kiosk's time limits end a line-mode session with a last line, as they end
// the reader.
func TestLineModeIdleTimeout(t *testing.T) {
	h := start(t, func(c *kiosk.Config) { c.IdleTimeout = 300 * time.Millisecond })
	tm := openTerm(t, h.dial(t, "a11y"), "xterm-256color", nil)
	if code := tm.exit(t); code != 0 {
		t.Errorf("status %d, want 0", code)
	}
	if got := tm.out.String(); !strings.Contains(got, "Command: ") || !strings.Contains(got, "Idle for 300ms: goodbye.\r\n") {
		t.Errorf("output ends with %q", tail(got, 200))
	}
	plainOnly(t, tm.out.String(), true)
}

// The line mode through OpenSSH's own client, as a visitor would run it:
// ssh -tt -p PORT a11y@127.0.0.1.
func TestLineModeThroughOpenSSH(t *testing.T) {
	sshPath, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("OpenSSH's ssh is not installed")
	}
	h := start(t, nil)
	host, port, _ := strings.Cut(h.addr, ":")
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	cmd := exec.CommandContext(ctx, sshPath, "-F", "/dev/null", "-tt", "-p", port,
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
		"-o", "LogLevel=ERROR", "a11y@"+host)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "LANG=C.UTF-8")
	cmd.Stdin = strings.NewReader("nato\r/pledge\rq\r")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("ssh: %v\nstderr: %s\nstdout: %q", err, errOut.String(), out.String())
	}
	got := out.String()
	for _, want := range []string{"Command: ", "# " + testLib(t).Page("en", "nato").Title + "\r\n", "results for \"pledge\":\r\n1. ", "Goodbye.\r\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("ssh output lacks %q:\n%s", want, got)
		}
	}
	plainOnly(t, got, true)
}
