// Package search finds words in the briefing: every heading and every line of text
// of every page, in both languages, matched by word start with case and accents
// folded ("pled" finds "Pledge", "attivita" finds "attività").
//
// An Index is built once with New and is read-only afterwards: any number of
// goroutines (SSH sessions) may search it at the same time.
package search

import (
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// Kind is what a hit is: a glossary term, a heading or a line of text.
type Kind uint8

const (
	// Body is a line of text (a paragraph line or a list item).
	Body Kind = iota
	// Heading is a heading of a page.
	Heading
	// Term is a "##" heading of the glossary page: a term it defines.
	Term
)

// String returns "term", "heading" or "text".
func (k Kind) String() string {
	switch k {
	case Term:
		return "term"
	case Heading:
		return "heading"
	}
	return "text"
}

// MarshalText makes a Kind appear as its String in JSON.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// glossaryID is the page whose "##" headings are terms.
const glossaryID = "glossary"

// SnippetRunes is the longest a Hit's Snippet gets, in runes ("…" included).
const SnippetRunes = 110

// Options say which hits a search returns.
type Options struct {
	// Lang is the reader's language (library.Languages); "" or an unknown one
	// means the first language of the index.
	Lang string
	// AllLangs adds the hits of the other language(s) after those of Lang.
	AllLangs bool
	// Limit is the most hits returned; 0 or less means no limit.
	Limit int
}

// Hit is one matching heading or line.
type Hit struct {
	Lang      string
	Page      string // page id
	PageTitle string
	// Heading is the text of the heading the hit is (Kind Heading or Term) or sits
	// under, Anchor its anchor and HeadingIndex its index in the page's Headings:
	// "", "" and -1 for a line before the page's first heading.
	Heading      string
	Anchor       string
	HeadingIndex int
	Line         int // 1-based line in the page's file
	Kind         Kind
	OtherLang    bool // Lang is not the language asked for
	// Snippet is the hit's plain text on one line, cut around the first match
	// (with "…" where cut) when longer than SnippetRunes.
	Snippet string
	// Marks are the byte ranges of Snippet that matched (see Marks).
	Marks [][2]int
}

// unit is one searchable heading or line.
type unit struct {
	page  *library.Page
	line  int32
	head  int32 // index in page.Headings, -1 before the first heading
	kind  Kind
	text  string  // plain text
	words []int32 // vocabulary ids, sorted, unique
	toks  []tok   // the words of text, in order
}

// tok is one word of a unit's text: its byte range and vocabulary id.
type tok struct{ start, end, word int32 }

// langRange is the units of one language: [start, end), headings first.
type langRange struct {
	lang       string
	start, end int32
}

// Index is a search index over every page of a library. It is read-only after
// New and safe for concurrent use.
type Index struct {
	units []unit
	langs []langRange
	// vocab is every folded word, sorted; the units containing vocab[i] are
	// post[off[i]:off[i+1]], in increasing order.
	vocab []string
	off   []int32
	post  []int32
	// exact maps the folded forms of a glossary term ("oewg", "open ended working
	// group", the whole heading) to its units.
	exact map[string][]int32
}

// New indexes every page of lib in every language of library.Languages. A nil
// library gives an empty index.
func New(lib *library.Library) *Index {
	ix := &Index{exact: map[string][]int32{}}
	if lib == nil {
		ix.buildPostings()
		return ix
	}
	for _, lang := range library.Languages {
		var heads, bodies []unit
		for _, p := range lib.Pages(lang) {
			heads, bodies = pageUnits(p, heads, bodies)
		}
		if len(heads)+len(bodies) == 0 {
			continue
		}
		start := int32(len(ix.units))
		ix.units = append(ix.units, heads...)
		ix.units = append(ix.units, bodies...)
		ix.langs = append(ix.langs, langRange{lang: lang, start: start, end: int32(len(ix.units))})
	}
	ix.buildPostings()
	for id := range ix.units {
		u := &ix.units[id]
		if u.kind != Term {
			continue
		}
		for _, k := range exactKeys(u.text) {
			ix.exact[k] = append(ix.exact[k], int32(id))
		}
	}
	return ix
}

// pageUnits appends the heading units and the body units of a page.
func pageUnits(p *library.Page, heads, bodies []unit) ([]unit, []unit) {
	headAt := make(map[int]int, len(p.Headings))
	for i, h := range p.Headings {
		headAt[h.Line] = i
	}
	cur := -1
	for i, line := range strings.Split(p.Body, "\n") {
		lineNo := p.BodyLine + i
		if hi, ok := headAt[lineNo]; ok {
			cur = hi
			h := p.Headings[hi]
			text := strings.TrimSpace(strings.ReplaceAll(h.Text, "\t", " "))
			if text == "" {
				continue
			}
			kind := Heading
			if p.ID == glossaryID && h.Level == 2 {
				kind = Term
			}
			heads = append(heads, unit{page: p, line: int32(lineNo), head: int32(hi), kind: kind, text: text})
			continue
		}
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			continue
		}
		text := plainLine(line)
		if text == "" {
			continue
		}
		bodies = append(bodies, unit{page: p, line: int32(lineNo), head: int32(cur), kind: Body, text: text})
	}
	return heads, bodies
}

