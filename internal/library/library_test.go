package library

import (
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
