package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/widgets"
)

// sideReader is the side pane's Source tab: one source's title and byline
// over its text, with its excerpts highlighted and a find box. It is not
// the Library view's reader: what it opens is not remembered as that
// one's source, and the Library's list does not follow it.
type sideReader struct {
	p           *sidePane
	ui          *UI
	content     fyne.CanvasObject
	page        fyne.CanvasObject // the source's head over its text, hidden while none is open
	empty       fyne.CanvasObject // what to do, while no source is open
	title       *widget.Label
	byline      *widget.Label
	*sourceBody                // the text, or a PDF's pages
	add         *widget.Button // the selection into the draft
	find        *widget.Entry
	found       *widget.Label
	findBar     *fyne.Container
	source      *domain.Source
	excerpts    []*domain.Excerpt
	opens       int // generation of the newest open; older loads are dropped
}

// addKey puts the selection into the draft while the side reader has the
// focus (the main menu's Ctrl+Shift+E excerpts in the Library's reader).
var addKey = &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault}

// addKeyName is addKey as the analyst reads it.
var addKeyName = strings.Replace(shortcutText(addKey), "Return", "Enter", 1)

func newSideReader(p *sidePane) *sideReader {
	r := &sideReader{p: p, ui: p.ui}
	r.title = widget.NewLabel("")
	r.title.TextStyle.Bold = true
	r.title.Truncation = fyne.TextTruncateEllipsis // the pane is narrow: the text gets the height
	r.byline = widget.NewLabel("")
	r.byline.Importance = widget.LowImportance
	r.byline.Truncation = fyne.TextTruncateEllipsis
	r.sourceBody = newSourceBody(r.ui, widgets.NewReader())
	r.sourceBody.source = func() *domain.Source { return r.source }
	r.sourceBody.excerpts = func() []*domain.Excerpt { return r.excerpts }
	r.sourceBody.onSelection = func(int, int) { r.syncAdd() }
	r.sourceBody.onMark = func(e *domain.Excerpt) { r.setHighlights(e.ID) }
	r.sourceBody.onFigure = r.onNewFigure
	r.text.OnSelectionChanged = func(start, end int) { r.syncAdd() }
	if !r.ui.lib.ReadOnly() { // nothing can be excerpted: a drag selects
		r.text.OnDragOut = func(_, _ int, abs fyne.Position) { p.dragOver(abs) }
		r.text.OnDropOut = r.onDropOut
	}
	r.text.OnShortcut = r.onShortcut
	r.add = r.ui.writes(widget.NewButtonWithIcon("Add to draft", theme.ContentAddIcon(), func() { r.addSelection(-1) }))
	r.add.Importance = widget.HighImportance
	r.add.Disable()
	r.find = widget.NewEntry()
	r.find.SetPlaceHolder("Find in source (Ctrl+F)")
	r.find.OnSubmitted = func(string) { r.onFindNext() }
	r.find.OnChanged = func(string) {
		r.text.ClearSelection() // search as you type starts from the top
		r.onFindNext()
	}
	r.found = widget.NewLabel("")
	r.findBar = container.NewBorder(nil, nil, nil, r.found, r.find)
	// The pane may be narrow: the title and byline give way to Add to
	// draft, the find box has a row of its own.
	head := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewCenter(r.add), container.NewVBox(r.title, r.byline)),
		r.mode, r.findBar, r.note, widget.NewSeparator())
	r.page = container.NewBorder(head, nil, nil, nil, r.body)
	r.sourceBody.findBar, r.sourceBody.relay = r.findBar, r.page
	hint := widget.NewLabel("Open a source to read it beside the draft. Select a passage, then drag it into the draft or press " +
		addKeyName + ": it becomes an excerpt there.")
	hint.Wrapping = fyne.TextWrapWord
	hint.Alignment = fyne.TextAlignCenter
	openBtn := widget.NewButtonWithIcon("Open source…", theme.FolderOpenIcon(), p.onOpenSource)
	r.empty = container.NewVBox(hint, container.NewCenter(openBtn))
	r.content = container.NewStack(r.page, r.empty)
	r.show(false)
	return r
}

func (r *sideReader) show(has bool) {
	showIf(has, r.page)
	showIf(!has, r.empty)
	r.content.Refresh()
}

// open loads a source with its excerpts off the UI goroutine; with excerpt
// > 0 that excerpt is selected and scrolled to, else with find the first
// match of it is.
func (r *sideReader) open(sourceID, excerpt int64, find string) {
	r.opens++
	gen := r.opens
	background(func() {
		src, exs, err := r.load(sourceID)
		r.ui.do(func() {
			if gen != r.opens {
				return
			}
			if err != nil {
				r.ui.showError(err)
				return
			}
			r.loaded(src, exs, excerpt, find)
		})
	})
}

// openQuietly opens the source remembered from the last run; one gone
// since is not an error to show, only forgotten.
func (r *sideReader) openQuietly(sourceID int64) {
	r.opens++
	gen := r.opens
	background(func() {
		src, exs, err := r.load(sourceID)
		r.ui.do(func() {
			if gen != r.opens {
				return
			}
			if err != nil || src.TrashedAt != nil {
				r.p.rememberSource(0)
				return
			}
			r.loaded(src, exs, 0, "")
		})
	})
}

// load reads a source and its excerpts (off the UI goroutine).
func (r *sideReader) load(sourceID int64) (*domain.Source, []*domain.Excerpt, error) {
	return r.ui.sourceWithExcerpts(sourceID)
}

