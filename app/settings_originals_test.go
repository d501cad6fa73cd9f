package app

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/attache/attache/internal/settings"
)

// The largest PDF to keep is a setting: shown with its default, refused
// when it is not whole megabytes in range, and saved where the importer
// reads it.
func TestSettingsKeepPDFsUpTo(t *testing.T) {
	u, _ := newTestUI(t)
	fyne.DoAndWait(u.onSettings)
	eventually(t, "the settings", func() bool { return formOrNil(u) != nil })
	form := formOrNil(u)
	var keep *dialogEntry
	for _, it := range form.Items {
		if e, ok := it.Widget.(*dialogEntry); ok && it.Text == "Keep PDFs up to (MB)" {
			keep = e
		}
	}
	if keep == nil {
		t.Fatal("no \"Keep PDFs up to (MB)\" field in Settings")
	}
	if keep.Text != "100" {
		t.Errorf("the field shows %q, want the default 100", keep.Text)
	}
	fyne.DoAndWait(func() { keep.SetText("2000") })
	if keep.Validator(keep.Text) == nil {
		t.Error("2000 MB, above the limit, was accepted")
	}
	fyne.DoAndWait(func() { keep.SetText("20") })
	confirmForm(t, u, "Save")
	if got := u.app.Preferences().String(settings.KeepOriginalsMB); got != "20" {
		t.Fatalf("saved %q, want 20", got)
	}
	if settings.KeepOriginalsBytes(u.app.Preferences().String(settings.KeepOriginalsMB)) != 20<<20 {
		t.Error("the importer would not read the saved limit as 20 MB")
	}
}
