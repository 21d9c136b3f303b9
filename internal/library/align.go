package library

// Alignment: which passage of a page in one language is the same passage in the
// other. Sections pair by position on every page but the glossary, whose entries
// pair through the term base (terms.yaml), so that each language can list its
// entries in its own alphabetical order. Blocks pair by position inside paired
// sections (lint checks that paired sections have the same blocks).

// pairSections returns, for each section of a, the index of the same section in b
// (-1 when b has none).
func pairSections(a, b *Page, terms []Term) []int {
	out := make([]int, len(a.Sections))
	for i := range a.Sections {
		out[i] = -1
		if i < len(b.Sections) {
			out[i] = i
		}
	}
	if a.Kind != PageGlossary || len(terms) == 0 {
		return out
	}
	for i, s := range a.Sections {
		if s.Heading.Level < 2 {
			continue
		}
		for _, t := range terms {
			if t.ByLang[a.Lang].Anchor != s.Heading.Anchor {
				continue
			}
			if j := b.SectionByAnchor(t.ByLang[b.Lang].Anchor); j >= 0 {
				out[i] = j
			}
			break
		}
	}
	return out
}

// alignment holds the section pairs of the pages paired so far.
type alignment map[string]map[string][]int // page id -> "en>it" -> pairs

// pairing is the section pairs of page id from one language to another (for
// each section of from, its counterpart in to, or -1), worked out on first use.
func (l *Library) pairing(id, from, to string) []int {
	key := from + ">" + to
	l.pairsMu.Lock()
	pairs, ok := l.pairs[id][key]
	l.pairsMu.Unlock()
	if ok {
		return pairs
	}
	p, q := l.Page(from, id), l.Page(to, id)
	if p == nil || q == nil {
		return nil
	}
	pairs = pairSections(p, q, l.terms())
	l.pairsMu.Lock()
	defer l.pairsMu.Unlock()
	if l.pairs[id] == nil {
		l.pairs[id] = map[string][]int{}
	}
	l.pairs[id][key] = pairs
	return pairs
}

// CounterpartSection returns the section of page id in language to that holds the
// same passage as section sec in language from, or -1.
func (l *Library) CounterpartSection(id, from string, sec int, to string) int {
	if from == to {
		return sec
	}
	pairs := l.pairing(id, from, to)
	if sec < 0 || sec >= len(pairs) {
		return -1
	}
	return pairs[sec]
}

// CounterpartBlock returns the block of page id in language to that is the same
// passage as block b in language from, or -1. When the paired section has fewer
// blocks (content being edited), its last block stands in.
func (l *Library) CounterpartBlock(id, from string, b int, to string) int {
	p, q := l.Page(from, id), l.Page(to, id)
	if p == nil || q == nil || b < 0 || b >= len(p.Blocks) {
		return -1
	}
	if from == to {
		return b
	}
	s := p.Blocks[b].Section
	t := l.CounterpartSection(id, from, s, to)
	if t < 0 {
		return -1
	}
	off := b - p.Sections[s].First
	sec := q.Sections[t]
	return min(sec.First+off, sec.End-1)
}
