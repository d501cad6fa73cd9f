package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/intake"
)

// showRecheckResults lists what a recheck found, source by source: a
// changed one with where its quotes stand and a button to import the new
// version; an unavailable one with the server's answer or the missing
// file; a skipped one (on this computer or a private network, the box not
// ticked) with how to include it. stopped sources were not rechecked
// (Cancel).
func (u *UI) showRecheckResults(results []intake.RecheckResult, stopped int) {
	list := container.NewVBox()
	counts := map[domain.CheckStatus]int{}
	var lines []string // for the list's height, as wrapped
	for _, r := range results {
		if r.Check != nil {
			counts[r.Check.Status]++
		}
		list.Add(u.recheckRow(r))
		lines = append(lines, r.Source.Title, checkLine(r)+strings.Repeat(" ", 30)) // the button beside it takes room
	}
	var sum []string
	for _, st := range []domain.CheckStatus{domain.CheckChanged, domain.CheckUnavailable, domain.CheckUnchanged} {
		if counts[st] > 0 {
			sum = append(sum, fmt.Sprintf("%d %s", counts[st], st))
		}
	}
	skipped := counts[domain.CheckSkipped]
	head := "Rechecked " + plural(len(results)-skipped, "source")
	if len(sum) > 0 {
		head += ": " + strings.Join(sum, ", ")
	}
	head += "."
	if skipped > 0 {
		head += " Skipped " + plural(skipped, "source") + " on this computer or a private network: " + skippedHow
	}
	if stopped > 0 {
		head += " Stopped before " + plural(stopped, "other source") + "."
	}
	if len(results) == 0 && stopped == 0 {
		head = "No source can be read again: rechecks read web pages, and files whose place Attaché kept when they were imported."
	}
	top := widget.NewLabel(head)
	top.Wrapping = fyne.TextWrapWord
	scroll := u.listScroll(list, lines)
	content := container.NewBorder(top, nil, nil, nil, scroll)
	d := dialog.NewCustom("Recheck results", "Close", content, u.win)
	d.Resize(fitInside(u.win, fyne.NewSize(760, 0)))
	u.showDialog(d, content, nil, nil)
}

// recheckRow is one source's result.
func (u *UI) recheckRow(r intake.RecheckResult) fyne.CanvasObject {
	title := widget.NewLabel(r.Source.Title)
	title.TextStyle.Bold = true
	title.Truncation = fyne.TextTruncateEllipsis
	line := widget.NewLabel(checkLine(r))
	line.Wrapping = fyne.TextWrapWord
	icon := widget.NewIcon(theme.ConfirmIcon())
	switch {
	case r.Err != nil:
		icon.SetResource(theme.ErrorIcon())
	case r.Check != nil && r.Check.Status == domain.CheckChanged:
		icon.SetResource(theme.WarningIcon())
	case r.Check != nil && r.Check.Status == domain.CheckUnavailable:
		icon.SetResource(theme.ErrorIcon())
	case r.Check != nil && r.Check.Status == domain.CheckSkipped:
		icon.SetResource(theme.InfoIcon()) // not read: neither sound nor a failure
	}
	row := container.NewBorder(nil, nil, container.NewCenter(icon), nil, container.NewVBox(title, line))
	if r.Fresh == nil || r.Err != nil {
		return row
	}
	var imp *widget.Button
	imp = widget.NewButtonWithIcon("Import the new version", theme.DownloadIcon(), func() {
		imp.Disable() // once
		u.importNewVersion(r.Source, r.Fresh, func(ok bool) {
			if ok {
				imp.SetText("Imported")
			} else {
				imp.Enable()
			}
		})
	})
	return container.NewBorder(nil, nil, nil, container.NewCenter(imp), row)
}

// skippedHow says how to include the sources a recheck skipped.
const skippedHow = "recheck with “Also pages on this computer or a private network” ticked to include such pages, if they are your own."

// checkLine says what a recheck found of a source, for the analyst.
func checkLine(r intake.RecheckResult) string {
	if r.Err != nil {
		return "Not recorded: " + domain.ErrorMessage(r.Err)
	}
	c := r.Check
	if c == nil {
		return "Not rechecked."
	}
	switch c.Status {
	case domain.CheckUnchanged:
		return "Unchanged: " + c.Detail + "."
	case domain.CheckChanged:
		return "Changed: " + c.Detail + ". The text imported is kept; import the new version to cut excerpts from it."
	case domain.CheckSkipped:
		return "Skipped, not read: " + c.Detail + ". Nothing was fetched or recorded." // the head says how to include it
	}
	s := "Unavailable"
	if c.HTTPStatus > 0 {
		s += fmt.Sprintf(" (HTTP %d)", c.HTTPStatus)
	}
	s += ": " + c.Detail + "."
	if !r.Recorded {
		s += " Nothing was recorded."
	}
	return s
}

// importNewVersion imports the text a recheck read as a new version of
// old, linked to it (off the UI goroutine); done says whether it was.
func (u *UI) importNewVersion(old, fresh *domain.Source, done func(bool)) {
	background(func() {
		existing, err := intake.ImportNewVersion(u.ctx, u.lib, old, fresh)
		u.do(func() {
			done(err == nil)
			if err != nil {
				u.showError(err)
				return
			}
			u.libraryChanged(changedSources)
			if existing {
				u.inform("Already in the library", "The library already holds this text as a source: it was not imported again.")
			}
		})
	})
}
