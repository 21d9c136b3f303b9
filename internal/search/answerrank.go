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
	// wAnswer is what a section that holds the fact asked for gains;
	// wSymbol when the fact is a document's symbol or a thing's number, which
	// few sections hold and none can answer without.
	wAnswer = 1.35
	wSymbol = 1.6
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
		if lq := q.langQueryOf(r.li); lq != nil && q.holdsAnswer(lq, r.doc, q.ask) {
			if q.ask == askSymbol {
				r.score *= wSymbol
			} else {
				r.score *= wAnswer
			}
			changed = true
		}
	}
	if changed {
		sortRows(rows)
	}
}

// holdsAnswer reports whether the passage the snippet of doc d shows (the
// sentence bestBlock centres it on) holds the kind of fact a asks for; for a
// date, a heading that is one (a year of the timeline) holds it too. Another
// sentence of the section holding some other fact (a GGE's symbol in the key
// facts, for the second OEWG's) does not count: the row would not show it.
func (q *query) holdsAnswer(lq *langQuery, d int32, a ask) bool {
	li := lq.li
	doc := &li.docs[d]
	if a == askWhen && doc.dated {
		return true
	}
	p := doc.page
	s := &p.Sections[doc.section]
	bi, ms, focus := bestBlock(lq, d, p, s, q.snippetWeights(), a)
	if bi < 0 || focus[1] <= focus[0] {
		return false
	}
	text := p.Blocks[bi].Text
	var words []tok
	for _, t := range li.blockToks(d, bi) {
		if int(t.start) >= focus[0] && int(t.end) <= focus[1] {
			words = append(words, t)
		}
	}
	first := false
	if doc.kind == Term && focus[0] == 0 {
		first = true
		for b := s.First; b < bi; b++ {
			if p.Blocks[b].Kind != library.KindHeading && !li.blockRestated(d, b) {
				first = false
			}
		}
	}
	return answersOf(a, text, words, li, li.extra, focus[1], first, ms)
}
