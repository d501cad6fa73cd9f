package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/ingest"
	"github.com/attache/attache/interchange"
)

// importResult is what happened to one file.
type importResult struct {
	name     string
	source   *domain.Source
	existing bool
	report   *ingest.Report
	briefing *domain.Briefing // set for a briefing file (.json interchange)
	err      error
}

func (u *UI) onImportFiles() {
	if u.refuseReadOnly() {
		return
	}
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		u.importPaths([]string{path})
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".txt", ".md", ".markdown", ".html", ".htm", ".text", ".pdf", ".docx", ".json"}))
	d.Resize(fyne.NewSize(900, 620))
	u.showDialog(d, nil, nil, nil)
}

func (u *UI) onDropped(_ fyne.Position, uris []fyne.URI) {
	if u.refuseReadOnly() {
		return
	}
	var paths []string
	for _, uri := range uris {
		if uri.Scheme() == "file" {
			paths = append(paths, uri.Path())
		}
	}
	if len(paths) > 0 {
		u.importPaths(paths)
	}
}

// importPaths imports files off the UI goroutine, each in its own
// transaction, with a progress bar and a cancel button; a cancel stops
// before the next file, so nothing is half imported.
func (u *UI) importPaths(paths []string) {
	ctx, cancel := context.WithCancel(u.ctx)
	bar := widget.NewProgressBar()
	bar.Max = float64(len(paths))
	label := widget.NewLabel("Importing…")
	label.Truncation = fyne.TextTruncateEllipsis
	var prog *dialog.CustomDialog
	stop := newDialogButton("Cancel", nil, func() { cancel(); label.SetText("Cancelling after this file…") })
	body := container.NewVBox(label, bar, stop)
	prog = dialog.NewCustomWithoutButtons("Importing "+plural(len(paths), "file"), body, u.win)
	prog.Resize(fitInside(u.win, fyne.NewSize(480, 160)))
	u.showDialog(prog, body, stop.OnTapped, nil)
	background(func() {
		defer cancel()
		var results []importResult
		for i, p := range paths {
			if ctx.Err() != nil {
				break
			}
			name := p[strings.LastIndex(p, "/")+1:]
			u.do(func() { label.SetText(name); bar.SetValue(float64(i)) })
			results = append(results, u.importOne(ctx, p, name))
		}
		u.do(func() {
			prog.Hide()
			u.imported(results, len(paths))
		})
	})
}

func (u *UI) importOne(ctx context.Context, path, name string) importResult {
	// A named pipe or a device would block the import until something
	// writes to it, beyond the reach of Cancel: the window imports files.
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
		return importResult{name: name, err: userError{name + " is not a file but a named pipe or a device: save what it holds as a file, then import that file (or use `attache import` on the command line)"}}
	}
	if strings.EqualFold(filepath.Ext(path), ".json") {
		return u.importBriefingFile(ctx, path, name)
	}
	src, rep, err := ingest.ImportFile(path, ingest.Options{})
	if err != nil {
		return importResult{name: name, err: err}
	}
	existing, err := u.lib.CreateSource(ctx, src)
	return importResult{name: name, source: src, existing: existing, report: rep, err: err}
}

// imported reports the outcome; a single new source opens in the details
// form so the analyst can check what was detected.
func (u *UI) imported(results []importResult, asked int) {
	u.library.reload()
	var ok []importResult
	var lines []string
	briefings := 0
	for _, r := range results {
		switch {
		case r.err == nil && r.briefing != nil:
			briefings++
			lines = append(lines, r.name+": briefing “"+r.briefing.Title+"” added to Briefings")
		case r.err != nil:
			lines = append(lines, r.name+": "+domain.ErrorMessage(r.err))
		case r.existing:
			lines = append(lines, r.name+": already in the library as “"+r.source.Title+"”")
			ok = append(ok, r)
		default:
			ok = append(ok, r)
		}
	}
	if len(results) < asked {
		lines = append(lines, fmt.Sprintf("Cancelled: %d of %d files were not imported.", asked-len(results), asked))
	}
	if len(ok) == 1 && !ok[0].existing && len(lines) == 0 {
		src := ok[0].source
		u.library.reader.open(src.ID, -1)
		u.reviewImport(src, reportLines(ok[0].report))
		return
	}
	if len(lines) > 0 || len(ok) > 1 {
		title, head := "Nothing imported", []string(nil) // the lines say why
		if n := newSources(ok) + briefings; n > 0 {
			title, head = "Import", []string{fmt.Sprintf("Imported %s.", plural(n, "file"))}
		}
		if briefings > 0 {
			u.briefings.reload()
		}
		u.inform(title, strings.Join(append(head, lines...), "\n"))
	}
	if len(ok) > 0 {
		u.library.reader.open(ok[len(ok)-1].source.ID, -1)
	}
}

// newSources counts the results that added a source: one already in the
// library was found, not imported.
func newSources(rs []importResult) int {
	n := 0
	for _, r := range rs {
		if !r.existing {
			n++
		}
	}
	return n
}

// importBriefingFile reads a briefing in the interchange format (an
// export, or a rescue copy of unsaved work) into the library as a new
// briefing, all or nothing.
func (u *UI) importBriefingFile(ctx context.Context, path, name string) importResult {
	f, err := os.Open(path)
	if err != nil {
		return importResult{name: name, err: err}
	}
	defer f.Close()
	bundle, err := interchange.ReadJSON(f)
	if err != nil {
		return importResult{name: name, err: err}
	}
	b, err := u.lib.ImportBundle(ctx, bundle)
	return importResult{name: name, briefing: b, err: err}
}

