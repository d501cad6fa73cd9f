package app

import (
	"context"
	"errors"
	"maps"
	"net/url"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
)

const (
	prefExportFolder = "exportFolder"
	// prefExportLast prefixes the export form's last choices (the format,
	// then each option's key): the next export starts from them.
	prefExportLast = "exportLast."
)

// statusVersionLater saves the current state and then the version a
// status change from before to now keeps (domain.KeepStatusVersion).
func (c *composer) statusVersionLater(from, now domain.Status) {
	if c.ui.lib.ReadOnly() {
		return
	}
	id := c.d.b.ID
	c.d.flush(func() {
		background(func() {
			_, err := domain.KeepStatusVersion(c.ui.ctx, c.ui.lib, id, from, now)
			c.ui.do(func() { c.ui.showError(err) })
		})
	})
}

// exportJob is what the export dialog chose: the file, its format and
// the format's option values.
type exportJob struct {
	path    string
	format  *export.Format
	opts    export.Options
	release *releaseCopy // the release copy to write instead of the briefing, if any
}

// onExport asks for format, options and place, checks for problems, then
// writes the file off the UI goroutine with a cancel button. The formats
// and their options are export's (export.Formats). The form comes once
// the library holds what is typed ("Saving…" meanwhile).
func (c *composer) onExport() {
	if d := c.d; d != nil {
		d.flush(func() {
			// The default folder is looked up on disk: off the UI goroutine.
			background(func() {
				folder := c.exportFolder()
				c.ui.do(func() {
					// A second Ctrl+E pressed before the first form showed
					// passed the menu's guard: its form would stack on this.
					if _, open := c.ui.topDialog(); c.d == d && !open {
						c.showExportForm(folder)
					}
				})
			})
		})
	}
}

func (c *composer) showExportForm(dir string) { c.showExportFormFor(dir, nil) }

// showExportFormFor is the export form, for the release copy rel if not
// nil.
func (c *composer) showExportFormFor(dir string, rel *releaseCopy) {
	formats := export.Formats()
	labels := make([]string, len(formats))
	for i, f := range formats {
		labels[i] = f.Label
	}
	format := newDialogSelect(labels, nil)
	fields := c.exportOptionFields()
	ext := widget.NewLabel("") // the chosen format's extension, after the name
	var form *widget.Form
	format.OnChanged = func(string) {
		f := formats[max(format.SelectedIndex(), 0)]
		enableOptions(fields, f)
		ext.SetText(f.Ext)
		if form != nil {
			form.Refresh() // greys the labels of the options f does not take
		}
	}
	format.SetSelectedIndex(0)
	if last := c.ui.app.Preferences().String(prefExportLast + "format"); last != "" {
		format.SetSelected(last) // a format no longer offered leaves the first
	}
	name := newDialogEntry()
	name.SetText(fileSafe(c.d.b.Title))
	title := "Export briefing"
	if rel != nil {
		name.SetText(fileSafe(c.d.b.Title + " (release " + rel.level + ")"))
		title = "Export release copy at " + rel.level
	}
	folder := widget.NewLabel(dir)
	folder.Truncation = fyne.TextTruncateEllipsis
	choose := newDialogButton("Choose…", nil, func() {
		d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				folder.SetText(u.Path())
			}
		}, c.ui.win)
		if l, err := storage.ListerForURI(storage.NewFileURI(folder.Text)); err == nil {
			d.SetLocation(l)
		}
		c.ui.showDialog(d, nil, nil, nil)
	})
	items := []*widget.FormItem{{Text: "Format", Widget: format}}
	for i, f := range fields {
		fields[i].item = &widget.FormItem{Text: f.opt.Label, Widget: f.widget()}
		items = append(items, fields[i].item)
	}
	enableOptions(fields, formats[max(format.SelectedIndex(), 0)]) // the greyed rows say why
	items = append(items, &widget.FormItem{Text: "File name", Widget: container.NewBorder(nil, nil, nil, ext, name)},
		&widget.FormItem{Text: "Folder", Widget: container.NewBorder(nil, nil, nil, choose, folder)})
	form = c.ui.showFormLosing(title, "Export", items, fyne.NewSize(620, 560), func(again func()) {
		f := formats[max(format.SelectedIndex(), 0)]
		stem, ok := exportStem(name.Text, f.Ext)
		if !ok {
			// Nothing is written: a name of only an extension is a hidden file.
			again()
			c.ui.inform("No file name", "Type a file name: the export is saved under it, in the folder shown.")
			return
		}
		c.confirmExport(exportJob{path: filepath.Join(folder.Text, stem+f.Ext), format: f,
			opts: optionValues(fields, f), release: rel}, again)
	}, typedNameLost(name))
}

