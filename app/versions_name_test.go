package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/attache/attache/widgets"
)

// A version saved by hand takes the name typed for it; left empty it is
// "Saved by hand".
func TestAVersionSavedByHandIsNamed(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	id := c.d.b.ID
	for _, tc := range []struct{ typed, want string }{{"Sent to the desk", "Sent to the desk"}, {"  ", "Saved by hand"}} {
		fyne.DoAndWait(c.onHistory)
		var save *dialogButton
		eventually(t, "the Versions dialog", func() bool {
			fyne.DoAndWait(func() {
				walkOverlays(u, func(o fyne.CanvasObject) {
					if b, ok := o.(*dialogButton); ok && b.Text == "Save a version now…" {
						save = b
					}
				})
			})
			return save != nil
		})
		if tc.typed != "  " { // the first time: no version yet, and the preview says so
			eventually(t, "the preview saying there is none", func() bool {
				said := false
				fyne.DoAndWait(func() {
					walkOverlays(u, func(o fyne.CanvasObject) {
						if r, ok := o.(*widgets.Reader); ok {
							said = said || r.Text() == noVersionsYet
						}
					})
				})
				return said
			})
		}
		fyne.DoAndWait(func() { test.Tap(save) })
		var name *dialogEntry
		fyne.DoAndWait(func() { name, _ = u.win.Canvas().Focused().(*dialogEntry) })
		if name == nil || name.PlaceHolder != "Saved by hand" {
			t.Fatalf("the name field does not take the typing: %v", name)
		}
		typeOnUI(name, tc.typed)
		fyne.DoAndWait(func() { test.Tap(overlayButton(u, "Save version")) })
		eventually(t, "the version", func() bool {
			vs, _ := lib.Snapshots(context.Background(), id)
			return len(vs) > 0 && vs[0].Label == tc.want
		})
		// Found by a trial: the preview still said there were none.
		eventually(t, "the preview asking for a choice", func() bool {
			said := false
			fyne.DoAndWait(func() {
				walkOverlays(u, func(o fyne.CanvasObject) {
					if r, ok := o.(*widgets.Reader); ok {
						said = said || r.Text() == pickAVersion
					}
				})
			})
			return said
		})
		fyne.DoAndWait(func() {
			for overlays := u.win.Canvas().Overlays(); overlays.Top() != nil; {
				overlays.Remove(overlays.Top())
			}
		})
	}
}
