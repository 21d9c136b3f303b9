package search

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/cite"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

var shipped = sync.OnceValue(func() *Index {
	lib, err := library.Load(content.FS())
	if err != nil {
		panic(err)
	}
	return New(lib)
})

// TestAnswerInFirstRow: for each of the examples of issue 24, the first result's
// row (its heading and snippet, as wide as an 80-column terminal leaves it, and wider)
// shows the answer: the date, the number, the definition.
func TestAnswerInFirstRow(t *testing.T) {
	cases := []struct{ lang, query, where, answer string }{
		{"en", "first oewg end", "", "12 March 2021"},
		{"en", "when did the first OEWG end", "", "12 March 2021"},
		{"en", "when was the pledge adopted", "", "2016"},
		{"en", "what is the cyber defence pledge", "glossary › Cyber Defence Pledge", "A commitment adopted by the NATO Allies in 2016"},
		{"en", "how many confidence-building measures does the OSCE have", "", "16"},
		{"en", "how many GGEs have there been", "", "Six"},
		{"en", "who leads Italy's cyber diplomacy", "", "MAECI"},
		{"it", "quando si è chiuso il primo oewg", "", "12 marzo 2021"},
		{"it", "che cos'è il cyber defence pledge", "glossary › Cyber Defence Pledge", "Un impegno adottato dagli Alleati della NATO nel 2016"},
		{"it", "quante misure di fiducia ha l'osce", "", "16"},
		{"it", "quando è stato adottato il pledge", "", "2016"},
		// The date at the end of a long sentence, after "No. 1202"; a count that
		// is not a CBM's number; a document's symbol.
		{"en", "when were the last five cbms added", "", "10 March 2016"},
		{"it", "quando sono state aggiunte le ultime cinque cbm", "", "10 marzo 2016"},
		{"en", "how many cbms did the permanent council add", "", "five"},
		{"en", "symbol of the final report of the oewg 2021-2025", "", "A/80/257"},
		{"it", "sigla del documento che ha definito il meccanismo globale", "", "A/80/257"},
	}
	for _, width := range []int{76, 100} {
		for _, c := range cases {
			hs := shipped().Search(c.query, Options{Lang: c.lang, Limit: 1, Width: width})
			if len(hs) == 0 {
				t.Errorf("%q: no result", c.query)
				continue
			}
			h := hs[0]
			row := h.Heading + " " + h.Snippet
			if !strings.Contains(strings.ToLower(row), strings.ToLower(c.answer)) || c.where != "" && h.Where() != c.where {
				t.Errorf("%q at %d runes: first row %q %q, want %s with %q", c.query, width, h.Where(), h.Snippet, c.where, c.answer)
			}
		}
	}
}