func (r *sideReader) loaded(src *domain.Source, exs []*domain.Excerpt, excerpt int64, find string) {
	same := r.source != nil && r.source.ID == src.ID
	r.source, r.excerpts = src, exs
	r.title.SetText(src.Title)
	r.byline.SetText(bylineText(src))
	if !same {
		r.find.SetText("") // a search belongs to the source it was typed for
		r.opened(src)
		defer r.pages.load(src) // the text's selection (an excerpt's, a match's) carries over
	}
	r.setHighlights(excerpt)
	r.show(true)
	r.syncAdd()
	r.p.rememberSource(src.ID)
	for _, e := range exs {
		if e.ID == excerpt {
			r.selectExcerpt(e)
			return
		}
	}
	if find != "" {
		r.find.SetText(find) // selects its first match
	}
}

// refresh reloads the open source's details and excerpts after the
// library changed, keeping the place and selection; a source gone to the
// trash or deleted closes.
func (r *sideReader) refresh() {
	if r.source == nil {
		return
	}
	r.opens++
	gen, id := r.opens, r.source.ID
	background(func() {
		src, exs, err := r.load(id)
		r.ui.do(func() {
			if gen != r.opens || r.source == nil || r.source.ID != id {
				return
			}
			switch {
			case domain.ErrorCode(err) == domain.ENOTFOUND || err == nil && src.TrashedAt != nil:
				r.source, r.excerpts = nil, nil
				r.pages.forget()
				r.text.SetText("")
				r.show(false)
				r.p.rememberSource(0)
			case err == nil:
				r.loaded(src, exs, r.active(), "")
			}
		})
	})
}

// active is the excerpt highlighted as active, or 0.
func (r *sideReader) active() int64 {
	// The active highlight is the selected excerpt's: find it by its span.
	start, end := r.selection()
	if e := excerptAt(r.excerpts, start, end); e != nil {
		return e.ID
	}
	return 0
}

func (r *sideReader) setHighlights(active int64) {
	hs := make([]widgets.Highlight, 0, len(r.excerpts))
	for _, e := range r.excerpts {
		hs = append(hs, widgets.Highlight{Start: e.Start, End: e.End, Active: e.ID == active})
	}
	r.text.SetHighlights(hs)
	r.pages.showMarks()
}

// syncAdd offers Add to draft while a passage is selected.
func (r *sideReader) syncAdd() {
	s, e := r.selection()
	if e > s && r.source != nil && !r.ui.lib.ReadOnly() {
		r.add.Enable()
	} else {
		r.add.Disable()
	}
}

// onFindNext selects the next match and says which of how many it is.
func (r *sideReader) onFindNext() {
	q := strings.TrimSpace(r.find.Text)
	if r.pages.shown() {
		return // the pages have a Find of their own
	}
	text := ""
	if q != "" && r.source != nil {
		text = "No matches"
		if n, of := r.text.FindMatch(q, true); of > 0 {
			text = itoa(n) + " of " + itoa(of)
		}
	}
	if r.found.Text != text {
		r.found.SetText(text)
		r.findBar.Refresh()
	}
}

// findBeside puts the cursor in the side reader's find box when the
// Briefings view shows a source beside the draft (Ctrl+F): finding in
// it must not leave the draft for the Library.
func (u *UI) findBeside() bool {
	p := u.briefings.side
	if u.current != viewBriefings || !p.sideShown() || p.reader.source == nil {
		return false
	}
	p.tabs.Select(p.source)
	p.reader.focusFind(p.reader.find)
	return true
}

// onExcerptKey is Edit → Excerpt selection (Ctrl+Shift+E): in the
// Briefings view it adds the passage selected beside the draft to the
// draft (as Ctrl+Enter there does), elsewhere it excerpts the Library
// reader's selection.
func (u *UI) onExcerptKey() {
	p := u.briefings.side
	if u.current == viewBriefings {
		if p.sideShown() {
			p.reader.addSelection(-1)
		}
		return // the Library's reader is not on screen
	}
	u.library.reader.onExcerptSelection()
}

// onShortcut takes the keys the reader hands on: Ctrl+Enter adds the
// selection to the draft, after the block being edited.
func (r *sideReader) onShortcut(sc fyne.Shortcut) {
	if k, ok := sc.(*desktop.CustomShortcut); ok && isEnter(k.KeyName) && k.Modifier == addKey.Modifier {
		r.addSelection(-1)
	}
}

// onDropOut puts a passage dragged out of the reader into the draft where
// it was dropped; dropped anywhere else, it does nothing.
func (r *sideReader) onDropOut(start, end int, abs fyne.Position) {
	at, ok := r.p.dropAt(abs)
	if ok {
		r.addPassage(start, end, at)
	}
}

// addSelection adds the selected passage to the draft at block index at
// (after the block being edited for -1).
func (r *sideReader) addSelection(at int) {
	start, end := r.selection()
	if end > start {
		r.addPassage(start, end, at)
	}
}

// onNewFigure asks for a figure excerpt cut out of a page beside the
// draft, and once saved puts it into the draft after the block being
// edited, as Add to draft does with a passage.
func (r *sideReader) onNewFigure(src *domain.Source, fig *domain.Figure, start, end int) {
	c := r.p.s.composer
	if c.d == nil {
		r.ui.notify("Open a briefing first: the figure goes into its draft.")
		return
	}
	briefing := c.d.b.ID
	r.ui.newFigure(src, fig, start, end, func(e *domain.Excerpt) {
		r.p.insert(briefing, -1, e)
		if r.source != nil && r.source.ID == src.ID {
			r.pages.keepScroll(e.ID) // made on the pages on screen: they stay put
			r.open(src.ID, e.ID, "") // shows it marked, as an excerpt now
		}
	})
}
