package yaml

import (
	"regexp"
	"testing"
)

// The float syntax that isYAMLStyleFloat checks by hand is the regular
// expression upstream compiled at package init: every string of up to six
// characters from the characters that matter gets the same answer.
func TestIsYAMLStyleFloatIsTheRegexp(t *testing.T) {
	re := regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)
	const chars = "+-.eE09x\n"
	var walk func(s string)
	walk = func(s string) {
		if got, want := isYAMLStyleFloat(s), re.MatchString(s); got != want {
			t.Fatalf("isYAMLStyleFloat(%q) = %v, the regexp says %v", s, got, want)
		}
		if len(s) == 6 {
			return
		}
		for i := 0; i < len(chars); i++ {
			walk(s + chars[i:i+1])
		}
	}
	walk("")
	for _, s := range []string{"1.5", "-1.5e+10", ".5", "5.", "1e5", "+.5E-3", "2026-03", "1_000.5", "٣", "1.5é", "0x1p3"} {
		if got, want := isYAMLStyleFloat(s), re.MatchString(s); got != want {
			t.Errorf("isYAMLStyleFloat(%q) = %v, the regexp says %v", s, got, want)
		}
	}
}
