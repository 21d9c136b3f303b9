package library

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// The briefing is written from the facts of its source pages (the "seeds", kept
// outside the repository), never from their sentences. FindCopies finds the runs
// of words a text shares with a seed; lint runs it on every passage when it is
// given the seeds (cyberdiplo lint --seeds DIR; go test ./content/ reads
// ../shared/seeds), and go test ./content/ also runs the exact check on every file.

// The two checks: a run of NearRun words that differs from a seed's in at most one
// word (a synonym swapped, a verb form changed) is a near-copy; CopyRun words the
// same, in order, is a copy.
const (
	NearRun = 6
	CopyRun = 8
)

// Bounds on the seeds lint reads (cyberdiplo lint --seeds DIR).
const (
	MaxSeeds    = 64      // *.txt files in the directory
	MaxSeedSize = 1 << 20 // bytes in one of them
)

// minContentWords is how many words of a near-copy, besides the one that may
// differ, must be more than grammar: "of the use of ICTs in" is how anyone writes,
// "quality of cooperation among participating States" is the seed's own phrasing.
const minContentWords = 3

// functionWords are the words of grammar, folded, in the briefing's languages;
// made on first use (lint's near-copy check), not at every start.
var functionWords = sync.OnceValue(func() map[string]bool {
	return wordTable("a an the of and or in on to for by with at from as is are was were be been it its this that these those which who " +
		"has have had not no also among between into than so such their them they there up out about " +
		"il lo la i gli le l un una uno d di del dello della dell dei degli delle da dal dallo dalla dall dai dagli dalle " +
		"al allo alla all ai agli alle ad nel nello nella nell nei negli nelle con su sul sullo sulla sull sui sugli sulle " +
		"per tra fra via e ed o che chi cui non ne ha hanno ho sono si anche come piu sua suo sue suoi loro questo questa quello quella")
})

// wordTable is the set of the space-separated words of list.
func wordTable(list string) map[string]bool {
	ws := strings.Fields(list)
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// contentWords counts the words of a key that are not grammar (nor the wildcard).
func contentWords(key string) int {
	n := 0
	for _, w := range strings.Split(key, " ") {
		if w != "\x01" && !functionWords()[w] {
			n++
		}
	}
	return n
}

// Copy is one run of words that a text shares with a seed.
type Copy struct {
	Line   int    // 1-based line of the run's first word in the text
	Phrase string // the text's words, folded, official names in [brackets]
	Seed   string // the seed's name
	Source string // the seed's words, folded, at the matching place
}

// copyWord is one folded word and the line it is on.
type copyWord struct {
	text string
	line int
}

// copyWords splits text into folded words: runs of letters and digits. Everything
// else (punctuation, apostrophes, Markdown) separates words.
func copyWords(text string) []copyWord {
	var out []copyWord
	line := 1
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, copyWord{cur.String(), line})
			cur.Reset()
		}
	}
	for _, r := range Fold(text) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			cur.WriteRune(r)
			continue
		}
		flush()
		if r == '\n' {
			line++
		}
	}
	flush()
	return out
}

// nameMask replaces official names by one word each.
type nameMask struct {
	names  []string   // as given, longest first
	folded [][]string // their words
}

func newNameMask(names []string) *nameMask {
	m := &nameMask{}
	seen := map[string]bool{}
	for _, n := range names {
		var f []string
		for _, w := range copyWords(n) {
			f = append(f, w.text)
		}
		key := strings.Join(f, " ")
		if len(f) < 2 || seen[key] { // a one-word name is a word already
			continue
		}
		seen[key] = true
		m.names = append(m.names, n)
		m.folded = append(m.folded, f)
	}
	idx := make([]int, len(m.names))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return len(m.folded[idx[a]]) > len(m.folded[idx[b]]) })
	names, folded := make([]string, len(idx)), make([][]string, len(idx))
	for i, k := range idx {
		names[i], folded[i] = m.names[k], m.folded[k]
	}
	m.names, m.folded = names, folded
	return m
}

// token is the one word that stands for name k.
func nameToken(k int) string { return fmt.Sprintf("\x00%d", k) }

func (m *nameMask) apply(ws []copyWord) []copyWord {
	var out []copyWord
next:
	for i := 0; i < len(ws); i++ {
		for k, name := range m.folded {
			if i+len(name) > len(ws) {
				continue
			}
			match := true
			for j, w := range name {
				if ws[i+j].text != w {
					match = false
					break
				}
			}
			if match {
				out = append(out, copyWord{nameToken(k), ws[i].line})
				i += len(name) - 1
				continue next
			}
		}
		out = append(out, ws[i])
	}
	return out
}

func (m *nameMask) phrase(ws []copyWord) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.text
		if strings.HasPrefix(w.text, "\x00") {
			var k int
			fmt.Sscanf(w.text[1:], "%d", &k) //nolint:errcheck // our own token
			if k < len(m.names) {
				parts[i] = "[" + m.names[k] + "]"
			}
		}
	}
	return strings.Join(parts, " ")
}

// CopyFinder finds in texts the runs of words they share with the seeds; build it
// once (NewCopyFinder) and use it for every text.
type CopyFinder struct {
	run, subst int
	mask       *nameMask
	index      map[string]seedAt // key (see keys) -> the first seed window with it
}

// seedAt is a window of a seed: its words from pos.
type seedAt struct {
	seed string
	ws   []copyWord
	pos  int
}