// TestParaphraseExamples: the paraphrases reach what they mean.
func TestParaphraseExamples(t *testing.T) {
	cases := []struct {
		lang, query string
		within      int
		want        []string // page#anchor (English anchors)
	}{
		{"en", "the alliance promise on cyber", 3, []string{"nato#the-cyber-defence-pledge", "glossary#cyber-defence-pledge"}},
		{"en", "ways the eu can answer an attack", 3, []string{"eu#the-cyber-diplomacy-toolbox", "glossary#eu-cyber-diplomacy-toolbox"}},
		{"en", "what changed between 2021 and 2026", 1, []string{"about#where-the-sources-differ", "eu#maeci-s-priorities"}},
		{"en", "rules of the road", 1, []string{"glossary#norms-of-responsible-state-behaviour", "un#what-the-un-groups-discuss"}},
		{"en", "how states should behave", 1, []string{"glossary#norms-of-responsible-state-behaviour", "un#what-the-un-groups-discuss"}},
		{"en", "skills for poorer countries", 1, []string{"glossary#capacity-building"}},
		{"en", "Italy's legal paper", 1, []string{"glossary#italian-position-paper-on-international-law-and-cyberspace", "overview#italy-s-vision-and-international-law"}},
		{"it", "cosa è cambiato tra il 2021 e il 2026", 1, []string{"about#where-the-sources-differ", "eu#maeci-s-priorities"}},
		{"it", "regole del gioco nel cyberspazio", 1, []string{"glossary#norms-of-responsible-state-behaviour", "un#what-the-un-groups-discuss"}},
		// Everyday words of the concept base: joining, backing, other ministries, what is new.
		{"en", "which countries can join an oewg", 1, []string{"glossary#oewg-open-ended-working-group", "un#the-open-ended-working-groups"}},
		{"en", "plan supported by eu member states", 1, []string{"glossary#programme-of-action-poa", "un#the-open-ended-working-groups"}},
		{"en", "coordination with other ministries", 1, []string{"overview#the-role-of-maeci", "eu#maeci-s-priorities"}},
		{"en", "what's new", 1, []string{"overview#since-2021", "about#where-the-sources-differ"}},
		{"it", "chi può partecipare a un oewg", 1, []string{"glossary#oewg-open-ended-working-group", "un#the-open-ended-working-groups"}},
		{"it", "fermare gli attacchi informatici", 3, []string{"overview#what-cyber-diplomacy-is", "glossary#cyber-diplomacy"}},
		{"it", "novità rispetto a prima", 1, []string{"overview#since-2021", "about#where-the-sources-differ"}},
	}
	lib := shipped().lib
	for _, c := range cases {
		hs := shipped().Search(c.query, Options{Lang: c.lang, Limit: c.within})
		var got []string
		ok := false
		for _, h := range hs {
			// The English anchor of the same section.
			si := lib.CounterpartSection(h.Page, h.Lang, h.Section, "en")
			a := h.Page + "#" + lib.Page("en", h.Page).Sections[max(si, 0)].Heading.Anchor
			got = append(got, a)
			ok = ok || slices.Contains(c.want, a)
		}
		if !ok {
			t.Errorf("%q: first %d are %v, want one of %v", c.query, c.within, got, c.want)
		}
	}
	// A question about change does not rank NATO's "changing domain" first.
	if hs := shipped().Search("what changed between 2021 and 2026", Options{Lang: "en", Limit: 1}); len(hs) == 1 && hs[0].Page == "nato" {
		t.Errorf("what changed: %s first", hs[0].Where())
	}
}

// TestHonestCorrections: a word that is probably a name the briefing lacks is
// not corrected into a common word, and did-you-mean offers only what the
// briefing holds.
func TestHonestCorrections(t *testing.T) {
	ix := shipped()
	for _, c := range []struct {
		query     string
		unmatched []string
		notMarked string // a word no hit may mark
	}{
		{"budapest convention", []string{"budapest"}, "convened"},
		{"paris call", []string{"paris"}, "calls"},
		{"tallinn manual", []string{"tallinn", "manual"}, ""},
	} {
		res := ix.Find(c.query, Options{Lang: "en", AllLangs: true})
		for _, w := range c.unmatched {
			if !slices.Contains(res.Unmatched, w) {
				t.Errorf("%q: unmatched %q, want %q among them", c.query, res.Unmatched, w)
			}
		}
		for _, h := range res.Hits {
			if c.notMarked != "" && slices.Contains(marked(h.Snippet, h.Marks), c.notMarked) {
				t.Errorf("%q: %s marks %q: %q", c.query, h.Where(), c.notMarked, h.Snippet)
			}
		}
		if res.DidYouMean != "" {
			t.Errorf("%q: did you mean %q", c.query, res.DidYouMean)
		}
	}
	// Sure corrections stay.
	for q, want := range map[string]string{"Prima Comissione": "Prima Commissione", "resilence": "resilien", "OWEG": "OEWG"} {
		hs := ix.Search(q, Options{Lang: "it", Limit: 3})
		if len(hs) == 0 || !strings.Contains(strings.ToLower(hs[0].Heading+" "+hs[0].Snippet), strings.ToLower(want)) {
			t.Errorf("%q: want %q in the first row, got %v", q, want, wheres(hs))
		}
	}
	// A known word and a name: the known word still answers ("nato summit").
	if res := ix.Find("nato summit", Options{Lang: "en"}); len(res.Hits) == 0 || !slices.Equal(res.Unmatched, []string{"summit"}) {
		t.Errorf("nato summit: %v, unmatched %q", wheres(res.Hits), res.Unmatched)
	}
	// Did-you-mean: never a stop word, and a phrase the briefing holds.
	for q, want := range map[string]string{"ACN": "", "OEWF report": "oewg report"} {
		if got := ix.Find(q, Options{Lang: "en"}).DidYouMean; got != want {
			t.Errorf("%q: did you mean %q, want %q", q, got, want)
		}
	}
}

