package search

import (
	"strings"
	"sync"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/italian"

	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
)

// Analysis.
//
// A word (see scanWords) is folded: lower case, accents removed. Its key is what
// matching compares: for English, the folded word's spelling is first made
// British (see britishSpelling), then the word is reduced to its Snowball stem
// (the Porter2 "english" and the "italian" algorithms); Italian words are stemmed
// after folding too, so that "attivita" and "attività" give the same key. Words
// with digits, and words of fewer than 3 letters, are their own key. Index and
// query go through the same steps, so whatever is done to one is done to the other.

// analyzer turns folded words of one language into keys.
type analyzer struct {
	lang string
	stem func(*snowballstem.Env) bool
	// spell rewrites a folded word into the one spelling the index keeps of it.
	spell func(string) string
}

// analyzers returns the text analysis of a name a language gives its own
// (lang.Language.Analysis); none for another name.
func analyzers(name string) analyzer {
	switch name {
	case "english":
		return analyzer{stem: english.Stem, spell: britishSpelling}
	case "italian":
		return analyzer{stem: italian.Stem, spell: italianSpelling}
	}
	return analyzer{}
}

// analyzerFor returns the analyzer of a language; a language without its own
// stemmer folds only.
func analyzerFor(lang string) analyzer {
	l, _ := langs.Get(lang)
	a := analyzers(l.Analysis)
	a.lang = lang
	return a
}

// key returns the key of a folded word: stop words are their own key. env is
// scratch space (nil allocates one).
func (a analyzer) key(w string, env *snowballstem.Env) string {
	if len(w) < 3 || !isLetters(w) || isStop(w) {
		return w
	}
	if a.spell != nil {
		w = a.spell(w)
	}
	if a.stem == nil {
		return w
	}
	if env == nil {
		env = snowballstem.NewEnv(w)
	} else {
		env.SetCurrent(w)
	}
	a.stem(env)
	if k := env.Current(); k != "" {
		return k
	}
	return w
}

// isLetters reports whether a folded word is made of letters (no digits).
func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return false
		}
	}
	return true
}

// britishWords lists American spellings with the British form the index keeps,
// word by word (made on first use, not at every start of the program).
func britishWords() map[string]string {
	britishOnce.Do(func() { britishMap = britishTable() })
	return britishMap
}

var (
	britishOnce sync.Once
	britishMap  map[string]string
)

func britishTable() map[string]string {
	return map[string]string{
		"defense": "defence", "defenses": "defences", "offense": "offence", "offenses": "offences",
		"license": "licence", "licenses": "licences", "pretense": "pretence",
		"program": "programme", "programs": "programmes",
		"dialog": "dialogue", "dialogs": "dialogues", "catalog": "catalogue", "catalogs": "catalogues",
		"analog": "analogue", "analogs": "analogues",
		"center": "centre", "centers": "centres", "centered": "centred", "centering": "centring",
		"theater": "theatre", "theaters": "theatres", "fiber": "fibre", "fibers": "fibres",
		"practise": "practice", "practised": "practiced", "practises": "practices", "practising": "practicing",
		"judgment": "judgement", "judgments": "judgements",
		"acknowledgment": "acknowledgement", "acknowledgments": "acknowledgements",
		"fulfill": "fulfil", "fulfills": "fulfils", "fulfillment": "fulfilment",
		"enroll": "enrol", "enrolls": "enrols", "enrollment": "enrolment",
		"counselor": "counsellor", "counselors": "counsellors",
		"skeptic": "sceptic", "skeptical": "sceptical", "skepticism": "scepticism",
		"gray": "grey",
	}
}

// britishRoots lists American word starts that British spells "-our": a word
// starting with one gets the British start ("behavioral" -> "behavioural",
// "favorite" -> "favourite").
var britishRoots = [][2]string{
	{"behavior", "behaviour"}, {"favor", "favour"}, {"honor", "honour"}, {"labor", "labour"},
	{"color", "colour"}, {"neighbor", "neighbour"}, {"harbor", "harbour"}, {"rumor", "rumour"},
	{"armor", "armour"}, {"endeavor", "endeavour"}, {"vigor", "vigour"}, {"humor", "humour"},
}

// The endings that may follow -iz-/-yz-, longest first.
var izeTails = []string{"ations", "ation", "ables", "able", "ing", "ers", "er", "es", "ed", "e"}

// britishSpelling rewrites an American spelling of a folded word into the British
// one the content uses:
//   - by rule, -iz-/-yz- before an ending of izeTails becomes -is-/-ys-, when at
//     least 3 letters precede it ("organization" -> "organisation", "analyze" ->
//     "analyse"; "size" and "prize" stay);
//   - by the tables above, for the pairs no rule covers without false friends
//     (defense, center, behavior, program, dialog...).
//
// It runs on the text and on the query alike, so it can only join two spellings,
// never split a word from itself.
func britishSpelling(w string) string {
	if b, ok := britishWords()[w]; ok {
		return b
	}
	for _, r := range britishRoots {
		if w[0] == r[0][0] {
			if rest, ok := strings.CutPrefix(w, r[0]); ok {
				return r[1] + rest
			}
		}
	}
	if !strings.Contains(w, "iz") && !strings.Contains(w, "yz") {
		return w
	}
	for _, t := range izeTails {
		for _, p := range [][2]string{{"iz", "is"}, {"yz", "ys"}} {
			if stem, ok := strings.CutSuffix(w, p[0]+t); ok && len(stem) >= 3 {
				return stem + p[1] + t
			}
		}
	}
	return w
}

// italianSpelling joins the two Italian spellings of the cyber- compounds:
// "cibersicurezza" and "cybersicurezza", "ciberspazio" and "cyberspazio", become
// "cyber-"; "cibernetico" and its forms, a word of their own, stay.
func italianSpelling(w string) string {
	if rest, ok := strings.CutPrefix(w, "ciber"); ok && !strings.HasPrefix(rest, "n") {
		return "cyber" + rest
	}
	return w
}
