package i18n

import "fmt"

// Plural is a message that changes with a count: One for exactly one, Other for
// any other count (0, 2, 1000). English and Italian have these two forms alone
// for whole numbers (CLDR: "one" is n = 1 in both), so one rule serves both
// languages; a language with more forms would need a Plural of its own.
type Plural struct {
	One, Other string // formats: the count is the first argument
}

// N formats the message for a count n: the count first, then args.
func (p Plural) N(n int, args ...any) string {
	f := p.Other
	if n == 1 {
		f = p.One
	}
	return fmt.Sprintf(f, append([]any{n}, args...)...)
}