// onPaste imports the clipboard's text as a note-kind source.
func (u *UI) onPaste() {
	if u.refuseReadOnly() {
		return
	}
	text := u.app.Clipboard().Content()
	if strings.TrimSpace(text) == "" {
		u.inform("Import from clipboard", "The clipboard has no text: copy the article's text first.")
		return
	}
	background(func() {
		src, _, err := ingest.Import("pasted.txt", strings.NewReader(text), ingest.Options{})
		existing := false
		if err == nil {
			src.Kind, src.FileName = domain.KindNote, ""
			existing, err = u.lib.CreateSource(u.ctx, src)
		}
		u.do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			u.imported([]importResult{{name: "clipboard", source: src, existing: existing}}, 1)
		})
	})
}

// reportLines is what the importer detected and changed, for the form.
func reportLines(r *ingest.Report) []string {
	if r == nil {
		return nil
	}
	var out []string
	for _, d := range r.Detected {
		out = append(out, "Detected "+d)
	}
	return append(out, r.Warnings...)
}

// onImportURL fetches a web page the analyst names, with a cancel button.
func (u *UI) onImportURL() {
	if u.refuseReadOnly() {
		return
	}
	entry := newDialogEntry()
	entry.SetPlaceHolder("https://…")
	u.showForm("Import from a web address", "Import", []*widget.FormItem{{Text: "Address", Widget: entry}}, fyne.NewSize(620, 180), func(again func()) {
		if addr := strings.TrimSpace(entry.Text); addr != "" {
			// A failed fetch brings the form back with the address, to correct it.
			u.fetch(addr, again)
		}
	})
}

func (u *UI) fetch(addr string, onFail func()) {
	ctx, end := u.busy("Fetching", addr)
	background(func() {
		src, rep, err := ingest.FetchURL(ctx, addr, ingest.FetchOptions{})
		existing := false
		if err == nil {
			existing, err = u.lib.CreateSource(ctx, src)
		}
		u.do(func() {
			cancelled := end()
			if err != nil && !cancelled && onFail != nil {
				onFail()
			}
			if !cancelled || err == nil {
				u.imported([]importResult{{name: addr, source: src, existing: existing, report: rep, err: err}}, 1)
			}
		})
	})
}

// busy shows a progress dialog, what over an endless bar, whose Cancel
// button cancels the returned context. end closes it once the work is
// done and reports whether the analyst cancelled.
func (u *UI) busy(title, what string) (ctx context.Context, end func() (cancelled bool)) {
	ctx, cancel := context.WithCancel(u.ctx)
	prog := dialog.NewCustom(title, "Cancel", container.NewVBox(widget.NewLabel(what), widget.NewProgressBarInfinite()), u.win)
	done := false // closing the dialog is a cancel only while working
	prog.SetOnClosed(func() {
		if !done {
			cancel()
		}
	})
	u.showDialog(prog, nil, nil, nil)
	return ctx, func() bool {
		// Read before our own cancel below, which would make every
		// failure look cancelled and hide it.
		cancelled := ctx.Err() != nil
		done = true
		prog.Hide()
		cancel()
		return cancelled
	}
}

// reviewImport shows a just-imported source's details as detected, with
// the choice explicit: save them as corrected, keep them as detected, or
// undo the import.
func (u *UI) reviewImport(src *domain.Source, report []string) {
	items, save := u.sourceForm(src, report)
	form := widget.NewForm(items...)
	var d *dialog.CustomDialog
	var show func()
	done := func() { u.library.reader.open(src.ID, -1); u.library.reload() }
	keep := func() {
		d.Hide()
		u.notify("“" + src.Title + "” is in the library with its details as detected; Edit details changes them.")
	}
	start := formState(form)
	// Escape keeps the details as detected too, asking first if some
	// were corrected.
	escape := func() { u.askDiscard(form, start, keep, nil) }
	var saveBtn *dialogButton
	saveDetails := func() {
		if !saveBtn.Disabled() {
			d.Hide()
			save(show, done)
		}
	}
	show = func() { u.showDialog(d, form, escape, saveDetails) }
	saveBtn = newDialogButton("Save details", theme.ConfirmIcon(), saveDetails)
	saveBtn.Importance = widget.HighImportance
	undo := newDialogButton("Undo import", theme.ContentUndoIcon(), func() { d.Hide(); u.undoImport(src) })
	keepBtn := newDialogButton("Keep as detected", nil, keep)
	for _, b := range []*dialogButton{undo, keepBtn, saveBtn} {
		b.setKeys(u.escape, nil)
	}
	form.SetOnValidationChanged(func(err error) {
		if err != nil {
			saveBtn.Disable()
		} else {
			saveBtn.Enable()
		}
	})
	d = dialog.NewCustomWithoutButtons("Imported — check the details", fitScroll(form), u.win)
	d.SetButtons([]fyne.CanvasObject{undo, keepBtn, saveBtn})
	d.Resize(fitInside(u.win, fyne.NewSize(680, 640)))
	show()
}

// undoImport removes a source just imported; nothing can use it yet, so
// the library refuses only if something does after all.
func (u *UI) undoImport(src *domain.Source) {
	background(func() {
		err := u.lib.DeleteSource(u.ctx, src.ID, false)
		u.do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			if r := u.library.reader; r.source == nil || r.source.ID == src.ID {
				r.opens++ // an open of it still under way shows nothing
				r.source = nil
				r.ui.rememberSource(0)
				r.show(false)
			}
			u.library.reload()
			u.notify("Import undone: “" + src.Title + "” is no longer in the library.")
		})
	})
}
