package library

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
)

// Problem is one thing lint found wrong, at a file and line.
type Problem struct {
	Path    string // relative to the content root: "it/un.md"
	Line    int
	Message string
	// Warning marks advice (a sentence too long for a terminal): lint prints it but
	// it does not fail the content.
	Warning bool
}

func (p Problem) String() string {
	if p.Warning {
		return fmt.Sprintf("%s:%d: warning: %s", p.Path, p.Line, p.Message)
	}
	return fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Message)
}

// Options are the checks of Check beyond those of Lint.
type Options struct {
	// Seeds are the source pages as plain text (name -> text, see ReadSeeds). When
	// given, a passage that copies their wording closely is a problem.
	Seeds map[string]string
}

// Lint checks the content of fsys and returns every problem, sorted by file and
// line; warnings are left out (see Check).
func Lint(fsys fs.FS) ([]Problem, error) {
	all, err := Check(fsys, Options{})
	if err != nil {
		return nil, err
	}
	out := all[:0:0]
	for _, p := range all {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out, nil
}

// isControl reports the characters never shown: C0 but tab and newline, DEL, C1,
// and Unicode's format characters (a bidi override reorders what is shown; a
// zero-width space hides inside a word and defeats search).
func isControl(r rune) bool {
	if r >= 0x20 && r < 0x7f {
		return false // printable ASCII, most of any page: no table lookup
	}
	return (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f || (r >= 0x80 && r <= 0x9f) ||
		unicode.Is(unicode.Cf, r) // format characters: bidi overrides, zero-width spaces, BOM
}

// hasControl reports whether s holds a control character (isControl): a pass over
// the bytes, decoding only what is not ASCII.
func hasControl(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isControl(r) {
			return true
		}
		i += n
	}
	return false
}

// Sanitize removes every control character but tab and newline, so that content
// read from disk can never move the cursor, change colours or retitle a terminal.
func Sanitize(s string) string {
	if !hasControl(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, s)
}

var controlNames = map[rune]string{0x1b: "ESC", 0x0d: "CR", 0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x7f: "DEL", 0x9b: "CSI",
	0x202e: "right-to-left override", 0x202d: "left-to-right override", 0x200b: "zero-width space", 0xfeff: "BOM", 0xad: "soft hyphen"}

func controlProblems(file, text string) []Problem {
	if !hasControl(text) {
		return nil
	}
	var out []Problem
	for i, line := range strings.Split(text, "\n") {
		col := 0
		for _, r := range line {
			col++
			if !isControl(r) {
				continue
			}
			name := ""
			if n, ok := controlNames[r]; ok {
				name = " (" + n + ")"
			}
			out = append(out, Problem{Path: file, Line: i + 1,
				Message: fmt.Sprintf("control character U+%04X%s at column %d: remove it", r, name, col)})
			break // one report per line is enough to find it
		}
	}
	return out
}

// Check checks the content of fsys as Lint does, with opts, and returns every
// problem and warning, sorted by file and line.
func Check(fsys fs.FS, opts Options) ([]Problem, error) {
	read, problems, err := readAll(fsys, true, "")
	if err != nil {
		return nil, err
	}
	pages := map[string]map[string]*Page{}
	for _, lang := range Languages() {
		pages[lang] = map[string]*Page{}
		for _, p := range read[lang] {
			pages[lang][p.ID] = p
		}
	}
	// A file that exists but could not be read is reported once, for itself: the
	// checks that need it (links to it, its other language, the glossary against
	// terms.yaml) wait until it reads, rather than cascading ("add en/un.md" when
	// en/un.md is there, 116 lines after one YAML error).
	broken := unparsed(fsys, pages)
	for _, lang := range Languages() {
		problems = append(problems, lintOrders(pages[lang])...)
		for _, p := range pages[lang] {
			problems = append(problems, lintLinks(p, pages[lang], broken[lang])...)
			problems = append(problems, lintShortcodes(p)...)
		}
	}
	problems = append(problems, lintKinds(pages)...)
	sources, concepts, present, unread, metaProblems := readMeta(fsys)
	terms := glossaryTerms(concepts)
	problems = append(problems, metaProblems...)
	if present[SourcesFile] {
		if !unread[SourcesFile] {
			problems = append(problems, lintSources(sources, terms, withoutGlossary(pages, unread[TermsFile]))...)
		}
	} else {
		problems = append(problems, Problem{Path: SourcesFile, Line: 0,
			Message: "missing: declare the sources the briefing rests on here, and name them under each heading (see docs/CONTENT.md)"})
	}
	if present[TermsFile] && !unread[TermsFile] {
		problems = append(problems, lintTerms(conceptsOnReadPages(concepts, broken), pages)...)
		problems = append(problems, lintEquivalents(terms, pages)...)
		problems = append(problems, lintNames(terms, pages)...)
	}
	if opts.Seeds != nil {
		problems = append(problems, lintNearCopies(opts.Seeds, OfficialNames(sources, terms), pages)...)
	}
	problems = append(problems, lintSentences(pages)...)
	// Every other language is checked against the default one (internal/lang).
	def := langs.Default()
	for _, other := range langs.All()[1:] {
		en, it := pages[def], pages[other]
		for _, id := range sortedKeys(en) {
			if it[id] == nil {
				if !broken[other][id] {
					problems = append(problems, Problem{Path: en[id].Path, Line: 1,
						Message: fmt.Sprintf("page %q has no %s version: add %s/%s.md", id, langs.Name(other, def), other, id)})
				}
				continue
			}
			if en[id].Kind == PageGlossary && unread[TermsFile] {
				continue // its entries pair through terms.yaml
			}
			problems = append(problems, lintPair(en[id], it[id], terms)...)
		}
		for _, id := range sortedKeys(it) {
			if en[id] == nil && !broken[def][id] {
				problems = append(problems, Problem{Path: it[id].Path, Line: 1,
					Message: fmt.Sprintf("page %q has no %s version: add %s/%s.md", id, langs.Name(def, def), def, id)})
			}
		}
		problems = append(problems, lintHeadingNames(en, it, terms)...)
	}
	sort.SliceStable(problems, func(i, j int) bool {
		if problems[i].Path != problems[j].Path {
			return problems[i].Path < problems[j].Path
		}
		return problems[i].Line < problems[j].Line
	})
	return problems, nil
}

func sortedKeys(m map[string]*Page) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func lintOrders(pages map[string]*Page) []Problem {
	var out []Problem
	seen := map[int]*Page{}
	for _, id := range sortedKeys(pages) {
		p := pages[id]
		if p.Order < 1 {
			continue
		}
		if other, ok := seen[p.Order]; ok {
			out = append(out, Problem{Path: p.Path, Line: 1,
				Message: fmt.Sprintf("order %d is also the order of %s: each page needs its own", p.Order, other.Path)})
			continue
		}
		seen[p.Order] = p
	}
	return out
}

// withoutGlossary is pages without the glossary when drop is set: its sections
// pair across languages through terms.yaml, which could not be read.
func withoutGlossary(pages map[string]map[string]*Page, drop bool) map[string]map[string]*Page {
	if !drop {
		return pages
	}
	out := map[string]map[string]*Page{}
	for lang, ps := range pages {
		out[lang] = map[string]*Page{}
		for id, p := range ps {
			if p.Kind != PageGlossary {
				out[lang][id] = p
			}
		}
	}
	return out
}

// unparsed are, by language, the ids of the pages whose file is there but did not
// parse (its problems say why).
func unparsed(fsys fs.FS, pages map[string]map[string]*Page) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, lang := range Languages() {
		out[lang] = map[string]bool{}
		files, _ := fs.Glob(fsys, lang+"/*.md")
		for _, f := range files {
			if id := strings.TrimSuffix(path.Base(f), ".md"); pages[lang][id] == nil {
				out[lang][id] = true
			}
		}
	}
	return out
}