// NewCopyFinder indexes the seeds (name -> text) for runs of at least run words
// with at most subst words changed (0 or 1), after folding case, accents and
// punctuation. Each official name, matched whole, counts as one word: it may be
// quoted, but a sentence copied around it is still caught. With a word changed,
// the words in common must hold at least minContentWords words that are not grammar.
func NewCopyFinder(seeds map[string]string, names []string, run, subst int) *CopyFinder {
	f := &CopyFinder{run: max(run, 2), subst: min(max(subst, 0), 1), mask: newNameMask(names), index: map[string]seedAt{}}
	seedNames := make([]string, 0, len(seeds))
	for name := range seeds {
		seedNames = append(seedNames, name)
	}
	sort.Strings(seedNames) // the same report whatever the map's order
	for _, name := range seedNames {
		ws := f.mask.apply(copyWords(seeds[name]))
		for i := 0; i+f.run <= len(ws); i++ {
			f.keys(ws[i:i+f.run], func(k string) {
				if _, ok := f.index[k]; !ok {
					f.index[k] = seedAt{name, ws, i}
				}
			})
		}
	}
	return f
}

// keys calls fn with the keys of a window: its words, or, with a word allowed to
// change, its words with each one in turn replaced by a wildcard.
func (f *CopyFinder) keys(ws []copyWord, fn func(key string)) {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.text
	}
	if f.subst == 0 {
		fn(strings.Join(parts, " "))
		return
	}
	for i := range parts {
		old := parts[i]
		parts[i] = "\x01" // any one word
		fn(strings.Join(parts, " "))
		parts[i] = old
	}
}

func (f *CopyFinder) match(w []copyWord) (seedAt, bool) {
	var found seedAt
	ok := false
	f.keys(w, func(k string) {
		if a, hit := f.index[k]; hit && !ok && (f.subst == 0 || contentWords(k) >= minContentWords) {
			found, ok = a, true
		}
	})
	return found, ok
}

// Find returns the maximal runs of words that text shares with a seed: the
// matching windows, merged where they overlap.
func (f *CopyFinder) Find(text string) []Copy {
	ws := f.mask.apply(copyWords(text))
	var out []Copy
	start, end := -1, -1 // the run being built: ws[start:end]
	var first seedAt
	flush := func() {
		if start < 0 {
			return
		}
		n := end - start
		src := first.ws[first.pos:min(first.pos+n, len(first.ws))]
		out = append(out, Copy{Line: ws[start].line, Phrase: f.mask.phrase(ws[start:end]), Seed: first.seed, Source: f.mask.phrase(src)})
		start = -1
	}
	for i := 0; i+f.run <= len(ws); i++ {
		at, ok := f.match(ws[i : i+f.run])
		if !ok {
			continue
		}
		if start >= 0 && i <= end {
			end = i + f.run
			continue
		}
		flush()
		start, end, first = i, i+f.run, at
	}
	flush()
	return out
}

// FindCopies is NewCopyFinder(seeds, names, run, subst).Find(text).
func FindCopies(seeds map[string]string, text string, names []string, run, subst int) []Copy {
	return NewCopyFinder(seeds, names, run, subst).Find(text)
}

// ReadSeeds reads the seeds: the *.txt files of a directory, at most MaxSeeds of
// them, each at most MaxSeedSize bytes.
func ReadSeeds(fsys fs.FS) (map[string]string, error) {
	files, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no *.txt file: the seeds are the source pages as plain text")
	}
	if len(files) > MaxSeeds {
		return nil, fmt.Errorf("%d *.txt files, more than the %d seeds lint reads", len(files), MaxSeeds)
	}
	out := map[string]string{}
	for _, f := range files {
		st, err := fs.Stat(fsys, f)
		if err != nil {
			return nil, err
		}
		if st.Size() > MaxSeedSize {
			return nil, fmt.Errorf("%s: %d bytes, more than the %d a seed may have", f, st.Size(), MaxSeedSize)
		}
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		if len(data) > MaxSeedSize {
			return nil, fmt.Errorf("%s: more than the %d bytes a seed may have", f, MaxSeedSize)
		}
		out[path.Base(f)] = string(data)
	}
	return out, nil
}

// OfficialNames are the names that may be quoted word for word from a source: the
// sources' titles and the names they declare (sources.yaml), and every term of the
// term base, in both languages.
func OfficialNames(sources []Source, terms []Term) []string {
	var out []string
	for _, s := range sources {
		out = append(out, s.Title)
		out = append(out, s.Names...)
	}
	for _, t := range terms {
		for _, lang := range Languages() {
			if f, ok := t.ByLang[lang]; ok {
				out = append(out, f.Term)
			}
		}
	}
	return out
}

// OfficialNames returns the names that may be quoted from a source (see the
// function of that name).
func (l *Library) OfficialNames() []string { return OfficialNames(l.sources(), l.terms()) }

// lintNearCopies reports every passage that copies a seed's wording closely.
func lintNearCopies(seeds map[string]string, names []string, pages map[string]map[string]*Page) []Problem {
	var out []Problem
	finder := NewCopyFinder(seeds, names, NearRun, 1)
	for _, lang := range Languages() {
		for _, id := range sortedKeys(pages[lang]) {
			p := pages[lang][id]
			for _, b := range p.Blocks {
				for _, c := range finder.Find(b.Text) {
					out = append(out, Problem{Path: p.Path, Line: b.Line + c.Line - 1,
						Message: fmt.Sprintf("%q is close to the wording of %s (%q): recast the sentence in the briefing's own words; an official name may be quoted once it is declared (a source's names in %s, or a term in %s)",
							c.Phrase, c.Seed, c.Source, SourcesFile, TermsFile)})
				}
			}
		}
	}
	return out
}
