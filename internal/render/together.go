package render

import "strings"

// Dates are never broken across lines: "12 March" and "12 marzo" are one unit
// for a reader (and for a reader comparing two columns, where a date cut in one
// column and whole in the other is hard to match). Before wrapping, the space
// between a day and a month becomes a no-break space, which the wrapper keeps;
// the drawn lines get a plain space back (doc.go).

const nbsp = "\u00a0"

// months are the month names in the briefing's languages, lower case.
var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"gennaio": true, "febbraio": true, "marzo": true, "aprile": true, "maggio": true, "giugno": true,
	"luglio": true, "agosto": true, "settembre": true, "ottobre": true, "novembre": true, "dicembre": true,
}

// keepDatesTogether returns src with the space of each "DAY MONTH" turned into a
// no-break space. A day is one or two digits standing alone.
func keepDatesTogether(src []byte) []byte {
	var out []byte // allocated at the first date
	last := 0
	for i := 1; i+1 < len(src); i++ {
		if src[i] != ' ' || !isDigit(src[i-1]) {
			continue
		}
		d := i - 1
		for d > 0 && isDigit(src[d-1]) {
			d--
		}
		if i-d > 2 || (d > 0 && (isLetter(src[d-1]) || src[d-1] == '.' || src[d-1] == ',')) {
			continue
		}
		j := i + 1
		for j < len(src) && isLetter(src[j]) {
			j++
		}
		if !months[strings.ToLower(string(src[i+1:j]))] {
			continue
		}
		out = append(out, src[last:i]...)
		out = append(out, nbsp...)
		last = i + 1
	}
	if out == nil {
		return src
	}
	return append(out, src[last:]...)
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }
