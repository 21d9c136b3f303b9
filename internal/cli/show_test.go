package cli

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// lastLine is the last non-empty line of out.
// lastLine is the last paragraph of out (a citation, wrapped to the width), its
// lines joined again.
func lastLine(out string) string {
	paras := strings.Split(strings.TrimRight(out, "\n"), "\n\n")
	return strings.Join(strings.Fields(paras[len(paras)-1]), " ")
}

func TestShowJSON(t *testing.T) {
	// Even on a terminal, JSON is data: no escape sequence, keys as documented.
	var out strings.Builder
	code := Execute(t.Context(), []string{"show", "un", "--format", "json"}, Env{Out: &out, Terminal: true, Width: 120,
		Getenv: func(string) string { return "" }})
	if code != 0 || strings.ContainsRune(out.String(), 0x1b) {
		t.Fatalf("exit %d, escape in output: %v", code, strings.ContainsRune(out.String(), 0x1b))
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(out.String()), &raw); err != nil {
		t.Fatalf("not one JSON object: %v\n%.300s", err, out.String())
	}
	for _, k := range []string{"page", "lang", "title", "sections"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("no %q in the page object", k)
		}
	}
	sec := raw["sections"].([]any)[0].(map[string]any)
	for _, k := range []string{"anchor", "heading", "level", "text", "sources"} {
		if _, ok := sec[k]; !ok {
			t.Errorf("no %q in a section", k)
		}
	}
	src := sec["sources"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "title", "lang", "as_of"} {
		if _, ok := src[k]; !ok {
			t.Errorf("no %q in a source", k)
		}
	}

	var en, it pageJSON
	if err := json.Unmarshal([]byte(out.String()), &en); err != nil {
		t.Fatal(err)
	}
	_, itOut, _ := runCLI(t, nil, "show", "onu", "--lang", "it", "--format", "json")
	if err := json.Unmarshal([]byte(itOut), &it); err != nil {
		t.Fatal(err)
	}
	if en.Page != "un" || en.Lang != "en" || en.Title != "Italy at the United Nations" || en.Updated != "2026-03" ||
		it.Page != "un" || it.Lang != "it" || it.Title != "L'Italia alle Nazioni Unite" {
		t.Fatalf("page fields: %+v / %+v", en, it)
	}
	lib, err := library.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	if len(en.Sections) != len(lib.Page("en", "un").Sections) || len(en.Sections) != len(it.Sections) {
		t.Fatalf("%d sections in English, %d in Italian", len(en.Sections), len(it.Sections))
	}
	byAnchor := map[string]sectionJSON{}
	for i, s := range en.Sections {
		byAnchor[s.Anchor] = s
		// The same section rests on the same sources in both languages.
		if !reflect.DeepEqual(s.Sources, it.Sections[i].Sources) || len(s.Sources) == 0 {
			t.Errorf("section %q: sources %v in English, %v in Italian", s.Anchor, s.Sources, it.Sections[i].Sources)
		}
	}
	gm := byAnchor["the-global-mechanism"]
	if gm.Heading != "The Global Mechanism" || gm.Level != 2 || !strings.Contains(gm.Text, "since March 2026") {
		t.Errorf("the Global Mechanism section: %+v", gm)
	}
	// Its English title rests on the UN report that set it up, beside MAECI's page.
	want := []library.Source{{ID: "maeci-2026", Title: "Diplomazia Cibernetica", Lang: "it", Publisher: "MAECI", AsOf: 2026},
		{ID: "un-a-80-257", Title: "Final report of the Open-ended working group on security of and in the use of information and communications technologies 2021-2025",
			Lang: "en", Publisher: "United Nations", Symbol: "A/80/257", AsOf: 2025}}
	if !reflect.DeepEqual(gm.Sources, want) {
		t.Errorf("the Global Mechanism rests on %+v, want %+v", gm.Sources, want)
	}
	gge := byAnchor["groups-of-governmental-experts"]
	if n := len(gge.Sources); n != 3 || gge.Sources[2].Symbol != "A/65/201" || gge.Sources[2].AsOf != 2010 {
		t.Errorf("the GGE section cites %+v", gge.Sources)
	}
	if strings.Contains(gge.Text, "<!--") || strings.Contains(gge.Text, "](") {
		t.Errorf("section text holds Markdown: %q", gge.Text)
	}

	// Several pages: an array, in the order asked.
	_, many, _ := runCLI(t, nil, "show", "nato", "osce", "--format", "json")
	var pages []pageJSON
	if err := json.Unmarshal([]byte(many), &pages); err != nil || len(pages) != 2 || pages[0].Page != "nato" || pages[1].Page != "osce" {
		t.Fatalf("show nato osce --format json: %v %+v", err, pages)
	}
}

