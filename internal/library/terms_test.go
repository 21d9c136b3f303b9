package library

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cyberdiplo/cyberdiplo/content"
)

// glossaryFS is a two-entry glossary whose equivalent lines are given per language.
func glossaryFS(enLines, itLines [2]string) fstest.MapFS {
	gl := func(title string, heads [2]string, lines [2]string) string {
		s := "---\nid: glossary\ntitle: " + title + "\ntab: G\norder: 1\nupdated: 2026-03\nkind: glossary\nsources:\n  - X\n---\n\n# " + title + "\n<!-- sources: x -->\n"
		for i := range heads {
			s += "\n## " + heads[i] + "\n<!-- sources: x -->\n\n"
			if lines[i] != "" {
				s += lines[i] + "\n\n"
			}
			s += "Text.\n"
		}
		return s
	}
	terms := `- id: cbm
  en: {term: confidence-building measures, acronym: CBM, anchor: cbm-confidence-building-measures}
  it: {term: misure di costruzione della fiducia, acronym: CBM, anchor: cbm-misure-di-costruzione-della-fiducia}
- id: restrictive-measures
  en: {term: restrictive measures, anchor: restrictive-measures, synonyms: [sanctions]}
  it: {term: misure restrittive, anchor: misure-restrittive, synonyms: [sanzioni]}
`
	return fstest.MapFS{
		"terms.yaml":   {Data: []byte(terms)},
		"sources.yaml": {Data: []byte("- id: x\n  title: X\n  lang: en\n  as_of: 2026\n")},
		"en/glossary.md": {Data: []byte(gl("Glossary",
			[2]string{"CBM (confidence-building measures)", "Restrictive measures"}, enLines))},
		"it/glossary.md": {Data: []byte(gl("Glossario",
			[2]string{"CBM (misure di costruzione della fiducia)", "Misure restrittive"}, itLines))},
	}
}

