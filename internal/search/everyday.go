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
finish ended closed concluded
finished ended closed concluded
finishes ended closed
started began begins start
starting began begins
launched began begins
finito chiuso concluso chiude
finita chiuso concluso chiude
finire chiuso chiude
finisce chiude chiuso
terminato chiuso concluso
terminata chiuso concluso
terminare chiuso chiude
iniziato avviato avvia iniziano
iniziata avviato avvia iniziano
iniziare avviato avvia iniziano
cominciato avviato avvia iniziano
cominciata avviato avvia
partito avviato avvia
creato istituita
creata istituita
fondata istituita
dirige guida
run leading leads
runs leading leads
concrete practical
concreto concreta
concreti concreta
structure body
struttura organismo
trasforma rimodellato evoluto
trasformato rimodellato evoluto
trasformare rimodellato evoluto
transforms reshaping evolved
transformed reshaping evolved
transform reshaping evolved
latest newest recent
ultimo recente
ultima recente
formato organismo forum
format body forum
informatica cibernetica cyber
informatico cibernetico cyber
informatici cibernetici cyber
informatiche cibernetiche cyber
accordo intesa impegno
tradotto traduzione
tradotta traduzione
tradurre traduzione
translated translation
promettono pledge impegna
promette pledge impegna
promettere pledge impegna
promesso pledge impegna
vow pledge commits
vows pledge commits
promises pledge commits
promised pledge commits
resistenti resilienza resiliente
resistente resilienza resiliente
resistere resilienza
resistant resilient resilience
parlare dialogo
talk dialogue
talking dialogue
discute discutere
ospitato accolto accoglie
ospitata accolto accoglie
ospita accoglie
ospitare accolto accoglie
lavora opera
lavorano operano opera
dibattito discutere debate
dibattiti discutere debate
discussione discutere debate
discussioni discutere debate
take taken takes
took taken
finanziato pagato
finanziata pagato
finanziare pagato
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

// everydayTypo returns the words of the text that the everyday word one edit
// from w stands for (the closest such word, the first in the table's order),
// or none.
func everydayTypo(w string) []string {
	for _, k := range everydayKeys() {
		if k != w && distance(w, k, 1, false) <= 1 {
			return everyday()[k]
		}
	}
	return nil
}

// everydayKeys are the everyday words in the table's order.
var everydayKeys = sync.OnceValue(func() []string {
	var keys []string
	for _, line := range strings.Split(everydayWords, "\n") {
		if f := strings.Fields(line); len(f) >= 2 && len([]rune(f[0])) >= 5 {
			keys = append(keys, f[0])
		}
	}
	return keys
})
