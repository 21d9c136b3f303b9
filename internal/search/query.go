package search

import (
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"

	"github.com/cyberdiplo/cyberdiplo/internal/textsafe"
)

// Weights of the ways a word matches, and of a section found through the other
// language: an exact word counts fully, anything less direct counts less.
const (
	wExact    = 1.0
	wStem     = 0.9
	wPrefix   = 0.75
	wTypo1    = 0.6
	wTypo2    = 0.45
	wRelative = 0.6 // a word of the same root ("chairmanship" for "chaired"): as a typo
	wSynonym  = 0.8
	wOther    = 0.9
	wNames    = 1.5  // a section whose heading or glossary entry the query names
	wWhen     = 1.2  // a section headed by a date, for a query that asks when
	proxBoost = 0.25 // the most that proximity adds, per matched word beyond the first
	wPassing  = 0.8  // a glossary entry found only through what it says in passing (passing)
)

// slot is one word of a query.
type slot struct {
	start, end int    // byte range in the query
	word       string // folded
	last       bool   // the query ends with it: it may be a word being typed
	letters    bool   // no digits
	n          int    // runes
	// asking: the word only asks ("cosa" in "che cosa è", "di cosa parlano"):
	// it counts for nothing (its idf is 0) but may still be part of a phrase
	// of the concept base ("cosa è cambiato").
	asking bool
}

// askingWords are words that, at the head of a question or after a stop word,
// only ask: "che cosa è", "cosa sono", "a cosa serve", "di cosa discutono".
var askingWords = wordSet{list: `cosa cose`}

// statusWords ask how things stand after "che" ("a che punto è l'ONU"): they
// only ask, as askingWords.
var statusWords = wordSet{list: `punto`}

// The forms of "essere" before a past participle of "essere" itself ("ci sono
// stati sei GGE", "è stato avviato"): the participle is then no word of the
// subject, though "stati" alone is mostly "States" in this briefing.
var (
	essereForms = wordSet{list: `e sono sia siano era erano fosse fossero essere`}
	statoForms  = wordSet{list: `stato stata stati state`}
)

// factWords returns the words that name the kind of fact a question asks for
// ("what year", "data del rapporto", "numero della decisione"): once the
// question is known to ask for it, they only ask, as askingWords.
func factWords(a ask) *wordSet {
	switch a {
	case askWhen:
		return &factWhen
	case askCount:
		return &factCount
	case askSymbol:
		return &factSymbol
	}
	return &factNone
}

var (
	factWhen   = wordSet{list: `date dates data date year years anno anni month mese`}
	factCount  = wordSet{list: `number numero`}
	factSymbol = wordSet{list: `number numero symbol sigla`}
	factNone   wordSet
)

// parseQuery returns the words of a query that count: folded, stop words dropped
// (unless the query has nothing else), repeats dropped, at most MaxWords. Only
// the first MaxQueryBytes bytes are read.
func parseQuery(q string) []slot {
	cut := false
	if len(q) > MaxQueryBytes {
		i := MaxQueryBytes
		for i > 0 && !utf8.RuneStart(q[i]) {
			i--
		}
		q, cut = q[:i], true
	}
	var all []slot
	var buf []byte
	scanWords(q, func(start, end int) {
		buf = foldWord(buf, q[start:end])
		if len(buf) == 0 {
			return
		}
		w := string(buf)
		all = append(all, slot{start: start, end: end, word: w, letters: isLetters(w), n: runeLen(w)})
	})
	if len(all) == 0 {
		return nil
	}
	all[len(all)-1].last = !cut && all[len(all)-1].end == len(q)
	// The words of a request pair ("full name", "vuol dire") become noise, and
	// so does the "cosa" that asks with one ("cosa vuol dire", "cosa significa").
	var pair uint64
	for i := 0; i+1 < len(all) && i < 63; i++ {
		if requestPair(all[i].word, all[i+1].word) || i+2 == len(all) && otherLangPair(all[i].word, all[i+1].word) {
			pair |= 3 << i
		}
		if all[i].word == "cosa" && (i+2 < len(all) && requestPair(all[i+1].word, all[i+2].word) || requestSet.has(all[i+1].word)) {
			pair |= 1 << i
		}
	}
	noise := func(i int) bool { return i < 64 && pair&(1<<i) != 0 || isNoise(all[i].word) }
	for i := range all {
		if askingWords.has(all[i].word) && (i == 0 || isStop(all[i-1].word)) || statusWords.has(all[i].word) && i > 0 && all[i-1].word == "che" {
			all[i].asking = true
		}
		// "ci sono stati", "è stato avviato": a past tense, not the States.
		if i > 0 && essereForms.has(all[i-1].word) && statoForms.has(all[i].word) {
			pair |= 1 << min(i, 63)
		}
	}
	content := false
	for i := range all {
		if !noise(i) {
			content = true
			break
		}
	}
	out := all[:0]
	for i, s := range all {
		if content && noise(i) {
			continue
		}
		if i := slices.IndexFunc(out, func(o slot) bool { return o.word == s.word }); i >= 0 {
			out[i].last = out[i].last || s.last
			continue
		}
		if len(out) == MaxWords {
			break
		}
		out = append(out, s)
	}
	return out
}

// asksWhen reports whether a query asks for a date: it has "when" or "quando",
// or a unit of time ("year", "anno", "mese") after "what", "which", "che" or
// "quale" ("da che mese") (in the first MaxQueryBytes bytes).
func asksWhen(q string) bool {
	q = q[:min(len(q), MaxQueryBytes)]
	prev, when := "", false
	var buf []byte
	scanWords(q, func(start, end int) {
		buf = foldWord(buf, q[start:end])
		w := string(buf)
		switch {
		case w == "when" || w == "quando":
			when = true
		case timeWords.has(w) && (prev == "what" || prev == "which" || prev == "che" || prev == "quale"):
			when = true
		}
		prev = w
	})
	return when
}

// alt is a key a query word matches, other than its own.
type alt struct {
	key    int32
	weight float64
	class  uint8
	prefix bool // a completion of the typed word: only the typed part is marked
}

