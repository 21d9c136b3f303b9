package textsafe

import "testing"

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
