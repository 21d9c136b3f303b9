package kiosk

import (
	"net"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	gossh "github.com/cyberdiplo/cyberdiplo/third_party/xcrypto/ssh"
)

func TestHostKeyCreatedThenReused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "cyberdiplo")
	path := filepath.Join(dir, "ssh_host_ed25519")
	s1, created, err := hostKey(path)
	if err != nil || !created {
		t.Fatalf("first start: created=%v err=%v", created, err)
	}
	if s1.PublicKey().Type() != gossh.KeyAlgoED25519 {
		t.Errorf("key type %s, want ed25519", s1.PublicKey().Type())
	}
	if m := keyMode(path); m != 0o600 {
		t.Errorf("key mode %v, want 0600", m)
	}
	if st, err := os.Stat(dir); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("directory mode %v (%v), want 0700", st.Mode().Perm(), err)
	}
	s2, created, err := hostKey(path)
	if err != nil || created {
		t.Fatalf("second start: created=%v err=%v", created, err)
	}
	if gossh.FingerprintSHA256(s1.PublicKey()) != gossh.FingerprintSHA256(s2.PublicKey()) {
		t.Error("the second start has another key")
	}
	if left, _ := filepath.Glob(path + ".tmp*"); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestHostKeyInstancesAgree(t *testing.T) {
	path := filepath.Join(t.TempDir(), "key")
	const n = 8
	fps := make([]string, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s, _, err := hostKey(path)
			if err != nil {
				t.Error(err)
				return
			}
			fps[i] = gossh.FingerprintSHA256(s.PublicKey())
		}(i)
	}
	wg.Wait()
	for i := 1; i < n; i++ {
		if fps[i] != fps[0] {
			t.Fatalf("instances disagree on the host key: %v", fps)
		}
	}
}

func TestHostKeyUnreadable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(path, []byte("not a key"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := hostKey(path); err == nil {
		t.Error("a garbage host key was accepted")
	}
}

func TestDefaultHostKeyPath(t *testing.T) {
	env := map[string]string{"HOME": "/home/v"}
	get := func(k string) string { return env[k] }
	if got := DefaultHostKeyPath(get); got != "/home/v/.local/share/cyberdiplo/ssh_host_ed25519" {
		t.Errorf("without XDG_DATA_HOME: %s", got)
	}
	env["XDG_DATA_HOME"] = "/srv/data"
	if got := DefaultHostKeyPath(get); got != "/srv/data/cyberdiplo/ssh_host_ed25519" {
		t.Errorf("with XDG_DATA_HOME: %s", got)
	}
	env["XDG_DATA_HOME"] = "relative" // ignored, as the XDG spec says
	if got := DefaultHostKeyPath(get); got != "/home/v/.local/share/cyberdiplo/ssh_host_ed25519" {
		t.Errorf("with a relative XDG_DATA_HOME: %s", got)
	}
}

func TestIPLimiter(t *testing.T) {
	l := newIPLimiter(1, 3)
	now := time.Unix(1000, 0)
	for i := 0; i < 3; i++ {
		if !l.allow("a", now) {
			t.Fatalf("connection %d within the burst refused", i+1)
		}
	}
	if l.allow("a", now) {
		t.Error("a connection beyond the burst was allowed")
	}
	if !l.allow("b", now) {
		t.Error("another address was refused")
	}
	if !l.allow("a", now.Add(1100*time.Millisecond)) {
		t.Error("no token after a second at rate 1")
	}
	// Limiters that have refilled are forgotten.
	l.allow("c", now.Add(time.Hour))
	if n := l.size(); n != 1 {
		t.Errorf("%d limiters kept after an hour, want 1", n)
	}
	if newIPLimiter(0, 5) != nil || !(*ipLimiter)(nil).allow("x", now) {
		t.Error("rate 0 should mean no limit")
	}
}

func TestAddrKey(t *testing.T) {
	for _, tc := range []struct {
		addr net.Addr
		want string
	}{
		{&net.TCPAddr{IP: net.ParseIP("192.0.2.7"), Port: 5000}, "192.0.2.7"},
		{&net.TCPAddr{IP: net.ParseIP("::ffff:192.0.2.7"), Port: 5000}, "192.0.2.7"},
		{&net.TCPAddr{IP: net.ParseIP("2001:db8:1:2:3:4:5:6"), Port: 5000}, "2001:db8:1:2::/64"},
		{&net.TCPAddr{IP: net.ParseIP("2001:db8:1:2:ffff::1"), Port: 1}, "2001:db8:1:2::/64"},
	} {
		if got := addrKey(tc.addr); got != tc.want {
			t.Errorf("addrKey(%v) = %s, want %s", tc.addr, got, tc.want)
		}
	}
}

func TestChooseLang(t *testing.T) {
	for _, tc := range []struct {
		user string
		env  []string
		def  string
		want string
	}{
		{"it", nil, "en", "it"},
		{"IT", nil, "en", "it"},
		{"italiano", []string{"LANG=en_US.UTF-8"}, "en", "it"},
		{"en", []string{"LANG=it_IT.UTF-8"}, "it", "en"},
		{"visitor", []string{"LANG=it_IT.UTF-8"}, "en", "it"},
		{"visitor", []string{"LANG=it_IT.UTF-8", "LC_ALL=en_GB.UTF-8"}, "it", "en"},
		{"visitor", []string{"LANG="}, "it", "it"},
		{"visitor", nil, "it", "it"},
		{"visitor", []string{"TERM=xterm"}, "en", "en"},
	} {
		if got := chooseLang(tc.user, tc.env, tc.def); got != tc.want {
			t.Errorf("chooseLang(%q, %q, %q) = %s, want %s", tc.user, tc.env, tc.def, got, tc.want)
		}
	}
}

func TestClean(t *testing.T) {
	if got := clean("a\x1b[31mb\nc", 32); got != "a?[31mb?c" {
		t.Errorf("clean: %q", got)
	}
	if got := clean("abcdef", 3); got != "abc…" {
		t.Errorf("clean: %q", got)
	}
}
