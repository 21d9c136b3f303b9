package i18n

// ---- The man page (cyberdiplo man) --------------------------------------------
//
// The man page is written from the command tree (internal/cli) and the reader's
// key map (internal/tui), in the words of --help and the help overlay; these are
// the words only the man page has: its section titles and the sections that are
// not commands (environment, files, exit status).

// ManStrings are the man page's own words in one language.
type ManStrings struct {
	Manual                                               string // the centre of the header: "User Commands"
	Name, Synopsis, Description, Options, Commands, Keys string // section titles
	Environment, Files, ExitStatus, Examples, SeeAlso    string
	KeysIntro                                            string // before the keys
	Env                                                  [][2]string
	FilesList                                            [][2]string
	Exit                                                 [][2]string
	SeeAlsoText                                          string
}

var manEnglish = ManStrings{
	Manual: "User Commands",
	Name:   "NAME", Synopsis: "SYNOPSIS", Description: "DESCRIPTION", Options: "OPTIONS", Commands: "COMMANDS",
	Keys: "KEYS", Environment: "ENVIRONMENT", Files: "FILES", ExitStatus: "EXIT STATUS", Examples: "EXAMPLES",
	SeeAlso:   "SEE ALSO",
	KeysIntro: "In the reader (cyberdiplo with no command), as ? or h shows them:",
	Env: [][2]string{
		{"LC_ALL, LC_MESSAGES, LANG", "The language of the pages and messages when --lang is not given: it (it_IT.UTF-8) for Italian, anything else for English."},
		{"LC_ALL, LC_CTYPE, LANG", "The character set: when the first of them that is set is not UTF-8 (LC_ALL=C), --style auto draws ASCII only."},
		{"NO_COLOR", "When set to anything, show and search print no colour and the reader draws without it."},
		{"TERM", "dumb, or unset outside Windows, gives the line mode for screen readers (as --accessible)."},
		{"XDG_STATE_HOME", "Where the reader remembers the last place read (default ~/.local/state)."},
		{"XDG_DATA_HOME", "Where serve keeps its host key (default ~/.local/share)."},
	},
	FilesList: [][2]string{
		{"$XDG_STATE_HOME/cyberdiplo/state.json", "The last page, language and passage read; --no-state neither reads nor writes it."},
		{"$XDG_DATA_HOME/cyberdiplo/ssh_host_ed25519", "The kiosk's SSH host key (serve --host-key), created with mode 0600 if missing; a --host-key in a directory that does not exist is refused."},
	},
	Exit: [][2]string{
		{"0", "Success."},
		{"1", "lint found problems, search found nothing, or something failed (a file could not be read or written)."},
		{"2", "Bad input: an unknown command, flag, page, anchor or value; the message says what is accepted."},
	},
	SeeAlsoText: "less(1), ssh(1). The project's README.md and docs/INSTALL.md.",
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

// Man returns the man page's own words in a language (English for anything but "it").
func Man(lang string) ManStrings {
	if lang == "it" {
		return manItalian
	}
	return manEnglish
}
