package tui

import "github.com/cyberdiplo/cyberdiplo/internal/i18n"

// KeyHelp is one row of the help overlay: the keys, and what they do.
type KeyHelp struct{ Keys, Does string }

// HelpKeys are the rows of the help overlay in lang, in its order, for a
// briefing of tabs pages: the man page's KEYS section is written from them, so
// the two cannot disagree.
func HelpKeys(lang string, tabs int) []KeyHelp {
	var rows []KeyHelp
	for _, b := range newKeyMap(i18n.For(lang), i18n.Marks(lang), tabs).helpBindings() {
		rows = append(rows, KeyHelp{Keys: b.Help().Key, Does: b.Help().Desc})
	}
	return rows
}
