// Package library reads the bilingual briefing from an fs.FS laid out as
// <lang>/<id>.md, with YAML front matter, into pages with their headings and links.
package library

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/cyberdiplo/cyberdiplo/third_party/yaml"

	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
)

// Languages returns the languages the briefing is written in, in the order they
// are offered (a new slice each time: no caller can change another's): those of
// internal/lang.
func Languages() []string { return langs.All() }

// Page is one page of the briefing in one language.
type Page struct {
	Lang     string
	ID       string
	Title    string
	Tab      string
	Order    int
	Updated  string
	Sources  []string
	Kind     PageKind // what the page is (front matter "kind", PagePlain when not given)
	Colour   Colour   // its colour on the timeline (front matter "colour"), zero when none
	Aliases  []string // other names a reader may type for it in this language, folded (front matter "aliases")
	Path     string   // "en/un.md", relative to the content root
	Body     string   // Markdown without the front matter, control characters removed
	BodyLine int      // file line of the body's first line
	// The document model, from one goldmark parse of Body (see doc.go).
	Sections []Section
	Blocks   []Block
	Headings []Heading // the headings, in order (Sections[i].Heading for titled sections)
	Links    []Link
	Depth    int // how deep lists and quotes nest; over MaxNesting the page has no model and is not drawn
	tree     *Tree

	// model, when Load left the document model for later, parses it once:
	// Library.Page and Library.Pages do before they hand the page out.
	model *sync.Once
	// linkColour gives the timeline colour of the page a link leads to (set by
	// Load; nil for a page read by lint alone).
	linkColour func(id string) Colour
}

// loadModel parses the page's document model (the fields above from Sections on)
// if it was left for later; at once when it is there already.
func (p *Page) loadModel() {
	if p.model != nil {
		p.model.Do(func() { parseDoc(p); p.colourLinks() })
	}
}

// Heading returns the index of the heading with the given anchor, or -1.
func (p *Page) Heading(anchor string) int {
	for i, h := range p.Headings {
		if h.Anchor == anchor {
			return i
		}
	}
	return -1
}

// Library is the whole briefing: every page in every language, in tab order.
type Library struct {
	pages map[string][]*Page // by language, sorted by Order
	// sources.yaml and terms.yaml, each parsed on first use (the status line
	// names sources on the first frame; terms wait for the glossary and search).
	sources func() []Source
	terms   func() []Term // the glossary entries of concepts
	// concepts is terms.yaml whole: the glossary entries and the themes.
	concepts func() []Term

	loaded map[string]func() // by language: parses every page's model, once

	pairsMu sync.Mutex
	pairs   alignment // filled as pages are paired (CounterpartSection)
}

// frontMatter is the YAML header of a page.
type frontMatter struct {
	ID      string   `yaml:"id"`
	Title   string   `yaml:"title"`
	Tab     string   `yaml:"tab"`
	Order   int      `yaml:"order"`
	Updated string   `yaml:"updated"`
	Sources []string `yaml:"sources"`
	Kind    string   `yaml:"kind"`
	Colour  *Colour  `yaml:"colour"`
	Aliases []string `yaml:"aliases"`
}

// ErrNoContent is returned when a directory holds no page at all.
var ErrNoContent = errors.New("no pages found (expected en/*.md and it/*.md)")

// Load reads every page of fsys. It is lenient, so that an editor's half-finished
// content can still be read: a page whose front matter cannot be parsed is skipped
// (lint reports it), and control characters never reach the pages.
//
// Every file is read now, but only the front matter is parsed: a page's document
// model is parsed when the page is first asked for (Page parses that page, Pages
// every page of the language, in parallel), and sources.yaml and terms.yaml when
// first used, so that a start parses what its first frame shows.
func Load(fsys fs.FS) (*Library, error) { return LoadFor(fsys, "", "") }

// LoadFor is Load for a reader that opens the page id of lang first: that page's
// document model is parsed while the other files are read (on another core),
// instead of after them, and so is sources.yaml (the first frame's status line
// names the page's sources). An id that names no file is no error: the page is
// then parsed when first asked for, as with Load.
func LoadFor(fsys fs.FS, lang, id string) (*Library, error) {
	first := ""
	if lang != "" && id != "" {
		first = lang + "/" + id + ".md"
	}
	var files [2][]byte
	for i, name := range []string{SourcesFile, TermsFile} {
		files[i], _, _ = readMetaFile(fsys, name)
	}
	lib := &Library{pairs: alignment{}, loaded: map[string]func(){}}
	lib.sources = sync.OnceValue(func() (sources []Source) {
		if files[0] != nil {
			parseMetaFile(SourcesFile, files[0], &sources, nil)
		}
		return sources
	})
	if first != "" {
		go lib.sources()
	}
	pages, _, err := readAll(fsys, false, first)
	if err != nil {
		return nil, err
	}
	lib.pages = pages
	lib.concepts = sync.OnceValue(func() (terms []Term) {
		if files[1] != nil {
			parseMetaFile(TermsFile, files[1], nil, &terms)
		}
		return terms
	})
	lib.terms = sync.OnceValue(func() []Term { return glossaryTerms(lib.concepts()) })
	for _, lang := range Languages() {
		lib.loaded[lang] = sync.OnceFunc(func() { loadModels(lib.pages[lang]) })
	}
	lib.colourLinks()
	for _, ps := range pages {
		for _, p := range ps {
			if p.model == nil { // parsed by readAll: the links' colours are known now
				p.colourLinks()
			}
		}
	}
	for _, lang := range Languages() {
		sort.SliceStable(lib.pages[lang], func(i, j int) bool {
			a, b := lib.pages[lang][i], lib.pages[lang][j]
			if a.Order != b.Order {
				return a.Order < b.Order
			}
			return a.ID < b.ID
		})
	}
	return lib, nil
}

