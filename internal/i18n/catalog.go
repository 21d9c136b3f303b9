// Package i18n holds the words of the user interface: one Catalog per language
// of the briefing (catalog_<tag>.go), reached through the language's tag (the
// languages themselves, and the rule that picks one, are internal/lang).
package i18n

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
)

// Catalog is every word of the user interface in one language: the reader and
// its tools, the kiosk, the line mode, marks and the brief, the command line and
// its --help, the man page and citations. A language of the briefing
// (internal/lang) has one catalog, filled in catalog_<tag>.go; a test checks that
// no field of any catalog is left empty.
type Catalog struct {
	Lang   string // the language's tag (internal/lang)
	Reader Strings
	Line   LineStrings
	Marks  MarkStrings
	CLI    CLIStrings
	Man    ManStrings
	Cite   Cite
	// Help translates a help text of the command line, written in English where
	// the command is defined; false when it has no translation.
	Help func(english string) (string, bool)
}

// catalogs are the catalogs of the built-in languages, then those registered.
var catalogs = []*Catalog{&catalogEnglish, &catalogItalian}

// Register adds the catalog of a language registered with internal/lang (a
// briefing that brings its own language: the test of a third language does).
// A catalog with a field left empty is refused. Like lang.Register, call it
// before anything reads a catalog.
func Register(c *Catalog) error {
	if !langs.Known(c.Lang) {
		return fmt.Errorf("catalog for %q: register the language with internal/lang first", c.Lang)
	}
	if m := missing(c.Lang, reflect.ValueOf(*c)); len(m) > 0 {
		return fmt.Errorf("catalog for %q: empty: %s", c.Lang, strings.Join(m, ", "))
	}
	for _, o := range catalogs {
		if o.Lang == c.Lang {
			return fmt.Errorf("language %q has a catalog already", c.Lang)
		}
	}
	catalogs = append(catalogs, c)
	return nil
}

// Of returns the catalog of a language: the default language's for one that has
// none.
func Of(lang string) *Catalog {
	var def *Catalog
	for _, c := range catalogs {
		if c.Lang == lang {
			return c
		}
		if c.Lang == langs.Default() {
			def = c
		}
	}
	return def
}

// missing returns the paths of the exported fields of v left empty: an empty
// string, a nil func, an empty slice or map, an empty element of an array or
// slice. Register refuses such a catalog; a test checks the built-in ones.
func missing(path string, v reflect.Value) []string {
	switch v.Kind() {
	case reflect.String:
		if strings.TrimSpace(v.String()) == "" {
			return []string{path}
		}
	case reflect.Func, reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return []string{path}
		}
	case reflect.Map:
		if v.Len() == 0 {
			return []string{path}
		}
		var out []string
		for _, k := range v.MapKeys() {
			out = append(out, missing(path+"["+k.String()+"]", v.MapIndex(k))...)
		}
		return out
	case reflect.Slice, reflect.Array:
		if v.Len() == 0 {
			return []string{path}
		}
		var out []string
		for i := range v.Len() {
			out = append(out, missing(path+"["+strconv.Itoa(i)+"]", v.Index(i))...)
		}
		return out
	case reflect.Struct:
		var out []string
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				out = append(out, missing(path+"."+f.Name, v.Field(i))...)
			}
		}
		return out
	}
	return nil
}
