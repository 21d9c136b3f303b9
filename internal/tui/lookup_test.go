package tui

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"
	"github.com/cyberdiplo/cyberdiplo/third_party/colorprofile"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
)

// search types a query in the search box and opens the first result.
func searchFor(m *Model, q string) {
	keys(m, "/")
	typeText(m, q)
	keys(m, "enter")
}

func TestSearchBoxOpensTheHit(t *testing.T) {
	m := newTest(t, "en", "overview", 100, 30)
	keys(m, "/")
	typeText(m, "oewg")
	s := screen(m)
	if !strings.Contains(s, "Search: oewg") {
		t.Fatalf("search box does not show the query:\n%s", s)
	}
	if len(m.find.hits) == 0 {
		t.Fatal("no hits for oewg")
	}
	first := m.find.hits[0]
	keys(m, "down", "up", "enter")
	if _, page := m.Current(); page != first.Page {
		t.Fatalf("enter opened %q, want %q", page, first.Page)
	}
	if !strings.Contains(strings.ToLower(pageArea(m)), "oewg") {
		t.Fatalf("the hit is not on screen:\n%s", screen(m))
	}
	if want := fmt.Sprintf("match %d of %d", m.find.current+1, len(m.find.occ)); !strings.Contains(statusLine(m), want) {
		t.Fatalf("status bar: %q, want %q", statusLine(m), want)
	}
}

// The counter counts occurrences, not lines: a line with the word twice counts
// twice, and n steps through both.
func TestMatchesAreOccurrences(t *testing.T) {
	m := newTest(t, "en", "un", 100, 30)
	searchFor(m, "oewg")
	if _, page := m.Current(); page != "un" {
		keys(m, "3")
	}
	lines, total := 0, 0
	for _, line := range m.doc.Plain {
		n := len(m.sess.Marks(line)) // as the search matches: OEWG, Open-ended Working Group
		if n > 0 {
			lines++
		}
		total += n
	}
	if total == lines {
		t.Fatalf("no line of the UN page holds OEWG twice: the test needs one")
	}
	if len(m.find.occ) != total {
		t.Fatalf("%d occurrences counted, the page has %d (on %d lines)", len(m.find.occ), total, lines)
	}
	keys(m, "g")
	m.find.current = -1
	seen := map[int]bool{}
	for i := 0; i < total; i++ {
		keys(m, "n")
		if _, page := m.Current(); page != "un" {
			t.Fatalf("n left the page after %d of %d occurrences", i, total)
		}
		seen[m.find.current] = true
		if want := fmt.Sprintf("match %d of %d", i+1, total); !strings.Contains(statusLine(m), want) {
			t.Fatalf("after %d n: %q, want %q", i+1, statusLine(m), want)
		}
	}
	if len(seen) != total {
		t.Fatalf("n visited %d of %d occurrences", len(seen), total)
	}
	keys(m, "N")
	if want := fmt.Sprintf("match %d of %d", total-1, total); !strings.Contains(statusLine(m), want) {
		t.Fatalf("after N: %q, want %q", statusLine(m), want)
	}
}

// The current match is marked differently from the other matches, and the mark
// moves with n.
func TestCurrentMatchIsMarkedDifferently(t *testing.T) {
	m := newTest(t, "en", "un", 100, 30)
	keys(m, "3")
	searchFor(m, "oewg")
	view := m.View().Content
	cur := m.find.occ[m.find.current]
	word := ansi.Cut(m.doc.Plain[cur.line], cur.col0, cur.col1)
	current := m.lk.st.CurrentMatch.Render(word)
	other := m.lk.st.Match.Render(word)
	if strings.Count(view, current) != 1 {
		t.Fatalf("the current match %q is not marked once as current (%d)", word, strings.Count(view, current))
	}
	if !strings.Contains(view, other) {
		t.Fatalf("the other matches are not marked")
	}
	if current == other {
		t.Fatal("the current match looks like the others")
	}
	before := m.find.current
	keys(m, "n")
	if m.find.current != before+1 {
		t.Fatalf("n: current %d, want %d", m.find.current, before+1)
	}
	cur = m.find.occ[m.find.current]
	current = m.lk.st.CurrentMatch.Render(ansi.Cut(m.doc.Plain[cur.line], cur.col0, cur.col1))
	if strings.Count(m.View().Content, current) != 1 {
		t.Fatal("after n, not exactly one current mark")
	}
}

