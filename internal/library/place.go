package library

import "strings"

// Place is a place in the briefing: the one location type of the program. The
// reader keeps one per page, its history is a list of them, a search hit names
// one, and the state file is one, written as JSON.
//
// Block and Line say what is at the top of the view: a block of the page (its
// id, the same passage in every language) and a number of lines into it. Section
// is the anchor of the section the reader jumped to (an outline entry,
// PAGE#ANCHOR, a search hit, a link): that section is the one being read, cited
// and copied, even when the end of the page keeps it from reaching the top of
// the view, until the reader scrolls away ("" then, and the section at the top
// of the view is the one being read).
//
// Lang is the language Block and Section are written in; the reader may be
// reading the page in the other one: the place is then found through
// CounterpartBlock and CounterpartSection, so that L twice comes back to the
// very line.
type Place struct {
	Lang    string `json:"lang"`
	Page    string `json:"page"`
	Section string `json:"section,omitempty"` // anchor of the section jumped to; "" when the top of the view rules
	Block   string `json:"block,omitempty"`   // block id ("2.3"); "" for the lines above the first block
	Line    int    `json:"line,omitempty"`    // lines below the block's first line
	Of      int    `json:"of,omitempty"`      // the block's height in lines when Line was counted (0: unknown)
}

// At returns the place of a section of a page: its heading at the top of the
// view, and the section jumped to. Section -1, or the untitled start of a page,
// is the top of the page.
func At(p *Page, section int) Place {
	if p == nil {
		return Place{}
	}
	pl := Place{Lang: p.Lang, Page: p.ID}
	if section < 0 || section >= len(p.Sections) {
		return pl
	}
	h := p.Sections[section].Heading
	if h.Block < 0 {
		return pl
	}
	pl.Block = p.Blocks[h.Block].ID
	pl.Section = h.Anchor
	return pl
}

// PlaceOfBlock returns the place of the top of block b of p (no section jumped to).
func PlaceOfBlock(p *Page, b int) Place {
	if p == nil {
		return Place{}
	}
	pl := Place{Lang: p.Lang, Page: p.ID}
	if b >= 0 && b < len(p.Blocks) {
		pl.Block = p.Blocks[b].ID
	}
	return pl
}

// BlockIn returns the index of the place's block in the page's version in lang:
// the same block, its counterpart in the other language, or, for a block the
// other language lacks, its section's heading; -1 for none.
func (l *Library) BlockIn(pl Place, lang string) int {
	p := l.Page(lang, pl.Page)
	if p == nil || pl.Block == "" {
		return -1
	}
	b := p.BlockByID(pl.Block)
	if pl.Lang != "" && pl.Lang != lang {
		if from := l.Page(pl.Lang, pl.Page); from != nil {
			b = l.CounterpartBlock(pl.Page, pl.Lang, from.BlockByID(pl.Block), lang)
		}
	}
	if b < 0 {
		sec, _, _ := strings.Cut(pl.Block, ".")
		b = p.BlockByID(sec + ".0")
	}
	return b
}

// JumpedSection returns the section the place jumped to, in the page's version
// in lang, or -1 when it names none (or none the page has).
func (l *Library) JumpedSection(pl Place, lang string) int {
	if pl.Section == "" {
		return -1
	}
	from := pl.Lang
	if from == "" {
		from = lang
	}
	p := l.Page(from, pl.Page)
	if p == nil {
		return -1
	}
	sec := p.SectionByAnchor(pl.Section)
	if sec < 0 {
		return -1
	}
	return l.CounterpartSection(pl.Page, from, sec, lang)
}
