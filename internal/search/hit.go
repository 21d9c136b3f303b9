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
	ts, extra := lq.li.textWords(text, env)
	return lq.marksOf(text, ts, extra, out)
}

// textWords returns the words of a text as the build keeps those of a block (see
// tok), with the folded forms of those the index does not hold.
func (li *langIndex) textWords(text string, env *snowballstem.Env) ([]tok, []string) {
	var ts []tok
	var extra []string
	var buf []byte
	scanWords(text, func(start, end int) {
		buf = foldWord(buf, text[start:end])
		if len(buf) == 0 {
			return
		}
		t := tok{start: int32(start), end: int32(end), word: -1, key: -1}
		if id, ok := li.wordID[string(buf)]; ok {
			t.word, t.key = id, li.wordKey[id]
		} else {
			t.word = int32(-1 - len(extra))
			extra = append(extra, string(buf))
			if id, ok := li.keyID[li.an.key(string(buf), env)]; ok {
				t.key = id
			}
		}
		ts = append(ts, t)
	})
	return ts, extra
}

// folded returns the folded form of a word found in a text (extra: the folded
// forms of the text's words the index does not hold).
func (li *langIndex) folded(t tok, extra []string) string {
	if t.word >= 0 {
		return li.words[t.word]
	}
	return extra[-1-t.word]
}

// isStop reports whether a word found in a text is a stop word.
func (li *langIndex) isStop(t tok, extra []string) bool {
	if t.word >= 0 {
		return li.stop[t.word]
	}
	return isStop(extra[-1-t.word])
}

// blockToks returns the words of block bi of doc d (bi from its section's First).
func (li *langIndex) blockToks(d int32, bi int) []tok {
	doc := &li.docs[d]
	k := int(doc.blocks) + bi - doc.page.Sections[doc.section].First
	return li.btoks[li.boff[k]:li.boff[k+1]]
}

// blockRestated reports whether block bi of doc d restates the names of the
// concept d is the glossary entry of (see restates).
func (li *langIndex) blockRestated(d int32, bi int) bool {
	doc := &li.docs[d]
	return li.restated[int(doc.blocks)+bi-doc.page.Sections[doc.section].First]
}

// marksOf is marks over the words ts of text (see textWords).
func (lq *langQuery) marksOf(text string, ts []tok, extra []string, out []mark) []mark {
	li := lq.li
	phrases := false
	for _, t := range ts {
		if !lq.keySet.has(t.key) {
			phrases = phrases || lq.firstSet.has(t.key)
			continue
		}
		phrases = phrases || lq.firstSet.has(t.key)
		k, ok := lq.keys[t.key]
		if !ok {
			continue
		}
		start, end := int(t.start), int(t.end)
		e := end
		if k.prefix != "" && strings.HasPrefix(li.folded(t, extra), k.prefix) {
			e = start + prefixEnd(text[start:end], len(k.prefix))
		}
		if n := len(out); n > 0 && out[n-1].end == start {
			out[n-1].end = e
			out[n-1].slots |= k.slots
			continue
		}
		out = append(out, mark{start, e, k.slots})
	}
	if !phrases {
		return out
	}
	// The text's words that are not stop words, for phrases.
	words := make([]tok, 0, len(ts))
	for _, t := range ts {
		if !li.isStop(t, extra) {
			words = append(words, t)
		}
	}
	var ph []mark
	for i := range words {
		for _, pi := range lq.byFirst[words[i].key] {
			p := &lq.phrases[pi]
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
				ph = append(ph, mark{int(words[i].start), int(words[i+len(p.keys)-1].end), p.slots})
			}
		}
	}
	return mergeMarks(out, ph)
}

// keySet is a set of key ids.
type keySet []uint64

func (s keySet) has(k int32) bool {
	return k >= 0 && int(k>>6) < len(s) && s[k>>6]&(1<<(k&63)) != 0
}

