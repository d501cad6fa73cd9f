package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

const allTags = "All tags"

// excerptsScreen lists every excerpt, filtered by tag and search text, with
// an editor for the selected one.
type excerptsScreen struct {
	ui       *UI
	content  fyne.CanvasObject
	search   *widget.Entry
	tag      *widget.Select
	list     *widget.List
	status   *widget.Label
	quote    *widget.Label
	source   *widget.Label
	fields   *excerptFields
	detail   *fyne.Container
	excerpts []*domain.Excerpt
	selected *domain.Excerpt
	loads    int
}

func newExcerptsScreen(ui *UI) *excerptsScreen {
	s := &excerptsScreen{ui: ui}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Filter excerpts by words in the quote, note or tags")
	s.search.OnChanged = func(string) { s.reload() }
	s.tag = widget.NewSelect([]string{allTags}, func(string) { s.reload() })
	s.tag.SetSelected(allTags)
	s.list = widget.NewList(func() int { return len(s.excerpts) }, s.newRow, s.updateRow)
	s.list.OnSelected = s.onSelect
	s.status = widget.NewLabel("")
	s.status.Importance = widget.LowImportance
	s.quote = widget.NewLabel("")
	s.quote.Wrapping = fyne.TextWrapWord
	s.quote.TextStyle.Italic = true
	s.source = widget.NewLabel("")
	s.source.Importance = widget.LowImportance
	s.source.Wrapping = fyne.TextWrapWord
	s.fields = newExcerptFields()
	form := widget.NewForm(s.fields.items()...)
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), s.onSave)
	save.Importance = widget.HighImportance
	actions := container.NewHBox(save, widget.NewButtonWithIcon("Show in source", theme.VisibilityIcon(), s.onShowInSource),
		widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), s.onDelete))
	s.detail = container.NewVBox(s.quote, s.source, widget.NewSeparator(), form, actions)
	s.detail.Hide()
	top := container.NewBorder(nil, nil, nil, s.tag, s.search)
	left := container.NewBorder(top, s.status, nil, nil, s.list)
	split := container.NewHSplit(left, container.NewVScroll(container.NewPadded(s.detail)))
	split.Offset = 0.5
	s.content = split
	return s
}

func (s *excerptsScreen) newRow() fyne.CanvasObject {
	q := widget.NewLabel("quote")
	q.Truncation = fyne.TextTruncateEllipsis
	meta := widget.NewLabel("meta")
	meta.Truncation = fyne.TextTruncateEllipsis
	meta.Importance = widget.LowImportance
	return container.NewVBox(q, meta)
}

func (s *excerptsScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.excerpts) {
		return
	}
	e := s.excerpts[i]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(e.Marking.Portion() + spaceIf(e.Marking != "") + "“" + clipRunes(e.Quote, 160) + "”")
	box.Objects[1].(*widget.Label).SetText(excerptLine(e))
}

func spaceIf(b bool) string {
	if b {
		return " "
	}
	return ""
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

// reload fetches the excerpts and tags off the UI goroutine.
func (s *excerptsScreen) reload() {
	if s.list == nil {
		return
	}
	s.loads++
	gen, f := s.loads, domain.ExcerptFilter{Query: strings.TrimSpace(s.search.Text), Limit: 5000}
	if s.tag.Selected != allTags {
		f.Tag = s.tag.Selected
	}
	background(func() {
		list, err := s.ui.lib.Excerpts(s.ui.ctx, f)
		var tags []domain.Tag
		if err == nil {
			tags, err = s.ui.lib.Tags(s.ui.ctx)
		}
		fyne.Do(func() {
			if gen != s.loads {
				return
			}
			if err != nil {
				s.ui.showError(err)
				return
			}
			s.loaded(list, tags)
		})
	})
}

func (s *excerptsScreen) loaded(list []*domain.Excerpt, tags []domain.Tag) {
	s.excerpts = list
	opts := []string{allTags}
	for _, t := range tags {
		opts = append(opts, t.Name)
	}
	s.tag.Options = opts
	s.list.UnselectAll()
	s.list.Refresh()
	s.detail.Hide()
	s.status.SetText(plural(len(list), "excerpt"))
}

func (s *excerptsScreen) onSelect(i widget.ListItemID) {
	if i >= len(s.excerpts) {
		return
	}
	e := s.excerpts[i]
	s.selected = e
	s.quote.SetText("“" + e.Quote + "”")
	s.source.SetText("From “" + e.SourceTitle + "”, characters " + itoa(e.Start) + "–" + itoa(e.End))
	s.fields.set(e)
	s.detail.Show()
}

func (s *excerptsScreen) onSave() {
	if s.selected == nil {
		return
	}
	e := *s.selected
	s.fields.apply(&e)
	background(func() {
		err := s.ui.lib.UpdateExcerpt(s.ui.ctx, &e)
		fyne.Do(func() {
			if err != nil {
				s.ui.showError(err)
				return
			}
			*s.selected = e
			s.list.Refresh()
		})
	})
}

func (s *excerptsScreen) onShowInSource() {
	if s.selected != nil {
		s.ui.showExcerpt(s.selected)
	}
}

// onDelete confirms; an excerpt used in briefings says which.
func (s *excerptsScreen) onDelete() {
	e := s.selected
	if e == nil {
		return
	}
	background(func() {
		err := s.ui.lib.DeleteExcerpt(s.ui.ctx, e.ID, false)
		fyne.Do(func() {
			switch {
			case err == nil:
				s.reload()
			case domain.ErrorCode(err) == domain.ECONFLICT:
				dialog.ShowConfirm("Delete excerpt", domain.ErrorMessage(err)+"\n\nDelete it and remove it from those briefings?", func(ok bool) {
					if ok {
						s.forceDelete(e.ID)
					}
				}, s.ui.win)
			default:
				s.ui.showError(err)
			}
		})
	})
}

func (s *excerptsScreen) forceDelete(id int64) {
	background(func() {
		err := s.ui.lib.DeleteExcerpt(s.ui.ctx, id, true)
		fyne.Do(func() {
			if err != nil {
				s.ui.showError(err)
			}
			s.reload()
		})
	})
}
