package search

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Answer-bearing snippets: a question says what kind of fact it wants (when: a
// date; how many: a number; who: an actor; what is: a definition; where: a
// place or forum; why: a reason), and the snippet shows the sentence of the
// section that holds such a fact as well as the query's words.

// ask is the kind of fact a query asks for.
type ask uint8

const (
	askNone   ask = iota
	askWhen       // when, quando, what year, che anno, since when, da quando
	askCount      // how many, quanti, quante, number of, numero di
	askWho        // who, chi, which body
	askWhat       // what is, che cos'è, cos'è, define, meaning, significato
	askWhere      // where, dove, in which forum
	askWhy        // why, perché, per quale motivo
	askSymbol     // a document's symbol: sigla, symbol, document number
)

// asksFor returns the kind of fact a query asks for, from its first words that
// say it (in the first MaxQueryBytes bytes).
func asksFor(q string) ask {
	q = q[:min(len(q), MaxQueryBytes)]
	var words []string
	var buf []byte
	scanWords(q, func(start, end int) {
		buf = foldWord(buf, q[start:end])
		if len(buf) > 0 && len(words) < MaxWords*2 {
			words = append(words, string(buf))
		}
	})
	for i, w := range words {
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		prev := ""
		if i > 0 {
			prev = words[i-1]
		}
		switch {
		case w == "when" || w == "quando" || w == "date" || w == "data" && (prev != "" || ofWords.has(next)) || w == "since" && next == "when",
			w == "quanto" && prev == "da" && next != "tempo" || w == "tempo" && prev == "quanto":
			// "da quanto lavora", "da quanto tempo": since when.
			return askWhen
		case timeWords.has(w) && (prev == "what" || prev == "which" || prev == "che" || prev == "quale" || prev == "in" || prev == "da" || prev == "dal" || i == 0):
			return askWhen
		case w == "symbol" || w == "sigla" || (w == "number" || w == "numero") && (prev == "document" || next == "documento" || next == "del" && i+2 < len(words) && words[i+2] == "documento"):
			return askSymbol
		case (w == "number" || w == "numero") && (labelledAfter(words[i+1:]) || labelled.has(prev) || i >= 2 && labelled.has(words[i-2])),
			(w == "number" || w == "numero") && (prev == "what" || prev == "which" || prev == "che" || prev == "quale") && next != "of" && next != "di",
			(w == "which" || w == "quale" || w == "qual") && labelled.has(next):
			// The number of a thing that is named by one: "numero della
			// decisione", "which decision", "quale CBM" (Decision No. 1202, CBM 14).
			return askSymbol
		case w == "how" && (next == "many" || next == "much"), w == "quanti" || w == "quante" || w == "quanto" || w == "quanta",
			(w == "number" || w == "numero") && i < 2:
			return askCount
		case w == "who" || w == "whom" || w == "chi":
			return askWho
		case w == "where" || w == "dove" || w == "dov":
			return askWhere
		case w == "why" || w == "perche" || w == "motivo" && prev == "quale":
			return askWhy
		case (w == "what" || w == "which") && (next == "is" || next == "are" || next == "s" || next == "was" || next == "does" && asksMeaning(words[i+2:])),
			w == "cos" || w == "cosa" && (next == "e" || next == "sono" || next == "significa" || next == "vuol" || next == "vuole") || w == "che" && next == "cos",
			// An expansion: "full name", "stands for", "per esteso", "acronym".
			w == "full" && (next == "name" || next == "form" || prev == "in") || (w == "stand" || w == "stands") && next == "for" || w == "esteso" && prev == "per",
			w == "out" && (prev == "spelled" || prev == "spelt" || prev == "written") || w == "intero" && prev == "per" || w == "estesa" && prev == "forma",
			prev == "in" && (w == "english" || w == "italian" || w == "inglese" || w == "italiano") && i == len(words)-1,
			w == "nome" && next == "completo" || w == "acronym" || w == "acronimo" || w == "abbreviation" || w == "abbreviazione",
			w == "define" || w == "definition" || w == "meaning" || w == "means" || w == "significato" || w == "significa" || w == "definizione" || w == "whats":
			return askWhat
		}
	}
	return askNone
}

// Words that mark a sentence as holding a fact of a kind, folded.
var (
	monthWords = wordSet{list: `january february march april may june july august september october november december
		spring summer autumn winter gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre
		novembre dicembre primavera estate autunno inverno`}
	// Not "one", "uno", "una": mostly a pronoun or an article ("one State
	// misreading", "uno Stato"), and seldom the count a question asks for.
	numberWords = wordSet{list: `two three four five six seven eight nine ten eleven twelve thirteen fourteen
		fifteen sixteen seventeen eighteen nineteen twenty due tre quattro cinque sei sette otto nove dieci
		undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove venti`}
	reasonWords = wordSet{list: `because aim aims aimed purpose preserve prevent ensure goal goals shown meant intended
		perche affinche scopo obiettivo obiettivi mira mirano proponeva mostrato servono serve intendeva intende`}
	defineWords = wordSet{list: `is are means refers e sono indica significa`}
	// labelled are the things named by a number or a symbol: asking which
	// one, or its number, asks for that ("which decision": No. 1202).
	labelled = wordSet{list: `decision decisions decisione report reports rapporto document documento
		resolution risoluzione cbm cbms measure misura`}
	// ofWords join a noun to what it belongs to ("numero del rapporto").
	ofWords = wordSet{list: `of del della dello dell dei degli delle di for`}
	// timeWords are the units a when-question asks in ("what year", "da che mese").
	timeWords  = wordSet{list: `year years month months day anno anni mese mesi giorno`}
	actorWords = wordSet{list: `italy italia ministry ministero allies alleati alliance alleanza states stati
		member members membri group gruppo union unione`}
)

// labelledAfter reports whether words begin with a thing named by a number,
// after "of the", "del", "della" ("number of the decision", "numero del rapporto").
func labelledAfter(words []string) bool {
	for i, w := range words[:min(len(words), 3)] {
		if labelled.has(w) {
			return true
		}
		if !ofWords.has(w) && !articles.has(w) || i == 2 {
			return false
		}
	}
	return false
}

// articles are the articles a question puts before a noun.
var articles = wordSet{list: `the a an il lo la l i gli le un uno una`}

// A wordSet is a set of words, made from its list on first use (a query's), not
// at every start of the program.
type wordSet struct {
	once  sync.Once
	list  string
	words map[string]bool
}

// has reports whether w is in the set.
func (s *wordSet) has(w string) bool {
	s.once.Do(func() {
		s.words = map[string]bool{}
		for _, w := range strings.Fields(s.list) {
			s.words[w] = true
		}
	})
	return s.words[w]
}

// isYear reports whether a word is a year (1900 to 2099) or a span of years ("2021-2025").
func isYear(w string) bool {
	for part := range strings.SplitSeq(w, "-") {
		if len(part) != 4 || (part[:2] != "19" && part[:2] != "20") || strings.Trim(part, "0123456789") != "" {
			return false
		}
	}
	return true
}

// hasDigit reports whether s holds a decimal digit.
func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// answersOf reports whether the sentence of text that ends at byte end, whose
// words are ts (see tok; extra: the folded forms of those li does not hold),
// holds the kind of fact a asks for. first is whether the sentence opens the
// first text of a glossary entry: a definition.
//
// held are the marks of the query's words in text: a date, a count or a
// symbol the query itself holds ("the 2018 conference") is what it asks about,
// not the answer.
func answersOf(a ask, text string, ts []tok, li *langIndex, extra []string, end int, first bool, held []mark) bool {
	if a == askNone {
		return false
	}
	n := 0
	prev, prevDay := "", false
	labelPrev := "" // the folded word before, for a symbol
	for _, t := range ts {
		raw := text[t.start:t.end]
		w := li.folded(t, extra)
		n++
		acronym := prev != "" && strings.ToUpper(prev) == prev && strings.ToLower(prev) != prev
		prev = raw
		if a == askCount && prevDay {
			// The number before was a day ("12 March"), not a count.
			prevDay = false
			if monthWords.has(w) {
				continue
			}
			return true
		}
		found := false
		if (a == askWhen || a == askCount || a == askSymbol) && slices.ContainsFunc(held, func(m mark) bool { return m.start < int(t.end) && m.end > int(t.start) }) {
			continue
		}
		switch a {
		case askWhen:
			found = isYear(w) || monthWords.has(w) && w != "may"
		case askCount:
			// A count, not a name ("CBM 14"), a document symbol ("A/65/201") nor
			// a day ("12 March", decided at the next word).
			digits := hasDigit(w) && !isYear(w) && !inSymbol(text, int(t.start), int(t.end)) && !acronym
			if digits && len(w) <= 2 && int(t.end) < end {
				prevDay = true
				continue
			}
			found = numberWords.has(w) || digits
		case askWho, askWhere:
			r, _ := utf8.DecodeRuneInString(raw)
			found = actorWords.has(w) || len(raw) >= 2 && strings.ToUpper(raw) == raw && unicode.IsLetter(r) || n > 1 && unicode.IsUpper(r)
		case askWhy:
			found = reasonWords.has(w)
		case askSymbol:
			// A symbol is written with slashes ("A/80/257"), which split words.
			e := int(t.end)
			found = e < len(text) && text[e] == '/' && hasDigit(text[e:min(e+4, len(text))]) ||
				hasDigit(w) && !isYear(w) && symbolLabels.has(labelPrev)
			labelPrev = w
		case askWhat:
			found = first || n <= 12 && defineWords.has(w)
		}
		if found {
			return true
		}
	}
	return false
}

// sentences returns the byte ranges of the sentences of a block's text: cut
// after ".", "?" or "!" followed by a space, but not after an abbreviation
// before a number ("Decision No. 1202 of 10 March 2016", "n. 1202").
func sentences(text string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i+1 < len(text); i++ {
		switch text[i] {
		case '.', '?', '!':
			if text[i+1] == ' ' && !(text[i] == '.' && abbreviationBefore(text, i)) {
				out = append(out, [2]int{start, i + 1})
				start = i + 2
			}
		}
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// dateSpans returns the byte ranges of the dates of several words in text ("12
// March 2021", "March 2026", "spring 2021"): a snippet never cuts one.
func dateSpans(text string) [][2]int {
	if !hasDigit(text) {
		return nil // a date of several words has a day or a year
	}
	type word struct {
		start, end int
		kind       byte // 'd' a day number, 'm' a month, 'y' a year, 0 other
	}
	var ws []word
	var buf []byte
	scanWords(text, func(start, end int) {
		buf = foldWord(buf, text[start:end])
		w := string(buf)
		k := byte(0)
		switch {
		case isYear(w):
			k = 'y'
		case monthWords.has(w):
			k = 'm'
		case len(w) <= 2 && strings.Trim(w, "0123456789") == "":
			k = 'd'
		}
		ws = append(ws, word{start, end, k})
	})
	var out [][2]int
	for i := 0; i < len(ws); i++ {
		if ws[i].kind != 'm' {
			continue
		}
		s, e := i, i
		if i > 0 && ws[i-1].kind == 'd' {
			s = i - 1
		}
		if i+1 < len(ws) && ws[i+1].kind == 'y' {
			e = i + 1
		}
		if s != e {
			out = append(out, [2]int{ws[s].start, ws[e].end})
		}
	}
	return out
}

// abbreviationBefore reports whether the "." at i ends an abbreviation that
// introduces a number: one to three letters after a space, a digit after it.
func abbreviationBefore(text string, i int) bool {
	if i+2 >= len(text) || text[i+2] < '0' || text[i+2] > '9' {
		return false
	}
	j := i
	for j > 0 && i-j < 4 && (text[j-1] >= 'a' && text[j-1] <= 'z' || text[j-1] >= 'A' && text[j-1] <= 'Z') {
		j--
	}
	return j < i && i-j <= 3 && (j == 0 || text[j-1] == ' ')
}

// symbolLabels are the words after which a number is a thing's name: what a
// question for a symbol or a number of a named thing asks for.
var symbolLabels = wordSet{list: `no n nr number numero cbm cbms`}

// inSymbol reports whether the word at text[start:end] is part of a symbol
// written with slashes ("A/80/257").
func inSymbol(text string, start, end int) bool {
	return start > 0 && text[start-1] == '/' || end < len(text) && text[end] == '/'
}

// numberLabels are the words after which a number names a thing rather than
// counts it ("Decision No. 1202", "CBM 14", "da 12 a 16").
var numberLabels = wordSet{list: `no n nr number numero cbm cbms to a al through`}

// factSpans returns the byte ranges of the words of a sentence that are the
// fact a asks for: a year or month for when; a count for how many (a number
// word, or a number that is neither a year, a day before a month, a symbol,
// nor a label after "No.", an acronym or "12 to"); a symbol's first part
// ("A/80/257", whole); for who and where an actor or an acronym, for why a
// word of reason (as answersOf reads a word alone).
// None for what (a definition is a sentence) and for no question.
func factSpans(a ask, sen string) [][2]int {
	if a == askNone || a == askWhat {
		return nil
	}
	var out [][2]int
	var buf []byte
	prev, prevRaw := "", ""
	scanWords(sen, func(start, end int) {
		raw := sen[start:end]
		buf = foldWord(buf, raw)
		w := string(buf)
		ok := false
		switch a {
		case askSymbol:
			if hasDigit(w) && !isYear(w) && symbolLabels.has(prev) && !(end < len(sen) && sen[end] == '/') {
				ok = true // "No. 1202", "CBM 14"
			} else if ok = end < len(sen) && sen[end] == '/'; ok {
				// The whole symbol, slashes and parts: never cut inside it.
				for end < len(sen) && (sen[end] == '/' || sen[end] >= '0' && sen[end] <= '9' || sen[end] >= 'A' && sen[end] <= 'Z') {
					end++
				}
			}
		case askCount:
			switch {
			case numberWords.has(w):
				ok = true
			case hasDigit(w) && !isYear(w) && !strings.ContainsRune(sen[max(start-1, 0):min(end+1, len(sen))], '/'):
				acronym := len(prevRaw) >= 2 && strings.ToUpper(prevRaw[:2]) == prevRaw[:2] && strings.ToLower(prevRaw[:2]) != prevRaw[:2]
				ok = !numberLabels.has(prev) && !acronym && !monthWords.has(nextWord(sen, end))
			}
		case askWhen:
			ok = isYear(w) || monthWords.has(w) && w != "may"
		case askWho, askWhere:
			r, _ := utf8.DecodeRuneInString(raw)
			ok = actorWords.has(w) || len(raw) >= 2 && strings.ToUpper(raw) == raw && unicode.IsLetter(r)
		case askWhy:
			ok = reasonWords.has(w)
		}
		if ok {
			out = append(out, [2]int{start, end})
		}
		prev, prevRaw = w, raw
	})
	return out
}

// nextWord returns the folded word that follows byte offset i of s, if any.
func nextWord(s string, i int) string {
	next := ""
	var buf []byte
	// A month is one short word away: the next 24 bytes hold it.
	j := min(len(s), i+24)
	for j < len(s) && !utf8.RuneStart(s[j]) {
		j--
	}
	rest := s[i:j]
	scanWords(rest, func(start, end int) {
		if next == "" {
			buf = foldWord(buf, rest[start:end])
			next = string(buf)
		}
	})
	return next
}

// asksMeaning reports whether the words after "what does" ask what something
// means or stands for within the next three ("what does the PoA mean").
func asksMeaning(words []string) bool {
	for _, w := range words[:min(len(words), 3)] {
		if w == "mean" || w == "stand" {
			return true
		}
	}
	return false
}
