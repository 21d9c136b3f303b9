package library

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/cyberdiplo/cyberdiplo/third_party/yaml"

	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
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
	// Names are the official names the briefing quotes from the source word for
	// word (besides its title and the term base's terms): the copy checks let them through.
	Names []string `yaml:"names" json:"-"`
}

// TermForm is a glossary entry in one language.
type TermForm struct {
	Term     string   `yaml:"term" json:"term"`
	Acronym  string   `yaml:"acronym" json:"acronym,omitempty"`
	Anchor   string   `yaml:"anchor" json:"anchor"` // its heading in <lang>/glossary.md
	Synonyms []string `yaml:"synonyms" json:"synonyms,omitempty"`
	// Phrases are the everyday words people use for the concept ("rules of the
	// road" for the norms): search matches them in any order, and they are
	// never shown as names.
	Phrases []string `yaml:"phrases" json:"phrases,omitempty"`
}

// Term is one entry of the term base, in every language: a glossary entry, or a
// theme of the briefing that no glossary entry holds (Page names the page of its
// section then).
type Term struct {
	ID     string              `json:"id"`
	Kind   string              `json:"kind,omitempty"` // body, instrument, measure or theme (ConceptKinds)
	Page   string              `json:"page,omitempty"` // "" for the glossary
	Also   []string            `json:"also,omitempty"` // further sections that answer it: "page#anchor", anchors of the first language
	ByLang map[string]TermForm `json:"forms"`
}

// ConceptKinds are the kinds of concept terms.yaml may declare.
var ConceptKinds = []string{"body", "instrument", "measure", "theme"}

// InGlossary reports whether the term is a glossary entry.
func (t Term) InGlossary() bool { return t.Page == "" }

// PageID is the page of the term's section: the glossary (the page of kind
// glossary) unless Page says otherwise.
func (l *Library) PageID(t Term) string {
	if t.Page == "" {
		return l.IDOfKind(PageGlossary)
	}
	return t.Page
}

// glossaryTerms returns the terms that are glossary entries.
func glossaryTerms(terms []Term) []Term {
	var out []Term
	for _, t := range terms {
		if t.InGlossary() {
			out = append(out, t)
		}
	}
	return out
}

// termFile is one entry of terms.yaml: its id, what it is, and its form in each
// language, keyed by language code (a language is a column of the term base, not
// a field).
type termFile struct {
	ID    string              `yaml:"id"`
	Kind  string              `yaml:"kind"`
	Page  string              `yaml:"page"`
	Also  []string            `yaml:"also"`
	Forms map[string]TermForm `yaml:",inline"`
	// Phrases are given apart from the names, per language: {en: [...], it: [...]}.
	Phrases map[string][]string `yaml:"phrases"`
}

// Sources returns the declared sources, in file order.
func (l *Library) Sources() []Source { return l.sources() }

// Source returns the source with the given id.
func (l *Library) Source(id string) (Source, bool) {
	for _, s := range l.sources() {
		if s.ID == id {
			return s, true
		}
	}
	return Source{}, false
}

// Terms returns the glossary entries of the term base, in file order.
func (l *Library) Terms() []Term { return l.terms() }

// Concepts returns the whole concept base, in file order: the glossary entries
// and the themes that have a section of their own elsewhere.
func (l *Library) Concepts() []Term { return l.concepts() }

// readMeta reads sources.yaml and terms.yaml when they exist. A file that cannot be
// read or parsed is reported and read as empty, and marked unread, so that the
// checks that rest on it wait rather than cascade.
func readMeta(fsys fs.FS) (sources []Source, terms []Term, present, unread map[string]bool, problems []Problem) {
	present, unread = map[string]bool{}, map[string]bool{}
	for _, name := range []string{SourcesFile, TermsFile} {
		data, ok, probs := readMetaFile(fsys, name)
		present[name] = ok
		problems = append(problems, probs...)
		if ok && data == nil {
			unread[name] = true
		}
		if data != nil {
			problems = append(problems, controlProblems(name, string(data))...) // a BEL in YAML, as in a page
			probs, parsed := parseMetaFile(name, data, &sources, &terms)
			problems = append(problems, probs...)
			if !parsed {
				unread[name] = true
			}
		}
	}
	return sources, terms, present, unread, problems
}

