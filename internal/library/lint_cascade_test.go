package library_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// briefing is the embedded content as a map a test may edit.
func briefing(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(content.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(content.FS(), p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func edit(t *testing.T, m fstest.MapFS, file, old, new string) {
	t.Helper()
	s := string(m[file].Data)
	if !strings.Contains(s, old) {
		t.Fatalf("%s has no %q", file, old)
	}
	m[file] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
}

func lintLines(t *testing.T, m fstest.MapFS) []string {
	t.Helper()
	problems, err := library.Lint(m)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range problems {
		out = append(out, p.String())
	}
	return out
}

// One error in one file is reported once, for that file, as an editor shows it:
// not as 16 broken links and an "add en/un.md" for a file that is there, nor as
// 116 lines after one YAML error.
func TestLintDoesNotCascade(t *testing.T) {
	m := briefing(t)
	edit(t, m, "en/un.md", "---\n\n# Italy", "\n# Italy") // the front matter's closing line is gone
	if got := lintLines(t, m); len(got) != 1 || !strings.HasPrefix(got[0], "en/un.md:1: front matter is not closed") {
		t.Errorf("an unclosed front matter gives:\n%s", strings.Join(got, "\n"))
	}

	m = briefing(t)
	m[library.TermsFile] = &fstest.MapFile{Data: []byte("- id: cbm\n  en: [broken\n")}
	if got := lintLines(t, m); len(got) != 1 || !strings.HasPrefix(got[0], library.TermsFile+":") {
		t.Errorf("a broken %s gives %d problems:\n%s", library.TermsFile, len(got), strings.Join(got, "\n"))
	}
}

// A BEL byte is reported wherever it is, YAML files included.
func TestLintFindsABellAnywhere(t *testing.T) {
	for _, file := range []string{"en/un.md", library.TermsFile, library.SourcesFile} {
		m := briefing(t)
		lines := strings.SplitN(string(m[file].Data), "\n", 3)
		lines[1] += " \a"
		m[file] = &fstest.MapFile{Data: []byte(strings.Join(lines, "\n"))}
		got := lintLines(t, m)
		if len(got) != 1 || !strings.Contains(got[0], file+":2: control character U+0007 (BEL)") {
			t.Errorf("a BEL in %s gives:\n%s", file, strings.Join(got, "\n"))
		}
	}
}

// A heading renamed in one language is reported, where it was renamed.
func TestLintFindsAHeadingRenamedInOneLanguage(t *testing.T) {
	m := briefing(t)
	edit(t, m, "en/un.md", "\n## Related\n", "\n## Relatedd\n")
	got := lintLines(t, m)
	if len(got) != 1 || !strings.HasPrefix(got[0], "en/un.md:") || !strings.Contains(got[0], `"Relatedd"`) ||
		!strings.Contains(got[0], `"Related"`) {
		t.Errorf("## Relatedd gives:\n%s", strings.Join(got, "\n"))
	}
	m = briefing(t)
	edit(t, m, "it/nato.md", "\n## In breve\n", "\n## In brve\n")
	if got := lintLines(t, m); len(got) != 1 || !strings.HasPrefix(got[0], "it/nato.md:") {
		t.Errorf("## In brve gives:\n%s", strings.Join(got, "\n"))
	}
}
