package render

import "regexp"

// linkRE matches an inline Markdown link whose target is not a web address.
var linkRE = regexp.MustCompile(`\[([^\]]*)\]\(([^)\s:]*)\)`)
