package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/integrity"
)

// The rows of the checks panel.

// findingRow lists a finding: where, the words and what to do; tapped,
// it puts the caret on the words.
func (p *checksPanel) findingRow(f integrity.Finding, at int) fyne.CanvasObject {
	now := f
	now.Index = at // the block's place now: typing may have moved it
	row := newCheckRow(theme.WarningIcon(), integrity.FindingLine(p.c.d.b, now), func() { p.goTo(f, at) })
	dismiss := widget.NewButton("Dismiss…", func() { p.askDismiss(f) })
	dismiss.Importance = widget.LowImportance
	if p.c.ui.lib.ReadOnly() {
		dismiss.Disable()
	}
	return container.NewBorder(nil, nil, nil, dismiss, row)
}

func (p *checksPanel) warningRow(w export.Warning) fyne.CanvasObject {
	icon := theme.InfoIcon() // a notes-included or empty-section notice
	switch {
	case w.Refuse:
		icon = theme.ErrorIcon()
	case strings.HasPrefix(string(w.Code), "basis-") || w.Code == export.WarnSourceConcern:
		icon = theme.WarningIcon() // as grave as a finding in the words
	}
	var tap func()
	if w.Block >= 0 {
		tap = func() { p.c.editBlock(w.Block) }
	}
	return newCheckRow(icon, w.Message, tap)
}

func (p *checksPanel) riskRow(r integrity.Risk) fyne.CanvasObject {
	tap := func() {
		if i := blockIndexByID(p.c.d.b, r.Block); i >= 0 {
			p.c.editBlock(i)
		}
	}
	return newCheckRow(theme.ErrorIcon(), r.Message, tap)
}

// dismissedRow lists a dismissed finding, with a way to bring it back.
func (p *checksPanel) dismissedRow(d *domain.Dismissal) fyne.CanvasObject {
	text := "Dismissed: “" + d.Words + "”"
	if d.Note != "" {
		text += " — " + d.Note
	}
	row := newCheckRow(theme.VisibilityOffIcon(), text, nil)
	back := widget.NewButton("Bring back", func() { p.undismiss(d) })
	back.Importance = widget.LowImportance
	if p.c.ui.lib.ReadOnly() {
		back.Disable()
	}
	return container.NewBorder(nil, nil, nil, back, row)
}
