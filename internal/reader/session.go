// Package reader is the reading session, with no terminal in it: which page is
// open, in which language, where in each page the reader is, where they came
// from, the link they selected, the search they are stepping through, and the
// section they are reading, to cite and copy. The full-screen reader (tui) and
// the line mode (linemode) are two views of a Session: neither keeps a history,
// follows a link, maps a search hit or switches language by itself.
//
// Every place is a library.Place. A view tells the session what is at the top
// of its view when the reader scrolls (SetPlace); the session says which section
// is being read (Current): the one the reader jumped to, until they scroll away,
// then the one at the top.
package reader

import (
	"fmt"
	"strings"

	"github.com/cyberdiplo/cyberdiplo/internal/cite"
	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
)

// MaxHistory bounds the history: the oldest places are forgotten.
const MaxHistory = 100

// Session is one reader's reading. It is not safe for concurrent use: each
// reader (each SSH visitor) has its own, over a shared library and index.
//
// Everything it keeps is a library.Place or an index into the page open, so a
// list of places the reader marked (each with a hash of its text, to notice an
// edit) is one more field and its methods, read by both views alike.
type Session struct {
	lib   *library.Library
	index *search.Index
	ids   []string

	lang   string
	prev   string          // the language read before the last change of language ("" before any): side by side pairs it with lang
	tab    int             // index in ids of the page open
	places []library.Place // where each page is being read
	hist   []library.Place // where the reader was before each jump, in the language read then

	link int // the selected link of the page open (index in its Links), -1 for none

	query   string          // the search being stepped through ("" for none)
	matcher *search.Matcher // marks query's matches as the search found them (nil: no index)
}

// New returns a session reading lang (the library's first language for an
// unknown one), open at a place (its page: the first page when it names none
// the library has). The place may be written in the other language.
func New(lib *library.Library, index *search.Index, lang string, at library.Place) *Session {
	if l, err := langs.Parse(lang); err == nil {
		lang = l
	} else {
		lang = langs.Default()
	}
	s := &Session{lib: lib, index: index, ids: lib.IDs(), lang: lang, link: -1}
	s.places = make([]library.Place, len(s.ids))
	for i, id := range s.ids {
		s.places[i] = library.Place{Lang: lang, Page: id}
		if id == at.Page {
			s.tab = i
			s.places[i] = at
		}
	}
	return s
}

// Library is the library read.
func (s *Session) Library() *library.Library { return s.lib }

// Index is the search index (nil until SetIndex, or the first Search).
func (s *Session) Index() *search.Index { return s.index }

// SetIndex gives the session its search index (built off the UI loop).
func (s *Session) SetIndex(ix *search.Index) {
	s.index = ix
	if s.query != "" && s.matcher == nil {
		s.matcher = ix.Matcher(s.query)
	}
}

func (s *Session) needIndex() *search.Index {
	if s.index == nil {
		s.SetIndex(search.New(s.lib))
	}
	return s.index
}

// Lang is the language read.
func (s *Session) Lang() string { return s.lang }

// IDs are the pages' ids, in tab order.
func (s *Session) IDs() []string { return s.ids }

// Tab is the index of the page open, in IDs.
func (s *Session) Tab() int { return s.tab }

// PageID is the id of the page open.
func (s *Session) PageID() string { return s.ids[s.tab] }

// Page is the page open, in the language read (nil when that language lacks it).
func (s *Session) Page() *library.Page { return s.lib.Page(s.lang, s.ids[s.tab]) }

// Place is where the page open is being read, as the session keeps it: perhaps
// written in the other language (L twice comes back to the very line).
func (s *Session) Place() library.Place { return s.places[s.tab] }

// PlaceOf is where page tab is being read.
func (s *Session) PlaceOf(tab int) library.Place { return s.places[tab] }

// SetPlace records what is at the top of the view of the page open, once the
// reader scrolled: the section jumped to, if any, is no longer the one read.
func (s *Session) SetPlace(pl library.Place) {
	pl.Page = s.ids[s.tab]
	s.places[s.tab] = pl
}

// Saved is where the reader is, in the language read: what the state file
// keeps, and what the history records.
func (s *Session) Saved() library.Place {
	pl := s.places[s.tab]
	pl.Page = s.ids[s.tab]
	return s.in(pl, s.lang)
}

