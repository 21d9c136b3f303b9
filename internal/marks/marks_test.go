package marks

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/cite"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

func lib(t testing.TB) *library.Library {
	t.Helper()
	l, err := library.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// blockOf finds the block of page id in lang whose text starts with prefix.
func blockOf(t *testing.T, l *library.Library, lang, id, prefix string) int {
	t.Helper()
	for i, b := range l.Page(lang, id).Blocks {
		if strings.HasPrefix(b.Text, prefix) {
			return i
		}
	}
	t.Fatalf("%s/%s: no block starts with %q", lang, id, prefix)
	return -1
}

var now = time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)

// Every passage of every page, marked in one language, reads in the other as the
// reader's copy key copies the counterpart there, and as it was marked in its own.
func TestEveryPassageResolvesInBothLanguages(t *testing.T) {
	l := lib(t)
	for _, lang := range library.Languages() {
		other := "it"
		if lang == "it" {
			other = "en"
		}
		for _, p := range l.Pages(lang) {
			for b := range p.Blocks {
				s := New()
				if _, added, err := s.Add(l, lang, p.ID, b, now); err != nil || !added {
					t.Fatalf("%s/%s block %d: added %v, %v", lang, p.ID, b, added, err)
				}
				m := s.Marks()[0]
				own := Resolve(l, m, lang)
				want := cite.Block(p, b)
				if own.Status != OK || own.Text != want.Text || own.Where != want.Where || own.Lang != lang {
					t.Fatalf("%s/%s block %d in its own language: %v %q, want %q", lang, p.ID, b, own.Status, own.Text, want.Text)
				}
				if own.Citation != cite.Line(l, p, want.Section) {
					t.Fatalf("%s/%s block %d: citation %q", lang, p.ID, b, own.Citation)
				}
				e := Resolve(l, m, other)
				q := l.Page(other, p.ID)
				qb := l.CounterpartBlock(p.ID, lang, b, other)
				if p.Blocks[b].Kind == library.KindHeading { // the section it stands for
					qb = l.CounterpartBlock(p.ID, lang, blockOfSection(p, want.Section), other)
				}
				cw := cite.Block(q, qb)
				if e.Status != OK || e.Lang != other || e.Text != cw.Text || e.Citation != cite.Line(l, q, cw.Section) {
					t.Fatalf("%s/%s block %d in %s: %v %s %q, want %q", lang, p.ID, b, other, e.Status, e.Lang, e.Text, cw.Text)
				}
				// The mark is found from either side: the reader's m unmarks it in either language.
				if s.Find(l, other, p.ID, qb) != 0 || s.Find(l, lang, p.ID, b) != 0 {
					t.Fatalf("%s/%s block %d: not found from %s block %d", lang, p.ID, b, other, qb)
				}
			}
		}
	}
}

func blockOfSection(p *library.Page, sec int) int {
	if h := p.Sections[sec].Heading.Block; h >= 0 {
		return h
	}
	return p.Sections[sec].First
}

func TestToggleAndMargin(t *testing.T) {
	l := lib(t)
	s := New()
	b := blockOf(t, l, "en", "un", "In 2009-2010 Italy")
	where, on, err := s.Toggle(l, "en", "un", b, now)
	if err != nil || !on || where != "Italy at the United Nations › Key facts" || s.Len() != 1 {
		t.Fatalf("first m: %q %v %v, %d marks", where, on, err, s.Len())
	}
	// In Italian the same passage is marked in the margin.
	itb := blockOf(t, l, "it", "un", "Nel 2009-2010")
	if got := s.Marked(l, "it", "un"); len(got) != 1 || !got[itb] {
		t.Fatalf("Italian margin: %v, want block %d", got, itb)
	}
	// m on the Italian counterpart unmarks it.
	if _, on, _ := s.Toggle(l, "it", "un", itb, now); on || s.Len() != 0 {
		t.Fatalf("m in Italian did not unmark: %v, %d marks", on, s.Len())
	}
	// The page title with nothing under it stands for the first section, as c copies it.
	p := l.Page("en", "un")
	where, _, _ = s.Toggle(l, "en", "un", 0, now)
	if m := s.Marks()[0]; where != "Italy at the United Nations › Key facts" || m.Anchor != "key-facts" || m.Block != "1.0" {
		t.Fatalf("the title marks %q %+v", where, m)
	}
	if s.Find(l, "en", "un", p.Sections[1].Heading.Block) != 0 {
		t.Fatal("the section's own heading does not find the mark the title made")
	}
	if _, _, err := s.Add(l, "en", "un", len(p.Blocks), now); !errors.Is(err, ErrNoPassage) {
		t.Fatalf("a block past the end: %v", err)
	}
	if _, _, err := s.Add(l, "en", "mars", 0, now); !errors.Is(err, ErrNoPassage) {
		t.Fatalf("an unknown page: %v", err)
	}
}

