package textsafe

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"plain text, città":     "plain text, città",
		"\x1b[31mred":           `\x1b[31mred`,
		"csi \x9b31m":           `csi \x9b31m`,   // a raw C1 byte (not UTF-8)
		"csi \u009b31m":         `csi \x9b31m`,   // C1 as a character
		"abc\u202edcba":         `abc\u202edcba`, // right-to-left override
		"\u2066isolate\u2069":   `\u2066isolate\u2069`,
		"tab\tand\nnewline\x7f": `tab\x09and\x0anewline\x7f`,
		"a real \uFFFD stays":   "a real \uFFFD stays",
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

// Input passes what a line editor needs, C1 controls in their 7-bit form, and
// turns the rest into U+FFFD, even when a character is split across reads.
func TestInput(t *testing.T) {
	in := "ls\r\x1b[A\x7f città \u202e \u009b2J \x9b \u009d \xff end\x03"
	want := "ls\r\x1b[A\x7f città \uFFFD \x1b[2J \x1b[ \x1b] \uFFFD end\x03"
	for name, r := range map[string]io.Reader{
		"whole":          Input(strings.NewReader(in)),
		"byte by byte":   Input(iotest.OneByteReader(strings.NewReader(in))),
		"half of a rune": Input(iotest.HalfReader(strings.NewReader(in))),
	} {
		got, err := io.ReadAll(r)
		if err != nil || string(got) != want {
			t.Errorf("%s: %q, %v; want %q", name, got, err, want)
		}
	}
	// A character cut off by the end of input is replaced too.
	got, _ := io.ReadAll(Input(strings.NewReader("à\xc3")))
	if string(got) != "à\uFFFD" {
		t.Errorf("cut off: %q", got)
	}
}
func TestQuoteAndClean(t *testing.T) {
	for _, c := range []struct{ in, quoted, clean string }{
		{"oewg", `"oewg"`, "oewg"},
		{"a\x1b[31mred", `"a\x1b[31mred"`, "a[31mred"},
		{"\u202egnp.exe", `"\u202egnp.exe"`, "gnp.exe"},
		{"c1\u009bx", `"c1\u009bx"`, "c1x"},
		{"bad\xffbyte", `"bad\xffbyte"`, "badbyte"},
		{`say "hi" \o/`, `"say \"hi\" \\o/"`, `say "hi" \o/`},
		{"città – l'ONU", `"città – l'ONU"`, "città – l'ONU"},
		{"tab\tnl\n", `"tab\tnl\n"`, "tabnl"},
	} {
		if got := Quote(c.in, 0); got != c.quoted {
			t.Errorf("Quote(%q) = %s, want %s", c.in, got, c.quoted)
		}
		if got := Clean(c.in); got != c.clean {
			t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.clean)
		}
	}
}

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

// DropControls drops a control sequence whole, its parameters too, however it
// is introduced, and keeps the words around it apart only where a space was.
func TestDropControls(t *testing.T) {
	for in, want := range map[string]string{
		"oewg":                         "oewg",
		"città \uFFFD":                 "città \uFFFD",
		"oewg\x1b[2J":                  "oewg",
		"\x1b[31mred\x1b[0m":           "red",
		"oewg\u009b2J nato":            "oewg nato", // C1 CSI as a character
		"oewg\x9b2J nato":              "oewg nato", // as a raw byte
		"\x1b]0;title\x07oewg":         "oewg",      // OSC ended by BEL
		"\x1b]8;;http://x\x1b\\oewg":   "oewg",      // by ST
		"\u009d0;title\u009coewg":      "oewg",
		"\x1bPdcs string\x1b\\nato":    "nato",
		"\x1b]0;never ends":            "",
		"\x1bOPf1 \x1b(Bcharset \x1b7": "f1 charset ",
		"\u008eXss2":                   "ss2",
		"tab\tnl\ncr\rend":             "tab nl cr end",
		"bidi\u202eok\x7f\x01\xff":     "bidiok",
		"\x1b":                         "",
		"\x1b[":                        "",
		"[2J typed":                    "[2J typed",
	} {
		if got := DropControls(in); got != want {
			t.Errorf("DropControls(%q) = %q, want %q", in, got, want)
		}
	}
}