// One search is one step in the history: after /, n five times (across pages)
// and Backspace, the reader is back where the search began.
func TestHistoryOneStepPerSearch(t *testing.T) {
	m := newTest(t, "en", "overview", 100, 30)
	keys(m, "space")
	startLang, startPage := m.Current()
	startBlock := topBlock(m)
	searchFor(m, "oewg")
	pages := map[string]bool{}
	for i := 0; i < 5; i++ {
		keys(m, "n")
		_, p := m.Current()
		pages[p] = true
	}
	if len(pages) < 2 {
		t.Logf("n x5 stayed on %v", pages)
	}
	keys(m, "backspace")
	lang, page := m.Current()
	if lang != startLang || page != startPage || topBlock(m) != startBlock {
		t.Fatalf("backspace after the search: %s/%s at %s, want %s/%s at %s", lang, page, topBlock(m), startLang, startPage, startBlock)
	}
	keys(m, "backspace")
	if !strings.Contains(statusLine(m), m.s.HistoryEmpty) {
		t.Fatalf("a search and its n's took more than one history step: %q", statusLine(m))
	}
}

// L is not a step in the history; tabs, links and the outline are.
func TestHistorySteps(t *testing.T) {
	m := newTest(t, "en", "overview", 100, 30)
	keys(m, "L", "backspace")
	if lang, _ := m.Current(); lang != "it" || !strings.Contains(statusLine(m), m.s.HistoryEmpty) {
		t.Fatalf("L became a history step: %s, %q", lang, statusLine(m))
	}
	keys(m, "L", "3", "o", "down", "down", "enter")
	inUN := topBlock(m)
	keys(m, "]", "enter")
	if _, page := m.Current(); page == "un" {
		t.Fatal("the link did not leave the page")
	}
	keys(m, "backspace")
	if _, page := m.Current(); page != "un" || topBlock(m) != inUN {
		t.Fatalf("back from the link: %s at %s, want un at %s", page, topBlock(m), inUN)
	}
	keys(m, "backspace") // the outline jump
	if topBlock(m) == inUN {
		t.Fatal("the outline jump is not in the history")
	}
	keys(m, "backspace") // the tab
	if _, page := m.Current(); page != "overview" {
		t.Fatalf("back from the tab: %s", page)
	}
}

