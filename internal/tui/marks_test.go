package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"

	"github.com/cyberdiplo/cyberdiplo/internal/cite"
	"github.com/cyberdiplo/cyberdiplo/internal/marks"
)

// newMarksTest is a reader whose marks are kept in a marks file in a fresh
// directory; it returns the file's path.
func newMarksTest(t *testing.T, lang, page, style string, w, h int) (*Model, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cyberdiplo", "marks.json")
	return newMarksTestAt(t, path, lang, page, style, w, h), path
}

func newMarksTestAt(t *testing.T, path, lang, page, style string, w, h int) *Model {
	t.Helper()
	m := New(Options{Library: testLib, Cache: testCache, Index: testIndex, Lang: lang, Page: page, Style: style,
		Marks: marks.Open(path, lang)})
	drive(m, m.Init())
	drive(m, nil, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// pressCopy presses a key and returns the copy it made.
func pressCopy(t *testing.T, m *Model, k string) CopyMsg {
	t.Helper()
	_, cmd := m.Update(press(k))
	var c CopyMsg
	found := false
	queue := run(cmd)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		if cm, ok := msg.(CopyMsg); ok {
			c, found = cm, true
		}
		_, next := m.Update(msg)
		queue = append(queue, run(next)...)
	}
	if !found {
		t.Fatalf("%s copied nothing; status: %q", k, statusLine(m))
	}
	return c
}

// headingAt puts a section at the top of the view with the keys a reader would
// press (j until the heading is the top line).
func headingAt(t *testing.T, m *Model, anchor string) int {
	t.Helper()
	p := m.page()
	sec := p.SectionByAnchor(anchor)
	if sec < 0 {
		t.Fatalf("no section %q on %s", anchor, p.ID)
	}
	want := m.doc.BlockLine(p.Sections[sec].Heading.Block)
	keys(m, "g")
	for i := 0; m.offset() < want && i < 500; i++ {
		keys(m, "j")
	}
	if m.offset() != want {
		t.Fatalf("could not scroll to %s (line %d, at %d)", anchor, want, m.offset())
	}
	return sec
}

// tabOf is the digit key of a page's tab.
func tabOf(t *testing.T, id string) string {
	for i, x := range testLib.IDs() {
		if x == id {
			return string(rune('1' + i))
		}
	}
	t.Fatalf("no page %s", id)
	return ""
}

func TestMarkThreePagesThenTheListAndTheBriefInItalian(t *testing.T) {
	m, path := newMarksTest(t, "en", "un", "dark", 120, 40)
	type marked struct {
		page string
		sec  int
	}
	var made []marked
	for _, at := range []struct{ page, anchor string }{
		{"un", "groups-of-governmental-experts"}, {"eu", "key-facts"}, {"nato", "key-facts"},
	} {
		keys(m, tabOf(t, at.page))
		sec := headingAt(t, m, at.anchor)
		keys(m, "m")
		where := testLib.Page("en", at.page).Title + " › " + testLib.Page("en", at.page).Sections[sec].Heading.Text
		if st := statusLine(m); !strings.Contains(st, "marked: "+where) {
			t.Fatalf("m on %s: status %q, want it to say marked: %s", at.page, st, where)
		}
		if !strings.HasPrefix(pageArea(m), marginMark) {
			t.Fatalf("the marked section has no mark in the margin:\n%s", pageArea(m))
		}
		made = append(made, marked{at.page, sec})
	}
	if !strings.Contains(statusLine(m), "3 marked passages") {
		t.Errorf("status after three marks: %q", statusLine(m))
	}
	// Kept in the file: three marks, in English.
	if s, err := marks.Load(path); err != nil || s.Len() != 3 {
		t.Fatalf("the marks file: %v, %v", s, err)
	}

	keys(m, "L")
	if !strings.HasPrefix(pageArea(m), marginMark) {
		t.Fatalf("in Italian the marked section has no mark in the margin:\n%s", pageArea(m))
	}
	keys(m, "'")
	sc := screen(m)
	if !strings.Contains(sc, "Passi segnati (3), in ordine di lettura") {
		t.Fatalf("the list in Italian has no Italian title:\n%s", sc)
	}
	// Each mark as its Italian counterpart, in reading order (EU, UN, NATO).
	var wheres []string
	for _, id := range []string{"eu", "un", "nato"} {
		for _, mk := range made {
			if mk.page != id {
				continue
			}
			it := testLib.Page("it", id)
			isec := testLib.CounterpartSection(id, "en", mk.sec, "it")
			if isec < 0 {
				t.Fatalf("%s has no Italian counterpart of section %d", id, mk.sec)
			}
			wheres = append(wheres, it.Title+" › "+it.Sections[isec].Heading.Text)
		}
	}
	last := -1
	for i, w := range wheres {
		at := strings.Index(sc, string(rune('1'+i))+". "+w)
		if at < 0 || at < last {
			t.Fatalf("the list lacks %d. %s in order:\n%s", i+1, w, sc)
		}
		last = at
	}

	c := pressCopy(t, m, "c")
	if !strings.Contains(c.Note, "promemoria copiato: 3 passi segnati") || !strings.Contains(statusLine(m), "promemoria copiato") {
		t.Errorf("copy note %q, status %q", c.Note, statusLine(m))
	}
	for _, mk := range made {
		it := testLib.Page("it", mk.page)
		line := cite.Line(testLib, it, testLib.CounterpartSection(mk.page, "en", mk.sec, "it"))
		if !strings.Contains(c.Text, line) {
			t.Errorf("the brief lacks the Italian citation %q:\n%s", line, c.Text)
		}
	}
	if !strings.Contains(c.Text, "Fonti:") || strings.Contains(c.Text, "Sources:") {
		t.Errorf("the brief's citations are not in Italian:\n%s", c.Text)
	}
	if len(c.Text) > MaxCopy {
		t.Errorf("the brief is %d bytes, more than MaxCopy", len(c.Text))
	}

	// L in the list shows it in English, the reader still in Italian.
	keys(m, "L")
	if sc := screen(m); !strings.Contains(sc, "Marks (3), in reading order") || !strings.Contains(sc, "1. Italy in the European Union") {
		t.Fatalf("L in the list: not in English:\n%s", sc)
	}
	keys(m, "o")
	if sc := screen(m); !strings.Contains(sc, "in the order made") || !strings.Contains(sc, "1. Italy at the United Nations") {
		t.Fatalf("o in the list: not in the order made:\n%s", sc)
	}
}

func TestMarkTwiceUnmarks(t *testing.T) {
	m, path := newMarksTest(t, "en", "un", "dark", 100, 30)
	headingAt(t, m, "key-facts")
	keys(m, "m")
	if !strings.HasPrefix(pageArea(m), marginMark) {
		t.Fatalf("no mark in the margin after m:\n%s", pageArea(m))
	}
	keys(m, "m")
	if st := statusLine(m); !strings.Contains(st, "unmarked: Italy at the United Nations › Key facts (0 marked passages)") {
		t.Errorf("status after m twice: %q", st)
	}
	if strings.Contains(pageArea(m), marginMark) {
		t.Errorf("the margin still has a mark after m twice:\n%s", pageArea(m))
	}
	if s, err := marks.Load(path); err != nil || s.Len() != 0 {
		t.Errorf("the file after m twice: %d marks, %v", s.Len(), err)
	}
	keys(m, "'")
	if sc := screen(m); !strings.Contains(sc, "No marks yet") {
		t.Errorf("the empty list says nothing:\n%s", sc)
	}
	keys(m, "c") // nothing to copy: said, not sent
	if !strings.Contains(statusLine(m), "No marks yet") {
		t.Errorf("c on an empty list: %q", statusLine(m))
	}
}

func TestEnterInTheListJumpsAndCCitesThatSection(t *testing.T) {
	m, _ := newMarksTest(t, "en", "un", "dark", 100, 30)
	sec := headingAt(t, m, "groups-of-governmental-experts")
	keys(m, "j", "j", "j") // a paragraph of the section at the top: that block is marked
	keys(m, "m")
	p := m.page()
	_, _, b := m.sess.Current()
	if p.Blocks[b].Section != sec {
		t.Fatalf("the block at the top is in section %d, not %d", p.Blocks[b].Section, sec)
	}
	keys(m, tabOf(t, "osce"), "G")
	keys(m, "'", "enter")
	if m.mode != modeRead || m.sess.PageID() != "un" {
		t.Fatalf("Enter did not go to the mark: mode %d, page %s", m.mode, m.sess.PageID())
	}
	c := pressCopy(t, m, "c")
	want := cite.WithCitation(testLib, p, cite.Block(p, b))
	if c.Text != want {
		t.Errorf("c after the jump copied\n%q\nwant the marked passage with its citation\n%q", c.Text, want)
	}
	if !strings.HasSuffix(c.Text, cite.Line(testLib, p, sec)) {
		t.Errorf("c does not cite the marked section:\n%s", c.Text)
	}
	// Back goes to where the reader was: the jump was one step in the history.
	keys(m, "backspace")
	if m.sess.PageID() != "osce" {
		t.Errorf("back after the jump: %s", m.sess.PageID())
	}
}

func TestTheListRemovesAMarkWithD(t *testing.T) {
	m, path := newMarksTest(t, "en", "un", "dark", 100, 30)
	headingAt(t, m, "key-facts")
	keys(m, "m")
	keys(m, tabOf(t, "eu"), "m", "'", "d")
	if sc := screen(m); !strings.Contains(sc, "Marks (1)") || !strings.Contains(sc, "› 1. Italy at the United Nations") || strings.Contains(sc, "2. ") {
		t.Fatalf("d did not remove the selected mark (EU, first in reading order):\n%s", sc)
	}
	if !strings.Contains(statusLine(m), "unmarked: Italy in the European Union") {
		t.Errorf("status after d: %q", statusLine(m))
	}
	if s, _ := marks.Load(path); s.Len() != 1 {
		t.Errorf("the file after d: %d marks", s.Len())
	}
	keys(m, "esc")
	if m.mode != modeRead {
		t.Errorf("Esc did not close the list")
	}
}

// saveMarks writes a marks file holding one mark of block b of page in lang,
// changed by edit before it is written.
func saveMarks(t *testing.T, path, lang, page string, b int, edit func(*marks.Mark)) {
	t.Helper()
	s := marks.New()
	if _, _, err := s.Add(testLib, lang, page, b, testNow); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(path); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	mk := s.Marks()[0]
	before := mk
	edit(&mk)
	for _, kv := range [][2]string{{before.Hash, mk.Hash}, {`"anchor": "` + before.Anchor + `"`, `"anchor": "` + mk.Anchor + `"`}} {
		data = []byte(strings.Replace(string(data), kv[0], kv[1], 1))
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestAChangedMarkAndAGoneOneAreFlagged(t *testing.T) {
	p := testLib.Page("en", "un")
	b := p.Sections[p.SectionByAnchor("key-facts")].First + 1
	path := filepath.Join(t.TempDir(), "marks.json")
	// The content changed since: the passage's text is not the one marked.
	saveMarks(t, path, "en", "un", b, func(mk *marks.Mark) { mk.Hash = "0123456789abcdef" })
	m := newMarksTestAt(t, path, "en", "un", "dark", 100, 30)
	keys(m, "'")
	if sc := screen(m); !strings.Contains(sc, "changed since you marked it") || !strings.Contains(sc, "1. Italy at the United Nations › Key facts") {
		t.Fatalf("a changed mark is not flagged:\n%s", sc)
	}
	keys(m, "L")
	if sc := screen(m); !strings.Contains(sc, "cambiato da quando l'hai segnato in inglese") {
		t.Fatalf("a changed mark in the other language:\n%s", sc)
	}
	keys(m, "esc")

	// The section is gone: listed as gone, Enter does not move the reader.
	saveMarks(t, path, "en", "un", b, func(mk *marks.Mark) { mk.Anchor = "a-section-since-removed" })
	m = newMarksTestAt(t, path, "en", "un", "dark", 100, 30)
	keys(m, "'")
	if sc := screen(m); !strings.Contains(sc, "gone: this passage is no longer in the briefing") {
		t.Fatalf("a gone mark is not listed as gone:\n%s", sc)
	}
	keys(m, "enter")
	if m.mode != modeMarks || !strings.Contains(statusLine(m), "gone") {
		t.Errorf("Enter on a gone mark: mode %d, status %q", m.mode, statusLine(m))
	}
}

func TestARefusedMarksFileIsSaidOnceAndTheReaderStarts(t *testing.T) {
	for name, data := range map[string][]byte{
		"corrupt": []byte(`{"version": 1, "marks": [`),
		"huge":    []byte(`{"version": 1, "marks": []}` + strings.Repeat(" ", marks.MaxFile)),
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "marks.json")
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			m := newMarksTestAt(t, path, "en", "un", "dark", 100, 30)
			st := statusLine(m)
			if !strings.Contains(st, "your marks file") || !strings.Contains(pageArea(m), "Italy at the United Nations") {
				t.Fatalf("status %q; page:\n%s", st, pageArea(m))
			}
			full := m.keeper.Note()
			want := map[string]string{"corrupt": "it is not a marks file", "huge": "it is larger than 256 KiB"}[name]
			if !strings.Contains(full, want) || !strings.Contains(full, "marks are kept for this session only") {
				t.Errorf("the note %q does not say %q and that marks are kept for the session", full, want)
			}
			// Said once: the next key clears it; marking still works, for the session.
			keys(m, "j")
			if strings.Contains(statusLine(m), "your marks file") {
				t.Errorf("the note is said again: %q", statusLine(m))
			}
			keys(m, "m")
			if !strings.Contains(statusLine(m), "marked:") {
				t.Errorf("m with a refused file: %q", statusLine(m))
			}
			// The list says it whole, the status bar having cut it.
			keys(m, "'")
			if sc := strings.Join(strings.Fields(screen(m)), " "); !strings.Contains(sc, "for this session only") || !strings.Contains(sc, "Marks (1)") {
				t.Errorf("the list does not say the marks are for the session:\n%s", screen(m))
			}
			keys(m, "esc")
			if got, _ := os.ReadFile(path); string(got) != string(data) {
				t.Errorf("the refused file was written over")
			}
		})
	}
}