// TestSnippetKeepsDates: at any width, a snippet holds a date of several words
// whole or not at all, and the row names the section's sources with their years.
func TestSnippetKeepsDates(t *testing.T) {
	for w := 20; w <= 120; w += 3 {
		for _, q := range []string{"first oewg end", "primo oewg chiuso"} {
			for _, h := range shipped().Search(q, Options{Lang: "en", Width: w}) {
				if strings.Contains(h.Snippet, "March") && !strings.Contains(h.Snippet, "12 March 2021") &&
					!strings.Contains(h.Snippet, "March 2026") && !strings.Contains(h.Snippet, "March:") {
					t.Errorf("width %d, %q: %s cuts a date: %q", w, q, h.Where(), h.Snippet)
				}
				if n := len([]rune(h.Snippet)); n > w {
					t.Errorf("width %d: snippet of %d runes", w, n)
				}
			}
		}
	}
	hs := shipped().Search("cyber defence pledge", Options{Lang: "en", Limit: 1})
	if len(hs) == 0 || hs[0].SourcesLabel() != "MAECI 2026, 2021" {
		t.Errorf("sources of %v: %q", wheres(hs), hs[0].SourcesLabel())
	}
	if got := hs[0].RowLabel(10); got != "2026, 2021" {
		t.Errorf("narrow label %q", got)
	}
	hs = shipped().Search("A/65/201", Options{Lang: "en"})
	found := false
	for _, h := range hs {
		found = found || strings.Contains(h.SourcesLabel(), "United Nations 2010")
	}
	if !found {
		t.Errorf("A/65/201: no row names the UN report of 2010")
	}
}

// TestSnippetEndsBetweenWords: a snippet cut short ends at the end of a word,
// whatever the width and the kind of question (a definition is read from its
// start, so its cut falls where the width does).
func TestSnippetEndsBetweenWords(t *testing.T) {
	ix := shipped()
	for w := 40; w <= 150; w += 7 {
		for _, q := range []string{"what is the cyber defence pledge", "che cos'è il toolbox", "first oewg end", "how many cbms"} {
			for _, h := range ix.Search(q, Options{Lang: "en", Width: w}) {
				s, ok := strings.CutSuffix(h.Snippet, "…")
				if !ok {
					continue
				}
				s = strings.TrimPrefix(s, "…")
				p := ix.lib.Page(h.Lang, h.Page)
				body := strings.Join(strings.Fields(cite.Body(p, h.Section)), " ")
				i := strings.Index(body, strings.Join(strings.Fields(s), " "))
				if i < 0 {
					continue // found through a neighbouring block's wording
				}
				rest := body[i+len(strings.Join(strings.Fields(s), " ")):]
				if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) {
					t.Errorf("width %d, %q: %s ends inside a word: %q", w, q, h.Where(), h.Snippet)
				}
			}
		}
	}
}

