package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/widgets"
)

var (
	statusChoices     = []string{"Draft", "In review", "Final"}
	confidenceChoices = []string{"No confidence given", "Low confidence", "Moderate confidence", "High confidence"}
	confidenceValues  = []domain.Confidence{domain.ConfidenceNone, domain.ConfidenceLow, domain.ConfidenceModerate, domain.ConfidenceHigh} // one for each choice
)

// composer edits one briefing: its details, bottom line and blocks, with
// undo, autosave, a live preview and export.
type composer struct {
	ui        *UI
	content   fyne.CanvasObject
	d         *draft
	title     *widget.Entry
	status    *widget.Select
	saved     *widget.Label
	stats     *widget.Label
	fields    map[string]*widget.Entry // subtitle, audience, author, date
	marking   *markingDetails
	summary   *summaryEntry
	selected  int
	editor    *blockEditor
	preview   *widgets.PageView
	tabs      *container.AppTabs
	bar       *widgets.Toolbar    // the block actions
	docBar    *widgets.Toolbar    // the briefing's versions and export
	pending   map[int64]*draft    // drafts left with a failing save, by briefing, still retrying
	edit      fyne.CanvasObject   // the Compose tab
	keep      []fyne.CanvasObject // buttons that stay on in a read-only library
	loading   bool                // set while widgets are filled from the draft, so no edit is recorded
	checking  bool                // a look for changes made elsewhere is under way
	opening   *domain.Briefing    // the briefing to open once the last one's save lands
	switching bool                // that save is under way

	// The counts and preview (see composer_preview.go).
	words          int               // the draft's, as export's model counts them
	unmarked       map[int]bool      // blocks the model finds unmarked while portions are marked
	details        *widget.Accordion // the briefing's details, whose title names unmarked ones
	detailsItem    *widget.AccordionItem
	pc             pageCounter              // its PDF's pages
	sources        map[int64]*domain.Source // cited sources loaded for the notes; nil: failed to load
	loadingSources bool
	figures        figureImages // the pictures of figure excerpts added from lists (composer_figures.go)

	// The document (see composer_doc*.go).
	doc         *widgets.Document // the draft's blocks as one document, edited in place
	model       *docModel         // what doc shows, built once per change
	outline     *outlinePane      // the headings, beside the document
	insertMenu  *fyne.Menu        // the last menu the document's "+" showed
	header      *fyne.Container   // the document's header: title, details, bottom line
	summaryRows int               // the rows the bottom line shows
	// The bottom line's flagged words, and the field that shows them
	// marked while it is not typed in (composer_summary.go).
	// The blocks on troubled sources, tagged on their cards, and the
	// model the document last showed (composer_risks.go).
	riskTags      map[int]string
	concerns      map[int64]*domain.SourceConcern // the troubled sources, for the model (setConcerns)
	historyFollow func()                          // while Versions shows: reads its flags again
	lastDoc       *export.Document
	summaryMarks  []widgets.DocMark
	summaryMarked *widgets.MarkedText
	summaryField  *fyne.Container // the two, stacked, in the header
	checks        *checksPanel    // the language, basis and source checks under the document (findings.go)

	evidence *evidenceView // the Evidence tab (evidence_view.go)
}

