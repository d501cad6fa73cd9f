// Package assets embeds the files Attaché ships inside its binary: the
// application icon now, and the PDF fonts and sample library as they come.
package assets

import _ "embed"

// Icon is the application icon, 512×512 PNG.
//
//go:embed icon.png
var Icon []byte
