package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/widgets"
)

const (
	allTags    = "All tags"
	allSources = "All sources"
	// excerptListLimit keeps a library of 100,000 excerpts from loading
	// them all; the filters narrow the list instead.
	excerptListLimit = 5000
)

// excerptsScreen lists every excerpt, filtered by tag and search text, with
// an editor for the selected one.
type excerptsScreen struct {
	ui       *UI
	concerns map[int64]*domain.SourceConcern // the sources with a concern, for the flags
	content  fyne.CanvasObject
	split    *container.Split
	search   *widget.Entry
	tag      *widget.Select
	source   *widget.Select
	sources  []*domain.Source // the source filter's choices after "All sources"
	list     *widget.List
	status   *widget.Label
	quote    *widget.Label
	from     *widget.Label
	fields   *excerptFields
	figure   *excerptFigure // a figure excerpt's image and caption
	detail   *fyne.Container
	hint     *widget.Label     // in the detail's place while none is selected
	right    *container.Scroll // holds detail; re-laid out when it shows
	saving   *widget.Label     // the form's save status, beside its buttons
	excerpts []*domain.Excerpt
	selected *domain.Excerpt
	edit     *excerptEdit           // the selected excerpt as typed, saved as the analyst types
	pending  map[int64]*excerptEdit // edits left while their save was under way or failing
	filling  bool                   // set while the form is filled, so no edit is recorded
	// Generations of the newest loads of the list and of the filter's
	// choices; older results are dropped.
	loads, choiceLoads int
}

func newExcerptsScreen(ui *UI) *excerptsScreen {
	s := &excerptsScreen{ui: ui, pending: map[int64]*excerptEdit{}}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Filter excerpts by words in the quote, note or tags")
	s.search.OnChanged = func(string) { s.refilter() }
	s.tag = widget.NewSelect([]string{allTags}, func(string) { s.refilter() })
	s.tag.SetSelected(allTags)
	s.source = widget.NewSelect([]string{allSources}, func(string) { s.refilter() })
	s.source.SetSelected(allSources)
	s.list = widget.NewList(func() int { return len(s.excerpts) }, flaggedRow(false), s.updateRow)
	s.list.OnSelected = s.onSelect
	s.status = widget.NewLabel("")
	s.status.Importance = widget.LowImportance
	s.quote = widget.NewLabel("")
	s.quote.Wrapping = fyne.TextWrapWord
	s.quote.TextStyle.Italic = true
	s.from = widget.NewLabel("")
	s.from.Importance = widget.LowImportance
	s.from.Wrapping = fyne.TextWrapWord
	s.fields = newExcerptFields()
	s.fields.onChange(s.onField)
	s.fields.offerJudgments(ui, func() *domain.Excerpt { return s.selected })
	form := widget.NewForm(s.fields.items()...)
	if ui.lib.ReadOnly() {
		disableEditing(form)
	}
	s.saving = widget.NewLabel("")
	s.saving.Importance = widget.LowImportance
	bar := widgets.NewToolbar()
	bar.Add(ui.writes(widget.NewButtonWithIcon("Add to briefing…", theme.ContentAddIcon(), s.onAddToBriefing)), "")
	bar.Add(widget.NewButtonWithIcon("Show in source", theme.VisibilityIcon(), s.onShowInSource), "")
	bar.Add(widget.NewButtonWithIcon("Beside draft", theme.VisibilityIcon(), s.onShowBesideDraft), "Show beside the draft")
	bar.Add(ui.writes(widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), s.onDelete)), "")
	actions := container.NewBorder(nil, nil, nil, s.saving, bar)
	s.figure = newExcerptFigure(s)
	s.detail = container.NewVBox(s.quote, s.from, s.figure.box, widget.NewSeparator(), form, actions)
	s.detail.Hide()
	// Said where the form will be, so the pane is not a blank half.
	s.hint = widget.NewLabel("Select an excerpt to read it with its source, grade and tag it, write its note, or link it to a key judgment.")
	s.hint.Wrapping = fyne.TextWrapWord
	s.hint.Importance = widget.LowImportance
	top := container.NewVBox(s.search, container.NewGridWithColumns(2, s.source, s.tag))
	left := container.NewBorder(top, s.status, nil, nil, s.list)
	s.right = container.NewVScroll(container.NewPadded(container.NewVBox(s.hint, s.detail)))
	s.split = newListSplit(left, s.right)
	s.content = s.split
	return s
}

