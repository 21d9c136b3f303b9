package i18n

// ---- The SSH kiosk (cyberdiplo serve) -------------------------------------------
//
// What the kiosk says to its visitors. Kept in one block, apart from the reader's
// strings, so that changes to either merge cleanly. Reach them as For(lang).Kiosk:
// a KioskStrings is a plain value, so what a caller reads is its own copy.

// KioskStrings are the kiosk's messages in one language.
type KioskStrings struct {
	Busy    string // MaxSessions reached
	Closing string // the kiosk is shutting down (SIGTERM, SIGINT)
	Idle    string // "idle for %s: goodbye"
	Max     string // the session time limit
	Sorry   string // a bug ended the session
	// Note is for a visitor with neither terminal nor command: the port twice,
	// then the list of pages follows.
	Note       string
	NoCommands string // the kiosk runs no commands
	// CommandTooLong: a command over the limit (%d bytes), refused in one line.
	CommandTooLong string
	// Larger is drawn beside the reader when the visitor's window is larger than
	// what the kiosk draws: the window's width and height, then the drawn ones.
	Larger string
	// TooManySessions refuses a session channel beyond the per-connection limit
	// (with the limit).
	TooManySessions string
	// NoStart closes a session that asked for neither a shell nor a command in
	// time (with the time).
	NoStart string
	// Truncated ends a command's output past the kiosk's cap (in MiB).
	Truncated string
	// AddrBusy refuses a session beyond the per-address limit (with the limit).
	AddrBusy string
	// TooFast refuses a command beyond the per-address rate (a second).
	TooFast string
	// IdleSoon warns a visitor a minute before the idle timeout ends the session.
	IdleSoon string

	// For the operator: errors in the flags of `cyberdiplo serve`.
	ZeroOrMore         string // "%s %d: use 0 (no limit) or more" (flag, value)
	SecondOrMore       string // "%s %s: use a duration of 1s or more, such as %s" (flag, value, example)
	NeedTrustedProxies string // --proxy-protocol without --trusted-proxies
	NeedProxyProtocol  string // --trusted-proxies without --proxy-protocol
	MetricsAddr        string // "--metrics-addr %s: use host:port, such as 127.0.0.1:9222"
	PprofAddr          string // "--pprof-addr %s: use a loopback address such as 127.0.0.1:6060"
	PprofNotBuilt      string // --pprof-addr in a build without the profiler (the address)
}

var kioskEnglish = KioskStrings{
	Busy:    "The kiosk is busy: please try again in a minute.",
	Closing: "The kiosk is closing. Goodbye.",
	Idle:    "Idle for %s: goodbye.",
	Max:     "Session time limit reached: goodbye.",
	Sorry:   "Sorry, something went wrong: this session is closed.",
	Note: "cyberdiplo: a briefing on Italy's cyber diplomacy, in English and Italian.\n" +
		"The reader needs a terminal: connect with  ssh -t -p %s HOST  (user it@ for Italian).\n" +
		"Or run a command:  ssh -p %s HOST show un   (also: list, search WORDS).\n" +
		"\n" +
		"Pages:\n",
	NoCommands:         "cyberdiplo: no commands here",
	CommandTooLong:     "cyberdiplo: the command is longer than %d bytes: the kiosk runs list, show and search with a few arguments",
	Larger:             "Your window is %d×%d: the kiosk draws at most %d×%d.",
	TooManySessions:    "at most %d sessions per connection",
	NoStart:            "no shell or command within %s: closed",
	Truncated:          "output truncated at %d MiB, the kiosk's limit for one command: ask for fewer pages or sections at a time",
	AddrBusy:           "Your address has %d sessions open already, the most it may: close one and try again.",
	TooFast:            "cyberdiplo: too many commands from your address: at most %d a second, try again in a moment",
	IdleSoon:           "No key for a while: this session ends in a minute unless you press a key.",
	ZeroOrMore:         "%s %d: use 0 (no limit) or more",
	SecondOrMore:       "%s %s: use a duration of 1s or more, such as %s",
	NeedTrustedProxies: "--proxy-protocol needs --trusted-proxies: the addresses of the balancers that send the header (such as 10.0.0.0/8)",
	NeedProxyProtocol:  "--trusted-proxies is for --proxy-protocol: add it, or drop --trusted-proxies",
	MetricsAddr:        "--metrics-addr %s: use host:port, such as 127.0.0.1:9222",
	PprofAddr:          "--pprof-addr %s: use a loopback address such as 127.0.0.1:6060",
	PprofNotBuilt:      "--pprof-addr %s: this build has no profiler; build with go build -tags pprof",
}

var kioskItalian = KioskStrings{
	Busy:    "Il chiosco è occupato: riprova tra un minuto.",
	Closing: "Il chiosco sta chiudendo. Arrivederci.",
	Idle:    "Inattivo da %s: arrivederci.",
	Max:     "Tempo massimo della sessione raggiunto: arrivederci.",
	Sorry:   "Spiacenti, qualcosa è andato storto: la sessione è chiusa.",
	Note: "cyberdiplo: la diplomazia cibernetica dell'Italia, in italiano e in inglese.\n" +
		"Il lettore richiede un terminale: collegati con  ssh -t -p %s HOST  (utente en@ per l'inglese).\n" +
		"Oppure esegui un comando:  ssh -p %s HOST show onu   (anche: list, search PAROLE).\n" +
		"\n" +
		"Pagine:\n",
	NoCommands:         "cyberdiplo: qui non si eseguono comandi",
	CommandTooLong:     "cyberdiplo: il comando supera i %d byte: il chiosco esegue list, show e search con pochi argomenti",
	Larger:             "La finestra è %d×%d: il chiosco ne disegna al massimo %d×%d.",
	TooManySessions:    "al massimo %d sessioni per connessione",
	NoStart:            "nessuna shell né comando entro %s: chiusa",
	Truncated:          "output troncato a %d MiB, il limite del chiosco per un comando: chiedi meno pagine o sezioni alla volta",
	AddrBusy:           "Il tuo indirizzo ha già %d sessioni aperte, il massimo consentito: chiudine una e riprova.",
	TooFast:            "cyberdiplo: troppi comandi dal tuo indirizzo: al massimo %d al secondo, riprova tra un momento",
	IdleSoon:           "Nessun tasto da un po': la sessione termina tra un minuto se non premi un tasto.",
	ZeroOrMore:         "%s %d: usa 0 (nessun limite) o più",
	SecondOrMore:       "%s %s: usa una durata di 1s o più, come %s",
	NeedTrustedProxies: "--proxy-protocol richiede --trusted-proxies: gli indirizzi dei bilanciatori che inviano l'intestazione (come 10.0.0.0/8)",
	NeedProxyProtocol:  "--trusted-proxies serve con --proxy-protocol: aggiungilo, o togli --trusted-proxies",
	MetricsAddr:        "--metrics-addr %s: usa host:porta, come 127.0.0.1:9222",
	PprofAddr:          "--pprof-addr %s: usa un indirizzo di loopback come 127.0.0.1:6060",
	PprofNotBuilt:      "--pprof-addr %s: questa build non ha il profilatore; compila con go build -tags pprof",
}
