package library

import (
	"strings"
	"testing"
	"testing/fstest"
)

func kindPage(id string, order int, extra string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\nid: " + id + "\ntitle: T\ntab: T\norder: " + string(rune('0'+order)) +
		"\nupdated: 2026-03\n" + extra + "sources:\n  - X\n---\n\n# T\n\nSee [a](a.md) and [b](b.md).\n")}
}

// A page's kind and colour come from its front matter, and a link carries the
// colour of the page it leads to (the timeline draws its events in it).
func TestPagesSayWhatTheyAre(t *testing.T) {
	fs := fstest.MapFS{
		"en/a.md": kindPage("a", 1, "kind: forum\ncolour:\n  dark: \"#60A5FA\"\n  light: \"#1D4ED8\"\n"),
		"en/b.md": kindPage("b", 2, ""),
	}
	l, err := Load(fs)
	if err != nil {
		t.Fatal(err)
	}
	a, b := l.Page("en", "a"), l.Page("en", "b")
	if a.Kind != PageForum || b.Kind != PagePlain {
		t.Errorf("kinds %q and %q, want forum and page", a.Kind, b.Kind)
	}
	if got := b.Links[0].Colour; got != (Colour{Dark: "#60A5FA", Light: "#1D4ED8"}) {
		t.Errorf("a link to a forum has colour %v", got)
	}
	if !b.Links[1].Colour.IsZero() {
		t.Errorf("a link to a page without a colour has one: %v", b.Links[1].Colour)
	}
}

// A briefing has one glossary and one timeline.
func TestOneGlossary(t *testing.T) {
	fs := fstest.MapFS{
		"en/a.md": kindPage("a", 1, "kind: glossary\n"),
		"en/b.md": kindPage("b", 2, "kind: glossary\n"),
	}
	problems, err := Lint(fs)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems {
		if strings.Contains(p.Message, "kind") {
			got = append(got, p.String())
		}
	}
	want := `en/b.md:1: kind glossary is also the kind of en/a.md: a briefing has one glossary`
	if strings.Join(got, "\n") != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
