package textsafe

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestQuoteBoundsAndEscapes(t *testing.T) {
	long := strings.Repeat("x", 100<<10)
	got := Quote(long, 40)
	if len(got) > 80 {
		t.Fatalf("Quote of 100 KB is %d bytes: %.100s", len(got), got)
	}
	if !strings.Contains(got, "102400 bytes") {
		t.Errorf("Quote does not say how long the input was: %s", got)
	}
	if got := Quote("un\x1b[31m\x07", 40); strings.ContainsAny(got, "\x1b\x07") || got != `"un\x1b[31m\a"` {
		t.Errorf("control characters not escaped: %q", got)
	}
	if got := Quote("onù", 3); got != `"onù"` {
		t.Errorf("short input changed: %s", got)
	}
	if got := Quote("onùa", 3); !strings.HasPrefix(got, `"onù"...`) {
		t.Errorf("cut not at a character: %s", got)
	}
}

func TestASCII(t *testing.T) {
	in := "• Italy › “Diplomazia” è… ╭─╮ │ ●"
	got := ASCII(in)
	want := `* Italy > "Diplomazia" e... +-+ | *`
	if got != want {
		t.Errorf("ASCII(%q) = %q, want %q", in, got, want)
	}
	for _, r := range ASCII("日本 città ß") {
		if r >= utf8.RuneSelf {
			t.Fatalf("non-ASCII left: %q", ASCII("日本 città ß"))
		}
	}
}

func TestASCIIWriterKeepsSplitCharacters(t *testing.T) {
	var b bytes.Buffer
	w := NewASCIIWriter(&b)
	src := []byte("a › b “c”")
	for i := range src {
		if _, err := w.Write(src[i : i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if got := b.String(); got != `a > b "c"` {
		t.Errorf("byte-by-byte writes gave %q", got)
	}
}

func TestLine(t *testing.T) {
	if got := Line("a\nb\x1b[2Jc\x07 è", 40); got != `a\nb\x1b[2Jc\a è` {
		t.Errorf("Line escapes to %q", got)
	}
	if got := Line(strings.Repeat("é", 5000), 10); got != strings.Repeat("é", 10)+"... (10000 bytes)" {
		t.Errorf("Line cuts to %q", got)
	}
}