// in writes a place in lang: the same section jumped to, or the same block.
func (s *Session) in(pl library.Place, lang string) library.Place {
	if pl.Lang == lang {
		return pl
	}
	p := s.lib.Page(lang, pl.Page)
	if p == nil {
		return library.Place{Lang: lang, Page: pl.Page}
	}
	if sec := s.lib.JumpedSection(pl, lang); sec >= 0 {
		return library.At(p, sec)
	}
	if pl.Block == "" {
		return library.Place{Lang: lang, Page: pl.Page, Line: pl.Line}
	}
	return library.PlaceOfBlock(p, s.lib.BlockIn(pl, lang))
}

// In writes a place (a hit, a saved place) in the language read.
func (s *Session) In(pl library.Place) library.Place { return s.in(pl, s.lang) }

// tabOf is the index of a page id in IDs, or -1.
func (s *Session) tabOf(id string) int {
	for i, x := range s.ids {
		if x == id {
			return i
		}
	}
	return -1
}

// push records where the reader is, before a jump.
func (s *Session) push() {
	here := s.Saved()
	if n := len(s.hist); n > 0 && s.hist[n-1] == here {
		return
	}
	if len(s.hist) == MaxHistory {
		s.hist = append(s.hist[:0], s.hist[1:]...)
	}
	s.hist = append(s.hist, here)
}

// HistoryLen is how many places Back can return to.
func (s *Session) HistoryLen() int { return len(s.hist) }

// GoTab opens page n where it was left: a page jump, in the history. It
// reports whether the page open changed.
func (s *Session) GoTab(n int) bool {
	if n < 0 || n >= len(s.ids) || n == s.tab {
		return false
	}
	s.push()
	s.tab, s.link = n, -1
	return true
}

// Open jumps to a place (PAGE#ANCHOR, an outline entry, a search hit): one step
// in the history. The language read becomes the place's when the page has it.
func (s *Session) Open(pl library.Place) bool {
	t := s.tabOf(pl.Page)
	if t < 0 {
		return false
	}
	s.push()
	if pl.Lang != "" && pl.Lang != s.lang && s.lib.Page(pl.Lang, pl.Page) != nil {
		s.setLang(pl.Lang)
	}
	s.tab, s.link = t, -1
	s.places[t] = pl
	return true
}

// Resolve finds what a reader typed: a page (by id, Italian name, or its tab's
// label in either language), or PAGE#ANCHOR (the anchor as the heading reads,
// in either language). ok is false when it names no page of the language read;
// a known page with an unknown anchor gives its top and anchorOK false.
func (s *Session) Resolve(name string) (pl library.Place, ok, anchorOK bool) {
	name, anchor, hasAnchor := strings.Cut(strings.TrimSpace(name), "#")
	id, found := s.lib.Resolve(name)
	if !found || s.lib.Page(s.lang, id) == nil {
		id, found = "", false
		f := library.Fold(name)
		for _, lang := range library.Languages() {
			for _, p := range s.lib.Pages(lang) {
				if !found && library.Fold(p.Tab) == f && s.lib.Page(s.lang, p.ID) != nil {
					id, found = p.ID, true
				}
			}
		}
	}
	if !found {
		return library.Place{}, false, false
	}
	p := s.lib.Page(s.lang, id)
	if !hasAnchor {
		return library.At(p, -1), true, true
	}
	sec := SectionOf(s.lib, p, anchor)
	return library.At(p, sec), true, sec >= 0
}

// SectionOf finds the section of p with an anchor, typed as the heading reads
// ("Key facts") or as the anchor, in p's language or the other (the same
// section, through library.CounterpartSection): -1 for none.
func SectionOf(lib *library.Library, p *library.Page, anchor string) int {
	slug := library.Slug(anchor)
	if slug == "" {
		return -1
	}
	if i := p.SectionByAnchor(slug); i >= 0 {
		return i
	}
	for _, lang := range library.Languages() {
		if op := lib.Page(lang, p.ID); lang != p.Lang && op != nil {
			if i := op.SectionByAnchor(slug); i >= 0 {
				if j := lib.CounterpartSection(p.ID, lang, i, p.Lang); j >= 0 {
					return j
				}
			}
		}
	}
	return -1
}

// Target is where a link leads.
type Target struct {
	Place library.Place
	// External is set for a link out of the briefing (a web address); Unknown
	// for one to a page the library lacks. Place is empty for both.
	External, Unknown bool
	Link              library.Link
}

// LinkTarget is where link i of the page open leads.
func (s *Session) LinkTarget(i int) (Target, bool) {
	p := s.Page()
	if p == nil || i < 0 || i >= len(p.Links) {
		return Target{}, false
	}
	l := p.Links[i]
	t := Target{Link: l}
	switch tp := s.lib.Page(s.lang, l.Page); {
	case l.External():
		t.External = true
	case l.Page == "" || tp == nil || s.tabOf(l.Page) < 0:
		t.Unknown = true
	case l.Anchor != "":
		t.Place = library.At(tp, tp.SectionByAnchor(l.Anchor))
	default:
		t.Place = library.At(tp, -1)
	}
	return t, true
}

