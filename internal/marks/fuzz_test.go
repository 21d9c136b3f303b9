package marks

import (
	"io"
	"testing"
)

// Whatever a marks file holds, it is refused or read, and every mark read resolves
// and prints in both languages without a panic. `go test` runs the seeds; `go test
// -fuzz FuzzMarksFile ./internal/marks` looks further.
func FuzzMarksFile(f *testing.F) {
	for _, seed := range []string{
		`{"version":1,"marks":[{"page":"un","lang":"en","anchor":"key-facts","block":"1.2","hash":"0123456789abcdef","seq":1,"made":"2026-12-01T09:30:00Z"}]}`,
		`{"version":1,"marks":[{"page":"un","lang":"it","anchor":"","block":"0.0","hash":"0123456789abcdef","seq":1}]}`,
		`{"version":1,"marks":[{"page":"glossary","lang":"en","anchor":"first-committee","block":"999999999.999999999","hash":"0123456789abcdef","seq":7}]}`,
		`{"version":1,"marks":[{"page":"mars","lang":"en","anchor":"x","block":"1.0","hash":"0123456789abcdef","seq":1}]}`,
		`{"version":1,"marks":null}`, `{"version":1}`, `[]`, `null`, `{`, "\x00",
	} {
		f.Add([]byte(seed))
	}
	l := lib(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := parse("marks.json", data)
		if err != nil {
			if s.Len() != 0 || err.(*FileError).Message("it") == "" {
				t.Fatalf("refused, yet %d marks", s.Len())
			}
			return
		}
		for _, lang := range []string{"en", "it"} {
			entries := s.List(l, lang, Reading)
			for _, format := range []string{Plain, Markdown, JSON} {
				if err := Write(io.Discard, entries, format, lang); err != nil {
					t.Fatal(err)
				}
			}
			if text, _ := BriefText(l, s, lang, Made, 1000); len(text) > 1000 {
				t.Fatalf("a copy of %d bytes", len(text))
			}
		}
	})
}
