package app

import (
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
)

// pdfJob exports to path as PDF with the default options.
func pdfJob(path string) exportJob {
	f, _ := export.Lookup("pdf")
	return exportJob{path: path, format: f}
}

// A file whose name holds '#', '%' and spaces gets an address that names
// it: a '#' used to cut the address short, a '%' to make it unparsable.
func TestFileURLOfAnAwkwardName(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Q3 #2 — 100% done.pdf")
	if err := os.WriteFile(path, []byte("%PDF"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := fileURL(path).String()
	if !strings.HasPrefix(s, "file:///") || !strings.Contains(s, "Q3%20%232%20") || !strings.Contains(s, "100%25%20done.pdf") {
		t.Errorf("address %s", s)
	}
	u, err := url.Parse(s)
	if err != nil {
		t.Fatalf("the address %s does not parse: %v", s, err)
	}
	if u.Scheme != "file" || u.Fragment != "" || filepath.FromSlash(u.Path) != path {
		t.Errorf("the address %s names %q (fragment %q), not %q", s, u.Path, u.Fragment, path)
	}
	if _, err := os.Stat(filepath.FromSlash(u.Path)); err != nil {
		t.Errorf("the file the address names: %v", err)
	}
	// Open file hands the desktop's opener the name as it is.
	ui, _ := newTestUI(t)
	dismissOverlays(ui)
	var opened []string
	was := openPath
	openPath = func(p string) error { opened = append(opened, p); return nil }
	t.Cleanup(func() { openPath = was })
	fyne.DoAndWait(func() { ui.briefings.composer.exported(path) })
	confirmForm(t, ui, "Open file")
	if len(opened) != 1 || opened[0] != path {
		t.Errorf("opened %q, want %q", opened, path)
	}
	if rel := fileURL("brief #1.pdf"); !strings.HasSuffix(rel.Path, "/brief #1.pdf") || !filepath.IsAbs(filepath.FromSlash(rel.Path)) {
		t.Errorf("a relative name gave %s", rel)
	}
}

// The export dialog offers export's formats and their options, starting
// from the Settings' paper; choosing Markdown greys the paper out.
func TestExportDialogListsTheRegisteredFormats(t *testing.T) {
	u, _ := openSampleBriefing(t)
	c := u.briefings.composer
	dir := t.TempDir()
	u.app.Preferences().SetString(prefExportFolder, dir)
	u.app.Preferences().SetString(prefPaper, "US Letter")
	format, paper := openExportForm(t, u)
	var want []string
	for _, f := range export.Formats() {
		want = append(want, f.Label)
	}
	if strings.Join(format.Options, "|") != strings.Join(want, "|") || format.Selected != "PDF" {
		t.Errorf("formats %q (%q chosen), want %q", format.Options, format.Selected, want)
	}
	if strings.Join(paper.Options, "|") != "A4|US Letter" || paper.Selected != "US Letter" || paper.Disabled() {
		t.Errorf("paper %q, %q chosen, disabled %v", paper.Options, paper.Selected, paper.Disabled())
	}
	fyne.DoAndWait(func() { format.SetSelected("Markdown") })
	if !paper.Disabled() {
		t.Error("Markdown has no paper, yet the paper can be chosen")
	}
	fyne.DoAndWait(func() { format.SetSelected("PDF") })
	confirmForm(t, u, "Export")
	path := filepath.Join(dir, fileSafe(c.d.b.Title)+".pdf")
	eventually(t, "the PDF", func() bool {
		if overlayContains(u, "Before you export:") {
			confirmForm(t, u, "Export")
		}
		b, _ := os.ReadFile(path)
		return strings.HasPrefix(string(b), "%PDF")
	})
	b, _ := os.ReadFile(path)
	if m := regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) `).FindSubmatch(b); m == nil || string(m[1]) != "612.00" {
		t.Errorf("the page is not US Letter: %q", m)
	}
}

// openExportForm opens the export form and finds its Format and Paper.
func openExportForm(t *testing.T, u *UI) (format, paper *dialogSelect) {
	t.Helper()
	fyne.DoAndWait(u.briefings.composer.onExport)
	form := findForm(t, u)
	for _, it := range form.Items {
		if sel, ok := it.Widget.(*dialogSelect); ok && it.Text == "Format" {
			format = sel
		} else if ok && it.Text == "Paper" {
			paper = sel
		}
	}
	if format == nil || paper == nil {
		t.Fatal("no Format or Paper drop-down")
	}
	return format, paper
}

// Found by a trial: the form forgot US Letter by the next export. It
// starts from the last export's choices, then from Settings.
func TestExportFormStartsFromTheLastChoices(t *testing.T) {
	u, _ := openSampleBriefing(t)
	c := u.briefings.composer
	dir := t.TempDir()
	u.app.Preferences().SetString(prefExportFolder, dir)
	u.app.Preferences().SetString(prefPaper, "A4")
	export := func(ext string) {
		confirmForm(t, u, "Export")
		eventually(t, "the "+ext+" file", func() bool {
			if overlayContains(u, "Before you export:") {
				confirmForm(t, u, "Export")
			}
			_, err := os.Stat(filepath.Join(dir, fileSafe(c.d.b.Title)+ext))
			return err == nil && overlayContains(u, "Saved ")
		})
		dismissOverlays(u)
	}
	_, paper := openExportForm(t, u)
	fyne.DoAndWait(func() { paper.SetSelected("US Letter") })
	export(".pdf")
	format, paper := openExportForm(t, u)
	if format.Selected != "PDF" || paper.Selected != "US Letter" {
		t.Fatalf("after a US Letter PDF the form offers %s on %s", format.Selected, paper.Selected)
	}
	fyne.DoAndWait(func() { format.SetSelected("Markdown") })
	export(".md")
	format, paper = openExportForm(t, u)
	if format.Selected != "Markdown" || paper.Selected != "US Letter" {
		t.Fatalf("after a Markdown export the form offers %s on %s", format.Selected, paper.Selected)
	}
}

// Cancel in the progress dialog stops a long export within a second,
// leaving no file and no temporary file, and says nothing more.
func TestExportCancelStopsSoonAndLeavesNothing(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	bundle, err := lib.Bundle(context.Background(), c.d.b.ID)
	if err != nil {
		t.Fatal(err)
	}
	long(bundle.Briefing, 4000) // several seconds of PDF here
	dir := t.TempDir()
	path := filepath.Join(dir, "long.pdf")
	job := pdfJob(path).with(export.AllowMissing, "true")
	// The export on a goroutine of its own, as in the app: tests run
	// background work inline (see TestMain), which leaves no moment to
	// cancel.
	was := runExport
	runExport = func(f func()) { go f() }
	t.Cleanup(func() { runExport = was })
	fyne.DoAndWait(func() { c.export(bundle, job) })
	eventually(t, "the progress dialog", func() bool { return overlayContains(u, "long.pdf") })
	eventually(t, "the temporary file", func() bool {
		entries, _ := os.ReadDir(dir)
		return len(entries) == 1 && strings.HasSuffix(entries[0].Name(), ".tmp")
	})
	confirmForm(t, u, "Cancel")
	asked := time.Now()
	for {
		entries, _ := os.ReadDir(dir)
		if len(entries) == 0 {
			break
		}
		if time.Since(asked) > time.Second*raceSlowdown {
			t.Fatalf("%v after Cancel the folder still holds %v", time.Since(asked), entries)
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond) // the export's end reaches the UI
	fyne.DoAndWait(func() {})
	if n := overlays(u); n != 0 {
		t.Errorf("after Cancel %d dialogs show", n)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a cancelled export left the file (%v)", err)
	}
}

// long repeats the briefing's blocks until it has n.
func long(b *domain.Briefing, n int) {
	body := b.Blocks
	for len(b.Blocks) < n {
		for _, blk := range body {
			dup := *blk
			b.Blocks = append(b.Blocks, &dup)
		}
	}
}

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
		if overlayContains(u, "Before you export:") {
			confirmForm(t, u, "Export")
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

// Found by a trial: Ctrl+E pressed twice, the second time before the
// first form showed, stacked two export forms.
func TestExportPressedTwiceOpensOneForm(t *testing.T) {
	u, _ := openSampleBriefing(t)
	fyne.DoAndWait(func() {
		u.briefings.composer.onExport()
		u.briefings.composer.onExport()
	})
	findForm(t, u)
	time.Sleep(300 * time.Millisecond) // the second press's folder lookup
	if n := overlays(u); n != 1 {
		t.Fatalf("two presses opened %d dialogs", n)
	}
}
