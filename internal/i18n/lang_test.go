package i18n

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

func TestEveryStringIsTranslated(t *testing.T) {
	if For("it").Help == For("en").Help || For("it").Matches.Other == "" || For("en").Matches.One == "" {
		t.Fatal("Italian and English strings are not both filled in")
	}
}
