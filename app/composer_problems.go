package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"slices"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
)

// exportProblems are the export model's findings on a briefing, in the
// model's words: refusals, each naming its portion and what to do, and
// notices (analyst notes included, an empty section).
type exportProblems struct {
	refusals, notices []string
}

// problemsOf are the notices of the briefing laid out as the export will
// be (ctx: the basis thresholds in Settings, the options chosen; dismissed
// the language findings dismissed): one path with the command line's, the
// same checks the writers refuse by and the composer's checks show.
func problemsOf(b *domain.Bundle, ctx export.Context, dismissed map[string]bool) exportProblems {
	n := export.NoticesOf(b, ctx, dismissed)
	return exportProblems{refusals: n.Refusals, notices: n.Notices}
}

// refusalProblems are the problems of a refused export.
func refusalProblems(r *export.Refusal) exportProblems {
	var p exportProblems
	for _, w := range r.Problems {
		p.refusals = append(p.refusals, w.Message)
	}
	return p
}

// formatRefuses tells whether the format refuses wrong markings: every
// one but the JSON interchange file, the analyst's own copy of the data
// (see export.Format.Write).
func formatRefuses(f *export.Format) bool { return f.Name != "json" }

// showProblems lists the problems in one dialog before an export. With
// refusals (and a format that refuses) the export cannot go ahead: the
// dialog says what to put right and offers only Close. Otherwise the
// analyst may export (proceed) or go back.
func (u *UI) showProblems(title string, p exportProblems, refuses bool, proceed func()) {
	blocked := refuses && len(p.refusals) > 0
	intro := "Before you export:"
	if blocked {
		intro = "Attaché will not export “" + title + "” until " + plural(len(p.refusals), "problem") + " with its markings " +
			isAre(len(p.refusals)) + " put right in the briefing:"
	}
	list := container.NewVBox()
	add := func(lines []string, imp widget.Importance) {
		for _, l := range lines {
			lbl := widget.NewLabel("• " + l)
			lbl.Wrapping = fyne.TextWrapWord
			lbl.Importance = imp
			list.Add(lbl)
		}
	}
	add(p.refusals, widget.DangerImportance)
	add(p.notices, widget.MediumImportance)
	head := widget.NewLabel(intro)
	head.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(head, nil, nil, nil, u.listScroll(list, append(slices.Clone(p.refusals), p.notices...)))
	var d *dialog.CustomDialog
	dialogTitle := "Exporting “" + clipRunes(title, 60) + "”" // the list's head says "Before you export:"
	if blocked {
		dialogTitle = "Export refused"
	}
	d = dialog.NewCustomWithoutButtons(dialogTitle, content, u.win)
	closeBtn := newDialogButton("Close", theme.CancelIcon(), func() { d.Hide() })
	buttons := []fyne.CanvasObject{closeBtn}
	if !blocked {
		closeBtn.SetText("Cancel")
		exportBtn := newDialogButton("Export", theme.ConfirmIcon(), func() { d.Hide(); proceed() })
		exportBtn.Importance = widget.HighImportance
		buttons = append(buttons, exportBtn)
	}
	for _, b := range buttons {
		b.(*dialogButton).setKeys(u.escape, nil)
	}
	d.SetButtons(buttons)
	d.Resize(fitInside(u.win, fyne.NewSize(680, 0))) // as tall as the list's scroll allows
	u.showDialog(d, content, nil, nil)
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// askList asks a question about a list that may be long (the marks a
// change of scheme clears, the portions a release copy leaves out): the
// list scrolls between the intro and the question. Escape answers no;
// with yes "" there is only the no button, for a refusal.
func (u *UI) askList(title, intro string, items []string, question, yes, no string, answer func(bool)) {
	list := container.NewVBox()
	for _, it := range items {
		l := widget.NewLabel("• " + it)
		l.Wrapping = fyne.TextWrapWord
		list.Add(l)
	}
	head := widget.NewLabel(intro)
	head.Wrapping = fyne.TextWrapWord
	foot := widget.NewLabel(question)
	foot.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(head, foot, nil, nil, u.listScroll(list, items))
	d := dialog.NewCustomWithoutButtons(title, content, u.win)
	reply := func(ok bool) func() {
		return func() {
			d.Hide()
			answer(ok)
		}
	}
	noBtn := newDialogButton(no, theme.CancelIcon(), reply(false))
	noBtn.setKeys(u.escape, nil)
	buttons := []fyne.CanvasObject{noBtn}
	if yes != "" { // otherwise the list is a refusal, closed with no
		yesBtn := newDialogButton(yes, theme.ConfirmIcon(), reply(true))
		yesBtn.Importance = widget.HighImportance
		yesBtn.setKeys(u.escape, nil)
		buttons = append(buttons, yesBtn)
	}
	d.SetButtons(buttons)
	d.Resize(fitInside(u.win, fyne.NewSize(680, 0))) // as tall as the list's scroll allows
	u.showDialog(d, content, reply(false), nil)
}

// listScroll scrolls a dialog's list of items: as tall as their wrapped
// lines need (each sentence names a portion and what to do: cut off, it
// says neither), never more than half the window, so the dialog's text
// and buttons stay in sight in a small window.
func (u *UI) listScroll(list fyne.CanvasObject, items []string) *container.Scroll {
	s := container.NewVScroll(list)
	lines := 0
	for _, it := range items {
		lines += 1 + len([]rune(it))/70 // about 70 characters to a line of the 680-wide dialog
	}
	line := fyne.MeasureText("Mg", theme.TextSize(), fyne.TextStyle{}).Height + theme.Padding()
	want := float32(max(lines, 1))*line + float32(len(items))*2*theme.Padding()
	s.SetMinSize(fyne.NewSize(0, min(want, u.win.Canvas().Size().Height*0.5)))
	return s
}

// dismissedKeys are the keys of the briefing's dismissed findings, read
// off the UI goroutine; none when they cannot be read (the findings then
// show, which errs on the side of the reader).
func (u *UI) dismissedKeys(briefingID int64) map[string]bool {
	keys := map[string]bool{}
	dis, err := u.lib.Dismissals(u.ctx, briefingID)
	if err != nil {
		return keys
	}
	for _, d := range dis {
		keys[d.Key] = true
	}
	return keys
}
