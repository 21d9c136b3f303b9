// Package i18n holds the user-interface strings in each language and the rule that
// picks the language.
package i18n

import (
	"fmt"
	"strings"
)

// Choose applies the one language rule used everywhere: the flag if given; else the
// first of LC_ALL, LC_MESSAGES, LANG that is set and non-empty: Italian if it starts
// with "it", English otherwise. getenv may be nil (no environment).
func Choose(flag string, getenv func(string) string) (string, error) {
	if flag != "" {
		return Parse(flag)
	}
	if getenv == nil {
		return "en", nil
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			return FromLocale(v), nil
		}
	}
	return "en", nil
}

// FromLocale maps a locale ("it_IT.UTF-8", "en_GB") to a language of the briefing.
func FromLocale(v string) string {
	if strings.HasPrefix(strings.ToLower(v), "it") {
		return "it"
	}
	return "en"
}

// Parse validates a language given by a user.
func Parse(s string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "en", "english", "inglese":
		return "en", nil
	case "it", "italian", "italiano":
		return "it", nil
	}
	return "", fmt.Errorf("unknown language %q: use en or it", s)
}

// Other returns the other language of the briefing.
func Other(lang string) string {
	if lang == "it" {
		return "en"
	}
	return "it"
}
