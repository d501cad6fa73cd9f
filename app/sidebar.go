package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// compactBelow is the window width under which the sidebar shows its
// icons only, leaving the room to the view.
const compactBelow = 1000

// sidebarLayout puts the sidebar (nav), a line, and the view (body) side
// by side. The sidebar has the same width in every view, so the view's
// list does not jump when the view changes; in a narrow window it folds
// to its icons.
type sidebarLayout struct {
	u       *UI
	compact bool
}

func (l *sidebarLayout) navWidth() float32 {
	if l.compact {
		return theme.IconInlineSize() + 4*theme.Padding()
	}
	return l.u.nav.MinSize().Width
}

func (l *sidebarLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if compact := size.Width < compactBelow; compact != l.compact {
		l.compact = compact
		l.u.nav.Refresh() // the rows show or hide their names
	}
	nav, line, body := objs[0], objs[1], objs[2]
	w, lw := l.navWidth(), line.MinSize().Width
	nav.Move(fyne.NewPos(0, 0))
	nav.Resize(fyne.NewSize(w, size.Height))
	line.Move(fyne.NewPos(w, 0))
	line.Resize(fyne.NewSize(lw, size.Height))
	body.Move(fyne.NewPos(w+lw, 0))
	body.Resize(fyne.NewSize(size.Width-w-lw, size.Height))
}

func (l *sidebarLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	nav, line, body := objs[0].MinSize(), objs[1].MinSize(), objs[2].MinSize()
	// The narrowest the window can be is with the sidebar folded.
	w := theme.IconInlineSize() + 4*theme.Padding()
	return fyne.NewSize(w+line.Width+body.Width, max(nav.Height, body.Height))
}

// navRowCompact tells the sidebar's rows whether to hide their names.
func (u *UI) navRowCompact() bool { return u.sidebar != nil && u.sidebar.compact }

// setNavRow shows view i in a sidebar row, folded to its icon if narrow.
func (u *UI) setNavRow(row *fyne.Container, icon fyne.Resource, name string) {
	row.Objects[0].(*widget.Icon).SetResource(icon)
	label := row.Objects[1].(*widget.Label)
	label.SetText(name)
	showIf(!u.navRowCompact(), label)
}
