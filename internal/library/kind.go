package library

import (
	"fmt"
	"sort"
	"strings"
)

// Pages say what they are. A page's front matter gives its kind, its colour on
// the timeline and the other names a reader may type for it; no code knows a page
// by its id.

// PageKind is what a page is, which decides how it is drawn and read.
type PageKind string

// The kinds of pages.
const (
	PagePlain    PageKind = "page"     // prose (the default)
	PageForum    PageKind = "forum"    // a forum Italy takes part in; its events on the timeline take its colour
	PageGlossary PageKind = "glossary" // "##" sections are entries of the term base (terms.yaml)
	PageTimeline PageKind = "timeline" // "##" sections are years, drawn down an axis
)

// pageKinds are the kinds, in the order docs and messages list them.
var pageKinds = []PageKind{PagePlain, PageForum, PageGlossary, PageTimeline}

// unique reports whether a briefing has at most one page of the kind.
func (k PageKind) unique() bool { return k == PageGlossary || k == PageTimeline }

// Colour is a page's colour on the timeline: one for dark backgrounds, one for
// light, each "#RRGGBB".
type Colour struct {
	Dark  string `yaml:"dark"`
	Light string `yaml:"light"`
}

// IsZero reports whether no colour is set.
func (c Colour) IsZero() bool { return c.Dark == "" && c.Light == "" }

func validHex(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, c := range s[1:] {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// checkKind validates the kind, colour and aliases of a page's front matter and
// fills them in; add reports a problem at a front matter field.
func (p *Page) checkKind(fm frontMatter, add func(field, format string, args ...any)) {
	p.Kind = PagePlain
	if fm.Kind != "" {
		ok := false
		for _, k := range pageKinds {
			ok = ok || PageKind(fm.Kind) == k
		}
		if ok {
			p.Kind = PageKind(fm.Kind)
		} else {
			names := make([]string, len(pageKinds))
			for i, k := range pageKinds {
				names[i] = string(k)
			}
			add("kind", "front matter: kind %q is not one of %s", fm.Kind, strings.Join(names, ", "))
		}
	}
	if fm.Colour != nil {
		c := *fm.Colour
		if !validHex(c.Dark) || !validHex(c.Light) {
			add("colour", "front matter: colour needs dark and light, each \"#RRGGBB\" (got dark %q, light %q)", c.Dark, c.Light)
		} else {
			p.Colour = c
		}
	}
	seen := map[string]bool{}
	for _, a := range fm.Aliases {
		f := Fold(strings.TrimSpace(a))
		switch {
		case f == "" || strings.ContainsAny(f, " \t#/"):
			add("aliases", "front matter: alias %q must be one word (no spaces, \"#\" or \"/\")", a)
		case seen[f]:
			add("aliases", "front matter: alias %q is given twice", a)
		default:
			seen[f] = true
			p.Aliases = append(p.Aliases, f)
		}
	}
}

// IDOfKind returns the id of the first page (in tab order) of a kind, or "".
func (l *Library) IDOfKind(k PageKind) string {
	for _, id := range l.IDs() {
		for _, lang := range Languages() {
			// The kind is front matter: no page model is parsed to find it.
			for _, p := range l.pages[lang] {
				if p.ID == id && p.Kind == k {
					return id
				}
			}
		}
	}
	return ""
}

// pageOfKind returns the page of a kind among one language's pages, or nil.
func pageOfKind(pages map[string]*Page, k PageKind) *Page {
	for _, id := range sortedKeys(pages) {
		if pages[id].Kind == k {
			return pages[id]
		}
	}
	return nil
}

// Resolve turns what a user typed (an id, an alias of any language, any case)
// into a page id.
func (l *Library) Resolve(name string) (string, bool) {
	n := Fold(strings.TrimSpace(name))
	for _, id := range l.IDs() {
		if id == n {
			return id, true
		}
	}
	for _, id := range l.IDs() {
		for _, lang := range Languages() {
			if p := l.Page(lang, id); p != nil {
				for _, a := range p.Aliases {
					if a == n {
						return id, true
					}
				}
			}
		}
	}
	return "", false
}

// colourLinks lets each page give its links the colour of the page they lead
// to, from the front matter alone, when its model is parsed (Page.colourLinks).
func (l *Library) colourLinks() {
	for _, lang := range Languages() {
		colours := map[string]Colour{}
		for _, q := range l.pages[lang] {
			colours[q.ID] = q.Colour
		}
		for _, p := range l.pages[lang] {
			p.linkColour = func(id string) Colour { return colours[id] }
		}
	}
}

// colourLinks gives each of the page's links the colour of the page it leads to.
func (p *Page) colourLinks() {
	if p.linkColour == nil {
		return
	}
	for i := range p.Links {
		p.Links[i].Colour = p.linkColour(p.Links[i].Page)
	}
}

// lintKinds checks what pages say they are across the briefing: one glossary
// and one timeline at most, the same kind and colour in every language, and
// aliases that lead to one page.
func lintKinds(pages map[string]map[string]*Page) []Problem {
	var out []Problem
	bad := func(p *Page, format string, args ...any) {
		out = append(out, Problem{Path: p.Path, Line: 1, Message: fmt.Sprintf(format, args...)})
	}
	langs := Languages()
	for _, lang := range langs {
		first := map[PageKind]*Page{}
		for _, id := range sortedKeys(pages[lang]) {
			p := pages[lang][id]
			if o := first[p.Kind]; o != nil && p.Kind.unique() {
				bad(p, "kind %s is also the kind of %s: a briefing has one %s", p.Kind, o.Path, p.Kind)
			} else if o == nil {
				first[p.Kind] = p
			}
			for _, other := range langs {
				q := pages[other][id]
				if other <= lang || q == nil {
					continue
				}
				if q.Kind != p.Kind {
					bad(q, "kind %s differs from %s (%s)", q.Kind, p.Path, p.Kind)
				}
				if q.Colour != p.Colour {
					bad(q, "colour %v differs from %s (%v): a page has one colour", q.Colour, p.Path, p.Colour)
				}
			}
		}
	}
	owner := map[string]*Page{} // alias -> the page it names
	ids := map[string]bool{}
	for _, lang := range langs {
		for id := range pages[lang] {
			ids[id] = true
		}
	}
	for _, lang := range langs {
		for _, id := range sortedKeys(pages[lang]) {
			p := pages[lang][id]
			for _, a := range p.Aliases {
				if ids[a] && a != id {
					bad(p, "alias %q is the id of another page", a)
					continue
				}
				if o, ok := owner[a]; ok && o.ID != id {
					bad(p, "alias %q is also an alias of %s: a name leads to one page", a, o.Path)
					continue
				}
				owner[a] = p
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}
