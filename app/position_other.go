//go:build !linux || !cgo

package app

func windowPosition() (x, y int, ok bool) { return 0, 0, false }

func moveWindow(x, y int) bool { return false }
