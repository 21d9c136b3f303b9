package library

import (
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"github.com/cyberdiplo/cyberdiplo/content"
)

// frontLines returns the lines between a page's two "---".
func frontLines(t *testing.T, text string) []string {
	t.Helper()
	lines := strings.Split(text, "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] == "---" {
			return lines[1:i]
		}
	}
	t.Fatalf("no front matter in %q", text)
	return nil
}

// sameAsYAML checks that where quickFront reads lines, yaml reads the same
// front matter without an error. It reports whether quickFront read them.
func sameAsYAML(t *testing.T, name string, lines []string) bool {
	t.Helper()
	got, ok := quickFront(lines)
	if !ok {
		return false
	}
	want, err := yamlFront(lines)
	if err != nil {
		t.Errorf("%s: quickFront read %q, yaml refuses it: %v", name, lines, err)
		return true
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: quickFront read %q as\n%+v\nyaml as\n%+v", name, lines, got, want)
	}
	return true
}

// Every page of the briefing is read without the YAML parser (else the reader's
// start pays for it again), and as the parser reads it.
func TestQuickFrontReadsTheContent(t *testing.T) {
	files, err := fs.Glob(content.FS(), "*/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no pages: %v", err)
	}
	for _, f := range files {
		data, err := fs.ReadFile(content.FS(), f)
		if err != nil {
			t.Fatal(err)
		}
		if !sameAsYAML(t, f, frontLines(t, string(data))) {
			t.Errorf("%s: quickFront declines its front matter", f)
		}
	}
}

// Front matter that YAML reads otherwise than as written, or refuses, goes to
// the YAML parser: its values and its errors are the parser's.
func TestQuickFrontDeclines(t *testing.T) {
	// No title, order, aliases or colour: each line below adds one (or repeats the id).
	base := []string{"id: un", "tab: UN", "updated: 2026-03", "sources:", "  - Diplomazia Cibernetica"}
	if !sameAsYAML(t, "base", base) {
		t.Fatalf("quickFront declines %q", base)
	}
	for _, line := range []string{
		"title: null", "title: ~", "title:", "title:  two spaces", "title: trailing ", "title: 'quoted'",
		`title: "quoted"`, "title: a # comment", "title: a#b", "title: a: b", "title: ends:", "title: - dash",
		"title: *alias", "title: &anchor x", "title: !!str x", "title: |", "title: >", "title: [a]", "title: {a: b}",
		"title: %x", "title: @x", "title: `x`", "title: ?x", "title:\tx", "order: 03", "order: +3", "order: 0x3",
		"order: 3.0", "order: -1", "order: 1234567890", "aliases: []", "aliases: [a,b]", "aliases: [a, [b]]",
		"aliases: [a:b]", "aliases: ['a']", "aliases: [ a ]", "colour: {dark: #fff}", `colour: {dark: "a\"b"}`,
		`colour: {dark: "x", dark: "y"}`, `colour: {red: "x"}`, `colour: {}`, "unknown: x", "id: again",
		"Title: x", "title : x", "  indented: x", "...", "---", "# comment", "", "title: a\r",
		"title: x\u0085y", "title: \ufeffx", "title: x\u200ey\x7f",
	} {
		lines := append(append([]string(nil), base...), line)
		if sameAsYAML(t, line, lines) {
			t.Errorf("quickFront reads %q itself", line)
		}
	}
	// And reads these itself, as yaml does.
	for _, line := range []string{"title: L'Italia, oggi", "title: a:b", "title: 2026", "title: true", "title: 1e5",
		"title: x [y] {z}", "title: \u00a0x", "order: 12", "aliases: [a, b]", `colour: {light: "#000000"}`} {
		if !sameAsYAML(t, line, append(append([]string(nil), base...), line)) {
			t.Errorf("quickFront declines %q", line)
		}
	}
	// A block list needs its items, two spaces in.
	for _, lines := range [][]string{
		{"id: x", "sources:"},
		{"id: x", "sources:", "- a"},
		{"id: x", "sources:", "    - a"},
		{"id: x", "sources:", "  - a", "   folded"},
		{"id: x", "sources:", "  - a # c"},
		{},
	} {
		if sameAsYAML(t, strings.Join(lines, "|"), lines) {
			t.Errorf("quickFront reads %q itself", lines)
		}
	}
}

// Variations of the content's front matter, each of its lines with a character
// put in at every place: wherever quickFront still reads one, yaml reads the same.
func TestQuickFrontIsYAML(t *testing.T) {
	data, err := fs.ReadFile(content.FS(), "en/un.md")
	if err != nil {
		t.Fatal(err)
	}
	base := frontLines(t, string(data))
	base = append(base, "aliases: [onu, un2]")
	read := 0
	for i, line := range base {
		for at := 0; at <= len(line); at++ {
			for _, c := range []string{" ", ":", "#", "-", "'", `"`, ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "%", "@", "0", "x", "é", "\t", "~"} {
				lines := append([]string(nil), base...)
				lines[i] = line[:at] + c + line[at:]
				if sameAsYAML(t, lines[i], lines) {
					read++
				}
			}
		}
	}
	if read == 0 {
		t.Fatal("quickFront read none of the variations")
	}
}