func (s *keySet) add(k int32) {
	for int(k>>6) >= len(*s) {
		*s = append(*s, 0)
	}
	(*s)[k>>6] |= 1 << (k & 63)
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
// words (then the most often), with its marks and the sentence to centre the
// snippet on; -1 when no block matches. A sentence that holds the kind of fact
// the query asks for (a date for "when") counts as much as one more word.
func bestBlock(lq *langQuery, d int32, p *library.Page, s *library.Section, weight []float64, a ask) (int, []mark, [2]int) {
	best, bestScore := -1, 0.0
	var bestFocus [2]int
	var bestMarks, ms []mark
	bonus := 1.0
	for _, w := range weight {
		bonus = max(bonus, w+1)
	}
	firstText := true
	li := lq.li
	for bi := s.First; bi < s.End && bi < len(p.Blocks); bi++ {
		if p.Blocks[bi].Kind == library.KindHeading || li.blockRestated(d, bi) {
			continue
		}
		text := p.Blocks[bi].Text
		ts := li.blockToks(d, bi)
		ms = lq.marksOf(text, ts, li.extra, ms[:0])
		var have uint32
		for _, m := range ms {
			have |= m.slots
		}
		if have == 0 && a == askNone {
			firstText = false
			continue
		}
		// The block's sentences: the one with the most of the query, and the answer.
		rest := ts
		for si, sen := range sentences(text) {
			var in uint32
			n := 0
			for _, m := range ms {
				if m.start < sen[1] && m.end > sen[0] {
					in |= m.slots
					n++
				}
			}
			// The sentence's words.
			k := 0
			for k < len(rest) && int(rest[k].end) <= sen[1] {
				k++
			}
			words := rest[:k]
			rest = rest[k:]
			score := slotWeight(in, weight) + 0.001*float64(n)
			if in != 0 || have != 0 {
				// The rest of the block counts a little: a sentence is read with it.
				score += 0.25 * slotWeight(have&^in, weight)
			}
			// A glossary entry's definition is its first sentence: for "what is",
			// no later one ("CBMs are also...") answers.
			first := firstText && si == 0 && li.docs[d].kind == Term
			defines := a != askWhat || first || li.docs[d].kind != Term
			if score+bonus > bestScore && (in != 0 || have != 0) && defines && answersOf(a, text, words, li, li.extra, sen[1], first, ms) {
				score += bonus
			}
			if score > bestScore {
				best, bestScore, bestFocus = bi, score, sen
				bestMarks = append(bestMarks[:0], ms...)
			}
		}
		firstText = false
	}
	return best, bestMarks, bestFocus
}

// restates reports whether a block of doc d (its words ts) says nothing but
// the names of the concept d is the glossary entry of (the "In Italian: misure
// restrittive" line under a glossary heading): it is no passage to show. The
// build answers it for every block (langIndex.restated). keys is scratch
// space for the block's keys, returned for the next call.
func (li *langIndex) restates(d int32, ts []tok, keys []string) (bool, []string) {
	cs := li.own[d]
	if len(cs) == 0 || li.docs[d].kind != Term {
		return false, keys
	}
	for _, t := range ts {
		switch {
		case t.word >= 0 && !li.stop[t.word]:
			keys = append(keys, li.keys[t.key])
		case t.word < 0 && !li.extraStop[-1-t.word]:
			keys = append(keys, li.extraKey[-1-t.word])
		}
	}
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
	return left <= 2 && left < len(keys), keys
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
	if q.ix.lib != nil {
		for _, id := range s.Sources {
			if src, ok := q.ix.lib.Source(id); ok {
				h.Sources = append(h.Sources, Source{ID: id, Publisher: src.Publisher, Year: src.AsOf})
			}
		}
	}
	lq := q.langQueryOf(li)
	if s.Heading.Block >= 0 {
		h.Heading = s.Heading.Text
		h.HeadingMarks = ranges(lq.marksOf(h.Heading, li.btoks[d.head[0]:d.head[1]], li.extra, nil))
	}
	sw := q.snippetWeights()
	bi, ms, focus := bestBlock(lq, r.doc, p, s, sw, q.ask)
	if bi < 0 && r.from.li != li {
		// Found through another language: the passage at the same place there.
		od := &r.from.li.docs[r.fromDoc]
		os := &od.page.Sections[od.section]
		if obi, _, _ := bestBlock(r.from.lq, r.fromDoc, od.page, os, sw, q.ask); obi >= 0 {
			if at := s.First + (obi - os.First); at < s.End && at < len(p.Blocks) {
				bi = at
			}
		}
	}
	if bi < 0 {
		for i := s.First; i < s.End && i < len(p.Blocks); i++ {
			if p.Blocks[i].Kind != library.KindHeading && (bi < 0 || !li.blockRestated(r.doc, i)) {
				bi = i
				if !li.blockRestated(r.doc, i) {
					break
				}
			}
		}
		if bi >= 0 {
			ms = lq.marksOf(p.Blocks[bi].Text, li.blockToks(r.doc, bi), li.extra, nil)
			focus = [2]int{}
		}
	}
	if bi >= 0 {
		h.Block, h.Line = bi, p.Blocks[bi].Line
		h.Snippet, h.Marks = cut(p.Blocks[bi].Text, li.blockToks(r.doc, bi), li, ms, sw, width, focus, q.ask)
	}
	if d.kind != Term && len(h.Marks) == 0 && len(h.HeadingMarks) > 0 {
		h.Kind = Heading
	}
	return h
}

// snippetWeights are the weights of the query's words when a passage is
// chosen: the words of one mention of a concept count as one word (the rarest
// of them), since the concept's name, however many words it has, is one thing
// the query names ("gruppo di lavoro aperto" is the OEWG, not three words).
func (q *query) snippetWeights() []float64 {
	w := slices.Clone(q.idf)
	for _, m := range q.mentions {
		first, best := -1, 0.0
		for b := m.bits; b != 0; b &= b - 1 {
			i := bits.TrailingZeros32(b)
			if i >= len(w) {
				continue
			}
			best = max(best, w[i])
			if first < 0 {
				first = i
			} else {
				w[i] = -1 // slotWeight adds weight+1: nothing
			}
		}
		if first >= 0 {
			w[first] = best
		}
	}
	return w
}

// cut returns text on one line, at most width runes, with "…" where it was cut,
// and the marks moved with it. It is centred on focus (a sentence, when not
// empty) when the sentence fits, else on the best cluster of marks (the most
// query words within the width) inside it, where the fact the query asks for
// counts as a word; it is cut at spaces, never inside a date of several words
// ("12 March 2021"). ts are the words of text as li's build found them.
func cut(text string, ts []tok, li *langIndex, ms []mark, weight []float64, width int, focus [2]int, a ask) (string, [][2]int) {
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
	// Rune and byte offsets: the same in ASCII text, else from a table.
	ascii := n == len(text)
	var starts []int
	if !ascii {
		starts = runeStarts(text)
	}
	at := func(r int) int {
		if ascii {
			return r
		}
		return starts[r]
	}
	runeOf := func(b int) int {
		if ascii {
			return b
		}
		lo, hi := 0, len(starts)-1
		for lo < hi {
			mid := (lo + hi) / 2
			if starts[mid] < b {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		return lo
	}
	avail := width - 2      // room between two "…"
	const factBit = 1 << 31 // the mark of a fact asked for (a date, a number)
	cs, ce := 0, 0
	switch {
	case focus[1] > focus[0] && runeOf(focus[1])-runeOf(focus[0]) <= avail:
		cs, ce = runeOf(focus[0]), runeOf(focus[1])
	case focus[1] > focus[0] && a == askWhat:
		// A definition is read from its start.
		cs = runeOf(focus[0])
		ce = cs + avail
	default:
		// The cluster of marks, and of the facts asked for, with the most query
		// words that fits, inside the sentence when there is one.
		cand := ms
		if focus[1] > focus[0] {
			cand = nil
			for _, m := range ms {
				if m.start < focus[1] && m.end > focus[0] {
					cand = append(cand, m)
				}
			}
			var facts []mark
			sen := text[focus[0]:focus[1]]
			for _, f := range factSpans(a, sen) {
				// A number the query itself holds ("CBMs 12 to 16") is what it
				// asks about, not the answer.
				if slices.ContainsFunc(cand, func(m mark) bool { return m.start < focus[0]+f[1] && m.end > focus[0]+f[0] }) {
					continue
				}
				facts = append(facts, mark{focus[0] + f[0], focus[0] + f[1], factBit})
			}
			// A date of several words is one fact.
			if a == askWhen {
				for _, ds := range dateSpans(sen) {
					facts = mergeMarks(facts, []mark{{focus[0] + ds[0], focus[0] + ds[1], factBit}})
				}
			}
			cand = mergeMarks(cand, facts)
		}
		w := append(slices.Clone(weight), make([]float64, 32)...)
		// The fact asked for counts a little more than any one word: the row's
		// heading already names the subject.
		w[31] = 0.5
		for _, x := range weight {
			w[31] = max(w[31], x+0.5)
		}
		if len(cand) > 0 {
			bestI, bestJ, bestScore := 0, 0, -1.0
			for i := range cand {
				var have uint32
				for j := i; j < len(cand); j++ {
					if runeOf(cand[j].end)-runeOf(cand[i].start) > avail {
						break
					}
					have |= cand[j].slots
					score := slotWeight(have, w) + 0.001*float64(j-i)
					if have&factBit != 0 {
						// The fact asked for is the answer: a window without it
						// loses to any with it, however many words it marks.
						score += 1000
					}
					if score > bestScore {
						bestI, bestJ, bestScore = i, j, score
					}
				}
			}
			cs, ce = runeOf(cand[bestI].start), runeOf(cand[bestJ].end)
			ce = min(ce, cs+avail)
		}
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
		if i := strings.IndexByte(text[at(start):at(max(cs, start))], ' '); i >= 0 {
			start = runeOf(at(start) + i + 1)
		}
	}
	if end < n {
		if i := strings.LastIndexByte(text[at(min(max(ce, start), end)):at(end)], ' '); i >= 0 {
			end = runeOf(at(min(max(ce, start), end)) + i)
		} else if ce > start && ce < end && wordEndsAt(text, at(ce)) {
			// The cluster ends inside the last word of the window ("A/80/257)."):
			// end with the cluster, not at the space before it.
			end = ce
		} else if i := strings.LastIndexByte(text[at(start):at(end)], ' '); i >= 0 && runeOf(at(start)+i) > start+(end-start)/2 {
			// The cluster runs to the cut (a definition read from its start):
			// end at its last space rather than inside a word.
			end = runeOf(at(start) + i)
		}
	}
	// Never inside a date of several words ("12 March 2021", at most 20 runes):
	// leave it out whole. Only the text around each cut is looked at.
	const dateRunes = 20
	if end < n {
		lo := max(end-dateRunes, start)
		for _, ds := range dateSpans(text[at(lo):at(min(end+dateRunes, n))]) {
			if s, e := runeOf(at(lo)+ds[0]), runeOf(at(lo)+ds[1]); s < end && end < e && s > start {
				end = s
			}
		}
	}
	if start > 0 {
		hi := min(start+dateRunes, end)
		for _, ds := range dateSpans(text[at(max(start-dateRunes, 0)):at(hi)]) {
			off := at(max(start-dateRunes, 0))
			if s, e := runeOf(off+ds[0]), runeOf(off+ds[1]); s < start && start < e && e < end {
				start = e
			}
		}
	}
	from, to := at(start), at(end)
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

// wordEndsAt reports whether byte i of text ends a word: a letter or digit
// before it, neither at it.
func wordEndsAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	l, _ := utf8.DecodeLastRuneInString(text[:i])
	return runeClass(l) != classOther && runeClass(r) == classOther
}

// runeStarts returns the byte offset of each rune of s, and len(s) last.
func runeStarts(s string) []int {
	at := make([]int, 0, len(s)+1)
	for i := range s {
		at = append(at, i)
	}
	return append(at, len(s))
}
