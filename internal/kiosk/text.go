package kiosk

// What the kiosk says to visitors, in each language.
type msgID int

const (
	msgBusy msgID = iota
	msgClosing
	msgIdle // with the idle timeout
	msgMax
	msgSorry
	msgNote // with the port twice; followed by the pages
)

var texts = map[string][]string{
	"en": {
		msgBusy:    "The kiosk is busy: please try again in a minute.",
		msgClosing: "The kiosk is closing. Goodbye.",
		msgIdle:    "Idle for %s: goodbye.",
		msgMax:     "Session time limit reached: goodbye.",
		msgSorry:   "Sorry, something went wrong: this session is closed.",
		msgNote: "cyberdiplo: a briefing on Italy's cyber diplomacy, in English and Italian.\n" +
			"The reader needs a terminal: connect with  ssh -t -p %s HOST  (user it@ for Italian).\n" +
			"Or run a command:  ssh -p %s HOST show un   (also: list, search WORDS).\n" +
			"\n" +
			"Pages:\n",
	},
	"it": {
		msgBusy:    "Il chiosco è occupato: riprova tra un minuto.",
		msgClosing: "Il chiosco sta chiudendo. Arrivederci.",
		msgIdle:    "Inattivo da %s: arrivederci.",
		msgMax:     "Tempo massimo della sessione raggiunto: arrivederci.",
		msgSorry:   "Spiacenti, qualcosa è andato storto: la sessione è chiusa.",
		msgNote: "cyberdiplo: la diplomazia cibernetica dell'Italia, in italiano e in inglese.\n" +
			"Il lettore richiede un terminale: collegati con  ssh -t -p %s HOST  (utente en@ per l'inglese).\n" +
			"Oppure esegui un comando:  ssh -p %s HOST show onu   (anche: list, search PAROLE).\n" +
			"\n" +
			"Pagine:\n",
	},
}

func text(lang string, id msgID) string {
	if t, ok := texts[lang]; ok {
		return t[id]
	}
	return texts["en"][id]
}