func lintStrings(t *testing.T, fsys fstest.MapFS) []string {
	t.Helper()
	problems, err := Lint(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	return got
}

func TestLintEquivalentLines(t *testing.T) {
	good := [2][2]string{
		{"*In Italian: misure di costruzione della fiducia (CBM)*", "*In Italian: misure restrittive*"},
		{"*In inglese: confidence-building measures (CBM)*", "*In inglese: restrictive measures*"},
	}
	if got := lintStrings(t, glossaryFS(good[0], good[1])); len(got) != 0 {
		t.Fatalf("a glossary that matches terms.yaml: %v", got)
	}
	cases := []struct {
		name   string
		en, it [2]string
		want   string
	}{
		{"wrong term",
			[2]string{"*In Italian: misure di rafforzamento della fiducia (CBM)*", good[0][1]}, good[1],
			`en/glossary.md:18: glossary entry "CBM (confidence-building measures)": the line under its heading must read "*In Italian: misure di costruzione della fiducia (CBM)*" (term "cbm" in terms.yaml), not "In Italian: misure di rafforzamento della fiducia (CBM)"`},
		{"acronym left out",
			good[0], [2]string{"*In inglese: confidence-building measures*", good[1][1]},
			`it/glossary.md:18: glossary entry "CBM (misure di costruzione della fiducia)": the line under its heading must read "*In inglese: confidence-building measures (CBM)*" (term "cbm" in terms.yaml), not "In inglese: confidence-building measures"`},
		{"line missing",
			[2]string{good[0][0], ""}, good[1],
			`en/glossary.md:25: glossary entry "Restrictive measures": the line under its heading must read "*In Italian: misure restrittive*" (term "restrictive-measures" in terms.yaml), not "Text."` + "\n" +
				`it/glossary.md:22: section "Misure restrittive" has 3 blocks (paragraphs, list items, tables), but 2 in en/glossary.md:22 ("Restrictive measures"): both languages need the same passages`},
		{"a list instead",
			good[0], [2]string{good[1][0], "- In inglese: restrictive measures"},
			`it/glossary.md:25: glossary entry "Misure restrittive": the line under its heading must read "*In inglese: restrictive measures*" (term "restrictive-measures" in terms.yaml), not a list item` + "\n" +
				`it/glossary.md:25: block 2.1 is a list item, but a paragraph in en/glossary.md:25: both languages need the same passages`},
	}
	for _, c := range cases {
		got := lintStrings(t, glossaryFS(c.en, c.it))
		if strings.Join(got, "\n") != c.want {
			t.Errorf("%s:\n got: %s\nwant: %s", c.name, strings.Join(got, "\n      "), c.want)
		}
	}
}

func TestTermHelpers(t *testing.T) {
	lib, err := Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	glossaryID := lib.IDOfKind(PageGlossary)
	if glossaryID != "glossary" {
		t.Fatalf("the glossary is %q, want the page that says it is one", glossaryID)
	}
	cbm, ok := lib.TermAt("it", "cbm-misure-di-costruzione-della-fiducia")
	if !ok || cbm.ID != "cbm" {
		t.Fatalf("TermAt: %+v %v", cbm, ok)
	}
	if got := EquivalentLine("en", cbm); got != "In Italian: misure di costruzione della fiducia (CBM)" {
		t.Errorf("EquivalentLine(en) = %q", got)
	}
	if got := cbm.ByLang["en"].Label(); got != "confidence-building measures (CBM)" {
		t.Errorf("Label = %q", got)
	}
	if _, ok := lib.TermAt("en", "no-such-anchor"); ok {
		t.Error("TermAt found a term for an unknown anchor")
	}
	// The glossary follows the English alphabet in both languages (so that entries
	// pair by position); TermsSorted gives each language its own alphabetical order.
	for _, lang := range Languages() {
		ts := lib.TermsSorted(lang)
		if len(ts) != len(lib.Terms()) || len(ts) < 20 {
			t.Fatalf("TermsSorted(%s): %d terms of %d", lang, len(ts), len(lib.Terms()))
		}
		for i := 1; i < len(ts); i++ {
			if Fold(ts[i-1].ByLang[lang].Term) > Fold(ts[i].ByLang[lang].Term) {
				t.Errorf("TermsSorted(%s): %q before %q", lang, ts[i-1].ByLang[lang].Term, ts[i].ByLang[lang].Term)
			}
		}
	}
	if ts := lib.TermsSorted("it"); ts[len(ts)-1].ID != "unit" || Fold(ts[0].ByLang["it"].Term) != "capacity building" {
		t.Errorf("Italian order: first %q, last %q", ts[0].ByLang["it"].Term, ts[len(ts)-1].ByLang["it"].Term)
	}
	// The embedded glossary lists its entries in the alphabetical order of each
	// language, and each entry pairs with the same term in the other language.
	for _, lang := range Languages() {
		other := "it"
		if lang == "it" {
			other = "en"
		}
		g := lib.Page(lang, glossaryID)
		var prev string
		entries := 0
		for i, s := range g.Sections {
			if s.Heading.Level != 2 {
				continue
			}
			entries++
			if k := Fold(s.Heading.Text); k < prev {
				t.Errorf("%s glossary: %q comes after %q", lang, s.Heading.Text, prev)
			} else {
				prev = k
			}
			j := lib.CounterpartSection(glossaryID, lang, i, other)
			ta, _ := lib.TermAt(lang, s.Heading.Anchor)
			tb, _ := lib.TermAt(other, lib.Page(other, glossaryID).Sections[j].Heading.Anchor)
			if ta.ID == "" || ta.ID != tb.ID {
				t.Errorf("%s glossary entry %q pairs with %q, another term", lang, s.Heading.Text, lib.Page(other, glossaryID).Sections[j].Heading.Text)
			}
			b := lib.CounterpartBlock(glossaryID, lang, s.First+1, other)
			if b < 0 || lib.Page(other, glossaryID).Blocks[b].Section != j {
				t.Errorf("%s glossary entry %q: its first paragraph pairs with block %d, outside the paired entry", lang, s.Heading.Text, b)
			}
		}
		if entries < 20 {
			t.Errorf("%s glossary has %d entries", lang, entries)
		}
	}
	// Anywhere else, sections pair by position.
	if got := lib.CounterpartSection("un", "en", 3, "it"); got != 3 {
		t.Errorf("un section 3 pairs with %d", got)
	}
	if lib.CounterpartSection("un", "en", 999, "it") != -1 || lib.CounterpartBlock("nope", "en", 0, "it") != -1 {
		t.Error("out-of-range sections and unknown pages must pair with -1")
	}
}

// The term base has a column per language, keyed by its code; a column for a
// language the briefing is not written in is reported, not silently read.
func TestTermColumnsAreLanguages(t *testing.T) {
	fsys := glossaryFS([2]string{"*In Italian: misure di costruzione della fiducia (CBM)*", "*In Italian: misure restrittive*"},
		[2]string{"*In inglese: confidence-building measures (CBM)*", "*In inglese: restrictive measures*"})
	fsys["terms.yaml"] = &fstest.MapFile{Data: []byte(string(fsys["terms.yaml"].Data) + `- id: extra
  en: {term: extra}
  it: {term: extra}
  xx: {term: extra}
`)}
	found := false
	for _, p := range lintStrings(t, fsys) {
		if p == `terms.yaml:1: term 3 ("extra"): "xx" is not a language of the briefing (en, it)` {
			found = true
		}
	}
	if !found {
		t.Errorf("a column for an unknown language is not reported: %v", lintStrings(t, fsys))
	}
}

// TestLintConceptBase checks what lint says of the concept base beyond the
// glossary: themes with a section of their own, kinds, further sections, and
// phrases that would lead to two concepts.
func TestLintConceptBase(t *testing.T) {
	good := [2][2]string{
		{"*In Italian: misure di costruzione della fiducia (CBM)*", "*In Italian: misure restrittive*"},
		{"*In inglese: confidence-building measures (CBM)*", "*In inglese: restrictive measures*"},
	}
	base := glossaryFS(good[0], good[1])
	with := func(extra string) fstest.MapFS {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		fsys["terms.yaml"] = &fstest.MapFile{Data: append(append([]byte(nil), base["terms.yaml"].Data...), extra...)}
		note := func(title, head string) *fstest.MapFile {
			return &fstest.MapFile{Data: []byte("---\nid: notes\ntitle: " + title + "\ntab: N\norder: 2\nupdated: 2026-03\nsources:\n  - X\n---\n\n# " +
				title + "\n<!-- sources: x -->\n\n## " + head + "\n<!-- sources: x -->\n\nText.\n")}
		}
		fsys["en/notes.md"], fsys["it/notes.md"] = note("Notes", "Penalties"), note("Note", "Penalità")
		return fsys
	}
	cases := []struct {
		name, extra string
		want        []string
	}{
		{"a theme and its phrases", `- id: penalties
  kind: theme
  page: notes
  also: ["glossary#restrictive-measures", "notes#penalties"]
  en: {term: penalties, anchor: nowhere}
  it: {term: penalità, anchor: penalita}
  phrases: {en: [punishing attackers], it: [punire]}
`, []string{
			`terms.yaml:1: term "penalties": en/notes.md has no heading with anchor "nowhere"`,
			`terms.yaml:1: term "penalties": also "glossary#restrictive-measures": no such section in en (give page#anchor of a page other than the glossary, anchors in en)`,
		}},
		{"an unknown kind", `- id: odd
  kind: gadget
  page: nowhere
  en: {term: odd, anchor: x}
  it: {term: strano, anchor: x}
`, []string{
			`terms.yaml:1: term "odd": kind "gadget": use one of body, instrument, measure, theme`,
			`terms.yaml:1: term "odd": a concept outside the glossary (page "nowhere") is a theme: add kind: theme`,
			`terms.yaml:1: term "odd": no page "nowhere" in en`,
			`terms.yaml:1: term "odd": no page "nowhere" in it`,
		}},
		{"a phrase that is another concept's name", `- id: punish
  kind: theme
  page: notes
  en: {term: punishing, anchor: penalties}
  it: {term: punire, anchor: penalita}
  phrases: {en: [the sanctions], it: [sanzioni ue]}
`, []string{
			`terms.yaml:1: en phrase "the sanctions" of term "punish" has the words of a name of term "restrictive-measures": a phrase leads to one concept`,
		}},
		{"a phrase two concepts hold in other words", `- id: a
  kind: theme
  page: notes
  en: {term: alpha, anchor: penalties}
  it: {term: alfa, anchor: penalita}
  phrases: {en: [help for poor countries, shared words], it: [aiuto]}
- id: b
  kind: theme
  page: notes
  en: {term: beta, anchor: penalties}
  it: {term: beta, anchor: penalita}
  phrases: {en: [poor countries help, shared words], it: [aiuto]}
`, []string{
			`terms.yaml:1: en phrase "help for poor countries" of term "a" has the words of a phrase of term "b": list the same phrase in both, or reword one`,
			`terms.yaml:1: en phrase "poor countries help" of term "b" has the words of a phrase of term "a": list the same phrase in both, or reword one`,
		}},
	}
	for _, c := range cases {
		got := lintStrings(t, with(c.extra))
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: lint does not say\n  %s\nit says:\n  %s", c.name, w, strings.Join(got, "\n  "))
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: %d problems, want %d:\n  %s", c.name, len(got), len(c.want), strings.Join(got, "\n  "))
		}
	}
}

