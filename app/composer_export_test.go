package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

func TestExportAsksBeforeReplacingAFile(t *testing.T) {
	u, _ := openSampleBriefing(t)
	c := u.briefings.composer
	dir := t.TempDir()
	u.app.Preferences().SetString(prefExportFolder, dir)
	path := filepath.Join(dir, fileSafe(c.d.b.Title)+".pdf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(c.onExport)
	confirmForm(t, u, "Export")
	eventually(t, "the question", func() bool { return overlayContains(u, "already exists") })
	confirmForm(t, u, "Cancel")
	findForm(t, u) // the export form is back, to choose another name
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Fatal("the file was replaced after Cancel")
	}
	confirmForm(t, u, "Export")
	eventually(t, "the question", func() bool { return overlayContains(u, "already exists") })
	confirmForm(t, u, "Replace")
	eventually(t, "the new PDF", func() bool {
		if overlayContains(u, "Export anyway?") {
			confirmForm(t, u, "Yes")
		}
		b, _ := os.ReadFile(path)
		return strings.HasPrefix(string(b), "%PDF")
	})
}

func TestOpenFileWithoutAViewerOffersTheFolderThenThePath(t *testing.T) {
	u, _ := newTestUI(t)
	dismissOverlays(u)
	var opened []string
	was := openPath
	openPath = func(p string) error { opened = append(opened, p); return errors.New("exit status 3") }
	t.Cleanup(func() { openPath = was })
	path := filepath.Join(t.TempDir(), "brief.pdf")
	fyne.DoAndWait(func() { u.briefings.composer.exported(path) })
	confirmForm(t, u, "Open file")
	eventually(t, "the explanation", func() bool { return overlayContains(u, "could not open brief.pdf") })
	confirmForm(t, u, "Show folder")
	eventually(t, "the path", func() bool { return overlayContains(u, "The file is saved here") })
	var shown string
	walkOverlays(u, func(o fyne.CanvasObject) {
		if e, ok := o.(*dialogEntry); ok {
			shown = e.Text
		}
	})
	if shown != path {
		t.Fatalf("the path shown is %q, want %q", shown, path)
	}
	if len(opened) != 2 || opened[0] != path || opened[1] != filepath.Dir(path) {
		t.Fatalf("opened %q", opened)
	}
	confirmForm(t, u, "Copy path")
	if got := u.app.Clipboard().Content(); got != path {
		t.Fatalf("clipboard %q", got)
	}
}
