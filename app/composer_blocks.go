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

// insertAt inserts blk at block index at (after the block being edited,
// or at the end, for at < 0) as one undo step, and edits it.
func (c *composer) insertAt(at int, blk *domain.Block) bool {
	if c.d == nil || !c.admits(blk) {
		return false
	}
	if at < 0 {
		at = len(c.d.b.Blocks)
		if c.selected >= 0 {
			at = c.selected + 1
		}
	}
	at = min(at, len(c.d.b.Blocks))
	if blk.Type != domain.BlockExcerpt && blk.Marking == "" {
		blk.Marking = c.markBefore(at)
	}
	c.d.edit(func(b *domain.Briefing) { b.Blocks = domain.InsertBlock(b.Blocks, at, blk) })
	c.updateStats()
	c.editBlock(at)
	if blk.Blank() && c.editor != nil {
		c.editor.text.SetPlaceHolder(blankHints[blk.Type])
	}
	return true
}

// markBefore is the mark a new heading, commentary or judgment at block
// index at starts with, when the briefing marks its portions: the mark of
// the nearest such block before it, the way the analyst has been marking
// (shown on the block, and changed in its editor). Unmarked otherwise, as
// the checks before export then say.
func (c *composer) markBefore(at int) domain.Marking {
	s := c.d.b.SchemeDef()
	if !s.Marks() || s.WholeDocument {
		return ""
	}
	for i := min(at, len(c.d.b.Blocks)) - 1; i >= 0; i-- {
		if blk := c.d.b.Blocks[i]; blk.Type != domain.BlockExcerpt && blk.Marking != "" {
			return blk.Marking
		}
	}
	return ""
}

// blankHints are what a new block's field says until typed into: the
// block itself is blank, and is dropped if left so (leaveBlank).
var blankHints = map[domain.BlockType]string{domain.BlockHeading: "Heading of the new section",
	domain.BlockCommentary: "Your commentary", domain.BlockJudgment: "Your key judgment"}

// leaveBlank removes block j, the one editing just left, if it is still
// blank: an empty commentary left by Escape or a click elsewhere is not
// kept (it could never be saved). Removing the block a moment after its
// insert takes that insert off the undo history rather than adding a
// step of its own.
func (c *composer) leaveBlank(j int) {
	if c.d == nil || j < 0 || j >= len(c.d.b.Blocks) || !c.d.b.Blocks[j].Blank() {
		return
	}
	d := c.d
	without := d.b.Clone()
	without.Blocks = slices.Delete(without.Blocks, j, j+1)
	if n := len(d.undo); n > 0 && sameContent(d.undo[n-1], without) {
		d.b, d.undo = d.undo[n-1], d.undo[:n-1]
		d.changed()
	} else {
		d.edit(func(b *domain.Briefing) { b.Blocks = slices.Delete(b.Blocks, j, j+1) })
	}
	c.updateStats()
}

// insert inserts blk after the block being edited (at the end when none is).
func (c *composer) insert(blk *domain.Block) { c.insertAt(-1, blk) }

// onAdd adds a block of type t after the block being edited.
func (c *composer) onAdd(t domain.BlockType) { c.addAt(-1, t) }

// addAt adds a blank block of type t at block index at (see insertAt):
// its field shows a hint, never a filler text that could be exported
// as written.
func (c *composer) addAt(at int, t domain.BlockType) {
	blk := &domain.Block{Type: t}
	if t == domain.BlockJudgment {
		blk.Confidence = domain.ConfidenceModerate
	}
	c.insertAt(at, blk)
}

// onRemove deletes the block being edited, as one undo step, and edits
// the block before it (the one after, for the first).
func (c *composer) onRemove() {
	i := c.selected
	if c.selectedBlock() == nil || c.ui.lib.ReadOnly() {
		return
	}
	c.d.edit(func(b *domain.Briefing) { b.Blocks = slices.Delete(slices.Clone(b.Blocks), i, i+1) })
	c.selected = -1
	c.updateStats()
	if n := len(c.d.b.Blocks); n > 0 {
		c.editBlock(max(0, min(i-1, n-1)))
	} else {
		c.stopEditing()
	}
}

func (c *composer) onUndo() {
	if c.d != nil {
		c.stepHistory(c.d.undoEdit)
	}
}

func (c *composer) onRedo() {
	if c.d != nil {
		c.stepHistory(c.d.redoEdit)
	}
}

// onPickExcerpt offers the library's excerpts, searchable, to add one: by
// a click, or from the search field with Down and Up to move the
// highlighted row and Enter to add it.
func (c *composer) onPickExcerpt() { c.pickExcerptAt(-1) }

// pickExcerptAt is onPickExcerpt inserting at block index at (after the
// block being edited for at < 0).
func (c *composer) pickExcerptAt(at int) {
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
		quote.SetText(excerptHeadline(list[i], 140))
		box.Objects[1].(*widget.Label).SetText(excerptLine(list[i]))
	})
	add := func(i int) {
		if i < 0 || i >= len(list) {
			return
		}
		e := list[i]
		d.Hide()
		c.insertExcerpt(at, e)
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

// addFromMenu adds a block of type t (an excerpt through the picker)
// after the block being edited, from the Edit menu or its shortcut: the
// composer is brought into view first, as the new block is edited.
func (c *composer) addFromMenu(t domain.BlockType) {
	if c.d == nil || c.ui.lib.ReadOnly() {
		return
	}
	c.ui.onShowView(viewBriefings)
	c.tabs.SelectIndex(0)
	if t == domain.BlockExcerpt {
		c.onPickExcerpt()
		return
	}
	c.onAdd(t)
}
