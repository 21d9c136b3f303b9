// Package threelang proves that a language is data: a briefing in testdata with
// a third language (French: a content folder, a column of the term base) and a
// catalog registered by the test alone loads, lints, renders, searches and
// toggles, with no Go file of the program naming French. It is a package of its
// own because registering a language changes the registry for the whole test
// binary, and the other packages' tests read the built-in two.
package threelang

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cyberdiplo/cyberdiplo/third_party/ansi"
	tea "github.com/cyberdiplo/cyberdiplo/third_party/bubbletea"

	"github.com/cyberdiplo/cyberdiplo/internal/cli"
	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	"github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/linemode"
	"github.com/cyberdiplo/cyberdiplo/internal/render"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
	"github.com/cyberdiplo/cyberdiplo/internal/tui"
)

// french is the third language, as a briefing that brings it would declare it.
var french = lang.Language{
	Tag: "fr", Self: "français", Names: map[string]string{"en": "anglais", "it": "italien"},
	NamedIn: map[string]string{"en": "French"},
	Words:   []string{"french", "francese", "francais"},
	Months: [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
		"août", "septembre", "octobre", "novembre", "décembre"},
	Numbers:    [9]string{"deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"},
	Equivalent: "En %s : ",
}

// frenchCatalog is the test's catalog: the default language's words with those
// this test reads on the screen in French. Every field is filled, being the
// default's; a real catalog would translate each, as catalog_it.go does.
func frenchCatalog() *i18n.Catalog {
	c := *i18n.Of(lang.Default())
	c.Lang = "fr"
	c.Reader.Lang = "FR"
	c.Reader.Help = "? aide"
	c.Reader.Tools.SideOn = "côte à côte : s pour quitter, L échange les colonnes"
	c.Reader.Tools.SideLeave = "s pour quitter"
	c.Line.Language = "Langue : français."
	return &c
}