// buildPostings tokenizes every unit and fills the vocabulary and posting lists.
func (ix *Index) buildPostings() {
	ids := map[string]int32{}
	var words []string
	var buf []byte
	for i := range ix.units {
		u := &ix.units[i]
		text := u.text
		scanWords(text, func(start, end int) {
			buf = foldWord(buf, text[start:end])
			if len(buf) == 0 {
				return
			}
			id, ok := ids[string(buf)]
			if !ok {
				id = int32(len(words))
				w := string(buf)
				ids[w] = id
				words = append(words, w)
			}
			u.toks = append(u.toks, tok{int32(start), int32(end), id})
		})
	}
	// Renumber the words in sorted order.
	order := make([]int32, len(words))
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(a, b int) bool { return words[order[a]] < words[order[b]] })
	rank := make([]int32, len(words))
	ix.vocab = make([]string, len(words))
	for r, id := range order {
		rank[id] = int32(r)
		ix.vocab[r] = words[id]
	}
	ix.off = make([]int32, len(words)+1)
	for i := range ix.units {
		u := &ix.units[i]
		u.toks = slices.Clip(u.toks)
		u.words = make([]int32, len(u.toks))
		for j := range u.toks {
			u.toks[j].word = rank[u.toks[j].word]
			u.words[j] = u.toks[j].word
		}
		slices.Sort(u.words)
		u.words = slices.Clip(slices.Compact(u.words))
		for _, w := range u.words {
			ix.off[w+1]++
		}
	}
	for i := 1; i < len(ix.off); i++ {
		ix.off[i] += ix.off[i-1]
	}
	ix.post = make([]int32, ix.off[len(words)])
	next := slices.Clone(ix.off[:len(words)])
	for i := range ix.units {
		for _, w := range ix.units[i].words {
			ix.post[next[w]] = int32(i)
			next[w]++
		}
	}
}