// slotMatch is how one query word matches in one language.
type slotMatch struct {
	word int32 // the word itself, or -1
	key  int32 // its key, or -1
	alts []alt
}

func (m *slotMatch) any() bool { return m.word >= 0 || m.key >= 0 || len(m.alts) > 0 }

// langQuery is a query as matched in one language.
type langQuery struct {
	li    *langIndex
	slots []slotMatch
	// keys maps each key that counts to the slots it matches (a bit per slot) and
	// its best class: what marks and proximity use.
	keys map[int32]keyInfo
	// phrases are the names of the concepts the query mentions, as key sequences
	// (-1 for a word this language's text lacks): marked only whole.
	phrases []phrase
	byFirst map[int32][]int // the phrases by their first key
	// keySet holds the keys of keys, firstSet those of byFirst: a word of the
	// text whose key is in neither is passed over without a map look-up.
	keySet, firstSet keySet
}

type phrase struct {
	keys  []int32
	slots uint32 // the query words that mention the concept
}

type keyInfo struct {
	slots  uint32
	class  uint8
	prefix string // when set, a word starting with it is marked up to its end only
}

// mention is a set of query words that names a concept: a run of words that is
// one of its names, or words that hold one of its phrases in any order.
type mention struct {
	bits     uint32 // the slots
	concepts []int
}

// first is the first slot of a mention.
func (m mention) first() int { return bits.TrailingZeros32(m.bits) }

// query is a parsed query matched against the index.
type query struct {
	ix       *Index
	text     string
	slots    []slot
	langs    []*langQuery // as ix.langs
	mentions []mention
	matched  []bool // per slot: some language matches it, or a concept covers it
	// idf of each slot and of each mentioned concept, from the positions (sections
	// counted once across languages) they match in any language.
	idf  []float64
	cidf map[int]float64
	// named are the concepts whose name is the whole query.
	named []int
	// when: the query asks when ("when", "quando", "what year"): a section whose
	// heading is a date answers it.
	when bool
	// ask is the kind of fact the query asks for: its snippets show it.
	ask ask
	// weak are the slots of weak words (isWeak), none when all are: such a word
	// carries no mention alone and reaches no entry through its names only.
	weak uint32
}

// compile parses a query and finds what each of its words matches.
func (ix *Index) compile(text string) *query {
	text = textsafe.DropControls(text) // pasted escape debris is no word to match or name back
	q := &query{ix: ix, text: text, slots: parseQuery(text), when: asksWhen(text), ask: asksFor(text)}
	if len(q.slots) == 0 || len(ix.langs) == 0 {
		return q
	}
	for i, s := range q.slots {
		if factWords(q.ask).has(s.word) {
			q.slots[i].asking = true
		}
	}
	env := snowballstem.NewEnv("")
	q.slots = ix.splitCompounds(q.slots, env)
	for i, s := range q.slots {
		if isWeak(s.word) {
			q.weak |= 1 << i
		}
	}
	if q.weak == uint32(1)<<len(q.slots)-1 {
		q.weak = 0
	}
	q.matched = make([]bool, len(q.slots))
	known := make([]bool, len(q.slots))
	for _, li := range ix.langs {
		lq := &langQuery{li: li, slots: make([]slotMatch, len(q.slots))}
		for i, s := range q.slots {
			m := &lq.slots[i]
			m.word, m.key = -1, -1
			if id, ok := li.wordID[s.word]; ok {
				m.word = id
			}
			if id, ok := li.keyID[li.keyOf(s.word, env)]; ok {
				m.key = id
			}
			if s.last && s.n >= 2 {
				m.alts = li.completions(s.word, m.key)
			}
			// The plural of an acronym, which Snowball leaves whole ("CBMs" has no
			// vowel before its "s"): the acronym.
			if m.word < 0 && m.key < 0 && s.letters && s.n >= 3 && strings.HasSuffix(s.word, "s") {
				if id, ok := li.wordID[s.word[:len(s.word)-1]]; ok {
					m.addAlt(alt{key: li.wordKey[id], weight: wStem, class: cStem})
				}
			}
			// The plain word for a word of the text ("countries" for "States").
			for _, t := range everyday()[s.word] {
				if id, ok := li.wordID[t]; ok {
					m.addAlt(alt{key: li.wordKey[id], weight: wEveryday, class: cSynonym})
				}
			}
			if m.any() {
				known[i] = true
			}
		}
		// Two words the text writes as one ("cyber security", "co-operation"):
		// each of the two also matches the joined word.
		for i := 0; i+1 < len(q.slots); i++ {
			a, b := q.slots[i], q.slots[i+1]
			if !a.letters || !b.letters || a.n+b.n > maxWordRunes || isStop(a.word) || isStop(b.word) {
				continue
			}
			if id, ok := li.keyID[li.keyOf(a.word+b.word, env)]; ok {
				for _, j := range []int{i, i + 1} {
					lq.slots[j].addAlt(alt{key: id, weight: wStem, class: cStem})
					known[j] = true
				}
			}
		}
		q.langs = append(q.langs, lq)
	}
	// Typos, and other words from the same root, only for the words that match
	// nothing in any language: an exact match always outranks a corrected one,
	// since there is then no corrected one.
	for i, s := range q.slots {
		if known[i] || !s.letters || s.n > maxWordRunes {
			continue
		}
		for _, lq := range q.langs {
			m := &lq.slots[i]
			if maxTypos(s.n) > 0 || swapOnly(s.n) {
				m.alts = lq.li.corrections(s.word, s.n, s.last)
			}
			// A word one typo also reaches stays a typo (the same weight); one
			// two typos away is rather a word of the same root.
			for _, a := range lq.li.relatives(lq.li.keyOf(s.word, env)) {
				m.addAlt(a)
			}
			// A misspelt everyday word ("tradtoto" for "tradotto", which the text
			// has only as "traduzione"): the words it stands for, as a typo.
			if s.n >= 6 {
				for _, t := range everydayTypo(s.word) {
					if id, ok := lq.li.wordID[t]; ok {
						m.addAlt(alt{key: lq.li.wordKey[id], weight: wEveryday * wTypo1, class: cTypo})
					}
				}
			}
		}
	}
	for i := range q.slots {
		for _, lq := range q.langs {
			if lq.slots[i].any() {
				q.matched[i] = true
			}
		}
	}
	q.findMentions(env)
	q.distrust(known)
	for _, lq := range q.langs {
		lq.keys = map[int32]keyInfo{}
		for i, s := range q.slots {
			m := &lq.slots[i]
			if m.key >= 0 {
				class := cStem
				if m.word >= 0 {
					class = cExact
				}
				lq.addKey(m.key, i, class, "")
			}
			for _, a := range m.alts {
				p := ""
				if a.prefix {
					p = s.word
				}
				lq.addKey(a.key, i, a.class, p)
			}
		}
		for _, mn := range q.mentions {
			for _, c := range mn.concepts {
				for _, name := range lq.li.cnames[c] {
					ph := phrase{keys: make([]int32, len(name)), slots: mn.bits}
					for i, k := range name {
						ph.keys[i] = -1
						if id, ok := lq.li.keyID[k]; ok {
							ph.keys[i] = id
						}
					}
					if slices.Contains(ph.keys, -1) {
						continue // a word this language's text lacks: it marks nothing
					}
					if lq.byFirst == nil {
						lq.byFirst = map[int32][]int{}
					}
					lq.byFirst[ph.keys[0]] = append(lq.byFirst[ph.keys[0]], len(lq.phrases))
					lq.phrases = append(lq.phrases, ph)
				}
			}
		}
	}
	for _, lq := range q.langs {
		for k := range lq.keys {
			lq.keySet.add(k)
		}
		for k := range lq.byFirst {
			lq.firstSet.add(k)
		}
	}
	q.statistics()
	return q
}

