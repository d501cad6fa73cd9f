package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/widgets"
)

// A source's standing (retracted or discredited, marked by hand with a
// note) and its concerns (that, or a recheck finding it changed or
// gone), flagged wherever the source and what rests on it are listed.

var standingChoices = []string{"Sound: nothing known against it", "Retracted by its publisher", "Discredited"}
var standingValues = []domain.Standing{domain.StandingSound, domain.StandingRetracted, domain.StandingDiscredited}

// onSourceStanding asks how the source stands, with a note saying why.
func (u *UI) onSourceStanding(src *domain.Source) {
	if src == nil {
		return
	}
	pick := widget.NewRadioGroup(standingChoices, nil)
	pick.Required = true
	pick.SetSelected(standingChoices[0])
	for i, v := range standingValues {
		if v == src.Standing {
			pick.SetSelected(standingChoices[i])
		}
	}
	note := newDialogMultiEntry()
	note.SetPlaceHolder("Why: “withdrawn by the publisher on 3 March”, “figures contradicted by the ministry”")
	note.SetText(src.StandingNote)
	note.SetMinRowsVisible(3)
	note.Validator = limitValidator(domain.StandingNote)
	intro := widget.NewLabel("Excerpts, key judgments and briefings resting on “" + clipRunes(src.Title, 80) + "” are flagged while it is retracted or discredited.")
	intro.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(intro, pick, note)
	var d *dialog.CustomDialog
	save := func() {
		st := domain.StandingSound
		for i, c := range standingChoices {
			if c == pick.Selected {
				st = standingValues[i]
			}
		}
		if st != domain.StandingSound && strings.TrimSpace(note.Text) == "" {
			u.inform("Say why", "Write a note saying why the source is "+string(st)+": readers of the flag will ask.")
			return
		}
		if err := note.Validate(); err != nil {
			return // the field says what is wrong
		}
		d.Hide()
		typed := *src // shown again after a failure, as typed
		typed.Standing, typed.StandingNote = st, note.Text
		u.setStanding(src.ID, st, strings.TrimSpace(note.Text), func() { u.onSourceStanding(&typed) })
	}
	d = dialog.NewCustomWithoutButtons("Source standing", content, u.win)
	cancel := newDialogButton("Cancel", theme.CancelIcon(), func() { d.Hide() })
	ok := newDialogButton("Save", theme.ConfirmIcon(), save)
	ok.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{cancel, ok})
	d.Resize(fitInside(u.win, fyne.NewSize(560, 0)))
	u.showDialog(d, content, nil, save)
}

// setStanding records a standing off the UI goroutine; a failure says so
// and offers the form again (again), so the note typed is not lost.
func (u *UI) setStanding(id int64, st domain.Standing, note string, again func()) {
	background(func() {
		err := u.lib.SetSourceStanding(u.ctx, id, st, note)
		u.do(func() {
			if err != nil {
				again()
				u.showError(err)
				return
			}
			u.libraryChanged(changedSources | changedExcerpts | changedBriefings)
		})
	})
}