func (s *excerptsScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.excerpts) {
		return
	}
	e := s.excerpts[i]
	if s.edit != nil && s.edit.e.ID == e.ID {
		e = s.edit.e // as typed
	}
	setFlaggedRow(o, excerptHeadline(e, 160), excerptLine(e), excerptFlag(s.concerns[e.SourceID], e.ID))
}

func excerptLine(e *domain.Excerpt) string {
	parts := []string{e.SourceTitle}
	if len(e.Tags) > 0 {
		parts = append(parts, strings.Join(e.Tags, ", "))
	}
	if e.Credibility > 0 {
		parts = append(parts, "credibility "+string(rune('0'+e.Credibility)))
	}
	if e.Note != "" {
		parts = append(parts, clipRunes(e.Note, 60))
	}
	return strings.Join(parts, " · ")
}

// reload fetches the excerpts and the filter's choices off the UI goroutine.
func (s *excerptsScreen) reload() {
	s.refilter()
	s.reloadChoices()
}

// refilter fetches the excerpts the filter picks off the UI goroutine.
func (s *excerptsScreen) refilter() {
	if s.list == nil {
		return
	}
	s.loads++
	gen, f := s.loads, domain.ExcerptFilter{Query: strings.TrimSpace(s.search.Text), Limit: excerptListLimit}
	if s.tag.Selected != allTags {
		f.Tag = s.tag.Selected
	}
	if i := s.source.SelectedIndex(); i > 0 && i <= len(s.sources) {
		f.SourceID = s.sources[i-1].ID
	}
	background(func() {
		list, err := s.ui.lib.Excerpts(s.ui.ctx, f)
		concerns := s.ui.loadConcerns() // the flags (standing.go)
		s.ui.do(func() {
			if gen != s.loads {
				return
			}
			s.concerns = concerns
			if err != nil {
				s.ui.showError(err)
				return
			}
			s.loaded(list)
		})
	})
}

// reloadChoices fetches the tags and sources the filter offers. If the
// library cannot give them the old ones stay, unannounced: the list's own
// load, which goes with this one, reports what is wrong.
func (s *excerptsScreen) reloadChoices() {
	s.choiceLoads++
	gen := s.choiceLoads
	background(func() {
		tags, err := s.ui.lib.Tags(s.ui.ctx)
		var srcs []*domain.Source
		if err == nil {
			srcs, err = s.ui.lib.Sources(s.ui.ctx, domain.SourceFilter{Sort: "title"})
		}
		s.ui.do(func() {
			if err == nil && gen == s.choiceLoads {
				s.setChoices(tags, srcs)
			}
		})
	})
}

func (s *excerptsScreen) setChoices(tags []domain.Tag, srcs []*domain.Source) {
	opts := []string{allTags}
	for _, t := range tags {
		opts = append(opts, t.Name)
	}
	s.tag.Options = opts
	names := []string{allSources}
	for _, src := range srcs {
		names = append(names, clipRunes(src.Title, 60))
	}
	s.sources, s.source.Options = srcs, names
	if x := s.edit; x != nil {
		// The source's marking may be new: the form offers its scheme.
		s.filling = true
		src := s.sourceMarking(x.e.SourceID)
		s.fields.setSource(src, s.ui.excerptScheme(src))
		s.fields.set(x.e)
		s.filling = false
	}
}