func TestShowSection(t *testing.T) {
	code, out, errs := runCLI(t, nil, "show", "un#the-global-mechanism", "--format", "plain")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(strings.TrimSpace(out), "## The Global Mechanism") || !strings.Contains(out, "operating since March 2026") {
		t.Fatalf("section output:\n%s", out)
	}
	for _, other := range []string{"Key facts", "Related", "Italy at the United Nations", "sources:"} {
		if strings.Contains(out, other) {
			t.Errorf("show un#the-global-mechanism prints %q:\n%s", other, out)
		}
	}
	// The anchor of the other language, or the heading as it reads, names the same section.
	for _, arg := range []string{"un#il-meccanismo-globale", "onu#The Global Mechanism"} {
		_, o, _ := runCLI(t, nil, "show", arg, "--format", "plain")
		if o != out {
			t.Errorf("show %s prints\n%s\nwant\n%s", arg, o, out)
		}
	}
	_, it, _ := runCLI(t, nil, "show", "un#the-global-mechanism", "--lang", "it", "--format", "plain")
	if !strings.Contains(it, "## Il Meccanismo Globale") || !strings.Contains(it, "operativo da marzo 2026") {
		t.Errorf("the section in Italian:\n%s", it)
	}
	// Markdown: the source of that section alone, without the internal sources marker.
	_, md, _ := runCLI(t, nil, "show", "osce#cbm-14-and-public-private-partnership", "--format", "markdown")
	if !strings.HasPrefix(md, "## CBM 14 and public-private partnership\n\n") || strings.Contains(md, "<!--") || strings.Contains(md, "## Related") {
		t.Errorf("markdown of a section:\n%s", md)
	}
	// A title section is the page's introduction.
	_, intro, _ := runCLI(t, nil, "show", "timeline#timeline", "--format", "plain")
	if !strings.Contains(intro, "main milestones") || strings.Contains(intro, "2004") {
		t.Errorf("show timeline#timeline:\n%s", intro)
	}

	for _, c := range []struct{ arg, want string }{
		{"un#nope", `cyberdiplo: page "un" (English) has no heading with anchor "nope": cyberdiplo show un --anchors lists them`},
		{"un#", `cyberdiplo: un#: an anchor is missing after #: cyberdiplo show un --anchors lists them`},
		{"un#-?-", `cyberdiplo: un#: an anchor is missing after #: cyberdiplo show un --anchors lists them`},
		{"mars#key-facts", `cyberdiplo: unknown page "mars"`},
		{"un#" + strings.Repeat("x", 1<<16), `cyberdiplo: un#...: the anchor is 65536 bytes long (at most 256)`},
	} {
		code, out, errs := runCLI(t, nil, "show", c.arg)
		if code != 2 || out != "" || !strings.HasPrefix(errs, c.want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("show %.40s: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.arg, code, out, errs, c.want)
		}
	}
}

func TestShowAnchors(t *testing.T) {
	_, out, _ := runCLI(t, nil, "show", "un", "--anchors")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 7 || !strings.HasPrefix(lines[0], "un#italy-at-the-united-nations") {
		t.Fatalf("show un --anchors:\n%s", out)
	}
	found := false
	for _, l := range lines {
		f := strings.Fields(l)
		if f[0] == "un#the-global-mechanism" && strings.Join(f[1:], " ") == "The Global Mechanism" {
			found = true
		}
		// Every anchor listed is one that show accepts.
		if code, _, errs := runCLI(t, nil, "show", f[0], "--format", "markdown"); code != 0 {
			t.Errorf("show %s: exit %d %s", f[0], code, errs)
		}
	}
	if !found {
		t.Errorf("no line for the Global Mechanism:\n%s", out)
	}
	// Subsections are indented under their section.
	_, ov, _ := runCLI(t, nil, "show", "overview", "--anchors")
	if !strings.Contains(ov, "overview#where-maeci-works                       Where MAECI works\noverview#european-union                            European Union") {
		t.Errorf("show overview --anchors:\n%s", ov)
	}
}

func TestShowCite(t *testing.T) {
	_, out, _ := runCLI(t, nil, "show", "un#the-global-mechanism", "--cite", "--format", "plain")
	want := "Italy at the United Nations › The Global Mechanism. Sources: MAECI, “Diplomazia Cibernetica” (2026); " +
		"United Nations, “Final report of the Open-ended working group on security of and in the use of information and communications technologies 2021-2025” (A/80/257, 2025). " +
		"Unofficial briefing (cyberdiplo), current to March 2026."
	if got := lastLine(out); got != want {
		t.Errorf("citation:\n got %q\nwant %q", got, want)
	}
	_, it, _ := runCLI(t, nil, "show", "un#i-gruppi-di-esperti-governativi", "--cite", "--lang", "it", "--format", "plain")
	want = "L'Italia alle Nazioni Unite › I Gruppi di esperti governativi. Fonti: MAECI, “Diplomazia Cibernetica” (2026); " +
		"MAECI, “Policy and security in the cyberspace” (2021); United Nations, “Report of the Group of Governmental Experts on " +
		"Developments in the Field of Information and Telecommunications in the Context of International Security” (A/65/201, 2010). " +
		"Guida non ufficiale (cyberdiplo), aggiornata a marzo 2026."
	if got := lastLine(it); got != want {
		t.Errorf("Italian citation:\n got %q\nwant %q", got, want)
	}
	// A whole page cites every source of its sections; a section resting on the
	// 2021 page alone cites that page alone.
	_, page, _ := runCLI(t, nil, "show", "osce", "--cite", "--format", "markdown")
	if got := lastLine(page); got != "Italy in the OSCE. Sources: MAECI, “Diplomazia Cibernetica” (2026); MAECI, “Policy and security in the cyberspace” (2021); "+
		"OSCE Permanent Council, “OSCE Confidence-Building Measures to Reduce the Risks of Conflict Stemming from the Use of Information and Communication Technologies” (PC.DEC/1202, 2016). Unofficial briefing (cyberdiplo), current to March 2026." {
		t.Errorf("page citation: %q", got)
	}
	_, old, _ := runCLI(t, nil, "show", "overview#what-is-at-stake", "--cite")
	if got := lastLine(old); !strings.HasPrefix(got, "Italy's cyber diplomacy › What is at stake. Sources: MAECI, “Policy and security in the cyberspace” (2021). ") {
		t.Errorf("2021 section citation: %q", got)
	}
	// Each page or section asked for ends with its own citation; in JSON it is a field.
	_, two, _ := runCLI(t, nil, "show", "nato#key-facts", "eu#key-facts", "--cite", "--format", "plain")
	if n := strings.Count(strings.Join(strings.Fields(two), " "), "Unofficial briefing (cyberdiplo)"); n != 2 {
		t.Errorf("two sections, %d citations:\n%s", n, two)
	}
	_, js, _ := runCLI(t, nil, "show", "un#the-global-mechanism", "--cite", "--format", "json")
	var p pageJSON
	if err := json.Unmarshal([]byte(js), &p); err != nil || len(p.Sections) != 1 || !strings.HasPrefix(p.Citation, "Italy at the United Nations › The Global Mechanism. ") {
		t.Errorf("JSON citation: %v %+v", err, p)
	}
}

func TestShowGlossaryTerms(t *testing.T) {
	// The reader's glossary shows each entry's term in the other language.
	_, page, _ := runCLI(t, nil, "show", "glossary", "--format", "plain", "--width", "100")
	if !strings.Contains(page, "## CBM (confidence-building measures)\n\n  *In Italian: misure di costruzione della fiducia (CBM)*") {
		t.Errorf("the glossary does not show the Italian term under the CBM entry:\n%.600s", page)
	}
	_, out, _ := runCLI(t, nil, "show", "glossario", "--terms", "--lang", "it")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 20 {
		t.Fatalf("show glossario --terms:\n%s", out)
	}
	norm := func(l string) string { return strings.Join(strings.Fields(l), " ") }
	if norm(lines[0]) != "capacity building en: capacity building" {
		t.Errorf("first line %q", lines[0])
	}
	if !strings.Contains(out, "misure di costruzione della fiducia (CBM)") || !strings.Contains(out, "en: confidence-building measures (CBM)") {
		t.Errorf("no CBM line:\n%s", out)
	}
	for i := 1; i < len(lines); i++ {
		if library.Fold(lines[i-1]) > library.Fold(lines[i]) {
			t.Errorf("not in Italian alphabetical order: %q before %q", lines[i-1], lines[i])
		}
	}
	_, js, _ := runCLI(t, nil, "show", "glossary", "--terms", "--format", "json")
	var terms []termJSON
	if err := json.Unmarshal([]byte(js), &terms); err != nil || len(terms) != len(lines) {
		t.Fatalf("--terms --format json: %v, %d terms", err, len(terms))
	}
	for _, tm := range terms {
		if tm.ID == "restrictive-measures" && (tm.Equivalent.Term != "misure restrittive" || tm.Equivalent.Lang != "it" || !reflect.DeepEqual(tm.Synonyms, []string{"sanctions", "cyber sanctions"})) {
			t.Errorf("restrictive measures: %+v", tm)
		}
	}
	for _, args := range [][]string{{"show", "un", "--terms"}, {"show", "glossary#cyber-diplomacy", "--terms"}, {"show", "glossary", "--terms", "--cite"}} {
		if code, _, errs := runCLI(t, nil, args...); code != 2 || !strings.HasPrefix(errs, "cyberdiplo: --terms") {
			t.Errorf("%v: exit %d %q", args, code, errs)
		}
	}
	// In JSON, each glossary entry carries its term.
	_, g, _ := runCLI(t, nil, "show", "glossary#cbm-confidence-building-measures", "--format", "json")
	var gp pageJSON
	if err := json.Unmarshal([]byte(g), &gp); err != nil || len(gp.Sections) != 1 || gp.Sections[0].Term == nil ||
		gp.Sections[0].Term.Acronym != "CBM" || gp.Sections[0].Term.Equivalent.Term != "misure di costruzione della fiducia" {
		t.Errorf("glossary entry in JSON: %v %+v", err, gp)
	}
}

func TestListJSON(t *testing.T) {
	_, out, _ := runCLI(t, nil, "list", "--json", "--lang", "it")
	var pages []pageListJSON
	if err := json.Unmarshal([]byte(out), &pages); err != nil {
		t.Fatalf("list --json: %v\n%s", err, out)
	}
	var ids []string
	for i, p := range pages {
		ids = append(ids, p.ID)
		if p.Order != i+1 || p.Tab == "" || p.Title == "" {
			t.Errorf("page %d: %+v", i, p)
		}
	}
	if strings.Join(ids, " ") != "overview eu un nato osce glossary timeline about" {
		t.Errorf("ids: %v", ids)
	}
	if pages[2].Tab != "ONU" || pages[2].Title != "L'Italia alle Nazioni Unite" {
		t.Errorf("third page: %+v", pages[2])
	}
	var raw []map[string]any
	_ = json.Unmarshal([]byte(out), &raw)
	if keys := len(raw[0]); keys != 4 {
		t.Errorf("a page has %d keys, want id, tab, title, order: %v", keys, raw[0])
	}
}

// An anchor of the other language names the same section, on the glossary too,
// whose entries are in each language's alphabetical order.
func TestShowOtherLanguageAnchor(t *testing.T) {
	code, out, errs := runCLI(t, nil, "show", "glossary#prima-commissione", "--lang", "en", "--format", "plain")
	if code != 0 || !strings.HasPrefix(strings.TrimSpace(out), "## First Committee") {
		t.Errorf("exit %d, stderr %q, output starts %q", code, errs, strings.TrimSpace(out)[:min(len(strings.TrimSpace(out)), 60)])
	}
}

// In JSON a section's text keeps its structure: paragraphs apart, list items one
// a line and marked.
func TestShowJSONKeepsLists(t *testing.T) {
	code, out, _ := runCLI(t, nil, "show", "un#key-facts", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var pj struct {
		Sections []struct{ Text string } `json:"sections"`
	}
	if err := json.Unmarshal([]byte(out), &pj); err != nil || len(pj.Sections) != 1 {
		t.Fatalf("%v: %s", err, out)
	}
	txt := pj.Sections[0].Text
	if !strings.HasPrefix(txt, "- Since 2004") || strings.Count(txt, "\n- ") != 4 {
		t.Errorf("key facts text: %q", txt)
	}
}

// --cite lines wrap at word boundaries to --width, or to 80 columns when piped.
func TestShowCiteWrapsToTheWidth(t *testing.T) {
	for _, width := range []string{"40", ""} {
		args := []string{"show", "un#key-facts", "--cite", "--lang", "it"}
		max := 80
		if width != "" {
			args = append(args, "--width", width)
			max = 40
		}
		_, out, _ := runCLI(t, nil, args...)
		for _, l := range strings.Split(out, "\n") {
			if n := len([]rune(l)); n > max {
				t.Errorf("--width %q: a line of %d columns: %q", width, n, l)
			}
		}
		if !strings.Contains(out, "“Diplomazia Cibernetica”") && !strings.Contains(out, "“Diplomazia\nCibernetica”") {
			t.Errorf("--width %q: the citation is cut inside a word:\n%s", width, out)
		}
	}
}
