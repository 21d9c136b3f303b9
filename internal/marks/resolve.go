package marks

import (
	"sort"

	"github.com/cyberdiplo/cyberdiplo/internal/cite"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// Status is what became of a marked passage in the content of today.
type Status int

const (
	OK      Status = iota // the passage reads as it did when it was marked
	Changed               // its section and block are there, its text is not what was marked
	Gone                  // its page, section or block is no longer in the briefing
)

func (s Status) String() string {
	switch s {
	case Changed:
		return "changed"
	case Gone:
		return "gone"
	}
	return "ok"
}

// Entry is a mark resolved against a library, in one language: what the list of
// marks shows and the brief prints.
type Entry struct {
	N      int    // its number in the list, from 1
	Mark   Mark   // the mark as kept
	Status Status // OK, Changed, Gone
	// Where the passage is now, in Lang (when Gone: Page is nil, Section and
	// Block are -1, and Where names the page and the anchor as they were kept).
	Lang           string // the language of Text: the one asked for, or the mark's own when the page has no counterpart there
	Page           *library.Page
	Section, Block int
	Anchor         string // its section's anchor in Lang
	Where          string // page › heading
	Text           string // the passage's plain text, as the reader's copy key copies it
	Sources        []library.Source
	Citation       string // the citation line, as show --cite writes it
}

// Untranslated says the entry is shown in the language it was marked in, because
// the page in the language asked for has no counterpart of it.
func (e Entry) Untranslated(asked string) bool { return e.Status != Gone && e.Lang != asked }

// locate finds a mark's passage in the language it was marked in: by its section's
// anchor and its block's place in the section, never by its position on the page
// (a section added above it moves the block ids, not the passage).
func locate(lib *library.Library, m Mark) (*library.Page, int, bool) {
	p := lib.Page(m.Lang, m.Page)
	if p == nil || len(p.Sections) == 0 {
		return nil, -1, false
	}
	sec := -1
	if m.Anchor == "" {
		if p.Sections[0].Heading.Block < 0 {
			sec = 0
		}
	} else {
		sec = p.SectionByAnchor(m.Anchor)
	}
	n := m.offset()
	if sec < 0 || n < 0 {
		return nil, -1, false
	}
	s := p.Sections[sec]
	b := s.First + n
	if b >= s.End {
		return nil, -1, false
	}
	return p, b, true
}

// counterpart is a mark's passage in lang: its page and block there (the mark's
// own when lang is its language). ok is false when the mark is gone or the page
// in lang has no counterpart of the passage (no page, no paired section, or a
// paired section too short to hold the block: never a neighbouring passage).
func counterpart(lib *library.Library, m Mark, lang string) (*library.Page, int, bool) {
	p, b, ok := locate(lib, m)
	if !ok || lang == m.Lang {
		return p, b, ok
	}
	q := lib.Page(lang, m.Page)
	qb := lib.CounterpartBlock(m.Page, m.Lang, b, lang)
	if q == nil || qb < 0 {
		return nil, -1, false
	}
	off := b - p.Sections[p.Blocks[b].Section].First
	if qb-q.Sections[q.Blocks[qb].Section].First != off {
		return nil, -1, false
	}
	return q, qb, true
}

// Resolve is a mark's passage in lang, in the library of today: its text and
// citation there, and whether it changed or is gone since it was marked. A
// passage that changed is shown with its new text; one whose page has no
// counterpart in lang is shown in the language it was marked in.
func Resolve(lib *library.Library, m Mark, lang string) Entry {
	e := Entry{Mark: m, Lang: lang, Section: -1, Block: -1}
	p, b, ok := locate(lib, m)
	if !ok {
		e.Status, e.Lang, e.Anchor = Gone, m.Lang, m.Anchor
		e.Where = m.Page + "#" + m.Anchor
		for _, l := range []string{lang, m.Lang} {
			if gp := lib.Page(l, m.Page); gp != nil {
				e.Where = gp.Title + " › " + m.Anchor
				if m.Anchor == "" {
					e.Where = gp.Title
				}
				break
			}
		}
		return e
	}
	if Hash(cite.Block(p, b).Text) != m.Hash {
		e.Status = Changed
	}
	if q, qb, ok := counterpart(lib, m, lang); ok {
		p, b = q, qb
	}
	ps := cite.Block(p, b)
	e.Lang, e.Page, e.Block, e.Section = p.Lang, p, b, ps.Section
	e.Anchor = anchorOf(p, ps.Section)
	e.Where, e.Text = ps.Where, ps.Text
	e.Sources = cite.SourcesOf(lib, p, ps.Section)
	e.Citation = cite.Line(lib, p, ps.Section)
	return e
}

// Order is the order of a list of marks.
type Order int

const (
	Reading Order = iota // page order (the tabs'), then the passage's place on the page
	Made                 // the order the marks were made in
)

// List resolves every mark in lang, in order, numbered from 1. In reading order a
// gone mark comes after the passages of its page (its place there is lost), and
// a mark of a page that is gone altogether comes last.
func (s *Store) List(lib *library.Library, lang string, order Order) []Entry {
	out := make([]Entry, 0, len(s.marks))
	for _, m := range s.marks {
		out = append(out, Resolve(lib, m, lang))
	}
	if order == Reading {
		rank := map[string]int{} // lang's tab order, then the pages lang lacks
		for i, p := range lib.Pages(lang) {
			rank[p.ID] = i
		}
		for i, id := range lib.IDs() {
			if _, ok := rank[id]; !ok {
				rank[id] = len(lib.Pages(lang)) + i
			}
		}
		pageRank := func(e Entry) int {
			if r, ok := rank[e.Mark.Page]; ok {
				return r
			}
			return int(^uint(0) >> 1)
		}
		blockRank := func(e Entry) int {
			if e.Status == Gone || e.Lang != lang { // no place on lang's page
				return int(^uint(0) >> 1)
			}
			return e.Block
		}
		sort.SliceStable(out, func(i, j int) bool {
			a, b := out[i], out[j]
			if pa, pb := pageRank(a), pageRank(b); pa != pb {
				return pa < pb
			}
			if ba, bb := blockRank(a), blockRank(b); ba != bb {
				return ba < bb
			}
			return a.Mark.Seq < b.Mark.Seq
		})
	} else {
		sort.SliceStable(out, func(i, j int) bool { return out[i].Mark.Seq < out[j].Mark.Seq })
	}
	for i := range out {
		out[i].N = i + 1
	}
	return out
}
