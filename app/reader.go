package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/widgets"
)

// readerScreen shows one source: its metadata on top and its text in the
// reader widget, where the analyst selects passages to excerpt.
type readerScreen struct {
	ui          *UI
	content     fyne.CanvasObject
	title       *widget.Label
	byline      *widget.Label
	details     *widget.Label
	*sourceBody // the text, or a PDF's pages
	excerpt     *widget.Button
	edit        *widget.Button
	remove      *widget.Button
	find        *widget.Entry
	found       *widget.Label   // "3 of 12", "No matches"
	findBar     *fyne.Container // the find box and found, laid out again as found changes width
	empty       *widget.Label
	source      *domain.Source
	excerpts    []*domain.Excerpt
	opens       int
}

func newReaderScreen(ui *UI) *readerScreen {
	r := &readerScreen{ui: ui}
	r.title = widget.NewLabel("")
	r.title.TextStyle.Bold = true
	r.title.SizeName = theme.SizeNameSubHeadingText
	r.title.Wrapping = fyne.TextWrapWord
	r.byline = widget.NewLabel("")
	r.byline.Wrapping = fyne.TextWrapWord
	r.details = widget.NewLabel("")
	r.details.Importance = widget.LowImportance
	r.details.Wrapping = fyne.TextWrapWord
	r.sourceBody = newSourceBody(ui, widgets.NewReader())
	r.sourceBody.source = func() *domain.Source { return r.source }
	r.sourceBody.excerpts = func() []*domain.Excerpt { return r.excerpts }
	r.sourceBody.onSelection = r.onSelectionChanged
	r.sourceBody.onMark = r.onMarkTapped
	r.sourceBody.onFigure = r.onNewFigure
	r.text.OnSelectionChanged = r.onSelectionChanged
	r.text.OnSecondaryTapped = r.onContextMenu
	r.excerpt = widget.NewButtonWithIcon("Excerpt selection", theme.ContentCutIcon(), r.onExcerptSelection)
	r.excerpt.Importance = widget.HighImportance
	r.excerpt.Disable()
	r.edit = ui.writes(widget.NewButtonWithIcon("Edit details", theme.DocumentCreateIcon(), r.onEditSource))
	r.remove = ui.writes(widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), r.onDeleteSource))
	r.find = widget.NewEntry()
	r.find.SetPlaceHolder("Find in source (Ctrl+F)")
	r.find.OnSubmitted = func(string) { r.onFindNext(true) }
	r.find.OnChanged = func(string) {
		r.text.ClearSelection() // search as you type starts from the top
		r.onFindNext(true)
	}
	r.found = widget.NewLabel("")
	r.findBar = container.NewBorder(nil, nil, nil, r.found, r.find)
	bar := widgets.NewToolbar() // overflows into a … menu in a narrow window
	bar.Add(r.edit, "")
	bar.Add(r.remove, "Delete source")
	r.addIntegrityTools(bar) // recheck, standing (standing.go)
	tools := container.NewBorder(nil, nil, r.excerpt, nil, widgets.NewToolbarRow(r.findBar, 180, bar))
	details := container.NewBorder(nil, nil, nil, r.mode, r.details) // the switch where the toolbar's room is not needed
	head := container.NewVBox(r.title, r.byline, details, tools, r.note, widget.NewSeparator())
	r.empty = widget.NewLabel("Select a source to read it, or import one.")
	r.empty.Alignment = fyne.TextAlignCenter
	r.empty.Wrapping = fyne.TextWrapWord
	r.content = container.NewStack(container.NewBorder(head, nil, nil, nil, r.body), r.empty)
	r.sourceBody.findBar, r.sourceBody.relay = r.findBar, r.content
	r.show(false)
	return r
}

func (r *readerScreen) show(has bool) {
	showIf(has, r.content.(*fyne.Container).Objects[0])
	showIf(!has, r.empty)
	r.content.Refresh() // a container does not repaint on Show
}

// open loads a source with its excerpts off the UI goroutine; with excerpt
// >= 0 that excerpt is selected and scrolled to.
func (r *readerScreen) open(sourceID, excerpt int64) {
	r.opens++
	gen := r.opens
	background(func() {
		src, exs, err := r.ui.sourceWithExcerpts(sourceID)
		r.ui.do(func() {
			if gen != r.opens {
				return
			}
			if err != nil {
				r.ui.showError(err)
				return
			}
			r.loaded(src, exs, excerpt)
		})
	})
}

