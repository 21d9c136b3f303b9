package library

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// quickFront reads the front matter's lines (between the two "---") without the
// YAML parser, for the narrow shape every page of the briefing has: one
// "key: value" per line for the known fields, each at most once; a plain value
// that YAML reads as itself (no quote, no comment, no indicator in front, not
// null); order a whole number; sources and aliases as "  - item" lines or a
// flow list "[a, b]" of such words; colour a flow map of double-quoted strings.
// Anything else, it declines (ok false) and the caller uses yaml, which also says
// what is wrong; so where quickFront answers, yaml would have given the same
// frontMatter (front_test.go checks both on the content and on variations of it).
// It spares the reader's start the parser for the 16 pages' headers (the largest
// single cost of its first frame after the render, ~12% of its CPU).
func quickFront(lines []string) (fm frontMatter, ok bool) {
	if len(lines) == 0 {
		return fm, false
	}
	seen := map[string]bool{}
	for i := 0; i < len(lines); i++ {
		key, value, found := strings.Cut(lines[i], ":")
		if !found || seen[key] || !plainKey(key) {
			return fm, false
		}
		seen[key] = true
		var list *[]string
		switch key {
		case "sources":
			list = &fm.Sources
		case "aliases":
			list = &fm.Aliases
		}
		if list != nil && value == "" {
			// A block list: the "  - item" lines that follow.
			for i+1 < len(lines) && strings.HasPrefix(lines[i+1], "  - ") {
				item := lines[i+1][len("  - "):]
				if !plainValue(item, false) {
					return fm, false
				}
				*list = append(*list, item)
				i++
			}
			if len(*list) == 0 {
				return fm, false
			}
			continue
		}
		v, spaced := strings.CutPrefix(value, " ")
		if !spaced {
			return fm, false
		}
		switch key {
		case "id", "title", "tab", "updated", "kind":
			if !plainValue(v, false) {
				return fm, false
			}
			switch key {
			case "id":
				fm.ID = v
			case "title":
				fm.Title = v
			case "tab":
				fm.Tab = v
			case "updated":
				fm.Updated = v
			case "kind":
				fm.Kind = v
			}
		case "order":
			if len(v) == 0 || len(v) > 9 || v[0] < '1' || v[0] > '9' {
				return fm, false
			}
			n, err := strconv.Atoi(v)
			if err != nil {
				return fm, false
			}
			fm.Order = n
		case "sources", "aliases":
			items, ok := flowList(v)
			if !ok {
				return fm, false
			}
			*list = items
		case "colour":
			c, ok := flowColour(v)
			if !ok {
				return fm, false
			}
			fm.Colour = &c
		default:
			return fm, false // a field yaml refuses (KnownFields)
		}
	}
	return fm, true
}

// plainKey reports whether key is a field name written as YAML reads it plainly
// (the names are lower-case words).
func plainKey(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		if key[i] < 'a' || key[i] > 'z' {
			return false
		}
	}
	return true
}

// plainValue reports whether v is a YAML plain scalar that a string field gets
// as it is written: not empty or null, no leading or trailing space, no
// indicator in front (- ? : , [ ] { } # & * ! | > ' " % @ `), no ": " or "#"
// (a mapping or a comment), no ending ":", only printable characters and no
// tab. In a flow list (flow), the flow indicators , [ ] { } and ":" are refused
// anywhere.
func plainValue(v string, flow bool) bool {
	switch v {
	case "", "~", "null", "Null", "NULL":
		return false
	}
	if strings.ContainsAny(v[:1], "-?:,[]{}#&*!|>'\"%@` ") || strings.HasSuffix(v, " ") || strings.HasSuffix(v, ":") ||
		strings.Contains(v, ": ") || strings.ContainsAny(v, "#\t") || flow && strings.ContainsAny(v, ",[]{}:") {
		return false
	}
	for _, r := range v {
		if !printable(r) {
			return false
		}
	}
	return true
}

// printable is YAML's printable set, less the line breaks and the byte order mark.
func printable(r rune) bool {
	switch {
	case r == utf8.RuneError:
		return false
	case r >= 0x20 && r <= 0x7e, r >= 0xa0 && r <= 0xd7ff, r >= 0xe000 && r <= 0xfffd && r != 0xfeff, r >= 0x10000 && r <= 0x10ffff:
		return true
	}
	return false
}

// flowList reads "[a, b]": plain words separated by ", ", at least one.
func flowList(v string) ([]string, bool) {
	inner, ok := strings.CutPrefix(v, "[")
	if !ok {
		return nil, false
	}
	if inner, ok = strings.CutSuffix(inner, "]"); !ok || inner == "" {
		return nil, false
	}
	items := strings.Split(inner, ", ")
	for _, it := range items {
		if !plainValue(it, true) {
			return nil, false
		}
	}
	return items, true
}

// flowColour reads `{dark: "#RRGGBB", light: "#RRGGBB"}` (either order, either
// alone), the values double-quoted without escapes.
func flowColour(v string) (Colour, bool) {
	var c Colour
	inner, ok := strings.CutPrefix(v, "{")
	if !ok {
		return c, false
	}
	if inner, ok = strings.CutSuffix(inner, "}"); !ok || inner == "" {
		return c, false
	}
	seen := map[string]bool{}
	for _, kv := range strings.Split(inner, ", ") {
		k, val, ok := strings.Cut(kv, ": ")
		if !ok || seen[k] || len(val) < 2 || val[0] != '"' || val[len(val)-1] != '"' {
			return c, false
		}
		seen[k] = true
		val = val[1 : len(val)-1]
		if strings.ContainsAny(val, "\"\\") {
			return c, false
		}
		for _, r := range val {
			if !printable(r) {
				return c, false
			}
		}
		switch k {
		case "dark":
			c.Dark = val
		case "light":
			c.Light = val
		default:
			return c, false
		}
	}
	return c, true
}
