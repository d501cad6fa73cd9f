// Package widgets holds Attaché's custom Fyne widgets, chiefly the long-text
// reader that wraps an article quickly, reports selections as rune offsets
// and highlights stored excerpts, which no stock widget can do (see
// docs/design.md). Widgets call ExtendBaseWidget and take colours and sizes
// from the theme.
package widgets
