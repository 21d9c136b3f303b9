// Package linemode is the reader for screen readers and dumb terminals: plain
// lines written one after the other, never a repaint. No alternate screen, no
// cursor addressing, no colour: no escape sequence at all leaves it. It prints
// the pages, a page a section at a time (headings marked "## ", links numbered
// "[3] OEWG"), and reads one command a line: a number, a page name, "/words" to
// search, n and p to move by section, l for the other language, ? and q.
//
// It reads the library's document model (sections, blocks, links), not a
// rendering: what a screen reader hears is the text, in reading order.
package linemode

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/marks"
	"github.com/cyberdiplo/cyberdiplo/internal/reader"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
	"github.com/cyberdiplo/cyberdiplo/internal/textsafe"
)

// Options say what Run reads and how.
type Options struct {
	Library *library.Library // required
	// Index is the search index of Library (shared by SSH sessions); nil builds
	// one at the first search.
	Index *search.Index
	Lang  string // the language of the pages and of the messages (internal/lang; the default for an unknown one)
	// Page is a page to open first, as a reader would type it (an id, a name,
	// PAGE#ANCHOR for a section); "" opens none. At, when it names a page, wins.
	Page string
	At   library.Place
	// Width is the terminal's width in columns: lines are wrapped to it at
	// spaces, never inside a word. 0 means DefaultWidth; it is kept between
	// MinWidth and MaxWidth.
	Width int
	// Raw says the input comes from a terminal that does not edit lines itself
	// (an SSH session with a PTY): Run then echoes what is typed, handles
	// backspace, ctrl+u, ctrl+w, ctrl+c (quit) and ctrl+d (quit on an empty line),
	// and ends its lines with CR LF.
	Raw bool
	// Marks are the reader's marks (mark, marks, brief): marks.Open's for a
	// marks file, marks.Session() for the session only (the kiosk); nil is the
	// session's only.
	Marks *marks.Keeper
}

// Limits of a session.
const (
	maxResults  = 10 // search results listed at a time
	resultPages = 10 // results kept for +, in lists of maxResults
	maxNumber   = 9  // digits of a number read as a pick
)

// Widths the lines are wrapped to.
const (
	DefaultWidth = 80
	MinWidth     = 20
	MaxWidth     = 1000
)

// Run reads commands from in and writes to out until q, ctrl+c (Raw), the end
// of in, or ctx is done. It returns nil when the reader quit or in ended,
// ctx.Err() when ctx ended it, or the error of a write.
//
// Input is read by a goroutine that ends when in returns an error: a caller whose
// in may stay open after Run returns (a network session) should close it.
func Run(ctx context.Context, in io.Reader, out io.Writer, opts Options) error {
	if opts.Library == nil {
		return errors.New("linemode: no library")
	}
	if in == nil {
		in = strings.NewReader("")
	}
	lang, err := langs.Parse(opts.Lang)
	if err != nil {
		lang = langs.Default()
	}
	width := opts.Width
	if width <= 0 {
		width = DefaultWidth
	}
	width = min(max(width, MinWidth), MaxWidth)
	s := &session{
		rs:     reader.New(opts.Library, opts.Index, lang, library.Place{Lang: lang}),
		t:      i18n.Line(lang),
		w:      &writer{w: out, raw: opts.Raw, width: width},
		at:     -1,
		keeper: opts.Marks,
	}
	if s.keeper == nil {
		s.keeper = marks.Session()
	}
	s.ed = editor{raw: opts.Raw, echo: s.w.echo}
	chunks := make(chan chunk, chunkBuffer)
	stop := make(chan struct{})
	defer close(stop)
	go readChunks(in, chunks, stop)

	s.say(s.t.Welcome)
	if note := s.keeper.Note(); note != "" {
		s.say(note) // a refused marks file: said once
	}
	s.listPages()
	at := opts.At
	if at.Page == "" && opts.Page != "" {
		at, _, _ = s.rs.Resolve(opts.Page)
	}
	if at.Page != "" && opts.Library.Page(lang, at.Page) != nil {
		// Opened first: not a step to go back from.
		s.rs = reader.New(opts.Library, opts.Index, lang, s.rs.In(at))
		s.reopen()
	}
	var pending []byte
	for {
		s.w.write(s.t.Prompt)
		line, ev, err := s.readLine(ctx, chunks, &pending)
		if err != nil {
			return err
		}
		switch ev {
		case evEOF, evInterrupt:
			s.w.write("\n")
			s.say(s.t.Bye)
			return s.w.flush()
		}
		if s.do(line) {
			s.say(s.t.Bye)
			return s.w.flush()
		}
		if s.w.err != nil {
			return s.w.err
		}
	}
}