// The glossary lists its entries in each language's alphabetical order: a mark
// follows the term base, not the position.
func TestGlossaryMarkFollowsTheTermBase(t *testing.T) {
	l := lib(t)
	p := l.Page("en", "glossary")
	b := blockOf(t, l, "en", "glossary", "First Committee")
	s := New()
	s.Add(l, "en", "glossary", b, now)
	e := s.List(l, "it", Reading)[0]
	if e.Status != OK || e.Where != "Glossario › Prima Commissione" || !strings.HasPrefix(e.Text, "Prima Commissione") {
		t.Fatalf("First Committee in Italian: %v %q %.60q", e.Status, e.Where, e.Text)
	}
	if e.Section == p.Blocks[b].Section {
		t.Fatal("the entry has the same place in both glossaries: this test proves nothing")
	}
}

// A store holds at most MaxMarks marks: the next is refused, and a file with more
// is refused too (TestLoadRefusesWhatIsNotOurs).
func TestFull(t *testing.T) {
	l := lib(t)
	s := New()
	for i := range MaxMarks {
		s.marks = append(s.marks, Mark{Page: "un", Lang: "en", Anchor: "gone", Block: "9.9", Hash: Hash(""), Seq: i + 1})
	}
	if _, _, err := s.Add(l, "en", "un", 3, now); !errors.Is(err, ErrFull) || s.Len() != MaxMarks {
		t.Fatalf("mark %d: %v, %d marks", MaxMarks+1, err, s.Len())
	}
	s.Remove(7)
	if _, added, err := s.Add(l, "en", "un", 3, now); err != nil || !added || s.Marks()[MaxMarks-1].Seq != MaxMarks+1 {
		t.Fatalf("after one is removed: %v %v", added, err)
	}
}

func TestOrders(t *testing.T) {
	l := lib(t)
	s := New()
	s.Add(l, "en", "nato", blockOf(t, l, "en", "nato", "In the same year, 2016"), now)
	s.Add(l, "en", "un", blockOf(t, l, "en", "un", "In 2009-2010 Italy"), now)
	s.Add(l, "en", "un", blockOf(t, l, "en", "un", "Since 2004"), now)
	pages := func(es []Entry) string {
		var out []string
		for _, e := range es {
			out = append(out, e.Mark.Page+":"+e.Mark.Block)
		}
		return strings.Join(out, " ")
	}
	if got := pages(s.List(l, "en", Reading)); got != "un:1.1 un:1.2 nato:3.1" {
		t.Fatalf("reading order: %s", got)
	}
	if got := pages(s.List(l, "it", Made)); got != "nato:3.1 un:1.2 un:1.1" {
		t.Fatalf("order made: %s", got)
	}
	for i, e := range s.List(l, "en", Reading) {
		if e.N != i+1 {
			t.Fatalf("entry %d numbered %d", i, e.N)
		}
	}
}

