package linemode

import (
	"fmt"
	"strings"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/marks"
	"github.com/cyberdiplo/cyberdiplo/internal/reader"
)

// The line mode's marks (internal/marks): mark marks the section being read (what
// copy writes) and unmarks it when typed again; marks lists them, numbered as the
// full-screen reader's list numbers them (reading order), a number opening one;
// brief writes them all, each with its citation, as cyberdiplo brief prints them.
// The words of every language are accepted in any.

// markCommand runs mark, marks or brief (in the words of any language); false
// when cmd is none of them.
func (s *session) markCommand(cmd string) bool {
	for _, l := range langs.All() {
		switch t := i18n.Marks(l); cmd {
		case t.CmdMark:
			s.toggleMark()
		case t.CmdMarks:
			s.listMarks()
		case t.CmdBrief:
			s.brief()
		default:
			continue
		}
		return true
	}
	return false
}

// toggleMark marks the section being read, or unmarks it.
func (s *session) toggleMark() {
	t := i18n.Marks(s.lang())
	if !s.open {
		s.say(t.LineNoSection)
		return
	}
	p, _, b := s.rs.Current()
	if p == nil || len(p.Blocks) == 0 {
		s.say(t.NothingMark)
		return
	}
	s.say(s.keeper.Toggle(s.rs.Library(), s.lang(), p.ID, max(b, 0)) + ".")
}

// listMarks lists the marks in reading order, numbered: each one's page and
// section and first words, then its sources, then what became of it.
func (s *session) listMarks() {
	t := i18n.Marks(s.lang())
	lib := s.rs.Library()
	s.marked = s.keeper.Store().List(lib, s.lang(), marks.Reading)
	if len(s.marked) == 0 {
		s.say(t.LineEmpty)
		return
	}
	s.say(fmt.Sprintf(t.LineMarks, t.OrderReading))
	for _, e := range s.marked {
		s.say(fmt.Sprintf(t.LineItem, e.N, e.Where, e.FirstWords(8)))
		if e.Page != nil && e.Section >= 0 && e.Section < len(e.Page.Sections) {
			if src := reader.FormatSources(lib, e.Page.Sections[e.Section].Sources); src != "" {
				s.say("   " + fmt.Sprintf(s.t.Sources, strings.ReplaceAll(src, " · ", "; ")))
			}
		}
		if notes := e.Notes(s.lang()); len(notes) > 0 {
			s.say("   " + strings.Join(notes, " "))
		}
	}
	s.list = listMarks
}

// openMark reads the section of a listed mark.
func (s *session) openMark(e marks.Entry) {
	if e.Page == nil || e.Section < 0 {
		s.say(i18n.Marks(s.lang()).Gone)
		return
	}
	s.visit(library.At(e.Page, e.Section))
}

// brief writes the marked passages, each with its citation line, in reading
// order, between blank lines (cyberdiplo brief's plain text).
func (s *session) brief() {
	t := i18n.Marks(s.lang())
	entries := s.keeper.Store().List(s.rs.Library(), s.lang(), marks.Reading)
	if len(entries) == 0 {
		s.say(t.LineEmpty)
		return
	}
	var b strings.Builder
	if err := marks.Write(&b, entries, marks.Plain, s.lang()); err != nil {
		return
	}
	s.say("")
	for _, l := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
		s.say(l)
	}
	s.say("")
}
