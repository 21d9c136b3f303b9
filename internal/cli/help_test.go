package cli

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
)

var italianLocale = map[string]string{"LANG": "it_IT.UTF-8"}

// --help as a user pipes it to a file: plain lines, no trailing space, every
// command listed, in the locale's language.
func TestHelp(t *testing.T) {
	commands := []string{"brief", "completion", "help", "lint", "list", "man", "search", "serve", "show", "version"}
	for _, c := range []struct {
		env   map[string]string
		args  []string
		words []string
	}{
		{nil, []string{"--help"}, []string{"Usage:\n  cyberdiplo [PAGE[#ANCHOR]] [flags]\n  cyberdiplo COMMAND [flags]\n", "Commands:\n", "Flags:\n", "--accessible", "  -h, --help ", "help for cyberdiplo"}},
		{italianLocale, []string{"--help"}, []string{"Uso:\n  cyberdiplo [PAGINA[#ANCORA]] [opzioni]\n  cyberdiplo COMANDO [opzioni]\n", "Comandi:\n", "Opzioni:\n", "mostra una guida bilingue", "aiuto per cyberdiplo", "modalità a righe"}},
		{nil, []string{"--help", "--lang", "it"}, []string{"Uso:\n", "Comandi:\n"}},
		{italianLocale, []string{"help"}, []string{"Uso:\n", "Comandi:\n"}},
	} {
		code, out, errs := runCLI(t, c.env, c.args...)
		if code != 0 || errs != "" {
			t.Fatalf("%v: exit %d, %q", c.args, code, errs)
		}
		for _, w := range c.words {
			if !strings.Contains(out, w) {
				t.Errorf("%v %v: help lacks %q:\n%s", c.env, c.args, w, out)
			}
		}
		for _, name := range commands {
			if !strings.Contains(out, "\n  "+name+" ") && !strings.Contains(out, "\n  "+name+"\n") {
				t.Errorf("%v: help does not list %s:\n%s", c.args, name, out)
			}
		}
		checkPlain(t, strings.Join(c.args, " "), out)
	}
}

// checkPlain fails on what a file or a screen reader should not get: escape
// sequences and spaces at the end of a line.
func checkPlain(t *testing.T, what, out string) {
	t.Helper()
	if strings.ContainsRune(out, 0x1b) {
		t.Errorf("%s: escape sequence in %q", what, out)
	}
	for i, l := range strings.Split(out, "\n") {
		if strings.TrimRight(l, " \t") != l {
			t.Errorf("%s: line %d ends with spaces: %q", what, i+1, l)
		}
	}
}

// Every command's help, in both languages, as --help and as help COMMAND.
func TestEveryCommandsHelp(t *testing.T) {
	for _, name := range []string{"list", "show", "search", "lint", "serve", "version", "man", "completion", "completion bash", "help"} {
		for _, env := range []map[string]string{nil, italianLocale} {
			args := append(strings.Fields(name), "--help")
			code, out, errs := runCLI(t, env, args...)
			if code != 0 || errs != "" || out == "" {
				t.Fatalf("%s --help: exit %d, %q", name, code, errs)
			}
			title := "Usage:\n  cyberdiplo " + name
			if env != nil {
				title = "Uso:\n  cyberdiplo " + name
			}
			if !strings.Contains(out, title) {
				t.Errorf("%s --help (%v) lacks %q:\n%s", name, env, title, out)
			}
			checkPlain(t, name+" --help", out)
			_, viaHelp, _ := runCLI(t, env, append([]string{"help"}, strings.Fields(name)...)...)
			if viaHelp != out {
				t.Errorf("help %s differs from %s --help", name, name)
			}
		}
	}
}

// Every text --help shows has its Italian: a help text added or changed in English
// without its Italian fails here.
func TestEveryHelpTextIsTranslated(t *testing.T) {
	a := &app{env: withDefaults(Env{})}
	root := newRoot(a, false)
	root.InitDefaultCompletionCmd()
	root.InitDefaultHelpCmd()
	var missing []string
	need := func(where, s string) {
		if s != "" && !i18n.HasHelp(s) {
			missing = append(missing, where+": "+strings.ReplaceAll(s, "\n", `\n`))
		}
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden {
			return
		}
		c.InitDefaultHelpFlag()
		need(c.CommandPath(), c.Short)
		need(c.CommandPath(), c.Long)
		need(c.CommandPath(), c.Example)
		for _, w := range strings.Fields(c.Use)[1:] {
			need(c.CommandPath()+" usage", w)
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if !f.Hidden && f.Name != "help" && f.Name != "version" {
				need(c.CommandPath()+" --"+f.Name, f.Usage)
			}
		})
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	if len(missing) > 0 {
		t.Errorf("help texts without their Italian (add them to internal/i18n/clihelp.go):\n%s", strings.Join(missing, "\n"))
	}
}