func TestMain(m *testing.M) {
	if err := lang.Register(french); err != nil {
		panic(err)
	}
	if err := i18n.Register(frenchCatalog()); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

var briefing = os.DirFS("testdata/briefing")

func load(t testing.TB) *library.Library {
	t.Helper()
	lib, err := library.Load(briefing)
	if err != nil {
		t.Fatalf("the three-language briefing does not load: %v", err)
	}
	return lib
}

func TestItLoads(t *testing.T) {
	lib := load(t)
	if got := strings.Join(library.Languages(), " "); got != "en it fr" {
		t.Fatalf("languages %q, want en it fr", got)
	}
	var titles []string
	for _, p := range lib.Pages("fr") {
		titles = append(titles, p.Title)
	}
	if got := strings.Join(titles, " | "); got != "Première page | Deuxième page | Glossaire" {
		t.Errorf("French pages %q", got)
	}
	// The glossary's line gives the term in the default language, in French.
	if p := lib.Page("fr", "glossary"); p == nil || !strings.Contains(p.Body, "En anglais : Cyber Defence Pledge") {
		t.Errorf("the French glossary lacks its equivalent line")
	}
	// French brings its English name; Italian, named by neither, calls it by its own.
	if got := lang.Name("fr", "en"); got != "French" {
		t.Errorf("English names French %q", got)
	}
	if got := lang.Name("fr", "it"); got != "français" {
		t.Errorf("Italian names French %q, want its own name", got)
	}
	if got, err := lang.Parse("French"); err != nil || got != "fr" {
		t.Errorf("--lang French gives %q, %v", got, err)
	}
	if _, err := lang.Parse("de"); err == nil || !strings.Contains(err.Error(), "en, it or fr") {
		t.Errorf("--lang de: %v, want the three languages named", err)
	}
}

func TestItLints(t *testing.T) {
	problems, err := library.Lint(briefing)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("lint: %s", p)
	}

	// A number changed in the French page only is found, and named by its file:
	// lint checks the third language against the default one.
	fsys := fstest.MapFS{}
	err = fs.WalkDir(briefing, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(briefing, path)
		if path == "fr/one.md" {
			data = []byte(strings.Replace(string(data), "6 groupes", "7 groupes", 1))
		}
		fsys[path] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	problems, err = library.Lint(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var named bool
	for _, p := range problems {
		named = named || p.Path == "fr/one.md"
	}
	if !named {
		t.Errorf("a number changed in French only: lint says %v, want a problem in fr/one.md", problems)
	}
}

func TestItRenders(t *testing.T) {
	lib := load(t)
	d, err := render.Render(lib.Page("fr", "one"), 80, "ascii")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(d.Lines, "\n")
	for _, want := range []string{"Première page", "En bref", "Depuis 2004", "la deuxième page"} {
		if !strings.Contains(text, want) {
			t.Errorf("the rendered French page lacks %q:\n%s", want, text)
		}
	}
	if len(d.Links) != 3 {
		t.Errorf("the French page has %d links, want 3", len(d.Links))
	}
}

func TestItSearches(t *testing.T) {
	lib := load(t)
	ix := search.New(lib)
	// French words find the French section.
	hits := ix.Search("groupes experts", search.Options{Lang: "fr"})
	if len(hits) == 0 || hits[0].Lang != "fr" || hits[0].Heading != "En bref" || hits[0].Via == search.ViaOtherLang {
		t.Fatalf("groupes experts in French: %+v", hits)
	}
	// Italian words, read in French, find the French section through Italian:
	// "via" names the language the match came through.
	hits = ix.Search("gruppi esperti", search.Options{Lang: "fr"})
	if len(hits) == 0 || hits[0].Lang != "fr" || hits[0].Heading != "En bref" ||
		hits[0].Via != search.ViaOtherLang || hits[0].Found != "it" {
		t.Fatalf("gruppi esperti read in French: %+v", hits)
	}
	// And French words, read in English, come through French.
	hits = ix.Search("depuis", search.Options{Lang: "en"})
	if len(hits) == 0 || hits[0].Lang != "en" || hits[0].Heading != "Key facts" || hits[0].Found != "fr" {
		t.Fatalf("depuis read in English: %+v", hits)
	}
}

// reader drives a reader as the Bubble Tea loop would.
type reader struct{ m *tui.Model }

func newReader(t *testing.T, w, h int) *reader {
	t.Helper()
	lib := load(t)
	r := &reader{tui.New(tui.Options{Library: lib, Index: search.New(lib), Lang: "en", Page: "one", Style: "ascii"})}
	r.drive(r.m.Init())
	r.drive(nil, tea.WindowSizeMsg{Width: w, Height: h})
	return r
}

func (r *reader) drive(cmd tea.Cmd, msgs ...tea.Msg) {
	queue := append(run(cmd), msgs...)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		_, c := r.m.Update(msg)
		queue = append(queue, run(c)...)
	}
}

func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil, tea.QuitMsg:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, run(c)...)
		}
		return out
	default:
		return []tea.Msg{msg}
	}
}

func (r *reader) press(k string) {
	r.drive(nil, tea.KeyPressMsg{Code: []rune(k)[0], Text: k})
}

func (r *reader) screen() string { return ansi.Strip(r.m.View().Content) }

func TestItToggles(t *testing.T) {
	r := newReader(t, 100, 30)
	// L goes through the languages in their order, round to the first.
	for _, want := range []string{"First page", "Prima pagina", "Première page", "First page"} {
		if s := r.screen(); !strings.Contains(s, want) {
			t.Fatalf("want %q on the screen:\n%s", want, s)
		}
		r.press("L")
	}
	// In French the reader's own words are the catalog's.
	r.press("L")
	if s := r.screen(); !strings.Contains(s, "Première page") || !strings.Contains(s, "FR") || !strings.Contains(s, "? aide") {
		t.Fatalf("French: want the page and the French catalog's words:\n%s", s)
	}
}

