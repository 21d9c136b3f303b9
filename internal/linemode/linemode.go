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

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
)

// Options say what Run reads and how.
type Options struct {
	Library *library.Library // required
	// Index is the search index of Library (shared by SSH sessions); nil builds
	// one at the first search.
	Index *search.Index
	Lang  string // "en" or "it": the language of the pages and of the messages
	Page  string // a page id to open first ("" opens none)
	// Raw says the input comes from a terminal that does not edit lines itself
	// (an SSH session with a PTY): Run then echoes what is typed, handles
	// backspace, ctrl+u, ctrl+w, ctrl+c (quit) and ctrl+d (quit on an empty line),
	// and ends its lines with CR LF.
	Raw bool
}

// Limits of a session.
const (
	maxResults = 10  // search results listed
	maxHistory = 100 // places b can go back to
	maxNumber  = 9   // digits of a number read as a pick
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
	lang, err := i18n.Parse(opts.Lang)
	if err != nil {
		lang = "en"
	}
	s := &session{
		lib: opts.Library, ix: opts.Index, lang: lang, t: i18n.Line(lang),
		w:  &writer{w: out, raw: opts.Raw},
		at: -1,
	}
	s.ed = editor{raw: opts.Raw, echo: s.w.echo}
	chunks := make(chan chunk, chunkBuffer)
	stop := make(chan struct{})
	defer close(stop)
	go readChunks(in, chunks, stop)

	s.say(s.t.Welcome)
	s.listPages()
	if opts.Page != "" {
		if id, ok := s.lib.Resolve(opts.Page); ok && s.lib.Page(s.lang, id) != nil {
			s.open(id, 0)
		}
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
	listLinks            // the links of the page being read
)

// place is a page and a unit of it.
type place struct {
	page string
	unit int
}

type session struct {
	lib  *library.Library
	ix   *search.Index
	lang string
	t    i18n.LineStrings
	w    *writer
	ed   editor

	cur   string   // id of the open page, "" when none
	units unitList // reading units of the open page
	at    int      // the unit being read, -1 when none
	hist  []place
	eof   bool // the input ended

	list    listKind
	pages   []string // listPages: ids
	results []place  // listResults
	outline []int    // listOutline: section indices
}

// unit is a run of sections read together: sections with no text of their own
// (a page's title, a heading right above a subheading) are read with the next.
type unit struct{ first, last int }

func (s *session) say(line string) { s.w.write(line + "\n") }

// do runs one command line; it reports whether the reader quit.
func (s *session) do(line string) bool {
	cmd := strings.ToLower(line)
	switch cmd {
	case "":
		if s.cur != "" {
			s.next()
		}
	case "q", "quit", "exit", "esci":
		return true
	case "?", "h", "help", "aiuto":
		s.say(s.t.Help)
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
	default:
		switch {
		case strings.HasPrefix(line, "/"):
			s.search(strings.TrimSpace(line[1:]))
		case isNumber(line):
			s.pick(line)
		default:
			if id, ok := s.resolve(line); ok {
				s.visit(id, 0)
			} else if len([]rune(line)) < 2 {
				s.say(fmt.Sprintf(s.t.Unknown, quote(line)))
			} else {
				s.say(fmt.Sprintf(s.t.NotAPage, quote(line)))
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

func quote(s string) string { return "\"" + s + "\"" }

// needPage says whether a page is open, and tells the reader when none is.
func (s *session) needPage() bool {
	if s.cur == "" {
		s.say(s.t.NoPage)
		return false
	}
	return true
}

// resolve finds the page a reader named: by id, Italian name (library.Resolve),
// or the label of its tab in either language.
func (s *session) resolve(name string) (string, bool) {
	if id, ok := s.lib.Resolve(name); ok && s.lib.Page(s.lang, id) != nil {
		return id, true
	}
	f := library.Fold(name)
	for _, lang := range library.Languages() {
		for _, p := range s.lib.Pages(lang) {
			if library.Fold(p.Tab) == f && s.lib.Page(s.lang, p.ID) != nil {
				return p.ID, true
			}
		}
	}
	return "", false
}

// listPages prints the numbered pages.
func (s *session) listPages() {
	s.say(s.t.Pages)
	s.pages = s.pages[:0]
	for i, p := range s.lib.Pages(s.lang) {
		name := p.ID
		if id, ok := s.resolve(p.Tab); ok && id == p.ID && !strings.Contains(p.Tab, " ") {
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
		count = len(s.results)
	case listOutline:
		count = len(s.outline)
	case listLinks:
		count = len(s.lib.Page(s.lang, s.cur).Links)
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
		s.visit(s.pages[n-1], 0)
	case listResults:
		r := s.results[n-1]
		s.visit(r.page, r.unit)
	case listOutline:
		s.visit(s.cur, s.unitOf(s.outline[n-1]))
	case listLinks:
		s.follow(n)
	}
}

// follow opens link n (from 1) of the page being read.
func (s *session) follow(n int) {
	p := s.lib.Page(s.lang, s.cur)
	l := p.Links[n-1]
	if l.External() {
		s.say(fmt.Sprintf(s.t.External, n, l.Target))
		return
	}
	tp := s.lib.Page(s.lang, l.Page)
	if l.Page == "" || tp == nil {
		s.say(fmt.Sprintf(s.t.BadLink, n, l.Target))
		return
	}
	sec := 0
	if l.Anchor != "" {
		sec = max(tp.SectionByAnchor(l.Anchor), 0)
	}
	s.visit(l.Page, unitsOf(tp).of(sec))
}

// visit goes to a page and unit, remembering where the reader was.
func (s *session) visit(id string, u int) {
	if s.cur != "" {
		if len(s.hist) == maxHistory {
			s.hist = append(s.hist[:0], s.hist[1:]...)
		}
		s.hist = append(s.hist, place{s.cur, s.at})
	}
	s.open(id, u)
}

// open shows a unit of a page, without history.
func (s *session) open(id string, u int) {
	p := s.lib.Page(s.lang, id)
	s.cur, s.units = id, unitsOf(p)
	s.show(min(max(u, 0), len(s.units)-1))
}

func (s *session) back() {
	if len(s.hist) == 0 {
		s.say(s.t.NoBack)
		return
	}
	pl := s.hist[len(s.hist)-1]
	s.hist = s.hist[:len(s.hist)-1]
	if s.lib.Page(s.lang, pl.page) == nil {
		s.say(s.t.NoBack)
		return
	}
	s.open(pl.page, pl.unit)
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
	p := s.lib.Page(s.lang, s.cur)
	for u := s.at + 1; u < len(s.units); u++ {
		s.text(p, u)
	}
	s.at = len(s.units) - 1
	s.position(p)
	s.list = listLinks
}

func (s *session) listOutline() {
	if !s.needPage() {
		return
	}
	p := s.lib.Page(s.lang, s.cur)
	s.say(fmt.Sprintf(s.t.Outline, p.Title))
	s.outline = s.outline[:0]
	for _, sec := range p.Sections {
		if sec.Heading.Block < 0 {
			continue // the untitled start of a page
		}
		s.outline = append(s.outline, sec.Index)
		s.say(fmt.Sprintf("%d. %s %s", len(s.outline), strings.Repeat("#", max(sec.Heading.Level, 1)), sec.Heading.Text))
	}
	s.list = listOutline
}

// switchLang reads the same unit in the other language, and speaks it from then on.
func (s *session) switchLang() {
	other := i18n.Other(s.lang)
	if s.cur != "" && s.lib.Page(other, s.cur) == nil {
		s.say(fmt.Sprintf(s.t.NoOther, i18n.LanguageName(other, s.lang)))
		return
	}
	from := s.lang
	s.lang, s.t = other, i18n.Line(other)
	s.say(s.t.Language)
	if s.cur == "" {
		s.listPages()
		return
	}
	// The same section in the other language (on the glossary, entries pair
	// through the term base: each language lists them in its own order).
	sec := s.lib.CounterpartSection(s.cur, from, s.units[s.at].last, other)
	s.open(s.cur, unitsOf(s.lib.Page(other, s.cur)).of(max(sec, 0)))
}

// search lists the sections that match the query, in the reader's language.
func (s *session) search(query string) {
	if len(search.Words(query)) == 0 {
		s.say(s.t.SearchHow)
		return
	}
	if s.ix == nil {
		s.ix = search.New(s.lib)
	}
	// The engine searches both languages and gives the reader's language's
	// sections, those found through the other language's text among them.
	hits := s.ix.Search(query, search.Options{Lang: s.lang, Limit: 4 * maxResults})
	type row struct {
		pl    place
		line  string
		other bool
	}
	var rows []row
	seen := map[place]bool{}
	more := false
	for _, h := range hits {
		p, sec, ok := s.hitSection(h)
		if !ok {
			continue
		}
		pl := place{p.ID, unitsOf(p).of(sec)}
		if seen[pl] {
			continue
		}
		seen[pl] = true
		if len(rows) == maxResults {
			more = true
			break
		}
		var b strings.Builder
		b.WriteString(p.Tab)
		head := p.Sections[sec].Heading.Text
		if head != "" && head != p.Tab {
			b.WriteString(", " + head)
		}
		if snip := strings.TrimSpace(h.Snippet); snip != "" && snip != h.Heading && snip != head {
			b.WriteString(": " + snip)
		}
		rows = append(rows, row{pl, b.String(), h.Lang != s.lang || (h.Found != "" && h.Found != s.lang)})
	}
	if len(rows) == 0 {
		s.say(fmt.Sprintf(s.t.NoMatch, quote(query)))
		return
	}
	if len(rows) == 1 {
		s.say(fmt.Sprintf(s.t.OneResult, quote(query)))
	} else {
		s.say(fmt.Sprintf(s.t.Results, len(rows), quote(query)))
	}
	s.results = s.results[:0]
	for i, r := range rows {
		line := strconv.Itoa(i+1) + ". " + r.line
		if r.other {
			line += " " + s.t.OtherLang
		}
		s.say(line)
		s.results = append(s.results, r.pl)
	}
	if more {
		s.say(s.t.More)
	}
	s.list = listResults
}

// hitSection finds the section of a hit, in the reader's language: a hit in the
// other language's text is shown in the same section of this language's page.
func (s *session) hitSection(h search.Hit) (*library.Page, int, bool) {
	hp := s.lib.Page(h.Lang, h.Page)
	p := s.lib.Page(s.lang, h.Page)
	if hp == nil || p == nil || len(p.Sections) == 0 {
		return nil, 0, false
	}
	sec := -1
	if h.Section >= 0 && h.Section < len(hp.Sections) && hp.Sections[h.Section].Heading.Anchor == h.Anchor {
		sec = h.Section
	}
	if sec < 0 && h.HeadingIndex >= 0 && h.HeadingIndex < len(hp.Headings) && hp.Headings[h.HeadingIndex].Anchor == h.Anchor {
		sec = hp.Headings[h.HeadingIndex].Section
	}
	if sec < 0 && h.Anchor != "" {
		sec = hp.SectionByAnchor(h.Anchor)
	}
	if sec < 0 { // by line: the section of the last block that starts at or before it
		sec = 0
		for _, b := range hp.Blocks {
			if b.Line > h.Line {
				break
			}
			sec = b.Section
		}
	}
	if h.Lang != s.lang {
		sec = max(s.lib.CounterpartSection(h.Page, h.Lang, sec, s.lang), 0)
	}
	return p, min(sec, len(p.Sections)-1), true
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

func (s *session) unitOf(sec int) int { return s.units.of(sec) }

// show reads unit u of the open page.
func (s *session) show(u int) {
	p := s.lib.Page(s.lang, s.cur)
	s.at = u
	s.text(p, u)
	s.position(p)
	s.list = listLinks
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
// links numbered.
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
		txt := linked(p, b)
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
			s.say("> " + strings.ReplaceAll(txt, "\n", "\n> "))
		case library.KindTable:
			s.say(table(txt))
		default:
			s.say(txt)
		}
	}
	s.say("")
}

// linked returns a block's text with its links numbered: "[3] OEWG", where the
// document model places each link (a link it could not place is added at the end).
func linked(p *library.Page, b library.Block) string {
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
		mark := "[" + strconv.Itoa(li+1) + "] "
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
	w   io.Writer
	raw bool
	buf []byte
	err error
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
