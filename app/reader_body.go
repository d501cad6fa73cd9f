package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/widgets"
)

// sourceBody is what a reader (the Library's, the one beside the draft)
// shows of a source below its head: its text, or a PDF's pages with the
// Pages/Flowing text switch, and a note saying why a PDF shows as text.
// Both views share one selection, in rune offsets, carried over as the
// analyst switches. All fields are the UI goroutine's.
type sourceBody struct {
	ui      *UI
	text    *widgets.Reader
	pages   *pageReader
	mode    *widget.RadioGroup // hidden until a source has pages
	note    *widget.Label      // why a PDF shows as text
	body    *fyne.Container    // the text or the pages
	findBar fyne.CanvasObject  // the text's Find, hidden beside the pages' own
	relay   fyne.CanvasObject  // laid out again as the note shows or hides

	// The host's part.
	source      func() *domain.Source
	excerpts    func() []*domain.Excerpt
	onSelection func(start, end int)                                         // the selection changed, in either view
	onMark      func(e *domain.Excerpt)                                      // an excerpt's mark was tapped on a page
	onFigure    func(src *domain.Source, fig *domain.Figure, start, end int) // a figure was cut out of a page
}

// newSourceBody makes the views; the host sets findBar, relay and its
// callbacks before a source opens.
func newSourceBody(ui *UI, text *widgets.Reader) *sourceBody {
	b := &sourceBody{ui: ui, text: text}
	b.pages = newPageReader(b)
	b.pages.view.Hide()
	b.mode = b.newModeSwitch()
	b.note = widget.NewLabel("")
	b.note.Importance = widget.WarningImportance
	b.note.Wrapping = fyne.TextWrapWord
	b.note.Hide()
	b.body = container.NewStack(text, b.pages.view)
	return b
}

// opened shows a source newly opened (not the same one again) as text,
// until its pages, if it has them, are loaded.
func (b *sourceBody) opened(src *domain.Source) {
	b.pages.forget()
	b.showNote("")
	b.text.SetText(src.Text)
}

// selectExcerpt selects excerpt e's passage in both views and scrolls to
// it; on the pages a figure's rectangle is scrolled to, once they are
// drawn if they are still loading.
func (b *sourceBody) selectExcerpt(e *domain.Excerpt) {
	b.text.Select(e.Start, e.End)
	b.text.ScrollToOffset(e.Start)
	b.pages.want = e
	if b.pages.shown() {
		b.pages.setSelection(e.Start, e.End)
		b.pages.showWanted()
	}
}

// newModeSwitch is the Pages/Flowing text switch, hidden until a source
// has pages.
func (b *sourceBody) newModeSwitch() *widget.RadioGroup {
	m := widget.NewRadioGroup([]string{modePages, modeText}, nil)
	m.Horizontal = true
	m.Required = true
	m.OnChanged = func(mode string) {
		if mode == "" {
			return
		}
		b.ui.app.Preferences().SetBool(prefReaderText, mode == modeText)
		b.setMode(mode)
	}
	m.Hide()
	return m
}

// setMode shows the pages or the text, carrying the selection over.
func (b *sourceBody) setMode(mode string) {
	if b.mode.Selected != mode {
		b.mode.SetSelected(mode) // calls back here through OnChanged
		return
	}
	p := b.pages
	pages := mode == modePages && p.srcID != 0
	switch was := p.view.Visible(); {
	case pages && !was:
		start, end := b.text.Selection()
		p.setSelection(start, end)
		if end > start {
			p.showOffset(start)
		}
	case !pages && was && p.end > p.start:
		b.text.Select(p.start, p.end)
		b.text.ScrollToOffset(p.start)
	}
	showIf(pages, p.view)
	showIf(!pages, b.text)
	if b.findBar != nil {
		showIf(!pages, b.findBar) // the pages have a Find of their own
	}
	b.body.Refresh()
	if b.relay != nil {
		b.relay.Refresh()
	}
	b.onSelection(b.selection())
}

// focusFind puts the cursor in Find: the pages' own while they are shown,
// else the text's, find.
func (b *sourceBody) focusFind(find fyne.Focusable) {
	if b.pages.shown() {
		b.pages.view.FocusFind()
		return
	}
	b.ui.win.Canvas().Focus(find)
}

// selection is the passage selected in the view on screen.
func (b *sourceBody) selection() (start, end int) {
	if b.pages.shown() {
		return b.pages.start, b.pages.end
	}
	return b.text.Selection()
}

// clearSelection clears the selection in both views.
func (b *sourceBody) clearSelection() {
	b.text.ClearSelection()
	b.pages.setSelection(0, 0)
}

// showNote shows a line saying why a PDF is not shown on its pages; ""
// hides it.
func (b *sourceBody) showNote(text string) {
	b.note.SetText(text)
	showIf(text != "", b.note)
	if b.relay != nil {
		b.relay.Refresh()
	}
}

// passage is the text of runes [start, end) of the source shown.
func (b *sourceBody) passage(start, end int) string {
	t := []rune(b.text.Text())
	start, end = max(min(start, len(t)), 0), max(min(end, len(t)), 0)
	if end <= start {
		return ""
	}
	return string(t[start:end])
}
