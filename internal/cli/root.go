// Package cli builds the cyberdiplo command line: the TUI (no command), show, list,
// search, lint, serve and version.
package cli

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/render"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
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
	lib        *library.Library
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
	lib, err := library.Load(fsys)
	if err != nil {
		return nil, usageErr("cannot read content from %s: %v", a.contentName(), err)
	}
	a.lib = lib
	return lib, nil
}

func (a *app) contentFS() (fs.FS, error) {
	if a.contentDir == "" {
		return content.FS(), nil
	}
	st, err := os.Stat(a.contentDir)
	if err != nil || !st.IsDir() {
		return nil, usageErr("--content %s: not a directory (it should hold en/ and it/)", a.contentDir)
	}
	return os.DirFS(a.contentDir), nil
}

func (a *app) contentName() string {
	if a.contentDir == "" {
		return "the embedded content"
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
	l, err := i18n.Choose(a.langFlag, a.env.Getenv)
	if err != nil {
		return "", usageErr("--lang: %v", err)
	}
	return l, nil
}

// resolve turns page names into ids, or explains which names exist.
func (a *app) resolve(lib *library.Library, names []string) ([]string, error) {
	ids := make([]string, 0, len(names))
	for _, n := range names {
		id, ok := lib.Resolve(n)
		if !ok {
			return nil, usageErr("unknown page %q: use one of %s (or panoramica, ue, onu, glossario, cronologia, informazioni)",
				n, strings.Join(lib.IDs(), ", "))
		}
		ids = append(ids, id)
	}
	return ids, nil
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
func newRoot(a *app, restricted bool) *cobra.Command {
	root := &cobra.Command{
		Use:   "cyberdiplo [PAGE]",
		Short: "Italy's cyber diplomacy, in English and Italian, in your terminal",
		Long: "cyberdiplo shows a bilingual briefing on Italy's cyber diplomacy (EU, UN, NATO, OSCE).\n" +
			"With no command it opens the reader; PAGE opens it on that page.\n" +
			"The content is an unofficial summary of public pages of Italy's Ministry of Foreign Affairs.",
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runReader(cmd, args)
		},
	}
	root.Version = strings.TrimSpace(versionText())
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageErr("%v (see %s --help)", err, c.CommandPath())
	})
	root.SetIn(a.env.In)
	root.SetOut(a.env.Out)
	root.SetErr(a.env.Err)
	pf := root.PersistentFlags()
	pf.StringVar(&a.langFlag, "lang", "", "language: en or it (default from LC_ALL, LC_MESSAGES, LANG)")
	if restricted {
		root.Use = "COMMAND"
		root.RunE = nil
		root.Args = nil
		root.CompletionOptions.DisableDefaultCmd = true
		root.AddCommand(newListCmd(a), newShowCmd(a), newSearchCmd(a))
		root.SetHelpCommand(&cobra.Command{Hidden: true})
		return root
	}
	pf.StringVar(&a.contentDir, "content", "", "read the content from `DIR` (with en/ and it/) instead of the built-in one")
	pf.StringVar(&a.styleFlag, "style", "auto", "style: auto, dark, light or ascii")
	addReaderFlags(a, root)
	root.AddCommand(newListCmd(a), newShowCmd(a), newSearchCmd(a), newLintCmd(a), newServeCmd(a), newVersionCmd())
	return root
}

// style validates --style and resolves it for non-interactive output.
func (a *app) style() (string, error) {
	switch a.styleFlag {
	case "", "auto":
		return "auto", nil
	case "dark", "light", "ascii":
		return a.styleFlag, nil
	}
	return "", usageErr("--style: unknown style %q: use auto, dark, light or ascii", a.styleFlag)
}

// Execute runs the command line with args (without the program name) and returns
// the exit status. Errors are printed on env.Err as one line.
func Execute(ctx context.Context, args []string, env Env) int {
	a := &app{env: withDefaults(env)}
	root := newRoot(a, false)
	root.SetArgs(args)
	err := fang.Execute(ctx, root,
		fang.WithoutVersion(),
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) {
			if err.Error() != "" {
				fmt.Fprintf(w, "cyberdiplo: %s\n", cobraMessage(err))
			}
		}),
	)
	return exitCode(classify(err))
}

// ExecuteRestricted runs one of the read-only commands for an SSH visitor: list,
// show or search, with plain output. Anything else is refused with exit status 1.
func ExecuteRestricted(ctx context.Context, args []string, env Env) int {
	a := &app{env: withDefaults(env)}
	if len(args) == 0 || (args[0] != "list" && args[0] != "show" && args[0] != "search") {
		fmt.Fprintln(a.env.Err, "cyberdiplo: only these commands are available here: list, show, search (for example: show un --lang it)")
		return 1
	}
	root := newRoot(a, true)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err != nil && err.Error() != "" {
		fmt.Fprintf(a.env.Err, "cyberdiplo: %s\n", cobraMessage(err))
	}
	return exitCode(classify(err))
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

// classify turns cobra's own errors (unknown command, wrong number of arguments)
// into usage errors.
func classify(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := err.(*exitError); ok {
		return err
	}
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "accepts ", "requires ", "invalid argument", "flag needs"} {
		if strings.Contains(msg, p) {
			return &exitError{code: 2, msg: msg}
		}
	}
	return err
}

func cobraMessage(err error) string {
	msg := strings.TrimSpace(err.Error())
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	return msg
}
