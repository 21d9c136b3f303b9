package search

import (
	"strings"
	"unicode/utf8"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

// Suggestions for a misspelt name ("serch", "show unn", "glosary", "onuu"):
// the closest of the names a user may type (commands, page ids, the pages'
// tabs and titles in every language), by the edit distance search uses,
// within the edits search allows a suggestion (SuggestEdits: one up to 6
// letters, two from 7). The command line and the line mode both use it.

// Name is one name a user may type, and what to suggest for it.
type Name struct {
	Typed   string // folded (library.Fold), as compared
	Say     string // what to type: a command, or a page name Resolve accepts
	Command bool
}

// PageNames lists the names of the pages of lib a user may type: each id, and
// each language's tab and title.
func PageNames(lib *library.Library) []Name {
	if lib == nil {
		return nil
	}
	var ns []Name
	for _, id := range lib.IDs() {
		ns = append(ns, Name{Typed: id, Say: id})
		for _, lang := range library.Languages() {
			p := lib.Page(lang, id)
			if p == nil {
				continue
			}
			// A tab is a name the reader accepts when it resolves to the page.
			if tab := library.Fold(p.Tab); tab != "" {
				say := id
				if got, ok := lib.Resolve(tab); ok && got == id {
					say = tab
				}
				ns = append(ns, Name{Typed: tab, Say: say})
			}
			if title := library.Fold(p.Title); title != "" {
				ns = append(ns, Name{Typed: title, Say: id})
			}
		}
	}
	return ns
}

// Suggest returns the name closest to what was typed, within the edits search
// allows; of two as close, the one sharing the longer start with it ("nat" is
// nato, not man), then the first listed. False when none is close, or when
// what was typed is itself one of the names.
func Suggest(typed string, names []Name) (Name, bool) {
	t := library.Fold(strings.TrimSpace(typed))
	n := utf8.RuneCountInString(t)
	if n < 2 {
		return Name{}, false
	}
	k := SuggestEdits(n)
	var best Name
	bestD, bestP := k+1, -1
	for _, c := range names {
		if c.Typed == t {
			continue // what was typed is no typo of itself
		}
		d := EditDistance(t, c.Typed, k)
		if d > k {
			continue
		}
		p := commonPrefix(t, c.Typed)
		if d < bestD || d == bestD && p > bestP {
			best, bestD, bestP = c, d, p
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