// distrust drops the weak corrections of a query that names something the
// briefing does not hold: when a word matches nothing at all ("budapest"), the
// query is probably about that thing ("Budapest Convention"), and its other
// words are not corrected into the briefing's words unless the correction is
// sure (one edit in a word of 7 letters or more): "convention" does not become
// "convened", a word of the same root.
func (q *query) distrust(known []bool) {
	name := false
	for i := range q.slots {
		name = name || !q.matched[i]
	}
	if !name {
		return
	}
	for i, s := range q.slots {
		if known[i] || q.inMention(i) {
			continue
		}
		matched := false
		for _, lq := range q.langs {
			m := &lq.slots[i]
			m.alts = slices.DeleteFunc(m.alts, func(a alt) bool {
				return a.class == cStem || a.class == cTypo && (a.weight < wTypo1 || s.n < 7)
			})
			matched = matched || m.any()
		}
		q.matched[i] = matched
	}
}

// inMention reports whether slot i is part of a mention of a concept.
func (q *query) inMention(i int) bool {
	return slices.ContainsFunc(q.mentions, func(m mention) bool { return m.bits&(1<<i) != 0 })
}

// namesSomethingElse reports whether a query is a name the briefing does not
// hold: some of its words match nothing, and what matches is one word that the
// text has only in another form, naming no concept ("paris call": "call" alone
// would find "calls"; "pledge xyzzyq" still finds the Pledge).
func (q *query) namesSomethingElse() bool {
	if len(q.slots) < 2 {
		return false
	}
	n, unmatched := 0, false
	for i := range q.slots {
		if !q.matched[i] {
			unmatched = true
			continue
		}
		if q.inMention(i) {
			return false
		}
		for _, lq := range q.langs {
			if lq.slots[i].word >= 0 {
				return false
			}
		}
		n++
	}
	return unmatched && n <= 1
}

// statistics computes the idf of each slot and mentioned concept over positions,
// and the concepts the whole query names.
func (q *query) statistics() {
	n := q.ix.npos
	set := make([]uint64, (n+63)/64)
	count := func() int {
		c := 0
		for i, w := range set {
			c += bits.OnesCount64(w)
			set[i] = 0
		}
		return c
	}
	mark := func(li *langIndex, d int32) {
		p := li.pos[d]
		set[p>>6] |= 1 << (p & 63)
	}
	q.idf = make([]float64, len(q.slots))
	for i := range q.slots {
		for _, lq := range q.langs {
			li, m := lq.li, &lq.slots[i]
			ks := make([]int32, 0, 1+len(m.alts))
			if m.key >= 0 {
				ks = append(ks, m.key)
			}
			for _, a := range m.alts {
				ks = append(ks, a.key)
			}
			for _, k := range ks {
				for _, p := range li.post[li.postOff[k]:li.postOff[k+1]] {
					mark(li, p.doc)
				}
			}
		}
		q.idf[i] = idf(n, count())
	}
	// A word that only asks weighs nothing, unless nothing else is asked.
	for i, s := range q.slots {
		if s.asking && len(q.slots) > 1 {
			q.idf[i] = 0
		}
	}
	q.cidf = map[int]float64{}
	for _, mn := range q.mentions {
		for _, c := range mn.concepts {
			for _, lq := range q.langs {
				li := lq.li
				for _, p := range li.cpost[li.cpostOff[c]:li.cpostOff[c+1]] {
					mark(li, p.doc)
				}
			}
			q.cidf[c] = idf(n, count())
			if mn.bits == uint32(1)<<len(q.slots)-1 {
				q.named = append(q.named, c)
			}
		}
	}
}

// addKey records that key matches slot i (none when i < 0) with a class.
func (lq *langQuery) addKey(key int32, i int, class uint8, prefix string) {
	k, ok := lq.keys[key]
	if i >= 0 {
		k.slots |= 1 << i
	}
	if !ok || class < k.class {
		k.class, k.prefix = class, prefix
	}
	if class == k.class && prefix == "" {
		k.prefix = ""
	}
	lq.keys[key] = k
}