// exactKeys returns the ways of naming a glossary term exactly: the whole heading,
// the heading without its parenthesised part ("OEWG"), and each comma-separated part
// inside the parentheses ("Open-ended Working Group"), as folded words joined by one
// space.
func exactKeys(heading string) []string {
	var keys []string
	add := func(s string) {
		k := strings.Join(Words(s), " ")
		if k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	add(heading)
	var outside, inside strings.Builder
	depth := 0
	for _, r := range heading {
		switch {
		case r == '(':
			depth++
			if depth == 1 {
				inside.WriteByte(',')
				continue
			}
		case r == ')' && depth > 0:
			depth--
			if depth == 0 {
				continue
			}
		}
		if depth > 0 {
			inside.WriteRune(r)
		} else {
			outside.WriteRune(r)
		}
	}
	if inside.Len() > 0 {
		add(outside.String())
		for _, part := range strings.FieldsFunc(inside.String(), func(r rune) bool { return r == ',' || r == ';' }) {
			add(part)
		}
	}
	return keys
}

// wordRange is the vocabulary ids [lo, hi) of the words a query word is a prefix of.
// n is the length of the query word.
type wordRange struct{ lo, hi, n int32 }

func (ix *Index) prefixRange(q string) wordRange {
	lo := sort.SearchStrings(ix.vocab, q)
	n := sort.Search(len(ix.vocab)-lo, func(i int) bool { return !strings.HasPrefix(ix.vocab[lo+i], q) })
	return wordRange{int32(lo), int32(lo + n), int32(len(q))}
}

// cost is the number of postings of the words of r.
func (ix *Index) cost(r wordRange) int32 { return ix.off[r.hi] - ix.off[r.lo] }

// has reports whether unit u has a word in r.
func (ix *Index) has(u int32, r wordRange) bool {
	ws := ix.units[u].words
	i, _ := slices.BinarySearch(ws, r.lo)
	return i < len(ws) && ws[i] < r.hi
}

// Search returns the units matching query: those where each word of the query is
// the start of some word (see Words). Hits come language by language (opt.Lang
// first, then the others when opt.AllLangs); within a language, the glossary term
// the query names exactly, then headings and terms, then lines of text, each in tab
// order then line order. Only the first MaxWords distinct words of the query count.
// A blank query, or one nothing matches, returns nil.
func (ix *Index) Search(query string, opt Options) []Hit {
	all := Words(query)
	if len(all) == 0 || len(ix.langs) == 0 {
		return nil
	}
	qs := queryWords(all)
	ranges := make([]wordRange, len(qs))
	for i, q := range qs {
		ranges[i] = ix.prefixRange(q)
		if ranges[i].lo == ranges[i].hi {
			return nil
		}
	}
	// The cheapest word gives the candidates; the others filter them.
	sort.SliceStable(ranges, func(a, b int) bool { return ix.cost(ranges[a]) < ix.cost(ranges[b]) })

	// The languages, in the order their hits come.
	first := 0
	for i, lr := range ix.langs {
		if lr.lang == opt.Lang {
			first = i
		}
	}
	order := []langRange{ix.langs[first]}
	if opt.AllLangs {
		for i, lr := range ix.langs {
			if i != first {
				order = append(order, lr)
			}
		}
	}
	lo, hi := order[0].start, order[0].end
	if opt.AllLangs {
		lo, hi = 0, int32(len(ix.units))
	}
	cands := ix.gather(ranges[0], lo, hi)
	matches := func(u int32) bool {
		for _, r := range ranges[1:] {
			if !ix.has(u, r) {
				return false
			}
		}
		return true
	}
	exact := ix.exact[strings.Join(all, " ")]

	size := min(len(cands)+len(exact), 64)
	if opt.Limit > 0 {
		size = min(size, opt.Limit)
	}
	hits := make([]Hit, 0, size)
	slab := make([][2]int, 0, 2*size) // the hits' marks, allocated together
	hit := func(u int32, other bool) Hit { return ix.hit(u, ranges, other, &slab) }
	full := func() bool { return opt.Limit > 0 && len(hits) >= opt.Limit }
	for li, lr := range order {
		var done []int32 // exact units already given in this language
		for _, u := range exact {
			if u >= lr.start && u < lr.end && ix.has(u, ranges[0]) && matches(u) {
				if full() {
					return hits
				}
				hits = append(hits, hit(u, li > 0))
				done = append(done, u)
			}
		}
		i, _ := slices.BinarySearch(cands, lr.start)
		for ; i < len(cands) && cands[i] < lr.end; i++ {
			u := cands[i]
			if slices.Contains(done, u) || !matches(u) {
				continue
			}
			if full() {
				return hits
			}
			hits = append(hits, hit(u, li > 0))
		}
	}
	if len(hits) == 0 {
		return nil
	}
	return hits
}

// gather returns, sorted and without repeats, the units in [lo, hi) that contain a
// word of r.
func (ix *Index) gather(r wordRange, lo, hi int32) []int32 {
	clip := func(p []int32) []int32 {
		i, _ := slices.BinarySearch(p, lo)
		j, _ := slices.BinarySearch(p, hi)
		return p[i:j]
	}
	if r.hi-r.lo == 1 {
		return clip(ix.post[ix.off[r.lo]:ix.off[r.hi]])
	}
	n := ix.cost(r)
	if int(n)*16 < int(hi-lo) {
		// Few postings: collect and sort them.
		out := make([]int32, 0, n)
		for w := r.lo; w < r.hi; w++ {
			out = append(out, clip(ix.post[ix.off[w]:ix.off[w+1]])...)
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	// Many postings: mark them in a bitset of the units in [lo, hi).
	set := make([]uint64, (hi-lo+63)/64)
	count := 0
	for w := r.lo; w < r.hi; w++ {
		for _, u := range clip(ix.post[ix.off[w]:ix.off[w+1]]) {
			b := u - lo
			if set[b>>6]&(1<<(b&63)) == 0 {
				set[b>>6] |= 1 << (b & 63)
				count++
			}
		}
	}
	out := make([]int32, 0, count)
	for i, word := range set {
		for word != 0 {
			t := bits.TrailingZeros64(word)
			out = append(out, lo+int32(i*64+t))
			word &= word - 1
		}
	}
	return out
}

// hit builds the Hit of unit u.
// Its marks are allocated from the end of *slab.
func (ix *Index) hit(u int32, ranges []wordRange, other bool, slab *[][2]int) Hit {
	un := &ix.units[u]
	p := un.page
	h := Hit{
		Lang: p.Lang, Page: p.ID, PageTitle: p.Title, HeadingIndex: int(un.head),
		Line: int(un.line), Kind: un.kind, OtherLang: other,
	}
	if un.head >= 0 {
		h.Heading = p.Headings[un.head].Text
		h.Anchor = p.Headings[un.head].Anchor
	}
	n := len(*slab)
	*slab = ix.unitMarks(un, ranges, *slab)
	var ms [][2]int
	h.Snippet, ms = snippet(un.text, (*slab)[n:])
	*slab = (*slab)[:n+len(ms)]
	if len(ms) > 0 {
		h.Marks = ms[:len(ms):len(ms)]
	}
	return h
}

// unitMarks is Marks for a unit, from the words found when it was indexed,
// appended to out.
func (ix *Index) unitMarks(un *unit, ranges []wordRange, out [][2]int) [][2]int {
	base := len(out)
	for _, t := range un.toks {
		best := int32(0)
		for _, r := range ranges {
			if t.word >= r.lo && t.word < r.hi && r.n > best {
				best = r.n
			}
		}
		if best == 0 {
			continue
		}
		start := int(t.start)
		e := start + prefixEnd(un.text[start:t.end], int(best))
		if n := len(out); n > base && out[n-1][1] == start {
			out[n-1][1] = e
			continue
		}
		out = append(out, [2]int{start, e})
	}
	return out
}

// snippet cuts text to at most SnippetRunes runes around its first mark, on word
// boundaries, with "…" where it was cut, and moves the marks with it (in place:
// the marks returned use the memory of ms).
func snippet(text string, ms [][2]int) (string, [][2]int) {
	n := utf8.RuneCountInString(text)
	if n <= SnippetRunes {
		return text, ms
	}
	// The first match, in bytes and in runes.
	mS, mE := 0, 0
	if len(ms) > 0 {
		mS, mE = ms[0][0], ms[0][1]
	}
	mStart := utf8.RuneCountInString(text[:mS])
	mEnd := mStart + utf8.RuneCountInString(text[mS:mE])
	const before = 30          // runes of context kept before the match
	budget := SnippetRunes - 1 // room for the "…" at the end
	start := 0
	if mEnd > budget-10 {
		budget-- // and at the start
		start = max(0, mStart-before)
		if start+budget > n {
			start = max(0, n-budget)
		}
	}
	// Cut on word boundaries: start after a space (or at the match), end at a space.
	startB := 0
	if start > 0 {
		startB = runeOffset(text, 0, start)
		if startB > mS {
			startB = mS
		}
		if i := strings.IndexByte(text[startB-1:mS], ' '); i >= 0 {
			startB += i
		} else {
			startB = mS
		}
		start = utf8.RuneCountInString(text[:startB])
	}
	endB := len(text)
	if start+budget < n {
		endB = runeOffset(text, startB, budget)
		if lo := max(startB, mE); lo < endB {
			if i := strings.LastIndexByte(text[lo+1:endB+1], ' '); i >= 0 {
				endB = lo + 1 + i
			}
		}
	}
	inner := text[startB:endB]
	lead := len(inner) - len(strings.TrimLeft(inner, " "))
	inner = strings.TrimRight(inner[lead:], " ")
	from, to := startB+lead, startB+lead+len(inner)

	var b strings.Builder
	b.Grow(len(inner) + 2*len("…"))
	if startB > 0 {
		b.WriteString("…")
	}
	shift := b.Len() - from
	b.WriteString(inner)
	if endB < len(text) {
		b.WriteString("…")
	}
	out := ms[:0]
	for _, m := range ms {
		s, e := max(m[0], from), min(m[1], to)
		if s < e {
			out = append(out, [2]int{s + shift, e + shift})
		}
	}
	return b.String(), out
}

// runeOffset returns the byte offset of the rune n runes after byte offset from.
func runeOffset(s string, from, n int) int {
	i := from
	for ; n > 0 && i < len(s); n-- {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}
