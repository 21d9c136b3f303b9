package library

import (
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	cases := map[string][]string{
		"One. Two!": {"One.", "Two!"},
		"By Decision No. 1202 of 2016. Then more.": {"By Decision No. 1202 of 2016.", "Then more."},
		"The report, A/65/201. It says so.":        {"The report, A/65/201.", "It says so."},
		"It said «yes.» Then it left.":             {"It said «yes.»", "Then it left."},
		"e.g. this one; and that: all one.":        {"e.g. this one; and that: all one."},
		"No stop at the end":                       {"No stop at the end"},
	}
	for in, want := range cases {
		if got := Sentences(in); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("Sentences(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOtherNames(t *testing.T) {
	f := TermForm{Term: "North Atlantic Treaty Organization", Acronym: "NATO",
		Synonyms: []string{"Atlantic Alliance", "the Alliance", "North Atlantic", "NATO", "UN NATO", "alliance members"}}
	// "North Atlantic" shortens the term, "UN NATO" is acronyms only, "alliance
	// members" is lower case: ways to search, not other names.
	if got := strings.Join(otherNames(f), "|"); got != "Atlantic Alliance|the Alliance" {
		t.Errorf("otherNames: %q", got)
	}
	it := TermForm{Term: "Organizzazione del Trattato del Nord Atlantico", Acronym: "NATO", Synonyms: []string{"l'Alleanza", "Alleanza atlantica"}}
	if got := strings.Join(otherNames(it), "|"); got != "l'Alleanza|Alleanza atlantica" {
		t.Errorf("otherNames (it): %q", got)
	}
	// Whole words, with their case, outside the term itself.
	if containsName("the Alliances", "the Alliance") || containsName("the alliance", "the Alliance") || !containsName("(the Alliance)", "the Alliance") {
		t.Error("containsName matches parts of words or ignores case")
	}
	g := TermForm{Term: "EU Cyber Diplomacy Toolbox", Synonyms: []string{"Cyber Diplomacy Toolbox"}}
	if containsName(maskTerm("the EU Cyber Diplomacy Toolbox", g), "Cyber Diplomacy Toolbox") {
		t.Error("a synonym inside the term itself counts as another name")
	}
}