// readAll parses every <lang>/*.md of fsys: the pages that could be read, and the
// problems found on the way (lint reports them; Load skips what it cannot use).
// With model, each page's document model is parsed too, else left for later
// (Page.loadModel), but for the file named first (when not ""), which is parsed
// whole, before the others. The files are parsed concurrently; pages and problems
// come out in file order.
func readAll(fsys fs.FS, model bool, first string) (map[string][]*Page, []Problem, error) {
	type job struct {
		lang, file string
		data       []byte
		page       *Page
		problems   []Problem
	}
	var jobs []*job
	for _, lang := range Languages() {
		files, err := fs.Glob(fsys, lang+"/*.md")
		if err != nil {
			return nil, nil, err
		}
		if len(files) == 0 {
			jobs = append(jobs, &job{problems: []Problem{{Path: lang + "/", Line: 0, Message: "no pages in this language"}}})
		}
		for _, f := range files {
			data, err := fs.ReadFile(fsys, f)
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %w", f, err)
			}
			jobs = append(jobs, &job{lang: lang, file: f, data: data})
		}
	}
	// The order the files are taken in: first's first.
	order := make([]*job, 0, len(jobs))
	for _, j := range jobs {
		if first != "" && j.file == first {
			order = append([]*job{j}, order...)
		} else {
			order = append(order, j)
		}
	}
	// GOMAXPROCS workers, the caller one of them, each taking the next file: a
	// goroutine per file would grow a new stack for each (yaml's parser is deep).
	var next atomic.Int64
	work := func() {
		for {
			i := int(next.Add(1)) - 1
			if i >= len(order) {
				return
			}
			j := order[i]
			if j.file == "" {
				continue // a problem only
			}
			if model || j.file == first {
				// Whole (its model's link colours are set by Load, after).
				j.page, j.problems = parsePage(j.lang, j.file, j.data)
			} else if j.page, j.problems = parseFront(j.lang, j.file, j.data); j.page != nil {
				j.page.model = new(sync.Once)
			}
		}
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	pages := map[string][]*Page{}
	var problems []Problem
	for _, j := range jobs {
		problems = append(problems, j.problems...)
		if j.page != nil {
			pages[j.lang] = append(pages[j.lang], j.page)
		}
	}
	if len(pages) == 0 { // no page in any language
		return nil, nil, ErrNoContent
	}
	return pages, problems, nil
}

// Pages returns the pages of a language in tab order.
func (l *Library) Pages(lang string) []*Page {
	if load := l.loaded[lang]; load != nil {
		load()
	}
	return l.pages[lang]
}

// loadModels parses the models of pages that do not have theirs yet, in parallel.
func loadModels(pages []*Page) {
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, p := range pages {
		slots <- struct{}{}
		wg.Go(func() {
			p.loadModel()
			<-slots
		})
	}
	wg.Wait()
}

// Page returns a page by language and id, or nil.
func (l *Library) Page(lang, id string) *Page {
	for _, p := range l.pages[lang] {
		if p.ID == id {
			p.loadModel()
			return p
		}
	}
	return nil
}

// Tab returns the tab label of a page by language and id, from its front matter
// alone (its document model is not parsed for it), or false.
func (l *Library) Tab(lang, id string) (string, bool) {
	for _, p := range l.pages[lang] {
		if p.ID == id {
			return p.Tab, true
		}
	}
	return "", false
}

// IDs returns the page ids in tab order: those of English, then any only Italian has.
func (l *Library) IDs() []string {
	var ids []string
	seen := map[string]bool{}
	for _, lang := range Languages() {
		for _, p := range l.pages[lang] {
			if !seen[p.ID] {
				seen[p.ID] = true
				ids = append(ids, p.ID)
			}
		}
	}
	return ids
}

// parsePage parses one file, its document model included. It returns nil when the
// page cannot be used at all, with the problems that say why; problems are also
// returned for a usable page.
func parsePage(lang, file string, data []byte) (*Page, []Problem) {
	p, problems := parseFront(lang, file, data)
	if p != nil {
		problems = append(problems, parseDoc(p)...)
	}
	return p, problems
}

