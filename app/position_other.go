//go:build !linux || !cgo

package app

func windowGeometry() (x, y, w, h int, ok bool) { return 0, 0, 0, 0, false }

func moveWindow(x, y int) bool { return false }
