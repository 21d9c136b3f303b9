// Package content embeds the briefing: en/*.md and it/*.md (see docs/CONTENT.md).
package content

import (
	"embed"
	"io/fs"
)

// The pages, the sources they rest on and the term base behind the glossary.
//
//go:embed en/*.md it/*.md sources.yaml terms.yaml
var files embed.FS

// FS returns the embedded briefing, laid out as <lang>/<id>.md.
func FS() fs.FS { return files }