// TestExpansionAndWhenIntents: a query that asks what an acronym stands for
// (in any of the ways people ask it) gets the glossary entry that expands it
// first, and "da che mese", "in che anno" ask when, accents typed or not.
func TestExpansionAndWhenIntents(t *testing.T) {
	cases := []struct{ lang, query, where, answer string }{
		{"en", "what does nato stand for", "glossary › NATO (North Atlantic Treaty Organization)", "North Atlantic Treaty Organization"},
		{"en", "gge full name", "glossary › GGE (Group of Governmental Experts)", "Group of Governmental Experts"},
		{"en", "osce stands for", "glossary › OSCE (Organization for Security and Co-operation in Europe)", "Co-operation in Europe"},
		{"it", "nato per esteso", "glossary › NATO (Organizzazione del Trattato del Nord Atlantico)", "Nord Atlantico"},
		{"it", "cosa vuol dire gge", "glossary › GGE (Gruppo di esperti governativi)", "esperti governativi"},
		{"it", "da che mese è operativo il meccanismo globale", "", "marzo 2026"},
		{"it", "da che mese e operativo il meccanismo globale", "", "marzo 2026"},
		{"en", "what month did the global mechanism start", "", "March 2026"},
		{"en", "maeci in full", "glossary › MAECI (Ministry of Foreign Affairs and International Cooperation)", "Italy's foreign ministry"},
		{"it", "ppp per intero", "glossary › Partenariato pubblico-privato (PPP)", "Cooperazione tra autorità pubbliche"},
		// A term asked for in the other language: its glossary entry.
		{"en", "tic in english", "glossary › ICT (information and communication technologies)", ""},
		{"it", "ict in italiano", "glossary › TIC (tecnologie dell'informazione e della comunicazione, ICT)", ""},
		// A definition is the glossary entry's first sentence, not a later one
		// that names the term ("CBMs are also...").
		{"en", "what is a cbm", "glossary › CBM (confidence-building measures)", "Measures against misperceptions"},
		{"en", "what does ppp mean", "glossary › Public-private partnership (PPP)", "Cooperation between public authorities"},
	}
	for _, c := range cases {
		h, ok := firstRow(t, c.lang, c.query)
		if !ok {
			continue
		}
		if !rowHolds(h, c.answer) || c.where != "" && h.Where() != c.where {
			t.Errorf("%q: first row %q %q, want %s with %q", c.query, h.Where(), h.Snippet, c.where, c.answer)
		}
	}
}

// TestWeakWordsCarryNoConcept: a word that says what is done about any subject
// (decide, talk, decide) does not bring in the concept one of whose everyday
// phrases holds it ("who decides foreign policy" for MAECI): the subject typed
// ranks, and the concept that merely shares the weak word stays out of the
// first three.
func TestWeakWordsCarryNoConcept(t *testing.T) {
	cases := []struct{ lang, query, first, not string }{
		{"en", "deciding on sanctions", "glossary#restrictive-measures", "glossary#maeci-ministry-of-foreign-affairs-and-international-cooperation"},
		{"it", "chi decide le sanzioni", "glossary#misure-restrittive", "glossary#maeci-ministero-degli-affari-esteri-e-della-cooperazione-internazionale"},
	}
	for _, c := range cases {
		hs := shipped().Search(c.query, Options{Lang: c.lang, Limit: 3})
		var got []string
		for _, h := range hs {
			got = append(got, h.Page+"#"+h.Place.Section)
		}
		if len(got) == 0 || got[0] != c.first || slices.Contains(got, c.not) {
			t.Errorf("%q: first three %v, want %s first and not %s", c.query, got, c.first, c.not)
		}
	}
}

