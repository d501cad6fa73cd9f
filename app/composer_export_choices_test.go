package app

import (
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// fileNameEntry finds the export form's File name box.
func fileNameEntry(t *testing.T, u *UI) *dialogEntry {
	t.Helper()
	for _, it := range findForm(t, u).Items {
		if it.Text != "File name" {
			continue
		}
		var e *dialogEntry
		walk(it.Widget, func(c fyne.CanvasObject) {
			if de, ok := c.(*dialogEntry); ok && e == nil {
				e = de
			}
		})
		if e != nil {
			return e
		}
	}
	t.Fatal("no File name box")
	return nil
}

// wordExportForm opens the export form on Word with endnotes, in dir.
func wordExportForm(t *testing.T, u *UI, dir string) (format, notes *dialogSelect) {
	t.Helper()
	u.app.Preferences().SetString(prefExportFolder, dir)
	format, _ = openExportForm(t, u)
	notes = formSelect(t, findForm(t, u), "Citations as")
	fyne.DoAndWait(func() {
		format.SetSelected("Word (DOCX)")
		notes.SetSelected("Endnotes")
	})
	return format, notes
}

// Found by a new user: once an export had been made, the export dialog
// started from that export's template, so a template cleared or changed
// in Settings was not followed by the app (the command line follows
// Settings). The dialog starts from Settings every time.
func TestExportTemplateFollowsSettingsAfterAnExport(t *testing.T) {
	u, _ := openSampleBriefing(t)
	dir := t.TempDir()
	house := wordFile(t, dir, "House.dotx")
	u.app.Preferences().SetString("template", house)
	jobs := recordExports(t)
	wordExportForm(t, u, dir)
	if tmpl := findFileField(t, u); tmpl.path != house {
		t.Fatalf("the form starts with the template %q, want Settings' %s", tmpl.path, house)
	}
	exportForm(t, u, jobs, 1)

	settings := openSettings(t, u)
	fyne.DoAndWait(func() { settings.clear.OnTapped() })
	confirmForm(t, u, "Save")
	dismissOverlays(u)
	wordExportForm(t, u, dir)
	if tmpl := findFileField(t, u); tmpl.path != "" || tmpl.shown.Text != ownTemplate {
		t.Errorf("after Settings cleared the template the form offers %q (%q shown)", tmpl.path, tmpl.shown.Text)
	}
	exportForm(t, u, jobs, 2)
	if got := (*jobs)[1].opts["template"]; got != "" {
		t.Errorf("the writer was given the template %q, not Attaché's own as in Settings", got)
	}
}

// Found by a new user: an empty File name saved a hidden ".docx". An
// empty, blank or extension-only name is refused, nothing is written,
// and the form comes back with its choices.
func TestExportRefusesAnEmptyFileName(t *testing.T) {
	u, _ := openSampleBriefing(t)
	dir := t.TempDir()
	jobs := recordExports(t)
	for _, typed := range []string{"", "   ", ".docx", " .DOCX ", ".pdf", "..."} {
		format, notes := wordExportForm(t, u, dir)
		name := fileNameEntry(t, u)
		fyne.DoAndWait(func() { name.SetText(typed) })
		confirmForm(t, u, "Export")
		eventually(t, "the refusal of "+typed, func() bool { return overlayContains(u, "Type a file name") })
		confirmForm(t, u, "OK")
		if f := formOrNil(u); f == nil || format.Selected != "Word (DOCX)" || notes.Selected != "Endnotes" || name.Text != typed {
			t.Errorf("%q: the form is not back as it was (%v, %s, %s, %q)", typed, f != nil, format.Selected, notes.Selected, name.Text)
		}
		if files, _ := os.ReadDir(dir); len(files) > 0 || len(*jobs) > 0 {
			t.Errorf("%q: wrote %v (%d exports)", typed, files, len(*jobs))
		}
		dismissOverlays(u)
	}
}

// formLabelColor is the colour of the form label text in the dialogs.
func formLabelColor(u *UI, text string) color.Color {
	var c color.Color
	walkOverlays(u, func(o fyne.CanvasObject) {
		if tx, ok := o.(*canvas.Text); ok && tx.Text == text && c == nil {
			c = tx.Color
		}
	})
	return c
}

// Found by a new user: the House template row stayed enabled for PDF,
// Markdown and JSON: its label and file name were not greyed with the
// format chosen (the form's labels kept the colours of the first one).
// It is enabled for Word only, as its label shows, and Clear only when a
// template other than Attaché's own is chosen.
func TestExportTemplateRowFollowsTheFormat(t *testing.T) {
	u, _ := openSampleBriefing(t)
	dir := t.TempDir()
	u.app.Preferences().SetString(prefExportFolder, dir)
	format, _ := openExportForm(t, u)
	tmpl := findFileField(t, u)
	for _, label := range format.Options {
		fyne.DoAndWait(func() { format.SetSelected(label) })
		word := label == "Word (DOCX)"
		if tmpl.choose.Disabled() == word || !tmpl.clear.Disabled() {
			t.Errorf("%s: Choose… disabled %v, Clear disabled %v (the template is Attaché's own)", label, tmpl.choose.Disabled(), tmpl.clear.Disabled())
		}
		enabled := formLabelColor(u, "Format")
		if shown := formLabelColor(u, "House template") == enabled; shown != word {
			t.Errorf("%s: the House template label is shown enabled: %v", label, shown)
		}
		if shown := formLabelColor(u, "Paper") == enabled; shown != (label == "PDF") {
			t.Errorf("%s: the Paper label is shown enabled: %v", label, shown)
		}
		if grey := tmpl.shown.Importance == widget.LowImportance; grey == word {
			t.Errorf("%s: the template's name is greyed: %v", label, grey)
		}
	}
	fyne.DoAndWait(func() {
		format.SetSelected("Word (DOCX)")
		tmpl.set(wordFile(t, dir, "House.dotx"))
	})
	if tmpl.clear.Disabled() {
		t.Error("Word with a template: Clear is disabled")
	}
	for _, label := range []string{"PDF", "Markdown", "JSON"} {
		fyne.DoAndWait(func() { format.SetSelected(label) })
		if !tmpl.choose.Disabled() || !tmpl.clear.Disabled() {
			t.Errorf("%s with a template: Choose… disabled %v, Clear disabled %v", label, tmpl.choose.Disabled(), tmpl.clear.Disabled())
		}
	}
}

// Found by a new user: a template broken after it was chosen was named
// after "Before you export", as an "Error" saying to leave the template
// empty, and the form was gone. It is checked first, before the question
// about the file there, in the app's words, and the form comes back.
func TestExportChecksTheTemplateFirst(t *testing.T) {
	u, _ := openSampleBriefing(t)
	dir := t.TempDir()
	house := wordFile(t, dir, "House.dotx")
	u.app.Preferences().SetString("template", house)
	jobs := recordExports(t)
	format, notes := wordExportForm(t, u, dir)
	name := fileNameEntry(t, u)
	fyne.DoAndWait(func() { name.SetText("Kept name") })
	there := filepath.Join(dir, "Kept name.docx")
	if err := os.WriteFile(there, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(house, []byte("{\\rtf1"), 0o600); err != nil { // broken in the meantime
		t.Fatal(err)
	}
	confirmForm(t, u, "Export")
	eventually(t, "the template's refusal", func() bool { return overlayContains(u, "House.dotx is not a Word file") })
	for _, early := range []string{"already exists", "Before you export:", "leave the template empty"} {
		if overlayContains(u, early) {
			t.Errorf("%q shows with the template's refusal", early)
		}
	}
	if !overlayContains(u, "choose another in Settings, or Clear it to use Attaché's own") {
		t.Error("the refusal does not say what to do in the app")
	}
	confirmForm(t, u, "OK")
	if formOrNil(u) == nil || format.Selected != "Word (DOCX)" || notes.Selected != "Endnotes" || name.Text != "Kept name" {
		t.Errorf("the form is not back as it was: %s, %s, %q", format.Selected, notes.Selected, name.Text)
	}
	if b, _ := os.ReadFile(there); string(b) != "old" || len(*jobs) > 0 {
		t.Errorf("the file there holds %q after %d exports", b, len(*jobs))
	}
}

// Cancel keeps nothing of the form: even after the form came back from
// "Replace file?", the next export starts from the choices before.
func TestExportCancelForgetsTheChoices(t *testing.T) {
	u, _ := openSampleBriefing(t)
	c := u.briefings.composer
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, fileSafe(c.d.b.Title)+".docx"), []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	wordExportForm(t, u, dir)
	confirmForm(t, u, "Export")
	eventually(t, "the question", func() bool { return overlayContains(u, "already exists") })
	confirmForm(t, u, "Cancel") // back to the form
	eventually(t, "the form", func() bool { return formOrNil(u) != nil })
	confirmForm(t, u, "Cancel") // choices only: it closes without asking
	dismissOverlays(u)
	format, _ := openExportForm(t, u)
	notes := formSelect(t, findForm(t, u), "Citations as")
	if format.Selected != "PDF" || notes.Selected != "Footnotes" {
		t.Errorf("after Cancel the form offers %s with %s", format.Selected, notes.Selected)
	}
}

// Found by a new user: Escape after changing only the Format asked
// "Discard your changes? What you typed in this form is not saved."
// Nothing typed is at stake, since the choices are kept only once an
// export is made: the form closes. Only a file name typed is asked about.
func TestExportDiscardAsksOnlyAboutATypedName(t *testing.T) {
	u, _ := openSampleBriefing(t)
	format, _ := openExportForm(t, u)
	fyne.DoAndWait(func() { format.SetSelected("Word (DOCX)") })
	pressKey(u, fyne.KeyEscape)
	fyne.DoAndWait(pumpUI)
	if n := len(u.win.Canvas().Overlays().List()); n != 0 {
		t.Fatalf("Escape after a drop-down left %d overlays (question: %v)", n, overlayContains(u, "Discard"))
	}
	openExportForm(t, u)
	test.Type(fileNameEntry(t, u), " v2")
	pressKey(u, fyne.KeyEscape)
	eventually(t, "the discard question", func() bool { return overlayContains(u, "The file name you typed is not saved.") })
	confirmForm(t, u, "Keep editing")
	if name := fileNameEntry(t, u); !strings.Contains(name.Text, " v2") {
		t.Fatalf("back in the form, the name is %q", name.Text)
	}
}

// Found by a trial: with PDF chosen, the Word-only rows were greyed with
// no word of why, and read as broken. Each says which formats take it.
func TestGreyedExportRowsSayWhy(t *testing.T) {
	u, _ := openSampleBriefing(t)
	format, _ := openExportForm(t, u)
	hint := func(label string) string {
		for _, it := range findForm(t, u).Items {
			if it.Text == label {
				return it.HintText
			}
		}
		t.Fatalf("no %q row", label)
		return ""
	}
	fyne.DoAndWait(func() { format.SetSelected("PDF") })
	if got := hint("Citations as"); got != "not for PDF: Word (DOCX) only" {
		t.Errorf("with PDF, Citations as says %q", got)
	}
	fyne.DoAndWait(func() { format.SetSelected("Word (DOCX)") })
	if got := hint("Citations as"); got != "" {
		t.Errorf("with Word, Citations as says %q", got)
	}
}
