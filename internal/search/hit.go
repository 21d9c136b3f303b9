package search

import (
	"math"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// mark is a matched byte range of a text and the query words it matches.
type mark struct {
	start, end int
	slots      uint32
}

// marks finds the words of text that lq matches, and the names of the concepts
// the query mentions, whole. env is scratch space.
func (lq *langQuery) marks(text string, env *snowballstem.Env, out []mark) []mark {
	li := lq.li
	type word struct {
		start, end int
		key        int32
	}
	var words []word // the text's words that are not stop words, for phrases
	var buf []byte
	scanWords(text, func(start, end int) {
		buf = foldWord(buf, text[start:end])
		if len(buf) == 0 {
			return
		}
		var key int32 = -1
		if id, ok := li.wordID[string(buf)]; ok {
			key = li.wordKey[id]
		} else if id, ok := li.keyID[li.an.key(string(buf), env)]; ok {
			key = id
		}
		if len(lq.phrases) > 0 && !isStop(string(buf)) {
			words = append(words, word{start, end, key})
		}
		k, ok := lq.keys[key]
		if key < 0 || !ok {
			return
		}
		e := end
		if k.prefix != "" && strings.HasPrefix(string(buf), k.prefix) {
			e = start + prefixEnd(text[start:end], len(k.prefix))
		}
		if n := len(out); n > 0 && out[n-1].end == start {
			out[n-1].end = e
			out[n-1].slots |= k.slots
			return
		}
		out = append(out, mark{start, e, k.slots})
	})
	if len(words) == 0 {
		return out
	}
	var ph []mark
	for i := range words {
		for _, p := range lq.phrases {
			if i+len(p.keys) > len(words) {
				continue
			}
			match := true
			for j, k := range p.keys {
				if k < 0 || words[i+j].key != k {
					match = false
					break
				}
			}
			if match {
				ph = append(ph, mark{words[i].start, words[i+len(p.keys)-1].end, p.slots})
			}
		}
	}
	return mergeMarks(out, ph)
}

// ranges turns marks into byte ranges.
func ranges(ms []mark) [][2]int {
	if len(ms) == 0 {
		return nil
	}
	out := make([][2]int, len(ms))
	for i, m := range ms {
		out[i] = [2]int{m.start, m.end}
	}
	return out
}

// langQueryOf returns the query as matched in li's language.
func (q *query) langQueryOf(li *langIndex) *langQuery {
	for _, lq := range q.langs {
		if lq.li == li {
			return lq
		}
	}
	return nil
}

// bestBlock returns the block of section s of p whose text matches the most query
// words (then the most often), with its marks; -1 when no block matches.
func bestBlock(lq *langQuery, d int32, p *library.Page, s *library.Section, weight []float64, env *snowballstem.Env) (int, []mark) {
	best, bestScore := -1, 0.0
	var bestMarks, ms []mark
	for bi := s.First; bi < s.End && bi < len(p.Blocks); bi++ {
		if p.Blocks[bi].Kind == library.KindHeading || lq.li.restates(d, p.Blocks[bi].Text, env) {
			continue
		}
		ms = lq.marks(p.Blocks[bi].Text, env, ms[:0])
		var have uint32
		for _, m := range ms {
			have |= m.slots
		}
		if score := slotWeight(have, weight) + 0.001*float64(len(ms)); score > bestScore {
			best, bestScore = bi, score
			bestMarks = append(bestMarks[:0], ms...)
		}
	}
	return best, bestMarks
}

// restates reports whether a block of doc d says nothing but the names of the
// concept d is the glossary entry of (the "In Italian: misure restrittive" line
// under a glossary heading): it is no passage to show.
func (li *langIndex) restates(d int32, text string, env *snowballstem.Env) bool {
	cs := li.own[d]
	if len(cs) == 0 {
		return false
	}
	var keys []string
	var buf []byte
	scanWords(text, func(start, end int) {
		buf = foldWord(buf, text[start:end])
		if len(buf) > 0 && !isStop(string(buf)) {
			keys = append(keys, li.keyOf(string(buf), env))
		}
	})
	left := len(keys)
	for i := 0; i < len(keys); {
		n := 0
		for _, c := range cs {
			for _, name := range li.cnames[c] {
				if len(name) > n && i+len(name) <= len(keys) && slices.Equal(keys[i:i+len(name)], name) {
					n = len(name)
				}
			}
		}
		if n == 0 {
			i++
			continue
		}
		left -= n
		i += n
	}
	return left <= 2 && left < len(keys)
}

// slotWeight is the sum of the weights (idf) of the slots in have: rare words
// count more than common ones when choosing a passage.
func slotWeight(have uint32, weight []float64) float64 {
	w := 0.0
	for b := have; b != 0; b &= b - 1 {
		if i := bits.TrailingZeros32(b); i < len(weight) {
			w += weight[i] + 1
		}
	}
	return w
}

// hit builds the Hit of a row.
func (q *query) hit(r row, width int) Hit {
	li := r.li
	d := &li.docs[r.doc]
	p := d.page
	s := &p.Sections[d.section]
	h := Hit{
		Lang: li.lang, Page: p.ID, PageTitle: p.Title, Section: int(d.section),
		Place: library.At(p, int(d.section)), Line: s.Heading.Line, Block: -1, Kind: d.kind, OtherLang: r.other,
		Via: vias[r.class], Found: r.from.li.lang, Score: math.Round(r.score*1000) / 1000,
	}
	lq := q.langQueryOf(li)
	env := snowballstem.NewEnv("")
	if s.Heading.Block >= 0 {
		h.Heading = s.Heading.Text
		h.HeadingMarks = ranges(lq.marks(h.Heading, env, nil))
	}
	bi, ms := bestBlock(lq, r.doc, p, s, q.idf, env)
	if bi < 0 && r.from.li != li {
		// Found through another language: the passage at the same place there.
		od := &r.from.li.docs[r.fromDoc]
		os := &od.page.Sections[od.section]
		if obi, _ := bestBlock(r.from.lq, r.fromDoc, od.page, os, q.idf, env); obi >= 0 {
			if at := s.First + (obi - os.First); at < s.End && at < len(p.Blocks) {
				bi = at
			}
		}
	}
	if bi < 0 {
		for i := s.First; i < s.End && i < len(p.Blocks); i++ {
			if p.Blocks[i].Kind != library.KindHeading && (bi < 0 || !li.restates(r.doc, p.Blocks[i].Text, env)) {
				bi = i
				if !li.restates(r.doc, p.Blocks[i].Text, env) {
					break
				}
			}
		}
		if bi >= 0 {
			ms = lq.marks(p.Blocks[bi].Text, env, nil)
		}
	}
	if bi >= 0 {
		h.Block, h.Line = bi, p.Blocks[bi].Line
		h.Snippet, h.Marks = cut(p.Blocks[bi].Text, ms, q.idf, width)
	}
	if d.kind != Term && len(h.Marks) == 0 && len(h.HeadingMarks) > 0 {
		h.Kind = Heading
	}
	return h
}

// cut returns text on one line, at most width runes, centred on its best cluster
// of marks (the most query words within the width), cut at spaces with "…" where
// it was cut, and the marks moved with it.
func cut(text string, ms []mark, weight []float64, width int) (string, [][2]int) {
	// One line: line breaks (of tables, code) become spaces, byte for byte, so
	// that the marks stay where they are.
	text = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, text)
	n := utf8.RuneCountInString(text)
	if n <= width {
		return text, ranges(ms)
	}
	at := runeStarts(text)
	runeOf := func(b int) int {
		lo, hi := 0, len(at)-1
		for lo < hi {
			mid := (lo + hi) / 2
			if at[mid] < b {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		return lo
	}
	avail := width - 2 // room between two "…"
	cs, ce := 0, 0
	if len(ms) > 0 {
		// The cluster of marks with the most query words that fits.
		bestI, bestJ, bestScore := 0, 0, -1.0
		for i := range ms {
			var have uint32
			for j := i; j < len(ms); j++ {
				if runeOf(ms[j].end)-runeOf(ms[i].start) > avail {
					break
				}
				have |= ms[j].slots
				if score := slotWeight(have, weight) + 0.001*float64(j-i); score > bestScore {
					bestI, bestJ, bestScore = i, j, score
				}
			}
		}
		cs, ce = runeOf(ms[bestI].start), runeOf(ms[bestJ].end)
		ce = min(ce, cs+avail)
	}
	start := cs - (avail-(ce-cs))/2
	end := start + avail
	switch {
	case start <= 0:
		start, end = 0, width-1
	case end >= n:
		start, end = n-(width-1), n
	}
	// On word boundaries: start after a space, end before one, keeping the cluster.
	if start > 0 {
		if i := strings.IndexByte(text[at[start]:at[max(cs, start)]], ' '); i >= 0 {
			start = runeOf(at[start] + i + 1)
		}
	}
	if end < n {
		if i := strings.LastIndexByte(text[at[min(max(ce, start), end)]:at[end]], ' '); i >= 0 {
			end = runeOf(at[min(max(ce, start), end)] + i)
		}
	}
	from, to := at[start], at[end]
	for from < to && text[from] == ' ' {
		from++
	}
	for to > from && text[to-1] == ' ' {
		to--
	}
	var b strings.Builder
	b.Grow(to - from + 2*len("…"))
	if start > 0 {
		b.WriteString("…")
	}
	shift := b.Len() - from
	b.WriteString(text[from:to])
	if end < n {
		b.WriteString("…")
	}
	var out [][2]int
	for _, m := range ms {
		if s, e := max(m.start, from), min(m.end, to); s < e {
			out = append(out, [2]int{s + shift, e + shift})
		}
	}
	return b.String(), out
}

// runeStarts returns the byte offset of each rune of s, and len(s) last.
func runeStarts(s string) []int {
	at := make([]int, 0, len(s)+1)
	for i := range s {
		at = append(at, i)
	}
	return append(at, len(s))
}