// readLine returns the next command line (evLine), or the end of the input
// (evEOF: in ended or ctrl+d; evInterrupt: ctrl+c). A line that was too long is
// reported and skipped.
func (s *session) readLine(ctx context.Context, chunks <-chan chunk, pending *[]byte) (string, event, error) {
	if s.eof {
		return "", evEOF, nil
	}
	for {
		for len(*pending) > 0 {
			if s.ed.over && !s.ed.inEscape() {
				// A line too long: skip what cannot end it, without looking at each byte.
				i := bytes.IndexAny(*pending, "\r\n\x03")
				if i < 0 {
					*pending = nil
					break
				}
				*pending, s.ed.cr = (*pending)[i:], false
			}
			b := (*pending)[0]
			*pending = (*pending)[1:]
			switch ev := s.ed.feed(b); ev {
			case evLine:
				s.w.echo("\n")
				line, ok, long := s.ed.take()
				if ok {
					return line, evLine, nil
				}
				if long {
					s.say(fmt.Sprintf(s.t.TooLong, MaxLine))
				}
				s.w.write(s.t.Prompt)
			case evEOF, evInterrupt:
				return "", ev, nil
			}
		}
		if err := s.w.flush(); err != nil {
			return "", evNone, err
		}
		select {
		case <-ctx.Done():
			return "", evNone, ctx.Err()
		case c := <-chunks:
			if c.err != nil {
				// The end of the input: a last line without its newline still counts.
				s.eof = true
				if len(s.ed.line) > 0 || s.ed.over {
					line, ok, long := s.ed.take()
					if ok {
						return line, evLine, nil
					}
					if long {
						s.say(fmt.Sprintf(s.t.TooLong, MaxLine))
					}
				}
				return "", evEOF, nil
			}
			*pending = c.data
		}
	}
}

// listKind is what a number typed at the prompt picks.
type listKind int

const (
	listNone    listKind = iota
	listPages            // the numbered pages
	listResults          // the search results
	listOutline          // the sections of the page
	listLinks            // the links of the section just read
	listMarks            // the marks (marks.go)
)

type session struct {
	rs   *reader.Session // where the reader is and was (internal/reader)
	t    i18n.LineStrings
	w    *writer
	ed   editor
	open bool // a page has been opened
	eof  bool // the input ended

	units unitList // reading units of the open page
	at    int      // the unit being read, -1 when none

	list        listKind
	pages       []string        // listPages: ids
	results     []library.Place // listResults: every result, in the language read
	shown       int             // how many results are listed so far
	query       string          // the query of the results
	others      []string        // the language results[i] was found in, when not the one read ("" else)
	snippets    []string        // the passage of each result that matched
	fromResults bool            // the page open was opened from the results with no page open before
	outline     []int           // listOutline: unit indices
	links       []int           // listLinks: page link indices, numbered from 1

	keeper *marks.Keeper // the marks (mark, marks, brief)
	marked []marks.Entry // listMarks: the marks as listed, numbered from 1
}

