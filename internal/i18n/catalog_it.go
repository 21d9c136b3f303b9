package i18n

import "sync"

var italian = Strings{
	Lang: "IT", Top: "inizio", End: "fine", Help: "? aiuto",
	HelpTitle: "Tasti", HelpClose: "q, Esc o ? chiude l'aiuto", HelpMore: "↓ continua",
	Loading:     "Impaginazione…",
	TooSmall:    "Finestra troppo piccola",
	RenderError: "Impossibile mostrare la pagina: %v",
	KeyTabs:     "scheda precedente / successiva", KeyTabN: "vai alla scheda n",
	KeyLine: "riga giù / su", KeyPage: "pagina giù / su", KeyHalf: "mezza pagina giù / su",
	KeyTopEnd: "inizio / fine", KeyLang: "passa a inglese / italiano",
	KeyHelp: "mostra / nascondi l'aiuto (h come in less; ← → cambiano scheda)",
	KeyQuit: "esci", KeySearch: "cerca ovunque", KeyNextMatch: "risultato successivo / precedente",
	KeyOutline: "indice della pagina", KeyLinks: "collegamento successivo / precedente", KeyFollow: "apri il collegamento scelto",
	KeyBack: "torna dov'eri", KeyMouse: "La rotella scorre; un clic apre una scheda o un collegamento.",
	KeyClose:     "chiudi, togli i segni",
	SearchPrompt: "Cerca: ", SearchNoHits: "Nessun risultato", SearchHint: "↑/↓ scegli · Invio apri · Esc annulla",
	SearchCount: "%d risultati", SearchOne: "1 risultato", Unmatched: "nessun risultato per: %s",
	Match: "risultato %d di %d", Matches: Plural{"%d risultato", "%d risultati"}, NoMatches: "nessun risultato in questa pagina",
	OutlineTitle: "Indice", OutlineHint: "↑/↓ scegli · Invio vai · / filtra · c copia · Esc chiudi",
	LinkTo: "→ %s", NoLinks: "nessun collegamento visibile", NoMoreLinks: "nessun altro collegamento",
	NoLink:       "nessun collegamento scelto: ] o Tab ne sceglie uno",
	HistoryEmpty: "nessuna pagina precedente",

	Tools: toolsItalian,

	// ---- The SSH kiosk ----
	Kiosk: kioskItalian,
}

