package i18n

import "fmt"

// ---- Marks and the meeting brief (internal/marks, cyberdiplo brief) ---------------
//
// The words of marking passages while reading and of the brief made of them: the
// reader's key help and notes, the list of marks, the line mode's commands, the
// notes a brief carries about a passage, and the messages of `cyberdiplo brief`.
// Kept in this file so that the reader, the line mode and the command line say the
// same thing. Reach them with Marks(lang), a copy.

// MarkStrings are the words of marks and of the brief in one language.
type MarkStrings struct {
	// The reader.
	KeyMark      string // help: m
	KeyMarks     string // help: ' or M
	KeysList     string // the help's heading of the list's keys
	KeyJumpMark  string // the list's Enter
	KeyRemove    string // the list's d
	KeyCopyBrief string // the list's c
	KeyOrder     string // the list's o
	KeyListLang  string // the list's L
	KeyCloseList string // the list's Esc, q, ', M
	Margin       string // the help's line about the mark in the margin
	One, Many    string // "1 marked passage", "%d marked passages" (Count)
	Marked       string // "marked: %s (%s)": where, Count of the marks now
	Unmarked     string // "unmarked: %s (%s)"
	Full         string // "at most %d marks: remove one before marking another"
	NothingMark  string // m where there is no passage
	ListTitle    string // "Marks (%d), %s": count, OrderReading or OrderMade
	ListEmpty    string // the list with no mark in it
	ListHint     string // the keys of the list
	OrderReading string // "in reading order"
	OrderMade    string // "in the order made"
	BriefCopied  string // "brief copied: %s, %d characters" (Count)
	BriefCut     string // "brief copied: the first %d of %d passages (%d characters), the most one copy carries"
	SessionOnly  string // "%s: marks are kept for this session only" (the file's problem)
	NotSaved     string // " (not saved: the marks file was refused)", after Marked or Unmarked
	SaveFailed   string // "cannot save your marks in %s: %v"

	// A passage's state, in the list and in the brief.
	Changed       string // the passage's text is not what was marked
	ChangedIn     string // "changed since you marked it in %s": shown in the other language
	Gone          string // its section or block is no longer in the briefing
	GoneMarked    string // "(block %s, marked in %s on %s)": block id, language, date
	NoCounterpart string // "in %s: this passage has no %s counterpart" (the text's language, the asked one)
	More          string // "left out for lack of room: %s; ..." (Count; the end of a cut brief)

	// The line mode: the commands (English and Italian words are both accepted).
	CmdMark, CmdMarks, CmdBrief string
	LineMarks                   string // "Marks, %s:" (OrderReading / OrderMade)
	LineItem                    string // "%d. %s: %s" (number, page and section, first words)
	LineEmpty                   string // marks with no mark yet
	LineNoSection               string // mark before a section is read
	LineHelp                    string // the help lines of the three commands

	// The command line: cyberdiplo brief.
	BriefEmpty   string // no mark yet
	Cleared      string // "brief cleared (it held %s)" (Count)
	Already      string // "already marked: %s"
	NotMarked    string // "%s is not marked: cyberdiplo brief lists the marked passages"
	BadSpec      string // "%q: name a passage as ..." (what was given)
	NoBlock      string // "%s has no passage %d: its passages are numbered 1 to %d (0 or none: the whole section)"
	ClearAlone   string // --clear with --add or --remove
	UnknownOrder string // "--order %q: use reading or made"
	BriefFormat  string // "--format %q: use plain, markdown or json"
	NoStateDir   string // neither XDG_STATE_HOME nor HOME is set
	Refused      string // "your marks file %s cannot be used: %s; ..." (path, reason)
	TooBig       string // "it is larger than %d KiB"
	TooMany      string // "it holds %d marks, more than %d"
	Broken       string // "it is not a marks file (%v)"
	BadMark      string // "its mark %d is not valid (%s)"
	NotRegular   string // "it is not a regular file"
	Unreadable   string // "it cannot be read (%v)"
	Kiosk        string // ssh HOST brief
}