// TestQuestionsAnswerFirst: the questions a hurried reader typed in QA, in
// either language, accents typed or not, get first the section that answers,
// with the answer in its row: "quando è finito" reaches the text's "si è
// chiuso", "quanti" prefers the section that gives the count over the entry
// that only defines the subject, "chi guida" reaches the ministry, not the
// source page whose title holds "Diplomazia Cibernetica".
func TestQuestionsAnswerFirst(t *testing.T) {
	maeci := []string{"glossary#maeci-ministero-degli-affari-esteri-e-della-cooperazione-internazionale", "overview#il-ruolo-del-maeci"}
	cases := []struct {
		lang, query string
		first       []string // acceptable first sections, none: any
		answer      string
	}{
		{"it", "quando è finito il primo oewg", nil, "12 marzo 2021"},
		{"it", "quando e finito il primo oewg", nil, "12 marzo 2021"},
		{"en", "when did the first oewg finish", nil, "12 March 2021"},
		{"it", "chi guida la diplomazia cibernetica", maeci, ""},
		{"it", "quanti oewg", nil, "due"},
		{"en", "how many oewgs", nil, "two"},
		{"it", "quanti gge ci sono stati", nil, "sei"},
		{"it", "con quale decisione l'osce ha aggiunto le ultime cbm", nil, "1202"},
		{"en", "which cbm did italy take on", nil, "14"},
		{"it", "che cosa e l'oewg", []string{"glossary#oewg-open-ended-working-group-gruppo-di-lavoro-aperto"}, ""},
		// A misspelt everyday verb ("fintio" for "finito": the text says "chiuso").
		{"it", "quando è fintio il primo oewg", nil, "12 marzo 2021"},
		// A thing's number asked after it: its symbol or label.
		{"en", "gge report number", nil, "A/65/201"},
		{"it", "rapporto gge numero", nil, "A/65/201"},
	}
	for _, c := range cases {
		h, ok := firstRow(t, c.lang, c.query)
		if !ok {
			continue
		}
		if at := h.Page + "#" + h.Place.Section; c.first != nil && !slices.Contains(c.first, at) || c.answer != "" && !rowHolds(h, c.answer) {
			t.Errorf("%q: first row %s %q %q, want one of %v with %q", c.query, at, h.Heading, h.Snippet, c.first, c.answer)
		}
	}
}

// TestGlossaryInPassing: a glossary entry that only mentions the query's words
// in passing ("a NATO guide, which MAECI takes part in refining") ranks below
// the section that treats the subject; an entry the query names still comes
// first.
func TestGlossaryInPassing(t *testing.T) {
	cases := []struct{ lang, query, first string }{
		{"en", "what does maeci do in nato", "nato#what-maeci-does nato#key-facts"},
		{"it", "chi ha ospitato la conferenza del 2018", "osce#la-presidenza-del-2018 timeline#2018"},
		{"en", "alleato NATO pledge", "nato#the-cyber-defence-pledge glossary#cyber-defence-pledge nato#key-facts"},
		{"it", "alleato NATO pledge", "nato#il-cyber-defence-pledge glossary#cyber-defence-pledge nato#in-breve"},
	}
	for _, c := range cases {
		hs := shipped().Search(c.query, Options{Lang: c.lang, Limit: 1})
		if len(hs) == 0 || !slices.Contains(strings.Fields(c.first), hs[0].Page+"#"+hs[0].Place.Section) {
			got := ""
			if len(hs) > 0 {
				got = hs[0].Page + "#" + hs[0].Place.Section
			}
			t.Errorf("%q: first %s, want one of %s", c.query, got, c.first)
		}
	}
}

// TestElisionWithoutApostrophe: an Italian elision typed without its
// apostrophe ("dellonu", "litalia", "nellosce"), as on a phone, finds what the
// query with it finds.
func TestElisionWithoutApostrophe(t *testing.T) {
	for _, c := range [][2]string{
		{"cosa fa l'italia nell'osce", "cosa fa litalia nellosce"},
		{"quali temi discutono all'onu", "quali temi discutono allonu"},
		{"sigla del rapporto finale dell'oewg 2021-2025", "sigla del rapporto finale delloewg 2021-2025"},
	} {
		want := shipped().Search(c[0], Options{Lang: "it", Limit: 1})
		got := shipped().Search(c[1], Options{Lang: "it", Limit: 1})
		if len(want) == 0 || len(got) == 0 || got[0].Page != want[0].Page || got[0].Section != want[0].Section {
			t.Errorf("%q: first %v, want the first of %q: %v", c[1], got, c[0], want)
		}
	}
}

// firstRow is the first result row of query at the width of a 76-column
// snippet, as the box draws it; a query with no result is an error.
func firstRow(t *testing.T, lang, query string) (Hit, bool) {
	t.Helper()
	hs := shipped().Search(query, Options{Lang: lang, Limit: 1, Width: 76})
	if len(hs) == 0 {
		t.Errorf("%q: no result", query)
		return Hit{}, false
	}
	return hs[0], true
}
