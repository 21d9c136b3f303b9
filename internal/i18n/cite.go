package i18n

import (
	"strconv"
	"strings"

	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
)

// Cite holds the words of a citation line ("show --cite") in one language.
type Cite struct {
	Sources  string     // "Sources" before the list of sources
	Briefing string     // what the briefing is and the date it is current to: "%s" is the date
	months   [12]string // the language's months (internal/lang), set by CiteFor
}

// CiteFor returns the citation words of a language (the default language's for
// one without a catalog).
func CiteFor(lang string) *Cite {
	cat := Of(lang)
	c := cat.Cite
	if l, ok := langs.Get(cat.Lang); ok {
		c.months = l.Months
	}
	return &c
}

// Date writes a date of the content ("2026-03", "2026-03-05") as a reader says it:
// "March 2026", "5 March 2026" ("marzo 2026", "5 marzo 2026"). Anything else is
// returned as it is.
func (c *Cite) Date(s string) string {
	parts := strings.Split(s, "-")
	if len(parts) < 2 || len(parts) > 3 || len(parts[0]) != 4 {
		return s
	}
	if _, err := strconv.Atoi(parts[0]); err != nil {
		return s
	}
	m, err := strconv.Atoi(parts[1])
	if err != nil || len(parts[1]) != 2 || m < 1 || m > 12 {
		return s
	}
	out := c.months[m-1] + " " + parts[0]
	if len(parts) == 3 {
		d, err := strconv.Atoi(parts[2])
		if err != nil || len(parts[2]) != 2 || d < 1 || d > 31 {
			return s
		}
		out = strconv.Itoa(d) + " " + out
	}
	return out
}
