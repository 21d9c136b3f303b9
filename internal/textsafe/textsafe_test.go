package textsafe

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"
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

// Input passes what a line editor needs, and turns the rest into U+FFFD, even
// when a character is split across reads.
func TestInput(t *testing.T) {
	in := "ls\r\x1b[A\x7f città \u202e \u009b \x9b \xff end\x03"
	want := "ls\r\x1b[A\x7f città \uFFFD \uFFFD \uFFFD \uFFFD end\x03"
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
		if got := Quote(c.in); got != c.quoted {
			t.Errorf("Quote(%q) = %s, want %s", c.in, got, c.quoted)
		}
		if got := Clean(c.in); got != c.clean {
			t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.clean)
		}
	}
}
