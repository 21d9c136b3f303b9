// Package cli builds the cyberdiplo command line: the TUI (no command), show, list,
// search, lint, serve and version.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/render"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
	"github.com/cyberdiplo/cyberdiplo/internal/textsafe"
)

// Env is what a command may use of the outside world: its streams, its environment
// and what it knows of its terminal. Tests and SSH sessions pass their own.
type Env struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	Getenv func(string) string
	// Terminal says whether Out is a terminal; Width is its width (0 if unknown).
	Terminal      bool
	InTerminal    bool // whether In is a terminal (the reader needs both)
	Width, Height int
	// Cache is the render cache to use (shared by SSH sessions); nil makes one.
	Cache *render.Cache
	// Library, when set, is the content to use instead of loading it.
	Library *library.Library
	// Index is the search index of Library (shared by SSH sessions); nil builds one.
	Index *search.Index
}

// app is the state of one run of the command line.
type app struct {
	env        Env
	contentDir string
	langFlag   string
	styleFlag  string
	reader     readerFlags
	version    bool // --version
	lib        *library.Library
	root       *cobra.Command // the command tree, for suggestions
	// first is the page the reader opens, when known before the content is
	// loaded: its model is parsed while the other files are read.
	first library.Place
}

// library loads the content once: the directory of --content, else the embedded one.
func (a *app) library() (*library.Library, error) {
	if a.lib != nil {
		return a.lib, nil
	}
	if a.env.Library != nil {
		a.lib = a.env.Library
		return a.lib, nil
	}
	fsys, err := a.contentFS()
	if err != nil {
		return nil, err
	}
	lib, err := library.LoadFor(fsys, a.first.Lang, a.first.Page)
	if err != nil {
		return nil, usageErr(a.t().ContentRead, a.contentName(), err)
	}
	a.lib = lib
	return lib, nil
}

func (a *app) contentFS() (fs.FS, error) {
	if a.contentDir == "" {
		return content.FS(), nil
	}
	st, err := os.Stat(a.contentDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, usageErr(a.t().MissingDir, quote(a.contentDir))
	}
	if err != nil || !st.IsDir() {
		return nil, usageErr(a.t().ContentDir, quote(a.contentDir))
	}
	return os.DirFS(a.contentDir), nil
}

func (a *app) contentName() string {
	if a.contentDir == "" {
		return a.t().Embedded
	}
	return a.contentDir
}

// libraryAndLang loads the content and applies the language rule: what every
// command that shows pages needs first.
func (a *app) libraryAndLang() (*library.Library, string, error) {
	lib, err := a.library()
	if err != nil {
		return nil, "", err
	}
	lang, err := a.lang()
	return lib, lang, err
}

// lang applies the language rule to --lang and the environment.
func (a *app) lang() (string, error) {
	l, err := langs.Choose(a.langFlag, a.env.Getenv)
	if err == nil && strings.TrimSpace(a.langFlag) == "" && a.root != nil && a.root.PersistentFlags().Changed("lang") {
		err = errors.New("--lang given empty") // --lang "": a language was meant, none was said
	}
	if err != nil {
		return "", usageErr(a.t().UnknownLang, quote(a.langFlag), langs.List(a.t().Or))
	}
	return l, nil
}

