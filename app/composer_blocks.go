package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

// blockEditor edits the selected block in place under the block list.
type blockEditor struct {
	c          *composer
	content    *fyne.Container
	text       *widget.Entry
	confidence *widget.Select
	marking    *markingField // the briefing's scheme's marks
	quote      *widget.Label
	loading    bool
}

func newBlockEditor(c *composer) *blockEditor {
	e := &blockEditor{c: c}
	e.text = widget.NewMultiLineEntry()
	e.text.Wrapping = fyne.TextWrapWord
	e.text.SetMinRowsVisible(4)
	e.text.OnChanged = func(s string) { e.change(true, func(b *domain.Block) { b.Text = s }) }
	e.confidence = widget.NewSelect(confidenceChoices, func(string) {
		if i := e.confidence.SelectedIndex(); i >= 0 {
			e.change(false, func(b *domain.Block) { b.Confidence = confidenceValues[i] })
		}
	})
	e.marking = newMarkingField(domain.SchemeOf(domain.SchemeNone), true)
	e.marking.OnChanged = func() {
		if m, err := e.marking.value(); err == nil { // otherwise the field says why
			e.change(false, func(b *domain.Block) { b.Marking = m })
		}
	}
	e.quote = widget.NewLabel("")
	e.quote.Wrapping = fyne.TextWrapWord
	e.content = container.NewVBox()
	return e
}

// show puts blk's fields in the editor; nil hides it.
func (e *blockEditor) show(blk *domain.Block) {
	e.loading = true
	defer func() { e.loading = false }()
	e.content.Objects = nil
	if blk == nil {
		e.content.Refresh()
		return
	}
	e.marking.set(blk.Marking)
	switch blk.Type {
	case domain.BlockExcerpt:
		q := ""
		if blk.Excerpt != nil {
			q = quoted(blk.Excerpt.Quote) + "\n— " + blk.Excerpt.SourceTitle
		}
		e.quote.SetText(q)
		e.content.Objects = []fyne.CanvasObject{e.quote, widget.NewButtonWithIcon("Show in source", theme.VisibilityIcon(), func() {
			if blk.Excerpt != nil {
				e.c.ui.showExcerpt(blk.Excerpt)
			}
		})}
	case domain.BlockJudgment:
		setText(e.text, blk.Text)
		e.confidence.SetSelectedIndex(max(slices.Index(confidenceValues, blk.Confidence), 0))
		e.content.Objects = []fyne.CanvasObject{e.text, container.NewBorder(nil, nil, e.confidence, nil, e.marking.box)}
	default: // headings and commentary: each is a portion with its own mark

		setText(e.text, blk.Text)
		e.content.Objects = []fyne.CanvasObject{e.text, e.marking.box}
	}
	e.content.Refresh()
}

// setScheme offers the marks of s, the briefing's scheme.
func (e *blockEditor) setScheme(s *domain.Scheme) {
	if e.marking.scheme != s {
		e.loading = true
		e.marking.setScheme(s)
		e.loading = false
	}
	// A scheme that labels only the whole briefing (TLP) marks no block.
	showAll([]fyne.CanvasObject{e.marking.box}, s.Marks() && !s.WholeDocument)
}

// change edits the selected block as one undoable change; typing into its
// text (typing) makes one undo step of keystrokes close together.
func (e *blockEditor) change(typing bool, fn func(b *domain.Block)) {
	c := e.c
	if e.loading || c.selectedBlock() == nil {
		return
	}
	i := c.selected
	key := ""
	if typing {
		key = "block " + itoa(i)
	}
	c.d.editField(key, func(b *domain.Briefing) { fn(b.Blocks[i]) })
	c.blocks.RefreshItem(i)
	c.updateStats()
}

func (c *composer) insert(blk *domain.Block) {
	if c.d == nil || !c.admits(blk) {
		return
	}
	at := len(c.d.b.Blocks)
	if c.selected >= 0 {
		at = c.selected + 1
	}
	c.d.edit(func(b *domain.Briefing) {
		b.Blocks = append(b.Blocks[:at], append([]*domain.Block{blk}, b.Blocks[at:]...)...)
	})
	c.blocks.Refresh()
	c.blocks.Select(at)
	c.updateStats()
}

func (c *composer) onAdd(t domain.BlockType) {
	texts := map[domain.BlockType]string{domain.BlockHeading: "New section", domain.BlockCommentary: "Your commentary.", domain.BlockJudgment: "Your judgment."}
	blk := &domain.Block{Type: t, Text: texts[t]}
	if t == domain.BlockJudgment {
		blk.Confidence = domain.ConfidenceModerate
	}
	c.insert(blk)
	c.ui.win.Canvas().Focus(c.editor.text)
	// The filler text is selected, so typing replaces it instead of
	// being added to it (and exported with it).
	c.editor.text.TypedShortcut(&fyne.ShortcutSelectAll{})
}

func (c *composer) onMove(delta int) {
	i := c.selected
	if c.d == nil || i < 0 || i+delta < 0 || i+delta >= len(c.d.b.Blocks) {
		return
	}
	c.d.edit(func(b *domain.Briefing) { b.Blocks[i], b.Blocks[i+delta] = b.Blocks[i+delta], b.Blocks[i] })
	c.blocks.Refresh()
	c.blocks.Select(i + delta)
}

func (c *composer) onRemove() {
	i := c.selected
	if c.selectedBlock() == nil {
		return
	}
	c.d.edit(func(b *domain.Briefing) { b.Blocks = append(b.Blocks[:i], b.Blocks[i+1:]...) })
	c.selected = min(i, len(c.d.b.Blocks)-1)
	c.blocks.UnselectAll()
	c.blocks.Refresh()
	if c.selected >= 0 {
		c.blocks.Select(c.selected)
	} else {
		c.editor.show(nil)
	}
	c.updateStats()
}

