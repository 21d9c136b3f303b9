package library

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func copyPhrases(cs []Copy) []string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%d:%s", c.Line, c.Phrase))
	}
	return out
}

// The exact check: CopyRun words the same, whatever the case, accents and
// punctuation; official names may be quoted, and count as one word.
func TestFindCopiesExact(t *testing.T) {
	seed := map[string]string{"seed.txt": "Durante la presidenza italiana dell’OSCE nel 2018 l’Italia ha ospitato una Conferenza sulla sicurezza cibernetica, volta a rappresentare una piattaforma.\n" +
		"Read the Italian Position Paper on International Law and Cyberspace here."}
	names := []string{"Italian Position Paper on International Law and Cyberspace"}
	cases := []struct {
		text string
		want []string
	}{
		{"Nel 2018 L'ITALIA HA OSPITATO una conferenza — sulla sicurezza.", []string{"1:nel 2018 l italia ha ospitato una conferenza sulla sicurezza"}},
		{"Intro.\nl'Italia ha ospitato una conferenza sulla sicurezza cibernetica!", []string{"2:l italia ha ospitato una conferenza sulla sicurezza cibernetica"}},
		{"Dell'OSCE, nel 2018. Poi altro testo, ancora altro testo.", nil},
		{"Italia ha ospitato una Conferenza sulla sicurezza digitale", nil}, // seven words
		{"Please read the Italian Position Paper on International Law and Cyberspace here in full.", nil},
	}
	f := NewCopyFinder(seed, names, CopyRun, 0)
	for _, c := range cases {
		if got := copyPhrases(f.Find(c.text)); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: reported %q, want %q", c.text, got, c.want)
		}
	}
	// Without the exemption, the name is a copy.
	if got := FindCopies(seed, "See the Italian Position Paper on International Law and Cyberspace.", nil, CopyRun, 0); len(got) != 1 {
		t.Errorf("an official name not on the list is not reported: %v", got)
	}
	// A sentence copied around an exempt name is reported, the name in brackets.
	seed["b.txt"] = "we all agree to read the Italian Position Paper on International Law and Cyberspace before the meeting"
	got := FindCopies(seed, "So we all agree to read the Italian Position Paper on International Law and Cyberspace before the meeting.", names, CopyRun, 0)
	if len(got) != 1 || !strings.Contains(got[0].Phrase, "[Italian Position Paper on International Law and Cyberspace]") || got[0].Seed != "b.txt" {
		t.Errorf("a sentence copied around an official name: %+v", got)
	}
}

// The near check: NearRun words with one swapped, as the review found them.
func TestFindCopiesNear(t *testing.T) {
	seeds := map[string]string{
		"en.txt": "Over the last decade, NATO has tried to adapt its defensive capabilities to the changing nature of cyberspace.",
		"it.txt": "volte a fronteggiare le possibili percezioni errate, migliorando così la qualità della cooperazione tra gli Stati partecipanti.",
	}
	cases := []struct {
		text string
		want []string
	}{
		// One word swapped: caught, the run reported whole.
		{"Over the last decade NATO has sought to adapt its defensive capabilities to a changing cyberspace.",
			[]string{"1:over the last decade nato has sought to adapt its defensive capabilities to a changing"}},
		{"e migliorano così la qualità della cooperazione fra gli Stati partecipanti.",
			[]string{"1:migliorano cosi la qualita della cooperazione fra gli stati partecipanti"}},
		// Two words swapped in every window: not a near-copy.
		{"Over the recent decade NATO had sought to reshape its cyber defences.", nil},
		// Words of grammar in common, one word swapped: how anyone writes.
		{"the use of the changing nature", nil},
		// Recast in the briefing's own words.
		{"NATO's cyber posture has evolved over the past ten years.", nil},
	}
	f := NewCopyFinder(seeds, nil, NearRun, 1)
	for _, c := range cases {
		if got := copyPhrases(f.Find(c.text)); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: reported %q, want %q", c.text, got, c.want)
		}
	}
	// The report says what the seed says at that place.
	if got := f.Find("decade NATO has sought to adapt its defensive capabilities"); len(got) != 1 || got[0].Seed != "en.txt" ||
		got[0].Source != "decade nato has tried to adapt its defensive capabilities" {
		t.Errorf("the seed's words: %+v", got)
	}
}

func TestReadSeedsBounds(t *testing.T) {
	if _, err := ReadSeeds(fstest.MapFS{"a.md": {Data: []byte("x")}}); err == nil || !strings.Contains(err.Error(), "no *.txt") {
		t.Errorf("no seeds: %v", err)
	}
	big := fstest.MapFS{"a.txt": {Data: make([]byte, MaxSeedSize+1)}}
	if _, err := ReadSeeds(big); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Errorf("a seed over %d bytes: %v", MaxSeedSize, err)
	}
	many := fstest.MapFS{}
	for i := 0; i <= MaxSeeds; i++ {
		many[fmt.Sprintf("%d.txt", i)] = &fstest.MapFile{Data: []byte("x")}
	}
	if _, err := ReadSeeds(many); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Errorf("%d seeds: %v", MaxSeeds+1, err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "s.txt"), []byte("text"), 0o644) //nolint:errcheck
	if got, err := ReadSeeds(os.DirFS(dir)); err != nil || got["s.txt"] != "text" {
		t.Errorf("ReadSeeds: %v %v", got, err)
	}
}

// The names that may be quoted: the sources' titles and names, and the terms.
func TestOfficialNames(t *testing.T) {
	sources := []Source{{ID: "s", Title: "Policy and security in the cyberspace", Names: []string{"Guide for responding"}}}
	terms := []Term{{ID: "t", ByLang: map[string]TermForm{"en": {Term: "Cyber Defence Pledge"}, "it": {Term: "Impegno"}}}}
	got := strings.Join(OfficialNames(sources, terms), "|")
	if got != "Policy and security in the cyberspace|Guide for responding|Cyber Defence Pledge|Impegno" {
		t.Errorf("OfficialNames: %q", got)
	}
}
