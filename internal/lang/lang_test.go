package lang

import "testing"

func TestChoose(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	cases := []struct {
		flag   string
		getenv func(string) string
		want   string
	}{
		{"", nil, "en"},
		{"it", nil, "it"},
		{"IT", env("LANG", "en_GB"), "it"},
		{"italiano", nil, "it"},
		{" English ", nil, "en"},
		{"", env("LANG", "it_IT.UTF-8"), "it"},
		{"", env("LC_ALL", "en_US", "LANG", "it_IT"), "en"},
		{"", env("LC_MESSAGES", "it_CH", "LANG", "en_US"), "it"},
		{"", env("LC_ALL", "", "LC_MESSAGES", "", "LANG", "it"), "it"},
		{"", env("LANG", "C.UTF-8"), "en"},
	}
	for _, c := range cases {
		got, err := Choose(c.flag, c.getenv)
		if err != nil || got != c.want {
			t.Errorf("Choose(%q) = %q, %v; want %q", c.flag, got, err, c.want)
		}
	}
	if _, err := Choose("fr", nil); err == nil || err.Error() != `unknown language "fr": use en or it` {
		t.Errorf("Choose(fr): %v", err)
	}
}

func TestNamesAndOrder(t *testing.T) {
	for _, c := range [][3]string{
		{"it", "en", "Italian"}, {"it", "it", "italiano"}, {"en", "it", "inglese"}, {"en", "en", "English"},
		{"xx", "en", "xx"},
	} {
		if got := Name(c[0], c[1]); got != c[2] {
			t.Errorf("Name(%s, %s) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
	if Next("en") != "it" || Next("it") != "en" || Next("xx") != "en" {
		t.Errorf("Next: en→%s it→%s xx→%s", Next("en"), Next("it"), Next("xx"))
	}
	if Counterpart("en") != "it" || Counterpart("it") != "en" {
		t.Errorf("Counterpart: en→%s it→%s", Counterpart("en"), Counterpart("it"))
	}
	if List("or") != "en or it" {
		t.Errorf("List = %q", List("or"))
	}
}

// Every built-in language carries the data the content's checks and search read.
func TestEveryLanguageIsComplete(t *testing.T) {
	for _, l := range languages {
		if l.Self == "" || l.Equivalent == "" || l.Analysis == "" || len(l.Words) == 0 {
			t.Errorf("%s: a field is missing: %+v", l.Tag, l)
		}
		for _, m := range append(l.Months[:], l.Numbers[:]...) {
			if m == "" {
				t.Errorf("%s: a month or a number is missing: %q, %q", l.Tag, l.Months, l.Numbers)
			}
		}
		for _, o := range languages {
			if o.Tag != l.Tag && l.Names[o.Tag] == "" {
				t.Errorf("%s does not name %s", l.Tag, o.Tag)
			}
		}
	}
}

func TestRegister(t *testing.T) {
	saved := languages
	defer func() { languages = saved }()
	for _, bad := range []Language{{Tag: "", Self: "x"}, {Tag: "FR", Self: "x"}, {Tag: "en", Self: "x"}, {Tag: "fr"}, {Tag: "../x", Self: "x"}} {
		if err := Register(bad); err == nil {
			t.Errorf("Register(%q, %q) took it", bad.Tag, bad.Self)
		}
	}
	if err := Register(Language{Tag: "fr", Self: "français", Words: []string{"french"}}); err != nil {
		t.Fatal(err)
	}
	languages[2].NamedIn = map[string]string{"en": "French"}
	if Name("fr", "en") != "French" || Name("fr", "it") != "français" {
		t.Errorf("NamedIn: %q, %q", Name("fr", "en"), Name("fr", "it"))
	}
	languages[2].NamedIn = nil
	if Counterpart("fr") != "en" || Counterpart("en") != "it" || Counterpart("it") != "en" {
		t.Errorf("with fr: Counterpart fr→%s en→%s it→%s", Counterpart("fr"), Counterpart("en"), Counterpart("it"))
	}
	if Next("it") != "fr" || Next("fr") != "en" || List("or") != "en, it or fr" || Name("fr", "en") != "français" {
		t.Errorf("with fr: Next(it)=%s Next(fr)=%s List=%q Name=%q", Next("it"), Next("fr"), List("or"), Name("fr", "en"))
	}
	if l, err := Parse("French"); err != nil || l != "fr" || FromLocale("fr_FR.UTF-8") != "fr" {
		t.Errorf("Parse(French) = %q, %v; FromLocale = %q", l, err, FromLocale("fr_FR.UTF-8"))
	}
}
