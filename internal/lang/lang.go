// Package lang is the registry of the briefing's languages: the only code that
// knows their codes. A language is a Language here, a folder of the content named
// by its Tag, a column of the term base keyed by its Tag, and a message catalog
// (internal/i18n); nothing else in the program names a language.
//
// The rules for many languages, stated once:
//   - the first language is the default: it is read when neither --lang nor the
//     locale picks another, and lint pairs every other language with it;
//   - Next gives the language L switches to: the following one in this order,
//     round to the first after the last;
//   - Counterpart gives the one language a page is set against: the default,
//     and for the default the second (a glossary entry gives the term in it;
//     lint checks each language against the default);
//   - side by side pairs the language read with the one read before the last
//     switch (the reader keeps it), else with its Counterpart.
package lang

import (
	"fmt"
	"slices"
	"strings"
)

// Language is one language of the briefing.
type Language struct {
	// Tag is the language's code: the content folder ("en/"), the term base's
	// column, --lang's value, a locale's prefix (LANG=en_GB) and the kiosk's user.
	Tag string
	// Self is the language's name in itself ("English", "italiano").
	Self string
	// Names are other languages' names in this one, by tag: the language of a
	// page in a message ("This page has no Italian version"). A language missing
	// here is named by its Self.
	Names map[string]string
	// NamedIn is this language's name in other languages, by tag: what a
	// language added later brings for the languages that do not name it
	// ("French" in English). Names of the other language wins.
	NamedIn map[string]string
	// Words are the other names a user may type for the language in --lang
	// ("english", "inglese"), lower case.
	Words []string
	// Months are the months' names, January first, as the content writes them in
	// dates ("5 March 2026"): lint reads a month next to a number as a number.
	Months [12]string
	// Numbers are the numbers from two to ten written in words, in order, which
	// lint compares across languages ("six" and "sei" are 6).
	Numbers [9]string
	// Equivalent introduces, in a glossary entry of this language, the term in
	// another language: "In %s: " with the other language's name (Names).
	Equivalent string
	// Analysis names search's text analysis for the language (its stemmer and
	// spelling rules, internal/search); "" folds words only.
	Analysis string
}

// languages are the briefing's languages, the default first.
var languages = []Language{
	{
		Tag: "en", Self: "English", Names: map[string]string{"it": "Italian"},
		Words: []string{"english", "inglese"},
		Months: [12]string{"January", "February", "March", "April", "May", "June", "July",
			"August", "September", "October", "November", "December"},
		Numbers:    [9]string{"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"},
		Equivalent: "In %s: ", Analysis: "english",
	},
	{
		Tag: "it", Self: "italiano", Names: map[string]string{"en": "inglese"},
		Words: []string{"italian", "italiano"},
		Months: [12]string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
			"agosto", "settembre", "ottobre", "novembre", "dicembre"},
		Numbers:    [9]string{"due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci"},
		Equivalent: "In %s: ", Analysis: "italian",
	},
}

// Register adds a language after the built-in ones. It is for a briefing that
// brings its own language (the test of a third language does): call it before
// anything reads the registry (from init or TestMain); it is not safe to call
// while other goroutines read languages.
func Register(l Language) error {
	if l.Tag == "" || l.Tag != strings.ToLower(strings.TrimSpace(l.Tag)) || strings.ContainsAny(l.Tag, "/\\._ ") {
		return fmt.Errorf("language tag %q: use a lower-case code such as fr", l.Tag)
	}
	if _, ok := Get(l.Tag); ok {
		return fmt.Errorf("language %q is registered already", l.Tag)
	}
	if l.Self == "" {
		return fmt.Errorf("language %q: its name in itself (Self) is missing", l.Tag)
	}
	languages = append(languages, l)
	return nil
}

// All returns the tags of the languages, the default first (a new slice each
// time: no caller can change another's).
func All() []string {
	out := make([]string, len(languages))
	for i, l := range languages {
		out[i] = l.Tag
	}
	return out
}

// Default is the language read when nothing picks another: the first.
func Default() string { return languages[0].Tag }

// Get returns the language with a tag.
func Get(tag string) (Language, bool) {
	for _, l := range languages {
		if l.Tag == tag {
			return l, true
		}
	}
	return Language{}, false
}

// Known reports whether tag is a language of the briefing.
func Known(tag string) bool {
	_, ok := Get(tag)
	return ok
}

// Next is the language after tag, round to the first after the last: what L
// switches to. An unknown tag gives the default.
func Next(tag string) string {
	i := slices.Index(All(), tag)
	if i < 0 {
		return Default()
	}
	return languages[(i+1)%len(languages)].Tag
}

// Counterpart is the language a page of tag is set against where one other
// language is shown or checked (the term in a glossary entry, lint's pairs,
// side by side before any switch): the default language, and for the default
// the second language. With one language it is the default.
func Counterpart(tag string) string {
	if tag != Default() || len(languages) < 2 {
		return Default()
	}
	return languages[1].Tag
}

// Name is the name of language tag in language in: Name("it", "en") is
// "Italian", Name("it", "it") "italiano". A language the other does not name
// is called by its NamedIn, else by its own name; an unknown tag by the tag.
func Name(tag, in string) string {
	l, ok := Get(tag)
	if !ok {
		return tag
	}
	if tag == in {
		return l.Self
	}
	if o, ok := Get(in); ok {
		if n := o.Names[tag]; n != "" {
			return n
		}
	}
	if n := l.NamedIn[in]; n != "" {
		return n
	}
	return l.Self
}

// Label is the short name of language tag on a row or a status bar that has
// no room for its Name: its tag in capitals ("IT", "EN").
func Label(tag string) string { return strings.ToUpper(tag) }

// List writes the tags for a message: "en or it", "en, it or fr", with or
// the word for "or" in the message's language.
func List(or string) string {
	tags := All()
	if len(tags) == 1 {
		return tags[0]
	}
	return strings.Join(tags[:len(tags)-1], ", ") + " " + or + " " + tags[len(tags)-1]
}

// Parse reads a language a user gave: its tag or one of its words, in any case.
func Parse(s string) (string, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	for _, l := range languages {
		if v == l.Tag || slices.Contains(l.Words, v) {
			return l.Tag, nil
		}
	}
	return "", fmt.Errorf("unknown language %q: use %s", s, List("or"))
}

// FromLocale maps a locale ("it_IT.UTF-8", "en_GB") to a language of the
// briefing: the one whose tag starts it, else the default.
func FromLocale(v string) string {
	v = strings.ToLower(v)
	for _, l := range languages[1:] {
		if strings.HasPrefix(v, l.Tag) {
			return l.Tag
		}
	}
	return Default()
}

// Choose applies the one language rule used everywhere: the flag if given; else
// the first of LC_ALL, LC_MESSAGES, LANG that is set and non-empty, through
// FromLocale; else the default. getenv may be nil (no environment).
func Choose(flag string, getenv func(string) string) (string, error) {
	if flag != "" {
		return Parse(flag)
	}
	if getenv != nil {
		for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			if v := getenv(name); v != "" {
				return FromLocale(v), nil
			}
		}
	}
	return Default(), nil
}
