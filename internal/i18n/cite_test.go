package i18n

import "testing"

func TestCiteDate(t *testing.T) {
	cases := []struct{ lang, in, want string }{
		{"en", "2026-03", "March 2026"},
		{"it", "2026-03", "marzo 2026"},
		{"en", "2026-12-05", "5 December 2026"},
		{"it", "2021-01-31", "31 gennaio 2021"},
		// Not a date of the content: shown as written, never a panic.
		{"en", "2026-13", "2026-13"},
		{"en", "2026-00", "2026-00"},
		{"en", "2026-3", "2026-3"},
		{"en", "2026-03-32", "2026-03-32"},
		{"en", "", ""},
		{"en", "-", "-"},
		{"it", "abcd-01", "abcd-01"},
		{"en", "2026-03-05-01", "2026-03-05-01"},
	}
	for _, c := range cases {
		if got := CiteFor(c.lang).Date(c.in); got != c.want {
			t.Errorf("Date(%s, %q) = %q, want %q", c.lang, c.in, got, c.want)
		}
	}
	if CiteFor("it").Sources != "Fonti" || CiteFor("xx").Sources != "Sources" {
		t.Error("CiteFor picks the wrong language")
	}
}
