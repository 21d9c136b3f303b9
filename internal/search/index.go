package search

import (
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/snowballstem"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// The fields of a section, each weighed on its own by BM25F.
const (
	fHeading = iota // the section's heading
	fTerms          // for a glossary entry: its term, acronym and synonyms
	fContext        // the headings above it: the page title, the parent heading
	fBody           // its text
	nFields
)

// Ranking parameters (BM25F, Robertson and Zaragoza's formulation): field
// weights, per-field length normalisation, and the saturation k1.
var (
	fieldWeight = [nFields]float64{fHeading: 4, fTerms: 2, fContext: 0.5, fBody: 1}
	fieldB      = [nFields]float64{fHeading: 0.3, fTerms: 0.3, fContext: 0.3, fBody: 0.6}
)

const bm25K1 = 1.2

// gap separates blocks in a document's word stream: no phrase crosses it, and
// proximity counts it as this many words.
const (
	gap      = -1
	gapWidth = 8
)

// doc is one section of one page in one language: the unit search ranks.
type doc struct {
	page    *library.Page
	section int32
	kind    Kind
	// dated: its heading is a date ("2016", "2021-2025"), as on a timeline.
	dated bool
	// toks are the word ids of its fields, field after field, with gap between
	// blocks and fields; toks[fstart[f]:fstart[f+1]] belong to field f.
	toks   []int32
	fstart [nFields + 1]int32
	lens   [nFields]float32 // words per field
	// fw is each field's weight divided by its length normalisation: the
	// BM25F pseudo-frequency of a key is the sum over fields of tf * fw.
	fw [nFields]float64
	// head is the range of langIndex.btoks holding the words of its heading;
	// blocks is the index in langIndex.boff of its first block (Blocks[First]).
	head   [2]int32
	blocks int32
}

// tok is one word of a heading or a block as the build found it: its byte range
// in the text, its word (an index in langIndex.words, or -1-i for the i-th of
// the words the index does not hold, see langIndex.extra) and its key (-1 when
// the index has none). Snippets are chosen and marked from these, never by
// scanning the text again.
type tok struct {
	start, end int32
	word, key  int32
}

// posting is one document holding a key or a concept, with its frequency per field.
type posting struct {
	doc int32
	tf  [nFields]uint16
}

// langIndex is the index of one language.
type langIndex struct {
	lang string
	an   analyzer
	docs []doc
	// first maps a page id to the id of its first section's doc; its sections
	// follow in order.
	first map[string]int32

	// words are the folded words of the text, sorted; wordID maps a word to its
	// index. Each word has a key (stem), a display form (its first occurrence,
	// lower case, accents kept) and the documents it is in.
	words   []string
	wordID  map[string]int32
	wordKey []int32
	stop    []bool // whether each word is a stop word
	display []string
	wdocOff []int32 // documents holding words[i]: wdoc[wdocOff[i]:wdocOff[i+1]]
	wdoc    []int32
	// byLen lists the ids of the letter-only words by length in runes, for typo scans.
	byLen [][]int32

	// keys, and for each the documents holding it with its frequencies.
	keys    []string
	keyID   map[string]int32
	postOff []int32
	post    []posting
	df      []int32 // documents per key

	// concepts: for each glossary concept, the documents where one of its names
	// occurs, and its names as key sequences (this language's analysis).
	cpostOff []int32
	cpost    []posting
	cnames   [][][]string
	// bags are the concepts' names of two words or more and their phrases, as
	// key sets a query may hold in any order (see findMentions); bagsByKey lists
	// the bags that hold each key.
	bags      []bag
	bagsByKey map[string][]int32
	// own lists, per doc, the concepts it is the glossary entry of.
	own map[int32][]int

	avg [nFields]float64 // average field length

	// pos is each doc's position: the same section in every language has the
	// same position (statistics count positions, not docs; see Index.npos).
	pos []int32
	// heads are the keys of each doc's heading, stop words left out.
	heads [][]int32

	// The words of each doc's heading and blocks (see doc.head, doc.blocks):
	// block k's are btoks[boff[k]:boff[k+1]], and each doc's last block is
	// followed by the end of its words. extra are the folded forms of
	// those the index does not hold (the words of a block of links only), with
	// their keys and whether each is a stop word. restated tells, per block,
	// whether it says nothing but the names of the concept its doc is the
	// glossary entry of (see restates).
	btoks     []tok
	boff      []int32
	extra     []string
	extraKey  []string
	extraStop []bool
	restated  []bool
}

// bag is a name or phrase of a concept as a set of keys.
type bag struct {
	concept int
	keys    []string
}

// concept is one entry of the term base: a glossary entry in every language.
type concept struct {
	id string
	// names are the ways of naming it: term, acronym and synonyms, in every language.
	names []string
	// phrases are the everyday words for it, by language: a query holding one's
	// words in any order mentions the concept. Each is analysed in its own
	// language only: the query is matched in both.
	phrases map[string][]string
	// forms holds, per language, the words of the term base for that language's
	// section of the concept (its "terms" field) and that section.
	forms map[string]conceptForm
}

type conceptForm struct {
	text    string // term, acronym, synonyms and phrases, one a line
	page    string
	section int   // -1 when the anchor names no section
	also    []int // further sections of the concept (Term.Also), on their pages
	alsoPg  []string
}

// Index is a search index over every section of every page of a library, in
// every language. It is read-only after New and safe for concurrent use.
type Index struct {
	lib      *library.Library
	langs    []*langIndex // in library.Languages order, those with pages
	concepts []concept
	// npos is the number of positions: sections counted once across languages.
	// Document frequencies count positions, so that a word is as rare in the
	// other language's index as in the whole briefing (the Italian "diplomazia"
	// is rare in English text, not in the briefing).
	npos int
}

// New indexes every section of every page of lib in every language of
// library.Languages, with the concepts of its term base (library.Terms), or, when
// it has none, those named by the "##" headings of its glossary page. A nil
// library gives an empty index.
func New(lib *library.Library) *Index {
	ix := &Index{lib: lib}
	if lib == nil {
		return ix
	}
	ix.concepts = concepts(lib)
	// The languages are built side by side: the index is built at start-up.
	built := make([]*langIndex, len(library.Languages()))
	var wg sync.WaitGroup
	for i, lang := range library.Languages() {
		if pages := lib.Pages(lang); len(pages) > 0 {
			wg.Go(func() { built[i] = buildLang(lang, pages, ix.concepts) })
		}
	}
	wg.Wait()
	for _, li := range built {
		if li != nil {
			ix.langs = append(ix.langs, li)
		}
	}
	for i, li := range ix.langs {
		li.pos = make([]int32, len(li.docs))
		for d := range li.docs {
			li.pos[d] = -1
			if i > 0 {
				od := ix.counterpart(li, int32(d), ix.langs[0])
				if od >= 0 {
					li.pos[d] = ix.langs[0].pos[od]
				}
			}
			if li.pos[d] < 0 {
				li.pos[d] = int32(ix.npos)
				ix.npos++
			}
		}
	}
	return ix
}

// concepts returns the term base of lib as concepts.
func concepts(lib *library.Library) []concept {
	var out []concept
	glossaryID := lib.IDOfKind(library.PageGlossary) // the page whose "##" sections are glossary entries
	if terms := lib.Concepts(); len(terms) > 0 {
		first := library.Languages()[0]
		for _, t := range terms {
			pid := t.Page // lib.PageID(t), without looking for the glossary again
			if pid == "" {
				pid = glossaryID
			}
			c := concept{id: t.ID, forms: map[string]conceptForm{}, phrases: map[string][]string{}}
			var folded []string // of c.names
			for _, lang := range library.Languages() {
				f, ok := t.ByLang[lang]
				if !ok {
					continue
				}
				var lines []string
				for _, n := range append([]string{f.Term, f.Acronym}, f.Synonyms...) {
					if n = strings.TrimSpace(n); n != "" {
						lines = append(lines, n)
						c.names, folded = appendName(c.names, folded, n)
					}
				}
				for _, n := range f.Phrases {
					if n = strings.TrimSpace(n); n != "" {
						lines = append(lines, n)
						c.phrases[lang] = append(c.phrases[lang], n)
					}
				}
				sec := -1
				if p := lib.Page(lang, pid); p != nil && f.Anchor != "" {
					if sec = p.SectionByAnchor(f.Anchor); sec >= 0 && t.InGlossary() {
						// The entry's heading names it too ("OEWG (Open-ended Working Group)").
						for _, n := range headingNames(p.Sections[sec].Heading.Text) {
							c.names, folded = appendName(c.names, folded, n)
						}
					}
				}
				cf := conceptForm{text: strings.Join(lines, "\n"), page: pid, section: sec}
				for _, ref := range t.Also {
					page, anchor, _ := strings.Cut(ref, "#")
					if p := lib.Page(first, page); p != nil {
						if si := p.SectionByAnchor(anchor); si >= 0 {
							if si = lib.CounterpartSection(page, first, si, lang); si >= 0 {
								cf.also, cf.alsoPg = append(cf.also, si), append(cf.alsoPg, page)
							}
						}
					}
				}
				c.forms[lang] = cf
			}
			out = append(out, c)
		}
		return out
	}
	// No term base: each "##" heading of the glossary names a concept, aligned
	// across languages by position.
	byPos := map[int]*concept{}
	folded := map[int][]string{} // of each concept's names
	var order []int
	for _, lang := range library.Languages() {
		p := lib.Page(lang, glossaryID)
		if p == nil {
			continue
		}
		for _, s := range p.Sections {
			if s.Heading.Level != 2 {
				continue
			}
			c, ok := byPos[s.Index]
			if !ok {
				c = &concept{id: s.Heading.Anchor, forms: map[string]conceptForm{}}
				byPos[s.Index] = c
				order = append(order, s.Index)
			}
			for _, n := range headingNames(s.Heading.Text) {
				c.names, folded[s.Index] = appendName(c.names, folded[s.Index], n)
			}
			c.forms[lang] = conceptForm{page: glossaryID, section: s.Index}
		}
	}
	for _, i := range order {
		out = append(out, *byPos[i])
	}
	return out
}

// appendName adds a name unless names has it already (case and accents aside):
// folded holds the folded form of each of names, and gets n's.
func appendName(names, folded []string, n string) ([]string, []string) {
	f := foldText(n)
	if slices.Contains(folded, f) {
		return names, folded
	}
	return append(names, n), append(folded, f)
}

// headingNames returns the names a glossary heading gives: the heading, or, when
// it has a parenthesis, the part outside it ("OEWG") and each comma-separated
// part inside it ("Open-ended Working Group").
func headingNames(heading string) []string {
	open := strings.IndexByte(heading, '(')
	close := strings.LastIndexByte(heading, ')')
	if open < 0 || close < open {
		return []string{heading}
	}
	names := []string{strings.TrimSpace(heading[:open] + heading[close+1:])}
	for _, part := range strings.FieldsFunc(heading[open+1:close], func(r rune) bool { return r == ',' || r == ';' }) {
		if part = strings.TrimSpace(part); part != "" {
			names = append(names, part)
		}
	}
	return names
}

// builder holds the scratch state of building one language's index.
type builder struct {
	li    *langIndex
	ids   map[string]int32 // word -> provisional id (order of first occurrence)
	words []string         // the word of each provisional id
	disp  []string         // display form per provisional id
	// flat collects the postings of every word, in the order they are met;
	// flatWord is the provisional word id of each, last the index in flat of
	// each word's latest posting. finish groups them by word (wpost).
	flat     []posting
	flatWord []int32
	last     []int32
	wpost    [][]posting // per provisional word id, its postings in doc order
	buf      []byte
}

// groupPostings fills wpost from flat: each word's postings, in doc order, in
// one array.
func (b *builder) groupPostings() {
	nw := len(b.disp)
	start := make([]int32, nw+1)
	for _, w := range b.flatWord {
		start[w+1]++
	}
	for w := range nw {
		start[w+1] += start[w]
	}
	all := make([]posting, len(b.flat))
	at := slices.Clone(start[:nw])
	for i, w := range b.flatWord {
		all[at[w]] = b.flat[i]
		at[w]++
	}
	b.wpost = make([][]posting, nw)
	for w := range nw {
		b.wpost[w] = all[start[w]:start[w+1]:start[w+1]]
	}
}

// maxVocabGuess bounds the room set aside for a language's words before they are
// counted.
const maxVocabGuess = 1 << 14

func buildLang(lang string, pages []*library.Page, cs []concept) *langIndex {
	if li := prebuiltLang(lang, pages, cs); li != nil {
		return li // the shipped content's, made by go generate (prebuilt.go)
	}
	li := &langIndex{lang: lang, an: analyzerFor(lang), first: make(map[string]int32, len(pages))}
	n, size := 0, 0
	for _, p := range pages {
		n += len(p.Sections)
		for i := range p.Blocks {
			size += len(p.Blocks[i].Text)
		}
	}
	// Room for what the text holds, guessed from its size (the briefing's
	// English and Italian: a word every 5 or 6 bytes, a posting every 6, a new word
	// every 32 while the text is small; a vocabulary grows ever more slowly, so
	// its guess stops at maxVocabGuess), so that the arrays grow little.
	nw := min(size/32, maxVocabGuess)
	b := &builder{li: li, ids: make(map[string]int32, nw)}
	b.words = make([]string, 0, nw)
	b.disp = make([]string, 0, nw)
	b.last = make([]int32, 0, nw)
	b.flat = make([]posting, 0, size/6)
	b.flatWord = make([]int32, 0, size/6)
	li.btoks = make([]tok, 0, size/5)
	li.docs = make([]doc, 0, n)
	terms := map[[2]string]string{} // (page, section) -> terms field text
	for _, c := range cs {
		if f, ok := c.forms[lang]; ok && f.section >= 0 && f.text != "" {
			k := [2]string{f.page, itoa(f.section)}
			if terms[k] != "" {
				terms[k] += "\n"
			}
			terms[k] += f.text
		}
	}
	for _, p := range pages {
		li.first[p.ID] = int32(len(li.docs))
		for si := range p.Sections {
			b.addDoc(p, si, terms[[2]string{p.ID, itoa(si)}])
		}
	}
	b.finish()
	li.buildConcepts(cs)
	return li
}

func itoa(i int) string {
	if i < 0 {
		return "-"
	}
	var d [20]byte
	n := len(d)
	for {
		n--
		d[n] = byte('0' + i%10)
		i /= 10
		if i == 0 {
			return string(d[n:])
		}
	}
}

// addDoc indexes section si of page p.
func (b *builder) addDoc(p *library.Page, si int, terms string) {
	s := &p.Sections[si]
	d := doc{page: p, section: int32(si), kind: Body, dated: isDate(s.Heading.Text)}
	if p.Kind == library.PageGlossary && s.Heading.Level == 2 {
		d.kind = Term
	}
	id := int32(len(b.li.docs))
	li := b.li
	// Room for its words: one every 5 bytes or so of its fields' text.
	d.toks = make([]int32, 0, (len(s.Heading.Text)+len(terms)+len(s.Text)+64)/5)
	add := func(f int, text string, keep bool) {
		scanWords(text, func(start, end int) {
			b.buf = foldWord(b.buf, text[start:end])
			if len(b.buf) == 0 {
				return
			}
			w, ok := b.ids[string(b.buf)]
			if !ok {
				w = int32(len(b.disp))
				word := string(b.buf)
				b.ids[word] = w
				b.words = append(b.words, word)
				b.disp = append(b.disp, strings.ToLower(text[start:end]))
				b.last = append(b.last, -1)
			}
			d.toks = append(d.toks, w)
			if keep {
				li.btoks = append(li.btoks, tok{start: int32(start), end: int32(end), word: w})
			}
			d.lens[f]++
			// Each word's postings come in doc order: this doc's is the last one.
			if l := b.last[w]; l < 0 || b.flat[l].doc != id {
				b.last[w] = int32(len(b.flat))
				b.flat = append(b.flat, posting{doc: id})
				b.flatWord = append(b.flatWord, w)
			}
			tf := &b.flat[b.last[w]].tf[f]
			*tf = satAdd(*tf, 1)
		})
		d.toks = append(d.toks, gap)
	}
	for f := 0; f < nFields; f++ {
		d.fstart[f] = int32(len(d.toks))
		switch f {
		case fHeading:
			d.head[0] = int32(len(li.btoks))
			if s.Heading.Block >= 0 {
				add(f, s.Heading.Text, true)
			}
			d.head[1] = int32(len(li.btoks))
		case fTerms:
			for line := range strings.SplitSeq(terms, "\n") {
				add(f, line, false)
			}
		case fContext:
			for _, h := range ancestors(p, si) {
				add(f, h, false)
			}
		case fBody:
			d.blocks = int32(len(li.boff))
			for i := range p.Blocks[s.First:s.End] {
				bl := &p.Blocks[s.First+i]
				li.boff = append(li.boff, int32(len(li.btoks)))
				switch {
				case bl.Kind == library.KindHeading:
				case linkOnly(p, bl):
					// Not indexed, but a passage a snippet may show: its words
					// are resolved when the vocabulary is known (finish).
					b.keepExtra(bl.Text)
				default:
					add(f, bl.Text, true)
				}
			}
			li.boff = append(li.boff, int32(len(li.btoks))) // the end of the last block
		}
	}
	d.fstart[nFields] = int32(len(d.toks))
	d.toks = slices.Clip(d.toks)
	b.li.docs = append(b.li.docs, d)
}

// keepExtra records the words of a text the index does not count, as words
// of langIndex.extra (finish resolves those the index holds).
func (b *builder) keepExtra(text string) {
	li := b.li
	scanWords(text, func(start, end int) {
		b.buf = foldWord(b.buf, text[start:end])
		if len(b.buf) == 0 {
			return
		}
		li.btoks = append(li.btoks, tok{start: int32(start), end: int32(end), word: int32(-1 - len(li.extra))})
		li.extra = append(li.extra, string(b.buf))
	})
}

// ancestors returns the headings above section si: those of the nearest sections
// before it with a lower level, outermost first.
func ancestors(p *library.Page, si int) []string {
	var out []string
	level := p.Sections[si].Heading.Level
	for i := si - 1; i >= 0 && level > 1; i-- {
		h := p.Sections[i].Heading
		if h.Level < level && h.Level > 0 {
			out = append(out, h.Text)
			level = h.Level
		}
	}
	slices.Reverse(out)
	return out
}

// linkOnly reports whether a block is nothing but links (a "Related" list item):
// navigation, not text, so it is not indexed.
func linkOnly(p *library.Page, bl *library.Block) bool {
	if len(bl.Links) == 0 {
		return false
	}
	rest := bl.Text
	for _, li := range bl.Links {
		if li >= 0 && li < len(p.Links) {
			rest = strings.Replace(rest, p.Links[li].Text, "", 1)
		}
	}
	return strings.TrimFunc(rest, func(r rune) bool { return runeClass(r) == classOther }) == ""
}

// finish sorts the vocabulary, computes keys and fills the postings.
func (b *builder) finish() {
	li := b.li
	b.groupPostings()
	nw := len(b.disp)
	li.words = slices.Clone(b.words)
	slices.Sort(li.words)
	order := make([]int32, nw)
	rank := make([]int32, nw)
	li.display = make([]string, nw)
	for r, w := range li.words {
		id := b.ids[w]
		order[r] = id
		rank[id] = int32(r)
		li.display[r] = b.disp[id]
	}
	li.wordID = b.ids
	for w, id := range li.wordID {
		li.wordID[w] = rank[id]
	}
	for i := range li.docs {
		for j, t := range li.docs[i].toks {
			if t != gap {
				li.docs[i].toks[j] = rank[t]
			}
		}
	}
	// Word postings (documents only) and keys.
	st := newStemmer(li.an)
	li.wdocOff = make([]int32, nw+1)
	li.wordKey = make([]int32, nw)
	li.stop = make([]bool, nw)
	li.keyID = make(map[string]int32, nw)
	li.keys = make([]string, 0, nw)
	total := 0
	for r, id := range order {
		total += len(b.wpost[id])
		li.wdocOff[r+1] = int32(total)
		li.stop[r] = isStop(li.words[r])
		k := st.keyInOrder(li.words[r])
		kid, ok := li.keyID[k]
		if !ok {
			kid = int32(len(li.keys))
			li.keyID[k] = kid
			li.keys = append(li.keys, k)
		}
		li.wordKey[r] = kid
		if isLetters(li.words[r]) {
			n := runeLen(li.words[r])
			if n <= maxWordRunes {
				for len(li.byLen) <= n {
					li.byLen = append(li.byLen, nil)
				}
				li.byLen[n] = append(li.byLen[n], int32(r))
			}
		}
	}
	// The words kept for snippets: their final ids and keys.
	li.extraKey = make([]string, len(li.extra))
	li.extraStop = make([]bool, len(li.extra))
	extraKeys := map[string]string{} // each word stemmed once
	for i, w := range li.extra {
		li.extraStop[i] = isStop(w)
		if id, ok := li.wordID[w]; ok {
			li.extraKey[i] = li.keys[li.wordKey[id]]
			continue
		}
		k, ok := extraKeys[w]
		if !ok {
			k = st.key(w)
			extraKeys[w] = k
		}
		li.extraKey[i] = k
	}
	for i := range li.btoks {
		t := &li.btoks[i]
		if t.word >= 0 {
			t.word = rank[t.word]
		} else if id, ok := li.wordID[li.extra[-1-t.word]]; ok {
			t.word = id
		}
		if t.word >= 0 {
			t.key = li.wordKey[t.word]
		} else if id, ok := li.keyID[li.extraKey[-1-t.word]]; ok {
			t.key = id
		} else {
			t.key = -1
		}
	}
	// The words of each key, in order, in one array.
	kstart := make([]int32, len(li.keys)+1)
	for _, k := range li.wordKey {
		kstart[k+1]++
	}
	for k := range li.keys {
		kstart[k+1] += kstart[k]
	}
	kw := make([]int32, nw)
	at := slices.Clone(kstart[:len(li.keys)])
	for r, id := range order {
		k := li.wordKey[r]
		kw[at[k]] = id
		at[k]++
	}
	li.wdoc = make([]int32, 0, total)
	for _, id := range order {
		for _, p := range b.wpost[id] {
			li.wdoc = append(li.wdoc, p.doc)
		}
	}
	// Key postings: the postings of the key's words, merged by doc.
	li.postOff = make([]int32, len(li.keys)+1)
	li.df = make([]int32, len(li.keys))
	li.post = make([]posting, 0, total)
	for kid := range li.keys {
		ws := kw[kstart[kid]:kstart[kid+1]]
		start := len(li.post)
		if len(ws) == 1 {
			li.post = append(li.post, b.wpost[ws[0]]...)
		} else {
			for _, w := range ws {
				li.post = append(li.post, b.wpost[w]...)
			}
			ps := li.post[start:]
			slices.SortStableFunc(ps, func(x, y posting) int { return int(x.doc - y.doc) })
			out := ps[:0]
			for _, p := range ps {
				if n := len(out); n > 0 && out[n-1].doc == p.doc {
					for f := range p.tf {
						out[n-1].tf[f] = satAdd(out[n-1].tf[f], p.tf[f])
					}
					continue
				}
				out = append(out, p)
			}
			li.post = li.post[:start+len(out)]
		}
		li.postOff[kid+1] = int32(len(li.post))
		li.df[kid] = int32(len(li.post) - start)
	}
	var sum [nFields]float64
	for i := range li.docs {
		for f := range sum {
			sum[f] += float64(li.docs[i].lens[f])
		}
	}
	for f := range sum {
		li.avg[f] = max(sum[f]/float64(max(len(li.docs), 1)), 1)
	}
	li.heads = make([][]int32, len(li.docs))
	for i := range li.docs {
		d := &li.docs[i]
		for _, t := range d.toks[d.fstart[fHeading]:d.fstart[fHeading+1]] {
			if t != gap && !li.stop[t] {
				li.heads[i] = append(li.heads[i], li.wordKey[t])
			}
		}
		for f := range d.fw {
			d.fw[f] = fieldWeight[f] / (1 - fieldB[f] + fieldB[f]*float64(d.lens[f])/li.avg[f])
		}
	}
}

func satAdd(a, b uint16) uint16 {
	if s := uint32(a) + uint32(b); s < 1<<16 {
		return uint16(s)
	}
	return 1<<16 - 1
}

// namer analyses the names and phrases of the concepts for one language's
// index: a word of the text has its key already, any other is stemmed once.
type namer struct {
	li   *langIndex
	st   *stemmer
	buf  []byte
	memo map[string]string // key of each folded word the text does not hold ("" for a stop word)
	// keys holds the keys of the names analysed so far, one after the other:
	// each name's are a slice of it.
	keys []string
}

// analyze returns the keys of a name's words, stop words left out.
func (an *namer) analyze(name string) []string {
	li := an.li
	from := len(an.keys)
	keys := an.keys
	scanWords(name, func(start, end int) {
		an.buf = foldWord(an.buf, name[start:end])
		if len(an.buf) == 0 {
			return
		}
		if id, ok := li.wordID[string(an.buf)]; ok {
			if !li.stop[id] {
				keys = append(keys, li.keys[li.wordKey[id]])
			}
			return
		}
		k, ok := an.memo[string(an.buf)]
		if !ok {
			w := string(an.buf)
			if !isStop(w) {
				k = an.st.key(w)
			}
			an.memo[w] = k
		}
		if k != "" {
			keys = append(keys, k)
		}
	})
	an.keys = keys
	return keys[from:len(keys):len(keys)]
}

// buildConcepts finds where each concept is named: the documents holding one of
// its names as consecutive words (stop words skipped), with the count per field.
// A concept's own glossary section counts as naming it in its terms field.
func (li *langIndex) buildConcepts(cs []concept) {
	an := &namer{li: li, st: newStemmer(li.an), memo: map[string]string{}, keys: make([]string, 0, 1024)}
	li.cnames = make([][][]string, len(cs))
	li.cpostOff = make([]int32, len(cs)+1)
	// Names as key-id sequences, indexed by their first key.
	type name struct {
		c    int
		keys []int32
	}
	byFirst := map[int32][]name{}
	idArena := make([]int32, 0, 1024) // holds the ids of every name, one after the other
	// The bags of each key, in the order of the bags: each key's slot (order
	// of first use), then the bag and slot of each pair.
	slot := map[string]int32{}
	var slotKey []string
	var pairBag, pairSlot []int32
	for ci, c := range cs {
		for ni, n := range append(slices.Clip(c.names), c.phrases[li.lang]...) {
			ks := an.analyze(n)
			if len(ks) == 0 {
				continue
			}
			if len(ks) > 1 || ni >= len(c.names) {
				id := int32(len(li.bags))
				li.bags = append(li.bags, bag{ci, ks})
				for i, k := range ks {
					if !slices.Contains(ks[:i], k) {
						sl, ok := slot[k]
						if !ok {
							sl = int32(len(slotKey))
							slot[k] = sl
							slotKey = append(slotKey, k)
						}
						pairBag, pairSlot = append(pairBag, id), append(pairSlot, sl)
					}
				}
			}
			if ni >= len(c.names) {
				// A phrase is matched in a query, never looked for in the text:
				// everyday words say other things too.
				continue
			}
			li.cnames[ci] = append(li.cnames[ci], ks)
			from := len(idArena)
			idArena = append(idArena, make([]int32, len(ks))...)
			ids := idArena[from:len(idArena):len(idArena)]
			ok := true
			for i, k := range ks {
				id, found := li.keyID[k]
				ids[i], ok = id, ok && found
			}
			if ok {
				byFirst[ids[0]] = append(byFirst[ids[0]], name{ci, ids})
			}
		}
	}
	// The bags by key, each key's in the order of the bags, in one array.
	start := make([]int32, len(slotKey)+1)
	for _, sl := range pairSlot {
		start[sl+1]++
	}
	for sl := range slotKey {
		start[sl+1] += start[sl]
	}
	all := make([]int32, len(pairBag))
	at := slices.Clone(start[:len(slotKey)])
	for i, sl := range pairSlot {
		all[at[sl]] = pairBag[i]
		at[sl]++
	}
	li.bagsByKey = make(map[string][]int32, len(slotKey))
	for sl, k := range slotKey {
		li.bagsByKey[k] = all[start[sl]:start[sl+1]:start[sl+1]]
	}
	// Each concept's own glossary section.
	own := map[int32][]int{}
	li.own = own
	for ci, c := range cs {
		if f, ok := c.forms[li.lang]; ok {
			if d := li.docOf(f.page, f.section); d >= 0 {
				own[d] = append(own[d], ci)
			}
			for i, si := range f.also {
				if d := li.docOf(f.alsoPg[i], si); d >= 0 && !slices.Contains(own[d], ci) {
					own[d] = append(own[d], ci)
				}
			}
		}
	}
	// The blocks that restate their glossary entry's names: no passage to show.
	li.restated = make([]bool, len(li.boff))
	var scratch []string
	for d := range own {
		doc := &li.docs[d]
		s := &doc.page.Sections[doc.section]
		for k := range s.End - s.First {
			bk := int(doc.blocks) + k
			li.restated[bk], scratch = li.restates(d, li.btoks[li.boff[bk]:li.boff[bk+1]], scratch[:0])
		}
	}
	perConcept := make([][]posting, len(cs))
	counts := make([][nFields]uint16, len(cs))
	var hit []int       // concepts counted in this doc
	var keys []int32    // the doc's key stream, stop words dropped, gaps kept
	var fieldOf []uint8 // the field of each of keys
	count := func(ci, f int) {
		if counts[ci] == ([nFields]uint16{}) {
			hit = append(hit, ci)
		}
		counts[ci][f] = satAdd(counts[ci][f], 1)
	}
	for di := range li.docs {
		d := &li.docs[di]
		keys, fieldOf, hit = keys[:0], fieldOf[:0], hit[:0]
		for f := 0; f < nFields; f++ {
			for _, t := range d.toks[d.fstart[f]:d.fstart[f+1]] {
				if t != gap && li.stop[t] {
					continue
				}
				k := int32(gap)
				if t != gap {
					k = li.wordKey[t]
				}
				keys = append(keys, k)
				fieldOf = append(fieldOf, uint8(f))
			}
		}
		for i, k := range keys {
			if k == gap {
				continue
			}
			for _, n := range byFirst[k] {
				if i+len(n.keys) <= len(keys) && slices.Equal(keys[i:i+len(n.keys)], n.keys) {
					count(n.c, int(fieldOf[i]))
				}
			}
		}
		for _, ci := range own[int32(di)] {
			if counts[ci][fTerms] == 0 {
				count(ci, fTerms)
			}
		}
		slices.Sort(hit)
		for _, ci := range hit {
			perConcept[ci] = append(perConcept[ci], posting{doc: int32(di), tf: counts[ci]})
			counts[ci] = [nFields]uint16{}
		}
	}
	for ci, ps := range perConcept {
		li.cpost = append(li.cpost, ps...)
		li.cpostOff[ci+1] = int32(len(li.cpost))
	}
}

// keyOf returns the key of a folded word: the one computed for the text when it
// has the word.
func (li *langIndex) keyOf(w string, env *snowballstem.Env) string {
	if id, ok := li.wordID[w]; ok {
		return li.keys[li.wordKey[id]]
	}
	return li.an.key(w, env)
}

// counterpart returns the doc of to that is the same section as doc d of from
// (library.CounterpartSection: by position, through the term base on the glossary),
// or -1.
func (ix *Index) counterpart(from *langIndex, d int32, to *langIndex) int32 {
	od := &from.docs[d]
	si := int(od.section)
	if ix.lib != nil {
		si = ix.lib.CounterpartSection(od.page.ID, from.lang, si, to.lang)
	}
	if si < 0 {
		return -1
	}
	return to.docOf(od.page.ID, si)
}

// docOf returns the doc of section si of page id, or -1.
func (li *langIndex) docOf(page string, si int) int32 {
	first, ok := li.first[page]
	if !ok || si < 0 {
		return -1
	}
	d := first + int32(si)
	if int(d) >= len(li.docs) || li.docs[d].page.ID != page {
		return -1
	}
	return d
}

// isDate reports whether a heading is a date: one or more years (1000 to 2999)
// and nothing else but punctuation ("2016", "2021-2025").
func isDate(heading string) bool {
	years := 0
	ok := true
	scanWords(heading, func(start, end int) {
		w := heading[start:end]
		if len(w) == 4 && (w[0] == '1' || w[0] == '2') && !isLetters(w) && strings.Trim(w, "0123456789") == "" {
			years++
		} else {
			ok = false
		}
	})
	return ok && years > 0
}
