package reader

import (
	"testing"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/cite"
	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
)

var (
	testLib   *library.Library
	testIndex *search.Index
)

func init() {
	lib, err := library.Load(content.FS())
	if err != nil {
		panic(err)
	}
	testLib, testIndex = lib, search.New(lib)
}

// checkReads checks that the session reads section want of p, cites it and
// copies exactly it.
func checkReads(t *testing.T, s *Session, p *library.Page, heading int, how string) {
	t.Helper()
	want := cite.Block(p, heading)
	got, sec, _ := s.Current()
	if got != p || sec != want.Section {
		t.Errorf("%s: %s %s reads section %d, want %d (%s)", how, p.Lang, p.ID, sec, want.Section, want.Where)
		return
	}
	if c := s.Cite(); c != cite.Line(testLib, p, want.Section) {
		t.Errorf("%s: cites %q", how, c)
	}
	text, where, ok := s.Copy()
	if !ok || where != want.Where || text != cite.WithCitation(testLib, p, want) {
		t.Errorf("%s: copies %q (%v):\n%s", how, where, ok, text)
	}
}

// Opening every heading of every page in both languages, as PAGE#ANCHOR, as a
// search hit and as the outline does, makes that section the one read, cited
// and copied; scrolling away gives the section at the top.
func TestEveryHeadingIsReadCitedAndCopied(t *testing.T) {
	for _, lang := range library.Languages() {
		for _, p := range testLib.Pages(lang) {
			s := New(testLib, testIndex, lang, library.Place{Lang: lang, Page: "overview"})
			for _, h := range p.Headings {
				if h.Block < 0 {
					continue
				}
				pl, ok, anchorOK := s.Resolve(p.ID + "#" + h.Anchor)
				if !ok || !anchorOK || pl != library.At(p, h.Section) {
					t.Errorf("Resolve(%s#%s) = %+v %v %v", p.ID, h.Anchor, pl, ok, anchorOK)
					continue
				}
				s.Open(pl)
				checkReads(t, s, p, h.Block, "PAGE#ANCHOR")
				// As the heading reads, in the other language.
				if op := testLib.Page(langs.Next(lang), p.ID); op != nil {
					if j := testLib.CounterpartSection(p.ID, lang, h.Section, op.Lang); j >= 0 && op.Sections[j].Heading.Block >= 0 {
						if pl, _, ok := s.Resolve(p.ID + "#" + op.Sections[j].Heading.Text); !ok || pl != library.At(p, h.Section) {
							t.Errorf("Resolve(%s#%s) = %+v, want %s", p.ID, op.Sections[j].Heading.Text, pl, h.Anchor)
						}
					}
				}
				// A search hit of that section.
				found := false
				for _, hit := range s.Find(h.Text, search.Options{AllLangs: true, Limit: 50}).Hits {
					if hit.Lang == lang && hit.Page == p.ID && hit.Section == h.Section {
						s.OpenHit(hit, h.Text)
						checkReads(t, s, p, h.Block, "search hit")
						found = true
						break
					}
				}
				if !found {
					t.Errorf("%s %s: searching %q does not find its section", lang, p.ID, h.Text)
				}
				// Scrolling away: the block at the top rules.
				s.SetPlace(library.PlaceOfBlock(p, h.Block))
				if _, sec, _ := s.Current(); sec != cite.Block(p, h.Block).Section {
					t.Errorf("%s %s: after scrolling to the heading, section %d", lang, p.ID, sec)
				}
			}
		}
	}
}