// parseFront parses one file but for its document model: the front matter, and
// the body with control characters removed.
func parseFront(lang, file string, data []byte) (*Page, []Problem) {
	var problems []Problem
	add := func(line int, format string, args ...any) {
		problems = append(problems, Problem{Path: file, Line: line, Message: fmt.Sprintf(format, args...)})
	}
	if !utf8.Valid(data) {
		add(1, "not valid UTF-8: save the file as UTF-8")
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	text := string(data)
	if hasControl(text) { // one scan of the page when it has none, as nearly all do
		problems = append(problems, controlProblems(file, text)...)
		text = Sanitize(text)
	}

	id := strings.TrimSuffix(path.Base(file), ".md")
	// The lines of the front matter, up to its closing "---" (lines[end]); the
	// body is the rest of the text, not split into lines here.
	var lines []string
	end := -1
	body := text
	for {
		line, rest, more := strings.Cut(body, "\n")
		lines = append(lines, line)
		body = rest
		if len(lines) == 1 && strings.TrimSpace(line) != "---" {
			add(1, "missing front matter: the file must start with a line \"---\"")
			return nil, problems
		}
		if len(lines) > 1 && strings.TrimSpace(line) == "---" {
			end = len(lines) - 1
			break
		}
		if !more {
			break
		}
	}
	if end < 0 {
		add(1, "front matter is not closed: add a line \"---\" after it")
		return nil, problems
	}
	fm, ok := quickFront(lines[1:end])
	if !ok {
		var err error
		if fm, err = yamlFront(lines[1:end]); err != nil {
			line, msg := yamlError(err)
			add(1+line, "front matter: %s", msg)
			return nil, problems
		}
	}
	fieldLine := func(name string) int {
		for i := 1; i < end; i++ {
			if strings.HasPrefix(lines[i], name+":") {
				return i + 1
			}
		}
		return 1
	}
	switch {
	case fm.ID == "":
		add(1, "front matter: missing field \"id\"")
	case fm.ID != id:
		add(fieldLine("id"), "front matter: id %q does not match the file name (want %q)", fm.ID, id)
	}
	if strings.TrimSpace(fm.Title) == "" {
		add(1, "front matter: missing field \"title\"")
	}
	if strings.TrimSpace(fm.Tab) == "" {
		add(1, "front matter: missing field \"tab\"")
	} else if n := utf8.RuneCountInString(fm.Tab); n > 12 {
		add(fieldLine("tab"), "front matter: tab label %q is %d characters long (at most 12)", fm.Tab, n)
	}
	if fm.Order < 1 {
		add(fieldLine("order"), "front matter: missing or invalid field \"order\" (a whole number from 1)")
	}
	if fm.Updated == "" {
		add(1, "front matter: missing field \"updated\" (YYYY-MM or YYYY-MM-DD)")
	} else if !validDate(fm.Updated) {
		add(fieldLine("updated"), "front matter: updated %q is not a date (YYYY-MM or YYYY-MM-DD)", fm.Updated)
	}
	if len(fm.Sources) == 0 {
		add(1, "front matter: missing field \"sources\" (the titles of the source pages)")
	}

	p := &Page{
		Lang: lang, ID: id, Title: fm.Title, Tab: fm.Tab, Order: fm.Order,
		Updated: fm.Updated, Sources: fm.Sources, Path: file,
		Body: body, BodyLine: end + 2,
	}
	if p.Title == "" {
		p.Title = id
	}
	if p.Tab == "" {
		p.Tab = p.Title
	}
	p.checkKind(fm, func(field, format string, args ...any) { add(fieldLine(field), format, args...) })
	return p, problems
}

// yamlFront parses the front matter's lines with the YAML parser, refusing
// unknown fields.
func yamlFront(lines []string) (frontMatter, error) {
	var fm frontMatter
	dec := yaml.NewDecoder(strings.NewReader(strings.Join(lines, "\n")))
	dec.KnownFields(true)
	if err := dec.Decode(&fm); err != nil && !errors.Is(err, io.EOF) {
		return frontMatter{}, err
	}
	return fm, nil
}

// yamlError extracts the line (relative to the YAML) and a short message.
func yamlError(err error) (int, string) {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n  ")
	line := 1
	if _, rest, ok := strings.Cut(msg, "line "); ok {
		n := 0
		for _, r := range rest {
			if r < '0' || r > '9' {
				break
			}
			n = n*10 + int(r-'0')
		}
		if n > 0 {
			line = n
		}
	}
	if i := strings.Index(msg, ": "); i >= 0 && strings.HasPrefix(msg, "line ") {
		msg = msg[i+2:]
	}
	return line, strings.ReplaceAll(msg, "\n", " ")
}

func validDate(s string) bool {
	digits := func(s string) bool {
		for _, r := range s {
			if r < '0' || r > '9' {
				return false
			}
		}
		return true
	}
	parts := strings.Split(s, "-")
	if len(parts) < 2 || len(parts) > 3 || len(parts[0]) != 4 || !digits(parts[0]) {
		return false
	}
	if len(parts[1]) != 2 || !digits(parts[1]) || parts[1] < "01" || parts[1] > "12" {
		return false
	}
	if len(parts) == 3 && (len(parts[2]) != 2 || !digits(parts[2]) || parts[2] < "01" || parts[2] > "31") {
		return false
	}
	return true
}
