package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// readableTheme is Fyne's stock theme with the colours that carry text
// changed so every text meets WCAG AA contrast (4.5:1) on every surface it
// is drawn on, in both variants: the stock light theme draws secondary text
// (low-importance labels, which use the "disabled" colour) in #e3e3e3 on
// white, 1.3:1, nearly invisible, and worse on a selected row.
// theme_test.go computes every ratio from these colours.
//
// Disabled controls keep looking disabled through their flat button
// background and the missing hover, not through unreadable text.
type readableTheme struct {
	fyne.Theme
	// fixed pins the variant (Settings → Theme); nil follows the system.
	fixed *fyne.ThemeVariant
}

func newReadableTheme(fixed *fyne.ThemeVariant) fyne.Theme {
	return readableTheme{Theme: theme.DefaultTheme(), fixed: fixed}
}

// The overrides per variant; everything else is Fyne's.
var readableColors = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNameForeground:  rgb(0x26, 0x26, 0x26),
		theme.ColorNameDisabled:    rgb(0x55, 0x55, 0x55), // secondary text: 5.1:1 on a selected row
		theme.ColorNamePlaceHolder: rgb(0x66, 0x66, 0x66),
		theme.ColorNamePrimary:     rgb(0x1d, 0x5f, 0xd6), // white on it: 5.7:1
		theme.ColorNameError:       rgb(0xc6, 0x28, 0x28),
		theme.ColorNameWarning:     rgb(0x9a, 0x5b, 0x00), // warning text (the read-only banner)
		theme.ColorNameSuccess:     rgb(0x2e, 0x7d, 0x32),
		theme.ColorNameHyperlink:   rgb(0x17, 0x4e, 0xa6),
		theme.ColorNameSelection:   color.NRGBA{R: 0x1d, G: 0x5f, B: 0xd6, A: 0x33},
	},
	theme.VariantDark: {
		theme.ColorNameForeground:  rgb(0xf3, 0xf3, 0xf3),
		theme.ColorNameDisabled:    rgb(0xb4, 0xb4, 0xb9),
		theme.ColorNamePlaceHolder: rgb(0xa6, 0xa6, 0xab),
		theme.ColorNamePrimary:     rgb(0x1d, 0x5f, 0xd6),
		theme.ColorNameHyperlink:   rgb(0x8a, 0xb4, 0xf8), // link text on the dark background
		theme.ColorNameError:       rgb(0xff, 0x66, 0x59),
		theme.ColorNameWarning:     rgb(0xff, 0xa7, 0x26),
		theme.ColorNameSuccess:     rgb(0x66, 0xbb, 0x6a),
		theme.ColorNameSelection:   color.NRGBA{R: 0x29, G: 0x6f, B: 0xf6, A: 0x55},
	},
}

func rgb(r, g, b uint8) color.Color { return color.NRGBA{R: r, G: g, B: b, A: 0xff} }

func (t readableTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.fixed != nil {
		v = *t.fixed
	}
	if c, ok := readableColors[v][n]; ok {
		return c
	}
	return t.Theme.Color(n, v)
}
