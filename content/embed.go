// Package content embeds the briefing: en/*.md and it/*.md (see docs/CONTENT.md).
package content

import (
	"embed"
	"io/fs"
)

// Everything here: the pages, sources.yaml and terms.yaml when they exist (a
// pattern that names a missing file would not compile).
//
//go:embed *
var files embed.FS

// FS returns the embedded briefing, laid out as <lang>/<id>.md.
func FS() fs.FS { return files }