// Following a link opens its section; Back comes back to where the link was,
// in the language read then.
func TestFollowAndBack(t *testing.T) {
	n := 0
	for _, lang := range library.Languages() {
		for _, p := range testLib.Pages(lang) {
			for i, l := range p.Links {
				s := New(testLib, testIndex, lang, library.Place{Lang: lang, Page: p.ID})
				from := library.PlaceOfBlock(p, l.Block)
				s.SetPlace(from)
				tg, ok := s.Follow(i)
				if !ok {
					t.Fatalf("%s %s link %d: not a link", lang, p.ID, i)
				}
				if tg.External || tg.Unknown {
					if s.HistoryLen() != 0 {
						t.Errorf("%s %s link %d (%s): not followed, yet in the history", lang, p.ID, i, l.Target)
					}
					continue
				}
				tp := testLib.Page(lang, l.Page)
				if s.Page() != tp {
					t.Errorf("%s %s link %d: opened %s, want %s", lang, p.ID, i, s.PageID(), l.Page)
					continue
				}
				if sec := tp.SectionByAnchor(l.Anchor); l.Anchor != "" && sec >= 0 {
					checkReads(t, s, tp, tp.Sections[sec].Heading.Block, "link "+l.Target)
				}
				s.SwitchLang()
				if !s.Back() || s.Lang() != lang || s.PageID() != p.ID || s.Place() != from {
					t.Errorf("%s %s link %d: back to %s %s %+v, want %+v", lang, p.ID, i, s.Lang(), s.PageID(), s.Place(), from)
				}
				if s.Back() {
					t.Errorf("%s %s link %d: back twice after one jump", lang, p.ID, i)
				}
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no link followed")
	}
}

// L keeps the section read: the same section in the other language, and L
// twice the very place.
func TestSwitchLangKeepsTheSection(t *testing.T) {
	for _, p := range testLib.Pages("en") {
		for _, h := range p.Headings {
			if h.Block < 0 {
				continue
			}
			s := New(testLib, testIndex, "en", library.At(p, h.Section))
			if !s.SwitchLang() || s.Lang() != "it" {
				t.Fatal("L did not switch to Italian")
			}
			ip := testLib.Page("it", p.ID)
			_, sec, _ := s.Current()
			want := cite.Block(ip, ip.Sections[testLib.CounterpartSection(p.ID, "en", h.Section, "it")].Heading.Block).Section
			if sec != want {
				t.Errorf("%s#%s in Italian: section %d, want %d", p.ID, h.Anchor, sec, want)
			}
			if saved := s.Saved(); saved.Lang != "it" || saved.Page != p.ID || testLib.JumpedSection(saved, "it") < 0 {
				t.Errorf("%s#%s: saved in Italian as %+v", p.ID, h.Anchor, saved)
			}
			s.SwitchLang()
			if s.Place() != library.At(p, h.Section) {
				t.Errorf("%s#%s: L L moved the place to %+v", p.ID, h.Anchor, s.Place())
			}
		}
	}
}

// The history is bounded; tabs are jumps; a search is stepped page by page.
func TestHistoryTabsAndSteps(t *testing.T) {
	s := New(testLib, testIndex, "en", library.Place{})
	for i := 0; i < 3*MaxHistory; i++ {
		s.GoTab(i % len(s.IDs()))
	}
	if s.HistoryLen() > MaxHistory {
		t.Errorf("history of %d places, bound %d", s.HistoryLen(), MaxHistory)
	}
	if s.GoTab(s.Tab()) {
		t.Error("opening the tab open is a jump")
	}
	if _, ok := s.Step(+1); ok {
		t.Error("a step with no search")
	}
	s.Search("oewg")
	seen := map[string]bool{}
	for range s.IDs() {
		tab, ok := s.Step(+1)
		if !ok {
			t.Fatal("no page has oewg")
		}
		s.StepTo(tab)
		seen[s.PageID()] = true
		if p := s.Page(); len(s.Marks(p.Title+" "+p.Body)) == 0 && p.ID != "timeline" {
			t.Errorf("step to %s, which does not say oewg", p.ID)
		}
	}
	if !seen["un"] || !seen["glossary"] {
		t.Errorf("steps through %v", seen)
	}
}

// Any sequence of the session's operations, with any arguments, keeps it
// whole: a page open, a place on it, the history within its bound, and Current,
// Cite and Copy never failing.
func FuzzSession(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
	f.Add([]byte{3, 200, 4, 4, 4, 6, 6, 9, 1, 250, 2, 2, 2, 2})
	f.Fuzz(func(t *testing.T, ops []byte) {
		s := New(testLib, testIndex, "it", library.Place{Lang: "en", Page: "un", Section: "the-global-mechanism"})
		for i := 0; i+1 < len(ops) && i < 400; i += 2 {
			op, arg := ops[i]%12, int(ops[i+1])
			p := s.Page()
			switch op {
			case 0:
				s.GoTab(arg%(len(s.IDs())+2) - 1)
			case 1:
				if p != nil && len(p.Sections) > 0 {
					s.Open(library.At(p, arg%(len(p.Sections)+1)-1))
				}
			case 2:
				s.Follow(arg - 3)
			case 3:
				s.Back()
			case 4:
				s.SwitchLang()
			case 5:
				if p != nil && len(p.Blocks) > 0 {
					s.SetPlace(library.PlaceOfBlock(p, arg%len(p.Blocks)))
				}
			case 6:
				s.Search([]string{"", "oewg", "cbm 14", "zzzz", "pledge"}[arg%5])
			case 7:
				if tab, ok := s.Step(arg%3 - 1); ok {
					s.StepTo(tab)
				}
			case 8:
				s.SetPlace(library.Place{Lang: "xx", Page: "nope", Section: "gone", Block: "99.99", Line: -arg})
			case 9:
				pl, _, _ := s.Resolve([]string{"un#key-facts", "onu#in-breve", "nope", "glossario#", "#", "UN#Key facts"}[arg%6])
				s.Open(pl)
			case 10:
				s.SelectLink(arg - 2)
			case 11:
				for _, h := range s.Find("mechanism", search.Options{Limit: 3}).Hits {
					s.OpenHit(h, "mechanism")
				}
			}
			if s.Page() == nil || s.HistoryLen() > MaxHistory {
				t.Fatalf("after op %d(%d): page %v, history %d", op, arg, s.Page(), s.HistoryLen())
			}
			s.Current()
			s.Cite()
			s.Copy()
			s.Saved()
		}
	})
}
