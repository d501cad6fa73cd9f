package app

import "fyne.io/fyne/v2"

// walkContainers visits o and the objects of every container under it
// (not the insides of widgets).
func walkContainers(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	if c, ok := o.(*fyne.Container); ok {
		for _, ch := range c.Objects {
			walkContainers(ch, fn)
		}
	}
}
