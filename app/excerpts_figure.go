package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

// excerptFigure is the Excerpts view's part for a figure excerpt: the
// figure as cut out of its page, and its caption, saved as typed like the
// note. Listings carry no image, so it is read from the library when a
// figure excerpt is selected, off the UI goroutine.
type excerptFigure struct {
	s       *excerptsScreen
	box     *fyne.Container // shown for a figure excerpt only
	image   *fyne.Container // the figure, or why it is missing
	caption *dialogEntry
	loads   int // generation of the newest image load; older ones are dropped
}

func newExcerptFigure(s *excerptsScreen) *excerptFigure {
	f := &excerptFigure{s: s, image: container.NewStack(), caption: newDialogEntry()}
	f.caption.SetPlaceHolder("What the figure shows, printed under it as “Figure N: …”")
	f.caption.Validator = limitValidator(domain.FigureCaption)
	f.caption.OnChanged = func(string) { s.onField() }
	form := widget.NewForm(&widget.FormItem{Text: "Caption", Widget: f.caption})
	if s.ui.lib.ReadOnly() {
		disableEditing(form)
	}
	f.box = container.NewVBox(f.image, form)
	f.box.Hide()
	return f
}

// show shows e's figure and caption, or hides the part for a text excerpt.
func (f *excerptFigure) show(e *domain.Excerpt) {
	f.loads++
	if e.Figure == nil {
		f.box.Hide()
		f.image.Objects = nil
		return
	}
	f.setCaption(e)
	f.setImage(lowLabel("Loading the figure…"))
	f.box.Show()
	gen, id := f.loads, e.ID
	background(func() {
		full, err := f.s.ui.lib.Excerpt(f.s.ui.ctx, id)
		f.s.ui.do(func() {
			if gen != f.loads {
				return // another excerpt is selected now
			}
			switch {
			case err != nil:
				f.setImage(lowLabel("The figure cannot be shown: " + domain.ErrorMessage(err)))
			case full.Figure == nil || len(full.Figure.PNG) == 0:
				f.setImage(lowLabel("The library holds no image for this figure."))
			default:
				f.setImage(figureImage(full.Figure))
			}
		})
	})
}

func (f *excerptFigure) setImage(o fyne.CanvasObject) {
	f.image.Objects = []fyne.CanvasObject{o}
	f.image.Refresh()
	f.s.right.Refresh() // the detail's height changes with the image
}

// setCaption shows e's caption; the field left alone when it already
// shows it keeps the cursor of the analyst typing into it.
func (f *excerptFigure) setCaption(e *domain.Excerpt) {
	if e.Figure != nil {
		setText(&f.caption.Entry, e.Figure.Caption)
	}
}

// apply puts the caption typed into e, a figure excerpt.
func (f *excerptFigure) apply(e *domain.Excerpt) {
	if e.Figure != nil {
		e.Figure.Caption = f.caption.Text // as typed: trimmed when saved
	}
}

func lowLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}
