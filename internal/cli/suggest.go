package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
)

// Suggestions for a misspelt command or page ("cyberdiplo serch oewg", "show
// unn", "glosary", "onuu"): search.Suggest over the commands (and their
// aliases) and search.PageNames.

// suggestCandidates lists the commands of root a user may type and the names
// of the pages of lib, in every language.
func suggestCandidates(root *cobra.Command, lib *library.Library) []search.Name {
	var cs []search.Name
	if root != nil {
		for _, c := range root.Commands() {
			if !c.IsAvailableCommand() {
				continue
			}
			for _, n := range append([]string{c.Name()}, c.Aliases...) {
				cs = append(cs, search.Name{Typed: library.Fold(n), Say: n, Command: true})
			}
		}
	}
	return append(cs, search.PageNames(lib)...)
}

// suggestFor returns the command or page name was probably meant to be.
func (a *app) suggestFor(name string) (search.Name, bool) {
	var lib *library.Library
	if l, err := a.library(); err == nil {
		lib = l
	}
	return search.Suggest(name, suggestCandidates(a.root, lib))
}

// corrected is a misspelt command line with its command corrected to name and,
// for show, each page it names that is no page corrected to the page it was
// probably meant to be ("shwo unn" is "show un"); search's words are left as
// typed (search corrects them itself).
func (a *app) corrected(name string, args []string) []string {
	out := []string{name}
	for _, arg := range args {
		if name == "show" && !strings.HasPrefix(arg, "-") && !a.isPage(arg) {
			page, anchor, hasAnchor := strings.Cut(arg, "#")
			if s, ok := a.suggestFor(page); ok && !s.Command {
				arg = s.Say
				if hasAnchor {
					arg += "#" + anchor
				}
			}
		}
		out = append(out, arg)
	}
	return out
}
