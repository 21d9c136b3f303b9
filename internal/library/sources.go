package library

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// The files beside en/ and it/ that describe the briefing as a whole.
const (
	SourcesFile = "sources.yaml" // the sources, declared once
	TermsFile   = "terms.yaml"   // the term base behind the glossary
)

// maxMetaFile bounds what is read of sources.yaml and terms.yaml.
const maxMetaFile = 1 << 20

// Source is one document the briefing rests on.
type Source struct {
	ID        string `yaml:"id" json:"id"`
	Title     string `yaml:"title" json:"title"`
	Lang      string `yaml:"lang" json:"lang"`
	Publisher string `yaml:"publisher" json:"publisher,omitempty"`
	Symbol    string `yaml:"symbol" json:"symbol,omitempty"` // e.g. a UN document symbol, "A/65/201"
	AsOf      int    `yaml:"as_of" json:"as_of"`             // the year the source reflects
}

// TermForm is a glossary entry in one language.
type TermForm struct {
	Term     string   `yaml:"term" json:"term"`
	Acronym  string   `yaml:"acronym" json:"acronym,omitempty"`
	Anchor   string   `yaml:"anchor" json:"anchor"` // its heading in <lang>/glossary.md
	Synonyms []string `yaml:"synonyms" json:"synonyms,omitempty"`
}

// Term is one entry of the term base, in every language.
type Term struct {
	ID     string              `json:"id"`
	ByLang map[string]TermForm `json:"forms"`
}

// termFile is one entry of terms.yaml.
type termFile struct {
	ID string   `yaml:"id"`
	EN TermForm `yaml:"en"`
	IT TermForm `yaml:"it"`
}

// Sources returns the declared sources, in file order.
func (l *Library) Sources() []Source { return l.sources }

// Source returns the source with the given id.
func (l *Library) Source(id string) (Source, bool) {
	for _, s := range l.sources {
		if s.ID == id {
			return s, true
		}
	}
	return Source{}, false
}

// Terms returns the term base, in file order.
func (l *Library) Terms() []Term { return l.terms }

// readMeta reads sources.yaml and terms.yaml when they exist. A file that cannot be
// parsed is reported and read as empty.
func readMeta(fsys fs.FS) (sources []Source, terms []Term, present, unread map[string]bool, problems []Problem) {
	present, unread = map[string]bool{}, map[string]bool{}
	decode := func(name string, v any) {
		f, err := fsys.Open(name)
		if errors.Is(err, fs.ErrNotExist) {
			return
		}
		present[name] = true
		if err != nil {
			problems = append(problems, Problem{Path: name, Line: 1, Message: err.Error()})
			unread[name] = true
			return
		}
		defer f.Close()
		data, err := io.ReadAll(io.LimitReader(f, maxMetaFile+1))
		if err != nil {
			problems = append(problems, Problem{Path: name, Line: 1, Message: err.Error()})
			unread[name] = true
			return
		}
		if len(data) > maxMetaFile {
			problems = append(problems, Problem{Path: name, Line: 1, Message: fmt.Sprintf("larger than %d bytes", maxMetaFile)})
			unread[name] = true
			return
		}
		problems = append(problems, controlProblems(name, string(data))...) // a BEL in YAML, as in a page
		dec := yaml.NewDecoder(bytes.NewReader([]byte(Sanitize(string(data)))))
		dec.KnownFields(true)
		if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
			line, msg := yamlError(err)
			problems = append(problems, Problem{Path: name, Line: line, Message: msg})
			unread[name] = true
		}
	}
	decode(SourcesFile, &sources)
	var tf []termFile
	decode(TermsFile, &tf)
	for _, t := range tf {
		terms = append(terms, Term{ID: t.ID, ByLang: map[string]TermForm{"en": t.EN, "it": t.IT}})
	}
	return sources, terms, present, unread, problems
}