func TestSaveAndLoad(t *testing.T) {
	l := lib(t)
	path := File(func(k string) string { return map[string]string{"XDG_STATE_HOME": t.TempDir()}[k] })
	s, err := Load(path)
	if err != nil || s.Len() != 0 {
		t.Fatalf("a missing file: %d marks, %v", s.Len(), err)
	}
	s.Add(l, "it", "un", blockOf(t, l, "it", "un", "Nel 2009-2010"), now)
	s.Add(l, "en", "nato", 0, now)
	if err := s.Save(path); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("marks.json has mode %v", st.Mode().Perm())
	}
	back, err := Load(path)
	if err != nil || len(back.Marks()) != 2 {
		t.Fatalf("read back: %v %v", back.Marks(), err)
	}
	if back.Marks()[0] != s.Marks()[0] || back.Marks()[1] != s.Marks()[1] {
		t.Fatalf("read back %+v, saved %+v", back.Marks(), s.Marks())
	}
	// A new mark after a load gets the next number.
	back.Add(l, "en", "eu", 3, now)
	if seq := back.Marks()[2].Seq; seq != 3 {
		t.Fatalf("the next mark after loading is number %d", seq)
	}
	if home := File(func(k string) string { return map[string]string{"HOME": "/home/u"}[k] }); home != "/home/u/.local/state/cyberdiplo/marks.json" {
		t.Fatalf("default marks file %q", home)
	}
	if File(func(string) string { return "" }) != "" {
		t.Fatal("a marks file with neither XDG_STATE_HOME nor HOME")
	}
}

func TestLoadRefusesWhatIsNotOurs(t *testing.T) {
	dir := t.TempDir()
	good := Mark{Page: "un", Lang: "en", Anchor: "key-facts", Block: "1.2", Hash: "0123456789abcdef", Seq: 1, Made: now}
	file := func(ms ...Mark) string {
		data, _ := json.Marshal(fileJSON{Version: 1, Marks: ms})
		return string(data)
	}
	bad := func(f func(*Mark)) string {
		m := good
		f(&m)
		return file(m)
	}
	var many []Mark
	for i := range MaxMarks + 1 {
		m := good
		m.Seq = i + 1
		many = append(many, m)
	}
	for _, c := range []struct{ name, data, reason, says string }{
		{"not json", "{", "broken", "it is not a marks file"},
		{"binary", "\x00\x01\x02", "broken", "it is not a marks file"},
		{"another version", `{"version":2,"marks":[]}`, "broken", "version 2"},
		{"too many", file(many...), "many", "it holds 201 marks, more than 200"},
		{"bad language", bad(func(m *Mark) { m.Lang = "fr" }), "mark", `its mark 1 is not valid (lang "fr")`},
		{"bad page", bad(func(m *Mark) { m.Page = "../etc" }), "mark", "page"},
		{"bad anchor", bad(func(m *Mark) { m.Anchor = "Key Facts\x1b[2J" }), "mark", "anchor"},
		{"bad block", bad(func(m *Mark) { m.Block = "1" }), "mark", "block"},
		{"bad hash", bad(func(m *Mark) { m.Hash = "xyz" }), "mark", "hash"},
		{"bad seq", bad(func(m *Mark) { m.Seq = 0 }), "mark", "seq"},
		{"seq twice", file(good, good), "mark", "seq 1 twice"},
	} {
		path := filepath.Join(dir, c.name+".json")
		os.WriteFile(path, []byte(c.data), 0o600)
		s, err := Load(path)
		var fe *FileError
		if !errors.As(err, &fe) || fe.Reason != c.reason || s.Len() != 0 {
			t.Errorf("%s: %v (%d marks)", c.name, err, s.Len())
			continue
		}
		msg := fe.Message("en")
		if !strings.Contains(msg, c.says) || !strings.Contains(msg, path) || !strings.Contains(msg, "cyberdiplo brief --clear") {
			t.Errorf("%s: %q", c.name, msg)
		}
		if got, _ := os.ReadFile(path); string(got) != c.data {
			t.Errorf("%s: the refused file was changed", c.name)
		}
	}
	// A huge file is refused before it is read (a sparse 1 GB file costs nothing here).
	huge := filepath.Join(dir, "huge.json")
	f, _ := os.Create(huge)
	f.Truncate(1 << 30)
	f.Close()
	if _, err := Load(huge); err == nil || !strings.Contains(err.Error(), "larger than 256 KiB") {
		t.Errorf("a 1 GB file: %v", err)
	}
	// A directory where the file should be.
	os.Mkdir(filepath.Join(dir, "dir.json"), 0o700)
	if _, err := Load(filepath.Join(dir, "dir.json")); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a directory: %v", err)
	}
	// In Italian.
	_, err := Load(filepath.Join(dir, "not json.json"))
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(fe.Message("it"), "il file dei segni") {
		t.Errorf("Italian message: %v", err)
	}
}