// TestShippedConceptBase: every concept of the shipped terms.yaml has a kind and
// reaches its section in both languages, and the themes stay out of the glossary.
func TestShippedConceptBase(t *testing.T) {
	lib, err := Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	themes := 0
	for _, c := range lib.Concepts() {
		if !slices.Contains(ConceptKinds, c.Kind) {
			t.Errorf("concept %q: kind %q", c.ID, c.Kind)
		}
		for _, lang := range Languages() {
			p := lib.Page(lang, lib.PageID(c))
			if p == nil || p.SectionByAnchor(c.ByLang[lang].Anchor) < 0 {
				t.Errorf("concept %q: no section %s#%s in %s", c.ID, lib.PageID(c), c.ByLang[lang].Anchor, lang)
			}
			if len(c.ByLang[lang].Phrases) == 0 {
				t.Errorf("concept %q: no everyday phrase in %s", c.ID, lang)
			}
		}
		if !c.InGlossary() {
			themes++
		}
	}
	if themes == 0 || len(lib.Terms())+themes != len(lib.Concepts()) {
		t.Errorf("%d concepts, %d glossary terms, %d themes", len(lib.Concepts()), len(lib.Terms()), themes)
	}
	for _, term := range lib.Terms() {
		if !term.InGlossary() {
			t.Errorf("Terms() holds the theme %q", term.ID)
		}
	}
}
