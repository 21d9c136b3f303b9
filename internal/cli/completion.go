package cli

import (
	"maps"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// Shell completion (bash, zsh, fish, PowerShell: cobra's scripts all call the
// hidden __complete command, which asks the functions below): page ids and their
// Italian names, PAGE#ANCHOR after a '#', and the values of every flag that takes
// one from a list.

// flagValues are the values of the flags that take one from a list, with what
// each means (the shells that show descriptions show these).
var flagValues = map[string][]cobra.Completion{
	"format":     {cobra.CompletionWithDesc("ansi", "colour, for a terminal"), cobra.CompletionWithDesc("plain", "plain text"), cobra.CompletionWithDesc("markdown", "the Markdown source"), cobra.CompletionWithDesc("json", "data, with the sources")},
	"style":      {cobra.CompletionWithDesc("auto", "from the terminal and the locale"), cobra.CompletionWithDesc("dark", "for a dark background"), cobra.CompletionWithDesc("light", "for a light background"), cobra.CompletionWithDesc("ascii", "ASCII characters only")},
	"log-format": {cobra.CompletionWithDesc("text", "one line per event"), cobra.CompletionWithDesc("json", "one JSON object per event")},
}

// addCompletions registers the completions of a command tree's arguments and flag
// values (every command that has the flag).
func (a *app) addCompletions(root *cobra.Command) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		all := maps.Clone(flagValues)
		all["lang"] = langCompletions()
		for name, values := range all {
			if c.Flags().Lookup(name) == nil && c.PersistentFlags().Lookup(name) == nil {
				continue
			}
			if _, ok := c.GetFlagCompletionFunc(name); ok {
				continue // a persistent flag registered on a parent already
			}
			_ = c.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
		}
		if c.PersistentFlags().Lookup("content") != nil {
			_ = c.RegisterFlagCompletionFunc("content", dirsOnly)
		}
		switch c.Name() {
		case "show":
			c.ValidArgsFunction = a.completePages(-1)
		case "lint":
			c.ValidArgsFunction = func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
				if len(args) > 0 {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				return nil, cobra.ShellCompDirectiveFilterDirs
			}
		case "search", "list", "version", "man", "help", "serve":
			c.ValidArgsFunction = cobra.NoFileCompletions
		}
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	if root.Runnable() {
		root.ValidArgsFunction = a.completePages(1)
	}
}

func dirsOnly(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return nil, cobra.ShellCompDirectiveFilterDirs
}

// completePages completes PAGE, or PAGE#ANCHOR once a '#' is typed; most is how
// many pages the command takes (-1: any number).
func (a *app) completePages(most int) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if most >= 0 && len(args) >= most {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		lib, err := a.library()
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		lang := a.msgLang()
		if name, prefix, ok := strings.Cut(toComplete, "#"); ok {
			return anchorCompletions(lib, lang, name, prefix), cobra.ShellCompDirectiveNoFileComp
		}
		return pageCompletions(lib, lang, toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

// pageCompletions are the pages whose id or Italian name starts with prefix (case
// and accents aside), each with its title in lang.
func pageCompletions(lib *library.Library, lang, prefix string) []cobra.Completion {
	want := library.Fold(prefix)
	var out []cobra.Completion
	for _, id := range lib.IDs() {
		for _, name := range pageNames(lib, id) {
			if strings.HasPrefix(name, want) {
				out = append(out, cobra.CompletionWithDesc(name, pageTitle(lib, lang, id)))
			}
		}
	}
	return out
}

// langCompletions are --lang's values: each language's tag, with its name in
// itself.
func langCompletions() []cobra.Completion {
	var out []cobra.Completion
	for _, l := range langs.All() {
		out = append(out, cobra.CompletionWithDesc(l, langs.Name(l, l)))
	}
	return out
}

// pageNames are the names a page answers to: its id, then its tab name in each
// other language (onu, glossario) when the library resolves it to the page.
func pageNames(lib *library.Library, id string) []string {
	names := []string{id}
	for _, l := range langs.All()[1:] {
		if p := lib.Page(l, id); p != nil {
			n := library.Fold(p.Tab)
			if got, ok := lib.Resolve(n); ok && got == id && !slices.Contains(names, n) && !strings.ContainsAny(n, " \t") {
				names = append(names, n)
			}
		}
	}
	return names
}

func pageTitle(lib *library.Library, lang, id string) string {
	if p := lib.Page(lang, id); p != nil {
		return p.Title
	}
	for _, l := range langs.All() {
		if p := lib.Page(l, id); p != nil {
			return p.Title
		}
	}
	return ""
}

// anchorCompletions are name#anchor for the headings of the page name whose
// anchor starts with prefix: in lang, or in the other language when none of
// lang's does (show takes either).
func anchorCompletions(lib *library.Library, lang, name, prefix string) []cobra.Completion {
	id, ok := lib.Resolve(name)
	if !ok {
		return nil
	}
	want := library.Slug(prefix)
	if prefix == "" {
		want = ""
	}
	for _, l := range append([]string{lang}, langs.All()...) {
		p := lib.Page(l, id)
		if p == nil {
			continue
		}
		var out []cobra.Completion
		for _, s := range p.Sections {
			if s.Heading.Block < 0 || !strings.HasPrefix(s.Heading.Anchor, want) {
				continue
			}
			out = append(out, cobra.CompletionWithDesc(name+"#"+s.Heading.Anchor, s.Heading.Text))
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// initCompletionCmd adds cobra's completion command now (cobra would add it when
// the command runs) and makes it refuse a shell it does not know: left alone, it
// prints its help and exits 0 for "completion nope".
func (a *app) initCompletionCmd(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Args = cobra.ArbitraryArgs
		c.ValidArgsFunction = nil
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				a.help(cmd, nil)
				return nil
			}
			return usageErr(a.t().CompletionShell, quote(args[0]), commandNames(cmd))
		}
	}
}