// Bad input gets one plain sentence in the reader's language, naming what was
// wrong, never the parser's words; exit status 2.
func TestErrorsInTheReadersLanguage(t *testing.T) {
	cases := []struct {
		args   []string
		en, it string
	}{
		{[]string{"search", "oewg", "--limit", "abc"},
			`--limit needs a whole number, not "abc" (see cyberdiplo search --help)`,
			`--limit richiede un numero intero, non "abc" (vedi cyberdiplo search --help)`},
		{[]string{"un", "eu"},
			"the reader opens one page at a time, and 2 were given (un eu): to print them all use cyberdiplo show un eu",
			"il lettore apre una pagina alla volta, e ne ha ricevute 2 (un eu): per stamparle tutte usa cyberdiplo show un eu"},
		{[]string{"lint", "a", "b"},
			"lint takes one argument at most, not 2 (a b; see cyberdiplo lint --help)",
			"lint accetta al massimo un argomento, non 2 (a b; vedi cyberdiplo lint --help)"},
		{[]string{"list", "extra"},
			`list takes no arguments, and was given "extra" (see cyberdiplo list --help)`,
			`list non accetta argomenti, e ha ricevuto "extra" (vedi cyberdiplo list --help)`},
		{[]string{"version", "now"},
			`version takes no arguments, and was given "now"`,
			`version non accetta argomenti, e ha ricevuto "now"`},
		{[]string{"show", "un", "--bogus"},
			"unknown flag: --bogus (see cyberdiplo show --help)",
			"opzione sconosciuta: --bogus (vedi cyberdiplo show --help)"},
		{[]string{"show", "un", "--width"},
			"--width needs a value (see cyberdiplo show --help)",
			"--width richiede un valore (vedi cyberdiplo show --help)"},
		{[]string{"search", "oewg", "--json=maybe"},
			`--json is true or false, not "maybe"`,
			`--json vale true o false, non "maybe"`},
		{[]string{"serve", "--idle-timeout", "forever"},
			`--idle-timeout needs a duration such as 90s, 10m or 1h, not "forever"`,
			`--idle-timeout richiede una durata come 90s, 10m o 1h, non "forever"`},
		{[]string{"serve", "--rate", "fast"},
			`--rate needs a number such as 2 or 0.5, not "fast"`,
			`--rate richiede un numero come 2 o 0.5, non "fast"`},
		{[]string{"serve", "--burst", "0"},
			"--burst 0: use 1 or more",
			"--burst 0: usa 1 o più"},
		{[]string{"serve", "--idle-timeout", "-1s"},
			"--idle-timeout -1s: use a duration of 0 (never) or more, such as 10m",
			"--idle-timeout -1s: usa una durata di 0 (mai) o più, come 10m"},
		{[]string{"show"},
			"show needs at least one page",
			"show richiede almeno una pagina"},
		{[]string{"show", "mars"},
			`unknown page "mars": use one of overview, eu, un, nato, osce, glossary, timeline, about (panoramica, ue, onu,`,
			`pagina sconosciuta "mars": usa una di queste: panoramica, ue, onu, nato, osce, glossario, cronologia,`},
		{[]string{"lsit"},
			"(or did you mean the command list?)",
			"(o intendevi il comando list?)"},
		{[]string{"show", "un", "--format", "html"},
			`--format: unknown format "html": use ansi, plain, markdown or json`,
			`--format: formato sconosciuto "html": usa ansi, plain, markdown o json`},
		{[]string{"show", "un#nope"},
			`page "un" (English) has no heading with anchor "nope": cyberdiplo show un --anchors lists them`,
			`la pagina "un" (italiano) non ha un titolo con l'ancora "nope": cyberdiplo show un --anchors le elenca`},
		{[]string{"show", "un", "--terms"},
			"--terms prints the term base: use it with the glossary alone",
			"--terms stampa la base terminologica: usalo con il solo glossario"},
		{[]string{"show", "un", "--width", "5"},
			"--width 5: use a number of columns from 20 to 1000",
			"--width 5: usa un numero di colonne da 20 a 1000"},
		{[]string{"--style", "neon", "show", "un"},
			`--style: unknown style "neon"`,
			`--style: stile sconosciuto "neon"`},
		{[]string{"--content", "/nonexistent", "list"},
			"--content /nonexistent: there is no such directory",
			"--content /nonexistent: la cartella non esiste"},
		{[]string{"help", "foo"},
			`there is no command "foo" to explain: use one of brief, completion, help, lint, list, man,`,
			`non c'è un comando "foo" da spiegare: usa uno di questi: brief, completion, help, lint, list, man,`},
	}
	for _, c := range cases {
		for _, lang := range []string{"en", "it"} {
			env, want := map[string]string(nil), c.en
			if lang == "it" {
				env, want = italianLocale, c.it
			}
			code, out, errs := runCLI(t, env, c.args...)
			if code != 2 || out != "" {
				t.Errorf("%v (%s): exit %d, stdout %q", c.args, lang, code, out)
			}
			if !strings.HasPrefix(errs, "cyberdiplo: ") || !strings.Contains(errs, want) || strings.Count(errs, "\n") != 1 {
				t.Errorf("%v (%s): stderr %q\nwant one line with %q", c.args, lang, errs, want)
			}
			for _, parser := range []string{"strconv", "invalid argument", "arg(s)", "Error:", "parsing"} {
				if strings.Contains(errs, parser) {
					t.Errorf("%v (%s): the parser's words %q in %q", c.args, lang, parser, errs)
				}
			}
		}
	}
	// --lang names the language of the messages too; a bad --lang is said in the locale's.
	if _, _, errs := runCLI(t, nil, "show", "--lang", "it"); !strings.Contains(errs, "show richiede almeno una pagina") {
		t.Errorf("--lang it: %q", errs)
	}
	if _, _, errs := runCLI(t, italianLocale, "show", "un", "--lang", "fr"); !strings.Contains(errs, `--lang: lingua sconosciuta "fr": usa en o it`) {
		t.Errorf("--lang fr under an Italian locale: %q", errs)
	}
}

