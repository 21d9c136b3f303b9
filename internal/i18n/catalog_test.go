package i18n

import (
	"reflect"
	"strings"
	"testing"

	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
)

// Every field of every catalog is filled, every language has a catalog, and a
// message takes the same arguments in every language.
func TestEveryCatalogIsFilled(t *testing.T) {
	for _, c := range catalogs {
		for _, p := range missing(c.Lang, reflect.ValueOf(*c)) {
			t.Errorf("%s is empty", p)
		}
		if !langs.Known(c.Lang) {
			t.Errorf("catalog %q is for no language of internal/lang", c.Lang)
		}
	}
	for _, l := range langs.All() {
		if Of(l).Lang != l {
			t.Errorf("language %s has no catalog", l)
		}
	}
	// The test sees an empty field.
	c := catalogItalian
	c.Reader.Tools.KeySide, c.Help = "", nil
	if got := missing("it", reflect.ValueOf(c)); strings.Join(got, " ") != "it.Reader.Tools.KeySide it.Help" {
		t.Errorf("unfilled found %v", got)
	}
}

// A message takes the same arguments, in the same order, in every catalog (a
// missing %s would print "%!s(MISSING)").
func TestCatalogsTakeTheSameArguments(t *testing.T) {
	def := reflect.ValueOf(*Of(langs.Default()))
	var walk func(path string, a, b reflect.Value, lang string)
	walk = func(path string, a, b reflect.Value, lang string) {
		switch a.Kind() {
		case reflect.String:
			if av, bv := verb.FindAllString(a.String(), -1), verb.FindAllString(b.String(), -1); !reflect.DeepEqual(av, bv) {
				t.Errorf("%s: arguments %v in %s, %v in %s", path, av, langs.Default(), bv, lang)
			}
		case reflect.Struct:
			for i := range a.NumField() {
				if f := a.Type().Field(i); f.IsExported() {
					walk(path+"."+f.Name, a.Field(i), b.Field(i), lang)
				}
			}
		}
	}
	for _, c := range catalogs {
		walk(c.Lang, def, reflect.ValueOf(*c), c.Lang)
	}
}

func TestOfFallsBackToTheDefault(t *testing.T) {
	if Of("xx").Lang != langs.Default() || Of("it").Lang != "it" {
		t.Errorf("Of(xx) = %s, Of(it) = %s", Of("xx").Lang, Of("it").Lang)
	}
	if Help("it", "List the pages: id, tab label, title") != "Elenca le pagine: id, nome della scheda, titolo" ||
		Help("en", "List the pages: id, tab label, title") != "List the pages: id, tab label, title" ||
		Help("it", "no such text") != "no such text" {
		t.Error("Help translates wrongly")
	}
}

func TestRegisterRefusesAnIncompleteCatalog(t *testing.T) {
	c := catalogEnglish
	c.Lang = "it"
	if err := Register(&c); err == nil || !strings.Contains(err.Error(), "has a catalog already") {
		t.Errorf("a second Italian catalog: %v", err)
	}
	c.Lang, c.Line.Bye = "it", ""
	if err := Register(&c); err == nil || !strings.Contains(err.Error(), "it.Line.Bye") {
		t.Errorf("an empty field: %v", err)
	}
	c.Lang = "xx"
	if err := Register(&c); err == nil || !strings.Contains(err.Error(), "internal/lang") {
		t.Errorf("a language lang does not know: %v", err)
	}
	if len(catalogs) != 2 {
		t.Fatalf("%d catalogs", len(catalogs))
	}
}
