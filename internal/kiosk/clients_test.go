package kiosk_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
)

// realClient is an SSH client program visitors use: how to run it for the reader
// (a PTY) and for a command.
type realClient struct {
	name, bin, pkg string
	reader         func(port, fingerprint string) []string
	command        func(port, fingerprint, cmd string) []string
}

var realClients = []realClient{
	{
		name: "OpenSSH", bin: "ssh", pkg: "openssh-client",
		reader: func(port, _ string) []string {
			return []string{"-F", "/dev/null", "-p", port, "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
				"-o", "BatchMode=yes", "-o", "LogLevel=ERROR", "-t", "en@127.0.0.1"}
		},
		command: func(port, _, cmd string) []string {
			return []string{"-F", "/dev/null", "-p", port, "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
				"-o", "BatchMode=yes", "-o", "LogLevel=ERROR", "en@127.0.0.1", cmd}
		},
	},
	{
		// PuTTY's plink: -batch never prompts, so the host key is given.
		name: "PuTTY plink", bin: "plink", pkg: "putty-tools",
		reader: func(port, fp string) []string {
			return []string{"-ssh", "-P", port, "-batch", "-no-antispoof", "-hostkey", fp, "-t", "en@127.0.0.1"}
		},
		command: func(port, fp, cmd string) []string {
			return []string{"-ssh", "-P", port, "-batch", "-hostkey", fp, "en@127.0.0.1", cmd}
		},
	},
	{
		// Dropbear's dbclient: -y -y accepts the host key without asking.
		name: "Dropbear dbclient", bin: "dbclient", pkg: "dropbear-bin",
		reader: func(port, _ string) []string { return []string{"-p", port, "-y", "-y", "-t", "en@127.0.0.1"} },
		command: func(port, _, cmd string) []string {
			return []string{"-p", port, "-y", "-y", "en@127.0.0.1", cmd}
		},
	},
}

// syncBuf collects a program's output.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) text(from int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.b.Bytes()
	return ansi.Strip(string(b[min(from, len(b)):]))
}

func (s *syncBuf) len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Len()
}

// TestRealClients: each client a visitor may use, in a terminal of 100x30: the
// first frame at that size, a key, q (exit 0); and a command (exit 0). A client
// that is not installed is skipped, saying which package has it (.ci/run
// installs them).
func TestRealClients(t *testing.T) {
	h := start(t, nil)
	_, port, _ := strings.Cut(h.addr, ":")
	fp := h.srv.Fingerprint()
	home := t.TempDir() // the clients may write known hosts: not in the real home
	env := append(os.Environ(), "HOME="+home, "TERM=xterm-256color", "LANG=C.UTF-8")
	for _, rc := range realClients {
		t.Run(rc.name, func(t *testing.T) {
			bin, err := exec.LookPath(rc.bin)
			if err != nil {
				t.Skipf("%s is not installed (Debian package %s; .ci/run installs it)", rc.bin, rc.pkg)
			}
			ctx, cancel := context.WithTimeout(context.Background(), wait)
			defer cancel()
			sized := strings.Count(h.logs.String(), "size=100x30")

			// The reader, in a pseudo-terminal of 100x30.
			cmd := exec.CommandContext(ctx, bin, rc.reader(port, fp)...)
			cmd.Env = env
			tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
			if err != nil {
				t.Fatal(err)
			}
			defer tty.Close() //nolint:errcheck
			out := &syncBuf{}
			go io.Copy(out, tty) //nolint:errcheck
			waitText := func(from int, want string) {
				t.Helper()
				deadline := time.Now().Add(wait)
				for !strings.Contains(out.text(from), want) {
					if time.Now().After(deadline) {
						t.Fatalf("timed out waiting for %q; output:\n%s", want, out.text(from))
					}
					time.Sleep(10 * time.Millisecond)
				}
			}
			waitText(0, "EN │")
			waitText(0, tab(t, "en"))
			mark := out.len()
			tty.WriteString("L") //nolint:errcheck
			waitText(mark, "IT │")
			tty.WriteString("q") //nolint:errcheck
			if err := cmd.Wait(); err != nil {
				t.Errorf("after q: %v; output ends:\n%s", err, tail(out.text(0), 300))
			}
			eventually(t, "the terminal's size (100x30) in the log", func() bool {
				return strings.Count(h.logs.String(), "size=100x30") > sized
			})

			// A command.
			cmd = exec.CommandContext(ctx, bin, rc.command(port, fp, "list")...)
			cmd.Env = env
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Errorf("list: %v; stderr %q", err, stderr.String())
			}
			if !strings.Contains(stdout.String(), testLib(t).Page("en", "un").Title) {
				t.Errorf("list printed:\n%s", stdout.String())
			}
		})
	}
}