// What the kiosk's visitors run: their language, their errors.
func TestRestrictedInTheVisitorsLanguage(t *testing.T) {
	var out, errb strings.Builder
	code := ExecuteRestricted(t.Context(), []string{"lint"}, Env{Out: &out, Err: &errb,
		Getenv: func(k string) string { return map[string]string{"LC_ALL": "it"}[k] }})
	if code != 1 || !strings.Contains(errb.String(), "qui sono disponibili solo questi comandi: list, show, search") {
		t.Fatalf("exit %d, %q", code, errb.String())
	}
	errb.Reset()
	code = ExecuteRestricted(t.Context(), []string{"show", "marte"}, Env{Out: &out, Err: &errb,
		Getenv: func(k string) string { return map[string]string{"LC_ALL": "it"}[k] }})
	if code != 2 || !strings.Contains(errb.String(), `pagina sconosciuta "marte"`) {
		t.Fatalf("exit %d, %q", code, errb.String())
	}
}

// Over SSH a misspelt command of the three the kiosk runs gets its correction,
// as it would on the command line; a command not run there gets the list.
func TestRestrictedSuggestsTheCommand(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"shwo", "un"}, `did you mean show un?`},
		{[]string{"shwo", "unn"}, `did you mean show un?`},
		{[]string{"serch", "oewg"}, `did you mean search oewg?`},
		{[]string{"lst"}, `did you mean list?`},
		{[]string{"lint"}, "only these commands are available here: list, show, search"},
		{[]string{"un"}, "only these commands are available here: list, show, search"},
	} {
		var out, errb strings.Builder
		code := ExecuteRestricted(t.Context(), c.args, Env{Out: &out, Err: &errb})
		if code != 1 || !strings.Contains(errb.String(), c.want) || strings.Count(errb.String(), "\n") != 1 {
			t.Errorf("%q: exit %d, %q, want one line with %q", c.args, code, errb.String(), c.want)
		}
	}
}

// Over SSH a hint names the command as a visitor types it ("show --help"),
// never the kiosk's placeholder root.
func TestRestrictedHintsNameTheCommand(t *testing.T) {
	for _, args := range [][]string{{"show", "un", "--bogus"}, {"search", "--limit", "abc", "oewg"}, {"show", "--help"}} {
		var out, errb strings.Builder
		ExecuteRestricted(t.Context(), args, Env{Out: &out, Err: &errb})
		if all := out.String() + errb.String(); strings.Contains(all, "COMMAND") || !strings.Contains(all, args[0]) {
			t.Errorf("%q: %q", args, all)
		}
	}
}

// --lang given empty is refused like any unknown language, not taken as absent.
func TestEmptyLangIsRefused(t *testing.T) {
	for _, v := range []string{"", " "} {
		code, _, errs := runCLI(t, nil, "show", "un", "--lang", v)
		if code != 2 || !strings.Contains(errs, "unknown language") {
			t.Errorf("--lang %q: exit %d, %q", v, code, errs)
		}
	}
	if code, _, _ := runCLI(t, nil, "show", "un"); code != 0 {
		t.Errorf("no --lang: exit %d", code)
	}
}