var marksEnglish = MarkStrings{
	KeyMark:      "mark the passage at the top (again: unmark it)",
	KeyMarks:     "the marks: Enter jumps, d removes, c copies the brief",
	KeysList:     "In the list of marks",
	KeyJumpMark:  "go to the passage",
	KeyRemove:    "remove the mark",
	KeyCopyBrief: "copy the brief: every passage with its citation",
	KeyOrder:     "reading order / the order made",
	KeyListLang:  "the list in the other language",
	KeyCloseList: "close the list",
	Margin:       "A marked passage has a mark in the left margin.",
	One:          "1 marked passage",
	Many:         "%d marked passages",
	Marked:       "marked: %s (%s)",
	Unmarked:     "unmarked: %s (%s)",
	Full:         "at most %d marks: remove one before marking another",
	NothingMark:  "nothing to mark here",
	ListTitle:    "Marks (%d), %s",
	ListEmpty:    "No marks yet: m marks the passage at the top of the view.",
	ListHint:     "↑/↓ pick · Enter jump · d remove · c copy the brief · o order · L language · Esc close",
	OrderReading: "in reading order",
	OrderMade:    "in the order made",
	BriefCopied:  "brief copied: %s, %d characters",
	BriefCut:     "brief copied: the first %d of %d passages (%d characters), the most one copy carries",
	SessionOnly:  "%s: marks are kept for this session only",
	NotSaved:     " (for this session only: the marks file was refused)",
	SaveFailed:   "cannot save your marks in %s: %v",

	Changed:       "changed since you marked it",
	ChangedIn:     "changed since you marked it in %s",
	Gone:          "gone: this passage is no longer in the briefing",
	GoneMarked:    "(block %s, marked in %s on %s)",
	NoCounterpart: "in %s: this passage has no %s counterpart",
	More:          "left out for lack of room: %s; cyberdiplo brief prints them all",

	CmdMark: "mark", CmdMarks: "marks", CmdBrief: "brief",
	LineMarks:     "Marks, %s:",
	LineItem:      "%d. %s: %s",
	LineEmpty:     "No marks yet: type mark to mark the section being read.",
	LineNoSection: "No section is being read: open a page first, then type mark.",
	LineHelp: "mark: mark the section being read; mark again to unmark it.\n" +
		"marks: the list of marks, numbered; a number opens one.\n" +
		"brief: the marked passages, each with its citation.",

	BriefEmpty:   "no marks yet: press m in the reader on a passage, or run cyberdiplo brief --add un#key-facts.1",
	Cleared:      "brief cleared (it held %s)",
	Already:      "already marked: %s",
	NotMarked:    "%s is not marked: cyberdiplo brief lists the marked passages",
	BadSpec:      "%q: name a passage as PAGE#ANCHOR (the whole section) or PAGE#ANCHOR.N (its N-th passage); cyberdiplo show PAGE --anchors lists the anchors",
	NoBlock:      "%s has no passage %d: its passages are numbered 1 to %d (0 or none: the whole section)",
	ClearAlone:   "--clear empties the brief: use it without --add or --remove",
	UnknownOrder: "--order %q: use reading or made",
	BriefFormat:  "--format %q: use plain, markdown or json",
	NoStateDir:   "there is no place to keep marks: set XDG_STATE_HOME or HOME",
	Refused:      "your marks file %s cannot be used: %s; move it away, or run cyberdiplo brief --clear to start again",
	TooBig:       "it is larger than %d KiB",
	TooMany:      "it holds %d marks, more than %d",
	Broken:       "it is not a marks file (%v)",
	BadMark:      "its mark %d is not valid (%s)",
	NotRegular:   "it is not a regular file",
	Unreadable:   "it cannot be read (%v)",
	Kiosk:        "brief makes no sense here: in the kiosk your marks belong to your session and nothing is kept on the server. Open the reader (ssh -t), mark passages with m, press ' and then c to copy the brief to your clipboard",
}

