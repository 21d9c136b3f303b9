package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

func TestStateFile(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"XDG_STATE_HOME": dir}
	path := stateFile(func(k string) string { return env[k] })
	if path != filepath.Join(dir, "cyberdiplo", "state.json") {
		t.Fatalf("state file at %q", path)
	}
	if _, ok := loadState(path); ok {
		t.Fatal("a missing state file was read")
	}
	saveState(path, state{Lang: "it", Page: "osce", Section: "misure-di-rafforzamento-della-fiducia", Block: "3.2", Line: 1, Of: 4})
	if s, ok := loadState(path); !ok || s.Lang != "it" || s.Page != "osce" || s.Block != "3.2" || s.Line != 1 || s.Section != "misure-di-rafforzamento-della-fiducia" {
		t.Fatalf("saved state read back as %+v, %v", s, ok)
	}
	for _, broken := range []string{"", "{", `{"lang":"fr","page":"un"}`, "\x00\x01"} {
		os.WriteFile(path, []byte(broken), 0o600)
		if _, ok := loadState(path); ok {
			t.Errorf("broken state %q was used", broken)
		}
	}
	// A state directory that cannot be created is not an error.
	os.WriteFile(filepath.Join(dir, "file-not-dir"), nil, 0o600)
	saveState(filepath.Join(dir, "file-not-dir", "x", "state.json"), state{Lang: "en", Page: "un"})
	home := map[string]string{"HOME": "/home/u"}
	if p := stateFile(func(k string) string { return home[k] }); p != "/home/u/.local/state/cyberdiplo/state.json" {
		t.Fatalf("default state file %q", p)
	}
}

// A state file larger than its bound is not ours: it is ignored, and read only up
// to the bound.
func TestHugeStateFileIsIgnored(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	big := `{"lang":"it","page":"un","block":"` + strings.Repeat("9", 50<<20) + `"}`
	if err := os.WriteFile(path, []byte(big), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, ok := loadState(path); ok {
		t.Error("a 50 MB state file was used")
	}
}

// runReaderInPty runs the full-screen reader in a pseudo-terminal with a state
// directory, presses keys, each once the screen has settled after the one
// before (the last key should quit), and returns the screen's text.
func runReaderInPty(t *testing.T, stateDir string, args []string, keys ...string) string {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	var mu sync.Mutex
	var seen []byte
	go func() {
		b := make([]byte, 4096)
		for {
			n, err := ptmx.Read(b)
			mu.Lock()
			seen = append(seen, b[:n]...)
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	env := map[string]string{"TERM": "xterm-256color", "XDG_STATE_HOME": stateDir, "LANG": "en_GB.UTF-8"}
	code := make(chan int, 1)
	go func() {
		code <- Execute(context.Background(), args, Env{
			In: tty, Out: tty, Err: tty, Terminal: true, InTerminal: true, Width: 100, Height: 30,
			Getenv: func(k string) string { return env[k] },
		})
		tty.Close()
	}()
	screen := func() string {
		mu.Lock()
		defer mu.Unlock()
		return ansi.Strip(string(seen))
	}
	wait := func(from int, want string) {
		t.Helper()
		for end := time.Now().Add(20 * time.Second); !strings.Contains(screen()[min(from, len(screen())):], want); time.Sleep(5 * time.Millisecond) {
			if time.Now().After(end) {
				t.Fatalf("the screen never showed %q:\n%s", want, screen())
			}
		}
	}
	// settle waits for the screen to change, then for 700 ms without a change (a page renders in that time even under -race on a busy machine).
	settle := func(from int) {
		t.Helper()
		end := time.Now().Add(20 * time.Second)
		for len(screen()) == from && time.Now().Before(end) {
			time.Sleep(5 * time.Millisecond)
		}
		for n := -1; n != len(screen()) && time.Now().Before(end); time.Sleep(700 * time.Millisecond) {
			n = len(screen())
		}
	}
	// The first frame, then each key once the screen settled after the one before.
	wait(0, "│ ?")
	settle(0)
	for i, k := range keys {
		from := len(screen())
		ptmx.WriteString(k)
		if i < len(keys)-1 {
			settle(from)
		}
	}
	select {
	case c := <-code:
		if c != 0 {
			t.Fatalf("exit %d", c)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the reader did not quit")
	}
	return screen()
}

// --lang reads the saved place in that language, and a session that only opened
// and closed leaves the saved place as it was.
func TestLangFlagKeepsTheSavedPlace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cyberdiplo", "state.json")
	runReaderInPty(t, dir, nil, "5", "d", "q")
	s, ok := loadState(path)
	if !ok || s.Lang != "en" || s.Page != "osce" || s.Block == "" {
		t.Fatalf("after 5 d q the state is %+v, %v", s, ok)
	}
	before, _ := os.ReadFile(path)
	out := runReaderInPty(t, dir, []string{"--lang", "it"}, "q")
	// The saved block, in Italian, is on screen.
	lib, err := library.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	ip := lib.Page("it", "osce")
	words := strings.Fields(ip.Blocks[lib.BlockIn(s, "it")].Text)
	if !strings.Contains(out, "IT │") || !strings.Contains(out, strings.Join(words[:min(2, len(words))], " ")) {
		t.Errorf("--lang it did not reopen the OSCE page at %q:\n%s", strings.Join(words, " "), out)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Errorf("a session that read nothing rewrote the state:\n%s\nwas\n%s", after, before)
	}
	runReaderInPty(t, dir, []string{"--lang", "it"}, "j", "q")
	if s, ok := loadState(path); !ok || s.Lang != "it" || s.Page != "osce" {
		t.Errorf("after --lang it, j, q the state is %+v, %v", s, ok)
	}
}

// A page opened by name is remembered even if the reader quits at once: the
// next run without a page reopens it there.
func TestPageOpenedByNameIsRemembered(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cyberdiplo", "state.json")
	runReaderInPty(t, dir, nil, "5", "d", "q")
	runReaderInPty(t, dir, []string{"un#key-facts"}, "q")
	s, ok := loadState(path)
	if !ok || s.Page != "un" || s.Section != "key-facts" {
		t.Fatalf("after opening un#key-facts and quitting the state is %+v, %v", s, ok)
	}
	out := runReaderInPty(t, dir, nil, "q")
	if !strings.Contains(out, "Key facts") {
		t.Errorf("the next run did not reopen un#key-facts:\n%s", out)
	}
}