// Every link of every page, in both languages, can be selected with ] (and Tab)
// and opens its target.
func TestEveryLinkIsReachableAndOpensItsTarget(t *testing.T) {
	for _, lang := range []string{"en", "it"} {
		for _, p := range testLib.Pages(lang) {
			m := newTest(t, lang, p.ID, 100, 30)
			var order []int
			for n := 0; n < len(p.Links)+2; n++ {
				k := "]"
				if n%2 == 1 {
					k = "tab"
				}
				keys(m, k)
				if m.bar.note == m.s.NoMoreLinks || (len(p.Links) == 0 && m.bar.note == m.s.NoLinks) {
					break
				}
				if m.sess.Link() < 0 || !m.find.linkVisible(m, m.sess.Link()) {
					t.Fatalf("%s/%s: the link selected by %s is not on screen", lang, p.ID, k)
				}
				order = append(order, m.sess.Link())
			}
			if len(order) != len(p.Links) {
				t.Fatalf("%s/%s: ] reached %d of %d links: %v", lang, p.ID, len(order), len(p.Links), order)
			}
			// [ and Shift+Tab go back through them.
			keys(m, "[", "shift+tab")
			if len(order) > 2 && m.sess.Link() != order[len(order)-3] {
				t.Errorf("%s/%s: [ and shift+tab went to link %d, want %d", lang, p.ID, m.sess.Link(), order[len(order)-3])
			}
			for k, li := range order {
				l := p.Links[li]
				m = newTest(t, lang, p.ID, 100, 30)
				for j := 0; j <= k; j++ {
					keys(m, "]")
				}
				if m.sess.Link() != li {
					t.Fatalf("%s/%s: link %d not selected", lang, p.ID, li)
				}
				keys(m, "enter")
				if _, page := m.Current(); page != l.Page {
					t.Fatalf("%s/%s: link %q opened %s, want %s", lang, p.ID, l.Text, page, l.Page)
				}
				if l.Anchor != "" {
					tp := m.page()
					s := tp.SectionByAnchor(l.Anchor)
					if s < 0 {
						t.Fatalf("%s/%s: link %q to a missing anchor %q", lang, p.ID, l.Text, l.Anchor)
					}
					if line := m.doc.BlockLine(tp.Sections[s].Heading.Block); line < m.offset() || line >= m.offset()+m.pageHeight() {
						t.Errorf("%s/%s: link %q: heading %q not on screen", lang, p.ID, l.Text, tp.Sections[s].Heading.Text)
					}
				}
				keys(m, "backspace")
				if _, page := m.Current(); page != p.ID {
					t.Fatalf("%s/%s: back from %q went to %s", lang, p.ID, l.Text, page)
				}
			}
		}
	}
}

// Enter never follows a link that has scrolled off screen.
func TestEnterNeverFollowsAnOffScreenLink(t *testing.T) {
	m := newTest(t, "en", "un", 80, 14)
	keys(m, "G", "[")
	if m.sess.Link() < 0 {
		t.Fatal("no link at the end of the UN page")
	}
	keys(m, "g", "enter")
	if _, page := m.Current(); page != "un" {
		t.Fatalf("Enter followed a link that was off screen, to %s", page)
	}
	if !strings.Contains(statusLine(m), m.s.NoLink[:10]) {
		t.Fatalf("status after Enter with no link: %q", statusLine(m))
	}
}

// A click on a link follows it.
func TestClickFollowsALink(t *testing.T) {
	m := newTest(t, "en", "un", 100, 30)
	keys(m, "G")
	var span = m.doc.Links[len(m.doc.Links)-1]
	target := m.page().Links[span.Index]
	y := span.Line - m.offset() + 1
	drive(m, nil, tea.MouseClickMsg{X: span.Col0 + 1, Y: y, Button: tea.MouseLeft})
	if _, page := m.Current(); page != target.Page {
		t.Fatalf("click on %q opened %s, want %s", target.Text, page, target.Page)
	}
	// A click on text that is not a link does nothing.
	keys(m, "backspace", "g")
	drive(m, nil, tea.MouseClickMsg{X: 3, Y: 3, Button: tea.MouseLeft})
	if _, page := m.Current(); page != "un" {
		t.Fatalf("a click on plain text went to %s", page)
	}
}

func TestSearchFoldsAccentsAndCancels(t *testing.T) {
	m := newTest(t, "it", "overview", 100, 30)
	keys(m, "/")
	typeText(m, "attivita")
	if len(m.find.hits) == 0 || !strings.Contains(screen(m), "attività") {
		t.Fatalf("attivita does not find attività:\n%s", screen(m))
	}
	keys(m, "backspace", "backspace")
	if !strings.Contains(screen(m), "Cerca: attivi") {
		t.Fatalf("backspace in the box:\n%s", screen(m))
	}
	keys(m, "esc")
	if m.mode != modeRead {
		t.Fatal("esc did not close the search box")
	}
	if _, page := m.Current(); page != "overview" {
		t.Fatal("cancelled search moved the reader")
	}
	// q typed in the box is text, not quit.
	keys(m, "/")
	typeText(m, "q")
	if m.find.input.Value() != "q" {
		t.Fatalf("q in the search box: %q", m.find.input.Value())
	}
	// Ctrl+V does not read the clipboard of the machine the reader runs on.
	before := m.find.input.Value()
	_, cmd := m.Update(press("ctrl+v"))
	if cmd != nil || m.find.input.Value() != before {
		t.Fatal("ctrl+v in the search box asked for the local clipboard")
	}
	// The box holds at most maxQuery characters.
	typeText(m, strings.Repeat("x", 500))
	if n := len([]rune(m.find.input.Value())); n > maxQuery {
		t.Fatalf("the search box holds %d characters", n)
	}
}

