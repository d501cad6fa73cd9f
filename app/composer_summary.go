package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/widgets"
)

// summaryEntry is the bottom line's field. It says when it gains and
// loses the focus, so that the composer can show the flagged words
// marked while the analyst is not typing there (Entry has no hook).
type summaryEntry struct {
	widget.Entry
	onFocus func(focused bool)
	focused bool
}

func newSummaryEntry() *summaryEntry {
	e := &summaryEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

func (e *summaryEntry) FocusGained() {
	e.focused = true
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus(true)
	}
}

func (e *summaryEntry) FocusLost() {
	e.focused = false
	e.Entry.FocusLost()
	if e.onFocus != nil {
		e.onFocus(false)
	}
}

// newSummaryField is the bottom line as the composer lays it out: the
// field, and over it, while its words carry findings and it is not being
// typed in, the same words with the flagged ones marked. A click on them
// puts the caret there, in the field.
func (c *composer) newSummaryField() fyne.CanvasObject {
	c.summaryMarked = widgets.NewMarkedText()
	c.summaryMarked.Hide()
	c.summaryMarked.OnTapped = func(offset int) {
		if c.ui.win == nil || c.summary.Disabled() {
			return
		}
		c.summaryMarked.Hide()
		c.ui.win.Canvas().Focus(c.summary)
		c.summary.CursorRow, c.summary.CursorColumn = 0, 0
		caretTo(c.summary, offset, false)
	}
	c.summary.onFocus = func(bool) { c.showSummaryMarks() }
	c.summaryField = container.NewStack(c.summary, c.summaryMarked)
	return c.summaryField
}

// setSummaryMarks keeps the bottom line's flagged words (rune ranges)
// and shows them if the field is not being typed in.
func (c *composer) setSummaryMarks(marks []widgets.DocMark) {
	c.summaryMarks = marks
	c.showSummaryMarks()
}

func (c *composer) showSummaryMarks() {
	if c.summaryMarked == nil {
		return // not built yet
	}
	if len(c.summaryMarks) == 0 || c.summary.focused || c.summary.Text == "" {
		c.summaryMarked.Hide()
		return
	}
	c.summaryMarked.Set(c.summary.Text, c.summaryMarks)
	c.summaryMarked.Show()
}
