package search

import (
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// Answer-type preference: a question that asks for a fact of a kind that few
// sentences hold (when: a date; how many: a number; a document's symbol) ranks
// the sections that hold such a fact, next to the words it asks about, above
// those that only name the subject. The snippet then shows the fact
// (bestBlock picks the same sentence).

const (
	// wAnswer is what a section that holds the fact asked for gains.
	wAnswer = 1.35
	// maxAnswerRerank is how many of the best rows are looked at.
	maxAnswerRerank = 8
)

// prefersAnswer reports whether a query's kind of question reorders the hits
// by the facts they hold.
func (q *query) prefersAnswer() bool {
	return q.ask == askWhen || q.ask == askCount || q.ask == askSymbol
}

// preferAnswers raises the best rows whose section holds the fact the query
// asks for, then sorts the rows again.
func (q *query) preferAnswers(rows []row) {
	if !q.prefersAnswer() || len(rows) < 2 {
		return
	}
	changed := false
	for i := range rows[:min(len(rows), maxAnswerRerank)] {
		r := &rows[i]
		if lq := q.langQueryOf(r.li); lq != nil && lq.holdsAnswer(r.doc, q.ask) {
			r.score *= wAnswer
			changed = true
		}
	}
	if changed {
		sortRows(rows)
	}
}

// holdsAnswer reports whether doc d has a block that matches the query and a
// sentence in it that holds the kind of fact a asks for (as bestBlock reads it);
// for a date, a heading that is one (a year of the timeline) holds it too.
func (lq *langQuery) holdsAnswer(d int32, a ask) bool {
	li := lq.li
	doc := &li.docs[d]
	if a == askWhen && doc.dated {
		return true
	}
	p := doc.page
	s := &p.Sections[doc.section]
	var ms []mark
	firstText := true
	for bi := s.First; bi < s.End && bi < len(p.Blocks); bi++ {
		if p.Blocks[bi].Kind == library.KindHeading || li.blockRestated(d, bi) {
			continue
		}
		text := p.Blocks[bi].Text
		ts := li.blockToks(d, bi)
		ms = lq.marksOf(text, ts, li.extra, ms[:0])
		if len(ms) == 0 {
			firstText = false
			continue
		}
		rest := ts
		for si, sen := range sentences(text) {
			k := 0
			for k < len(rest) && int(rest[k].end) <= sen[1] {
				k++
			}
			words := rest[:k]
			rest = rest[k:]
			first := firstText && si == 0 && doc.kind == Term
			if answersOf(a, text, words, li, li.extra, sen[1], first, ms) {
				return true
			}
		}
		firstText = false
	}
	return false
}
