//go:build !linux || !cgo

package app

// workArea cannot be told here; the window keeps its preferred size.
func workArea() (w, h int, ok bool) { return 0, 0, false }