// lintLinks checks p's links; a link to a page in broken (there, but not parsed)
// is left alone.
func lintLinks(p *Page, pages map[string]*Page, broken map[string]bool) []Problem {
	var out []Problem
	for _, l := range p.Links {
		if l.External() {
			out = append(out, Problem{Path: p.Path, Line: l.Line,
				Message: fmt.Sprintf("link to the web %q: the briefing links only to its own pages (it is read offline)", l.Target)})
			continue
		}
		target := pages[l.Page]
		if target == nil && broken[l.Page] {
			continue
		}
		if target == nil || (l.Target != "" && !strings.HasPrefix(l.Target, "#") && !strings.Contains(l.Target, ".md")) {
			out = append(out, Problem{Path: p.Path, Line: l.Line,
				Message: fmt.Sprintf("link %q: no page %q in %s/", l.Target, l.Page, p.Lang)})
			continue
		}
		if l.Anchor != "" && target.Heading(l.Anchor) < 0 {
			out = append(out, Problem{Path: p.Path, Line: l.Line,
				Message: fmt.Sprintf("link %q: %s has no heading with anchor %q", l.Target, target.Path, l.Anchor)})
		}
	}
	return out
}

// lintShortcodes refuses an emoji shortcode (":flag-it:"): neither the reader nor
// the tools turn them into emoji, so a reader would see the code itself.
func lintShortcodes(p *Page) []Problem {
	var out []Problem
	for _, b := range p.Blocks {
		if b.Kind == KindCode {
			continue
		}
		if code := shortcodeIn(b.Text); code != "" {
			out = append(out, Problem{Path: p.Path, Line: b.Line,
				Message: fmt.Sprintf("emoji shortcode %q: shortcodes are shown as typed; write the character itself, or words", code)})
		}
	}
	return out
}