// sourceWithExcerpts loads a source and its excerpts, for a reader (off
// the UI goroutine).
func (u *UI) sourceWithExcerpts(sourceID int64) (*domain.Source, []*domain.Excerpt, error) {
	src, err := u.lib.Source(u.ctx, sourceID)
	if err != nil {
		return nil, nil, err
	}
	exs, err := u.lib.Excerpts(u.ctx, domain.ExcerptFilter{SourceID: sourceID})
	return src, exs, err
}

// openQuietly opens a source remembered from the last run; one deleted
// since is not an error to show, only forgotten.
func (r *readerScreen) openQuietly(sourceID int64) {
	r.opens++
	gen := r.opens
	background(func() {
		src, err := r.ui.lib.Source(r.ui.ctx, sourceID)
		var exs []*domain.Excerpt
		if err == nil && src.TrashedAt == nil {
			exs, err = r.ui.lib.Excerpts(r.ui.ctx, domain.ExcerptFilter{SourceID: sourceID})
		}
		r.ui.do(func() {
			if gen != r.opens {
				return
			}
			if err != nil || src.TrashedAt != nil {
				r.ui.rememberSource(0)
				return
			}
			r.loaded(src, exs, -1)
		})
	})
}

func (r *readerScreen) loaded(src *domain.Source, exs []*domain.Excerpt, excerpt int64) {
	same := r.source != nil && r.source.ID == src.ID
	r.source, r.excerpts = src, exs
	r.title.SetText(src.Title)
	r.byline.SetText(bylineText(src))
	r.details.SetText(detailsText(src))
	r.showConcern(src)
	if !same {
		r.find.SetText("") // a search belongs to the source it was typed for
		r.opened(src)
	}
	r.setHighlights(excerpt)
	r.show(true)
	r.ui.rememberSource(src.ID)
	r.ui.library.followReader() // opened from elsewhere (an import, an excerpt)
	for _, e := range exs {
		if e.ID == excerpt {
			r.selectExcerpt(e)
		}
	}
	if !same {
		r.pages.load(src) // the text's selection, an excerpt's, carries over
	}
}

func (r *readerScreen) setHighlights(active int64) {
	hs := make([]widgets.Highlight, 0, len(r.excerpts))
	for _, e := range r.excerpts {
		hs = append(hs, widgets.Highlight{Start: e.Start, End: e.End, Active: e.ID == active})
	}
	r.text.SetHighlights(hs)
	r.pages.showMarks()
}

func bylineText(s *domain.Source) string {
	var parts []string
	if a := s.AuthorList(); a != "" {
		parts = append(parts, "By "+a)
	}
	if s.Publisher != "" {
		parts = append(parts, s.Publisher)
	}
	if !s.Published.IsZero() {
		parts = append(parts, s.Published.Long())
	}
	return strings.Join(parts, " · ")
}

func detailsText(s *domain.Source) string {
	var parts []string
	if s.Reliability != "" {
		parts = append(parts, "Reliability "+string(s.Reliability)+" — "+s.Reliability.Description())
	} else {
		parts = append(parts, "Reliability not graded")
	}
	parts = append(parts, plural(len([]rune(s.Text)), "character"))
	if s.URL != "" {
		parts = append(parts, s.URL)
	}
	return strings.Join(parts, " · ")
}

func (r *readerScreen) onSelectionChanged(start, end int) {
	if end > start && !r.ui.lib.ReadOnly() {
		r.excerpt.Enable()
	} else {
		r.excerpt.Disable()
	}
}

// onFindNext selects the next match and says which of how many it is.
func (r *readerScreen) onFindNext(forward bool) {
	q := strings.TrimSpace(r.find.Text)
	if r.pages.shown() {
		return // the pages have a Find of their own
	}
	if q == "" || r.source == nil {
		r.setFound("")
		return
	}
	n, of := r.text.FindMatch(q, forward)
	if of == 0 {
		r.setFound("No matches")
		return
	}
	r.setFound(itoa(n) + " of " + itoa(of))
}

func (r *readerScreen) setFound(s string) {
	if r.found.Text != s {
		r.found.SetText(s)
		r.findBar.Refresh()
	}
}

// focusFind puts the cursor in the Find box on screen.
func (r *readerScreen) focusFind() { r.sourceBody.focusFind(r.find) }

// onMarkTapped shows the excerpt whose mark was tapped on a page as the
// active one; a figure, which has no passage to select, is named.
func (r *readerScreen) onMarkTapped(e *domain.Excerpt) {
	r.setHighlights(e.ID)
	if e.Figure != nil {
		r.ui.notify(e.Figure.Label() + noteHint(e) + ": edit it in Excerpts (Ctrl+2).")
	}
}

