package cli

import (
	"bytes"
	"strings"
	"testing"
)

// The first frame is painted as Bubble Tea would paint it: on the alternate
// screen, cursor hidden, lines ended for a raw terminal, colours brought down to
// what the terminal shows.
func TestPaintFirstFrame(t *testing.T) {
	frame := "\x1b[38;2;255;0;0mred\x1b[m\nsecond line"
	var b bytes.Buffer
	if !paintFirstFrame(&b, []string{"TERM=xterm-256color", "COLORTERM=truecolor", "TTY_FORCE=1"}, frame) {
		t.Fatal("not painted")
	}
	out := b.String()
	if !strings.HasPrefix(out, "\x1b[?1049h\x1b[?25l") {
		t.Fatalf("not on the alternate screen with the cursor hidden: %q", out)
	}
	if !strings.Contains(out, "red\x1b[m\r\nsecond line") || !strings.Contains(out, "\x1b[38;2;255;0;0m") {
		t.Fatalf("frame not drawn as it is: %q", out)
	}
	b.Reset()
	paintFirstFrame(&b, []string{"TERM=xterm-256color", "NO_COLOR=1", "TTY_FORCE=1"}, frame)
	if strings.Contains(b.String(), "38;2") || !strings.Contains(b.String(), "red") {
		t.Fatalf("NO_COLOR: colours kept: %q", b.String())
	}
	b.Reset()
	if paintFirstFrame(&b, nil, "") || b.Len() != 0 {
		t.Fatal("an empty frame was painted")
	}
}

// The environment handed to Bubble Tea and the first frame holds what says what
// the terminal can draw, and nothing else.
func TestReaderEnviron(t *testing.T) {
	a := &app{env: Env{Getenv: func(k string) string {
		return map[string]string{"TERM": "xterm", "NO_COLOR": "1", "SECRET_TOKEN": "x"}[k]
	}}}
	env := strings.Join(a.environ(), " ")
	if !strings.Contains(env, "TERM=xterm") || !strings.Contains(env, "NO_COLOR=1") || strings.Contains(env, "SECRET") {
		t.Fatalf("environ: %s", env)
	}
}
