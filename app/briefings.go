package app

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

// briefingsScreen lists the briefings beside an outline of the selected
// one. The composer that edits them takes the right-hand side.
type briefingsScreen struct {
	ui        *UI
	content   fyne.CanvasObject
	list      *widget.List
	status    *widget.Label
	title     *widget.Label
	meta      *widget.Label
	summary   *widget.Label
	blocks    *widget.List
	detail    *fyne.Container
	right     *fyne.Container // holds detail; re-laid out when it shows
	briefings []*domain.BriefingSummary
	open      *domain.Briefing
	loads     int
}

func newBriefingsScreen(ui *UI) *briefingsScreen {
	s := &briefingsScreen{ui: ui}
	s.list = widget.NewList(func() int { return len(s.briefings) }, twoLineRow(true), s.updateRow)
	s.list.OnSelected = s.onSelect
	s.status = widget.NewLabel("")
	s.status.Importance = widget.LowImportance
	s.title = widget.NewLabel("")
	s.title.TextStyle.Bold = true
	s.title.SizeName = theme.SizeNameSubHeadingText
	s.title.Wrapping = fyne.TextWrapWord
	s.meta = widget.NewLabel("")
	s.meta.Importance = widget.LowImportance
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.blocks = widget.NewList(func() int { return s.blockCount() }, blockRow, s.updateBlock)
	s.detail = container.NewBorder(container.NewVBox(s.title, s.meta, s.summary, widget.NewSeparator()), nil, nil, nil, s.blocks)
	s.detail.Hide()
	// The detail sits in a stack that is always shown, so showing it later
	// is laid out; a hidden split half would stay collapsed.
	s.right = container.NewStack(s.detail)
	split := container.NewHSplit(container.NewBorder(nil, s.status, nil, nil, s.list), s.right)
	split.Offset = 0.35
	s.content = split
	return s
}

// twoLineRow makes list rows of a main line (bold or not) over a quieter
// line of details, both cut short with an ellipsis.
func twoLineRow(bold bool) func() fyne.CanvasObject {
	return func() fyne.CanvasObject {
		a := widget.NewLabel("title")
		a.TextStyle.Bold = bold
		a.Truncation = fyne.TextTruncateEllipsis
		b := widget.NewLabel("meta")
		b.Importance = widget.LowImportance
		b.Truncation = fyne.TextTruncateEllipsis
		return container.NewVBox(a, b)
	}
}

func (s *briefingsScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.briefings) {
		return
	}
	b := s.briefings[i]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(b.Title)
	box.Objects[1].(*widget.Label).SetText(b.Status.Label() + " · " + plural(b.Blocks, "block") + " · " +
		plural(b.Words, "word") + " · edited " + b.UpdatedAt.Local().Format("2 Jan 2006 15:04"))
}

func (s *briefingsScreen) reload() {
	s.loads++
	gen := s.loads
	background(func() {
		list, err := s.ui.lib.Briefings(s.ui.ctx, domain.BriefingFilter{})
		fyne.Do(func() {
			if gen != s.loads {
				return
			}
			if err != nil {
				s.ui.showError(err)
				return
			}
			s.briefings = list
			s.list.UnselectAll()
			s.list.Refresh()
			s.detail.Hide()
			s.status.SetText(plural(len(list), "briefing"))
		})
	})
}

func (s *briefingsScreen) onSelect(i widget.ListItemID) {
	if i >= len(s.briefings) {
		return
	}
	id := s.briefings[i].ID
	background(func() {
		b, err := s.ui.lib.Briefing(s.ui.ctx, id)
		fyne.Do(func() {
			if err != nil {
				s.ui.showError(err)
				return
			}
			s.open = b
			s.title.SetText(b.Title)
			s.meta.SetText(briefingMeta(b))
			s.summary.SetText(b.Summary)
			s.blocks.Refresh()
			s.detail.Show()
			s.right.Refresh() // lays out the detail, which was hidden at the last layout
		})
	})
}

func briefingMeta(b *domain.Briefing) string {
	out := b.Status.Label()
	for _, p := range []string{b.Audience, b.Author, b.Date.Long(), b.Classification} {
		if p != "" {
			out += " · " + p
		}
	}
	return out
}

func (s *briefingsScreen) blockCount() int {
	if s.open == nil {
		return 0
	}
	return len(s.open.Blocks)
}

func blockRow() fyne.CanvasObject {
	l := widget.NewLabel("block")
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, widget.NewIcon(theme.DocumentIcon()), nil, l)
}

func (s *briefingsScreen) updateBlock(i widget.ListItemID, o fyne.CanvasObject) {
	if s.open == nil || i >= len(s.open.Blocks) {
		return
	}
	b := s.open.Blocks[i]
	row := o.(*fyne.Container)
	label, icon := row.Objects[0].(*widget.Label), row.Objects[1].(*widget.Icon)
	switch b.Type {
	case domain.BlockHeading:
		icon.SetResource(theme.MenuIcon())
		label.SetText(b.Text)
		label.TextStyle.Bold = true
	case domain.BlockExcerpt:
		icon.SetResource(theme.ContentCutIcon())
		quote := ""
		if b.Excerpt != nil {
			quote = quoted(clipRunes(b.Excerpt.Quote, 200)) + " — " + b.Excerpt.SourceTitle
		}
		label.SetText(quote)
		label.TextStyle.Bold = false
	case domain.BlockJudgment:
		icon.SetResource(theme.ConfirmIcon())
		label.SetText("Key judgment (" + string(b.Confidence) + "): " + b.Text)
		label.TextStyle.Bold = false
	default:
		icon.SetResource(theme.DocumentIcon())
		label.SetText(clipRunes(b.Text, 240))
		label.TextStyle.Bold = false
	}
	label.Refresh()
}

func itoa(n int) string { return strconv.Itoa(n) }
