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

// evidenceField offers, in an excerpt's form (New excerpt, the Excerpts
// view), to link the excerpt to a key judgment of the briefing open in the
// composer, as supporting or contradicting evidence. The link is an edit
// of that draft, saved and undone with it. A new excerpt is linked once
// it is saved; until then the field says what will be linked.
type evidenceField struct {
	ui      *UI
	box     *fyne.Container
	status  *widget.Label
	excerpt func() *domain.Excerpt // the excerpt the form shows; nil for one not saved yet
	pending []pendingLink          // a new excerpt's links, made once it is saved
}

// pendingLink is a link chosen for an excerpt not saved yet.
type pendingLink struct {
	briefing, block int64
	ev              domain.Evidence
}

// offerJudgments adds the field to the form's items for the UI u;
// current gives the excerpt shown (nil for a new one, linked once saved).
func (f *excerptFields) offerJudgments(u *UI, current func() *domain.Excerpt) {
	ef := &evidenceField{ui: u, excerpt: current, status: widget.NewLabel("")}
	ef.status.Wrapping = fyne.TextWrapWord
	ef.status.Importance = widget.LowImportance
	btn := widget.NewButtonWithIcon("Supports or contradicts a key judgment…", theme.ContentAddIcon(), ef.pick)
	u.writes(btn)
	ef.box = container.NewVBox(container.NewHBox(btn), ef.status)
	f.evidence = ef
}

// evidenceItem is the field's form item, if it is offered.
func (f *excerptFields) evidenceItems() []*widget.FormItem {
	if f.evidence == nil {
		return nil
	}
	return []*widget.FormItem{{Text: "Evidence", Widget: f.evidence.box, HintText: "for a key judgment of the briefing open in Briefings"}}
}

// show says which judgments of the open draft the excerpt e is evidence
// for (e nil: a new excerpt, whose chosen links are listed).
func (ef *evidenceField) show(e *domain.Excerpt) {
	c := ef.ui.briefings.composer
	var said []string
	if c.d != nil && e != nil {
		for i, blk := range c.d.b.Blocks {
			if ev := blk.EvidenceFor(e.ID); ev != nil && blk.Type == domain.BlockJudgment {
				said = append(said, strings.ToLower(stanceLabel(ev.Stance))+" key judgment "+c.judgmentNumber(i))
			}
		}
	}
	for _, p := range ef.pending {
		if i := c.judgmentIndex(p.block); i >= 0 && c.d.b.ID == p.briefing {
			said = append(said, "will "+strings.ToLower(strings.TrimSuffix(stanceLabel(p.ev.Stance), "s"))+" key judgment "+c.judgmentNumber(i)+" once saved")
		}
	}
	switch {
	case len(said) > 0:
		ef.status.SetText(upperFirst(strings.Join(said, "; ")) + " in “" + c.d.b.Title + "”.")
	case c.d == nil:
		ef.status.SetText("Open a briefing in Briefings to link this excerpt to its key judgments.")
	default:
		ef.status.SetText("Not linked to a key judgment of “" + c.d.b.Title + "”.")
	}
}

// pick lists the open draft's key judgments to link the excerpt to.
func (ef *evidenceField) pick() {
	c := ef.ui.briefings.composer
	if ef.ui.refuseReadOnly() {
		return
	}
	if c.d == nil {
		ef.ui.notify("Open a briefing in Briefings first: its key judgments are offered here.")
		return
	}
	var ids []int64 // the judgments' block IDs, in reading order
	for _, blk := range c.d.b.Blocks {
		if blk.Type == domain.BlockJudgment && !blk.Blank() {
			ids = append(ids, blk.ID)
		}
	}
	if len(ids) == 0 {
		ef.ui.notify("“" + c.d.b.Title + "” has no key judgments yet: add one in the composer, then link the excerpt to it.")
		return
	}
	ef.showPicker(ids)
}