// checkThenExport lists the model's problems before writing: refusals
// stop the export (one dialog naming each portion), notices are shown
// before the analyst goes on. A release copy is checked as it will be
// written.
func (c *composer) checkThenExport(job exportJob) {
	id, title := c.d.b.ID, c.d.b.Title
	rules := c.ui.basisRules() // read on the UI goroutine
	ctx := export.Context{Rules: &rules, Basis: job.opts["basis"], ReadingGuide: job.opts["reading-guide"]}
	background(func() {
		var bundle *domain.Bundle
		var err error
		if job.release != nil {
			bundle = job.release.bundle
		} else {
			load := c.ui.lib.BundleWithoutTexts
			if job.format.NeedsTexts {
				load = c.ui.lib.Bundle
			}
			bundle, err = load(c.ui.ctx, id)
		}
		var problems exportProblems
		if err == nil {
			problems = problemsOf(bundle, ctx, c.ui.dismissedKeys(bundle.Briefing.ID))
		}
		c.ui.do(func() {
			if err != nil {
				c.ui.showError(err)
				return
			}
			// Characters the fonts lack are found by the export itself, which
			// stops before writing (see export), so the PDF is laid out once.
			run := func() { c.export(bundle, job) }
			if len(problems.refusals)+len(problems.notices) == 0 {
				run()
				return
			}
			c.ui.showProblems(title, problems, formatRefuses(job.format), run)
		})
	})
}

// export writes the file off the UI goroutine while a progress dialog
// offers Cancel: the writer stops within a second, and a cancelled export
// leaves neither the file nor a temporary one (export.Format.WriteFile).
func (c *composer) export(bundle *domain.Bundle, job exportJob) {
	ctx, end := c.ui.busy("Exporting", filepath.Base(job.path))
	runExport(func() {
		err := writeExportFile(ctx, job, bundle)
		if err == nil {
			// The version the export keeps, as the command line's does.
			id, level := bundle.Briefing.ID, ""
			if r := job.release; r != nil {
				id, level = r.id, r.level
			}
			_, err = domain.KeepExportVersion(c.ui.ctx, c.ui.lib, id, job.path, level)
		}
		c.ui.do(func() {
			end()
			var mc *export.MissingCharsError
			var refused *export.Refusal
			switch {
			case errors.Is(err, context.Canceled):
				return
			case errors.As(err, &refused):
				c.ui.showProblems(bundle.Briefing.Title, refusalProblems(refused), true, nil)
			case errors.As(err, new(*export.TemplateError)):
				c.ui.inform("House template", templateMessage(err))
			case errors.As(err, &mc):
				c.ui.confirm("Characters the PDF fonts lack", missingText(mc)+"\n\nExport anyway, printing them as their codes?", func(ok bool) {
					if ok {
						c.export(bundle, job.with(export.AllowMissing, "true"))
					}
				})
			case err != nil:
				c.ui.showError(err)
			default:
				c.rememberExport(job)
				c.exported(job.path)
			}
		})
	})
}

