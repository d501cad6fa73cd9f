package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

func sourceCount(t *testing.T, u *UI) int {
	t.Helper()
	list, err := unwrapLibrary(u.lib).Sources(context.Background(), domain.SourceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

func TestImportDetailsUndoImportRemovesTheSource(t *testing.T) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	eventually(t, "the details form", func() bool { return overlayContains(u, "Imported — check the details") })
	confirmForm(t, u, "Undo import")
	eventually(t, "the source gone", func() bool { return sourceCount(t, u) == 0 })
	eventually(t, "the notice", func() bool { return strings.HasPrefix(u.notice(), "Import undone") })
	if u.library.reader.source != nil {
		t.Fatal("the reader still shows the removed source")
	}
	if _, err := lib.Source(context.Background(), src.ID); err == nil {
		t.Fatal("the source is still in the library")
	}
}

func TestImportDetailsEscapeKeepsThemAsDetectedAndSaysSo(t *testing.T) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	eventually(t, "the details form", func() bool { return overlayContains(u, "Imported — check the details") })
	title, ok := u.win.Canvas().Focused().(*dialogEntry)
	if !ok || title.Text != src.Title {
		t.Fatalf("the title field has no focus (%T)", u.win.Canvas().Focused())
	}
	pressKey(u, fyne.KeyEscape)
	if overlayContains(u, "Imported — check the details") {
		t.Fatal("Escape left the form open")
	}
	if !strings.Contains(u.notice(), "as detected") || sourceCount(t, u) != 1 {
		t.Fatalf("notice %q, %d sources", u.notice(), sourceCount(t, u))
	}
}

func TestImportDetailsSaveStoresTheCorrection(t *testing.T) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	eventually(t, "the details form", func() bool { return overlayContains(u, "Imported — check the details") })
	title := u.win.Canvas().Focused().(*dialogEntry)
	fyne.DoAndWait(func() { title.SetText("") })
	var save *widget.Button
	walkOverlays(u, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Save details" {
			save = b
		}
	})
	if save == nil || !save.Disabled() {
		t.Fatal("Save details is not disabled with no title")
	}
	test.Type(title, "Chip controls, corrected")
	confirmForm(t, u, "Save details")
	eventually(t, "the saved title", func() bool {
		got, _ := lib.Source(context.Background(), src.ID)
		return got.Title == "Chip controls, corrected"
	})
}

func TestImportDetailsEscapeAsksBeforeDroppingACorrection(t *testing.T) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	eventually(t, "the details form", func() bool { return overlayContains(u, "Imported — check the details") })
	title := u.win.Canvas().Focused().(*dialogEntry)
	test.Type(title, "Typed ")
	pressKey(u, fyne.KeyEscape)
	if !overlayContains(u, "Discard your changes?") {
		t.Fatal("Escape dropped a correction without asking")
	}
	confirmForm(t, u, "Keep editing")
	if !overlayContains(u, "Imported — check the details") || title.Text != "Typed "+src.Title {
		t.Fatalf("the form or its text is gone: %q", title.Text)
	}
	confirmForm(t, u, "Keep as detected") // an explicit choice: no question
	if overlayContains(u, "Imported — check the details") || overlayContains(u, "Discard your changes?") {
		t.Fatal("Keep as detected did not close the form at once")
	}
	got, _ := lib.Source(context.Background(), src.ID)
	if got.Title != src.Title {
		t.Fatalf("Keep as detected saved %q", got.Title)
	}
}
