package content

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The briefing is written from the facts of two public MAECI pages (the "seeds",
// kept outside the repository in ../shared/seeds), never from their sentences. These
// tests fail when copyRun or more consecutive words of a seed appear anywhere in
// content/, after folding case, accents and punctuation.

// copyRun is the shortest run of a seed's words that counts as copied.
const copyRun = 8

// officialNames may be quoted word for word: titles of bodies and documents as their
// owners write them. Each is matched as a whole, after folding, and counts as one
// word, so that a sentence copied around a name is still caught.
var officialNames = []string{
	"Ministry of Foreign Affairs and International Cooperation",
	"Ministero degli Affari Esteri e della Cooperazione Internazionale",
	"Organizzazione per la Sicurezza e la Cooperazione in Europa",
	// The 2009-2010 group (UN document A/65/201).
	"on developments in the field of information and telecommunications in the context of international security",
	// NATO's Guide, as each source names it.
	"Guide for responding to cyber activities below the threshold of armed attack",
	"per la risposta ad attività cibernetiche inferiori alla soglia dell'attacco armato",
	// The Global Mechanism: the UN's English title, MAECI's Italian one.
	"Global Mechanism on developments in the field of ICTs in the context of international security and advancing responsible State behaviour in the use of ICTs",
	"Meccanismo Globale sugli sviluppi delle TIC nel contesto della sicurezza internazionale e per far avanzare il comportamento responsabile degli Stati nel cyberspazio",
	"Italian Position Paper on International Law and Cyberspace",
	"documento nazionale sul Diritto Internazionale e lo spazio cibernetico",
}

// word is one folded word and the line it is on.
type word struct {
	text string
	line int
}

// fold lower-cases s and removes its accents ("Attività" -> "attivita").
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// words splits text into folded words: runs of letters and digits. Everything else
// (punctuation, apostrophes, Markdown) separates words.
func words(text string) []word {
	var out []word
	line := 1
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, word{cur.String(), line})
			cur.Reset()
		}
	}
	for _, r := range fold(text) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			cur.WriteRune(r)
			continue
		}
		flush()
		if r == '\n' {
			line++
		}
	}
	flush()
	return out
}

// maskNames replaces each official name in ws by one word standing for it.
func maskNames(ws []word, names []string) []word {
	var folded [][]string
	for _, n := range names {
		var f []string
		for _, w := range words(n) {
			f = append(f, w.text)
		}
		folded = append(folded, f)
	}
	var out []word
next:
	for i := 0; i < len(ws); i++ {
		for k, name := range folded {
			if i+len(name) > len(ws) {
				continue
			}
			match := true
			for j, w := range name {
				if ws[i+j].text != w {
					match = false
					break
				}
			}
			if match {
				out = append(out, word{"\x00name" + string(rune('a'+k)), ws[i].line})
				i += len(name) - 1
				continue next
			}
		}
		out = append(out, ws[i])
	}
	return out
}

func gram(ws []word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.text
	}
	return strings.Join(parts, " ")
}

// copied is one run of a seed's words found in a text.
type copied struct {
	line   int
	phrase string
	seed   string
}

// findCopies returns the maximal runs of at least copyRun words that text shares
// with one of the seeds (name -> text), official names excepted.
func findCopies(seeds map[string]string, text string, names []string) []copied {
	grams := map[string]string{}
	for name, s := range seeds {
		ws := maskNames(words(s), names)
		for i := 0; i+copyRun <= len(ws); i++ {
			grams[gram(ws[i:i+copyRun])] = name
		}
	}
	ws := maskNames(words(text), names)
	var out []copied
	for i := 0; i+copyRun <= len(ws); i++ {
		seed, ok := grams[gram(ws[i:i+copyRun])]
		if !ok {
			continue
		}
		j := i
		for j+1+copyRun <= len(ws) && grams[gram(ws[j+1:j+1+copyRun])] != "" {
			j++
		}
		run := ws[i : j+copyRun]
		phrase := gram(run)
		for k, n := range names {
			phrase = strings.ReplaceAll(phrase, "\x00name"+string(rune('a'+k)), "["+n+"]")
		}
		out = append(out, copied{line: run[0].line, phrase: phrase, seed: seed})
		i = j + copyRun - 1
	}
	return out
}