// resolve turns page names into ids, or explains which names exist.
func (a *app) resolve(lib *library.Library, names []string) ([]string, error) {
	ids := make([]string, 0, len(names))
	for _, n := range names {
		id, ok := lib.Resolve(n)
		if !ok {
			return nil, a.unknownPage(lib, n)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// unknownPage names the pages in the reader's language, then in each other one
// where their names differ (the default language's names are the ids), and
// the page or command the name was perhaps meant to be (glosary, cyberdiplo
// lsit; see suggest.go).
func (a *app) unknownPage(lib *library.Library, name string) error {
	t, lang := a.t(), a.msgLang()
	names := map[string]string{}
	for _, l := range langs.All() {
		var ns []string
		for _, id := range lib.IDs() {
			n := id
			if p := lib.Page(l, id); p != nil && l != langs.Default() {
				if got, ok := lib.Resolve(p.Tab); ok && got == id {
					n = library.Fold(p.Tab)
				}
			}
			ns = append(ns, n)
		}
		names[l] = strings.Join(ns, ", ")
	}
	list, seen := names[lang], map[string]bool{names[lang]: true}
	for _, l := range langs.All() {
		if !seen[names[l]] {
			seen[names[l]] = true
			list += " (" + names[l] + ")"
		}
	}
	msg := fmt.Sprintf(t.UnknownPage, quote(name), list)
	if s, ok := search.Suggest(name, suggestCandidates(a.root, lib)); ok {
		if s.Command {
			msg += fmt.Sprintf(t.DidYouMean, s.Say)
		} else {
			msg += fmt.Sprintf(t.DidYouMeanPage, s.Say)
		}
	}
	return plainErr(msg)
}

func (a *app) cache() *render.Cache {
	if a.env.Cache == nil {
		a.env.Cache = render.NewCache(64)
	}
	return a.env.Cache
}

// newRoot builds the command tree. restricted leaves out everything but the
// read-only commands (list, show, search) and the --content flag: it is what an SSH
// visitor may run.
// restrictedRoot is the name of the kiosk's command tree, whose commands a
// visitor types without it.
const restrictedRoot = "COMMAND"

func newRoot(a *app, restricted bool) *cobra.Command {
	root := &cobra.Command{
		Use:   "cyberdiplo [PAGE[#ANCHOR]]",
		Short: "Italy's cyber diplomacy, in English and Italian, in your terminal",
		Long: "cyberdiplo shows a bilingual briefing on Italy's cyber diplomacy (EU, UN, NATO, OSCE).\n" +
			"With no command it opens the reader where it was last left; PAGE opens it on that page, PAGE#ANCHOR at that section.\n" +
			"The content is an unofficial summary of public pages of Italy's Ministry of Foreign Affairs.",
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if a.version {
				_, err := fmt.Fprint(cmd.OutOrStdout(), versionText())
				return err
			}
			return a.runReader(cmd, args)
		},
	}
	// --version is ours, not cobra's (root.Version): cobra prints a custom version
	// text through text/template, whose reflection keeps every exported method of
	// every type in the binary (0.4 MiB).
	root.Flags().BoolVarP(&a.version, "version", "v", false, "version for "+root.Name())
	root.SuggestionsMinimumDistance = 2 // "lsit" suggests list
	root.SetFlagErrorFunc(a.flagError)
	root.SetHelpFunc(a.help)
	a.root = root
	root.SetIn(a.env.In)
	root.SetOut(a.env.Out)
	root.SetErr(a.env.Err)
	pf := root.PersistentFlags()
	pf.StringVar(&a.langFlag, "lang", "", "language: en or it (default from LC_ALL, LC_MESSAGES, LANG)")
	if restricted {
		root.Use = restrictedRoot
		root.RunE = nil
		root.Args = nil
		root.CompletionOptions.DisableDefaultCmd = true
		root.AddCommand(newListCmd(a), newShowCmd(a), newSearchCmd(a))
		root.SetHelpCommand(&cobra.Command{Use: "help", Hidden: true})
		return root
	}
	pf.StringVar(&a.contentDir, "content", "", "read the content from `DIR` (with en/ and it/) instead of the built-in one")
	pf.StringVar(&a.styleFlag, "style", "auto", "style: auto, dark, light or ascii (auto is ascii when the locale is not UTF-8, such as LC_ALL=C)")
	root.PersistentPreRunE = a.checkOutput
	addReaderFlags(a, root)
	root.AddCommand(newListCmd(a), newShowCmd(a), newSearchCmd(a), newBriefCmd(a), newLintCmd(a), newServeCmd(a), newVersionCmd(), newManCmd(a))
	root.SetHelpCommand(newHelpCmd(a))
	a.initCompletionCmd(root)
	a.addCompletions(root)
	return root
}

// style validates --style. auto stays auto (the reader picks dark or light from
// the terminal) unless the locale says the terminal cannot show UTF-8: then it is
// ascii.
func (a *app) style() (string, error) {
	switch a.styleFlag {
	case "", "auto":
		if !utf8Locale(a.env.Getenv) {
			return "ascii", nil
		}
		return "auto", nil
	case "dark", "light", "ascii":
		return a.styleFlag, nil
	}
	return "", usageErr(a.t().UnknownStyle, quote(a.styleFlag))
}

// utf8Locale reports whether the locale's character set is UTF-8: the first of
// LC_ALL, LC_CTYPE and LANG that is set decides (as setlocale does). C, POSIX and
// any charset but UTF-8 (it_IT.ISO-8859-1) are not. With none of them set the
// terminal is taken to be UTF-8, as nearly every terminal and SSH client is
// (the POSIX default would be C, but a missing LANG is far more often an
// environment nobody set up than a terminal without UTF-8).
func utf8Locale(getenv func(string) string) bool {
	for _, k := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		v := getenv(k)
		if v == "" {
			continue
		}
		l := strings.ToLower(v)
		return strings.Contains(l, "utf-8") || strings.Contains(l, "utf8")
	}
	return true
}

// checkOutput runs before every command: it refuses a bad --style wherever it is
// given, and under the ascii style sends the text a command prints through
// textsafe's ASCII (JSON keeps its data as it is: it is not for a terminal).
func (a *app) checkOutput(cmd *cobra.Command, _ []string) error {
	if cmd.Flags().Lookup("style") == nil {
		return nil // the kiosk's restricted commands have no --style
	}
	style, err := a.style()
	if err != nil {
		return err
	}
	if style != "ascii" {
		return nil
	}
	switch cmd.Name() {
	case "show", "search", "list":
	default:
		return nil
	}
	if f := cmd.Flags().Lookup("json"); f != nil && f.Value.String() == "true" {
		return nil
	}
	if f := cmd.Flags().Lookup("format"); f != nil && f.Value.String() == "json" {
		return nil
	}
	cmd.SetOut(textsafe.NewASCIIWriter(cmd.OutOrStdout()))
	return nil
}

// echo is what a user typed, as an error message repeats it: at most maxEcho
// characters of it, control characters escaped; quoted with %q (textsafe.Quote),
// as it is with %s and %v (textsafe.Line).
type echo string

func (e echo) Format(f fmt.State, verb rune) {
	if verb == 'q' {
		_, _ = io.WriteString(f, textsafe.Quote(string(e), maxEcho))
		return
	}
	_, _ = io.WriteString(f, textsafe.Line(string(e), maxEcho))
}

func quote(s string) echo { return echo(s) }

// maxEcho bounds what an error message repeats of its input.
const maxEcho = 64

// maxMessage bounds the one line an error prints (whatever it quotes).
const maxMessage = 1000

// Execute runs the command line with args (without the program name) and returns
// the exit status. Errors are printed on env.Err as one line, in the reader's
// language.
func Execute(ctx context.Context, args []string, env Env) int {
	a := &app{env: withDefaults(env)}
	root := newRoot(a, false)
	root.SetArgs(args)
	return a.run(ctx, root)
}

// ExecuteRestricted runs one of the read-only commands for an SSH visitor: list,
// show or search, with plain output. Anything else is refused with exit status 1.
func ExecuteRestricted(ctx context.Context, args []string, env Env) int {
	a := &app{env: withDefaults(env)}
	if len(args) > 0 && args[0] == "brief" { // marks belong to the visitor's session, not to the server
		fmt.Fprintln(a.env.Err, "cyberdiplo: "+i18n.Marks(a.msgLang()).Kiosk)
		return 1
	}
	root := newRoot(a, true)
	if len(args) == 0 || (args[0] != "list" && args[0] != "show" && args[0] != "search") {
		// "shwo un": a misspelt command of those allowed here gets its
		// correction; anything else, the list of what runs here.
		if len(args) > 0 && !a.isPage(args[0]) && !isCommand(newRoot(&app{env: a.env}, false), args[0]) {
			a.root = root
			if s, ok := a.suggestFor(args[0]); ok && s.Command {
				fmt.Fprintln(a.env.Err, "cyberdiplo: "+fmt.Sprintf(a.t().NotACommand, quote(args[0]), strings.Join(a.corrected(s.Say, args[1:]), " ")))
				return 1
			}
		}
		fmt.Fprintln(a.env.Err, "cyberdiplo: "+a.t().Restricted)
		return 1
	}
	root.SetArgs(args)
	return a.run(ctx, root)
}

// isCommand reports whether name is a command (or an alias of one) of root.
func isCommand(root *cobra.Command, name string) bool {
	for _, c := range root.Commands() {
		if c.Name() == name || slices.Contains(c.Aliases, name) {
			return true
		}
	}
	return false
}

// run executes the command tree and reports an error in one line.
func (a *app) run(ctx context.Context, root *cobra.Command) int {
	cmd, err := root.ExecuteContextC(ctx)
	err = a.explain(cmd, err)
	if err != nil && err.Error() != "" {
		fmt.Fprintf(a.env.Err, "cyberdiplo: %s\n", textsafe.Line(firstLine(err), maxMessage))
	}
	return exitCode(err)
}

func withDefaults(env Env) Env {
	if env.In == nil {
		env.In = strings.NewReader("")
	}
	if env.Out == nil {
		env.Out = io.Discard
	}
	if env.Err == nil {
		env.Err = io.Discard
	}
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	return env
}