// The copy of the whole brief is bounded as the copy key's is, and never cuts a
// passage from its citation.
func TestBriefTextIsBounded(t *testing.T) {
	l := lib(t)
	s := New()
	for _, p := range l.Pages("en") {
		for b := range p.Blocks {
			s.Add(l, "en", p.ID, b, now)
		}
	}
	total := s.Len()
	all, n := BriefText(l, s, "it", Reading, 1<<30)
	if n != total || strings.Count(all, "Guida non ufficiale (cyberdiplo)") != total {
		t.Fatalf("unbounded: %d of %d passages", n, total)
	}
	for _, limit := range []int{64 << 10, 5000, 300, 10} {
		text, n := BriefText(l, s, "it", Reading, limit)
		if len(text) > limit {
			t.Fatalf("limit %d: %d bytes", limit, len(text))
		}
		if n >= total {
			t.Fatalf("limit %d: all %d passages in %d bytes", limit, n, len(text))
		}
		if !strings.HasPrefix(all, strings.TrimSuffix(text, lastLine(text))) && n > 0 {
			t.Fatalf("limit %d: the copy is not the start of the brief", limit)
		}
		if c := strings.Count(text, "Guida non ufficiale (cyberdiplo)"); c != n {
			t.Fatalf("limit %d: %d citations for %d passages", limit, c, n)
		}
		if limit >= 300 && !strings.Contains(text, "rimasti fuori per mancanza di spazio: ") {
			t.Fatalf("limit %d: no word of what was left out:\n%s", limit, lastLine(text))
		}
	}
}

func lastLine(s string) string {
	s = strings.TrimSuffix(s, "\n")
	return s[strings.LastIndexByte(s, '\n')+1:] + "\n"
}

// The reader's side: m marks and saves, a refused file leaves the marks for the
// session with a note and is not written over, a change made beside the reader
// (brief --add) is not undone, and the kiosk's keeper writes nothing.
func TestKeeper(t *testing.T) {
	l := lib(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "cyberdiplo", "marks.json")
	k := Open(path, "en")
	if k.Note() != "" {
		t.Fatalf("a missing file gives a note: %q", k.Note())
	}
	b := blockOf(t, l, "en", "un", "In 2009-2010 Italy")
	if note := k.Toggle(l, "en", "un", b); note != "marked: Italy at the United Nations › Key facts (1 marked passage)" {
		t.Fatalf("m: %q", note)
	}
	if s, err := Load(path); err != nil || s.Len() != 1 {
		t.Fatalf("m did not save: %v", err)
	}
	// Beside the reader, a script marks another passage; the reader's next m keeps it.
	other, _ := Load(path)
	other.Add(l, "en", "nato", 3, now)
	other.Save(path)
	if note := k.Toggle(l, "it", "eu", 3); !strings.Contains(note, "(3 passi segnati)") {
		t.Fatalf("m after a change beside the reader: %q", note)
	}
	text, note := k.Copy(l, "it", Reading, 64<<10)
	if strings.Count(text, "Guida non ufficiale") != 3 || !strings.HasPrefix(note, "promemoria copiato: 3 passi segnati, ") {
		t.Fatalf("copy: %q\n%s", note, text)
	}
	e := k.Store().List(l, "en", Made)[0]
	if note := k.Remove(e.Mark.Seq, e.Where, "en"); note != "unmarked: Italy at the United Nations › Key facts (2 marked passages)" {
		t.Fatalf("d: %q", note)
	}
	if note := k.Toggle(l, "en", "un", 10_000); note != "nothing to mark here" {
		t.Fatalf("m past the end: %q", note)
	}

	// A refused file: the reader starts, says why, keeps marks for the session only.
	os.WriteFile(path, []byte("garbage"), 0o600)
	k = Open(path, "it")
	if !strings.Contains(k.Note(), "il file dei segni "+path+" non si può usare") || !strings.HasSuffix(k.Note(), "i segni restano solo per questa sessione") {
		t.Fatalf("note for a refused file: %q", k.Note())
	}
	if note := k.Toggle(l, "en", "un", b); !strings.HasPrefix(note, "marked: ") {
		t.Fatalf("m with a refused file: %q", note)
	}
	if data, _ := os.ReadFile(path); string(data) != "garbage" {
		t.Fatal("the refused file was written over")
	}
	// The kiosk's keeper.
	k = Session()
	k.Toggle(l, "en", "un", b)
	if k.Store().Len() != 1 || k.Note() != "" {
		t.Fatalf("session keeper: %d marks, %q", k.Store().Len(), k.Note())
	}
	if _, note := Session().Copy(l, "en", Reading, 100); note != "No marks yet: m marks the passage at the top of the view." {
		t.Fatalf("copy with no marks: %q", note)
	}
}