// lintSources checks sources.yaml and that every section names known sources, the
// same in both languages.
func lintSources(sources []Source, terms []Term, pages map[string]map[string]*Page) []Problem {
	var out []Problem
	known := map[string]bool{}
	for i, s := range sources {
		where := fmt.Sprintf("source %d", i+1)
		if s.ID != "" {
			where = fmt.Sprintf("source %q", s.ID)
		}
		bad := func(format string, args ...any) {
			out = append(out, Problem{Path: SourcesFile, Line: 1, Message: where + ": " + fmt.Sprintf(format, args...)})
		}
		switch {
		case s.ID == "":
			bad("missing id")
		case known[s.ID]:
			bad("declared twice")
		case strings.Trim(s.ID, "abcdefghijklmnopqrstuvwxyz0123456789-") != "":
			bad("id may hold only a-z, 0-9 and -")
		}
		known[s.ID] = true
		if strings.TrimSpace(s.Title) == "" {
			bad("missing title")
		}
		if s.Lang == "" {
			bad("missing lang")
		}
		if s.AsOf < 1900 || s.AsOf > 2100 {
			bad("as_of %d is not a year", s.AsOf)
		}
	}
	for _, lang := range Languages() {
		for _, id := range sortedKeys(pages[lang]) {
			p := pages[lang][id]
			for _, s := range p.Sections {
				if s.Heading.Block < 0 {
					out = append(out, Problem{Path: p.Path, Line: s.Heading.Line,
						Message: "text before the first heading: start the page with its \"# Title\""})
					continue
				}
				if len(s.Sources) == 0 {
					out = append(out, Problem{Path: p.Path, Line: s.Heading.Line,
						Message: fmt.Sprintf("section %q names no source: add \"<!-- sources: ID -->\" under its heading (ids in %s)", s.Heading.Text, SourcesFile)})
				}
				for _, sid := range s.Sources {
					if !known[sid] {
						out = append(out, Problem{Path: p.Path, Line: s.SourcesLine,
							Message: fmt.Sprintf("unknown source %q: declare it in %s", sid, SourcesFile)})
					}
				}
			}
		}
	}
	en, it := pages["en"], pages["it"]
	for _, id := range sortedKeys(en) {
		a, b := en[id], it[id]
		if b == nil || len(a.Sections) != len(b.Sections) {
			continue
		}
		for i, j := range pairSections(a, b, terms) {
			if j < 0 {
				continue
			}
			sa, sb := sorted(a.Sections[i].Sources), sorted(b.Sections[j].Sources)
			if strings.Join(sa, " ") != strings.Join(sb, " ") {
				out = append(out, Problem{Path: b.Path, Line: max(b.Sections[j].SourcesLine, b.Sections[j].Heading.Line),
					Message: fmt.Sprintf("section %q names sources %v, but %s:%d names %v: both languages rest on the same sources",
						b.Sections[j].Heading.Text, sb, a.Path, a.Sections[i].Heading.Line, sa)})
			}
		}
	}
	return out
}

func sorted(s []string) []string {
	c := append([]string(nil), s...)
	sort.Strings(c)
	return c
}

// lintTerms checks the term base against the glossary pages: every entry has a term
// and an existing glossary heading in each language, and every glossary entry
// (a heading below the page title) has exactly one term.
func lintTerms(terms []Term, pages map[string]map[string]*Page) []Problem {
	var out []Problem
	bad := func(format string, args ...any) {
		out = append(out, Problem{Path: TermsFile, Line: 1, Message: fmt.Sprintf(format, args...)})
	}
	seen := map[string]bool{}
	used := map[string]map[string]string{} // lang -> anchor -> term id
	for i, t := range terms {
		name := t.ID
		if name == "" {
			bad("term %d: missing id", i+1)
			name = fmt.Sprintf("%d", i+1)
		} else if seen[t.ID] {
			bad("term %q: declared twice", t.ID)
		}
		seen[t.ID] = true
		for _, lang := range Languages() {
			f := t.ByLang[lang]
			if strings.TrimSpace(f.Term) == "" {
				bad("term %q: missing %s term", name, lang)
			}
			g := pages[lang]["glossary"]
			if g == nil {
				continue
			}
			if f.Anchor == "" || g.SectionByAnchor(f.Anchor) < 0 {
				bad("term %q: %s has no heading with anchor %q", name, g.Path, f.Anchor)
				continue
			}
			if used[lang] == nil {
				used[lang] = map[string]string{}
			}
			if other, ok := used[lang][f.Anchor]; ok {
				bad("terms %q and %q both point to %s#%s", other, name, g.Path, f.Anchor)
			}
			used[lang][f.Anchor] = name
		}
	}
	// The names a reader may type (term, acronym, synonyms) lead to one concept:
	// a name given to two would make search pick between them at random.
	for _, lang := range Languages() {
		owner := map[string]string{}
		for _, t := range terms {
			f := t.ByLang[lang]
			names := append([]string{f.Term, f.Acronym}, f.Synonyms...)
			for i, n := range names {
				if strings.TrimSpace(n) == "" {
					if i >= 2 {
						bad("term %q: an empty %s synonym", t.ID, lang)
					}
					continue
				}
				k := Fold(strings.TrimSpace(n))
				if o, ok := owner[k]; ok && o != t.ID {
					bad("%s name %q is given to terms %q and %q: a name leads to one term", lang, n, o, t.ID)
				}
				owner[k] = t.ID
			}
		}
	}
	for _, lang := range Languages() {
		g := pages[lang]["glossary"]
		if g == nil {
			continue
		}
		for _, s := range g.Sections {
			if s.Heading.Level < 2 {
				continue
			}
			if _, ok := used[lang][s.Heading.Anchor]; !ok {
				out = append(out, Problem{Path: g.Path, Line: s.Heading.Line,
					Message: fmt.Sprintf("glossary entry %q has no term in %s: add one", s.Heading.Text, TermsFile)})
			}
		}
	}
	return out
}
