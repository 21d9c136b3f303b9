package search

import (
	"strings"
	"sync"
)

// Everyday words: the plain word a non-specialist types for the word the
// briefing uses ("countries" for "States", "online" for "cyberspace", "paesi"
// for "Stati"). Unlike the concept base (content/terms.yaml), which leads a
// phrase to one concept, this leads one word to another wherever it occurs;
// the match counts as a synonym's (wEveryday). Each line: a word people type,
// then the words of the text it stands for; both languages in one table, as a
// query is matched against both.
var everydayWords = `
countries states
country state
nations states
governments states
online cyberspace
internet cyberspace
web cyberspace
digital cyber
hacking attacks
hackers attacks
hacker attacks
hacks attacks
companies private
business private
businesses private
firms private
industry private
rules norms
behave behaviour
conduct behaviour
help support capacity
aid support capacity
talks dialogue dialogues
plan strategy
promise pledge
punish restrictive sanctions
punishment restrictive sanctions
penalties restrictive sanctions
poor developing
poorer developing
meeting conference
trust confidence
possible potential
backed sponsored
symbol document
supported sponsored
europe eu
european eu
paesi stati
paese stato
nazioni stati
governi stati
rete cyberspazio
hacker attacchi
pirati attacchi
aziende privato
imprese privato
industria privato
regole norme
comportarsi comportamento
aiuto sostegno capacity
aiutare sostegno capacity
colloqui dialogo dialoghi
piano strategia
promessa pledge impegno
punire restrittive sanzioni
poveri sviluppo
riunione conferenza
possibili potenziali
sigla documento
possibile potenziale
ministeri amministrazioni
europa ue
europea ue
europei ue
`

// everyday maps a folded word to the words it stands for.
func everyday() map[string][]string {
	everydayOnce.Do(func() { everydayMap = everydayTable() })
	return everydayMap
}

var (
	everydayOnce sync.Once
	everydayMap  map[string][]string
)

func everydayTable() map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(everydayWords, "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 {
			m[f[0]] = f[1:]
		}
	}
	return m
}

// wEveryday is the weight of a match through an everyday word.
const wEveryday = 0.7