// seedsDir finds the seeds: $CYBERDIPLO_SEEDS, or shared/seeds beside the
// repository (../shared/seeds) or beside one of its parent directories (a git
// worktree may live deeper than the main checkout).
func seedsDir(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("CYBERDIPLO_SEEDS"); d != "" {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			t.Fatalf("CYBERDIPLO_SEEDS=%s is not a directory", d)
		}
		return d
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Dir(wd) // this package is content/ at the repository's root
	for d := filepath.Dir(root); ; d = filepath.Dir(d) {
		cand := filepath.Join(d, "shared", "seeds")
		if st, err := os.Stat(cand); err == nil && st.IsDir() {
			return cand
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	t.Skipf("no seeds: %s does not exist (nor shared/seeds above it); set CYBERDIPLO_SEEDS to check copied wording",
		filepath.Join(filepath.Dir(root), "shared", "seeds"))
	return ""
}

func TestNoCopiedWording(t *testing.T) {
	dir := seedsDir(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no *.txt seed in %s", dir)
	}
	seeds := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		seeds[filepath.Base(f)] = string(data)
	}
	checked := 0
	err = fs.WalkDir(os.DirFS("."), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !(strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".yaml")) {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		checked++
		for _, c := range findCopies(seeds, string(data), officialNames) {
			t.Errorf("content/%s:%d: %d+ words copied from %s: %q: write it afresh (or, if it is an official name, add it to officialNames)",
				path, c.line, copyRun, c.seed, c.phrase)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 16 {
		t.Fatalf("checked only %d files of content/", checked)
	}
}

// TestCopyCheck shows what the check catches and what it lets through.
func TestCopyCheck(t *testing.T) {
	seed := map[string]string{"seed.txt": "Durante la presidenza italiana dell’OSCE nel 2018 l’Italia ha ospitato una Conferenza sulla sicurezza cibernetica, volta a rappresentare una piattaforma.\n" +
		"Read the Italian Position Paper on International Law and Cyberspace here."}
	cases := []struct {
		text string
		want []string // "line:phrase" reported
	}{
		// Eight words or more the same, whatever the case, accents and punctuation.
		{"Nel 2018 L'ITALIA HA OSPITATO una conferenza — sulla sicurezza.", []string{"1:nel 2018 l italia ha ospitato una conferenza sulla sicurezza"}},
		{"Intro.\nl'Italia ha ospitato una conferenza sulla sicurezza cibernetica!", []string{"2:l italia ha ospitato una conferenza sulla sicurezza cibernetica"}},
		{"Dell'OSCE, nel 2018. Poi altro testo, ancora altro testo.", nil},
		// Seven words are not a copy.
		{"Italia ha ospitato una Conferenza sulla sicurezza digitale", nil},
		// An official name may be quoted; a few words around it are fine.
		{"See the Italian Position Paper on International Law and Cyberspace.", nil},
		{"Please read the Italian Position Paper on International Law and Cyberspace here in full.", nil},
	}
	names := []string{"Italian Position Paper on International Law and Cyberspace"}
	for _, c := range cases {
		var got []string
		for _, cp := range findCopies(seed, c.text, names) {
			got = append(got, fmt.Sprintf("%d:%s", cp.line, cp.phrase))
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: reported %q, want %q", c.text, got, c.want)
		}
	}
	// Without the exemption, the name is a copy.
	if got := findCopies(seed, "See the Italian Position Paper on International Law and Cyberspace.", nil); len(got) != 1 || got[0].line != 1 {
		t.Errorf("an official name not on the list is not reported: %v", got)
	}
	// A sentence copied around an exempt name is reported (the name counts as one word).
	seed["b.txt"] = "we all agree to read the Italian Position Paper on International Law and Cyberspace before the meeting"
	got := findCopies(seed, "So we all agree to read the Italian Position Paper on International Law and Cyberspace before the meeting.", names)
	if len(got) != 1 || !strings.Contains(got[0].phrase, "[Italian Position Paper") {
		t.Errorf("a sentence copied around an official name: %v", got)
	}
}
