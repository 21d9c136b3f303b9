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
	"language: en or it (default from LC_ALL, LC_MESSAGES, LANG)":                                           "lingua: en o it (predefinita da LC_ALL, LC_MESSAGES, LANG)",
	"read the content from `DIR` (with en/ and it/) instead of the built-in one":                            "legge il contenuto dalla cartella `DIR` (con en/ e it/) invece di quello incorporato",
	"style: auto, dark, light or ascii (auto is ascii when the locale is not UTF-8, such as LC_ALL=C)":      "stile: auto, dark (scuro), light (chiaro) o ascii (auto è ascii quando la localizzazione non è UTF-8, come con LC_ALL=C)",
	"do not read or write the last place read (page, language, passage)":                                    "non legge né salva l'ultimo punto letto (pagina, lingua, passo)",
	"line mode for screen readers: plain lines, no screen drawing (the default when TERM is dumb or unset)": "modalità a righe per i lettori di schermo: righe semplici, nessun disegno dello schermo (predefinita quando TERM è dumb o non impostato)",

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

	// search
	"Find the sections that answer a query, in English and Italian": "Trova le sezioni che rispondono a una ricerca, in italiano e in inglese",
	"search prints one line per section: the page and heading in a column, then the passage\n" +
		"that matches best, with the matches in bold on a terminal. Both languages are searched:\n" +
		"a section found in the other language is shown in yours, marked (via it) or (via en).\n" +
		"Case and accents do not matter; other forms of a word (misure for misura), British and\n" +
		"American spellings (defense, defence), typos in words of 4 letters or more (resilence),\n" +
		"the start of the last word (pled), a question's small words (when, was, quanti) and the\n" +
		"glossary's other names for a term (CBM, misure di costruzione della fiducia) all find\n" +
		"it; not every word has to match. With no --lang, your language's sections come first,\n" +
		"then the other language's own. It exits 1 only when nothing matches.": "search stampa una riga per sezione: la pagina e il titolo in una colonna, poi il passo\n" +
		"che corrisponde meglio, con le corrispondenze in grassetto su un terminale. Cerca in entrambe\n" +
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
	"print the matches as a JSON array": "stampa i risultati come array JSON",
	"print at most `N` matches":         "stampa al massimo `N` risultati",

	// lint
	"Check the content: parity between languages, front matter, links, control characters": "Controlla il contenuto: parità tra le lingue, intestazioni, collegamenti, caratteri di controllo",
	"lint checks the embedded content, or DIR (a directory with en/ and it/), and prints\n" +
		"one line per problem as path:line: message. It exits 1 when it finds any.": "lint controlla il contenuto incorporato, o DIR (una cartella con en/ e it/), e stampa\n" +
		"una riga per problema come percorso:riga: messaggio. Esce con 1 se ne trova.",

	// serve
	"Serve the reader over SSH, as a kiosk (ssh -p 2222 HOST)": "Offre il lettore via SSH, come chiosco (ssh -p 2222 HOST)",
	"serve runs an SSH server that gives every visitor the reader, and nothing else.\n" +
		"A visitor with a terminal gets the reader at their window size; `ssh it@HOST` opens it\n" +
		"in Italian, `ssh en@HOST` in English (else the visitor's LANG, else --lang).\n" +
		"`ssh a11y@HOST`, or a TERM of dumb, gives the line mode for screen readers instead.\n" +
		"A visitor with a command may run list, show and search (ssh -p 2222 HOST show un).\n" +
		"Port, agent and X11 forwarding, sftp and scp are refused. Anyone may connect unless\n" +
		"--authorized-keys is given. SIGINT or SIGTERM tells visitors the kiosk is closing,\n" +
		"waits up to 10s for their sessions to end, and exits 0. Logs go to standard error.": "serve avvia un server SSH che dà a ogni visitatore il lettore, e nient'altro.\n" +
		"Un visitatore con un terminale riceve il lettore alla misura della sua finestra; `ssh it@HOST`\n" +
		"lo apre in italiano, `ssh en@HOST` in inglese (altrimenti il LANG del visitatore, altrimenti --lang).\n" +
		"`ssh a11y@HOST`, o un TERM dumb, dà invece la modalità a righe per i lettori di schermo.\n" +
		"Un visitatore con un comando può eseguire list, show e search (ssh -p 2222 HOST show onu).\n" +
		"Inoltro di porte, agente e X11, sftp e scp sono rifiutati. Chiunque può collegarsi, a meno\n" +
		"che sia dato --authorized-keys. SIGINT o SIGTERM avvisano i visitatori che il chiosco chiude,\n" +
		"attendono fino a 10s che le sessioni finiscano, ed escono con 0. I log vanno sullo standard error.",
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
	"connections one address may hold open at once (0 for no limit)": "connessioni che un indirizzo può tenere aperte insieme (0 per nessun limite)",
	"take each visitor's address from the PROXY protocol header (v1 or v2) a balancer sends;\n" +
		"headers are believed from --trusted-proxies only, and refused from anywhere else": "prende l'indirizzo di ogni visitatore dall'intestazione del protocollo PROXY (v1 o v2) inviata da un bilanciatore;\n" +
		"le intestazioni valgono solo da --trusted-proxies, e da ogni altro indirizzo sono rifiutate",
	"serve Go's profiler (net/http/pprof) at http://`ADDR`/debug/pprof/, loopback only (default: off)": "offre il profilatore di Go (net/http/pprof) su http://`ADDR`/debug/pprof/, solo loopback (predefinito: spento)",
	"serve Prometheus metrics at http://`ADDR`/metrics (such as 127.0.0.1:9222; default: off)":         "offre le metriche Prometheus su http://`ADDR`/metrics (come 127.0.0.1:9222; predefinito: spento)",
	"the balancers that may send a PROXY header: `CIDR`[,CIDR...] (such as 10.0.0.0/8,192.0.2.7)":      "i bilanciatori che possono inviare un'intestazione PROXY: `CIDR`[,CIDR...] (come 10.0.0.0/8,192.0.2.7)",

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
