package cli

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// The reader in line mode, in a pseudo-terminal: with TERM=dumb, and with
// --accessible on a terminal that could draw a screen.
func TestLineModeInAPseudoTerminal(t *testing.T) {
	for _, c := range []struct {
		name string
		env  map[string]string
		args []string
	}{
		{"TERM=dumb", map[string]string{"TERM": "dumb"}, nil},
		{"--accessible", map[string]string{"TERM": "xterm-256color"}, []string{"--accessible"}},
		{"Italian", map[string]string{"TERM": "dumb", "LANG": "it_IT.UTF-8"}, []string{"onu"}},
	} {
		t.Run(c.name, func(t *testing.T) {
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
			screen := func() string {
				mu.Lock()
				defer mu.Unlock()
				return strings.ReplaceAll(string(seen), "\r\n", "\n")
			}
			wait := func(want string) {
				t.Helper()
				for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
					if strings.Contains(screen(), want) {
						return
					}
				}
				t.Fatalf("the screen lacks %q:\n%s", want, screen())
			}
			code := make(chan int, 1)
			go func() {
				code <- Execute(context.Background(), c.args, Env{
					In: tty, Out: tty, Err: tty, Terminal: true, InTerminal: true, Width: 80, Height: 24,
					Getenv: func(k string) string { return c.env[k] },
				})
				tty.Close()
			}()
			if c.name == "Italian" {
				wait("# L'Italia alle Nazioni Unite\n")
				wait("Comando: ")
				ptmx.WriteString("q\n")
				wait("Arrivederci.")
			} else {
				wait("Command: ")
				ptmx.WriteString("un\n")
				wait("# Italy at the United Nations\n")
				ptmx.WriteString("q\n")
				wait("Goodbye.")
			}
			select {
			case got := <-code:
				if got != 0 {
					t.Fatalf("exit %d", got)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("q did not end the program")
			}
			if strings.ContainsRune(screen(), 0x1b) {
				t.Fatalf("an escape sequence reached the terminal: %q", screen())
			}
		})
	}
}

// Without TERM (a script, a service) the reader is the line mode too: it reads
// commands from standard input and ends with it.
func TestLineModeFromAPipe(t *testing.T) {
	var out strings.Builder
	code := Execute(context.Background(), []string{"glossario"}, Env{
		In: strings.NewReader("n\n"), Out: &out, Err: os.Stderr,
		Getenv: func(k string) string { return map[string]string{"LANG": "it_IT.UTF-8"}[k] },
	})
	if code != 0 || !strings.Contains(out.String(), "# Glossario\n") || !strings.Contains(out.String(), "Glossario, sezione 2 di ") {
		t.Fatalf("exit %d:\n%s", code, out.String())
	}
}