// readMetaFile reads one of the meta files: its bytes (nil when it is absent or
// cannot be read), whether it is there, and what went wrong reading it.
func readMetaFile(fsys fs.FS, name string) ([]byte, bool, []Problem) {
	f, err := fsys.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, true, []Problem{{Path: name, Line: 1, Message: err.Error()}}
	}
	defer f.Close()
	// Read into a buffer of the file's size (terms.yaml is 34 KB: io.ReadAll
	// would grow and copy from 512 bytes up, on the way to the first frame).
	var buf bytes.Buffer
	if st, err := f.Stat(); err == nil && st.Size() > 0 && st.Size() <= maxMetaFile {
		buf.Grow(int(st.Size()) + bytes.MinRead)
	}
	_, err = buf.ReadFrom(io.LimitReader(f, maxMetaFile+1))
	data := buf.Bytes()
	if data == nil {
		data = []byte{} // an empty file is read (nil is one that could not be)
	}
	if err != nil {
		return nil, true, []Problem{{Path: name, Line: 1, Message: err.Error()}}
	}
	if len(data) > maxMetaFile {
		return nil, true, []Problem{{Path: name, Line: 1, Message: fmt.Sprintf("larger than %d bytes", maxMetaFile)}}
	}
	return data, true, nil
}

// parseMetaFile parses sources.yaml into sources, or terms.yaml into terms;
// parsed is false when the YAML itself could not be read.
func parseMetaFile(name string, data []byte, sources *[]Source, terms *[]Term) (problems []Problem, parsed bool) {
	parsed = true
	decode := func(v any) {
		dec := yaml.NewDecoder(bytes.NewReader([]byte(Sanitize(string(data)))))
		dec.KnownFields(true)
		if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
			line, msg := yamlError(err)
			problems = append(problems, Problem{Path: name, Line: line, Message: msg})
			parsed = false
		}
	}
	if name == SourcesFile {
		decode(sources)
		return problems, parsed
	}
	var tf []termFile
	decode(&tf)
	known := map[string]bool{}
	for _, lang := range Languages() {
		known[lang] = true
	}
	for i, t := range tf {
		for _, lang := range sortedForms(t.Forms) {
			if !known[lang] {
				problems = append(problems, Problem{Path: TermsFile, Line: 1,
					Message: fmt.Sprintf("term %d (%q): %q is not a language of the briefing (%s)", i+1, t.ID, lang, strings.Join(Languages(), ", "))})
				delete(t.Forms, lang)
			}
		}
		if t.Forms == nil {
			t.Forms = map[string]TermForm{}
		}
		for _, lang := range slices.Sorted(maps.Keys(t.Phrases)) {
			f, ok := t.Forms[lang]
			if !known[lang] || !ok {
				problems = append(problems, Problem{Path: TermsFile, Line: 1,
					Message: fmt.Sprintf("term %q: phrases in %q: the languages are %s", t.ID, lang, strings.Join(Languages(), ", "))})
				continue
			}
			f.Phrases = append(f.Phrases, t.Phrases[lang]...)
			t.Forms[lang] = f
		}
		*terms = append(*terms, Term{ID: t.ID, Kind: t.Kind, Page: t.Page, Also: t.Also, ByLang: t.Forms})
	}
	return problems, parsed
}

func sortedForms(m map[string]TermForm) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
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
	for _, other := range langs.All()[1:] { // each language against the default
		en, it := pages[langs.Default()], pages[other]
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
	}
	return out
}

func sorted(s []string) []string {
	c := append([]string(nil), s...)
	sort.Strings(c)
	return c
}