// addAlt adds a key a slot matches, unless it matches it already.
func (m *slotMatch) addAlt(a alt) {
	if a.key == m.key {
		return
	}
	if i := slices.IndexFunc(m.alts, func(b alt) bool { return b.key == a.key }); i >= 0 {
		if a.weight > m.alts[i].weight {
			m.alts[i] = a
		}
		return
	}
	m.alts = append(m.alts, a)
}

// splitCompounds replaces each query word that no language knows, as a word or
// by its key, with two words the same language knows, when it is made of them
// ("cyberdefence" is "cyber" "defence"): the longest first part wins; both parts
// have at least minPart letters and neither is a stop word. Repeats are dropped
// and at most MaxWords words kept, as parseQuery does.
func (ix *Index) splitCompounds(slots []slot, env *snowballstem.Env) []slot {
	const minPart = 3
	var out []slot
	add := func(p slot) {
		if i := slices.IndexFunc(out, func(o slot) bool { return o.word == p.word }); i >= 0 {
			out[i].last = out[i].last || p.last
		} else if len(out) < MaxWords {
			out = append(out, p)
		}
	}
	split := false
	for _, s := range slots {
		// An Italian elision typed without its apostrophe ("dellonu", "litalia",
		// "nellosce"): the word after the article or preposition.
		if rest := ix.elided(s, env); rest != "" {
			split = true
			s.word, s.n = rest, runeLen(rest)
			add(s)
			continue
		}
		a, b := "", ""
		if s.letters && s.n >= 2*minPart && s.n <= maxWordRunes && !ix.knows(s.word, env) {
			for p := len(s.word) - minPart; p >= minPart && a == ""; p-- {
				if !utf8.RuneStart(s.word[p]) || isStop(s.word[:p]) || isStop(s.word[p:]) {
					continue
				}
				for _, li := range ix.langs {
					if li.knows(s.word[:p], env) && li.knows(s.word[p:], env) {
						a, b = s.word[:p], s.word[p:]
						break
					}
				}
			}
		}
		if a == "" {
			add(s)
			continue
		}
		split = true
		first, second := s, s
		first.word, first.n, first.last = a, runeLen(a), false
		second.word, second.n = b, runeLen(b)
		add(first)
		add(second)
	}
	if !split {
		return slots
	}
	return out
}

// elisions are the Italian articles and prepositions that elide before a
// vowel ("l'Italia", "dell'ONU", "nell'OSCE", "un'intesa"), folded.
var elisions = []string{"dell", "nell", "dall", "sull", "all", "coll", "quest", "quell", "un", "l", "d"}

// elided returns the word a query word holds after an elided article or
// preposition typed without its apostrophe ("dellonu": "onu"), when the
// query word is unknown and the rest, a vowel first, is a word the index
// knows; else "".
func (ix *Index) elided(s slot, env *snowballstem.Env) string {
	if !s.letters || s.n < 4 || s.n > maxWordRunes || ix.knows(s.word, env) {
		return ""
	}
	for _, e := range elisions {
		rest, ok := strings.CutPrefix(s.word, e)
		if !ok || runeLen(rest) < 3 || !strings.ContainsRune("aeiou", rune(rest[0])) || isStop(rest) {
			continue
		}
		if ix.knows(rest, env) {
			return rest
		}
	}
	return ""
}

// knows reports whether some language has the word, or its key.
func (ix *Index) knows(w string, env *snowballstem.Env) bool {
	for _, li := range ix.langs {
		if li.knows(w, env) {
			return true
		}
	}
	return false
}

// knows reports whether the text has the word, or another word with its key.
func (li *langIndex) knows(w string, env *snowballstem.Env) bool {
	if _, ok := li.wordID[w]; ok {
		return true
	}
	_, ok := li.keyID[li.an.key(w, env)]
	return ok
}

// Relatives: the shorter of two keys has at least minRoot letters, they share
// their first minShared letters, and it is at most one edit from the start of
// the longer.
const (
	minRoot   = 5
	minShared = 4
)

// relatives returns the keys of the text from the same root as the key k of a
// word the text lacks: the shorter of the two is, within one edit, the start of
// the longer ("chair" of "chaired" and "chairmanship"; "prioriti" of
// "priorities" and "prioritis" of "prioritised"; "presied" of "presieduto" and
// "presidenz" of "presidenza"). Snowball stems inflections only; this joins the
// derivations the text and a query use for the same thing. At most
// maxTypoAlts, the closest first.
func (li *langIndex) relatives(k string) []alt {
	if len(k) < minShared || len(k) > maxWordRunes || !isLetters(k) {
		return nil
	}
	type cand struct {
		key     int32
		d, diff int
	}
	var cs []cand
	for id, other := range li.keys {
		if len(other) < minShared || other[:minShared] != k[:minShared] || other == k || !isLetters(other) {
			continue
		}
		short, long := k, other
		if len(short) > len(long) {
			short, long = long, short
		}
		if len(short) < minRoot || len(long) > maxWordRunes {
			continue
		}
		if d := distance(short, long, 1, true); d <= 1 {
			cs = append(cs, cand{int32(id), d, len(long) - len(short)})
		}
	}
	slices.SortStableFunc(cs, func(a, b cand) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return a.diff - b.diff
	})
	out := make([]alt, 0, min(len(cs), maxTypoAlts))
	for _, c := range cs[:min(len(cs), maxTypoAlts)] {
		out = append(out, alt{key: c.key, weight: wRelative, class: cStem})
	}
	return out
}

// completions returns the keys of the words that start with w (w excluded), at
// most maxPrefixAlts of them: the shortest words first.
func (li *langIndex) completions(w string, own int32) []alt {
	lo := sort.SearchStrings(li.words, w)
	hi := lo
	for hi < len(li.words) && strings.HasPrefix(li.words[hi], w) {
		hi++
	}
	if li.words[min(lo, len(li.words)-1)] == w {
		lo++
	}
	ids := make([]int32, 0, min(hi-lo, 4*maxPrefixAlts))
	for i := lo; i < hi && len(ids) < 4*maxPrefixAlts; i++ {
		ids = append(ids, int32(i))
	}
	slices.SortStableFunc(ids, func(a, b int32) int { return len(li.words[a]) - len(li.words[b]) })
	var out []alt
	for _, id := range ids {
		k := li.wordKey[id]
		if k == own || slices.ContainsFunc(out, func(a alt) bool { return a.key == k }) {
			continue
		}
		out = append(out, alt{key: k, weight: wPrefix, class: cPrefix, prefix: true})
		if len(out) == maxPrefixAlts {
			break
		}
	}
	return out
}

