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

// stanceChoices are the picker's stances, in domain order.
var (
	stanceChoices = []string{"Supports the judgment", "Contradicts the judgment"}
	stanceValues  = []domain.Stance{domain.StanceSupports, domain.StanceContradicts}
)

// stanceLabel is how cards name a stance: "Supports".
func stanceLabel(s domain.Stance) string {
	if s == domain.StanceContradicts {
		return "Contradicts"
	}
	return "Supports"
}

// linkFromMenu opens the evidence picker for the key judgment being
// edited (Edit → Link evidence…); with none, it says how to choose one.
func (c *composer) linkFromMenu() {
	if c.d == nil || c.ui.refuseReadOnly() {
		return
	}
	blk := c.selectedBlock()
	if blk == nil || blk.Type != domain.BlockJudgment {
		c.ui.notify(pickJudgmentFirst)
		return
	}
	c.ui.onShowView(viewBriefings)
	c.pickEvidence(blk.ID)
}

// pickJudgmentFirst is what Link evidence says with no judgment chosen;
// the picker, once open, takes it away.
const pickJudgmentFirst = "Click into a key judgment first, then link evidence to it (or use the Link evidence… button on its card)."

// evidencePicker is the Link evidence dialog's state: the excerpts the
// search found and the one highlighted, which Enter or Link links.
type evidencePicker struct {
	c    *composer
	id   int64 // the judgment's block ID
	list []*domain.Excerpt
	// concerns are the troubled sources, by ID, read with the list: an
	// excerpt on one is flagged before it is linked, not after.
	concerns map[int64]*domain.SourceConcern
	cursor   int
	search   *dialogEntry
	rows     *dialogList
	stance   *dialogSelect
	note     *dialogEntry
	d        *dialog.CustomDialog
}

// pickEvidence offers the library's excerpts, searchable, to link to the
// key judgment with the ID: Down and Up in the search move the highlight,
// a click highlights a row, the stance and an optional note are chosen
// below, and Enter or Link links the highlighted excerpt.
func (c *composer) pickEvidence(id int64) {
	i := c.judgmentIndex(id)
	if i < 0 || c.ui.refuseReadOnly() {
		return
	}
	p := &evidencePicker{c: c, id: id}
	c.evidence.picker = p
	if b := notices[c.ui.win]; b != nil && c.ui.notice() == pickJudgmentFirst {
		b.hide() // answered: the picker is open
	}
	p.search = newDialogEntry()
	p.search.SetPlaceHolder("Search excerpts — Down and Up choose, Enter links")
	p.search.OnChanged = p.load
	p.search.onKey = p.key
	p.rows = newDialogList(func() int { return len(p.list) }, flaggedRow(false), p.updateRow)
	p.rows.OnSelected = func(k widget.ListItemID) { p.moveTo(k) }
	p.stance = newDialogSelect(stanceChoices, nil)
	p.stance.SetSelectedIndex(0)
	p.note = newDialogEntry()
	// Short enough to fit the field: a longer hint scrolled, a stray bar under it.
	p.note.SetPlaceHolder("Optional: how it bears on the judgment, or why it still stands")
	p.note.Validator = limitValidator(domain.EvidenceNote)
	what := widget.NewLabel("Key judgment " + c.judgmentNumber(i) + ": " + quoted(clipRunes(c.d.b.Blocks[i].Text, 160)))
	what.Wrapping = fyne.TextWrapWord
	what.TextStyle.Bold = true
	form := widget.NewForm(widget.NewFormItem("Stance", p.stance), widget.NewFormItem("Note", p.note))
	body := container.NewBorder(container.NewVBox(what, p.search), form, nil, nil, p.rows)
	p.d = dialog.NewCustomWithoutButtons("Link evidence", body, c.ui.win)
	cancel := newDialogButton("Cancel", theme.CancelIcon(), p.d.Hide)
	link := newDialogButton("Link", theme.ConfirmIcon(), func() { p.link(p.cursor) })
	link.Importance = widget.HighImportance
	for _, b := range []*dialogButton{cancel, link} {
		b.setKeys(c.ui.escape, nil) // Enter presses the focused button
	}
	p.d.SetButtons([]fyne.CanvasObject{cancel, link})
	p.d.Resize(fitInside(c.ui.win, fyne.NewSize(760, 760))) // as many excerpts as the window allows
	c.ui.showDialog(p.d, body, nil, func() { p.link(p.cursor) })
	p.load("")
}

