package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/intake"
	"github.com/attache/attache/internal/settings"
)

// Recheck sources: read web pages and files again, compare their text
// with what was imported and record what was found (intake.Recheck, the
// path the command line takes). The network is touched only here, when
// the analyst asks. The imported text is never replaced; a changed
// source can be imported as a new version of it.

// recheckOptions are the options of an app recheck (a variable for the
// tests, which fetch from a server on this computer).
var recheckOptions = func(u *UI, private bool) intake.RecheckOptions {
	return intake.RecheckOptions{Private: private,
		KeepOriginalBytes: settings.KeepOriginalsBytes(u.app.Preferences().String(settings.KeepOriginalsMB))}
}

// onRecheckSources asks which sources to recheck: the one open in the
// Library, or every source that can be read again.
func (u *UI) onRecheckSources() {
	if u.lib.ReadOnly() {
		u.inform("Recheck sources", "This library is open read-only: a recheck could not record what it finds.")
		return
	}
	open := u.library.reader.source
	choices := []string{"Every source that can be read again"}
	if open != nil {
		choices = append([]string{"This source: “" + clipRunes(open.Title, 60) + "”"}, choices...)
	}
	scope := widget.NewRadioGroup(choices, nil)
	scope.SetSelected(choices[0])
	scope.Required = true
	private := widget.NewCheck("Also pages on this computer or a private network (your intranet)", nil)
	note := widget.NewLabel("Attaché reads each web page and file again and compares its text with the one imported. " +
		"Nothing imported is replaced. Addresses on a private network are skipped unless you tick the box, " +
		"since a source's address may have come from someone else's briefing file.")
	note.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(note, scope, private)
	var d *dialog.CustomDialog
	start := func() {
		d.Hide()
		var ids []int64
		if open != nil && scope.Selected == choices[0] {
			ids = []int64{open.ID}
		}
		u.recheck(ids, private.Checked)
	}
	d = dialog.NewCustomWithoutButtons("Recheck sources", content, u.win)
	cancel := newDialogButton("Cancel", theme.CancelIcon(), func() { d.Hide() })
	ok := newDialogButton("Recheck", theme.ViewRefreshIcon(), start)
	ok.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{cancel, ok})
	d.Resize(fitInside(u.win, fyne.NewSize(560, 0)))
	u.showDialog(d, content, nil, start)
}

// recheck rechecks the sources ids (nil: every one that can be read
// again) off the UI goroutine, with a progress dialog whose Cancel stops
// it within moments; then lists what was found.
func (u *UI) recheck(ids []int64, private bool) {
	ctx, cancel := context.WithCancel(u.ctx)
	label := widget.NewLabel("Looking for sources to recheck…")
	label.Truncation = fyne.TextTruncateEllipsis
	bar := widget.NewProgressBar()
	var prog *dialog.CustomDialog
	stop := newDialogButton("Cancel", theme.CancelIcon(), func() { cancel(); label.SetText("Stopping…") })
	body := container.NewVBox(label, bar, stop)
	prog = dialog.NewCustomWithoutButtons("Rechecking sources", body, u.win)
	prog.Resize(fitInside(u.win, fyne.NewSize(480, 160)))
	u.showDialog(prog, body, stop.OnTapped, nil)
	opt := recheckOptions(u, private)
	background(func() {
		defer cancel()
		results, stopped, err := u.runRecheck(ctx, ids, opt, func(i, total int, title string) {
			u.do(func() {
				if ctx.Err() != nil {
					return
				}
				label.SetText(fmt.Sprintf("%s (%d of %d)", clipRunes(title, 60), i+1, total))
				bar.Max = float64(total)
				bar.SetValue(float64(i))
			})
		})
		u.do(func() {
			prog.Hide()
			if len(results) > 0 {
				u.libraryChanged(changedSources | changedExcerpts | changedBriefings) // flags and concerns
			}
			if err != nil {
				u.showError(err)
				return
			}
			u.showRecheckResults(results, stopped)
		})
	})
}

// runRecheck loads each source (with its text) and rechecks it, one at a
// time, so that a stop is seen between sources as well as within one.
// Runs off the UI goroutine. stopped counts the sources not rechecked.
func (u *UI) runRecheck(ctx context.Context, ids []int64, opt intake.RecheckOptions, starting func(i, total int, title string)) ([]intake.RecheckResult, int, error) {
	if ids == nil {
		list, err := u.lib.Sources(ctx, domain.SourceFilter{})
		if err != nil {
			return nil, 0, err
		}
		for _, s := range list {
			if intake.Rechecks(s) {
				ids = append(ids, s.ID)
			}
		}
	}
	var out []intake.RecheckResult
	for i, id := range ids {
		if ctx.Err() != nil {
			return out, len(ids) - i, nil
		}
		src, err := u.lib.Source(ctx, id)
		if err != nil {
			if ctx.Err() != nil {
				return out, len(ids) - i, nil
			}
			return out, 0, err
		}
		starting(i, len(ids), src.Title)
		stopped := false
		intake.Recheck(ctx, u.lib, []*domain.Source{src}, opt, func(r intake.RecheckResult) {
			if r.Err == intake.ErrStopped {
				stopped = true
				return
			}
			out = append(out, r)
		})
		if stopped {
			return out, len(ids) - i, nil
		}
	}
	return out, 0, nil
}
