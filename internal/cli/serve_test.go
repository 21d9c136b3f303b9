package cli

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	gossh "github.com/cyberdiplo/cyberdiplo/third_party/xcrypto/ssh"
)

func TestServeHelpStatesDefaults(t *testing.T) {
	code, out, _ := runCLI(t, nil, "serve", "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	out = ansi.Strip(out)
	for _, want := range []string{"--listen", ":2222", "--host-key", "$XDG_DATA_HOME/cyberdiplo/ssh_host_ed25519", "0600",
		"--authorized-keys", "--max-sessions", "(default 100)", "--idle-timeout", "10m0s", "--max-session", "1h0m0s",
		"--rate", "--burst", "--max-conns-per-addr", "(default 20)", "--proxy-protocol", "--trusted-proxies", "--log-format", "text or json",
		"--max-sessions-per-addr", "(default 4)", "--start-timeout", "(default 30s)", "--write-timeout", "(default 10s)",
		"--max-startups", "START:RATE:FULL", "1 MiB", "5 commands a second per address", "mlkem768x25519-sha256"} {
		if !strings.Contains(out, want) {
			t.Errorf("serve --help lacks %q", want)
		}
	}
	if strings.Contains(out, "debug-addr") {
		t.Error("serve --help still has --debug-addr")
	}
}

func TestServeBadFlags(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage")
	if err := os.WriteFile(garbage, []byte("not a key\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	key := filepath.Join(dir, "key")
	for _, args := range [][]string{
		{"--max-sessions", "-1"},
		{"--max-sessions", "0"},
		{"--log-format", "xml"},
		{"--authorized-keys", filepath.Join(dir, "missing")},
		{"--authorized-keys", garbage},
		{"--idle-timeout", "-1s"},
		{"--max-session", "-5m"},
		{"--rate", "-1"},
		{"--burst", "0"},
		{"--max-conns-per-addr", "-1"},
		{"--max-sessions-per-addr", "-1"},
		{"--start-timeout", "0"},
		{"--write-timeout", "500ms"},
		{"--max-startups", "10:30"},
		{"--max-startups", "10:130:100"},
		{"--max-startups", "100:30:10"},
		{"--proxy-protocol"},
		{"--trusted-proxies", "10.0.0.0/8"},
		{"--proxy-protocol", "--trusted-proxies", "10.0.0.0/33"},
		{"--proxy-protocol", "--trusted-proxies", "balancer.example"},
		{"--host-key", garbage},
		{"--debug-addr", "127.0.0.1:6060"},
		{"--metrics-addr", "9222"},
		{"--pprof-addr", "0.0.0.0:6060"},
		{"--listen", "nowhere:-1"},
		{"--idle-timeout", "soon"},
		{"--lang", "fr"},
		{"extra"},
	} {
		args = append([]string{"serve", "--host-key", key}, args...)
		code, out, errOut := runCLI(t, nil, args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", args, code, errOut)
		}
		if out != "" || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "cyberdiplo: ") {
			t.Errorf("%v: want one line on stderr, got stdout %q stderr %q", args, out, errOut)
		}
	}
}

// syncBuffer is a buffer safe for the logger and the test to share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestServeRunsUntilSIGTERM runs `cyberdiplo serve` as the binary would, serves a
// visitor, and stops on SIGTERM: visitors told, exit 0.
func TestServeRunsUntilSIGTERM(t *testing.T) {
	data := t.TempDir()
	logs := &syncBuffer{}
	env := map[string]string{"XDG_DATA_HOME": data}
	codec := make(chan int, 1)
	go func() {
		codec <- Execute(context.Background(), []string{"serve", "--listen", "127.0.0.1:0", "--log-format", "json", "--metrics-addr", "127.0.0.1:0"}, Env{
			Out: io.Discard, Err: logs, Getenv: func(k string) string { return env[k] },
		})
	}()
	addrRE := regexp.MustCompile(`"addr":"([^"]+)"`)
	waitUntil(t, "the kiosk to listen", func() bool { return addrRE.MatchString(logs.String()) })
	addr := addrRE.FindStringSubmatch(logs.String())[1]

	// The host key: created under XDG_DATA_HOME, mode 0600, its fingerprint logged.
	keyPath := filepath.Join(data, "cyberdiplo", "ssh_host_ed25519")
	st, err := os.Stat(keyPath)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("host key %s: %v %v", keyPath, st, err)
	}
	var hostKey gossh.PublicKey
	client, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: "it",
		HostKeyCallback: func(_ string, _ net.Addr, key gossh.PublicKey) error {
			hostKey = key
			return nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close() //nolint:errcheck
	if fp := gossh.FingerprintSHA256(hostKey); !strings.Contains(logs.String(), fp) {
		t.Errorf("the log does not hold the host key's fingerprint %s:\n%s", fp, logs.String())
	}
	if !strings.Contains(logs.String(), "created a new host key") {
		t.Errorf("the log does not say a new host key was made:\n%s", logs.String())
	}

	// A command, in the language of the user name.
	s, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, err := s.Output("list")
	if err != nil || !strings.Contains(string(out), "Panoramica") {
		t.Errorf("list: %v\n%s", err, out)
	}

	// The metrics: Prometheus text, the command just run counted.
	metricsRE := regexp.MustCompile(`"metrics_addr":"([^"]+)"`)
	if m := metricsRE.FindStringSubmatch(logs.String()); m == nil {
		t.Error("the metrics address is not logged")
	} else if resp, err := http.Get("http://" + m[1] + "/metrics"); err != nil {
		t.Error(err)
	} else {
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close() //nolint:errcheck
		if !strings.Contains(string(body), `cyberdiplo_sessions_total{kind="command"} 1`) || !strings.Contains(string(body), "go_goroutines") {
			t.Errorf("metrics:\n%.2000s", body)
		}
	}

	// A visitor in the reader when the signal comes.
	s, err = client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm-256color", 24, 80, nil); err != nil {
		t.Fatal(err)
	}
	screen := &syncBuffer{}
	s.Stdout = screen
	in, _ := s.StdinPipe()
	defer in.Close() //nolint:errcheck
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the first frame", func() bool { return strings.Contains(ansi.Strip(screen.String()), "Panoramica") })

	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-codec:
		if code != 0 {
			t.Errorf("exit %d after SIGTERM, want 0", code)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop after SIGTERM")
	}
	if err := s.Wait(); err != nil {
		t.Errorf("the visitor's session ended with %v, want status 0", err)
	}
	if !strings.Contains(screen.String(), "Il chiosco sta chiudendo. Arrivederci.") {
		t.Errorf("the visitor was not told the kiosk is closing: %q", tailOf(ansi.Strip(screen.String()), 200))
	}
	for _, want := range []string{"kiosk closing", "kiosk stopped", `"why":"shutdown"`} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("the log lacks %q:\n%s", want, logs.String())
		}
	}
}

func tailOf(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// A mistyped --host-key is refused: no directories made, no new key, so the
// fingerprint visitors trust does not change without a word.
func TestServeHostKeyInAMissingDirectory(t *testing.T) {
	base := t.TempDir()
	path := filepath.Join(base, "typo", "dir", "ssh_host_ed25519")
	code, _, errs := runCLI(t, nil, "serve", "--listen", "127.0.0.1:0", "--host-key", path)
	if code != 2 || !strings.Contains(errs, "does not exist") || !strings.Contains(errs, filepath.Join(base, "typo", "dir")) {
		t.Errorf("exit %d, %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(base, "typo")); !os.IsNotExist(err) {
		t.Errorf("serve created %s", filepath.Join(base, "typo"))
	}
}