func TestSearchOtherLanguageHitSwitchesLanguage(t *testing.T) {
	m := newTest(t, "en", "overview", 100, 30)
	keys(m, "/")
	// "esercitazioni" is only in the Italian text ("partenariato" would not do:
	// the English glossary gives each entry's Italian term).
	typeText(m, "esercitazioni")
	if len(m.find.hits) == 0 {
		t.Fatal("esercitazioni finds nothing")
	}
	// Found in Italian, the section is offered in the reader's language, marked.
	h := m.find.hits[0]
	if h.Lang != "en" || h.OtherLang || h.Via != search.ViaOtherLang || h.Found != "it" {
		t.Fatalf("esercitazioni should give an English section found through Italian: %+v", h)
	}
	if !strings.Contains(screen(m), "(via IT)") {
		t.Fatalf("a section found through Italian is not marked:\n%s", screen(m))
	}
	// Each section once: the Italian versions of the sections listed are not.
	assertOneRowPerSection(t, m, "en")
	// A section only Italian has comes after, marked with its label; opening it
	// switches to Italian.
	m = newTestLib(t, italianOnly(t), "en", "overview", 100, 30)
	keys(m, "/")
	typeText(m, "esercitazioni")
	sel := -1
	for i, h := range m.find.hits {
		if h.OtherLang {
			sel = i
			if h.Lang != "it" || h.Heading != "Solo in italiano" {
				t.Errorf("an Italian row of a section English has: %+v", h)
			}
		} else if sel >= 0 {
			t.Errorf("an English row after the Italian one: %s › %s", h.Page, h.Heading)
		}
	}
	for i := 0; i < sel; i++ {
		keys(m, "down")
	}
	if sel < 0 || !strings.Contains(screen(m), "[IT] NATO › Solo in italiano") {
		t.Fatalf("no Italian-only section in the list:\n%s", screen(m))
	}
	assertOneRowPerSection(t, m, "en")
	keys(m, "enter")
	if lang, _ := m.Current(); lang != "it" {
		t.Fatal("opening an Italian hit did not switch to Italian")
	}
}