// lintTerms checks the concept base against the pages: every concept has a term
// and an existing section in each language (a glossary heading, or the section a
// theme names), its kind is known, its further sections exist in both languages,
// no name or phrase leads to two concepts, and every glossary entry (a heading
// below the page title) has exactly one term.
func lintTerms(terms []Term, pages map[string]map[string]*Page) []Problem {
	var out []Problem
	bad := func(format string, args ...any) {
		out = append(out, Problem{Path: TermsFile, Line: 1, Message: fmt.Sprintf(format, args...)})
	}
	seen := map[string]bool{}
	used := map[string]map[string]string{} // lang -> glossary anchor -> term id
	for i, t := range terms {
		name := t.ID
		if name == "" {
			bad("term %d: missing id", i+1)
			name = fmt.Sprintf("%d", i+1)
		} else if seen[t.ID] {
			bad("term %q: declared twice", t.ID)
		}
		seen[t.ID] = true
		if t.Kind != "" && !slices.Contains(ConceptKinds, t.Kind) {
			bad("term %q: kind %q: use one of %s", name, t.Kind, strings.Join(ConceptKinds, ", "))
		}
		if !t.InGlossary() && t.Kind != "theme" {
			bad("term %q: a concept outside the glossary (page %q) is a theme: add kind: theme", name, t.Page)
		}
		for _, lang := range Languages() {
			f := t.ByLang[lang]
			if strings.TrimSpace(f.Term) == "" {
				bad("term %q: missing %s term", name, lang)
			}
			g := pages[lang][t.Page]
			if t.InGlossary() {
				g = pageOfKind(pages[lang], PageGlossary)
			}
			if g == nil {
				if !t.InGlossary() {
					bad("term %q: no page %q in %s", name, t.Page, lang)
				}
				continue
			}
			if f.Anchor == "" || g.SectionByAnchor(f.Anchor) < 0 {
				bad("term %q: %s has no heading with anchor %q", name, g.Path, f.Anchor)
				continue
			}
			if !t.InGlossary() {
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
		for _, ref := range t.Also {
			page, anchor, _ := strings.Cut(ref, "#")
			first := Languages()[0]
			p := pages[first][page]
			si := -1
			if p != nil {
				si = p.SectionByAnchor(anchor)
			}
			if si < 0 || p.Kind == PageGlossary {
				bad("term %q: also %q: no such section in %s (give page#anchor of a page other than the glossary, anchors in %s)", name, ref, first, first)
				continue
			}
			for _, lang := range Languages()[1:] {
				if q := pages[lang][page]; q == nil || len(q.Sections) != len(p.Sections) {
					bad("term %q: also %q: %s/%s.md has no section at the same place", name, ref, lang, page)
				}
			}
		}
	}
	// The names a reader may type (term, acronym, synonyms) lead to one concept:
	// a name given to two would make search pick between them at random. A phrase
	// (everyday words, matched in any order) leads to one concept unless every
	// concept it leads to lists it: its words, as a set, are no other concept's.
	for _, lang := range Languages() {
		owner := map[string]string{}
		bySet := map[string][]string{}         // word set -> concepts with a name or phrase of those words
		listed := map[string]map[string]bool{} // concept -> folded phrases it lists
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
				if ws := wordSet(n); !slices.Contains(bySet[ws], t.ID) {
					bySet[ws] = append(bySet[ws], t.ID)
				}
			}
			listed[t.ID] = map[string]bool{}
			for _, ph := range f.Phrases {
				if strings.TrimSpace(ph) == "" {
					bad("term %q: an empty %s phrase", t.ID, lang)
					continue
				}
				listed[t.ID][wordSet(ph)] = true
			}
		}
		for _, t := range terms {
			for _, ph := range t.ByLang[lang].Phrases {
				ws := wordSet(ph)
				if ws == "" {
					continue
				}
				for _, o := range bySet[ws] {
					if o != t.ID {
						bad("%s phrase %q of term %q has the words of a name of term %q: a phrase leads to one concept", lang, ph, t.ID, o)
					}
				}
				for _, o := range terms {
					if o.ID != t.ID && listed[o.ID][ws] && !slices.Contains(o.ByLang[lang].Phrases, ph) {
						bad("%s phrase %q of term %q has the words of a phrase of term %q: list the same phrase in both, or reword one", lang, ph, t.ID, o.ID)
					}
				}
			}
		}
	}
	for _, lang := range Languages() {
		g := pageOfKind(pages[lang], PageGlossary)
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