// onContextMenu offers the selection's actions where the analyst clicked.
func (r *readerScreen) onContextMenu(pos fyne.Position) {
	start, end := r.selection()
	excerpt := fyne.NewMenuItem("Excerpt selection…", r.onExcerptSelection)
	excerpt.Disabled = end <= start
	copyItem := fyne.NewMenuItem("Copy", func() { r.ui.app.Clipboard().SetContent(r.passage(start, end)) })
	copyItem.Disabled = end <= start
	find := fyne.NewMenuItem("Find in source…", func() { r.ui.win.Canvas().Focus(r.find) })
	beside := fyne.NewMenuItem("Open beside the draft", r.onOpenBeside)
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", excerpt, copyItem, fyne.NewMenuItemSeparator(), find, beside), r.ui.win.Canvas(), pos)
}

// onOpenBeside shows this source beside the draft in the Briefings view,
// at the excerpt selected here if one is.
func (r *readerScreen) onOpenBeside() {
	if r.source == nil {
		return
	}
	start, end := r.selection()
	var active int64
	if e := excerptAt(r.excerpts, start, end); e != nil {
		active = e.ID
	}
	r.ui.onShowView(viewBriefings)
	r.ui.briefings.showInSide(r.source.ID, active)
}

// onExcerptSelection asks for the new excerpt's note and tags, unless the
// selected passage is an excerpt already (pressed twice, say): that one
// is shown as selected instead, and the notice says so. The library is
// asked, not the list on screen, which a save just made may not be in yet.
func (r *readerScreen) onExcerptSelection() {
	start, end := r.selection()
	if r.source == nil || end <= start {
		return
	}
	id := r.source.ID
	background(func() {
		exs, err := r.ui.lib.Excerpts(r.ui.ctx, domain.ExcerptFilter{SourceID: id})
		r.ui.do(func() {
			if err != nil {
				r.ui.showError(err)
				return
			}
			if r.source == nil || r.source.ID != id {
				return // another source opened meanwhile
			}
			if e := excerptAt(exs, start, end); e != nil {
				r.excerpts = exs
				r.setHighlights(e.ID)
				if r.pages.shown() {
					r.pages.setSelection(e.Start, e.End)
				}
				r.ui.notify("This passage is already an excerpt" + noteHint(e) + "; edit it in Excerpts (Ctrl+2).")
				return
			}
			r.onNewExcerpt()
		})
	})
}

// noteHint is the start of an excerpt's note, to recognise it by.
func noteHint(e *domain.Excerpt) string {
	if e.Note == "" {
		return ""
	}
	return " (note: “" + clipRunes(e.Note, 60) + "”)"
}

// excerptAt is the excerpt of exactly the passage start–end among exs, or
// nil.
func excerptAt(exs []*domain.Excerpt, start, end int) *domain.Excerpt {
	for _, e := range exs {
		if e.Start == start && e.End == end {
			return e
		}
	}
	return nil
}

// createExcerpt saves e, a new excerpt of a passage of its source, off
// the UI goroutine: the one way a passage on screen becomes an excerpt
// (Excerpt selection's form, a passage dragged into a draft). The library
// fills in its quote, source title and, if none is given, its source's
// marking. done gets what went wrong on the UI goroutine, the views told
// of the new excerpt first.
func (u *UI) createExcerpt(e *domain.Excerpt, done func(error)) {
	background(func() {
		err := u.lib.CreateExcerpt(u.ctx, e)
		u.do(func() {
			if err == nil {
				u.libraryChanged(changedExcerpts)
			}
			done(err)
		})
	})
}

// excerptOf gives done the excerpt of the passage e.Start–e.End of source
// e.SourceID: the one the library has of exactly that span (excerpting a
// passage twice makes one excerpt, as Excerpt selection says), else e,
// made by createExcerpt. done runs on the UI goroutine.
func (u *UI) excerptOf(e *domain.Excerpt, done func(*domain.Excerpt, error)) {
	background(func() {
		exs, err := u.lib.Excerpts(u.ctx, domain.ExcerptFilter{SourceID: e.SourceID})
		u.do(func() {
			switch had := excerptAt(exs, e.Start, e.End); {
			case err != nil:
				done(nil, err)
			case had != nil:
				done(had, nil)
			default:
				u.createExcerpt(e, func(err error) { done(e, err) })
			}
		})
	})
}
