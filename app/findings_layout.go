package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The checks panel's bar and the Compose tab's layout around it.

// showHead sums the checks up in the panel's bar, and sizes the list.
func (p *checksPanel) showHead(findings, warnings, risks, lost int) {
	var parts []string
	if lost > 0 { // the worst first, as the list has it
		parts = append(parts, plural(lost, "judgment")+" lost "+itsTheir(lost)+" support")
	}
	if findings > 0 {
		parts = append(parts, plural(findings, "language finding"))
	}
	if warnings > 0 {
		parts = append(parts, plural(warnings, "warning"))
	}
	if risks > 0 {
		parts = append(parts, plural(risks, "block")+" on troubled sources")
	}
	text := "No findings"
	p.icon.SetResource(theme.ConfirmIcon())
	if len(parts) > 0 {
		text = "Checks: " + strings.Join(parts, " · ")
		p.icon.SetResource(theme.WarningIcon())
	}
	if n := len(p.dismissed); n > 0 {
		text += " (" + strconv.Itoa(n) + " dismissed)"
	}
	p.head.SetText(text)
	p.showToggle()
	// The list's height is the Compose tab's to give: lay it out again
	// when the list's needs changed.
	if need := p.list.MinSize().Height; need != p.laidFor && p.outer != nil {
		p.laidFor = need
		p.outer.Refresh()
		return
	}
	p.content.Refresh()
}

// showToggle points the fold button as an accordion's: ▸ folded, ▾ open.
func (p *checksPanel) showToggle() {
	icon := theme.MenuExpandIcon()
	if p.open() {
		icon = theme.MenuDropDownIcon()
	}
	if p.toggle.Icon != icon {
		p.toggle.SetIcon(icon)
	}
}

// smallEdit is the height of the Compose tab under which the list starts
// folded: the document needs the room.
const smallEdit = 700

// open says whether the list is shown: as the analyst chose, else as the
// last layout found room for it.
func (p *checksPanel) open() bool {
	if p.fold != 0 {
		return p.fold > 0
	}
	return p.roomy
}

// listHeight is the height the list takes in a Compose tab avail high:
// none when folded; opened by itself, a few rows, a fifth of the tab at
// most. Opened by the analyst, who came to read the checks, it takes up
// to half the tab: a fifth of a small window showed a row and a half.
func (p *checksPanel) listHeight(avail float32) float32 {
	p.roomy = avail >= smallEdit
	if !p.open() || len(p.list.Objects) == 0 {
		return 0
	}
	row := widget.NewLabel("Mg").MinSize().Height
	if p.fold > 0 {
		return min(p.list.MinSize().Height, 10*row, avail/2)
	}
	return min(p.list.MinSize().Height, 5*row, avail/5)
}

// around lays out the Compose tab: the toolbar on top, the checks at the
// bottom, the document between. The checks' list takes its height from
// the tab at each layout, so that the window's minimum never follows its
// size (a minimum that did would let the window only grow).
func (p *checksPanel) around(bar, doc fyne.CanvasObject) *fyne.Container {
	p.outer = container.New(&checksEditLayout{p}, bar, doc, p.content)
	return p.outer
}

type checksEditLayout struct{ p *checksPanel }

func (l *checksEditLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		m := o.MinSize()
		w, h = max(w, m.Width), h+m.Height
	}
	return fyne.NewSize(w, h)
}

func (l *checksEditLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	bar, doc, panel := objs[0], objs[1], objs[2]
	barH, headH := bar.MinSize().Height, panel.MinSize().Height
	listH := l.p.listHeight(size.Height - barH - headH)
	showIf(listH > 0, l.p.scroll)
	l.p.showToggle()
	bar.Move(fyne.Position{})
	bar.Resize(fyne.NewSize(size.Width, barH))
	panelH := headH + listH
	doc.Move(fyne.NewPos(0, barH))
	doc.Resize(fyne.NewSize(size.Width, size.Height-barH-panelH))
	panel.Move(fyne.NewPos(0, size.Height-panelH))
	panel.Resize(fyne.NewSize(size.Width, panelH))
}

// itsTheir is "its" for one, "their" for more.
func itsTheir(n int) string {
	if n == 1 {
		return "its"
	}
	return "their"
}