// corrections returns the keys of the words within the typos a word of n runes
// tolerates (and, for the last word, the words that start within them), closest
// first, at most maxTypoAlts.
func (li *langIndex) corrections(w string, n int, last bool) []alt {
	k := maxTypos(n)
	type cand struct {
		word int32
		d    int
		pre  bool
	}
	var cs []cand
	if k == 0 { // swapOnly: 4 letters, one swap
		if n < len(li.byLen) {
			for _, id := range li.byLen[n] {
				if isSwap(w, li.words[id]) {
					cs = append(cs, cand{id, 1, false})
				}
			}
		}
	} else {
		hiLen := n + k
		if last {
			hiLen = len(li.byLen) - 1
		}
		for l := max(n-k, 1); l <= hiLen && l < len(li.byLen); l++ {
			for _, id := range li.byLen[l] {
				if d := distance(w, li.words[id], k, false); d <= k {
					cs = append(cs, cand{id, d, false})
				} else if last && l > n {
					if d := distance(w, li.words[id], k, true); d <= k {
						cs = append(cs, cand{id, d, true})
					}
				}
			}
		}
	}
	slices.SortStableFunc(cs, func(a, b cand) int {
		if a.d != b.d {
			return a.d - b.d
		}
		if a.pre != b.pre {
			if a.pre {
				return 1
			}
			return -1
		}
		return int(li.wdocOff[b.word+1]-li.wdocOff[b.word]) - int(li.wdocOff[a.word+1]-li.wdocOff[a.word])
	})
	var out []alt
	for _, c := range cs {
		key := li.wordKey[c.word]
		if slices.ContainsFunc(out, func(a alt) bool { return a.key == key }) {
			continue
		}
		wt := wTypo1
		if c.d > 1 || c.pre {
			wt = wTypo2
		}
		out = append(out, alt{key: key, weight: wt, class: cTypo})
		if len(out) == maxTypoAlts {
			break
		}
	}
	return out
}

// findMentions finds the sets of query words that name a concept: in some
// language's analysis, a run of words whose keys (their own, or ones they match)
// are one of the concept's names, word for word; or words, each matching a
// different word of one of its names or phrases of two words or more, that
// hold all of them in any order within a few words ("rules for how countries
// should behave" holds "how states behave"... when the phrase is "countries
// behave"). Larger sets win; a word belongs to one mention at most.
func (q *query) findMentions(env *snowballstem.Env) {
	found := map[uint32][]int{}
	// A mention needs a word other than a weak one ("deciding" mentions nothing),
	// unless the weak words are the whole query ("what's new").
	strong := ^q.weak
	add := func(set uint32, c int) {
		if !slices.Contains(found[set], c) {
			found[set] = append(found[set], c)
		}
	}
	for _, lq := range q.langs {
		li := lq.li
		// A phrase held in any order counts no correction of a short word: two
		// everyday words and a typo are too weak a sign of a concept.
		keys := make([][]string, len(q.slots))
		bagKeys := make([][]string, len(q.slots))
		for i, s := range q.slots {
			keys[i] = append(keys[i], li.keyOf(s.word, env))
			bagKeys[i] = append(bagKeys[i], keys[i][0])
			for _, a := range lq.slots[i].alts {
				keys[i] = append(keys[i], li.keys[a.key])
				if a.class != cTypo || s.n >= 6 {
					bagKeys[i] = append(bagKeys[i], li.keys[a.key])
				}
			}
		}
		for c, names := range li.cnames {
			for _, name := range names {
				for first := 0; first+len(name) <= len(q.slots); first++ {
					ok := true
					for j, k := range name {
						if !slices.Contains(keys[first+j], k) {
							ok = false
							break
						}
					}
					if set := uint32(1)<<(first+len(name)) - 1<<first; ok && set&strong != 0 {
						add(set, c)
					}
				}
			}
		}
		// The phrases that hold one of the query's keys, each looked at once.
		inQuery := map[string]bool{}
		for _, ks := range bagKeys {
			for _, k := range ks {
				inQuery[k] = true
			}
		}
		seen := map[int32]bool{}
		for k := range inQuery {
		bags:
			for _, id := range li.bagsByKey[k] {
				if seen[id] {
					continue
				}
				seen[id] = true
				b := li.bags[id]
				for _, bk := range b.keys {
					if !inQuery[bk] {
						continue bags
					}
				}
				if set, ok := holds(bagKeys, b.keys); ok && set&strong != 0 {
					add(set, b.concept)
				}
			}
		}
	}
	sets := make([]uint32, 0, len(found))
	for set := range found {
		sets = append(sets, set)
	}
	slices.SortFunc(sets, func(a, b uint32) int {
		if na, nb := bits.OnesCount32(a), bits.OnesCount32(b); na != nb {
			return nb - na
		}
		// Of two as large, the tighter.
		if sa, sb := spread(a), spread(b); sa != sb {
			return sa - sb
		}
		return int(a) - int(b)
	})
	var used uint32
	for _, set := range sets {
		if set&used != 0 {
			continue
		}
		used |= set
		for b := set; b != 0; b &= b - 1 {
			q.matched[bits.TrailingZeros32(b)] = true
		}
		cs := found[set]
		slices.Sort(cs)
		q.mentions = append(q.mentions, mention{bits: set, concepts: cs})
	}
	slices.SortFunc(q.mentions, func(a, b mention) int { return a.first() - b.first() })
}

// bagSlack is how many other words may come between the words of a phrase held
// in any order.
const bagSlack = 2