func (c *composer) onUndo() {
	if c.d != nil && c.d.undoEdit() {
		c.fill()
	}
}

func (c *composer) onRedo() {
	if c.d != nil && c.d.redoEdit() {
		c.fill()
	}
}

// onPickExcerpt offers the library's excerpts, searchable, to add one: by
// a click, or from the search field with Down and Up to move the
// highlighted row and Enter to add it.
func (c *composer) onPickExcerpt() {
	if c.d == nil {
		return
	}
	var list []*domain.Excerpt
	cursor := 0 // the row Enter adds
	search := newDialogEntry()
	search.SetPlaceHolder("Search excerpts — Down and Up choose, Enter adds")
	var d *dialog.CustomDialog
	picker := newDialogList(func() int { return len(list) }, twoLineRow(false), func(i widget.ListItemID, o fyne.CanvasObject) {
		box := o.(*fyne.Container)
		quote := box.Objects[0].(*widget.Label)
		quote.Importance = widget.MediumImportance
		if i == cursor {
			quote.Importance = widget.HighImportance
		}
		quote.SetText(quoted(clipRunes(list[i].Quote, 140)))
		box.Objects[1].(*widget.Label).SetText(excerptLine(list[i]))
	})
	add := func(i int) {
		if i < 0 || i >= len(list) {
			return
		}
		e := list[i]
		d.Hide()
		c.insert(&domain.Block{Type: domain.BlockExcerpt, ExcerptID: e.ID, Excerpt: e})
	}
	picker.OnSelected = add
	moveTo := func(i int) {
		if i < 0 || i >= len(list) {
			return
		}
		old := cursor
		cursor = i
		picker.RefreshItem(old)
		picker.RefreshItem(cursor)
		picker.ScrollTo(cursor)
	}
	search.onKey = func(ev *fyne.KeyEvent) bool {
		switch ev.Name {
		case fyne.KeyDown:
			moveTo(cursor + 1)
		case fyne.KeyUp:
			moveTo(cursor - 1)
		default:
			return false
		}
		return true
	}
	load := func(q string) {
		background(func() {
			found, err := c.ui.lib.Excerpts(c.ui.ctx, domain.ExcerptFilter{Query: strings.TrimSpace(q), Limit: 500})
			c.ui.do(func() {
				if err == nil && search.Text == q {
					list, cursor = found, 0
					picker.Refresh()
					picker.ScrollToTop()
				}
			})
		})
	}
	search.OnChanged = load
	d = dialog.NewCustomWithoutButtons("Add an excerpt", container.NewBorder(search, nil, nil, nil, picker), c.ui.win)
	cancel := newDialogButton("Cancel", theme.CancelIcon(), d.Hide)
	cancel.setKeys(c.ui.escape, nil)
	d.SetButtons([]fyne.CanvasObject{cancel})
	d.Resize(fitInside(c.ui.win, fyne.NewSize(760, 560)))
	c.ui.showDialog(d, search, nil, func() { add(cursor) })
	load("")
}

// setBlockRow shows a block in a list row of blockRow, with the
// "unmarked" tag if unmarked.
func setBlockRow(o fyne.CanvasObject, b *domain.Block, unmarked bool) {
	row := o.(*fyne.Container)
	label, icon, tag := row.Objects[0].(*widget.Label), row.Objects[1].(*widget.Icon), row.Objects[2].(*widget.Label)
	if unmarked != tag.Visible() {
		if unmarked {
			tag.Show()
		} else {
			tag.Hide()
		}
		row.Refresh()
	}
	label.TextStyle.Bold = b.Type == domain.BlockHeading
	// Every row starts with its portion mark, as the page will: a mark
	// chosen is seen at a glance, as an unmarked one is by its tag.
	mark := marked(b.Marking)
	switch b.Type {
	case domain.BlockHeading:
		icon.SetResource(theme.MenuIcon())
		label.SetText(mark + b.Text)
	case domain.BlockExcerpt:
		icon.SetResource(theme.ContentCutIcon())
		q := ""
		if b.Excerpt != nil {
			q = marked(domain.HighestMarking(b.Excerpt.Marking, b.Marking)) + quoted(clipRunes(b.Excerpt.Quote, 200)) + " — " + b.Excerpt.SourceTitle
		}
		label.SetText(q)
	case domain.BlockJudgment:
		icon.SetResource(theme.ConfirmIcon())
		conf := ""
		if b.Confidence != "" {
			conf = " (" + string(b.Confidence) + " confidence)"
		}
		label.SetText(mark + "Key judgment: " + clipRunes(b.Text, 200) + conf)
	default:
		icon.SetResource(theme.DocumentIcon())
		label.SetText(mark + clipRunes(b.Text, 240))
	}
	label.Refresh()
}

// admits tells whether the briefing may hold blk: an excerpt marked under
// another scheme is refused here, saying what to do, rather than added
// and then refused by every save (the library's rule, domain.Admit).
func (c *composer) admits(blk *domain.Block) bool {
	if blk.Excerpt == nil {
		return true
	}
	if _, err := c.d.b.SchemeDef().Admit(blk.Excerpt.Marking); err != nil {
		c.ui.showError(domain.Errorf(domain.EINVALID, "The excerpt was not added: %s. Mark the excerpt (and its source) under the briefing's scheme in the Excerpts view, or choose another scheme in the briefing's details.",
			domain.ErrorMessage(err)))
		return false
	}
	return true
}