// shortcodeIn returns the first ":name:" in s whose name is lower-case letters,
// digits, '_', '+' or '-' with at least one letter (so "10:30:15" is not one).
func shortcodeIn(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] != ':' {
			continue
		}
		letter := false
		j := i + 1
		for ; j < len(s); j++ {
			c := s[j]
			if c >= 'a' && c <= 'z' {
				letter = true
			} else if !(c >= '0' && c <= '9' || c == '_' || c == '+' || c == '-') {
				break
			}
		}
		if j < len(s) && s[j] == ':' && letter {
			return s[i : j+1]
		}
	}
	return ""
}

// lintPair compares the English and Italian versions of one page.
func lintPair(en, it *Page, terms []Term) []Problem {
	var out []Problem
	if en.Order != it.Order && en.Order > 0 && it.Order > 0 {
		out = append(out, Problem{Path: it.Path, Line: 1,
			Message: fmt.Sprintf("order %d differs from %s (%d)", it.Order, en.Path, en.Order)})
	}
	if en.Updated != it.Updated && validDate(en.Updated) && validDate(it.Updated) {
		// The date a page is current to is cited with every passage of it.
		out = append(out, Problem{Path: it.Path, Line: 1,
			Message: fmt.Sprintf("front matter: updated %s, but %s in %s: the two languages disagree", it.Updated, en.Updated, en.Path)})
	}
	n := min(len(en.Headings), len(it.Headings))
	for i := 0; i < n; i++ {
		a, b := en.Headings[i], it.Headings[i]
		if a.Level != b.Level {
			out = append(out, Problem{Path: it.Path, Line: b.Line,
				Message: fmt.Sprintf("heading %d %q is level %d, but level %d in %s:%d (%q)",
					i+1, b.Text, b.Level, a.Level, en.Path, a.Line, a.Text)})
			break // the rest would only repeat the shift
		}
	}
	if len(en.Headings) != len(it.Headings) {
		line := 1
		if len(it.Headings) > n {
			line = it.Headings[n].Line
		} else if n > 0 {
			line = it.Headings[n-1].Line
		}
		out = append(out, Problem{Path: it.Path, Line: line,
			Message: fmt.Sprintf("%d headings, but %s has %d: both languages need the same headings",
				len(it.Headings), en.Path, len(en.Headings))})
	}
	if len(en.Sections) == len(it.Sections) {
		out = append(out, lintBlocks(en, it, pairSections(en, it, terms))...)
	}
	if pairs, ok := blockPairs(en, it, terms); ok {
		out = append(out, lintPassageNumbers(en, it, pairs)...)
	} else {
		out = append(out, lintNumbers(en, it)...)
		out = append(out, lintNumbers(it, en)...)
	}
	return out
}

// blockPairs returns, for each block of en, the same passage's block in it, when
// the two pages have the same passages (else lint reports that first).
func blockPairs(en, it *Page, terms []Term) ([]int, bool) {
	if len(en.Sections) != len(it.Sections) {
		return nil, false
	}
	out := make([]int, len(en.Blocks))
	for i, j := range pairSections(en, it, terms) {
		a := en.Sections[i]
		if j < 0 || a.End-a.First != it.Sections[j].End-it.Sections[j].First {
			return nil, false
		}
		for k := a.First; k < a.End; k++ {
			out[k] = it.Sections[j].First + k - a.First
		}
	}
	return out, true
}