// showPicker is the dialog: the judgments, the stance, a note; Link or
// Enter links the judgment selected.
func (ef *evidenceField) showPicker(ids []int64) {
	c := ef.ui.briefings.composer
	chosen := 0
	list := newDialogList(func() int { return len(ids) }, twoLineRow(false), func(k widget.ListItemID, o fyne.CanvasObject) {
		box := o.(*fyne.Container)
		i := c.judgmentIndex(ids[k])
		if i < 0 {
			return
		}
		blk := c.d.b.Blocks[i]
		box.Objects[0].(*widget.Label).SetText(c.judgmentNumber(i) + ". " + clipRunes(blk.Text, 160))
		box.Objects[1].(*widget.Label).SetText(joinMeta(confidenceText(blk.Confidence), "Evidence: "+evidenceCount(blk)))
	})
	list.OnSelected = func(k widget.ListItemID) { chosen = k }
	stance := newDialogSelect(stanceChoices, nil)
	stance.SetSelectedIndex(0)
	note := newDialogEntry()
	note.SetPlaceHolder("Optional: how it bears on the judgment")
	note.Validator = limitValidator(domain.EvidenceNote)
	head := widget.NewLabel("Key judgments of “" + c.d.b.Title + "”")
	head.TextStyle.Bold = true
	form := widget.NewForm(widget.NewFormItem("Stance", stance), widget.NewFormItem("Note", note))
	body := container.NewBorder(head, form, nil, nil, list)
	d := dialog.NewCustomWithoutButtons("Evidence for a key judgment", body, ef.ui.win)
	link := func() {
		if note.Validate() != nil {
			return
		}
		d.Hide()
		ef.link(c.d.b.ID, ids[chosen], stanceValues[max(stance.SelectedIndex(), 0)], strings.TrimSpace(note.Text))
	}
	cancel := newDialogButton("Cancel", theme.CancelIcon(), d.Hide)
	ok := newDialogButton("Link", theme.ConfirmIcon(), link)
	ok.Importance = widget.HighImportance
	for _, b := range []*dialogButton{cancel, ok} {
		b.setKeys(ef.ui.escape, nil)
	}
	d.SetButtons([]fyne.CanvasObject{cancel, ok})
	d.Resize(fitInside(ef.ui.win, fyne.NewSize(680, 480)))
	ef.ui.showDialog(d, body, nil, link)
	list.Select(0)
}

// link links the excerpt shown to judgment block of briefing, now if it
// is saved, else once it is (linkSaved).
func (ef *evidenceField) link(briefing, block int64, s domain.Stance, note string) {
	c := ef.ui.briefings.composer
	var e *domain.Excerpt
	if ef.excerpt != nil {
		e = ef.excerpt()
	}
	ev := domain.Evidence{Stance: s, Note: note}
	if e == nil || e.ID == 0 {
		ef.pending = append(slicesWithout(ef.pending, block), pendingLink{briefing: briefing, block: block, ev: ev})
		ef.show(nil)
		return
	}
	ev.ExcerptID, ev.Excerpt = e.ID, e.Clone()
	if c.d == nil || c.d.b.ID != briefing || !c.linkEvidence(block, ev) {
		ef.ui.notify("The briefing or its key judgment was closed or removed meanwhile: nothing was linked.")
		return
	}
	ef.show(e)
	ef.ui.notify("Linked " + excerptHeadline(e, 50) + " to key judgment " + c.judgmentNumber(c.judgmentIndex(block)) + " as " + stanceWord(s) + " evidence.")
}

// linkSaved makes the links chosen for a new excerpt, now saved as e.
func (ef *evidenceField) linkSaved(e *domain.Excerpt) {
	if ef == nil {
		return
	}
	c := ef.ui.briefings.composer
	for _, p := range ef.pending {
		ev := p.ev
		ev.ExcerptID, ev.Excerpt = e.ID, e.Clone()
		if c.d == nil || c.d.b.ID != p.briefing || !c.linkEvidence(p.block, ev) {
			ef.ui.notify("The excerpt is saved, but the briefing or key judgment it was to be linked to was closed or removed meanwhile: link it from the Evidence tab.")
			continue
		}
		ef.ui.notify("Saved, and linked to key judgment " + c.judgmentNumber(c.judgmentIndex(p.block)) + " as " + stanceWord(ev.Stance) + " evidence.")
	}
	ef.pending = nil
}

// slicesWithout drops the links to block: choosing again replaces them.
func slicesWithout(links []pendingLink, block int64) []pendingLink {
	var out []pendingLink
	for _, l := range links {
		if l.block != block {
			out = append(out, l)
		}
	}
	return out
}
