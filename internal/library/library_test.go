package library

import (
	"reflect"
	"strings"
	"testing"

	"github.com/cyberdiplo/cyberdiplo/content"
)

var ids = []string{"overview", "eu", "un", "nato", "osce", "glossary", "timeline", "about"}

func TestEmbeddedContent(t *testing.T) {
	lib, err := Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages() {
		pages := lib.Pages(lang)
		if len(pages) != len(ids) {
			t.Fatalf("%s: %d pages, want %d", lang, len(pages), len(ids))
		}
		for i, p := range pages {
			if p.ID != ids[i] {
				t.Errorf("%s: page %d is %q, want %q", lang, i+1, p.ID, ids[i])
			}
			if p.Title == "" || p.Tab == "" || len(p.Sources) == 0 || p.Updated == "" {
				t.Errorf("%s: front matter incomplete: %+v", p.Path, p)
			}
			if len(p.Headings) == 0 || p.Headings[0].Level != 1 || p.Headings[0].Text != p.Title {
				t.Errorf("%s: should open with '# %s'", p.Path, p.Title)
			}
			if strings.Count(p.Body, " ") < 100 {
				t.Errorf("%s: body too short", p.Path)
			}
		}
	}
	problems, err := Lint(content.FS())
	if err != nil || len(problems) > 0 {
		t.Fatalf("embedded content does not lint: %v %v", err, problems)
	}
}

// The facts every page set must carry in both languages, from the seed pages.
func TestFactsInBothLanguages(t *testing.T) {
	lib, err := Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	facts := map[string][]string{
		"un":       {"2004", "6", "GGE", "OEWG", "2009-2010", "2019", "12", "2021-2025", "2026", "Global", "Programme|Programma"},
		"nato":     {"2016", "Cyber Defence Pledge", "MAECI"},
		"osce":     {"16", "CBM", "2018", "2025", "14", "arab"},
		"eu":       {"Toolbox", "Digital Decade|Decennio digitale", "Programme of Action|Programma d'azione"},
		"about":    {"Policy and security in the cyberspace", "Diplomazia Cibernetica"},
		"glossary": {"GGE", "OEWG", "CBM", "MAECI", "OSCE", "NATO", "Toolbox", "Pledge"},
	}
	for id, want := range facts {
		for _, lang := range Languages() {
			body := lib.Page(lang, id).Body
			for _, f := range want {
				found := false
				for _, alt := range strings.Split(f, "|") {
					if strings.Contains(strings.ToLower(body), strings.ToLower(alt)) {
						found = true
					}
				}
				if !found {
					t.Errorf("%s/%s.md lacks %q", lang, id, f)
				}
			}
		}
	}
}

func TestResolveAcceptsItalianNames(t *testing.T) {
	lib, _ := Load(content.FS())
	for in, want := range map[string]string{"un": "un", "ONU": "un", "panoramica": "overview", "ue": "eu", "glossario": "glossary", "cronologia": "timeline", "informazioni": "about", "Nato": "nato"} {
		if got, ok := lib.Resolve(in); !ok || got != want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := lib.Resolve("mars"); ok {
		t.Error("Resolve(mars) should fail")
	}
}

func TestSlugAndFold(t *testing.T) {
	for in, want := range map[string]string{
		"Programma d'azione (PoA)": "programma-d-azione-poa",
		"Key facts":                "key-facts",
		"Attività e perché":        "attivita-e-perche",
		"OEWG 2021-2025":           "oewg-2021-2025",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// Load reads the front matter only; a page's model is parsed when the page is
// asked for, and every page handed out has its model, whoever asks first and
// however many ask at once (the kiosk's sessions share one Library).
func TestLoadParsesOnDemand(t *testing.T) {
	lib, err := Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages() {
		for _, p := range lib.pages[lang] {
			if p.Blocks != nil || p.Sections != nil {
				t.Fatalf("%s: parsed by Load", p.Path)
			}
		}
	}
	if tab, ok := lib.Tab("it", "un"); !ok || tab != "ONU" {
		t.Errorf("Tab(it, un) = %q, %v; want ONU", tab, ok)
	}
	if _, ok := lib.Tab("it", "nowhere"); ok {
		t.Error("Tab(it, nowhere) found a page")
	}
	un := lib.Page("en", "un")
	if len(un.Blocks) == 0 || len(un.Headings) == 0 {
		t.Fatal("en/un.md: Page handed it out without its model")
	}
	for _, p := range lib.pages["it"] {
		if p.Blocks != nil {
			t.Errorf("%s: parsed when only en/un.md was asked for", p.Path)
		}
	}
	want, err := Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	other := map[string]string{"en": "it", "it": "en"}
	done := make(chan struct{})
	for g := range 8 {
		go func() {
			defer func() { done <- struct{}{} }()
			lang := Languages()[g%2]
			for _, id := range ids {
				p := lib.Page(lang, id)
				if len(p.Blocks) == 0 || lib.CounterpartBlock(id, lang, 0, other[lang]) < 0 {
					t.Errorf("%s/%s: no model, or no counterpart for its first block", lang, id)
				}
			}
			if g%3 == 0 {
				lib.Pages(other[lang])
			}
		}()
	}
	for range 8 {
		<-done
	}
	for _, lang := range Languages() {
		for i, p := range lib.Pages(lang) {
			w := want.Pages(lang)[i]
			if len(p.Blocks) != len(w.Blocks) || len(p.Links) != len(w.Links) || p.Depth != w.Depth {
				t.Errorf("%s: %d blocks, %d links, depth %d; parsed at once: %d, %d, %d",
					p.Path, len(p.Blocks), len(p.Links), p.Depth, len(w.Blocks), len(w.Links), w.Depth)
			}
		}
	}
}

// A reader that names its first page gets the same library: that page's model,
// parsed while the others are read, is the model Load parses on demand, links
// coloured by the pages they lead to; the tab order and the other pages are the same.
func TestLoadForIsLoad(t *testing.T) {
	want, err := Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	for _, first := range [][2]string{{"en", "un"}, {"it", "timeline"}, {"en", "no-such-page"}, {"xx", "un"}} {
		got, err := LoadFor(content.FS(), first[0], first[1])
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range Languages() {
			g, w := got.Pages(lang), want.Pages(lang)
			if len(g) != len(w) {
				t.Fatalf("%v: %s has %d pages, want %d", first, lang, len(g), len(w))
			}
			for i := range w {
				gp, wp := *g[i], *w[i]
				gp.model, wp.model, gp.linkColour, wp.linkColour, gp.tree, wp.tree = nil, nil, nil, nil, nil, nil
				if !reflect.DeepEqual(gp, wp) {
					t.Errorf("%v: %s page %d (%s) differs from Load's", first, lang, i, w[i].ID)
				}
			}
		}
	}
	// The links of the page read first have their colours, as on demand.
	got, _ := LoadFor(content.FS(), "en", "overview")
	coloured := 0
	for _, l := range got.Page("en", "overview").Links {
		if !l.Colour.IsZero() {
			coloured++
		}
	}
	if coloured == 0 {
		t.Error("the overview's links to the forum pages have no colour")
	}
}
