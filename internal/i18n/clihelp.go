package i18n

// ---- The command line's --help in Italian -----------------------------------------
//
// The help of each command and flag is written in English where the command is
// defined (internal/cli); its Italian is here, keyed by the English text. A key that
// no longer matches (the English changed) is caught by a test of internal/cli,
// which asks for the Italian of every help text --help shows.

// Help returns the help text english in lang: itself in English, its Italian
// translation in Italian (english itself when there is none).
func Help(lang, english string) string {
	if lang != "it" {
		return english
	}
	if it, ok := helpItalian[english]; ok {
		return it
	}
	return english
}

// HasHelp reports whether english has an Italian translation.
func HasHelp(english string) bool {
	_, ok := helpItalian[english]
	return ok
}

var helpItalian = map[string]string{
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
		"a section found in the other language is shown in yours, marked (via it) or (via en).\n" +
		"Case and accents do not matter; other forms of a word (misure for misura), British and\n" +
		"American spellings (defense, defence), typos in words of 4 letters or more (resilence),\n" +
		"the start of the last word (pled), a question's small words (when, was, quanti) and the\n" +
		"glossary's other names for a term (CBM, misure di costruzione della fiducia) all find\n" +
		"it; not every word has to match. With no --lang, your language's sections come first,\n" +
		"then the other language's own. It exits 1 only when nothing matches.": "search stampa ogni sezione che corrisponde: la pagina e il titolo, il passo che risponde\n" +
		"meglio (la frase con la data, il numero, il soggetto o la definizione che la domanda chiede),\n" +
		"con le corrispondenze in grassetto su un terminale, e le fonti con il loro anno. Da 120 colonne\n" +
		"una sezione occupa una riga, sotto due (il passo rientrato sotto il titolo); la larghezza è\n" +
		"--width, altrimenti quella del terminale, altrimenti 80 in una pipe. Cerca in entrambe\n" +
		"le lingue: una sezione trovata nell'altra lingua è mostrata nella tua, segnata (via en) o\n" +
		"(via it). Maiuscole e accenti non contano; la trovano anche altre forme di una parola (misura\n" +
		"per misure), l'ortografia britannica e americana (defense, defence), errori di battitura in\n" +
		"parole di 4 lettere o più (resilenza), l'inizio dell'ultima parola (pled), le parole vuote di\n" +
		"una domanda (quanti, ci, sono) e gli altri nomi di un termine del glossario (CBM,\n" +
		"confidence-building measures); non serve che corrispondano tutte le parole. Senza --lang\n" +
		"vengono prima le sezioni nella tua lingua, poi quelle proprie dell'altra. Esce con 1 solo\n" +
		"quando non trova nulla.",
	"  cyberdiplo search when was the cyber defense pledge adopted\n" +
		"  cyberdiplo search confidence-building measures --lang it\n" +
		"  cyberdiplo search attivita --lang it --json": "  cyberdiplo search quanti OEWG ci sono stati\n" +
		"  cyberdiplo search confidence-building measures --lang it\n" +
		"  cyberdiplo search attivita --lang it --json",
	"with --lang, also list the other language's own sections after (the default without --lang)": "con --lang, elenca dopo anche le sezioni proprie dell'altra lingua (predefinito senza --lang)",
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
