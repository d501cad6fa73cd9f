package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Found by a new user: two Settings hints were cut off on the right
// ("…0 keeps nor…", "…0 turns the check o…") at 800×600 and 1920×1080.
// No Settings row keeps a one-line hint; each help is a label wrapping
// whole in the column, and a field with a check still shows its error.
func TestSettingsHelpWraps(t *testing.T) {
	u, _ := newTestUI(t)
	dismissOverlays(u)
	for _, size := range []fyne.Size{{Width: 800, Height: 600}, {Width: 1920, Height: 1080}} {
		resize(u, size)
		openSettings(t, u)
		for _, it := range findForm(t, u).Items {
			if it.HintText != "" {
				t.Errorf("%v: %q keeps a one-line hint %q", size, it.Text, it.HintText)
			}
		}
		for _, end := range []string{"to read them as pages; 0 keeps none", "the present is flagged; 0 turns the check off"} {
			checkHelpWraps(t, u, size, end)
		}
		checkWindowLayout(t, u, "Settings")
		dismissOverlays(u)
	}
	openSettings(t, u)
	for _, it := range findForm(t, u).Items {
		if it.Text == "Keep PDFs up to (MB)" {
			fyne.DoAndWait(func() { it.Widget.(*dialogEntry).SetText("lots") })
		}
	}
	if !saveButton(u).Disabled() {
		t.Error("Save is enabled with no size typed for Keep PDFs")
	}
}

// saveButton is the Save button of the dialog showing.
func saveButton(u *UI) *widget.Button {
	var save *widget.Button
	walkOverlays(u, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == "Save" {
			save = b
		}
	})
	return save
}

// checkHelpWraps finds the label ending in end and checks it wraps, whole,
// within the window.
func checkHelpWraps(t *testing.T, u *UI, size fyne.Size, end string) {
	t.Helper()
	var help *widget.Label
	walkOverlays(u, func(c fyne.CanvasObject) {
		if l, ok := c.(*widget.Label); ok && strings.HasSuffix(l.Text, end) {
			help = l
		}
	})
	switch {
	case help == nil:
		t.Errorf("%v: no label ends %q", size, end)
	case help.Wrapping != fyne.TextWrapWord:
		t.Errorf("%v: %q does not wrap", size, end)
	case help.Size().Width < 1 || help.Size().Width > size.Width || help.Size().Height < help.MinSize().Height:
		t.Errorf("%v: %q is %v, needing %v", size, end, help.Size(), help.MinSize())
	}
}
