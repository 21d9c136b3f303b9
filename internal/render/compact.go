package render

import (
	"strings"
)

// compact rewrites a line of Glamour output with fewer escape sequences and the
// same look. Glamour styles every word and every space as its own run
// ("ESC[38;5;252m ESC[m" for one space), which costs every frame: terminals, SSH
// links and the frame renderer all parse it. Two rules, both invisible:
//   - a run of spaces whose style is only a foreground colour is plain spaces
//     (a foreground colour does not show on a space);
//   - neighbouring runs with the same style become one run.
//
// A line holding anything but "ESC[…m text ESC[m" runs and plain text is returned
// as it is.
func compact(line string) string {
	if !strings.Contains(line, "\x1b[") {
		return line
	}
	type run struct{ style, text string }
	var runs []run
	s := line
	for len(s) > 0 {
		i := strings.Index(s, "\x1b[")
		if i != 0 {
			if i < 0 {
				i = len(s)
			}
			runs = append(runs, run{text: s[:i]})
			s = s[i:]
			continue
		}
		end := strings.IndexByte(s, 'm')
		if end < 0 || !isSGRParams(s[2:end]) {
			return line
		}
		style := s[2:end]
		s = s[end+1:]
		if style == "" || style == "0" {
			continue // a reset with nothing open: drop it
		}
		j := strings.Index(s, "\x1b[")
		if j < 0 || !(strings.HasPrefix(s[j:], "\x1b[m") || strings.HasPrefix(s[j:], "\x1b[0m")) {
			return line // not a closed run: leave the line alone
		}
		runs = append(runs, run{style: style, text: s[:j]})
		s = s[j+strings.IndexByte(s[j:], 'm')+1:]
	}
	var b strings.Builder
	b.Grow(len(line) / 2)
	cur := run{}
	flush := func() {
		if cur.text == "" {
			return
		}
		if cur.style == "" {
			b.WriteString(cur.text)
		} else {
			b.WriteString("\x1b[" + cur.style + "m" + cur.text + "\x1b[m")
		}
	}
	for _, r := range runs {
		if r.style != "" && strings.Trim(r.text, " ") == "" && foregroundOnly(r.style) {
			r.style = ""
		}
		if r.style == cur.style {
			cur.text += r.text
			continue
		}
		flush()
		cur = r
	}
	flush()
	return b.String()
}

func isSGRParams(p string) bool {
	for i := 0; i < len(p); i++ {
		if (p[i] < '0' || p[i] > '9') && p[i] != ';' {
			return false
		}
	}
	return true
}

// foregroundOnly reports whether SGR parameters set nothing but a foreground colour.
func foregroundOnly(p string) bool {
	parts := strings.Split(p, ";")
	switch {
	case len(parts) == 1:
		n := parts[0]
		return len(n) == 2 && (n[0] == '3' || n[0] == '9') && n[1] >= '0' && n[1] <= '7'
	case len(parts) == 3 && parts[0] == "38" && parts[1] == "5":
		return true
	case len(parts) == 5 && parts[0] == "38" && parts[1] == "2":
		return true
	}
	return false
}