var toolsItalian = ToolStrings{
	KeyCopy:     "copia il passo che stai leggendo con la citazione",
	KeyCopyList: "copia la sezione scelta (ricerca, indice)",
	Copied:      "%s, %d caratteri: inviato agli appunti (OSC 52)",
	NothingCopy: "niente da copiare qui",
	KeySide:     "le due lingue affiancate",
	SideOn:      "lingue affiancate: s per uscire, L scambia le colonne",
	SideNarrow:  "l'altra lingua sotto il testo (due colonne da 120 colonne di larghezza)",
	SideOff:     "una lingua",
	NoSearch:    "nessuna ricerca: / cerca, poi n e N scorrono i risultati",
	DidYouMean:  "forse cercavi: %s?",
	SideLeave:   "s per uscire",

	KeysSearch: "Nella casella di ricerca", KeysOutline: "Nell'indice",
	KeyPick: "precedente / successivo", KeyOpen: "apre il risultato", KeyJump: "va alla sezione",
	KeyCancel: "annulla", KeyFirstLast: "prima / ultima voce",
	KeyFilter: "filtra: ciò che scrivi restringe l'elenco", KeyClearFilter: "toglie il filtro (mentre filtri)",
	KeyCloseOutline: "chiude l'indice", KeyQuitColon: "esce (come :q in less)",
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

var lineItalian = LineStrings{
	Welcome:     "cyberdiplo, modalità a righe: testo semplice, un comando per riga. Scrivi ? per l'aiuto, q per uscire.",
	Pages:       "Pagine:",
	PageItem:    "%d. %s (%s)",
	Prompt:      "Comando: ",
	Position:    "%s, sezione %d di %d.",
	EndOfPage:   "%s, sezione %d di %d, fine della pagina.",
	FirstOne:    "Questa è la prima sezione della pagina.",
	LastOne:     "Questa è l'ultima sezione della pagina.",
	NoPage:      "Nessuna pagina aperta: scrivi il numero di una pagina dell'elenco, o m per l'elenco.",
	Outline:     "Sezioni della pagina %s:",
	OutlineItem: "%d. %s",
	Results:     "%d risultati per %s:",
	OneResult:   "1 risultato per %s:",
	More:        "Ci sono altri risultati: scrivi + per i successivi.",
	NoMore:      "Non ci sono altri risultati.",
	NoMatch:     "Nessun risultato per %s.",
	OtherLang:   "(trovato nel testo %s)",
	SearchHow:   "Scrivi le parole dopo la barra, per esempio /oewg.",
	NotAPage:    "Nessuna pagina si chiama %s; la cerco.",
	PageMeant:   "Forse intendevi la pagina %s? Scrivila per aprirla.",
	WordsMeant:  "Forse intendevi: %s?",
	NoAnchor:    "%s non ha la sezione %s: si apre dall'inizio; o ne elenca le sezioni.",
	NoList:      "Non c'è un elenco numerato da cui scegliere: scrivi m per le pagine.",
	OutOfRange:  "Il numero %d non è nell'elenco: scegli un numero da 1 a %d.",
	External:    "Il collegamento %d porta fuori dal documento: %s",
	BadLink:     "Il collegamento %d porta a una pagina che manca: %s",
	NoOther:     "Questa pagina non ha una versione in %s.",
	Language:    "Lingua: italiano.",
	NoBack:      "Non c'è nulla a cui tornare.",
	TooLong:     "La riga superava %d byte: è stata ignorata.",
	Unknown:     "%s non è un comando: scrivi ? per l'elenco.",
	Sources:     "Fonti: %s.",
	NoSources:   "Questa sezione non indica fonti.",
	Bye:         "Arrivederci.",
	Help: "Comandi, uno per riga, poi Invio:\n" +
		"un numero: sceglie dall'ultimo elenco numerato (pagine, risultati, sezioni) o segue il collegamento con quel numero, scritto [3] nel testo.\n" +
		"il nome di una pagina, come onu o glossario: apre quella pagina.\n" +
		"Invio, o n: sezione successiva. p: sezione precedente.\n" +
		"r: rilegge la sezione. a: legge il resto della pagina.\n" +
		"o: le sezioni della pagina. m: l'elenco delle pagine.\n" +
		"/ e parole, come /oewg: cerca in tutte le pagine. +: i risultati successivi.\n" +
		"c: la citazione della sezione, con le fonti e i loro anni. copia: la sezione con la sua citazione, da copiare.\n" +
		"b: torna dov'eri, o ai risultati. l: la stessa sezione in inglese.\n" +
		"?: questo aiuto. q: esci.",
	CmdQuit: "esci", CmdHelp: "aiuto", CmdCopy: "copia", CmdMore: "altri",
}

var cliItalian = CLIStrings{
	Usage: "Uso", Commands: "Comandi", Flags: "Opzioni", GlobalFlags: "Opzioni globali", Examples: "Esempi",
	FlagsWord: "[opzioni]", CommandWord: "COMANDO", Default: "(predefinito %s)",
	HelpFor: "aiuto per %s", VersionFor: "versione di %s",
	MoreHelp: "%s COMANDO --help spiega un comando.",

	UnknownPage:  "pagina sconosciuta %q: usa una di queste: %s",
	DidYouMean:   " (o intendevi il comando %s?)",
	NoVersion:    "la pagina %q non ha la versione in %s (%s)",
	Embedded:     "il contenuto incorporato",
	ContentRead:  "impossibile leggere il contenuto da %s: %v",
	ContentDir:   "--content %s: non è una cartella (deve contenere en/ e it/)",
	UnknownLang:  "--lang: lingua sconosciuta %q: usa %s",
	UnknownStyle: "--style: stile sconosciuto %q: usa auto, dark, light o ascii",
	NeedTerminal: "il lettore richiede un terminale: per stampare una pagina usa cyberdiplo show PAGINA, per leggere a righe cyberdiplo --accessible",
	Restricted:   "qui sono disponibili solo questi comandi: list, show, search (per esempio: show onu --lang it)",

	DidYouMeanPage: " (forse intendevi %s?)",
	NotACommand:    "%q non è né una pagina né un comando: forse intendevi %s?",

	ShowNeedsPage: "show richiede almeno una pagina: per esempio cyberdiplo show onu (cyberdiplo list le elenca tutte)",
	UnknownFormat: "--format: formato sconosciuto %q: usa ansi, plain, markdown o json",
	BadWidth:      "--width %d: usa un numero di colonne da 20 a 1000",
	RenderFailed:  "impaginazione di %s: %v",
	AnchorMissing: "%s#: manca l'ancora dopo #: cyberdiplo show %s --anchors le elenca",
	UnknownAnchor: "la pagina %q (%s) non ha un titolo con l'ancora %q: cyberdiplo show %s --anchors le elenca",
	AnchorTooLong: "%s#...: l'ancora è lunga %d byte (al massimo %d): cyberdiplo show %s --anchors le elenca",
	TermsAlone:    "--terms stampa la base terminologica: usalo con il solo glossario (cyberdiplo show glossario --terms)",
	TermsCombined: "--terms stampa la base terminologica: non si combina con --cite né con --anchors",
	NoTermBase:    "questo contenuto non ha una base terminologica (%s)",

	SearchNeedsQuery: "search richiede delle parole da cercare: per esempio cyberdiplo search oewg",
	BadLimit:         "--limit %d: usa un numero di risultati da 1 in su (predefinito %d)",
	NoMatch:          "nessun risultato per %q in %s",
	NoMatchAnyLang:   "nessun risultato per %q in nessuna lingua",
	NoMatchWords:     "nessun risultato per: %s",
	SearchDidYouMean: "forse cercavi: %s",
	Or:               "o",

	ServeOneOrMore: "%s %d: usa 1 o più",
	ServeDuration:  "%s %s: usa una durata di 0 (mai) o più, come %s",
	ServeRate:      "--rate %g: usa le connessioni al secondo, 0 (nessun limite) o più",
	ServeLogFormat: "--log-format %q: usa text o json",
	HostKeyNoDir:   "--host-key %s: lì non c'è una chiave e la cartella %s non esiste: correggi il percorso, o crea la cartella per farvi una chiave nuova",

	LintNotDir:      "lint %s: non è una cartella (deve contenere en/ e it/)",
	LintMissing:     "lint %s: la cartella non esiste: indicane una che contenga en/ e it/ (o nessuna, per il contenuto incorporato)",
	MissingDir:      "--content %s: la cartella non esiste: indicane una che contenga en/ e it/",
	CompletionShell: "completion non ha la shell %q: usa una di queste: %s (cyberdiplo completion SHELL --help spiega come caricarla)",
	LintProblems:    Plural{"%d problema in %s", "%d problemi in %s"},
	LintOK:          "ok: %s, nessun problema",
	LintPages:       "%d pagine in %s",
	LintPagesMore:   "%d in %s",
	LintWarnings:    "%d avvisi in %s (non fanno fallire il contenuto)",
	LintSeedsNotDir: "--seeds %s: non è una cartella (deve contenere le pagine di origine come *.txt)",

	UnknownFlag:      "opzione sconosciuta: %s (vedi %s --help)",
	FlagNeedsValue:   "%s richiede un valore (vedi %s --help)",
	FlagNotNumber:    "%s richiede un numero intero, non %q (vedi %s --help)",
	FlagNotDecimal:   "%s richiede un numero come 2 o 0.5, non %q (vedi %s --help)",
	FlagNotBool:      "%s vale true o false, non %q (vedi %s --help)",
	FlagNotDuration:  "%s richiede una durata come 90s, 10m o 1h, non %q (vedi %s --help)",
	FlagBadValue:     "%s: %q non è un valore valido (vedi %s --help)",
	BadFlagSyntax:    "%s non è un'opzione: le opzioni si scrivono --nome o -n (vedi %s --help)",
	OnePage:          "il lettore apre una pagina alla volta, e ne ha ricevute %d (%s): per stamparle tutte usa cyberdiplo show %s",
	TooManyArgs:      "%s accetta al massimo un argomento, non %d (%s; vedi %s --help)",
	NoArgs:           "%s non accetta argomenti, e ha ricevuto %q (vedi %s --help)",
	UnknownCommand:   "%s non ha il comando %q: usa uno di questi: %s",
	UnknownHelpTopic: "non c'è un comando %q da spiegare: usa uno di questi: %s",
}

var citeItalian = Cite{
	Sources:  "Fonti",
	Briefing: "Guida non ufficiale (cyberdiplo), aggiornata a %s",
}

var manItalian = ManStrings{
	Manual: "Comandi utente",
	Name:   "NOME", Synopsis: "SINTASSI", Description: "DESCRIZIONE", Options: "OPZIONI", Commands: "COMANDI",
	Keys: "TASTI", Environment: "AMBIENTE", Files: "FILE", ExitStatus: "STATO DI USCITA", Examples: "ESEMPI",
	SeeAlso:   "VEDERE ANCHE",
	KeysIntro: "Nel lettore (cyberdiplo senza comando), come li mostra ? o h:",
	Env: [][2]string{
		{"LC_ALL, LC_MESSAGES, LANG", "La lingua delle pagine e dei messaggi quando manca --lang: it (it_IT.UTF-8) per l'italiano, altrimenti l'inglese."},
		{"LC_ALL, LC_CTYPE, LANG", "Il set di caratteri: se la prima impostata non è UTF-8 (LC_ALL=C), --style auto disegna solo caratteri ASCII."},
		{"NO_COLOR", "Se impostata, show e search stampano senza colori e il lettore disegna senza."},
		{"TERM", "dumb, o non impostata fuori da Windows, dà la modalità a righe per i lettori di schermo (come --accessible)."},
		{"XDG_STATE_HOME", "Dove il lettore ricorda l'ultimo punto letto (predefinito ~/.local/state)."},
		{"XDG_DATA_HOME", "Dove serve tiene la chiave host (predefinito ~/.local/share)."},
	},
	FilesList: [][2]string{
		{"$XDG_STATE_HOME/cyberdiplo/state.json", "L'ultima pagina, lingua e passo letti; --no-state non lo legge né lo scrive."},
		{"$XDG_DATA_HOME/cyberdiplo/ssh_host_ed25519", "La chiave host SSH del chiosco (serve --host-key), creata con permessi 0600 se manca; un --host-key in una cartella che non esiste è rifiutato."},
	},
	Exit: [][2]string{
		{"0", "Tutto bene."},
		{"1", "lint ha trovato problemi, search non ha trovato nulla, o qualcosa non è riuscito (un file non si è potuto leggere o scrivere)."},
		{"2", "Input errato: un comando, un'opzione, una pagina, un'ancora o un valore sconosciuti; il messaggio dice cosa è accettato."},
	},
	SeeAlsoText: "less(1), ssh(1). README.md e docs/INSTALL.md del progetto.",
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

// italianHelp is the Help of the Italian catalog. Its map is made on first use
// (a --help in Italian), not at every start.
func italianHelp(english string) (string, bool) {
	helpOnce.Do(func() { helpMap = helpItalian() })
	t, ok := helpMap[english]
	return t, ok
}

var (
	helpOnce sync.Once
	helpMap  map[string]string
)

func helpItalian() map[string]string {
	return map[string]string{
		// The words of usage lines: arguments and value names.
		"[PAGE[#ANCHOR]]": "[PAGINA[#ANCORA]]", "PAGE...": "PAGINA...", "QUERY...": "PAROLE...", "[DIR]": "[DIR]",
		"[COMMAND]": "[COMANDO]", "DURATION": "DURATA",

		// cyberdiplo
		"Italy's cyber diplomacy, in English and Italian, in your terminal": "La diplomazia cibernetica dell'Italia, in italiano e in inglese, nel terminale",
		"cyberdiplo shows a bilingual briefing on Italy's cyber diplomacy (EU, UN, NATO, OSCE).\n" +
			"With no command it opens the reader where it was last left; PAGE opens it on that page, PAGE#ANCHOR at that section.\n" +
			"The content is an unofficial summary of public pages of Italy's Ministry of Foreign Affairs.": "cyberdiplo mostra una guida bilingue alla diplomazia cibernetica dell'Italia (UE, ONU, NATO, OSCE).\n" +
			"Senza comando apre il lettore dove era stato lasciato; PAGINA lo apre su quella pagina, PAGINA#ANCORA su quella sezione.\n" +
			"Il contenuto è una sintesi non ufficiale di pagine pubbliche del Ministero degli Affari Esteri.",
		"language: en or it (default from LC_ALL, LC_MESSAGES, LANG)":                                                             "lingua: en o it (predefinita da LC_ALL, LC_MESSAGES, LANG)",
		"read the content from `DIR` (with en/ and it/) instead of the built-in one":                                              "legge il contenuto dalla cartella `DIR` (con en/ e it/) invece di quello incorporato",
		"style: auto, dark, light or ascii (auto is ascii when the locale is not UTF-8, such as LC_ALL=C)":                        "stile: auto, dark (scuro), light (chiaro) o ascii (auto è ascii quando la localizzazione non è UTF-8, come con LC_ALL=C)",
		"do not read or write the last place read (page, language, passage) nor the marks: marks made are kept for this run only": "non legge né salva l'ultimo punto letto (pagina, lingua, passo) né i passi segnati: quelli segnati restano solo per questa esecuzione",
		"line mode for screen readers: plain lines, no screen drawing (the default when TERM is dumb or unset)":                   "modalità a righe per i lettori di schermo: righe semplici, nessun disegno dello schermo (predefinita quando TERM è dumb o non impostato)",

		// list
		"List the pages: id, tab label, title": "Elenca le pagine: id, nome della scheda, titolo",
		"  cyberdiplo list --lang it\n" +
			"  cyberdiplo list --json | jq -r '.[].id'": "  cyberdiplo list --lang it\n" +
			"  cyberdiplo list --json | jq -r '.[].id'",
		"print the pages as a JSON array: id, tab, title, order": "stampa le pagine come array JSON: id, tab (scheda), title (titolo), order (ordine)",

		// show
		"PAGE[#ANCHOR]...": "PAGINA[#ANCORA]...",
		"Print pages or sections (ansi on a terminal, plain when piped, Markdown or JSON)": "Stampa pagine o sezioni (ansi su un terminale, testo semplice in una pipe, Markdown o JSON)",
		"show prints pages. PAGE#ANCHOR prints one section: the heading with that anchor and the\n" +
			"text up to the next heading (--anchors lists a page's anchors; an anchor of the other\n" +
			"language names the same section). --format json prints each page as data, with the\n" +
			"sources each section rests on; --cite ends each page or section with a citation line.\n" +
			"show glossary --terms prints the term base in the language's alphabetical order.": "show stampa pagine. PAGINA#ANCORA stampa una sezione: il titolo con quell'ancora e il\n" +
			"testo fino al titolo successivo (--anchors elenca le ancore di una pagina; un'ancora\n" +
			"dell'altra lingua indica la stessa sezione). --format json stampa ogni pagina come dati,\n" +
			"con le fonti di ciascuna sezione; --cite chiude ogni pagina o sezione con una riga di\n" +
			"citazione. show glossario --terms stampa la base terminologica in ordine alfabetico.",
		"  cyberdiplo show un --lang it --format plain\n" +
			"  cyberdiplo show un#the-global-mechanism --cite\n" +
			"  cyberdiplo show nato --format json | jq '.sections[].sources[].id'\n" +
			"  cyberdiplo show un --anchors\n" +
			"  cyberdiplo show glossary --terms --lang it": "  cyberdiplo show onu --lang it --format plain\n" +
			"  cyberdiplo show onu#il-meccanismo-globale --cite\n" +
			"  cyberdiplo show nato --format json | jq '.sections[].sources[].id'\n" +
			"  cyberdiplo show onu --anchors\n" +
			"  cyberdiplo show glossario --terms --lang it",
		"ansi, plain, markdown or json (default: ansi on a terminal, plain otherwise or under NO_COLOR)":           "ansi, plain, markdown o json (predefinito: ansi su un terminale, altrimenti o con NO_COLOR plain)",
		"wrap at `N` columns (default: the terminal's width, else 80)":                                             "va a capo a `N` colonne (predefinito: la larghezza del terminale, altrimenti 80)",
		"end each page or section with a citation line: title › heading, sources and their years, publisher, date": "chiude ogni pagina o sezione con una riga di citazione: titolo › sezione, fonti con il loro anno, editore, data",
		"list the anchors of the pages' headings (for PAGE#ANCHOR) instead of their text":                          "elenca le ancore dei titoli delle pagine (per PAGINA#ANCORA) invece del testo",
		"with the glossary: print the term base (term, acronym, the other language's term)":                        "con il glossario: stampa la base terminologica (termine, sigla, termine nell'altra lingua)",

		// brief
		"Print the passages you marked, each with its citation, for a meeting": "Stampa i passi che hai segnato, ciascuno con la sua citazione, per una riunione",
		"brief prints the passages marked in the reader (m), in reading order or the order made,\n" +
			"each followed by its citation line as show --cite writes it, in the language of --lang\n" +
			"(the same passages in the other language when the marks were made in it). A passage whose\n" +
			"text changed since it was marked says so; one whose section is gone is listed as gone.\n" +
			"The marks are kept in $XDG_STATE_HOME/cyberdiplo/marks.json (at most 200).": "brief stampa i passi segnati nel lettore (m), in ordine di lettura o nell'ordine in cui sono\n" +
			"stati segnati, ciascuno seguito dalla sua riga di citazione come la scrive show --cite, nella\n" +
			"lingua di --lang (gli stessi passi nell'altra lingua se sono stati segnati in quella). Un passo\n" +
			"il cui testo è cambiato da quando è stato segnato lo dice; uno la cui sezione non c'è più è\n" +
			"elencato come scomparso. I segni stanno in $XDG_STATE_HOME/cyberdiplo/marks.json (al massimo 200).",
		"  cyberdiplo brief --lang it\n" +
			"  cyberdiplo brief --format markdown > meeting.md\n" +
			"  cyberdiplo brief --add un#key-facts.2 --add nato#the-cyber-defence-pledge\n" +
			"  cyberdiplo brief --format json | jq -r '.[].citation'\n" +
			"  cyberdiplo brief --clear": "  cyberdiplo brief --lang it\n" +
			"  cyberdiplo brief --format markdown > riunione.md\n" +
			"  cyberdiplo brief --lang it --add onu#in-breve.2 --add nato#il-cyber-defence-pledge\n" +
			"  cyberdiplo brief --format json | jq -r '.[].citation'\n" +
			"  cyberdiplo brief --clear",
		"plain, markdown or json": "plain (testo semplice), markdown o json",
		"reading (page order, then place on the page) or made (the order the marks were made in)":      "reading (ordine delle pagine, poi posto nella pagina) o made (l'ordine in cui sono stati segnati)",
		"remove every mark: empty the brief":                                                           "toglie tutti i segni: svuota il promemoria",
		"mark a passage: `PAGE#ANCHOR` for a section, PAGE#ANCHOR.N for its N-th passage (repeatable)": "segna un passo: `PAGINA#ANCORA` per una sezione, PAGINA#ANCORA.N per il suo N-esimo passo (ripetibile)",
		"unmark a passage, `PAGE#ANCHOR`[.N] as for --add (repeatable)":                                "toglie il segno da un passo, `PAGINA#ANCORA`[.N] come per --add (ripetibile)",

		// search
		"Find the sections that answer a query, in English and Italian": "Trova le sezioni che rispondono a una ricerca, in italiano e in inglese",
		"search prints each section that matches: the page and heading, the passage that answers\n" +
			"best (the sentence with the date, number, actor or definition a question asks for), with\n" +
			"the matches in bold on a terminal, and the sources with their years. From 120 columns a\n" +
			"section is one line, narrower two (the passage indented under its heading); the width is\n" +
			"--width, else the terminal's, else 80 when piped. Both languages are searched:\n" +
			"a section found in the other language is shown in yours, marked (via IT) or (via EN).\n" +
			"Case and accents do not matter; other forms of a word (misure for misura), British and\n" +
			"American spellings (defense, defence), typos in words of 4 letters or more (resilence),\n" +
			"the start of the last word (pled), a question's small words (when, was, quanti) and the\n" +
			"glossary's other names for a term (CBM, misure di costruzione della fiducia) all find\n" +
			"it; not every word has to match. Each section is listed once: in your language, and with\n" +
			"no --lang in the other one, marked [IT] or [EN], when yours lacks it. It exits 1 only\n" +
			"when nothing matches.": "search stampa ogni sezione che corrisponde: la pagina e il titolo, il passo che risponde\n" +
			"meglio (la frase con la data, il numero, il soggetto o la definizione che la domanda chiede),\n" +
			"con le corrispondenze in grassetto su un terminale, e le fonti con il loro anno. Da 120 colonne\n" +
			"una sezione occupa una riga, sotto due (il passo rientrato sotto il titolo); la larghezza è\n" +
			"--width, altrimenti quella del terminale, altrimenti 80 in una pipe. Cerca in entrambe\n" +
			"le lingue: una sezione trovata nell'altra lingua è mostrata nella tua, segnata (via EN) o\n" +
			"(via IT). Maiuscole e accenti non contano; la trovano anche altre forme di una parola (misura\n" +
			"per misure), l'ortografia britannica e americana (defense, defence), errori di battitura in\n" +
			"parole di 4 lettere o più (resilenza), l'inizio dell'ultima parola (pled), le parole vuote di\n" +
			"una domanda (quanti, ci, sono) e gli altri nomi di un termine del glossario (CBM,\n" +
			"confidence-building measures); non serve che corrispondano tutte le parole. Ogni sezione è\n" +
			"elencata una volta: nella tua lingua e, senza --lang, nell'altra, segnata [EN] o [IT], se\n" +
			"nella tua manca. Esce con 1 solo quando non trova nulla.",
		"  cyberdiplo search when was the cyber defense pledge adopted\n" +
			"  cyberdiplo search confidence-building measures --lang it\n" +
			"  cyberdiplo search attivita --lang it --json": "  cyberdiplo search quanti OEWG ci sono stati\n" +
			"  cyberdiplo search confidence-building measures --lang it\n" +
			"  cyberdiplo search attivita --lang it --json",
		"with --lang, also list after the sections only the other language has (the default without --lang)": "con --lang, elenca dopo anche le sezioni che ha solo l'altra lingua (predefinito senza --lang)",
		"print the matches as a JSON array":                                     "stampa i risultati come array JSON",
		"print at most `N` matches":                                             "stampa al massimo `N` risultati",
		"fit the lines in `N` columns (default: the terminal's width, else 80)": "fa stare le righe in `N` colonne (predefinito: la larghezza del terminale, altrimenti 80)",

		// lint
		"Check the content: parity between languages, front matter, links, control characters": "Controlla il contenuto: parità tra le lingue, intestazioni, collegamenti, caratteri di controllo",
		"lint checks the embedded content, or DIR (a directory with en/ and it/), and prints\n" +
			"one line per problem as path:line: message. It exits 1 when it finds any.\n" +
			"With --seeds (or $CYBERDIPLO_SEEDS) it also compares every passage with the source\n" +
			"pages. A sentence over 40 words is a warning: printed, but the exit status stays 0.": "lint controlla il contenuto incorporato, o DIR (una cartella con en/ e it/), e stampa\n" +
			"una riga per problema come percorso:riga: messaggio. Esce con 1 se ne trova.\n" +
			"Con --seeds (o $CYBERDIPLO_SEEDS) confronta anche ogni passo con le pagine di origine.\n" +
			"Una frase di oltre 40 parole è un avviso: viene stampato, ma lo stato di uscita resta 0.",
		"also check that no passage copies the wording of the source pages, the `DIR`/*.txt files": "controlla anche che nessun passo copi la formulazione delle pagine di origine, i file `DIR`/*.txt",

		// serve
		"Serve the reader over SSH, as a kiosk (ssh -p 2222 HOST)": "Offre il lettore via SSH, come chiosco (ssh -p 2222 HOST)",
		"serve runs an SSH server that gives every visitor the reader, and nothing else.\n" +
			"A visitor with a terminal gets the reader at their window size; `ssh it@HOST` opens it\n" +
			"in Italian, `ssh en@HOST` in English (else the visitor's LANG, else --lang).\n" +
			"`ssh a11y@HOST`, or a TERM of dumb, gives the line mode for screen readers instead.\n" +
			"A visitor with a command may run list, show and search (ssh -p 2222 HOST show un).\n" +
			"Port, agent and X11 forwarding, sftp and scp are refused. Anyone may connect unless\n" +
			"--authorized-keys is given. SIGINT or SIGTERM tells visitors the kiosk is closing,\n" +
			"waits up to 10s for their sessions to end, and exits 0. Logs go to standard error." +
			"\n\n" +
			"Limits that are not flags: 2 sessions per connection; 5 commands a second per address\n" +
			"(bursts of 20); a command's output 1 MiB; input 256 KB/s per connection (bursts of 4 MiB);\n" +
			"log lines about one address 1 a second (bursts of 10). Only modern algorithms are offered:\n" +
			"mlkem768x25519-sha256 and curve25519-sha256, chacha20-poly1305 and AES-GCM, EtM MACs, ed25519.": "serve avvia un server SSH che dà a ogni visitatore il lettore, e nient'altro.\n" +
			"Un visitatore con un terminale riceve il lettore alla misura della sua finestra; `ssh it@HOST`\n" +
			"lo apre in italiano, `ssh en@HOST` in inglese (altrimenti il LANG del visitatore, altrimenti --lang).\n" +
			"`ssh a11y@HOST`, o un TERM dumb, dà invece la modalità a righe per i lettori di schermo.\n" +
			"Un visitatore con un comando può eseguire list, show e search (ssh -p 2222 HOST show onu).\n" +
			"Inoltro di porte, agente e X11, sftp e scp sono rifiutati. Chiunque può collegarsi, a meno\n" +
			"che sia dato --authorized-keys. SIGINT o SIGTERM avvisano i visitatori che il chiosco chiude,\n" +
			"attendono fino a 10s che le sessioni finiscano, ed escono con 0. I log vanno sullo standard error." +
			"\n\n" +
			"Limiti che non sono opzioni: 2 sessioni per connessione; 5 comandi al secondo per indirizzo\n" +
			"(raffiche di 20); l'output di un comando 1 MiB; input 256 KB/s per connessione (raffiche di 4 MiB);\n" +
			"righe di log su un indirizzo 1 al secondo (raffiche di 10). Sono offerti solo algoritmi moderni:\n" +
			"mlkem768x25519-sha256 e curve25519-sha256, chacha20-poly1305 e AES-GCM, MAC EtM, ed25519.",
		"  cyberdiplo serve\n" +
			"  cyberdiplo serve --listen 127.0.0.1:2222 --max-sessions 20 --idle-timeout 5m\n" +
			"  cyberdiplo serve --authorized-keys ~/.ssh/authorized_keys --log-format json": "  cyberdiplo serve\n" +
			"  cyberdiplo serve --listen 127.0.0.1:2222 --max-sessions 20 --idle-timeout 5m\n" +
			"  cyberdiplo serve --authorized-keys ~/.ssh/authorized_keys --log-format json",
		"let in only the public keys listed in `FILE` (OpenSSH authorized_keys format)\n(default: anyone, no authentication)":                                                                                        "fa entrare solo le chiavi pubbliche elencate in `FILE` (formato authorized_keys di OpenSSH)\n(predefinito: chiunque, senza autenticazione)",
		"connections one address may open at once before --rate applies":                                                                                                                                             "connessioni che un indirizzo può aprire insieme prima che si applichi --rate",
		"the server's ed25519 host key `FILE`, created with mode 0600 if missing,\nonly in a directory that exists (default $XDG_DATA_HOME/cyberdiplo/ssh_host_ed25519, with XDG_DATA_HOME ~/.local/share if unset)": "il file `FILE` della chiave host ed25519 del server, creato con permessi 0600 se manca,\nsolo in una cartella che esiste (predefinito $XDG_DATA_HOME/cyberdiplo/ssh_host_ed25519, con XDG_DATA_HOME ~/.local/share se non impostato)",
		"end a session after this long without a key pressed (0 for never)":                                                                                                                                          "chiude una sessione dopo questo tempo senza tasti premuti (0 per mai)",
		"listen on `ADDR` (host:port; \":2222\" is every address)":                                                                                                                                                   "ascolta su `ADDR` (host:porta; \":2222\" è ogni indirizzo)",
		"`FORMAT` of the logs: text or json":                                          "`FORMAT` (formato) dei log: text o json",
		"end any session after this long (0 for never)":                               "chiude ogni sessione dopo questo tempo (0 per mai)",
		"sessions at once; beyond this many, visitors are asked to try again shortly": "sessioni contemporanee; oltre, si chiede ai visitatori di riprovare a breve",
		"new connections per second allowed from one address (0 for no limit)":        "nuove connessioni al secondo ammesse da un indirizzo (0 per nessun limite)",
		// serve: the kiosk's flags added for operators (kept together to ease merges)
		"connections one address may hold open at once (0 for no limit)":                              "connessioni che un indirizzo può tenere aperte insieme (0 per nessun limite)",
		"sessions one address may hold at once (0 for no limit; raise it for a class behind one NAT)": "sessioni che un indirizzo può tenere aperte insieme (0 per nessun limite; alzalo per una classe dietro un solo NAT)",
		"close a connection that has not started a session (the reader or a command) this long after it\n" +
			"arrived or after its last session ended; it may send at most 64 KB before it starts one": "chiudi una connessione che non ha avviato una sessione (il lettore o un comando) dopo tanto così dal suo\n" +
			"arrivo o dalla fine della sua ultima sessione; prima di avviarne una può inviare al massimo 64 KB",
		"`START:RATE:FULL` as OpenSSH's MaxStartups: from START connections without a session, refuse\n" +
			"newcomers from an address already starting one with a probability of RATE %, rising to 100 % at FULL;\n" +
			"when the kiosk is full, the connections that did least give way (default: half the connection cap:30:the cap)": "`INIZIO:TASSO:PIENO` come MaxStartups di OpenSSH: da INIZIO connessioni senza sessione, rifiuta\n" +
			"i nuovi arrivi da un indirizzo che ne sta già avviando una con probabilità TASSO %, fino al 100 % a PIENO;\n" +
			"a chiosco pieno, cedono il posto le connessioni che hanno fatto meno (predefinito: metà del limite di connessioni:30:il limite)",
		"close the connection of a visitor who stops reading: a write not done this long after it began\n" +
			"(a command's output is also capped at 1 MiB, then truncated with a line saying so and exit status 1)": "chiudi la connessione di un visitatore che smette di leggere: una scrittura non finita dopo tanto così\n" +
			"(l'output di un comando è anche limitato a 1 MiB, poi troncato con una riga che lo dice e stato di uscita 1)",
		"take each visitor's address from the PROXY protocol header (v1 or v2) a balancer sends;\n" +
			"headers are believed from --trusted-proxies only, and refused from anywhere else": "prende l'indirizzo di ogni visitatore dall'intestazione del protocollo PROXY (v1 o v2) inviata da un bilanciatore;\n" +
			"le intestazioni valgono solo da --trusted-proxies, e da ogni altro indirizzo sono rifiutate",
		"serve Go's profiler (net/http/pprof) at http://`ADDR`/debug/pprof/, loopback only (default: off)":       "offre il profilatore di Go (net/http/pprof) su http://`ADDR`/debug/pprof/, solo loopback (predefinito: spento)",
		"serve Go's profiler at http://`ADDR`/debug/pprof/, loopback only; not built in: build with -tags pprof": "offre il profilatore di Go su http://`ADDR`/debug/pprof/, solo loopback; non incluso: compila con -tags pprof",
		"serve Prometheus metrics at http://`ADDR`/metrics (such as 127.0.0.1:9222; default: off)":               "offre le metriche Prometheus su http://`ADDR`/metrics (come 127.0.0.1:9222; predefinito: spento)",
		"the balancers that may send a PROXY header: `CIDR`[,CIDR...] (such as 10.0.0.0/8,192.0.2.7)":            "i bilanciatori che possono inviare un'intestazione PROXY: `CIDR`[,CIDR...] (come 10.0.0.0/8,192.0.2.7)",

		// version, man, help
		"Print the version, commit, build date and Go version": "Stampa la versione, il commit, la data di compilazione e la versione di Go",
		"Print the man page (roff) on standard output":         "Stampa la pagina di manuale (roff) sullo standard output",
		"man prints the man page in roff, in the language of --lang or of the locale\n" +
			"(`cyberdiplo man --lang it` is the Italian one); `cyberdiplo man | man -l -` reads it.": "man stampa la pagina di manuale in roff, nella lingua di --lang o della localizzazione\n" +
			"(`cyberdiplo man --lang en` è quella inglese); `cyberdiplo man | man -l -` la legge.",
		"Explain a command (the same as COMMAND --help)": "Spiega un comando (come COMANDO --help)",

		// completion (cobra's own command)
		"Generate the autocompletion script for the specified shell": "Genera lo script di completamento automatico per la shell indicata",
		"Generate the autocompletion script for cyberdiplo for the specified shell.\n" +
			"See each sub-command's help for details on how to use the generated script.\n": "Genera lo script di completamento automatico di cyberdiplo per la shell indicata.\n" +
			"L'aiuto di ogni sottocomando spiega come usare lo script generato.\n",
		"Generate the autocompletion script for bash":       "Genera lo script di completamento automatico per bash",
		"Generate the autocompletion script for zsh":        "Genera lo script di completamento automatico per zsh",
		"Generate the autocompletion script for fish":       "Genera lo script di completamento automatico per fish",
		"Generate the autocompletion script for powershell": "Genera lo script di completamento automatico per powershell",
		"disable completion descriptions":                   "disattiva le descrizioni nei completamenti",
		"Generate the autocompletion script for the bash shell.\n\n" +
			"This script depends on the 'bash-completion' package.\n" +
			"If it is not installed already, you can install it via your OS's package manager.\n\n" +
			"To load completions in your current shell session:\n\n" +
			"\tsource <(cyberdiplo completion bash)\n\n" +
			"To load completions for every new session, execute once:\n\n" +
			"#### Linux:\n\n" +
			"\tcyberdiplo completion bash > /etc/bash_completion.d/cyberdiplo\n\n" +
			"#### macOS:\n\n" +
			"\tcyberdiplo completion bash > $(brew --prefix)/etc/bash_completion.d/cyberdiplo\n\n" +
			"You will need to start a new shell for this setup to take effect.\n": "Genera lo script di completamento automatico per la shell bash.\n\n" +
			"Lo script richiede il pacchetto 'bash-completion'.\n" +
			"Se non è già installato, lo si installa con il gestore di pacchetti del sistema.\n\n" +
			"Per caricare i completamenti nella sessione attuale:\n\n" +
			"\tsource <(cyberdiplo completion bash)\n\n" +
			"Per caricarli in ogni nuova sessione, esegui una volta:\n\n" +
			"#### Linux:\n\n" +
			"\tcyberdiplo completion bash > /etc/bash_completion.d/cyberdiplo\n\n" +
			"#### macOS:\n\n" +
			"\tcyberdiplo completion bash > $(brew --prefix)/etc/bash_completion.d/cyberdiplo\n\n" +
			"La configurazione vale dalla prossima shell aperta.\n",
		"Generate the autocompletion script for the zsh shell.\n\n" +
			"If shell completion is not already enabled in your environment you will need\n" +
			"to enable it.  You can execute the following once:\n\n" +
			"\techo \"autoload -U compinit; compinit\" >> ~/.zshrc\n\n" +
			"To load completions in your current shell session:\n\n" +
			"\tsource <(cyberdiplo completion zsh)\n\n" +
			"To load completions for every new session, execute once:\n\n" +
			"#### Linux:\n\n" +
			"\tcyberdiplo completion zsh > \"${fpath[1]}/_cyberdiplo\"\n\n" +
			"#### macOS:\n\n" +
			"\tcyberdiplo completion zsh > $(brew --prefix)/share/zsh/site-functions/_cyberdiplo\n\n" +
			"You will need to start a new shell for this setup to take effect.\n": "Genera lo script di completamento automatico per la shell zsh.\n\n" +
			"Se il completamento non è già attivo nel tuo ambiente, va attivato.\n" +
			"Basta eseguire una volta:\n\n" +
			"\techo \"autoload -U compinit; compinit\" >> ~/.zshrc\n\n" +
			"Per caricare i completamenti nella sessione attuale:\n\n" +
			"\tsource <(cyberdiplo completion zsh)\n\n" +
			"Per caricarli in ogni nuova sessione, esegui una volta:\n\n" +
			"#### Linux:\n\n" +
			"\tcyberdiplo completion zsh > \"${fpath[1]}/_cyberdiplo\"\n\n" +
			"#### macOS:\n\n" +
			"\tcyberdiplo completion zsh > $(brew --prefix)/share/zsh/site-functions/_cyberdiplo\n\n" +
			"La configurazione vale dalla prossima shell aperta.\n",
		"Generate the autocompletion script for the fish shell.\n\n" +
			"To load completions in your current shell session:\n\n" +
			"\tcyberdiplo completion fish | source\n\n" +
			"To load completions for every new session, execute once:\n\n" +
			"\tcyberdiplo completion fish > ~/.config/fish/completions/cyberdiplo.fish\n\n" +
			"You will need to start a new shell for this setup to take effect.\n": "Genera lo script di completamento automatico per la shell fish.\n\n" +
			"Per caricare i completamenti nella sessione attuale:\n\n" +
			"\tcyberdiplo completion fish | source\n\n" +
			"Per caricarli in ogni nuova sessione, esegui una volta:\n\n" +
			"\tcyberdiplo completion fish > ~/.config/fish/completions/cyberdiplo.fish\n\n" +
			"La configurazione vale dalla prossima shell aperta.\n",
		"Generate the autocompletion script for powershell.\n\n" +
			"To load completions in your current shell session:\n\n" +
			"\tcyberdiplo completion powershell | Out-String | Invoke-Expression\n\n" +
			"To load completions for every new session, add the output of the above command\n" +
			"to your powershell profile.\n": "Genera lo script di completamento automatico per powershell.\n\n" +
			"Per caricare i completamenti nella sessione attuale:\n\n" +
			"\tcyberdiplo completion powershell | Out-String | Invoke-Expression\n\n" +
			"Per caricarli in ogni nuova sessione, aggiungi l'output del comando qui sopra\n" +
			"al tuo profilo di powershell.\n",
	}
}

// catalogItalian is every word of the user interface in Italian.
var catalogItalian = Catalog{
	Lang: "it", Reader: italian, Line: lineItalian, Marks: marksItalian, CLI: cliItalian,
	Man: manItalian, Cite: citeItalian, Help: italianHelp,
}
