package search

import "testing"

func TestSuggest(t *testing.T) {
	ns := []Name{
		{Typed: "man", Say: "man", Command: true},
		{Typed: "nato", Say: "nato"},
		{Typed: "search", Say: "search", Command: true},
	}
	for typed, want := range map[string]string{"nat": "nato", "NAT": "nato", "serch": "search", "mann": "man"} {
		if s, ok := Suggest(typed, ns); !ok || s.Say != want {
			t.Errorf("%q: %q %v, want %q", typed, s.Say, ok, want)
		}
	}
	for _, typed := range []string{"nato", "x", "", "qqqq"} {
		if s, ok := Suggest(typed, ns); ok {
			t.Errorf("%q: suggests %q", typed, s.Say)
		}
	}
}