func TestTheMarginMarkIsACharacterWithoutColour(t *testing.T) {
	m, _ := newMarksTest(t, "en", "un", "ascii", 80, 24)
	headingAt(t, m, "key-facts")
	keys(m, "m")
	lines := strings.Split(pageArea(m), "\n")
	if !strings.HasPrefix(lines[0], marginMarkASCII+" ") {
		t.Fatalf("no ASCII mark in the margin under --style ascii:\n%s", pageArea(m))
	}
	for _, l := range lines {
		for _, r := range l {
			if r > 0x7e && r != '•' { // the bullets are the page's, not the reader's
				t.Fatalf("a non-ASCII character %q in %q", r, l)
			}
		}
	}
	// Side by side, the mark stays, and m works there.
	m2, _ := newMarksTest(t, "en", "un", "dark", 160, 30)
	headingAt(t, m2, "key-facts")
	keys(m2, "s", "m")
	if !m2.side || !strings.HasPrefix(pageArea(m2), marginMark) {
		t.Errorf("side by side: side %v, page:\n%s", m2.side, pageArea(m2))
	}
}

func TestTheListFitsAnyWindow(t *testing.T) {
	m, _ := newMarksTest(t, "en", "un", "dark", 100, 30)
	for _, id := range []string{"un", "eu", "nato", "osce"} {
		keys(m, tabOf(t, id), "m", "j", "j", "j", "j", "j", "j", "m")
	}
	keys(m, "'")
	for _, sz := range [][2]int{{100, 30}, {80, 24}, {40, 12}, {20, 4}, {19, 3}, {1, 1}} {
		drive(m, nil, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		checkFits(t, m, sz[0], sz[1])
		keys(m, "G", "k", "o", "L", "g")
		checkFits(t, m, sz[0], sz[1])
	}
	drive(m, nil, tea.WindowSizeMsg{Width: 40, Height: 12})
	keys(m, "G")
	if sc := screen(m); !strings.Contains(sc, "› 8.") {
		t.Errorf("the last mark selected is not on screen at 40x12:\n%s", sc)
	}
}

func TestTheHelpListsTheMarksKeys(t *testing.T) {
	m := newTest(t, "en", "un", 100, 200)
	keys(m, "?")
	sc := screen(m)
	for _, want := range []string{"mark the passage at the top", "' M", "In the list of marks", "copy the brief",
		"A marked passage has a mark in the left margin."} {
		if !strings.Contains(sc, want) {
			t.Errorf("the help lacks %q:\n%s", want, sc)
		}
	}
}

var testNow = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// fullMarks is a reader at 200x60 with every English passage of the briefing
// marked (174 today, under marks.MaxMarks), the list of marks open.
func fullMarks(b *testing.B) *Model {
	k := marks.Session()
	for _, p := range testLib.Pages("en") {
		for i := range p.Blocks {
			k.Toggle(testLib, "en", p.ID, i)
		}
	}
	m := New(Options{Library: testLib, Cache: testCache, Index: testIndex, Lang: "en", Style: "dark", Marks: k})
	drive(m, m.Init())
	drive(m, nil, tea.WindowSizeMsg{Width: 200, Height: 60})
	return m
}

// BenchmarkMarksListFrame: a move in a full list of marks and the frame it
// produces. Most of it is the overlay's compositing, which the outline's frame
// pays as well (compare with o then j on the same page).
func BenchmarkMarksListFrame(b *testing.B) {
	m := fullMarks(b)
	keys(m, "'")
	down := press("j")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Update(down)
		_ = m.View()
	}
}

// BenchmarkMarkedPageScrollFrame: a line down on a page every passage of which
// is marked, and its frame (the margin is drawn when the page's lines are).
func BenchmarkMarkedPageScrollFrame(b *testing.B) {
	m := fullMarks(b)
	keys(m, "6") // the glossary, the longest page
	down, up := press("j"), press("k")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%200 < 100 {
			m.Update(down)
		} else {
			m.Update(up)
		}
		_ = m.View()
	}
}