// lintPassageNumbers compares the numbers of each passage with its translation's:
// a date changed in one language is caught even when the old number still stands
// elsewhere on the page, and both lines are named.
func lintPassageNumbers(en, it *Page, pairs []int) []Problem {
	var out []Problem
	for a, b := range pairs {
		ba, bb := en.Blocks[a], it.Blocks[b]
		out = append(out, missingNumbers(en, ba, it, bb)...)
		out = append(out, missingNumbers(it, bb, en, ba)...)
	}
	return out
}

// missingNumbers reports the numbers of block x (of page p) that block y (of q,
// the same passage) lacks.
func missingNumbers(p *Page, x Block, q *Page, y Block) []Problem {
	in := map[string]bool{}
	for _, n := range numbersIn(y.Text, q.Lang) {
		in[n.value] = true
	}
	var out []Problem
	for _, n := range numbersIn(x.Text, p.Lang) {
		if in[n.value] {
			continue
		}
		in[n.value] = true // once per passage
		out = append(out, Problem{Path: p.Path, Line: x.Line,
			Message: fmt.Sprintf("%s is not in the same passage of %s:%d: the two languages disagree", n.describe(), q.Path, y.Line)})
	}
	return out
}

// lintNumbers reports each number of a that does not appear anywhere in b. Numbers
// are read from the text a reader sees (link targets are not text): digits, and the
// numbers from two to ten written in words ("six", "sei"), which the style guide
// asks for; "one" and "uno" are left out, being articles and pronouns as often.
func lintNumbers(a, b *Page) []Problem {
	inB := map[string]bool{}
	for _, bl := range b.Blocks {
		for _, n := range numbersIn(bl.Text, b.Lang) {
			inB[n.value] = true
		}
	}
	var out []Problem
	reported := map[string]bool{}
	for _, bl := range a.Blocks {
		for _, n := range numbersIn(bl.Text, a.Lang) {
			if inB[n.value] || reported[n.value] {
				continue
			}
			reported[n.value] = true
			out = append(out, Problem{Path: a.Path, Line: bl.Line,
				Message: fmt.Sprintf("%s is not in %s: the two languages disagree", n.describe(), b.Path)})
		}
	}
	return out
}

// numberWords are the numbers written in words that lint compares (folded), by
// language: lang.Language.Numbers, made on first use.
var numberWords = sync.OnceValue(func() map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, tag := range langs.All() {
		l, _ := langs.Get(tag)
		out[tag] = map[string]string{}
		for i, w := range l.Numbers {
			if w != "" {
				out[tag][Fold(w)] = strconv.Itoa(i + 2)
			}
		}
	}
	return out
})

type number struct{ value, word string }

// monthNumbers are the months, by name (lower case, and folded), in the
// briefing's languages: lang.Language.Months, made on first use.
var monthNumbers = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	for _, tag := range langs.All() {
		l, _ := langs.Get(tag)
		for i, m := range l.Months {
			if m != "" {
				out[strings.ToLower(m)], out[Fold(m)] = strconv.Itoa(i+1), strconv.Itoa(i+1)
			}
		}
	}
	return out
})

