package cli

import (
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
