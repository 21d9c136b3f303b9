package search

// oneVersion keeps one row per section: of the rows that are the same section
// in several languages (aligned as library.CounterpartSection pairs them, the
// glossary through the term base), only the first, the best ranked; a section
// with no counterpart keeps its row. It is the last step before the rows are
// cut to Options.Limit, so that a limit and a count are of sections, and the
// search box, the line mode and the search command list each section once,
// whatever order the ranking gives the languages' rows.
func (ix *Index) oneVersion(rows []row) []row {
	if len(ix.langs) < 2 {
		return rows
	}
	type version struct {
		li  *langIndex
		doc int32
	}
	taken := make(map[version]bool, len(rows)*len(ix.langs))
	out := rows[:0]
	for _, r := range rows {
		if taken[version{r.li, r.doc}] {
			continue
		}
		for _, li := range ix.langs {
			if d := ix.counterpart(r.li, r.doc, li); d >= 0 {
				taken[version{li, d}] = true
			}
		}
		taken[version{r.li, r.doc}] = true
		out = append(out, r)
	}
	return out
}