// unit is a run of sections read together: sections with no text of their own
// (a page's title, a heading right above a subheading) are read with the next.
// A unit is one numbered section of the line mode: the outline and the
// position ("section 3 of 6") count the same units.
type unit struct{ first, last int }

// say writes a line of text, wrapped to the width at spaces (a word longer than
// the width stays whole).
func (s *session) say(line string) {
	if s.w.width > 0 {
		line = wrap(line, s.w.width)
	}
	s.w.write(line + "\n")
}

// wrap breaks each line of text at spaces so that no line is wider than width
// cells, unless it is a single word: a word is never cut.
func wrap(text string, width int) string {
	if ansi.StringWidth(text) <= width && !strings.Contains(text, "\n") {
		return text
	}
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		col := 0
		for j, word := range strings.Split(line, " ") {
			w := ansi.StringWidth(word)
			switch {
			case j == 0:
			case col+1+w > width && col > 0:
				b.WriteByte('\n')
				col = 0
			default:
				b.WriteByte(' ')
				col++
			}
			b.WriteString(word)
			col += w
		}
	}
	return b.String()
}

func (s *session) lang() string { return s.rs.Lang() }

func (s *session) page() *library.Page { return s.rs.Page() }

// copyCmd stands for the copy command's word (LineStrings.CmdCopy) of any
// language: no line typed is ever it.
const copyCmd = "\x00copy"

