package cli

import (
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	gossh "github.com/cyberdiplo/cyberdiplo/third_party/xcrypto/ssh"
)

func newSigner(t *testing.T) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func writeKeys(t *testing.T, path string, keys ...gossh.Signer) {
	t.Helper()
	var b strings.Builder
	for _, k := range keys {
		b.Write(gossh.MarshalAuthorizedKey(k.PublicKey()))
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
}

func dialKey(addr string, key gossh.Signer) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: "en", Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 20 * time.Second, //nolint:gosec // a test server
	})
}

func output(t *testing.T, c *gossh.Client, cmd string) string {
	t.Helper()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close() //nolint:errcheck
	out, err := s.Output(cmd)
	if err != nil {
		t.Fatalf("%s: %v", cmd, err)
	}
	return string(out)
}

// TestServeReload: SIGHUP reads the authorized keys and the content again for
// new visitors, leaves an open session alone, and keeps what is in use when a
// file is bad (with one error line).
func TestServeReload(t *testing.T) {
	dir := copyContent(t)
	keys := filepath.Join(t.TempDir(), "authorized_keys")
	alice, bob := newSigner(t), newSigner(t)
	writeKeys(t, keys, alice)
	k := startChild(t, "--rate", "0", "--authorized-keys", keys, "--content", dir)

	// Alice reads, and stays while everything changes.
	ca, err := dialKey(k.addr, alice)
	if err != nil {
		t.Fatal(err)
	}
	defer ca.Close() //nolint:errcheck
	v := &visitor{client: ca, out: &syncBuffer{}, done: make(chan error, 1)}
	if v.sess, err = ca.NewSession(); err != nil {
		t.Fatal(err)
	}
	v.sess.RequestPty("xterm-256color", 30, 100, nil) //nolint:errcheck
	v.sess.Stdout = v.out
	v.in, _ = v.sess.StdinPipe()
	if err := v.sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { v.done <- v.sess.Wait() }()
	v.waitFor(t, 0, "EN │")
	if _, err := dialKey(k.addr, bob); err == nil {
		t.Fatal("bob got in before the reload")
	}

	// New keys and a new title.
	writeKeys(t, keys, bob)
	un := filepath.Join(dir, "en", "un.md")
	page, _ := os.ReadFile(un)
	os.WriteFile(un, []byte(strings.Replace(string(page), "title: Italy at the United Nations", "title: Italy at the UN, reloaded", 1)), 0o644) //nolint:errcheck
	k.signal(t, syscall.SIGHUP)
	waitUntil(t, "the reload", func() bool { return strings.Contains(k.logs.String(), `"msg":"reload: content"`) })
	cb, err := dialKey(k.addr, bob)
	if err != nil {
		t.Fatalf("bob after the reload: %v", err)
	}
	defer cb.Close() //nolint:errcheck
	if out := output(t, cb, "list"); !strings.Contains(out, "Italy at the UN, reloaded") {
		t.Errorf("list after the reload:\n%s", out)
	}
	if c, err := dialKey(k.addr, alice); err == nil {
		c.Close() //nolint:errcheck
		t.Error("alice's key still gets in after the reload")
	}
	// Alice's session was not touched: it answers.
	mark := len(v.out.String())
	io.WriteString(v.in, "L") //nolint:errcheck
	v.waitFor(t, mark, "IT │")

	// Bad files: a key file that does not parse, a page that does not lint.
	os.WriteFile(keys, []byte("ssh-ed25519 not-base64 broken\n"), 0o600)                                               //nolint:errcheck
	os.WriteFile(un, []byte(strings.Replace(string(page), "title: Italy at the United Nations", "title: ", 1)), 0o644) //nolint:errcheck
	before := strings.Count(k.logs.String(), `"level":"error"`)
	k.signal(t, syscall.SIGHUP)
	waitUntil(t, "two error lines", func() bool { return strings.Count(k.logs.String(), `"level":"error"`) == before+2 })
	for _, want := range []string{"reload: authorized keys unchanged", "reload: content unchanged"} {
		if !strings.Contains(k.logs.String(), want) {
			t.Errorf("the log lacks %q", want)
		}
	}
	cb2, err := dialKey(k.addr, bob)
	if err != nil {
		t.Fatalf("bob after a bad reload: %v", err)
	}
	defer cb2.Close() //nolint:errcheck
	if out := output(t, cb2, "list"); !strings.Contains(out, "Italy at the UN, reloaded") {
		t.Errorf("list after a bad reload (the last good content should stay):\n%s", out)
	}
	mark = len(v.out.String())
	io.WriteString(v.in, "L") //nolint:errcheck
	v.waitFor(t, mark, "EN │")
	io.WriteString(v.in, "\x03") //nolint:errcheck
	select {
	case err := <-v.done:
		if err != nil {
			t.Errorf("alice's session: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Error("alice's session did not end")
	}
	k.signal(t, syscall.SIGTERM)
	if code := k.exit(t); code != 0 {
		t.Errorf("exit %d", code)
	}
}

// TestServeDrain: on SIGTERM the kiosk stops taking connections at once (a
// balancer sends newcomers elsewhere), tells the visitors in, waits for them,
// and exits 0.
func TestServeDrain(t *testing.T) {
	k := startChild(t, "--rate", "0")
	v := visit(t, k.addr, "it", 100, 30)
	v.waitFor(t, 0, "IT │")
	k.signal(t, syscall.SIGTERM)
	waitUntil(t, "the listener closed", func() bool {
		c, err := net.DialTimeout("tcp", k.addr, time.Second)
		if err == nil {
			c.Close() //nolint:errcheck
		}
		return err != nil
	})
	v.waitFor(t, 0, "Il chiosco sta chiudendo. Arrivederci.")
	select {
	case err := <-v.done:
		if err != nil {
			t.Errorf("the visitor's session ended with %v, want status 0", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the visitor's session did not end")
	}
	if code := k.exit(t); code != 0 {
		t.Errorf("exit %d after SIGTERM, want 0", code)
	}
	for _, want := range []string{"kiosk closing", "kiosk stopped"} {
		if !strings.Contains(k.logs.String(), want) {
			t.Errorf("the log lacks %q", want)
		}
	}
}
