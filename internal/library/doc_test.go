package library

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cyberdiplo/cyberdiplo/third_party/goldmark/ast"
)

const modelPage = `---
id: one
title: First page
tab: One
order: 1
updated: 2026-03
sources:
  - Diplomazia Cibernetica
---

# First page
<!-- sources: s1 -->

Intro with a [reference link][ref] and ` + "`[not a link](x.md)`" + ` in code.

Setext heading
--------------
<!-- sources: s1 s2 -->

- Item **one** with [a link](two.md#details "title")
  that wraps.
  - Nested item, see [here](#first-page).
- Item two

> A quoted *passage*.

| Col A | Col B |
|-------|-------|
| 2004  | [x](two.md) |

[ref]: two.md
`

func TestDocumentModel(t *testing.T) {
	p, problems := parsePage("en", "en/one.md", []byte(modelPage))
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	var got []string
	for _, b := range p.Blocks {
		got = append(got, b.ID+" "+b.Kind.String()+" "+b.Text)
	}
	want := []string{
		"0.0 heading First page",
		"0.1 paragraph Intro with a reference link and [not a link](x.md) in code.",
		"1.0 heading Setext heading",
		"1.1 list item Item one with a link that wraps.",
		"1.2 list item Nested item, see here.",
		"1.3 list item Item two",
		"1.4 quote A quoted passage.",
		"1.5 table Col A | Col B\n2004 | x",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(p.Sections) != 2 || p.Sections[1].Heading.Anchor != "setext-heading" || p.Sections[1].Heading.Level != 2 {
		t.Fatalf("sections: %+v", p.Sections)
	}
	if s := p.Sections[1].Sources; strings.Join(s, ",") != "s1,s2" {
		t.Errorf("sources of section 1 = %v", s)
	}
	if p.Sections[0].Text != "Intro with a reference link and [not a link](x.md) in code." {
		t.Errorf("section 0 text = %q", p.Sections[0].Text)
	}
	var links []string
	for _, l := range p.Links {
		links = append(links, l.Text+"→"+l.Page+"#"+l.Anchor+"@"+p.Blocks[l.Block].ID)
	}
	wantLinks := "reference link→two#@0.1 a link→two#details@1.1 here→one#first-page@1.2 x→two#@1.5"
	if strings.Join(links, " ") != wantLinks {
		t.Errorf("links = %s\nwant   %s", strings.Join(links, " "), wantLinks)
	}
	// Lines point at the file, so lint can name them.
	if p.Headings[1].Line != 16 || p.Blocks[3].Line != 20 || p.Links[1].Line != 20 {
		t.Errorf("lines: heading %d, item %d, link %d", p.Headings[1].Line, p.Blocks[3].Line, p.Links[1].Line)
	}
}

func TestPlainInline(t *testing.T) {
	for in, want := range map[string]string{
		"See [the **UN**](un.md#x) and `code`": "See the UN and code",
		"*Programma d'azione* (PoA)":           "Programma d'azione (PoA)",
		"":                                     "",
	} {
		if got := plainInline(in); got != want {
			t.Errorf("plainInline(%q) = %q, want %q", in, got, want)
		}
	}
}

// page builds a page file for the provenance fixtures.
func page(lang, title, sec string, marker0, marker1 string, body string) string {
	return "---\nid: one\ntitle: " + title + "\ntab: One\norder: 1\nupdated: 2026-03\nsources:\n  - X\n---\n\n# " + title + "\n" +
		marker0 + "\n\n## " + sec + "\n" + marker1 + "\n\n" + body + "\n"
}

func TestLintProvenanceAndBlocks(t *testing.T) {
	sources := "- id: s1\n  title: Source one\n  lang: en\n  publisher: MAECI\n  as_of: 2021\n- id: s2\n  title: Fonte due\n  lang: it\n  publisher: MAECI\n  as_of: 2026\n"
	cases := []struct {
		name   string
		en, it string
		want   []string
	}{
		{"good",
			page("en", "One", "Facts", "<!-- sources: s1 -->", "<!-- sources: s1 s2 -->", "- a\n- b"),
			page("it", "Uno", "Fatti", "<!-- sources: s1 -->", "<!-- sources: s2, s1 -->", "- a\n- b"),
			nil},
		{"missing marker",
			page("en", "One", "Facts", "<!-- sources: s1 -->", "", "Text."),
			page("it", "Uno", "Fatti", "<!-- sources: s1 -->", "", "Testo."),
			[]string{`en/one.md:14: section "Facts" names no source: add "<!-- sources: ID -->" under its heading (ids in sources.yaml)`,
				`it/one.md:14: section "Fatti" names no source: add "<!-- sources: ID -->" under its heading (ids in sources.yaml)`}},
		{"unknown and different",
			page("en", "One", "Facts", "<!-- sources: s1 -->", "<!-- sources: s3 -->", "Text."),
			page("it", "Uno", "Fatti", "<!-- sources: s1 -->", "<!-- sources: s2 -->", "Testo."),
			[]string{`en/one.md:15: unknown source "s3": declare it in sources.yaml`,
				`it/one.md:15: section "Fatti" names sources [s2], but en/one.md:14 names [s3]: both languages rest on the same sources`}},
		{"marker not under heading",
			page("en", "One", "Facts", "<!-- sources: s1 -->", "<!-- sources: s1 -->", "Text.\n\n<!-- sources: s2 -->"),
			page("it", "Uno", "Fatti", "<!-- sources: s1 -->", "<!-- sources: s1 -->", "Testo."),
			[]string{`en/one.md:19: a second sources marker in the same section: name all its sources in one marker`}},
		{"block count",
			page("en", "One", "Facts", "<!-- sources: s1 -->", "<!-- sources: s1 -->", "- a\n- b"),
			page("it", "Uno", "Fatti", "<!-- sources: s1 -->", "<!-- sources: s1 -->", "- a"),
			[]string{`it/one.md:14: section "Fatti" has 2 blocks (paragraphs, list items, tables), but 3 in en/one.md:14 ("Facts"): both languages need the same passages`}},
		{"block kind",
			page("en", "One", "Facts", "<!-- sources: s1 -->", "<!-- sources: s1 -->", "- a"),
			page("it", "Uno", "Fatti", "<!-- sources: s1 -->", "<!-- sources: s1 -->", "a"),
			[]string{`it/one.md:17: block 1.1 is a paragraph, but a list item in en/one.md:17: both languages need the same passages`}},
	}
	for _, c := range cases {
		fsys := fstest.MapFS{
			"sources.yaml": {Data: []byte(sources)},
			"en/one.md":    {Data: []byte(c.en)},
			"it/one.md":    {Data: []byte(c.it)},
		}
		problems, err := Lint(fsys)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range problems {
			got = append(got, p.String())
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n got: %s\nwant: %s", c.name, strings.Join(got, "\n      "), strings.Join(c.want, "\n      "))
		}
	}
}

func TestLintTerms(t *testing.T) {
	gl := func(title, h1, h2 string) string {
		return "---\nid: glossary\ntitle: " + title + "\ntab: G\norder: 1\nupdated: 2026-03\nkind: glossary\nsources:\n  - X\n---\n\n# " + title + "\n<!-- sources: x -->\n\n## " + h1 + "\n<!-- sources: x -->\n\nText.\n\n## " + h2 + "\n<!-- sources: x -->\n\nText.\n"
	}
	terms := `- id: cbm
  en: {term: confidence-building measures, acronym: CBM, anchor: cbm, synonyms: [trust-building measures]}
  it: {term: misure di rafforzamento della fiducia, acronym: CBM, anchor: cbm}
- id: ghost
  en: {term: ghost, anchor: ghost, synonyms: [trust-building measures, ""]}
  it: {term: fantasma, anchor: cbm, synonyms: [Misure di rafforzamento della fiducia]}
`
	fsys := fstest.MapFS{
		"terms.yaml":     {Data: []byte(terms)},
		"sources.yaml":   {Data: []byte("- id: x\n  title: X\n  lang: en\n  as_of: 2026\n")},
		"en/glossary.md": {Data: []byte(gl("Glossary", "CBM", "GGE"))},
		"it/glossary.md": {Data: []byte(gl("Glossario", "CBM", "GGE"))},
	}
	problems, err := Lint(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	want := []string{
		`en/glossary.md:18: glossary entry "CBM": the line under its heading must read "*In Italian: misure di rafforzamento della fiducia (CBM)*" (term "cbm" in terms.yaml), not "Text."`,
		`en/glossary.md:20: glossary entry "GGE" has no term in terms.yaml: add one`,
		`it/glossary.md:18: glossary entry "CBM": the line under its heading must read "*In inglese: confidence-building measures (CBM)*" (term "cbm" in terms.yaml), not "Text."`,
		`it/glossary.md:20: glossary entry "GGE" has no term in terms.yaml: add one`,
		`terms.yaml:1: term "ghost": en/glossary.md has no heading with anchor "ghost"`,
		`terms.yaml:1: terms "cbm" and "ghost" both point to it/glossary.md#cbm`,
		`terms.yaml:1: en name "trust-building measures" is given to terms "cbm" and "ghost": a name leads to one term`,
		`terms.yaml:1: term "ghost": an empty en synonym`,
		`terms.yaml:1: it name "Misure di rafforzamento della fiducia" is given to terms "cbm" and "ghost": a name leads to one term`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	lib, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if ts := lib.Terms(); len(ts) != 2 || ts[0].ByLang["it"].Term != "misure di rafforzamento della fiducia" {
		t.Errorf("Terms() = %+v", ts)
	}
}

// A link is located where the reader sees it, not at an earlier occurrence of its
// words, and a link in a heading belongs to the heading.
func TestLinkPlaces(t *testing.T) {
	src := "---\nid: one\ntitle: T\ntab: T\norder: 1\nupdated: 2026-03\nsources:\n  - X\n---\n\n" +
		"# About the [UN](un.md)\n\n" +
		"A UN group, then **bold [UN](un.md#key-facts)** and  [the *OSCE*](osce.md).\n\n" +
		"- first\n\n  second [UN](un.md)\n"
	p, _ := parsePage("en", "en/one.md", []byte(src))
	var got []string
	for _, l := range p.Links {
		b := p.Blocks[l.Block]
		if b.Text[l.Start:l.End] != l.Text {
			t.Errorf("link %d: %q at [%d,%d) of %q", l.Index, l.Text, l.Start, l.End, b.Text)
		}
		got = append(got, b.ID+":"+b.Text[:l.Start]+"|"+l.Text)
	}
	want := "0.0:About the |UN 0.1:A UN group, then bold |UN 0.1:A UN group, then bold UN and  |the OSCE 0.2:first second |UN"
	if strings.Join(got, " ") != want {
		t.Errorf("links:\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
	if len(p.Blocks[0].Links) != 1 || p.Blocks[0].Kind != KindHeading {
		t.Errorf("the heading's block has links %v", p.Blocks[0].Links)
	}
}

// The style guide writes numbers up to ten in words: an editor who changes "six"
// to "seven" in one language is told, as for digits.
func TestLintNumberWords(t *testing.T) {
	sources := "- id: s1\n  title: Source one\n  lang: en\n  as_of: 2021\n"
	fsys := fstest.MapFS{
		"sources.yaml": {Data: []byte(sources)},
		"en/one.md":    {Data: []byte(page("en", "One", "Facts", "<!-- sources: s1 -->", "<!-- sources: s1 -->", "Six groups met, one of them twice, in 2004; on 12 March the EU may act."))},
		"it/one.md":    {Data: []byte(page("it", "Uno", "Fatti", "<!-- sources: s1 -->", "<!-- sources: s1 -->", "Si sono riuniti sette gruppi, uno dei quali due volte, nel 2004; il 12 maggio l'UE può agire."))},
	}
	problems, err := Lint(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	want := []string{
		`en/one.md:17: number "six" (6) is not in the same passage of it/one.md:17: the two languages disagree`,
		`en/one.md:17: month "march" (3) is not in the same passage of it/one.md:17: the two languages disagree`,
		`it/one.md:17: number "sette" (7) is not in the same passage of en/one.md:17: the two languages disagree`,
		`it/one.md:17: number "due" (2) is not in the same passage of en/one.md:17: the two languages disagree`,
		`it/one.md:17: month "maggio" (5) is not in the same passage of en/one.md:17: the two languages disagree`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Links whose parent is not a paragraph (a heading or a table inside a list item)
// are links of the model too.
func TestLinksOutsideParagraphs(t *testing.T) {
	src := "---\nid: one\ntitle: T\ntab: T\norder: 1\nupdated: 2026-03\nsources:\n  - X\n---\n\n# T\n\n" +
		"- ## A [heading link](two.md) in an item\n\n" +
		"- | A | B |\n  |---|---|\n  | [cell](two.md#x) | text |\n"
	p, _ := parsePage("en", "en/one.md", []byte(src))
	var got []string
	for _, l := range p.Links {
		got = append(got, l.Text+"@"+p.Blocks[l.Block].Kind.String())
	}
	if strings.Join(got, " ") != "heading link@list item cell@list item" {
		t.Errorf("links: %v", got)
	}
}

// A page that nests lists or quotes deeper than MaxNesting is refused: drawing it
// would cost time and memory with the square of the depth.
func TestDeepNestingIsRefused(t *testing.T) {
	head := "---\nid: one\ntitle: T\ntab: T\norder: 1\nupdated: 2026-03\nsources:\n  - X\n---\n\n# T\n\n"
	deep := head + strings.Repeat("- ", 1000) + "x\n"
	p, problems := parsePage("en", "en/one.md", []byte(deep))
	if p.Depth != 1000 || len(problems) != 1 || !strings.Contains(problems[0].Message, "nested 1000 deep (at most 8)") {
		t.Errorf("depth %d, problems %v", p.Depth, problems)
	}
	quotes := head + strings.Repeat("> ", 1000) + "x\n"
	if p, _ := parsePage("en", "en/one.md", []byte(quotes)); p.Depth != 1000 {
		t.Errorf("quotes: depth %d", p.Depth)
	}
	ok := head + strings.Repeat("  ", 0) + "- a\n  - b\n    - c\n"
	if p, problems := parsePage("en", "en/one.md", []byte(ok)); p.Depth != 3 || len(problems) != 0 {
		t.Errorf("three levels: depth %d, %v", p.Depth, problems)
	}
}

func TestLintFormatCharacters(t *testing.T) {
	src := "---\nid: one\ntitle: T\ntab: T\norder: 1\nupdated: 2026-03\nsources:\n  - X\n---\n\n# T\n\nIt\u202eali and OE\u200bWG.\n"
	_, problems := parsePage("en", "en/one.md", []byte(src))
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	want := "en/one.md:13: control character U+202E (right-to-left override) at column 3: remove it"
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q (one report per line)", got, want)
	}
	if s := Sanitize("OE\u200bWG"); s != "OEWG" {
		t.Errorf("Sanitize kept a zero-width space: %q", s)
	}
}

// plainInline returns the text a reader sees of one line of inline Markdown
// (the model's inline walk on its own):
// links keep their text, emphasis and code markers go.
func plainInline(s string) string {
	if s == "" {
		return ""
	}
	src := []byte(s)
	root := parseMarkdown(src)
	d := &docParser{p: &Page{}, src: src, starts: []int{0}}
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Type() == ast.TypeBlock && c.FirstChild() != nil && c.FirstChild().Type() == ast.TypeInline {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				d.inline(c, &b, -1)
				continue
			}
			walk(c)
		}
	}
	walk(root)
	return strings.TrimSpace(b.String())
}
