package cli

import (
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/search"
)

// Suggestions for a misspelt command or page ("cyberdiplo serch oewg", "show
// unn", "glosary", "onuu"): the closest of the commands (and their aliases),
// the page ids, and the pages' tabs and titles in both languages, by the edit
// distance search uses, within the edits search allows a suggestion
// (search.SuggestEdits: one up to 6 letters, two from 7).

// suggestion is what a misspelt name was probably meant to be.
type suggestion struct {
	name    string // what to type: a command, or a page name Resolve accepts
	command bool
}

// candidate is one name a user may type, and what it stands for.
type candidate struct {
	typed string // folded, as compared
	suggestion
}

// suggestCandidates lists the commands of root a user may type and the names
// of the pages of lib, in both languages.
func suggestCandidates(root *cobra.Command, lib *library.Library) []candidate {
	var cs []candidate
	if root != nil {
		for _, c := range root.Commands() {
			if !c.IsAvailableCommand() {
				continue
			}
			for _, n := range append([]string{c.Name()}, c.Aliases...) {
				cs = append(cs, candidate{library.Fold(n), suggestion{n, true}})
			}
		}
	}
	if lib == nil {
		return cs
	}
	for _, id := range lib.IDs() {
		cs = append(cs, candidate{id, suggestion{name: id}})
		for _, lang := range library.Languages() {
			p := lib.Page(lang, id)
			if p == nil {
				continue
			}
			// A tab is a name the reader accepts when it resolves to the page.
			if tab := library.Fold(p.Tab); tab != "" {
				name := id
				if got, ok := lib.Resolve(tab); ok && got == id {
					name = tab
				}
				cs = append(cs, candidate{tab, suggestion{name: name}})
			}
			if title := library.Fold(p.Title); title != "" {
				cs = append(cs, candidate{title, suggestion{name: id}})
			}
		}
	}
	return cs
}

// suggestName returns the candidate closest to what was typed, within the
// edits search allows; of two as close, the one sharing the longer start with
// it ("nat" is nato, not man), then the first listed. False when none is close.
func suggestName(typed string, cs []candidate) (suggestion, bool) {
	t := library.Fold(strings.TrimSpace(typed))
	n := utf8.RuneCountInString(t)
	if n < 2 {
		return suggestion{}, false
	}
	k := search.SuggestEdits(n)
	var best suggestion
	bestD, bestP := k+1, -1
	for _, c := range cs {
		if c.typed == t {
			continue // what was typed is no typo of itself
		}
		d := search.EditDistance(t, c.typed, k)
		if d > k {
			continue
		}
		p := commonPrefix(t, c.typed)
		if d < bestD || d == bestD && p > bestP {
			best, bestD, bestP = c.suggestion, d, p
		}
	}
	return best, bestD <= k
}

// commonPrefix is the length in bytes of the start a and b share.
func commonPrefix(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}

// suggestFor returns the command or page name was probably meant to be.
func (a *app) suggestFor(name string) (suggestion, bool) {
	var lib *library.Library
	if l, err := a.library(); err == nil {
		lib = l
	}
	return suggestName(name, suggestCandidates(a.root, lib))
}