// italianOnly is the shipped briefing with a section only Italian has, at the
// end of the NATO page (sections pair by position: it has no English one).
func italianOnly(t *testing.T) *library.Library {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(content.FS(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(content.FS(), path)
		if path == "it/nato.md" {
			data = append(data, "\n## Solo in italiano\n<!-- sources: maeci-2026 -->\n\nEsercitazioni soltanto in questa versione.\n"...)
		}
		fsys[path] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	lib, err := library.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// assertOneRowPerSection fails when the search box lists a section twice: in
// two languages (the same section in lang) or twice in one.
func assertOneRowPerSection(t *testing.T, m *Model, lang string) {
	t.Helper()
	seen := map[string]bool{}
	for _, h := range m.find.hits {
		k := fmt.Sprintf("%s %s %d", h.Lang, h.Page, h.Section)
		if sec := m.lib.CounterpartSection(h.Page, h.Lang, h.Section, lang); sec >= 0 {
			k = fmt.Sprintf("%s %d", h.Page, sec)
		}
		if seen[k] {
			t.Errorf("%s › %s (%s) listed twice", h.Page, h.Heading, h.Lang)
		}
		seen[k] = true
	}
	if want := fmt.Sprintf("%d results", len(m.find.hits)); len(m.find.hits) > 1 && !strings.Contains(screen(m), want) {
		t.Errorf("the box does not say %q:\n%s", want, screen(m))
	}
}

func TestOutlineJumps(t *testing.T) {
	m := newTest(t, "en", "osce", 100, 30)
	p := m.page()
	keys(m, "o")
	s := screen(m)
	for _, h := range p.Headings {
		if !strings.Contains(s, h.Text) {
			t.Fatalf("outline lacks %q:\n%s", h.Text, s)
		}
	}
	last := len(p.Headings) - 1
	for i := 0; i < last+3; i++ {
		keys(m, "down")
	}
	keys(m, "enter")
	if !strings.Contains(pageArea(m), p.Headings[last].Text) {
		t.Fatalf("outline enter: %q not in view:\n%s", p.Headings[last].Text, screen(m))
	}
	keys(m, "o", "q")
	if m.mode != modeRead {
		t.Fatal("q did not close the outline")
	}
}

// The reader as the command line starts it: no index given, first page rendered
// while the terminal is set up. Search must still work once the page is shown.
func TestSearchWorksWithoutAGivenIndex(t *testing.T) {
	for _, prerender := range []bool{false, true} {
		m := New(Options{Library: testLib, Cache: testCache, Lang: "it", Style: "dark", Width: 100, Height: 30})
		if prerender {
			m.Prerender()
		}
		drive(m, m.Init(), tea.WindowSizeMsg{Width: 100, Height: 30})
		keys(m, "/")
		typeText(m, "12 march")
		if len(m.find.hits) == 0 || m.find.hits[0].Lang != "it" {
			t.Fatalf("prerender=%v: 12 march finds %d hits in the Italian reader:\n%s", prerender, len(m.find.hits), screen(m))
		}
	}
}

// The queries of issue 12 find the right section first from the reader's "/" too.
func TestSearchBoxIssueExamples(t *testing.T) {
	for _, c := range []struct {
		lang, q string
		want    []string // page#anchor (English anchors), any language
	}{
		{"en", "cyber defense pledge", []string{"nato#the-cyber-defence-pledge", "glossary#cyber-defence-pledge"}},
		{"it", "misura restrittiva", []string{"glossary#restrictive-measures", "eu#the-cyber-diplomacy-toolbox"}},
		{"it", "Prima Comissione", []string{"glossary#first-committee"}},
		{"en", "when was the cyber defence pledge adopted", []string{"nato#the-cyber-defence-pledge", "glossary#cyber-defence-pledge", "timeline#2016"}},
		{"it", "quanti OEWG ci sono stati", []string{"un#the-open-ended-working-groups", "glossary#oewg-open-ended-working-group", "un#key-facts"}},
		{"it", "confidence-building measures", []string{"osce#confidence-building-measures", "glossary#cbm-confidence-building-measures"}},
		{"en", "sanctions malicious cyber", []string{"glossary#restrictive-measures", "eu#the-cyber-diplomacy-toolbox", "glossary#eu-cyber-diplomacy-toolbox"}},
	} {
		m := newTest(t, c.lang, "overview", 100, 30)
		keys(m, "/")
		typeText(m, c.q)
		if len(m.find.hits) == 0 {
			t.Errorf("%q: no hit", c.q)
			continue
		}
		h := m.find.hits[0]
		got := h.Page + "#" + testLib.Page("en", h.Page).Sections[testLib.CounterpartSection(h.Page, h.Lang, h.Section, "en")].Heading.Anchor
		if h.Lang != c.lang || !slices.Contains(c.want, got) {
			t.Errorf("%q in the %s reader: first hit %s %s, want one of %v", c.q, c.lang, h.Lang, got, c.want)
		}
	}
}

// A hurried reader who opens a search result sees where the fact comes from: the
// status bar names the section's sources and years beside the match counter.
func TestSearchResultShowsItsSource(t *testing.T) {
	m := newTest(t, "it", "overview", 100, 30)
	keys(m, "/")
	typeText(m, "quando è stato adottato il cyber defence pledge")
	keys(m, "enter")
	st := statusLine(m)
	if !strings.Contains(st, "risultato ") || !strings.Contains(st, "MAECI 2026") {
		t.Errorf("status after opening a result: %q, want the match counter and the sources", st)
	}
}

// Without colour the selected link is drawn in brackets, which shift the text
// after them: a click on the drawn link still follows it, and a click beside it
// does not.
func TestClickWithBrackets(t *testing.T) {
	// On the timeline a link is drawn in parentheses, "(UN)": its opening
	// bracket is inserted and moves the link one cell to the right.
	m := newTest(t, "en", "timeline", 100, 30)
	drive(m, nil, tea.ColorProfileMsg{Profile: colorprofile.ASCII})
	keys(m, "]")
	target := m.page().Links[m.sess.Link()]
	if !strings.Contains(screen(m), "(<"+target.Text+">)") {
		t.Fatalf("the link %q is not drawn as (<%s>):\n%s", target.Text, target.Text, screen(m))
	}
	lines := strings.Split(screen(m), "\n")
	y, x := -1, -1
	for i, l := range lines {
		if j := strings.Index(l, "<"+target.Text); j >= 0 {
			y, x = i, len([]rune(l[:j]))+1 // on the link's first letter
		}
	}
	if y < 0 {
		t.Fatalf("the selected link %q is not drawn in brackets:\n%s", target.Text, screen(m))
	}
	drive(m, nil, tea.MouseClickMsg{X: x + len([]rune(target.Text)) - 1, Y: y, Button: tea.MouseLeft})
	if _, page := m.Current(); page != target.Page {
		t.Fatalf("a click on the last letter of %q went to %s, want %s", target.Text, page, target.Page)
	}
}

// A section whose own text matches is shown as found in it, even when the other
// language's version scores higher: "(via IT)" is for what only Italian has.
func TestOwnMatchIsNotMarkedViaTheOtherLanguage(t *testing.T) {
	m := newTest(t, "en", "overview", 100, 30)
	keys(m, "/")
	typeText(m, "oewg")
	assertOneRowPerSection(t, m, "en")
	for _, h := range m.find.hits {
		if !h.OtherLang && h.Via == search.ViaOtherLang && strings.Contains(strings.ToLower(testLib.Page("en", h.Page).Sections[h.Section].Text+h.Heading), "oewg") {
			t.Errorf("%s › %s holds OEWG but is marked as found through Italian", h.Page, h.Heading)
		}
	}
}

// After G takes the view away from the current match, the status bar stops
// naming it ("match 1 of N" would describe a line no longer on screen) and says
// how many there are; n then goes on from the view.
func TestMatchCounterFollowsTheView(t *testing.T) {
	m := newTest(t, "en", "un", 100, 30)
	searchFor(m, "oewg")
	if _, page := m.Current(); page != "un" {
		keys(m, "3")
	}
	keys(m, "g", "n")
	total := len(m.find.occ)
	if want := fmt.Sprintf("match 1 of %d", total); !strings.Contains(statusLine(m), want) {
		t.Fatalf("after g n: %q, want %q", statusLine(m), want)
	}
	keys(m, "G")
	if m.find.occ[0].line >= m.offset() {
		t.Skip("the first match is still on screen after G: the page is too short for this test")
	}
	if strings.Contains(statusLine(m), "match 1 of") {
		t.Fatalf("after G the status bar still names match 1: %q", statusLine(m))
	}
	if want := fmt.Sprintf("%d matches", total); !strings.Contains(statusLine(m), want) {
		t.Fatalf("after G: %q, want %q", statusLine(m), want)
	}
	keys(m, "N")
	last := m.find.occ[m.find.current]
	if last.line < m.offset() || last.line >= m.offset()+m.pageHeight() {
		t.Fatalf("N after G chose match %d (line %d), not one on screen (lines %d-%d)", m.find.current+1, last.line, m.offset(), m.offset()+m.pageHeight())
	}
}

// The box is drawn from what it shows: keys past the query's limit change
// nothing on screen, and a move of the selection or new results redraw it.
func TestSearchBoxRedrawsOnlyWhatChanged(t *testing.T) {
	m := newTest(t, "en", "un", 100, 30)
	keys(m, "/")
	typeText(m, strings.Repeat("oewg report ", 10))
	before := screen(m)
	typeText(m, "more words past the limit")
	if screen(m) != before {
		t.Fatalf("keys past the limit changed the screen:\n%s", screen(m))
	}
	keys(m, "down")
	if screen(m) == before {
		t.Fatal("down did not move the selection on screen")
	}
	for range 80 {
		keys(m, "backspace")
	}
	typeText(m, "pledge")
	if s := screen(m); !strings.Contains(s, "Search: pledge") || !strings.Contains(s, "Pledge") {
		t.Fatalf("new results not drawn:\n%s", s)
	}
	keys(m, "esc")
	if strings.Contains(screen(m), "Search:") {
		t.Fatal("the box outlived esc")
	}
}

// BenchmarkSearchBoxKeyPastLimit is a frame after a key that changes nothing
// (a paste without bracketed paste, past the query's limit).
func BenchmarkSearchBoxKeyPastLimit(b *testing.B) {
	m := newTest(b, "en", "un", 100, 30)
	keys(m, "/")
	typeText(m, strings.Repeat("oewg report ", 10))
	for b.Loop() {
		typeText(m, "x")
		_ = m.View()
	}
}

// At every width the search box supports, each result row keeps at least the
// first word of its heading (a glossary entry's "OEWG", "Cyber"): the sources
// and then the tab give way first, and no heading is cut to "…".
func TestBoxKeepsTheHeadingsFirstWords(t *testing.T) {
	for _, style := range []string{"dark", "ascii"} {
		m := New(Options{Library: testLib, Cache: testCache, Index: testIndex, Lang: "en", Page: "overview", Style: style})
		drive(m, m.Init())
		drive(m, nil, tea.WindowSizeMsg{Width: 80, Height: 40})
		keys(m, "/")
		for _, q := range []string{"oewg", "cyber defence pledge", "confidence building measures"} {
			m.find.input.SetValue(q)
			m.find.refresh(m)
			for w := minWidth; w <= 200; w++ {
				// The box alone, as drawn over a window w wide (the page
				// under it need not be rendered again at each width).
				m.width = w
				box := ansi.Strip(m.find.drawBox(m))
				for _, l := range strings.Split(box, "\n") {
					if lw := ansi.StringWidth(l); lw > w {
						t.Fatalf("%s %q at %d: a line of the box is %d cells wide: %q", style, q, w, lw, l)
					}
				}
				// The rows of places, in order: "› " or "  " after the border,
				// then the place (a snippet is indented further).
				var rows []string
				for _, l := range strings.Split(box, "\n") {
					_, in, ok := strings.Cut(l, m.lk.text("│ "))
					if !ok {
						continue
					}
					in = strings.TrimRight(in, m.lk.text(" │"))
					for _, mk := range []string{m.lk.text("› "), "  "} {
						if rest, ok := strings.CutPrefix(in, mk); ok && rest != "" && rest[0] != ' ' {
							rows = append(rows, rest)
							break
						}
					}
				}
				if len(rows) == 0 {
					t.Fatalf("%s %q at %d: no result row:\n%s", style, q, w, box)
				}
				for i, row := range rows {
					if i >= len(m.find.hits) {
						break
					}
					h := m.find.hits[i]
					if h.Heading == "" {
						continue
					}
					// A row has the box's width less its border, padding and "› ".
					room, _, _ := boxColumns(w)
					room -= 6
					head, ell := m.lk.text(h.Heading), m.lk.text("…")
					first := m.lk.text(strings.Fields(h.Heading)[0])
					switch {
					case ansi.StringWidth(first+ell) <= room:
						if !strings.Contains(row, first) {
							t.Errorf("%s %q at %d: row %q lacks %q, the first word of %q", style, q, w, row, first, h.Heading)
						}
					case !strings.HasPrefix(head, strings.TrimSuffix(row, ell)) || ansi.StringWidth(row) < room-1:
						// Too narrow for the first word: the heading alone, as much as fits.
						t.Errorf("%s %q at %d: row %q, want %q cut to %d cells", style, q, w, row, h.Heading, room)
					}
				}
			}
		}
	}
}

// Escape debris pasted into the box (a CSI, with ESC or as a C1 control, an
// OSC) is dropped whole before the query runs: it is neither matched nor
// named back as words that matched nothing.
func TestBoxDropsEscapeDebris(t *testing.T) {
	m := newTest(t, "en", "overview", 100, 30)
	keys(m, "/")
	typeText(m, "oewg")
	want := wheresOf(m.find.hits)
	for _, debris := range []string{"oewg\x1b[2J", "oewg\u009b2J", "oewg\x9b2J", "\x1b]0;title\x07oewg", "oewg\x1b[31m"} {
		keys(m, "esc", "/")
		drive(m, nil, tea.PasteMsg{Content: debris})
		if v := m.find.input.Value(); v != "oewg" {
			t.Errorf("%q pasted: the box holds %q", debris, v)
		}
		if got := wheresOf(m.find.hits); !slices.Equal(got, want) {
			t.Errorf("%q pasted: %d hits, want those of oewg (%d)", debris, len(got), len(want))
		}
		if s := screen(m); strings.Contains(s, "2J") || strings.Contains(s, "31m") || strings.Contains(s, "title") {
			t.Errorf("%q pasted: the debris is on screen:\n%s", debris, s)
		}
	}
	keys(m, "esc", "/")
	drive(m, nil, tea.PasteMsg{Content: "zzzqqq\x1b[2J"})
	if !slices.Equal(m.find.unmatched, []string{"zzzqqq"}) || !strings.Contains(screen(m), "no match for: zzzqqq") {
		t.Errorf("zzzqqq with debris: unmatched %q:\n%s", m.find.unmatched, screen(m))
	}
}

func wheresOf(hs []search.Hit) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.Lang+" "+h.Page+"#"+h.Place.Section)
	}
	return out
}