// loaded shows a fresh list, keeping the selected excerpt selected and
// its form as typed if it is still listed.
func (s *excerptsScreen) loaded(list []*domain.Excerpt) {
	s.excerpts = list
	at := -1
	for i, e := range list {
		if s.edit != nil && e.ID == s.edit.e.ID {
			at = i
		}
	}
	if at < 0 {
		if s.edit != nil {
			// Trashed elsewhere, or filtered out: typing must not go on
			// into a form that is no longer shown.
			s.ui.win.Canvas().Unfocus()
			s.ui.notify("The excerpt you were editing is no longer listed (moved to the trash elsewhere, or outside the filter); what you typed is saved with it.")
		}
		s.leave()
		s.list.UnselectAll()
		s.detail.Hide()
		s.hint.Show()
	}
	s.list.Refresh()
	if at >= 0 {
		s.list.Select(at) // the same excerpt: the form keeps what is typed
		s.follow(list[at])
	}
	if len(list) == excerptListLimit {
		s.status.SetText(fmt.Sprintf("The first %d excerpts: narrow the list by source, tag or words", excerptListLimit))
	} else {
		s.status.SetText(plural(len(list), "excerpt"))
	}
}

func (s *excerptsScreen) onSelect(i widget.ListItemID) {
	if i >= len(s.excerpts) {
		return
	}
	e := s.excerpts[i]
	if s.edit != nil && s.edit.e.ID == e.ID {
		return // reselected after a reload: the form holds the typing
	}
	s.leave()
	x, ok := s.pending[e.ID] // left unsaved: its typing comes back
	delete(s.pending, e.ID)
	if !ok {
		x = newExcerptEdit(s.ui, e)
	}
	x.onStatus = s.onEditStatus
	x.onSaved = s.onEditSaved
	x.onLanded = s.showEdit
	s.edit, s.selected = x, x.e
	s.quote.SetText(excerptQuote(e))
	s.from.SetText(excerptOrigin(e))
	s.filling = true
	src := s.sourceMarking(e.SourceID)
	s.fields.setSource(src, s.ui.excerptScheme(src))
	s.fields.set(x.e)
	s.figure.show(x.e)
	s.filling = false
	s.saving.SetText("")
	if !x.isSaved() {
		s.saving.SetText("Not saved — retrying")
	}
	s.hint.Hide()
	s.detail.Show()
	s.right.Refresh() // lays out the detail, which was hidden at the last layout
}

// sourceMarking is the marking of the source with id, as the source
// filter's choices last loaded it.
func (s *excerptsScreen) sourceMarking(id int64) domain.Marking {
	for _, src := range s.sources {
		if src.ID == id {
			return src.Marking
		}
	}
	return ""
}

// onField records a change to the form and schedules its save.
func (s *excerptsScreen) onField() {
	if s.filling || s.edit == nil {
		return
	}
	s.edit.change(func(e *domain.Excerpt) {
		s.fields.apply(e)
		s.figure.apply(e)
	})
	s.quote.SetText(excerptQuote(s.edit.e)) // a figure's label follows its caption
	for i, e := range s.excerpts {
		if e.ID == s.edit.e.ID {
			s.list.RefreshItem(i)
		}
	}
}

// leave saves the selected excerpt's typing at once, as the selection or
// the view changes; until that save lands it is kept in pending, so
// reselecting it shows the typing and quitting saves or rescues it.
func (s *excerptsScreen) leave() {
	x := s.edit
	if x == nil {
		return
	}
	s.edit, s.selected = nil, nil
	if !x.stopped && !x.isSaved() {
		s.pending[x.e.ID] = x
		x.save()
	}
}

// saveNow saves the form's typing at once, as the view changes; the
// excerpt stays selected for when the view comes back.
func (s *excerptsScreen) saveNow() {
	if s.edit != nil {
		s.edit.save()
	}
}

// edits are the excerpt edits that may hold unsaved typing.
func (s *excerptsScreen) edits() []*excerptEdit {
	var xs []*excerptEdit
	if s.edit != nil {
		xs = append(xs, s.edit)
	}
	for _, x := range s.pending {
		xs = append(xs, x)
	}
	return xs
}

func (s *excerptsScreen) onEditStatus(x *excerptEdit, status string) {
	if x == s.edit {
		s.saving.SetText(status)
	}
}

// onEditSaved shows the saved excerpt everywhere: its note is in the list
// rows and its tags in the filter's choices.
func (s *excerptsScreen) onEditSaved(x *excerptEdit) {
	if x != s.edit {
		delete(s.pending, x.e.ID)
	}
	for _, e := range s.excerpts {
		if e.ID == x.e.ID {
			*e = *x.e.Clone()
		}
	}
	s.ui.libraryChanged(changedExcerpts)
}
