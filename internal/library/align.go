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

// alignment holds the section pairs of every page, computed once at Load.
type alignment map[string]map[string][]int // page id -> "en>it" -> pairs

func (l *Library) align() {
	l.pairs = alignment{}
	for _, a := range Languages() {
		for _, b := range Languages() {
			if a == b {
				continue
			}
			for _, p := range l.pages[a] {
				q := l.Page(b, p.ID)
				if q == nil {
					continue
				}
				if l.pairs[p.ID] == nil {
					l.pairs[p.ID] = map[string][]int{}
				}
				l.pairs[p.ID][a+">"+b] = pairSections(p, q, l.terms)
			}
		}
	}
}

// CounterpartSection returns the section of page id in language to that holds the
// same passage as section sec in language from, or -1.
func (l *Library) CounterpartSection(id, from string, sec int, to string) int {
	if from == to {
		return sec
	}
	pairs := l.pairs[id][from+">"+to]
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