// The match counter counts the document's occurrences, not the drawn lines':
// a phrase the width breaks across two lines is one match, marked on both, so
// "match 1 of N" has the same N at every width.
func TestMatchCountIsTheDocuments(t *testing.T) {
	for _, c := range []struct{ lang, page, q string }{
		{"en", "nato", "cyber defence pledge"},
		{"en", "un", "open-ended working group"},
		{"en", "eu", "cyber diplomacy toolbox"},
		{"it", "osce", "misure di rafforzamento della fiducia"},
	} {
		wrapped := false
		for _, w := range []int{40, 80, 120, 200} {
			m := newTest(t, c.lang, c.page, w, 30)
			m.sess.Search(c.q)
			m.find.newDoc(m)
			doc := 0
			for _, b := range m.page().Blocks {
				doc += len(m.sess.Marks(b.Text))
			}
			if doc < 2 {
				t.Fatalf("%s %q: %d occurrences in the text: no test", c.page, c.q, doc)
			}
			keys(m, "g", "n")
			if want := fmt.Sprintf(m.s.Match, 1, doc); !strings.Contains(statusLine(m), want) {
				t.Errorf("%s %q at %d: status %q, want %q", c.page, c.q, w, statusLine(m), want)
			}
			marks := m.find.marks(m)
			for _, o := range m.find.occ {
				for _, s := range o.wraps {
					wrapped = true
					if len(marks[s.line]) == 0 || len(marks[o.line]) == 0 {
						t.Errorf("%s %q at %d: a wrapped match is not marked on lines %d and %d", c.page, c.q, w, o.line, s.line)
					}
				}
			}
		}
		if !wrapped {
			t.Errorf("%s %q: the phrase wraps at none of the widths: no test", c.page, c.q)
		}
	}
}
