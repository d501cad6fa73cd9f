package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/attache/attache/domain"
)

// wordFile writes a file that starts as a .docx does (a zip).
func wordFile(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte("PK\x03\x04 a template"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// findFileField finds the file row in the dialogs showing.
func findFileField(t *testing.T, u *UI) *fileField {
	t.Helper()
	var f *fileField
	walkOverlays(u, func(c fyne.CanvasObject) {
		if ff, ok := c.(*fileField); ok && f == nil {
			f = ff
		}
	})
	if f == nil {
		t.Fatal("no file row is showing")
	}
	return f
}

// recordExports has the export dialog hand its jobs to the test, writing
// a stand-in file, instead of the DOCX writer (written on its own branch).
func recordExports(t *testing.T) *[]exportJob {
	t.Helper()
	var jobs []exportJob
	was := writeExportFile
	writeExportFile = func(_ context.Context, job exportJob, _ *domain.Bundle) error {
		jobs = append(jobs, job)
		return os.WriteFile(job.path, []byte("PK\x03\x04"), 0o600)
	}
	t.Cleanup(func() { writeExportFile = was })
	return &jobs
}

// exportForm confirms the export form, past "Before you export:", and
// waits for the Exported dialog, replacing the file of an earlier one.
func exportForm(t *testing.T, u *UI, jobs *[]exportJob, n int) {
	t.Helper()
	confirmForm(t, u, "Export")
	eventually(t, "the export", func() bool {
		if overlayContains(u, "Before you export:") {
			confirmForm(t, u, "Export")
		}
		if overlayContains(u, "already exists") {
			confirmForm(t, u, "Replace")
		}
		return len(*jobs) == n && overlayContains(u, "Saved ")
	})
	dismissOverlays(u)
}

// Issue #18: Word's options in the export dialog. The notes drop-down
// and the template row are enabled for Word only, the paper for PDF
// only; the template starts from Settings; a file that is not a Word
// file is refused, the template kept; the file ends in .docx; the notes
// and the template chosen reach the writer; the notes are offered next
// time, the template is Settings' again (one picked here is for that
// export only).
func TestExportDialogWordOptions(t *testing.T) {
	u, _ := openSampleBriefing(t)
	dir := t.TempDir()
	settingsTmpl, chosenTmpl := wordFile(t, dir, "Settings.dotx"), wordFile(t, dir, "Team house.docx")
	fake := filepath.Join(dir, "Fake.docx")
	if err := os.WriteFile(fake, []byte("{\\rtf1"), 0o600); err != nil {
		t.Fatal(err)
	}
	p := u.app.Preferences()
	p.SetString(prefExportFolder, dir)
	p.SetString("template", settingsTmpl)
	jobs := recordExports(t)

	format, paper := openExportForm(t, u)
	notes, tmpl := formSelect(t, findForm(t, u), "Citations as"), findFileField(t, u)
	if notes.Selected != "Footnotes" || tmpl.path != settingsTmpl || tmpl.shown.Text != "Settings.dotx" {
		t.Errorf("the form starts with %s and the template %q (%q shown)", notes.Selected, tmpl.path, tmpl.shown.Text)
	}
	if !notes.Disabled() || !tmpl.Disabled() || paper.Disabled() {
		t.Errorf("PDF: notes disabled %v, template disabled %v, paper disabled %v", notes.Disabled(), tmpl.Disabled(), paper.Disabled())
	}
	fyne.DoAndWait(func() { format.SetSelected("Word (DOCX)") })
	if notes.Disabled() || tmpl.Disabled() || !paper.Disabled() {
		t.Errorf("Word: notes disabled %v, template disabled %v, paper disabled %v", notes.Disabled(), tmpl.Disabled(), paper.Disabled())
	}
	if !overlayContains(u, ".docx") {
		t.Error("the form does not show the .docx the file will end in")
	}
	for bad, want := range map[string]string{filepath.Join(dir, "House.odt"): ".docx or .dotx", fake: "is not a Word file"} {
		fyne.DoAndWait(func() { tmpl.chosen(bad) })
		eventually(t, "the refusal of "+bad, func() bool { return overlayContains(u, want) })
		confirmForm(t, u, "OK")
		if tmpl.path != settingsTmpl {
			t.Errorf("after %s the template is %q", bad, tmpl.path)
		}
	}
	fyne.DoAndWait(func() {
		notes.SetSelected("Endnotes")
		tmpl.chosen(chosenTmpl)
	})
	eventually(t, "the template chosen", func() bool { return tmpl.path == chosenTmpl })
	exportForm(t, u, jobs, 1)
	job := (*jobs)[0]
	if job.format.Name != "docx" || !strings.HasSuffix(job.path, ".docx") {
		t.Errorf("exported %s as %s", job.path, job.format.Name)
	}
	if job.opts["notes"] != "Endnotes" || job.opts["template"] != chosenTmpl || job.opts["paper"] != "" {
		t.Errorf("the writer was given %v", job.opts)
	}

	format, _ = openExportForm(t, u)
	notes, tmpl = formSelect(t, findForm(t, u), "Citations as"), findFileField(t, u)
	if format.Selected != "Word (DOCX)" || notes.Selected != "Endnotes" || tmpl.path != settingsTmpl || tmpl.shown.Text != "Settings.dotx" {
		t.Errorf("the next export offers %s, %s, %q", format.Selected, notes.Selected, tmpl.path)
	}
	// Cleared, the template is Attaché's own.
	fyne.DoAndWait(func() { tmpl.clear.OnTapped() })
	exportForm(t, u, jobs, 2)
	if got := (*jobs)[1].opts["template"]; got != "" {
		t.Errorf("a cleared template gave the writer %q", got)
	}
}

// The export dialog, with Word's two rows more, still fits an 800×600
// window: it scrolls rather than spill over the edges.
func TestExportDialogFitsSmallWindows(t *testing.T) {
	u, _ := openSampleBriefing(t)
	resize(u, fyne.NewSize(800, 600))
	format, _ := openExportForm(t, u)
	fyne.DoAndWait(func() { format.SetSelected("Word (DOCX)") })
	var dlg fyne.CanvasObject
	fyne.DoAndWait(func() { dlg = u.win.Canvas().Overlays().Top() })
	win := u.win.Canvas().Size()
	if m := dlg.MinSize(); m.Width > win.Width || m.Height > win.Height {
		t.Errorf("the export dialog needs %v in a window of %v", m, win)
	}
	walkOverlays(u, func(c fyne.CanvasObject) {
		if f, ok := c.(*fileField); ok && f.Size().Width > 0 && f.Position().X+f.Size().Width > win.Width {
			t.Errorf("the template row runs to %v in a window %v wide", f.Position().X+f.Size().Width, win.Width)
		}
	})
}