func newComposer(ui *UI) *composer {
	c := &composer{ui: ui, selected: -1, fields: map[string]*widget.Entry{}, pending: map[int64]*draft{},
		sources: map[int64]*domain.Source{}}
	c.title = widget.NewEntry()
	c.title.TextStyle.Bold = true
	c.title.SetPlaceHolder("Title")
	c.title.OnChanged = func(s string) { c.onText("title", func(b *domain.Briefing) { b.Title = s }) }
	c.status = widget.NewSelect(statusChoices, c.onStatus)
	c.saved = widget.NewLabel("")
	c.saved.Importance = widget.LowImportance
	c.stats = widget.NewLabel("")
	c.stats.Importance = widget.LowImportance
	c.stats.Truncation = fyne.TextTruncateEllipsis
	form := container.New(layout.NewFormLayout())
	for _, f := range []struct{ key, label, hint string }{{"subtitle", "Subtitle", ""}, {"audience", "Prepared for", ""},
		{"author", "Prepared by", ""}, {"date", "Date", "YYYY-MM-DD"}} {
		e := widget.NewEntry()
		e.SetPlaceHolder(f.hint)
		key := f.key
		e.OnChanged = func(s string) { c.onMeta(key, s) }
		if key == "date" {
			// A date that does not parse is not saved: say so on the field,
			// rather than drop it silently.
			e.Validator = dateValidator
		} else {
			e.Validator = limitValidator(metaFields[key]) // too long: said before the save fails
		}
		c.fields[key] = e
		form.Add(detailLabel(f.label))
		form.Add(e)
	}
	c.summary = newSummaryEntry()
	c.summary.SetMinRowsVisible(3)
	c.summary.SetPlaceHolder("Bottom line up front: the one paragraph the reader must not miss")
	c.summary.OnChanged = func(s string) {
		c.setSummaryMarks(nil) // the words moved: the next check marks them again
		c.fitSummary()
		c.onText("summary", func(b *domain.Briefing) { b.Summary = s })
	}
	c.doc = c.newDocumentView()
	c.marking = newMarkingDetails(c, form)
	c.preview = c.newPreview()
	// Versions and Export act on the whole briefing: they sit under its
	// title, leaving the block toolbar room at common window sizes.
	c.docBar = widgets.NewToolbar()
	c.kept(c.docBar.Add(widget.NewButtonWithIcon("Versions…", theme.HistoryIcon(), c.onHistory), ""))
	c.kept(c.docBar.Add(widget.NewButtonWithIcon("Export…", theme.DocumentSaveIcon(), c.onExport), ""))
	// The title has a row of its own: beside the buttons it was cut to a
	// few words once the source beside the draft took its share.
	head := container.NewVBox(c.title, container.NewBorder(nil, nil, nil, container.NewHBox(c.status, c.saved), c.docBar))
	// The title, details and bottom line scroll with the blocks: the
	// document is the whole briefing in reading order.
	c.detailsItem = widget.NewAccordionItem("Details", form)
	details := widget.NewAccordion(c.detailsItem)
	c.details = details
	c.header = newDocHeader(func() { c.doc.Refresh() }, c.fitSummary, head, details, widget.NewLabel("Bottom line up front"), c.newSummaryField())
	c.doc.SetHeader(c.header)
	c.bar = c.toolbar()
	c.outline = newOutlinePane(c)
	c.checks = newChecksPanel(c)
	c.edit = c.checks.around(c.bar, newComposeLayout(c.outline, c.doc))
	c.evidence = newEvidenceView(c)
	c.tabs = container.NewAppTabs(container.NewTabItem("Compose", c.edit), container.NewTabItem("Preview", c.preview),
		container.NewTabItem(evidenceTab, c.evidence.content))
	c.tabs.OnSelected = func(*container.TabItem) { c.refreshPreview(); c.evidenceChanged() }
	c.content = container.NewBorder(nil, c.stats, nil, nil, c.tabs)
	if ui.lib.ReadOnly() {
		// Nothing typed here could be saved. A block's editor greys out
		// its own fields (newBlockEditor); its "Show in source" (reading,
		// not changing) stays on.
		disableEditing(c.edit, c.keep...)
		// The header is inside the document, whose insides are not walked.
		disableEditing(c.header, c.keep...)
		for _, o := range append(c.bar.Items(), c.docBar.Items()...) { // widgets, which disableEditing does not open
			if b, ok := o.(*widget.Button); ok && !slices.Contains(c.keep, fyne.CanvasObject(b)) {
				b.Disable()
			}
		}
		c.marking.Disable()
	}
	return c
}

// metaFields are the limits on the details, by key.
var metaFields = map[string]domain.Field{"subtitle": domain.BriefingSubtitle, "audience": domain.BriefingAudience,
	"author": domain.BriefingAuthor}