func TestSideBySidePairsTheLanguageChosenLast(t *testing.T) {
	r := newReader(t, 130, 30)
	r.press("L") // Italian
	r.press("L") // French, after Italian
	r.press("s")
	s := r.screen()
	if !strings.Contains(s, "Première page") || !strings.Contains(s, "Prima pagina") || strings.Contains(s, "First page") {
		t.Fatalf("side by side from French after Italian: want French and Italian:\n%s", s)
	}
	if !strings.Contains(s, "côte à côte") {
		t.Errorf("the French catalog's message is not shown:\n%s", s)
	}
	// The reading language is the left column; L swaps the columns.
	left := func(s, a, b string) bool {
		for _, line := range strings.Split(s, "\n") {
			if i, j := strings.Index(line, a), strings.Index(line, b); i >= 0 && j >= 0 {
				return i < j
			}
		}
		return false
	}
	if !left(s, "Première page", "Prima pagina") {
		t.Errorf("French is not the left column:\n%s", s)
	}
	r.press("L")
	if s := r.screen(); !left(s, "Prima pagina", "Première page") {
		t.Errorf("L did not swap the columns:\n%s", s)
	}

	// Narrow, the pane under the text names the paired language in the one read.
	n := newReader(t, 80, 30)
	n.press("L")
	n.press("L")
	n.press("s")
	if s := n.screen(); !strings.Contains(s, "Italien - s pour quitter") {
		t.Errorf("the narrow pane from French after Italian: want it named Italien:\n%s", s)
	}
	// L swaps the languages there too: Italian read, French in the pane.
	n.press("L")
	if s := n.screen(); !strings.Contains(s, "Prima pagina") || !strings.Contains(s, "Français - s per uscire") {
		t.Errorf("L in the narrow pane: want Italian read and French under it:\n%s", s)
	}

	// In English after French, the pane is French, named as French names itself
	// in English.
	e := newReader(t, 80, 30)
	e.press("L")
	e.press("L")
	e.press("L")
	e.press("s")
	if s := e.screen(); !strings.Contains(s, "First page") || !strings.Contains(s, "French - s to leave") || !strings.Contains(s, "Première page") {
		t.Errorf("the narrow pane in English after French: want French:\n%s", s)
	}
}

// The line mode's l goes through the languages as L does.
func TestLineModeToggles(t *testing.T) {
	lib := load(t)
	var out strings.Builder
	err := linemode.Run(context.Background(), strings.NewReader("one\nl\nl\nl\nq\n"), &out,
		linemode.Options{Library: lib, Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	s, at := out.String(), 0
	for _, want := range []string{"# First page", "Lingua: italiano.", "# Prima pagina",
		"Langue : français.", "# Première page", "Language: English.", "# First page"} {
		i := strings.Index(s[at:], want)
		if i < 0 {
			t.Fatalf("want %q after byte %d of the line mode's output:\n%s", want, at, s)
		}
		at += i + len(want)
	}
}

// The command line reads the briefing with --content and takes French from
// --lang or the locale; lint passes it.
func TestTheCommandLine(t *testing.T) {
	cmd := func(env map[string]string, args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := cli.Execute(context.Background(), args, cli.Env{Out: &out, Err: &errb,
			Getenv: func(k string) string { return env[k] }})
		return code, out.String(), errb.String()
	}
	const dir = "testdata/briefing"
	if code, out, errs := cmd(nil, "lint", dir); code != 0 {
		t.Errorf("lint %s: exit %d\n%s%s", dir, code, out, errs)
	}
	code, out, errs := cmd(nil, "--content", dir, "show", "one", "--lang", "fr", "--format", "plain")
	if code != 0 || !strings.Contains(out, "Première page") || !strings.Contains(out, "Depuis 2004") {
		t.Errorf("show one --lang fr: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = cmd(map[string]string{"LANG": "fr_FR.UTF-8"}, "--content", dir, "show", "two", "--format", "plain")
	if code != 0 || !strings.Contains(out, "Deuxième page") {
		t.Errorf("show two under LANG=fr_FR: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = cmd(nil, "--content", dir, "search", "gruppi", "--lang", "fr")
	if code != 0 || !strings.Contains(out, "one › En bref (via IT)") {
		t.Errorf("search gruppi --lang fr: exit %d\n%s%s", code, out, errs)
	}
	if code, _, errs := cmd(nil, "--content", dir, "show", "one", "--lang", "de"); code == 0 || !strings.Contains(errs, "en, it or fr") {
		t.Errorf("--lang de: exit %d, %s", code, errs)
	}
}