// holds returns the slots of the query (keys: each slot's keys) that hold every
// key of bag, one slot each, spanning at most len(bag)+bagSlack slots: the first
// such set, slot by slot.
func holds(keys [][]string, bag []string) (uint32, bool) {
	if len(bag) > len(keys) || len(bag) == 0 {
		return 0, false
	}
	for start := 0; start < len(keys); start++ {
		end := min(len(keys), start+len(bag)+bagSlack)
		var set uint32
		n := 0
		for _, k := range bag {
			for i := start; i < end; i++ {
				if set&(1<<i) == 0 && slices.Contains(keys[i], k) {
					set |= 1 << i
					n++
					break
				}
			}
		}
		if n == len(bag) && set&(1<<start) != 0 {
			return set, true
		}
	}
	return 0, false
}

// spread is the distance from the first to the last slot of a set.
func spread(set uint32) int {
	return 31 - bits.LeadingZeros32(set) - bits.TrailingZeros32(set)
}

// scored is the outcome of scoring one language: per doc, its score, the slots it
// matched and the least direct class it needed.
type scored struct {
	li      *langIndex
	lq      *langQuery
	score   []float64
	slots   []uint32
	class   []uint8
	touched []int32 // docs with a score, in the order first touched
}

// idf is BM25's inverse document frequency.
func idf(n, df int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// bm25 is the BM25F score of a posting with the given idf in doc d.
func (li *langIndex) bm25(p *posting, w float64) float64 {
	d := &li.docs[p.doc]
	tf := 0.0
	for f := range p.tf {
		if p.tf[f] != 0 {
			tf += float64(p.tf[f]) * d.fw[f]
		}
	}
	return w * tf * (bm25K1 + 1) / (bm25K1 + tf)
}

// score ranks the docs of one language for a query.
func (q *query) score(lq *langQuery) *scored {
	li := lq.li
	n := len(li.docs)
	sc := &scored{li: li, lq: lq, score: make([]float64, n), slots: make([]uint32, n), class: make([]uint8, n)}
	// Scratch, reset after each use through the touched lists.
	slotS := make([]float64, n)
	slotC := make([]uint8, n)
	keyS := make([]int32, n) // 1 + index in the key's postings of each doc
	grpS := make([]float64, n)
	grpC := make([]uint8, n)
	grpB := make([]uint32, n)
	var slotT, grpT []int32

	// Each mention is a group of slots, scored at the best of its words and its
	// concepts; every other slot is a group of its own.
	type group struct {
		bits     uint32
		concepts []int
	}
	var groups []group
	var inMention uint32
	for _, m := range q.mentions {
		groups = append(groups, group(m))
		inMention |= m.bits
	}
	for i := range q.slots {
		if inMention&(1<<i) == 0 {
			groups = append(groups, group{bits: 1 << i})
		}
	}
	touch := func(list []int32, seen []float64, d int32) []int32 {
		if seen[d] == 0 {
			list = append(list, d)
		}
		return list
	}
	// better raises slot i's score in doc d. A match in a glossary entry's term
	// base only (its synonyms, not its text) is a synonym match.
	weak := false // the slot scored is a weak word outside any mention
	better := func(p *posting, s float64, c uint8) {
		if s <= 0 {
			return
		}
		d := p.doc
		if p.tf[fTerms] > 0 && p.tf[fHeading] == 0 && p.tf[fContext] == 0 && p.tf[fBody] == 0 {
			if weak {
				return // a weak word reaches no entry through its names alone
			}
			c = max(c, cSynonym)
		}
		slotT = touch(slotT, slotS, d)
		if s > slotS[d] {
			slotS[d], slotC[d] = s, c
		}
	}
	for _, g := range groups {
		for gb := g.bits; gb != 0; gb &= gb - 1 {
			i := bits.TrailingZeros32(gb)
			m := &lq.slots[i]
			weak = len(g.concepts) == 0 && q.weak&(1<<i) != 0
			for _, a := range m.alts {
				ps := li.post[li.postOff[a.key]:li.postOff[a.key+1]]
				w := a.weight * q.idf[i]
				for pi := range ps {
					better(&ps[pi], li.bm25(&ps[pi], w), a.class)
				}
			}
			if m.key >= 0 {
				ps := li.post[li.postOff[m.key]:li.postOff[m.key+1]]
				w := q.idf[i]
				for pi := range ps {
					s := li.bm25(&ps[pi], w)
					keyS[ps[pi].doc] = int32(pi) + 1
					better(&ps[pi], wStem*s, cStem)
				}
				if m.word >= 0 {
					for _, d := range li.wdoc[li.wdocOff[m.word]:li.wdocOff[m.word+1]] {
						if pi := keyS[d] - 1; pi >= 0 {
							better(&ps[pi], wExact*li.bm25(&ps[pi], w), cExact)
						}
					}
				}
				for _, p := range ps {
					keyS[p.doc] = 0
				}
			}
			for _, d := range slotT {
				grpT = touch(grpT, grpS, d)
				grpS[d] += slotS[d]
				grpB[d] |= 1 << i
				grpC[d] = max(grpC[d], slotC[d])
				slotS[d], slotC[d] = 0, 0
			}
			slotT = slotT[:0]
		}
		all := g.bits
		for _, c := range g.concepts {
			ps := li.cpost[li.cpostOff[c]:li.cpostOff[c+1]]
			w := wSynonym * float64(bits.OnesCount32(g.bits)) * q.cidf[c]
			for pi := range ps {
				d := ps[pi].doc
				if s := li.bm25(&ps[pi], w); s > grpS[d] {
					grpT = touch(grpT, grpS, d)
					if grpB[d] != all {
						// Found by the concept, not by the words as typed.
						grpC[d] = cSynonym
					}
					grpS[d], grpB[d] = s, all
				}
			}
		}
		for _, d := range grpT {
			sc.touched = touch(sc.touched, sc.score, d)
			sc.score[d] += grpS[d]
			sc.slots[d] |= grpB[d]
			sc.class[d] = max(sc.class[d], grpC[d])
			grpS[d], grpB[d], grpC[d] = 0, 0, 0
		}
		grpT = grpT[:0]
	}
	// Coverage: a section scores in proportion to the share of the query's words
	// it matches, each word weighed by its rarity (idf), so that missing a word
	// most sections have ("use", "matter") costs less than missing a rare one.
	for _, d := range sc.touched {
		sc.score[d] *= q.share(sc.slots[d])
		if q.when && li.docs[d].dated {
			sc.score[d] *= wWhen
		}
		if li.docs[d].kind == Term && q.passing(lq, d) {
			sc.score[d] *= wPassing
		}
	}
	// A section the query names (its heading, or its glossary entry's name, is the
	// whole query) counts more; again when the query asks what it is or what its
	// acronym stands for: the glossary entry says it.
	for _, c := range q.named {
		if f, ok := q.ix.concepts[c].forms[li.lang]; ok {
			// Not for a question that asks for a fact (a date, a count): naming
			// the subject is not asking for its entry (preferAnswers).
			if d := li.docOf(f.page, f.section); d >= 0 && sc.score[d] > 0 && !q.prefersAnswer() {
				sc.score[d] *= wNames
				if q.ask == askWhat && li.docs[d].kind == Term {
					sc.score[d] *= wNames
				}
			}
		}
	}
	// For the best sections: a heading the query names counts more, and matched
	// words close together count more.
	top := slices.Clone(sc.touched)
	slices.SortFunc(top, func(a, b int32) int { return cmpDesc(sc.score[a], sc.score[b]) })
	all := uint32(1)<<len(q.slots) - 1
	for _, d := range top[:min(len(top), maxRerank)] {
		if have := lq.inHeading(li.heads[d]); have == all && !slices.ContainsFunc(q.named, func(c int) bool {
			f := q.ix.concepts[c].forms[li.lang]
			return li.docOf(f.page, f.section) == d
		}) {
			sc.score[d] *= wNames
		}
		if len(q.slots) > 1 {
			if m, span := lq.proximity(&li.docs[d]); m > 1 {
				sc.score[d] *= 1 + proxBoost*float64(m-1)*float64(m)/float64(span)
			}
		}
	}
	return sc
}

// inHeading returns the query words a heading holds when the query holds the
// whole heading (every word of the heading matches a query word), else 0.
func (lq *langQuery) inHeading(head []int32) uint32 {
	var have uint32
	for _, k := range head {
		info, ok := lq.keys[k]
		if !ok || info.slots == 0 {
			return 0
		}
		have |= info.slots
	}
	return have
}

// share is the part of the query's weight (the idf of its words) that the words
// of a set hold.
func (q *query) share(set uint32) float64 {
	have, all := 0.0, 0.0
	for i, w := range q.idf {
		all += w
		if set&(1<<i) != 0 {
			have += w
		}
	}
	if all == 0 {
		return 0
	}
	return have / all
}

func cmpDesc(a, b float64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

// proximity returns how many slots doc d matches literally and the length, in
// words, of the shortest passage that holds one match of each.
func (lq *langQuery) proximity(d *doc) (int, int) {
	type occ struct {
		pos  int
		bits uint32
	}
	var occs []occ
	var have uint32
	pos := 0
	for _, t := range d.toks {
		if t == gap {
			pos += gapWidth
			continue
		}
		pos++
		if k, ok := lq.keys[lq.li.wordKey[t]]; ok && k.slots != 0 {
			occs = append(occs, occ{pos, k.slots})
			have |= k.slots
		}
	}
	m := bits.OnesCount32(have)
	if m < 2 {
		return m, 1
	}
	// The shortest window of occs covering every bit of have.
	var count [32]int
	covered := 0
	best := math.MaxInt
	lo := 0
	for hi := range occs {
		for b := occs[hi].bits; b != 0; b &= b - 1 {
			i := bits.TrailingZeros32(b)
			if count[i] == 0 {
				covered++
			}
			count[i]++
		}
		for covered == m {
			best = min(best, occs[hi].pos-occs[lo].pos+1)
			for b := occs[lo].bits; b != 0; b &= b - 1 {
				i := bits.TrailingZeros32(b)
				count[i]--
				if count[i] == 0 {
					covered--
				}
			}
			lo++
		}
	}
	return m, max(best, m)
}

// row is one result before it becomes a Hit.
type row struct {
	li    *langIndex
	doc   int32
	score float64
	slots uint32
	class uint8
	// from is the scored language and doc the match was found in.
	from    *scored
	fromDoc int32
	other   bool // a row of Options.AllLangs
}

// Find is Search with the words that matched nothing and a suggestion for them.
func (ix *Index) Find(text string, opt Options) Result {
	q := ix.compile(text)
	var res Result
	if len(q.slots) == 0 || len(ix.langs) == 0 {
		return res
	}
	res.Unmatched, res.DidYouMean = q.unmatched()
	if q.namesSomethingElse() {
		return res
	}
	first := 0
	for i, li := range ix.langs {
		if li.lang == opt.Lang {
			first = i
		}
	}
	scs := make([]*scored, len(ix.langs))
	for i, lq := range q.langs {
		scs[i] = q.score(lq)
	}
	// The reader's language: each section at the best of its own score and the
	// other languages' score for the same section.
	mine := scs[first]
	byDoc := map[int32]int{}
	var rows []row
	for _, d := range mine.touched {
		byDoc[d] = len(rows)
		rows = append(rows, row{li: mine.li, doc: d, score: mine.score[d], slots: mine.slots[d], class: mine.class[d], from: mine, fromDoc: d})
	}
	for i, sc := range scs {
		if i == first {
			continue
		}
		for _, d := range sc.touched {
			md := ix.counterpart(sc.li, d, mine.li)
			if md < 0 {
				continue
			}
			s := wOther * sc.score[d]
			r := row{li: mine.li, doc: md, score: s, slots: sc.slots[d], class: cOther, from: sc, fromDoc: d}
			if j, ok := byDoc[md]; !ok {
				byDoc[md] = len(rows)
				rows = append(rows, r)
			} else if s > rows[j].score {
				// The section matched in the reader's language too: it ranks by
				// the better score, but is shown as found in its own text (its
				// marks, its snippet), not "via" the other language.
				rows[j].score = s
			}
		}
	}
	sortRows(rows)
	q.preferAnswers(rows)
	if opt.AllLangs {
		for i, sc := range scs {
			if i == first {
				continue
			}
			var more []row
			for _, d := range sc.touched {
				more = append(more, row{li: sc.li, doc: d, score: sc.score[d], slots: sc.slots[d], class: sc.class[d], from: sc, fromDoc: d, other: true})
			}
			sortRows(more)
			rows = append(rows, more...)
		}
	}
	rows = ix.oneVersion(rows)
	if opt.Limit > 0 && len(rows) > opt.Limit {
		rows = rows[:opt.Limit]
	}
	width := opt.Width
	if width == 0 {
		width = SnippetRunes
	}
	width = min(max(width, 20), maxWidth)
	if len(rows) == 0 {
		return res
	}
	res.Hits = make([]Hit, 0, len(rows))
	for _, r := range rows {
		res.Hits = append(res.Hits, q.hit(r, width))
	}
	return res
}

// sortRows orders rows best first: by score, then by the number of words
// matched, then in reading order.
func sortRows(rows []row) {
	slices.SortStableFunc(rows, func(a, b row) int {
		if c := cmpDesc(a.score, b.score); c != 0 {
			return c
		}
		if na, nb := bits.OnesCount32(a.slots), bits.OnesCount32(b.slots); na != nb {
			return nb - na
		}
		return int(a.doc - b.doc)
	})
}

// unmatched returns the query's words that match nothing, and the query with
// each replaced by the closest word of the index, if any is close enough.
func (q *query) unmatched() ([]string, string) {
	var words []string
	var b strings.Builder
	prev, changed := 0, false
	for i, s := range q.slots {
		if q.matched[i] {
			continue
		}
		words = append(words, q.text[s.start:s.end])
		if sug := q.suggest(i); sug != "" {
			b.WriteString(q.text[prev:s.start])
			b.WriteString(sug)
			prev, changed = s.end, true
		}
	}
	if !changed {
		return words, ""
	}
	b.WriteString(q.text[prev:min(len(q.text), MaxQueryBytes)])
	return words, strings.TrimSpace(b.String())
}

// suggestEdits is how far a word the briefing lacks may be from the word
// suggested for it: one edit up to 6 letters, two from 7 ("Zepplnn" for
// "zeppelin", not "paesi" for "paris").
func suggestEdits(n int) int {
	if n >= 7 {
		return 2
	}
	return 1
}

// suggest returns the closest word of the index to query word i, which matched
// nothing: within suggestEdits, never a stop word, and found in one section
// with the query's other matched words, so that the suggestion is a phrase the
// briefing holds ("paesi call" is none); among the closest, the one in most
// sections.
func (q *query) suggest(i int) string {
	s := q.slots[i]
	if !s.letters || s.n < 3 || s.n > maxWordRunes {
		return ""
	}
	k := suggestEdits(s.n)
	best, bestD, bestDF := "", k+1, 0
	for _, lq := range q.langs {
		li := lq.li
		for l := max(s.n-k, 3); l <= s.n+k && l < len(li.byLen); l++ {
			for _, id := range li.byLen[l] {
				if li.stop[id] || isNoise(li.words[id]) {
					continue
				}
				d := distance(s.word, li.words[id], k, false)
				if d >= 2 && !sameFirstRune(s.word, li.words[id]) {
					// Two edits and another first letter is more often a name the
					// briefing lacks than a typo ("tallinn" is not "calling").
					continue
				}
				df := int(li.wdocOff[id+1] - li.wdocOff[id])
				if d <= k && (d < bestD || (d == bestD && df > bestDF)) && q.together(lq, i, id) {
					best, bestD, bestDF = li.display[id], d, df
				}
			}
		}
	}
	return best
}

// sameFirstRune reports whether a and b begin with the same letter.
func sameFirstRune(a, b string) bool {
	ra, _ := utf8.DecodeRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	return ra == rb
}

// together reports whether some section of lq's language holds word id and a
// match of each matched query word but slot i.
func (q *query) together(lq *langQuery, i int, id int32) bool {
	li := lq.li
	for _, d := range li.wdoc[li.wdocOff[id]:li.wdocOff[id+1]] {
		ok := true
		for j := range q.slots {
			if j == i || !q.matched[j] || isStop(q.slots[j].word) {
				continue
			}
			if !lq.docHas(d, j) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// docHas reports whether doc d matches slot j by its word, key or alternatives.
func (lq *langQuery) docHas(d int32, j int) bool {
	li, m := lq.li, &lq.slots[j]
	has := func(k int32) bool {
		ps := li.post[li.postOff[k]:li.postOff[k+1]]
		x, found := slices.BinarySearchFunc(ps, d, func(p posting, d int32) int { return int(p.doc - d) })
		return found && x >= 0
	}
	if m.key >= 0 && has(m.key) {
		return true
	}
	for _, a := range m.alts {
		if has(a.key) {
			return true
		}
	}
	return false
}

// passing reports whether glossary entry d matches the query only through
// what its summary says in passing: the query mentions none of the concepts
// the entry is the entry of, and matches under a third of the words of its heading
// (by their weight).
// Such an entry points to the section that treats the subject ("A NATO guide,
// which MAECI takes part in refining" for "what does MAECI do in NATO"), and
// ranks a little lower than it would.
func (q *query) passing(lq *langQuery, d int32) bool {
	for _, c := range lq.li.own[d] {
		for _, m := range q.mentions {
			if slices.Contains(m.concepts, c) {
				return false
			}
		}
	}
	// The heading's words weighed by their rarity: "pledge" is most of "Cyber
	// Defence Pledge", "cyber" little of it.
	li := lq.li
	have, all := 0.0, 0.0
	for _, k := range li.heads[d] {
		w := idf(len(li.docs), int(li.postOff[k+1]-li.postOff[k]))
		all += w
		if info, ok := lq.keys[k]; ok && info.slots != 0 {
			have += w
		}
	}
	return 3*have < all
}