// numbersIn returns the numbers of a text: its digit runs, its number words, and
// the months of its dates (a month name next to a number: "12 March", "marzo
// 2026"; "may" alone is a verb).
func numbersIn(s, lang string) []number {
	var out []number
	for _, d := range digitRuns(s) {
		out = append(out, number{value: d})
	}
	words := numberWords()[lang]
	toks := strings.FieldsFunc(Fold(s), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') })
	isNum := func(i int) bool {
		return i >= 0 && i < len(toks) && toks[i] != "" && strings.Trim(toks[i], "0123456789") == ""
	}
	for i, w := range toks {
		if v, ok := words[w]; ok {
			out = append(out, number{value: v, word: w})
		}
		if v, ok := monthNumbers()[w]; ok && (isNum(i-1) || isNum(i+1)) {
			out = append(out, number{value: "month " + v, word: w})
		}
	}
	return out
}

// describe names a number in a lint message: 13, "six" (6), month "May" (5).
func (n number) describe() string {
	switch {
	case strings.HasPrefix(n.value, "month "):
		return fmt.Sprintf("month %q (%s)", n.word, strings.TrimPrefix(n.value, "month "))
	case n.word != "":
		return fmt.Sprintf("number %q (%s)", n.word, n.value)
	}
	return "number " + n.value
}

// digitRuns returns the runs of ASCII digits in s.
func digitRuns(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	return out
}

// lintBlocks checks that paired sections have the same blocks in both languages:
// the language toggle, side-by-side reading and search map passages by position.
func lintBlocks(en, it *Page, pairs []int) []Problem {
	var out []Problem
	for i, j := range pairs {
		if j < 0 {
			continue
		}
		a, b := en.Sections[i], it.Sections[j]
		if a.Heading.Level != b.Heading.Level {
			break // reported as a heading problem
		}
		na, nb := a.End-a.First, b.End-b.First
		if na != nb {
			out = append(out, Problem{Path: it.Path, Line: b.Heading.Line,
				Message: fmt.Sprintf("section %q has %d blocks (paragraphs, list items, tables), but %d in %s:%d (%q): both languages need the same passages",
					b.Heading.Text, nb, na, en.Path, a.Heading.Line, a.Heading.Text)})
			continue
		}
		for j := 0; j < na; j++ {
			ka, kb := en.Blocks[a.First+j], it.Blocks[b.First+j]
			if ka.Kind != kb.Kind {
				out = append(out, Problem{Path: it.Path, Line: kb.Line,
					Message: fmt.Sprintf("block %s is a %s, but a %s in %s:%d: both languages need the same passages",
						kb.ID, kb.Kind, ka.Kind, en.Path, ka.Line)})
				break
			}
		}
	}
	return out
}

// lintHeadingNames finds a heading renamed in one language only: the headings the
// pages share ("Key facts", "Related") translate the same way on every page, so
// a pair that differs from the one the other pages agree on ("Relatedd" for
// "Correlati" where four pages say "Related") is reported, at the odd one out.
func lintHeadingNames(en, it map[string]*Page, terms []Term) []Problem {
	type place struct {
		page *Page
		line int
	}
	// byText[0 for en's headings, 1 for it's][heading in the other language][heading] = places
	byText := [2]map[string]map[string][]place{{}, {}}
	add := func(side int, other, text string, at place) {
		m := byText[side]
		if m[other] == nil {
			m[other] = map[string][]place{}
		}
		m[other][text] = append(m[other][text], at)
	}
	for _, id := range sortedKeys(en) {
		e, i := en[id], it[id]
		if i == nil || e.Kind == PageGlossary || len(e.Sections) != len(i.Sections) {
			continue // the glossary's headings are its terms, each its own
		}
		for a, b := range pairSections(e, i, terms) {
			if b < 0 || e.Sections[a].Heading.Level < 2 {
				continue
			}
			x, y := e.Sections[a].Heading, i.Sections[b].Heading
			add(0, y.Text, x.Text, place{e, x.Line})
			add(1, x.Text, y.Text, place{i, y.Line})
		}
	}
	var out []Problem
	for _, side := range byText {
		for other, texts := range side {
			if len(texts) < 2 {
				continue
			}
			// The name most pages use, if at least two agree and no other ties it.
			best, n, tie := "", 0, false
			for text, at := range texts {
				switch {
				case len(at) > n:
					best, n, tie = text, len(at), false
				case len(at) == n:
					tie = true
				}
			}
			if n < 2 || tie {
				continue
			}
			var where []string
			for _, at := range texts[best] {
				where = append(where, at.page.Path)
			}
			sort.Strings(where)
			for text, at := range texts {
				if text == best {
					continue
				}
				for _, p := range at {
					out = append(out, Problem{Path: p.page.Path, Line: p.line,
						Message: fmt.Sprintf("heading %q stands for %q, which is %q in %s: rename it to match, or rename both languages' headings everywhere",
							text, other, best, strings.Join(where, ", "))})
				}
			}
		}
	}
	return out
}

// conceptsOnReadPages leaves out what the concepts say of a page whose file is
// there but did not parse (a theme on it, a further section on it): that file's
// own problem is reported, and these would only follow from it.
func conceptsOnReadPages(concepts []Term, broken map[string]map[string]bool) []Term {
	isBroken := func(id string) bool {
		for _, b := range broken {
			if b[id] {
				return true
			}
		}
		return false
	}
	var out []Term
	for _, c := range concepts {
		if c.Page != "" && isBroken(c.Page) {
			continue
		}
		var also []string
		for _, ref := range c.Also {
			if page, _, _ := strings.Cut(ref, "#"); !isBroken(page) {
				also = append(also, ref)
			}
		}
		c.Also = also
		out = append(out, c)
	}
	return out
}