// do runs one command line; it reports whether the reader quit.
func (s *session) do(line string) bool {
	cmd := strings.ToLower(line)
	// The command words of every language are accepted in any: they become the
	// symbol, or the constant, that the switch below knows.
	for _, l := range langs.All() {
		t := i18n.Line(l)
		switch {
		case cmd == "":
		case cmd == t.CmdQuit:
			cmd = "q"
		case cmd == t.CmdHelp:
			cmd = "?"
		case cmd == t.CmdMore:
			cmd = "+"
		case cmd == t.CmdCopy:
			cmd = copyCmd
		}
	}
	switch cmd {
	case "":
		if s.open {
			s.next()
		}
	case "q", "exit":
		return true
	case "?", "h":
		s.say(s.t.Help)
		s.say(i18n.Marks(s.lang()).LineHelp)
	case "n":
		s.next()
	case "p":
		s.prev()
	case "r":
		if s.needPage() {
			s.show(s.at)
		}
	case "a":
		s.rest()
	case "o":
		s.listOutline()
	case "m":
		s.listPages()
	case "b":
		s.back()
	case "l":
		s.switchLang()
	case "c":
		s.cite()
	case copyCmd:
		s.copy()
	case "+":
		s.moreResults()
	default:
		if s.markCommand(cmd) {
			return false
		}
		switch {
		case strings.HasPrefix(line, "/"):
			s.search(strings.TrimSpace(line[1:]))
		case isNumber(line):
			s.pick(line)
		default:
			if pl, ok, anchorOK := s.rs.Resolve(line); ok {
				if !anchorOK {
					_, anchor, _ := strings.Cut(line, "#")
					if p := s.rs.Library().Page(s.rs.Lang(), pl.Page); p != nil {
						s.say(fmt.Sprintf(s.t.NoAnchor, p.Title, quote(anchor)))
					}
				}
				s.visit(pl)
			} else if len([]rune(line)) < 2 {
				s.say(fmt.Sprintf(s.t.Unknown, quote(line)))
			} else {
				s.say(fmt.Sprintf(s.t.NotAPage, quote(line)))
				if n, ok := search.Suggest(line, search.PageNames(s.rs.Library())); ok {
					s.say(fmt.Sprintf(s.t.PageMeant, n.Say))
				}
				s.search(line)
			}
		}
	}
	return false
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// quote quotes what the reader typed, with control characters, C1 and bidi
// controls written as escapes: the line mode never sends them back.
func quote(s string) string { return textsafe.Quote(s, 0) }

// needPage says whether a page is open, and tells the reader when none is.
func (s *session) needPage() bool {
	if !s.open {
		s.say(s.t.NoPage)
		return false
	}
	return true
}

// listPages prints the numbered pages.
func (s *session) listPages() {
	s.say(s.t.Pages)
	s.pages = s.pages[:0]
	for i, p := range s.rs.Library().Pages(s.lang()) {
		name := p.ID
		if pl, ok, _ := s.rs.Resolve(p.Tab); ok && pl.Page == p.ID && !strings.Contains(p.Tab, " ") {
			name = strings.ToLower(p.Tab) // what a reader of this language would type: onu, glossario
		}
		s.say(fmt.Sprintf(s.t.PageItem, i+1, p.Title, name))
		s.pages = append(s.pages, p.ID)
	}
	s.list = listPages
}

// pick takes the number typed from the last numbered list.
func (s *session) pick(num string) {
	n := -1
	if len(num) <= maxNumber {
		n, _ = strconv.Atoi(num)
	}
	count := 0
	switch s.list {
	case listPages:
		count = len(s.pages)
	case listResults:
		count = s.shown
	case listOutline:
		count = len(s.outline)
	case listLinks:
		count = len(s.links)
	case listMarks:
		count = len(s.marked)
	}
	if count == 0 {
		s.say(s.t.NoList)
		return
	}
	if n < 1 || n > count {
		s.say(fmt.Sprintf(s.t.OutOfRange, max(n, 0), count))
		return
	}
	switch s.list {
	case listPages:
		s.visit(library.Place{Lang: s.lang(), Page: s.pages[n-1]})
	case listResults:
		from := s.open
		s.visit(s.results[n-1])
		s.fromResults = !from
	case listOutline:
		s.visit(s.placeOf(s.outline[n-1]))
	case listLinks:
		s.follow(n)
	case listMarks:
		s.openMark(s.marked[n-1])
	}
}

// follow opens link n (from 1) of the section just read.
func (s *session) follow(n int) {
	li := s.links[n-1]
	t, ok := s.rs.LinkTarget(li)
	switch {
	case !ok:
		return
	case t.External:
		s.say(fmt.Sprintf(s.t.External, n, t.Link.Target))
		return
	case t.Unknown:
		s.say(fmt.Sprintf(s.t.BadLink, n, t.Link.Target))
		return
	}
	s.rs.Follow(li)
	s.fromResults = false
	s.reopen()
}

// placeOf is the place of unit u of the open page: its first heading, the
// section jumped to (the top of the page for an untitled start).
func (s *session) placeOf(u int) library.Place {
	p := s.page()
	if u < 0 || u >= len(s.units) {
		return library.At(p, -1)
	}
	return library.At(p, s.units[u].first)
}

// visit goes to a place: a jump, in the session's history.
func (s *session) visit(pl library.Place) {
	if s.open {
		s.rs.SetPlace(s.placeOf(s.at))
		s.rs.Open(pl)
	} else {
		s.rs.Start(pl) // the first page read: b has nothing to go back to
	}
	s.fromResults = false
	s.reopen()
}

// reopen reads the unit of the session's place, after it moved.
func (s *session) reopen() {
	s.open = true
	s.t = i18n.Line(s.lang())
	p := s.page()
	s.units = unitsOf(p)
	sec := s.rs.Library().JumpedSection(s.rs.Place(), s.lang())
	if sec < 0 {
		if b := s.rs.Library().BlockIn(s.rs.Place(), s.lang()); b >= 0 {
			sec = p.Blocks[b].Section
		}
	}
	s.show(s.units.of(max(sec, 0)))
}

func (s *session) back() {
	if s.fromResults && len(s.results) > 0 {
		// Opened from the results with no page open before: back to them.
		s.fromResults = false
		s.listResults(0)
		return
	}
	if !s.open || !s.rs.Back() {
		s.say(s.t.NoBack)
		return
	}
	s.reopen()
}

func (s *session) next() {
	if !s.needPage() {
		return
	}
	if s.at+1 >= len(s.units) {
		s.say(s.t.LastOne)
		return
	}
	s.show(s.at + 1)
}

func (s *session) prev() {
	if !s.needPage() {
		return
	}
	if s.at == 0 {
		s.say(s.t.FirstOne)
		return
	}
	s.show(s.at - 1)
}

// rest reads from the next unit to the end of the page.
func (s *session) rest() {
	if !s.needPage() {
		return
	}
	if s.at+1 >= len(s.units) {
		s.say(s.t.LastOne)
		return
	}
	p := s.page()
	s.links = s.links[:0]
	for u := s.at + 1; u < len(s.units); u++ {
		s.text(p, u)
	}
	s.at = len(s.units) - 1
	s.rs.SetPlace(s.placeOf(s.at))
	s.sources()
	s.position(p)
	s.list = listLinks
}

// listOutline lists the page's sections, numbered as the line mode counts them
// ("section 3 of 6"): a section read with the one under it names both headings.
func (s *session) listOutline() {
	if !s.needPage() {
		return
	}
	p := s.page()
	s.say(fmt.Sprintf(s.t.Outline, p.Title))
	s.outline = s.outline[:0]
	for i, u := range s.units {
		var heads []string
		for _, sec := range p.Sections[u.first : u.last+1] {
			if sec.Heading.Block >= 0 {
				heads = append(heads, strings.Repeat("#", max(sec.Heading.Level, 1))+" "+sec.Heading.Text)
			}
		}
		if len(heads) == 0 {
			heads = append(heads, p.Title)
		}
		s.outline = append(s.outline, i)
		s.say(fmt.Sprintf(s.t.OutlineItem, i+1, strings.Join(heads, ", ")))
	}
	s.list = listOutline
}

// switchLang reads the same unit in the next language (reader.Session.SwitchLang),
// and speaks it from then on.
func (s *session) switchLang() {
	if s.open {
		s.rs.SetPlace(s.placeOf(s.at))
	}
	if !s.rs.SwitchLang() {
		s.say(fmt.Sprintf(s.t.NoOther, langs.Name(s.rs.NextLang(), s.lang())))
		return
	}
	s.t = i18n.Line(s.lang())
	s.say(s.t.Language)
	if !s.open {
		s.listPages()
		return
	}
	s.results, s.shown = nil, 0 // they were in the other language
	s.reopen()
}

// cite says the citation line of the section being read: where it is, its
// sources and the year each reflects (what the full-screen reader's c copies
// after the passage).
func (s *session) cite() {
	if !s.needPage() {
		return
	}
	s.say(s.rs.Cite())
}

// copy writes the passage being read followed by its citation line, between
// blank lines, to copy from the terminal (the full-screen reader's c).
func (s *session) copy() {
	if !s.needPage() {
		return
	}
	text, _, ok := s.rs.Copy()
	if !ok {
		return
	}
	s.say("")
	for _, l := range strings.Split(text, "\n") {
		s.say(l)
	}
	s.say("")
}

// search lists the sections that match the query, in the reader's language.
func (s *session) search(query string) {
	if len(search.Words(query)) == 0 {
		s.say(s.t.SearchHow)
		return
	}
	// The engine searches both languages and lists each section once, as the
	// search box and the search command do: in the reader's language, those
	// found through the other language's text among them, then the sections
	// only the other language has (read here at their place in the reader's).
	res := s.rs.Find(query, search.Options{AllLangs: true, Limit: maxResults * resultPages})
	hits := res.Hits
	s.results, s.others, s.snippets = s.results[:0], s.others[:0], s.snippets[:0]
	seen := map[library.Place]bool{}
	for _, h := range hits {
		pl := s.rs.In(h.Place)
		if s.rs.Library().Page(s.lang(), pl.Page) == nil || seen[pl] {
			continue
		}
		seen[pl] = true
		s.results = append(s.results, pl)
		found := ""
		switch {
		case h.Found != "" && h.Found != s.lang():
			found = h.Found
		case h.Lang != s.lang():
			found = h.Lang
		}
		s.others = append(s.others, found)
		s.snippets = append(s.snippets, strings.TrimSpace(h.Snippet))
	}
	s.query = query
	if len(s.results) == 0 {
		s.say(fmt.Sprintf(s.t.NoMatch, quote(query)))
		if res.DidYouMean != "" {
			s.say(fmt.Sprintf(s.t.WordsMeant, textsafe.Line(res.DidYouMean, 200)))
		}
		return
	}
	s.listResults(0)
}

// listResults lists the results from the one at index from, maxResults at most.
func (s *session) listResults(from int) {
	if from == 0 {
		if len(s.results) == 1 {
			s.say(fmt.Sprintf(s.t.OneResult, quote(s.query)))
		} else {
			s.say(fmt.Sprintf(s.t.Results, len(s.results), quote(s.query)))
		}
	}
	lib := s.rs.Library()
	end := min(from+maxResults, len(s.results))
	for i := from; i < end; i++ {
		pl := s.results[i]
		p := lib.Page(s.lang(), pl.Page)
		sec := max(lib.JumpedSection(pl, s.lang()), 0)
		var b strings.Builder
		b.WriteString(strconv.Itoa(i+1) + ". " + p.Tab)
		head := p.Sections[sec].Heading.Text
		if head != "" && head != p.Tab {
			b.WriteString(", " + head)
		}
		if snip := s.snippets[i]; snip != "" && snip != head {
			b.WriteString(": " + snip)
		}
		if s.others[i] != "" {
			b.WriteString(" " + fmt.Sprintf(s.t.OtherLang, langs.Name(s.others[i], s.lang())))
		}
		s.say(b.String())
	}
	s.shown = end
	if end < len(s.results) {
		s.say(s.t.More)
	}
	s.list = listResults
}

// moreResults lists the next results.
func (s *session) moreResults() {
	if s.shown == 0 || s.shown >= len(s.results) {
		s.say(s.t.NoMore)
		return
	}
	s.listResults(s.shown)
}

// unitsOf divides a page into reading units.
func unitsOf(p *library.Page) unitList {
	var us unitList
	first := 0
	for i, sec := range p.Sections {
		body := sec.End - sec.First
		if sec.Heading.Block >= 0 {
			body-- // the heading's own block
		}
		if body > 0 || i == len(p.Sections)-1 {
			us = append(us, unit{first, i})
			first = i + 1
		}
	}
	if len(us) == 0 {
		us = unitList{{0, 0}}
	}
	return us
}

type unitList []unit

// of returns the unit holding section sec.
func (us unitList) of(sec int) int {
	for i, u := range us {
		if sec <= u.last {
			return i
		}
	}
	return len(us) - 1
}

// show reads unit u of the open page, then its sources and where it is.
func (s *session) show(u int) {
	p := s.page()
	s.at = u
	s.rs.SetPlace(s.placeOf(u))
	s.links = s.links[:0]
	s.text(p, u)
	s.sources()
	s.position(p)
	s.list = listLinks
}

// sources says the sources of the section being read and the year each
// reflects, as the full-screen reader's status bar does.
func (s *session) sources() {
	src := s.rs.Sources()
	if src == "" {
		s.say(s.t.NoSources)
		return
	}
	// Said, not shown: the groups apart with a semicolon, not a symbol.
	s.say(fmt.Sprintf(s.t.Sources, strings.ReplaceAll(src, " · ", "; ")))
}

// position says where the reader is.
func (s *session) position(p *library.Page) {
	format := s.t.Position
	if s.at == len(s.units)-1 {
		format = s.t.EndOfPage
	}
	s.say(fmt.Sprintf(format, p.Tab, s.at+1, len(s.units)))
}

// text writes the blocks of unit u: headings marked with #, list items with -,
// quotes with >, tables one row a line with each cell named by its column, and
// links numbered from 1 in the order read (the numbers a following pick uses).
func (s *session) text(p *library.Page, u int) {
	if len(p.Sections) == 0 {
		return
	}
	us := s.units[u]
	first, end := p.Sections[us.first].First, p.Sections[us.last].End
	prevItem := false
	for i := first; i < end; i++ {
		b := p.Blocks[i]
		item := b.Kind == library.KindListItem
		if !(item && prevItem) {
			s.say("")
		}
		prevItem = item
		txt := s.linked(p, b)
		switch b.Kind {
		case library.KindHeading:
			level := 1
			if h := p.Sections[b.Section].Heading; h.Level > 0 {
				level = h.Level
			}
			s.say(strings.Repeat("#", level) + " " + txt)
		case library.KindListItem:
			s.say("- " + txt)
		case library.KindQuote:
			for _, l := range strings.Split(txt, "\n") {
				s.say("> " + l)
			}
		case library.KindTable:
			for _, l := range strings.Split(table(txt), "\n") {
				s.say(l)
			}
		default:
			s.say(txt)
		}
	}
	s.say("")
}

// linked returns a block's text with its links numbered, "[3] OEWG", where the
// document model places each link (a link it could not place is added at the
// end); each link gets the next number of the section being read.
func (s *session) linked(p *library.Page, b library.Block) string {
	if len(b.Links) == 0 {
		return b.Text
	}
	var out strings.Builder
	var missing []string
	txt, pos := b.Text, 0
	for _, li := range b.Links {
		if li < 0 || li >= len(p.Links) {
			continue
		}
		l := p.Links[li]
		s.links = append(s.links, li)
		mark := "[" + strconv.Itoa(len(s.links)) + "] "
		if l.Start < pos || l.End > len(txt) || l.Text == "" || txt[l.Start:l.End] != l.Text {
			label := l.Text
			if label == "" {
				label = l.Target
			}
			missing = append(missing, mark+label)
			continue
		}
		out.WriteString(txt[pos:l.Start])
		out.WriteString(mark)
		pos = l.Start
	}
	out.WriteString(txt[pos:])
	for _, m := range missing {
		out.WriteString(" " + m)
	}
	return out.String()
}

// table writes a table one row a line, each cell after its column's heading:
// "Year: 2016; Event: the Pledge." The heading row is not repeated.
func table(txt string) string {
	rows := strings.Split(txt, "\n")
	if len(rows) < 2 {
		return txt
	}
	head := strings.Split(rows[0], " | ")
	var out []string
	for _, r := range rows[1:] {
		cells := strings.Split(r, " | ")
		parts := make([]string, 0, len(cells))
		for i, c := range cells {
			if i < len(head) && strings.TrimSpace(head[i]) != "" {
				c = strings.TrimSpace(head[i]) + ": " + c
			}
			parts = append(parts, c)
		}
		out = append(out, strings.Join(parts, "; ")+".")
	}
	return strings.Join(out, "\n")
}

// writer collects output and writes it at flush; the first error sticks. On a
// raw terminal it ends lines with CR LF.
type writer struct {
	w     io.Writer
	raw   bool
	width int // lines said are wrapped to it (session.say)
	buf   []byte
	err   error
}

func (w *writer) write(s string) {
	if w.raw {
		s = strings.ReplaceAll(s, "\n", "\r\n")
	}
	w.buf = append(w.buf, s...)
}

// echo writes what the editor shows of the typing (raw terminals only).
func (w *writer) echo(s string) {
	if w.raw {
		w.write(s)
	}
}

func (w *writer) flush() error {
	if w.err == nil && len(w.buf) > 0 {
		_, w.err = w.w.Write(w.buf)
	}
	w.buf = w.buf[:0]
	return w.err
}
