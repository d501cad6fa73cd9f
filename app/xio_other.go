//go:build !linux || !cgo

package app

// watchDisplay does nothing where there is no Xlib to lose.
func watchDisplay(func()) {}