// updateRow shows excerpt k, highlighted if it is the one Enter links,
// and saying so if the judgment links it already.
func (p *evidencePicker) updateRow(k widget.ListItemID, o fyne.CanvasObject) {
	if k >= len(p.list) {
		return
	}
	e := p.list[k]
	line := excerptLine(e)
	if i := p.c.judgmentIndex(p.id); i >= 0 {
		if ev := p.c.d.b.Blocks[i].EvidenceFor(e.ID); ev != nil {
			line = "Linked already, " + strings.ToLower(stanceLabel(ev.Stance)) + " · " + line
		}
	}
	setFlaggedRow(o, excerptHeadline(e, 140), line, excerptFlag(p.concerns[e.SourceID], e.ID))
	quote := o.(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*widget.Label)
	want := widget.MediumImportance
	if k == p.cursor {
		want = widget.HighImportance
	}
	if quote.Importance != want {
		quote.Importance = want
		quote.Refresh()
	}
}

// key moves the highlight with Down and Up from the search field.
func (p *evidencePicker) key(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyDown:
		p.moveTo(p.cursor + 1)
	case fyne.KeyUp:
		p.moveTo(p.cursor - 1)
	default:
		return false
	}
	return true
}

func (p *evidencePicker) moveTo(k int) {
	if k < 0 || k >= len(p.list) {
		return
	}
	old := p.cursor
	p.cursor = k
	p.rows.RefreshItem(old)
	p.rows.RefreshItem(k)
	p.rows.ScrollTo(k)
}

// load lists the excerpts the search q finds, off the UI goroutine.
func (p *evidencePicker) load(q string) {
	c := p.c
	background(func() {
		found, err := c.ui.lib.Excerpts(c.ui.ctx, domain.ExcerptFilter{Query: strings.TrimSpace(q), Limit: 500})
		concerns := c.ui.loadConcerns()
		c.ui.do(func() {
			if err != nil {
				c.ui.showError(err)
				return
			}
			if p.search.Text == q {
				p.list, p.concerns, p.cursor = found, concerns, 0
				p.rows.UnselectAll()
				p.rows.Refresh()
				p.rows.ScrollToTop()
			}
		})
	})
}

// link links excerpt k with the stance and note chosen, and closes the
// picker; a note over its limit keeps it open, the field saying why.
func (p *evidencePicker) link(k int) {
	if k < 0 || k >= len(p.list) || p.note.Validate() != nil {
		return
	}
	e := p.list[k]
	s := stanceValues[max(p.stance.SelectedIndex(), 0)]
	p.d.Hide()
	c := p.c
	ev := domain.Evidence{ExcerptID: e.ID, Stance: s, Note: strings.TrimSpace(p.note.Text), Excerpt: e.Clone()}
	if i := c.judgmentIndex(p.id); i >= 0 && c.linkEvidence(p.id, ev) {
		msg := "Linked " + excerptHeadline(e, 50) + " to key judgment " + c.judgmentNumber(i) + " as " + stanceWord(s) + " evidence."
		if flag := excerptFlag(p.concerns[e.SourceID], e.ID); flag != "" {
			msg += " Beware: " + lowerFirst(flag) + "."
		}
		c.ui.notify(msg)
		return
	}
	c.ui.notify("The key judgment was removed while the picker was open: nothing was linked.")
}
