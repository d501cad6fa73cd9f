package app

import (
	"context"
	"errors"
	"fmt"
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
	"github.com/attache/attache/intake"
	"github.com/attache/attache/internal/settings"
)

// importResult is what happened to one file, address or text; name is
// how the report calls it.
type importResult struct {
	intake.Result
	name string
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
	d.SetFilter(importFilter())
	d.Resize(fitInside(u.win, fyne.NewSize(900, 620)))
	u.showDialog(d, nil, nil, nil)
}

// onImportFolder imports every file of a folder and its subfolders that
// is in a format Attaché reads, as `attache import FOLDER` does: the file
// dialog picks one file at a time.
func (u *UI) onImportFolder() {
	if u.refuseReadOnly() {
		return
	}
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if dir != nil {
			u.importPaths([]string{dir.Path()})
		}
	}, u.win)
	d.Resize(fitInside(u.win, fyne.NewSize(900, 620)))
	u.showDialog(d, nil, nil, nil)
}

// importFilter shows the files of every format an import takes.
func importFilter() storage.FileFilter {
	return storage.NewExtensionFileFilter(intake.Extensions())
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

// importPaths imports files and folders off the UI goroutine, each file
// in its own transaction, with a progress bar and a cancel button; a
// cancel stops within moments, and nothing is half imported.
func (u *UI) importPaths(paths []string) {
	ctx, cancel := context.WithCancel(u.ctx)
	// One file shows work going on; several show how far it has come.
	busy, bar := widget.NewProgressBarInfinite(), widget.NewProgressBar()
	bar.Hide()
	label := widget.NewLabel("Importing…")
	label.Truncation = fyne.TextTruncateEllipsis
	var prog *dialog.CustomDialog
	stop := newDialogButton("Cancel", nil, func() { cancel(); label.SetText("Cancelling…") })
	body := container.NewVBox(label, container.NewStack(busy, bar), stop)
	// A folder's files are counted once it has been looked through.
	prog = dialog.NewCustomWithoutButtons("Importing", body, u.win)
	prog.Resize(fitInside(u.win, fyne.NewSize(480, 160)))
	u.showDialog(prog, body, stop.OnTapped, nil)
	items := make([]intake.Item, len(paths))
	for i, p := range paths {
		items[i] = intake.Item{Name: p}
	}
	background(func() {
		defer cancel()
		results, sum := u.runImport(ctx, items, intake.Options{Starting: func(i, total int, name string) {
			u.do(func() {
				label.SetText(filepath.Base(name))
				if total < 2 {
					return
				}
				label.SetText(fmt.Sprintf("%s (%d of %d)", filepath.Base(name), i+1, total))
				if busy.Visible() {
					busy.Stop()
					busy.Hide()
					bar.Show()
				}
				bar.Max = float64(total)
				bar.SetValue(float64(i))
			})
		}})
		u.do(func() {
			busy.Stop()
			prog.Hide()
			u.imported(results, sum)
		})
	})
}

// runImport brings the items in through intake, the path the command
// line takes too, and names each result as the report shows it.
func (u *UI) runImport(ctx context.Context, items []intake.Item, opt intake.Options) ([]importResult, intake.Summary) {
	var results []importResult
	opt.KeepOriginalBytes = settings.KeepOriginalsBytes(u.app.Preferences().String(settings.KeepOriginalsMB))
	sum := intake.Run(ctx, u.lib, items, opt, func(r intake.Result) {
		name := r.Name
		if filepath.IsAbs(name) { // a file picked or dropped: its name is enough
			name = filepath.Base(name)
		}
		results = append(results, importResult{Result: r, name: name})
	})
	return results, sum
}

// imported reports the outcome; a single new source opens in the details
// form so the analyst can check what was detected.
func (u *UI) imported(results []importResult, sum intake.Summary) {
	u.library.reload()
	var ok []importResult
	var lines []string
	briefings := 0
	for _, r := range results {
		switch {
		case r.Err == nil && r.Briefing != nil:
			briefings++
			lines = append(lines, r.name+": briefing “"+r.Briefing.Title+"” added to Briefings")
		case errors.Is(r.Err, intake.ErrStopped):
			lines = append(lines, r.name+": cancelled; nothing of it was imported")
		case r.Err != nil:
			lines = append(lines, r.name+": "+domain.ErrorMessage(r.Err))
		case r.Existing:
			lines = append(lines, r.name+": already in the library as “"+r.Source.Title+"”")
			ok = append(ok, r)
		default:
			ok = append(ok, r)
		}
	}
	if sum.NotStarted > 0 {
		lines = append(lines, fmt.Sprintf("Cancelled: %d of %d files were not imported.", sum.NotStarted, sum.Total))
	}
	if sum.Skipped > 0 {
		lines = append(lines, fmt.Sprintf("Left out %s in the folders: not in a format Attaché imports (%s).",
			plural(sum.Skipped, "file"), intake.Accepted()))
	}
	if len(ok) == 1 && !ok[0].Existing && len(lines) == 0 {
		src := ok[0].Source
		u.library.reader.open(src.ID, -1)
		u.reviewImport(src, reportLines(ok[0].Report))
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
		u.library.reader.open(ok[len(ok)-1].Source.ID, -1)
	}
}

// newSources counts the results that added a source: one already in the
// library was found, not imported.
func newSources(rs []importResult) int {
	n := 0
	for _, r := range rs {
		if !r.Existing {
			n++
		}
	}
	return n
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
		results, sum := u.runImport(u.ctx, []intake.Item{{Name: "clipboard", Text: strings.NewReader(text)}}, intake.Options{})
		u.do(func() {
			if len(results) == 1 && results[0].Err != nil {
				u.showError(results[0].Err)
				return
			}
			u.imported(results, sum)
		})
	})
}

// reportLines is what the importer detected and changed, for the form:
// each finding as "Title: “…” (first line)", then the warnings.
func reportLines(r *ingest.Report) []string {
	if r == nil {
		return nil
	}
	var out []string
	for _, d := range r.Detected {
		out = append(out, findingLine(d))
	}
	return append(out, r.Warnings...)
}

// findingLine reads a finding to the analyst: the field capitalised, the
// value, and where it came from.
func findingLine(f ingest.Finding) string {
	line := f.String()
	return strings.ToUpper(line[:1]) + line[1:]
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
		results, sum := u.runImport(ctx, []intake.Item{{Name: addr, Fetch: true}}, intake.Options{})
		u.do(func() {
			cancelled := end()
			failed := len(results) == 0 || results[0].Err != nil
			if failed && !cancelled && onFail != nil {
				onFail()
			}
			if !cancelled || !failed {
				u.imported(results, sum)
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