// toolbar is the composer's row of actions; what does not fit the
// window goes into its … menu.
func (c *composer) toolbar() *widgets.Toolbar {
	t := widgets.NewToolbar()
	btn := func(label, menu string, icon fyne.Resource, fn func()) *widget.Button {
		return t.Add(widget.NewButtonWithIcon(label, icon, fn), menu)
	}
	c.kept(btn("", "Show or hide the outline", theme.ListIcon(), func() { c.outline.toggle() }))
	t.AddSeparator()
	btn("Heading", "Add heading", theme.ContentAddIcon(), func() { c.onAdd(domain.BlockHeading) })
	btn("Commentary", "Add commentary", theme.ContentAddIcon(), func() { c.onAdd(domain.BlockCommentary) })
	btn("Judgment", "Add judgment", theme.ContentAddIcon(), func() { c.onAdd(domain.BlockJudgment) })
	btn("Excerpt…", "Add excerpt…", theme.ContentAddIcon(), c.onPickExcerpt)
	t.AddSeparator()
	btn("", "Move block up", theme.MoveUpIcon(), func() { c.onMove(-1) })
	btn("", "Move block down", theme.MoveDownIcon(), func() { c.onMove(1) })
	btn("", "Delete block", theme.DeleteIcon(), c.onRemove)
	t.AddSeparator()
	btn("", "Undo", theme.ContentUndoIcon(), c.onUndo)
	btn("", "Redo", theme.ContentRedoIcon(), c.onRedo)
	return t
}

// drafts are the open draft and those left retrying.
func (c *composer) drafts() []*draft {
	var ds []*draft
	if c.d != nil {
		ds = append(ds, c.d)
	}
	for _, d := range c.pending {
		ds = append(ds, d)
	}
	return ds
}

// kept marks a button that still works in a read-only library.
func (c *composer) kept(b *widget.Button) *widget.Button {
	c.keep = append(c.keep, b)
	return b
}

// open starts editing b; an earlier briefing's pending edits are saved
// first. A draft whose save keeps failing stays in pending, retrying, and
// is picked up again when its briefing is reopened: loading the older
// state from the library would let the retry overwrite newer edits later.
//
// The save runs off the UI goroutine; the composer shows "Saving…" and
// switches once it lands. A briefing asked for meanwhile replaces b.
func (c *composer) open(b *domain.Briefing) {
	c.opening = b
	if !c.switching {
		c.saveThenSwitch(false)
	}
}

// saveThenSwitch saves the open draft, then opens c.opening; wrote says
// whether an earlier round saved anything.
func (c *composer) saveThenSwitch(wrote bool) {
	d := c.d
	wrote = wrote || d != nil && !d.isSaved()
	c.switching = true
	d.flushThen(func(err error) {
		c.switching = false
		b := c.opening
		switch {
		case b == nil:
		case c.d != d, err == nil && d != nil && !d.stopped && !d.isSaved():
			// Closed, or typed into, while the save ran: save again first.
			c.saveThenSwitch(wrote)
		default:
			c.opening = nil
			c.switchTo(b, err, wrote)
		}
	})
}

// switchTo opens b once the last briefing's save has landed (err, and
// whether it wrote anything).
func (c *composer) switchTo(b *domain.Briefing, err error, wrote bool) {
	switch last := c.d; {
	case err != nil:
		// Kept retrying; reopening the same briefing picks this draft up
		// again below rather than the library's older copy. A briefing
		// gone for good closes the composer (c.d is then nil) and is
		// rescued instead.
		last.saveDone(nil, err)
		if !last.stopped {
			c.pending[last.b.ID] = last
		}
	case c.d != nil && c.d.b.ID == b.ID && b.Revision <= c.d.base.Revision:
		// The same briefing selected again (the list reloaded), read
		// before what was just typed was saved: the draft is newer.
		// Replacing it would put the older text back under the typing.
		return
	case c.d != nil && c.d.b.ID == b.ID:
		c.d.stop() // the same briefing changed in the library (a version restored): b replaces it
		defer c.ui.libraryChanged(changedBriefings)
	case wrote:
		defer c.ui.libraryChanged(changedBriefings) // the list shows the last briefing's new state
	}
	d, ok := c.pending[b.ID]
	delete(c.pending, b.ID)
	if !ok {
		d = newDraft(c.ui, b)
	}
	d.onMerged = func(old *domain.Briefing) {
		if c.d == d {
			c.showMerged(old)
		}
	}
	d.onStatus = func(s string) {
		if c.d == d {
			c.saved.SetText(s)
		}
	}
	c.d = d
	c.sources = map[int64]*domain.Source{} // a source's details may have changed since
	c.stopEditing()                        // no editing carries over from the last briefing
	c.model = nil
	c.fill()
	c.doc.ScrollToTop()
	c.saved.SetText("Saved")
	if !d.isSaved() {
		c.saved.SetText("Not saved — retrying")
	}
	if c.ui.lib.ReadOnly() {
		c.saved.SetText("Read-only")
	}
}