// concernText names a source's concerns for a flag: "Retracted",
// "Changed since import", "Unavailable (HTTP 404)".
func concernText(sc *domain.SourceConcern) string {
	if sc == nil {
		return ""
	}
	var parts []string
	for i := len(sc.Concerns) - 1; i >= 0; i-- { // the worst first: retracted before changed
		switch c := sc.Concerns[i]; c {
		case domain.ConcernChanged:
			parts = append(parts, "changed since import")
		case domain.ConcernUnavailable:
			s := "unavailable"
			if sc.Check != nil && sc.Check.HTTPStatus > 0 {
				s += " (HTTP " + itoa(sc.Check.HTTPStatus) + ")"
			}
			parts = append(parts, s)
		default:
			parts = append(parts, string(c))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return upperFirst(strings.Join(parts, ", "))
}

// concernDetail is a source's concern as a sentence for its details:
// the flag, the note, when.
func concernDetail(sc *domain.SourceConcern) string {
	if concernText(sc) == "" {
		return ""
	}
	// Each concern with its own reason, worst first: the standing's note
	// explains a retraction, not why the page could not be read.
	var parts []string
	for i := len(sc.Concerns) - 1; i >= 0; i-- {
		c := sc.Concerns[i]
		part := concernText(&domain.SourceConcern{Concerns: []domain.Concern{c}, Check: sc.Check})
		why := ""
		switch c {
		case domain.ConcernRetracted, domain.ConcernDiscredited:
			why = sc.Note
		default:
			if sc.Check != nil {
				why = sc.Check.Detail
			}
		}
		if why != "" {
			part += ": " + why
		}
		if len(parts) > 0 {
			part = lowerFirst(part)
		}
		parts = append(parts, part)
	}
	s := strings.Join(parts, "; ")
	if !sc.At.IsZero() {
		s += " (" + sc.At.Local().Format("2 Jan 2006") + ")"
	}
	return s
}

// flaggedRow is a list row of a title and a line under it, with an icon
// beside them when what the row shows has a concern.
func flaggedRow(bold bool) func() fyne.CanvasObject {
	return func() fyne.CanvasObject {
		two := twoLineRow(bold)().(*fyne.Container)
		icon := widget.NewIcon(theme.WarningIcon())
		icon.Hide()
		return container.NewBorder(nil, nil, icon, nil, two)
	}
}

// setFlaggedRow fills a flaggedRow: flag, when not "", is said first on
// the second line, after the icon.
func setFlaggedRow(o fyne.CanvasObject, title, meta, flag string) {
	if flag != "" {
		meta = flag + " · " + meta
	}
	markRow(o, title, meta, flag != "")
}

// markRow fills a flaggedRow with its two lines as given, the second and
// the icon in the warning colour when flagged.
func markRow(o fyne.CanvasObject, title, line string, flagged bool) {
	row := o.(*fyne.Container)
	two, icon := row.Objects[0].(*fyne.Container), row.Objects[1].(*widget.Icon)
	t, m := two.Objects[0].(*widget.Label), two.Objects[1].(*widget.Label)
	t.SetText(title)
	m.Importance = widget.LowImportance
	if flagged {
		m.Importance = widget.WarningImportance
	}
	m.SetText(line)
	showIf(flagged, icon)
}

// addIntegrityTools adds the open source's Recheck and Standing… to the
// reader's toolbar.
func (r *readerScreen) addIntegrityTools(bar *widgets.Toolbar) {
	recheck := r.ui.writes(widget.NewButtonWithIcon("Recheck…", theme.ViewRefreshIcon(), r.ui.onRecheckSources)) // this source first
	standing := r.ui.writes(widget.NewButtonWithIcon("Standing…", theme.WarningIcon(), func() { r.ui.onSourceStanding(r.source) }))
	bar.Add(recheck, "Recheck sources…")
	bar.Add(standing, "Mark retracted or discredited…")
}

// showConcern says the open source's concern first in its details.
func (r *readerScreen) showConcern(src *domain.Source) {
	r.details.Importance = widget.LowImportance
	if s := concernDetail(src.Concern); s != "" {
		r.details.Importance = widget.WarningImportance
		r.details.SetText(s + "\n" + r.details.Text)
	}
	r.details.Refresh()
}

// loadConcerns reads the sources with a concern, by source ID, for the
// lists' flags (off the UI goroutine). A failure leaves the flags off:
// the list's own load reports what is wrong with the library.
func (u *UI) loadConcerns() map[int64]*domain.SourceConcern {
	list, err := u.lib.SourceConcerns(u.ctx)
	if err != nil {
		return nil
	}
	m := make(map[int64]*domain.SourceConcern, len(list))
	for _, c := range list {
		m[c.SourceID] = c
	}
	return m
}

// loadRisks reads the briefings resting on sources with a concern, by
// briefing ID (off the UI goroutine), as loadConcerns.
func (u *UI) loadRisks() map[int64]*domain.BriefingRisk {
	list, err := u.lib.BriefingsAtRisk(u.ctx)
	if err != nil {
		return nil
	}
	m := make(map[int64]*domain.BriefingRisk, len(list))
	for _, r := range list {
		m[r.BriefingID] = r
	}
	return m
}

// excerptFlag is an excerpt's flag: its source's concern, and whether
// its quote is gone from the source as read now.
func excerptFlag(sc *domain.SourceConcern, excerptID int64) string {
	s := concernText(sc)
	if s == "" {
		return ""
	}
	if sc.QuoteGone(excerptID) {
		return "Quote gone from the source · " + s
	}
	return "Source " + strings.ToLower(s[:1]) + s[1:]
}

// riskFlag is a briefing's flag: how many troubled sources it rests on,
// now or in versions kept in its history.
func riskFlag(r *domain.BriefingRisk) string {
	switch {
	case r == nil:
		return ""
	case len(r.Sources) > 0:
		return "Rests on " + plural(len(r.Sources), "source") + " changed, gone or discredited"
	case len(r.Versions) > 0:
		return plural(len(r.Versions), "version") + " in its history " + isAre(len(r.Versions)) + " on troubled sources"
	}
	return ""
}