// Follow opens link i of the page open: one step in the history. It returns
// where the link leads; nothing is opened for an external or unknown link.
func (s *Session) Follow(i int) (Target, bool) {
	t, ok := s.LinkTarget(i)
	if !ok || t.External || t.Unknown {
		return t, ok
	}
	s.Open(t.Place)
	return t, true
}

// Start opens the first place of a view that showed none yet (the line mode
// before its first page): like Open, but not a step in the history, since
// there is nowhere to go back to.
func (s *Session) Start(pl library.Place) bool {
	n := len(s.hist)
	ok := s.Open(pl)
	s.hist = s.hist[:n]
	return ok
}

// Back returns to where the reader was before the last jump; false when there
// is nowhere to go back to.
func (s *Session) Back() bool {
	for len(s.hist) > 0 {
		pl := s.hist[len(s.hist)-1]
		s.hist = s.hist[:len(s.hist)-1]
		t := s.tabOf(pl.Page)
		if t < 0 || s.lib.Page(pl.Lang, pl.Page) == nil {
			continue
		}
		s.setLang(pl.Lang)
		s.tab, s.link = t, -1
		s.places[t] = pl
		return true
	}
	return false
}

// setLang reads another language, remembering the one it leaves.
func (s *Session) setLang(l string) {
	if l != s.lang {
		s.prev, s.lang = s.lang, l
	}
}

// NextLang is the language SwitchLang goes to: the next language of the
// briefing that has the page open (internal/lang's order, round to the first
// after the last); lang.Next of the language read when no other has it.
func (s *Session) NextLang() string {
	for l := langs.Next(s.lang); l != s.lang; l = langs.Next(l) {
		if s.lib.Page(l, s.ids[s.tab]) != nil {
			return l
		}
	}
	return langs.Next(s.lang)
}

// PairedLang is the language side by side shows beside the one read: the
// language read before the last switch when it has the page open, else the
// language's counterpart (lang.Counterpart) when it does, else NextLang. With
// two languages it is always the other one.
func (s *Session) PairedLang() string {
	for _, l := range []string{s.prev, langs.Counterpart(s.lang)} {
		if l != "" && l != s.lang && s.lib.Page(l, s.ids[s.tab]) != nil {
			return l
		}
	}
	return s.NextLang()
}

// SwitchLang reads the page open in the next language (NextLang), at the same
// place; it is not a step in the history. It returns false (and changes
// nothing) when no other language has the page.
func (s *Session) SwitchLang() bool { return s.SwitchTo(s.NextLang()) }

// SwitchTo reads the page open in language l, at the same place (side by side,
// L swaps the columns: SwitchTo(PairedLang())). It returns false (and changes
// nothing) when l lacks the page or is the language read.
func (s *Session) SwitchTo(l string) bool {
	if l == s.lang || s.lib.Page(l, s.ids[s.tab]) == nil {
		return false
	}
	s.setLang(l)
	s.link = -1
	return true
}

// SelectLink selects link i of the page open (-1: none).
func (s *Session) SelectLink(i int) { s.link = i }

// Link is the selected link, -1 for none.
func (s *Session) Link() int { return s.link }

// Current is the section being read, in the page open: the section the reader
// jumped to until they scroll away (SetPlace), else the section of the block at
// the top of the view. A heading with nothing under it (a page's title) stands
// for the section that follows. block is the jumped-to heading's block, or the
// block at the top (-1 above the first block).
func (s *Session) Current() (p *library.Page, section, block int) {
	p = s.Page()
	if p == nil || len(p.Sections) == 0 {
		return p, -1, -1
	}
	pl := s.places[s.tab]
	if sec := s.lib.JumpedSection(pl, s.lang); sec >= 0 && p.Sections[sec].Heading.Block >= 0 {
		b := p.Sections[sec].Heading.Block
		return p, cite.SectionOf(p, b), b
	}
	b := s.lib.BlockIn(pl, s.lang)
	if b < 0 || len(p.Blocks) == 0 {
		return p, 0, -1
	}
	return p, cite.SectionOf(p, b), b
}

// Cite is the citation line of the section being read (cite.Line): where it
// is, its sources and the year each reflects.
func (s *Session) Cite() string {
	p, sec, _ := s.Current()
	if p == nil || sec < 0 {
		return ""
	}
	return cite.Line(s.lib, p, sec)
}