// fill shows the draft in the widgets without recording edits.
func (c *composer) fill() {
	c.loading = true
	defer func() { c.loading = false }()
	b := c.d.b
	setText(c.title, b.Title)
	c.status.SetSelected(b.Status.Label())
	vals := map[string]string{"subtitle": b.Subtitle, "audience": b.Audience, "author": b.Author,
		"date": b.Date.String()}
	for k, e := range c.fields {
		setText(e, vals[k])
	}
	c.marking.fill(b)
	setText(&c.summary.Entry, b.Summary)
	if c.selected >= len(b.Blocks) {
		c.selected = len(b.Blocks) - 1
	}
	c.updateStats() // builds the document's items
	if c.selected >= 0 {
		c.reedit()
	}
}

// setText changes an entry's text only if it differs, so the cursor of
// a field being typed into stays where it is.
func setText(e *widget.Entry, s string) {
	if e.Text != s {
		e.SetText(s)
	}
}

// onText records typing into the field key ("" for a change made at
// once, not typed); see draft.editField.
func (c *composer) onText(key string, fn func(b *domain.Briefing)) {
	if c.loading || c.d == nil {
		return
	}
	c.d.editField(key, fn)
	c.updateStats()
}

func (c *composer) onMeta(key, v string) {
	switch key {
	case "subtitle":
		c.onText(key, func(b *domain.Briefing) { b.Subtitle = v })
	case "audience":
		c.onText(key, func(b *domain.Briefing) { b.Audience = v })
	case "author":
		c.onText(key, func(b *domain.Briefing) { b.Author = v })
	case "date":
		if d, err := domain.ParseDate(strings.TrimSpace(v)); err == nil {
			c.onText(key, func(b *domain.Briefing) { b.Date = d })
		}
	}
}

func (c *composer) onStatus(label string) {
	st, _ := domain.ParseStatus(label)
	if c.loading || c.d == nil || st == c.d.b.Status {
		return
	}
	from := c.d.b.Status
	c.onText("", func(b *domain.Briefing) { b.Status = st })
	c.statusVersionLater(from, st)
}

func (c *composer) blockCount() int {
	if c.d == nil {
		return 0
	}
	return len(c.d.b.Blocks)
}

func (c *composer) selectedBlock() *domain.Block {
	if c.d == nil || c.selected < 0 || c.selected >= len(c.d.b.Blocks) {
		return nil
	}
	return c.d.b.Blocks[c.selected]
}

// addExcerptTo appends an excerpt to a briefing; an open composer gets it
// as an undoable edit, otherwise the library does directly.
func (u *UI) addExcerptTo(briefingID int64, e *domain.Excerpt) {
	c := u.briefings.composer
	if c.d != nil && c.d.b.ID == briefingID {
		if c.insertAt(len(c.d.b.Blocks), &domain.Block{Type: domain.BlockExcerpt, ExcerptID: e.ID, Excerpt: e}) {
			u.notifyAdded(briefingID)
		}
		return
	}
	background(func() {
		err := u.lib.AddBlock(u.ctx, briefingID, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: e.ID}, -1)
		u.do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			u.libraryChanged(changedBriefings)
			u.notifyAdded(briefingID)
		})
	})
}
