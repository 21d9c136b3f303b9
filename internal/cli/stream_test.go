package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// jsonList writes exactly what json.Encoder writes for the whole array.
func TestJSONListMatchesEncoder(t *testing.T) {
	type item struct {
		Name string   `json:"name"`
		List []string `json:"list"`
		HTML string   `json:"html"`
	}
	for _, n := range []int{0, 1, 3} {
		var items []item
		for i := range n {
			items = append(items, item{Name: strings.Repeat("x", i), List: []string{"a", "<b>"}, HTML: "<&>"})
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if items == nil {
			items = []item{}
		}
		if err := enc.Encode(items); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		l := newJSONList(&got)
		for i, it := range items {
			var err error
			if i%2 == 0 {
				err = l.add(it)
			} else {
				var b []byte
				if b, err = encodeElement(it); err == nil {
					err = l.addEncoded(b)
				}
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if err := l.close(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d items:\n got %q\nwant %q", n, got.String(), want.String())
		}
	}
}

// capped accepts n bytes, then fails every write, as the kiosk's output cap does.
type capped struct {
	buf    bytes.Buffer
	left   int
	writes int // writes tried after the cap
}

var errCapped = errors.New("output truncated")

func (c *capped) Write(p []byte) (int, error) {
	if c.left <= 0 {
		c.writes++
		return 0, errCapped
	}
	n := min(len(p), c.left)
	c.buf.Write(p[:n])
	c.left -= n
	if n < len(p) {
		return n, errCapped
	}
	return n, nil
}

// The commands stream: a page named 400 times is written as it goes, and the
// command stops at the first write that fails, with that error (exit 1 and one
// line), instead of building the whole output first. The same page is rendered
// once, however many times it is named.
func TestCommandsStopAtTheFirstFailedWrite(t *testing.T) {
	many := func(arg string) []string {
		args := []string{"show"}
		for range 400 {
			args = append(args, arg)
		}
		return args
	}
	cases := map[string][]string{
		"show json":     append(many("glossary"), "--format", "json"),
		"show plain":    append(many("un"), "--format", "plain"),
		"show section":  append(many("un#key-facts"), "--format", "plain"),
		"show markdown": append(many("nato"), "--format", "markdown"),
		"show anchors":  append(many("un"), "--anchors"),
		"search json":   {"search", "cyber", "--json", "--limit", "100000"},
		"search":        {"search", "cyber", "--limit", "100000"},
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			out := &capped{left: 2000}
			var errs strings.Builder
			env := Env{Out: out, Err: &errs, Getenv: func(string) string { return "" }}
			code := ExecuteRestricted(t.Context(), args, env)
			if code != 1 || strings.TrimSpace(errs.String()) != "cyberdiplo: output truncated" {
				t.Errorf("exit %d, stderr %q; want 1 and the write's error", code, errs.String())
			}
			if out.buf.Len() != 2000 || out.writes > 2 {
				t.Errorf("%d bytes written, %d writes after the cap", out.buf.Len(), out.writes)
			}
		})
	}
	// Rendered once: the section's render is cached like a page.
	var out bytes.Buffer
	a := &app{env: withDefaults(Env{Out: &out})}
	root := newRoot(a, true)
	root.SetArgs(many("un#key-facts"))
	if code := a.run(t.Context(), root); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if n := a.cache().Renders(); n != 1 {
		t.Errorf("%d renders for one section named 400 times, want 1", n)
	}
}