// Copy is the passage being read (the section jumped to, else the block at the
// top of the view; a heading: its whole section) followed by its citation line,
// and where it is ("page › heading"). ok is false when there is nothing to copy.
func (s *Session) Copy() (text, where string, ok bool) {
	p, _, b := s.Current()
	if p == nil || len(p.Blocks) == 0 {
		return "", "", false
	}
	ps := cite.Block(p, max(b, 0))
	if ps.Text == "" {
		return "", "", false
	}
	return cite.WithCitation(s.lib, p, ps), ps.Where, true
}

// CopySection is a whole section of a page (a result, an outline entry) with
// its citation line, and where it is.
func (s *Session) CopySection(p *library.Page, section int) (text, where string, ok bool) {
	ps := cite.Section(p, section)
	if p == nil || ps.Text == "" {
		return "", "", false
	}
	return cite.WithCitation(s.lib, p, ps), ps.Where, true
}

// Sources are the sources of the section being read, briefly: the publisher
// (or the document symbol) and the year, years of one publisher together
// ("MAECI 2026, 2021 · A/65/201 (2010)"); "" when it names none.
func (s *Session) Sources() string {
	p, sec, _ := s.Current()
	if p == nil || sec < 0 || sec >= len(p.Sections) {
		return ""
	}
	return FormatSources(s.lib, p.Sections[sec].Sources)
}

// FormatSources writes sources briefly (see Sources).
func FormatSources(lib *library.Library, ids []string) string {
	type group struct {
		name  string
		years []string
	}
	var groups []group
	for _, id := range ids {
		src, ok := lib.Source(id)
		if !ok {
			continue
		}
		name, year := src.Publisher, fmt.Sprint(src.AsOf)
		if src.Symbol != "" {
			name, year = src.Symbol, "("+year+")"
		}
		if name == "" {
			name = src.Title
		}
		if len(groups) > 0 && groups[len(groups)-1].name == name {
			g := &groups[len(groups)-1]
			g.years = append(g.years, year)
			continue
		}
		groups = append(groups, group{name: name, years: []string{year}})
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = g.name + " " + strings.Join(g.years, ", ")
	}
	return strings.Join(parts, " · ")
}

// Find runs a query in both languages (search.Index.Find), the reader's first.
func (s *Session) Find(query string, opt search.Options) search.Result {
	opt.Lang = s.lang
	return s.needIndex().Find(query, opt)
}

// Search makes query the search being stepped through (its matches marked);
// "" ends it.
func (s *Session) Search(query string) {
	s.query, s.matcher = strings.TrimSpace(query), nil
	if s.query != "" && s.index != nil {
		s.matcher = s.index.Matcher(s.query)
	}
}

// Query is the search being stepped through, "" for none.
func (s *Session) Query() string { return s.query }

// Marks are the byte ranges of a line that match the search being stepped
// through, as the search found them (other forms, typos, names).
func (s *Session) Marks(line string) [][2]int {
	if s.query == "" {
		return nil
	}
	if s.matcher != nil {
		return s.matcher.Marks(line)
	}
	return search.Marks(line, s.query)
}

// OpenHit opens a search result at its section, and makes its query the search
// stepped through: one step in the history (whatever Step does after it).
func (s *Session) OpenHit(h search.Hit, query string) bool {
	s.Search(query)
	return s.Open(h.Place)
}

// Step finds the next page (dir +1) or the previous one (-1), in tab order and
// wrapping, whose own text matches the search; the page open counts last, for
// a search that has no more matches on it. It returns the page's tab, or false.
// It does not open the page: the view lands on its first (or last) match.
func (s *Session) Step(dir int) (int, bool) {
	if s.query == "" {
		return -1, false
	}
	has := map[string]bool{}
	for _, h := range s.needIndex().Search(s.query, search.Options{Lang: s.lang, Limit: 1000}) {
		has[h.Page] = has[h.Page] || h.Via != search.ViaOtherLang
	}
	n := len(s.ids)
	for i := 1; i <= n; i++ {
		t := ((s.tab+dir*i)%n + n) % n
		if has[s.ids[t]] {
			return t, true
		}
	}
	return -1, false
}

// StepTo opens page tab at its top, where Step found the next matches: not a
// step in the history (one search is one step, however many times n is pressed).
func (s *Session) StepTo(tab int) {
	if tab < 0 || tab >= len(s.ids) {
		return
	}
	s.tab, s.link = tab, -1
	s.places[tab] = library.Place{Lang: s.lang, Page: s.ids[tab]}
}