// What the list of marks shows of an entry: its first words and its notes.
func TestEntryForTheList(t *testing.T) {
	l := lib(t)
	s := New()
	s.Add(l, "en", "un", blockOf(t, l, "en", "un", "In 2009-2010 Italy"), now)
	s.marks = append(s.marks, Mark{Page: "un", Lang: "en", Anchor: "gone-section", Block: "4.1", Hash: Hash(""), Seq: 9, Made: now})
	es := s.List(l, "it", Made)
	if w := es[0].FirstWords(4); w != "Nel 2009-2010 l'Italia ha…" {
		t.Fatalf("first words: %q", w)
	}
	if n := es[0].Notes("it"); len(n) != 0 {
		t.Fatalf("an unchanged passage has notes: %q", n)
	}
	if n := es[1].Notes("it"); len(n) != 2 || n[0] != "scomparso: questo passo non è più nella guida" || n[1] != "(blocco 4.1, segnato in inglese, 1 dicembre 2026)" {
		t.Fatalf("a gone passage's notes: %q", n)
	}
	if es[1].Where != "L'Italia alle Nazioni Unite › gone-section" || es[1].FirstWords(4) != "" {
		t.Fatalf("a gone passage: %q %q", es[1].Where, es[1].FirstWords(4))
	}
	s.marks[0].Hash = Hash("what it said before")
	if n := s.List(l, "it", Made)[0].Notes("it"); len(n) != 1 || n[0] != "cambiato da quando l'hai segnato in inglese" {
		t.Fatalf("a changed passage's notes: %q", n)
	}
}

// A mark made while the marks file is refused says it is kept for this session
// only, each time: the reader is not told "marked" for a mark that is lost.
func TestMarkAgainstARefusedFileSaysItIsNotSaved(t *testing.T) {
	l := lib(t)
	path := filepath.Join(t.TempDir(), "marks.json")
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	k := Open(path, "en")
	if k.Note() == "" {
		t.Fatal("a corrupt file gives no note")
	}
	b := blockOf(t, l, "en", "un", "In 2009-2010 Italy")
	if note := k.Toggle(l, "en", "un", b); !strings.HasSuffix(note, "(for this session only: the marks file was refused)") {
		t.Errorf("m against a refused file: %q", note)
	}
	if data, _ := os.ReadFile(path); string(data) != "{not json" {
		t.Errorf("the refused file was written over: %q", data)
	}
	if note := Session().Toggle(l, "en", "un", b); strings.Contains(note, "refused") {
		t.Errorf("the kiosk's session marks speak of a refused file: %q", note)
	}
}
