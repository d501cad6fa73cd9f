// Package assets embeds the files Attaché ships inside its binary: the
// application icon and the fonts PDF exports embed (see fonts/README.md for
// their licences).
package assets

import (
	"embed"
	"path"
)

// Icon is the application icon, 512×512 PNG.
//
//go:embed icon.png
var Icon []byte

//go:embed fonts/*.ttf
var fonts embed.FS

// Font returns the TrueType file fonts/name, or nil when there is none.
func Font(name string) []byte {
	b, err := fonts.ReadFile(path.Join("fonts", name))
	if err != nil {
		return nil
	}
	return b
}