// runExport runs an export off the UI goroutine: background, which tests
// run inline (see TestMain), except in the test that cancels an export
// while it is being written, which needs it on a goroutine of its own.
var runExport = func(f func()) { background(f) }

// with is the job with one option set, its other options kept.
func (j exportJob) with(key, value string) exportJob {
	opts := make(export.Options, len(j.opts)+1)
	maps.Copy(opts, j.opts)
	opts[key] = value
	j.opts = opts
	return j
}

// exported offers to open the file or its folder.
func (c *composer) exported(path string) {
	var d dialog.Dialog
	buttons := container.NewHBox(
		newDialogButton("Open file", nil, func() { d.Hide(); c.ui.openExported(path, false) }),
		newDialogButton("Show folder", nil, func() { d.Hide(); c.ui.openExported(path, true) }))
	d = c.ui.showCustom("Exported", "Close", container.NewVBox(widget.NewLabel("Saved "+path), buttons))
}

// openExported opens the exported file (or, with folder, its folder) in
// the desktop's viewer. When there is none it says so, offering the
// folder instead, and when the folder cannot be shown either, the path
// to copy.
func (u *UI) openExported(path string, folder bool) {
	target := path
	if folder {
		target = filepath.Dir(path)
	}
	background(func() {
		err := openPath(target)
		u.do(func() {
			switch {
			case err == nil:
			case !folder:
				u.confirmWith("No program to open the file", "Attaché could not open "+filepath.Base(path)+": "+err.Error()+
					".\n\nShow the folder it is in instead?", "Show folder", "Close", func(ok bool) {
					if ok {
						u.openExported(path, true)
					}
				})
			default:
				u.showPath(path, err)
			}
		})
	})
}

// showPath shows the exported file's path, selectable, with a button to
// copy it, when no program could show it.
func (u *UI) showPath(path string, err error) {
	entry := newDialogEntry()
	entry.SetText(path)
	copyBtn := newDialogButton("Copy path", nil, func() { u.app.Clipboard().SetContent(path) })
	msg := widget.NewLabel("No program could show the folder (" + err.Error() + "). The file is saved here:")
	msg.Wrapping = fyne.TextWrapWord
	d := u.showCustom("Where the file is", "Close", container.NewVBox(msg, container.NewBorder(nil, nil, nil, copyBtn, entry)))
	d.Resize(fitInside(u.win, fyne.NewSize(620, 200)))
}

// openPath opens a file or folder in the desktop's program for it. On
// Linux xdg-open starts at once even when it then finds no program, so
// its exit status is awaited for a moment; a program still running then
// is taken as opened.
var openPath = func(p string) error {
	if runtime.GOOS != "linux" {
		return fyne.CurrentApp().OpenURL(fileURL(p))
	}
	cmd := exec.Command("xdg-open", p)
	if err := cmd.Start(); err != nil {
		return userError{"no desktop opener (xdg-open) is installed"}
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return userError{"no program is set up to open it; xdg-open ended with " + err.Error()}
		}
		return nil
	case <-time.After(3 * time.Second):
		return nil
	}
}

// fileURL is the address of a file on this computer. storage.NewFileURI
// makes the path absolute with forward slashes; url.URL then escapes what
// an address cannot hold as it is ('#' would start a fragment, '%' an
// escape, a space ends the address), which Fyne's URI.String leaves raw.
func fileURL(p string) *url.URL {
	path := storage.NewFileURI(p).Path()
	if !strings.HasPrefix(path, "/") {
		path = "/" + path // C:/Users/… on Windows
	}
	return &url.URL{Scheme: "file", Path: path}
}

func missingText(mc *export.MissingCharsError) string {
	lines := make([]string, 0, len(mc.Chars))
	for _, m := range mc.Chars {
		lines = append(lines, "The PDF fonts cannot show "+string(m.Char)+" ("+m.Code+") in "+strings.Join(m.Where, ", ")+"; it would print as ["+m.Code+"].")
	}
	return strings.Join(lines, "\n")
}