var marksItalian = MarkStrings{
	KeyMark:      "segna il passo in alto (di nuovo: toglie il segno)",
	KeyMarks:     "i passi segnati: Invio ci va, d toglie, c copia il promemoria",
	KeysList:     "Nell'elenco dei passi segnati",
	KeyJumpMark:  "va al passo",
	KeyRemove:    "toglie il segno",
	KeyCopyBrief: "copia il promemoria: ogni passo con la sua citazione",
	KeyOrder:     "ordine di lettura / ordine in cui sono stati segnati",
	KeyListLang:  "l'elenco nell'altra lingua",
	KeyCloseList: "chiude l'elenco",
	Margin:       "Un passo segnato ha un segno nel margine sinistro.",
	One:          "1 passo segnato",
	Many:         "%d passi segnati",
	Marked:       "segnato: %s (%s)",
	Unmarked:     "segno tolto: %s (%s)",
	Full:         "al massimo %d segni: togline uno prima di segnarne un altro",
	NothingMark:  "niente da segnare qui",
	ListTitle:    "Passi segnati (%d), %s",
	ListEmpty:    "Nessun passo segnato: m segna il passo in alto nella vista.",
	ListHint:     "↑/↓ scegli · Invio vai · d togli · c copia il promemoria · o ordine · L lingua · Esc chiudi",
	OrderReading: "in ordine di lettura",
	OrderMade:    "nell'ordine in cui sono stati segnati",
	BriefCopied:  "promemoria copiato: %s, %d caratteri",
	BriefCut:     "promemoria copiato: i primi %d di %d passi (%d caratteri), il massimo per una copia",
	SessionOnly:  "%s: i segni restano solo per questa sessione",
	NotSaved:     " (solo per questa sessione: il file dei segni è stato rifiutato)",
	SaveFailed:   "impossibile salvare i segni in %s: %v",

	Changed:       "cambiato da quando l'hai segnato",
	ChangedIn:     "cambiato da quando l'hai segnato in %s",
	Gone:          "scomparso: questo passo non è più nella guida",
	GoneMarked:    "(blocco %s, segnato in %s, %s)",
	NoCounterpart: "in %s: questo passo non ha un corrispondente in %s",
	More:          "rimasti fuori per mancanza di spazio: %s; cyberdiplo brief li stampa tutti",

	CmdMark: "segna", CmdMarks: "segnati", CmdBrief: "promemoria",
	LineMarks:     "Passi segnati, %s:",
	LineItem:      "%d. %s: %s",
	LineEmpty:     "Nessun passo segnato: scrivi segna per segnare la sezione che stai leggendo.",
	LineNoSection: "Non stai leggendo nessuna sezione: apri prima una pagina, poi scrivi segna.",
	LineHelp: "segna: segna la sezione che stai leggendo; di nuovo segna per togliere il segno.\n" +
		"segnati: l'elenco numerato dei passi segnati; un numero ne apre uno.\n" +
		"promemoria: i passi segnati, ciascuno con la sua citazione.",

	BriefEmpty:   "nessun passo segnato: premi m nel lettore su un passo, o esegui cyberdiplo brief --add onu#in-breve.1",
	Cleared:      "promemoria svuotato (conteneva %s)",
	Already:      "già segnato: %s",
	NotMarked:    "%s non è segnato: cyberdiplo brief elenca i passi segnati",
	BadSpec:      "%q: indica un passo come PAGINA#ANCORA (tutta la sezione) o PAGINA#ANCORA.N (il suo N-esimo passo); cyberdiplo show PAGINA --anchors elenca le ancore",
	NoBlock:      "%s non ha un passo %d: i suoi passi vanno da 1 a %d (0 o niente: tutta la sezione)",
	ClearAlone:   "--clear svuota il promemoria: usalo senza --add o --remove",
	UnknownOrder: "--order %q: usa reading (lettura) o made (ordine in cui sono stati segnati)",
	BriefFormat:  "--format %q: usa plain, markdown o json",
	NoStateDir:   "non c'è un posto dove tenere i segni: imposta XDG_STATE_HOME o HOME",
	Refused:      "il file dei segni %s non si può usare: %s; spostalo, o esegui cyberdiplo brief --clear per ricominciare",
	TooBig:       "è più grande di %d KiB",
	TooMany:      "contiene %d segni, più di %d",
	Broken:       "non è un file di segni (%v)",
	BadMark:      "il suo segno %d non è valido (%s)",
	NotRegular:   "non è un file normale",
	Unreadable:   "non si può leggere (%v)",
	Kiosk:        "brief qui non ha senso: nel chiosco i segni appartengono alla tua sessione e sul server non resta nulla. Apri il lettore (ssh -t), segna i passi con m, premi ' e poi c per copiare il promemoria negli appunti",
}

// Marks returns the words of marks and of the brief in a language (English for
// anything but "it").
func Marks(lang string) MarkStrings {
	if lang == "it" {
		return marksItalian
	}
	return marksEnglish
}

// Count says how many marked passages there are: "1 marked passage", "3 marked
// passages".
func (t MarkStrings) Count(n int) string {
	if n == 1 {
		return t.One
	}
	return fmt.Sprintf(t.Many, n)
}
