package i18n

// ---- The command line's --help in other languages ---------------------------------
//
// The help of each command and flag is written in English where the command is
// defined (internal/cli); a catalog translates it with its Help, keyed by the
// English text (catalog_it.go: helpItalian). A key that no longer matches (the
// English changed) is caught by a test of internal/cli, which asks for the
// translation of every help text --help shows.

// Help returns the help text english in lang: its translation, or english itself
// when the catalog has none.
func Help(lang, english string) string {
	if t, ok := Of(lang).Help(english); ok {
		return t
	}
	return english
}

// HasHelp reports whether every catalog translates english.
func HasHelp(english string) bool {
	for _, c := range catalogs {
		if _, ok := c.Help(english); !ok {
			return false
		}
	}
	return true
}

// sameHelp is the Help of the catalog of --help's own language: each text is its
// own translation.
func sameHelp(english string) (string, bool) { return english, true }
