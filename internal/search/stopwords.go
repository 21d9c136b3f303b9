package search

import (
	"strings"
	"sync"
)

// Stop words: the words of a question that carry no subject ("when", "was", "the",
// "quanti", "è"). They are the Snowball project's English and Italian stop-word
// lists, folded (split at apostrophes, as the tokenizer splits "don't"), plus
// question words and elided forms those lists lack; "stato", "stati", "stata",
// "state" are left out of the Italian list because in this briefing they are
// mostly "State(s)".
//
// Both lists apply to every query, whatever the reader's language: a query is
// matched against both languages, and an Italian "di" is as empty in the English
// index as in the Italian one. A query made only of stop words keeps them all.

var stopEnglish = `
i me my myself we our ours ourselves you your yours yourself yourselves he him his
himself she her hers herself it its itself they them their theirs themselves what
which who whom this that these those am is are was were be been being have has had
having do does did doing would should could ought a an the and but if or because as
until while of at by for with about against between into through during before after
above below to from up down in out on off over under again further then once here
there when where why how all any both each few more most other some such no nor not
only own same so than too very
s t d ll m re ve don doesn didn isn aren wasn weren hasn haven hadn won wouldn shan
shouldn can cannot couldn mustn let many much whose
`

var stopItalian = `
ad al allo ai agli all agl alla alle con col coi da dal dallo dai dagli dall dagl
dalla dalle di del dello dei degli dell degl della delle in nel nello nei negli nell
negl nella nelle su sul sullo sui sugli sull sugl sulla sulle per tra contro io tu
lui lei noi voi loro mio mia miei mie tuo tua tuoi tue suo sua suoi sue nostro
nostra nostri nostre vostro vostra vostri vostre mi ti ci vi lo la li le gli ne il
un uno una ma ed se perche anche come dov dove che chi cui non piu quale quanto
quanti quanta quante quello quelli quella quelle questo questi questa queste si
tutto tutti a c e i l o ho hai ha abbiamo avete hanno abbia abbiate abbiano avro
avrai avra avremo avrete avranno avrei avresti avrebbe avremmo avreste avrebbero
avevo avevi aveva avevamo avevate avevano ebbi avesti ebbe avemmo aveste ebbero
avessi avesse avessimo avessero avendo avuto avuta avuti avute sono sei siamo siete
sia siate siano saro sarai sara saremo sarete saranno sarei saresti sarebbe
saremmo sareste sarebbero ero eri era eravamo eravate erano fui fosti fu fummo foste
furono fossi fosse fossimo fossero essendo faccio fai facciamo fanno faccia
facciate facciano faro farai fara faremo farete faranno farei faresti farebbe
faremmo fareste farebbero facevo facevi faceva facevamo facevate facevano feci
facesti fece facemmo faceste fecero facessi facesse facessimo facessero facendo sto
stai sta stiamo stanno stia stiate stiano staro starai stara staremo starete
staranno starei staresti starebbe staremmo stareste starebbero stavo stavi stava
stavamo stavate stavano stetti stesti stette stemmo steste stettero stessi stesse
stessimo stessero stando
d cos qual quando fa po fra far
`

// stopWords is the union of both lists, built on first use (not at start-up, on
// the path to the reader's first frame).
var (
	stopOnce  sync.Once
	stopWords map[string]bool
)

// isStop reports whether a folded word is a stop word.
func isStop(w string) bool {
	stopOnce.Do(func() {
		stopWords = map[string]bool{}
		for _, list := range []string{stopEnglish, stopItalian} {
			for _, w := range strings.Fields(list) {
				stopWords[w] = true
			}
		}
	})
	return stopWords[w]
}

// Request words: the words of a request that name no subject ("define", "meaning",
// "significa"). A query drops them as it drops stop words, but they are not stop
// words of the text: the text keeps them as words that count ("defining the
// governance of cyberspace").
var requestWords = `
define definition definitions meaning meanings mean means explain explanation tell whats
acronym abbreviation
quali significa significato definizione definire spiega spiegami spiegazione dimmi
acronimo abbreviazione
`

// requestPair reports whether two words together ask for a meaning or an expansion
// and name no subject, though each alone may ("full" list, the "name" of a
// group, OSCE "Standards"): a query drops them as it drops request words.
func requestPair(a, b string) bool {
	requestPairsOnce.Do(func() {
		requestPairs = map[[2]string]bool{
			{"full", "name"}: true, {"stands", "for"}: true, {"stand", "for"}: true, {"short", "for"}: true,
			{"per", "esteso"}: true, {"nome", "completo"}: true, {"vuol", "dire"}: true, {"vuole", "dire"}: true,
			{"in", "full"}: true, {"spelled", "out"}: true, {"spelt", "out"}: true, {"written", "out"}: true,
			{"per", "intero"}: true, {"forma", "estesa"}: true, {"full", "form"}: true,
			// A request for a briefing on a subject: "brief me on", "background on", "parlami di".
			{"brief", "me"}: true, {"background", "on"}: true, {"parlami", "di"}: true, {"parlami", "del"}: true,
			{"parlami", "della"}: true, {"parlami", "dell"}: true, {"parlami", "dei"}: true, {"parlami", "degli"}: true,
		}
	})
	return requestPairs[[2]string{a, b}]
}

var (
	requestPairsOnce sync.Once
	requestPairs     map[[2]string]bool
)

// otherLangPair reports the two words that end a query that asks for a term in the other language ("ICT
// in Italian", "TIC in inglese"): there, and only there, they name no subject
// ("nome in inglese del Meccanismo" asks for the English title).
func otherLangPair(a, b string) bool {
	switch [2]string{a, b} {
	case [2]string{"in", "english"}, [2]string{"in", "italian"}, [2]string{"in", "inglese"}, [2]string{"in", "italiano"}:
		return true
	}
	return false
}

var requestSet = wordSet{list: requestWords}

// isNoise reports whether a folded query word names no subject: a stop word or
// a request word.
func isNoise(w string) bool { return isStop(w) || requestSet.has(w) }

// Weak words: words that say what is done or asked about any subject (decide,
// want, talk, take part, new, old; decide, vuole, parla, lavoro, nuovo) rather
// than which subject. They count where the text says them, but they never carry
// a phrase of the concept base alone, nor reach a glossary entry only through
// one of its names or phrases ("deciding" is no sign of "who decides foreign
// policy", "vuol" none of "cosa vuole l'Italia").
var weakWords = `
decide decides decided deciding want wants wanted wanting talk talking talked speak
speaks speaking spoken say says said saying tell told take takes taking took taken part
parts make makes made making get gets got new old full name names work works worked
working thing things way ways kind lot able can join joins joined
decide decidono deciso decidere vuole vuol vogliono volere voglio vorrebbe parla
parlano parlare parlato dice dicono diceva dicevano dire detto fare fatto fatta prende prendono
prendere preso parte parti nuovo nuova nuovi nuove vecchio vecchia vecchi vecchie
nome lavoro lavora lavorano lavorare cosa cose modo modi tipo possono puo
`

var weakSet = wordSet{list: weakWords}

// isWeak reports whether a folded query word is a weak word.
func isWeak(w string) bool { return weakSet.has(w) }
