package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/integrity"
)

// firstJudgment is the block index of the open draft's first key judgment.
func firstJudgment(t *testing.T, c *composer) int {
	t.Helper()
	for i, blk := range c.d.b.Blocks {
		if blk.Type == domain.BlockJudgment {
			return i
		}
	}
	t.Fatal("the draft has no key judgment")
	return -1
}

// unlinkAll takes the evidence off every key judgment of the open draft:
// the sample links evidence to its judgments, and some tests start from
// judgments with none.
func unlinkAll(t *testing.T, c *composer) {
	t.Helper()
	fyne.DoAndWait(func() {
		var ids []int64
		for _, blk := range c.d.b.Blocks {
			if blk.Type == domain.BlockJudgment {
				ids = append(ids, blk.ID)
			}
		}
		for _, id := range ids {
			for evs := c.d.b.Blocks[c.judgmentIndex(id)].Evidence; len(evs) > 0; evs = c.d.b.Blocks[c.judgmentIndex(id)].Evidence {
				if !c.unlinkEvidence(id, evs[0].ExcerptID) {
					t.Errorf("could not unlink excerpt %d from block %d", evs[0].ExcerptID, id)
					return
				}
			}
		}
	})
}

// sideExcerptRow lists the library's excerpts beside the draft and gives
// a row of the list holding the first one.
func sideExcerptRow(t *testing.T, u *UI) (*excerptDragRow, *domain.Excerpt) {
	t.Helper()
	x := u.briefings.side.excerpts
	fyne.DoAndWait(x.show)
	eventually(t, "the excerpts beside the draft", func() bool { return len(x.excerpts) > 0 })
	row := newExcerptDragRow(x)
	fyne.DoAndWait(func() { row.set(0, x.excerpts[0]) })
	return row, x.excerpts[0]
}

// holdShift stands in for the keyboard's modifiers as a drag ends.
func holdShift(t *testing.T, on bool) {
	old := dropModifiers
	dropModifiers = func() fyne.KeyModifier {
		if on {
			return fyne.KeyModifierShift
		}
		return 0
	}
	t.Cleanup(func() { dropModifiers = old })
}

// An excerpt dragged from beside the draft and dropped onto a key
// judgment is linked to it as supporting evidence, not inserted as a
// block; the notice offers the other stance; one undo takes the link off.
// With Shift held it is contradicting.
func TestAnExcerptDroppedOnAJudgmentIsLinkedNotInserted(t *testing.T) {
	u, _ := openSampleBriefing(t)
	c := u.briefings.composer
	unlinkAll(t, c)
	j := firstJudgment(t, c)
	row, e := sideExcerptRow(t, u)
	n := len(c.d.b.Blocks)
	target := fyne.NewPos(640, 200)
	holdShift(t, false)
	dropOnDraft(t, target, linkDrop(j, dropStance()))
	fyne.DoAndWait(func() { row.at = target; row.DragEnd() })
	blk := c.d.b.Blocks[j]
	if len(c.d.b.Blocks) != n {
		t.Fatalf("the drop inserted a block: %d blocks, want %d", len(c.d.b.Blocks), n)
	}
	if ev := blk.EvidenceFor(e.ID); ev == nil || ev.Stance != domain.StanceSupports {
		t.Fatalf("judgment's evidence %+v, want excerpt %d supporting", blk.Evidence, e.ID)
	}
	if !strings.Contains(u.notice(), "as supporting evidence") {
		t.Errorf("the notice reads %q", u.notice())
	}
	// The card says how much evidence the judgment has, and offers more.
	if it := c.docItem(c.blockItem(j)); !strings.Contains(it.Meta, "1 supporting") || it.Action != "Link evidence…" || strings.Contains(it.Tag, "no evidence") {
		t.Fatalf("the judgment's card shows %+v", it)
	}
	// The notice's button turns it into contradicting evidence.
	fyne.DoAndWait(func() { notices[u.win].run() })
	if ev := c.d.b.Blocks[j].EvidenceFor(e.ID); ev == nil || ev.Stance != domain.StanceContradicts {
		t.Fatalf("after Contradicts instead: %+v", c.d.b.Blocks[j].Evidence)
	}
	if it := c.docItem(c.blockItem(j)); !strings.Contains(it.Tag, "no supporting evidence") {
		t.Fatalf("a judgment with only contradicting evidence shows %+v", it)
	}
	fyne.DoAndWait(c.onUndo)
	fyne.DoAndWait(c.onUndo)
	if got := c.d.b.Blocks[j].Evidence; len(got) != 0 {
		t.Fatalf("after two undos the judgment keeps %+v", got)
	}
	if it := c.docItem(c.blockItem(j)); !strings.Contains(it.Tag, "no evidence linked") {
		t.Fatalf("a judgment without evidence shows %+v", it)
	}
	// Shift held as it is dropped: contradicting at once.
	holdShift(t, true)
	dropOnDraft(t, target, linkDrop(j, dropStance()))
	fyne.DoAndWait(func() { row.DragEnd() })
	if ev := c.d.b.Blocks[j].EvidenceFor(e.ID); ev == nil || ev.Stance != domain.StanceContradicts {
		t.Fatalf("dropped with Shift: %+v", c.d.b.Blocks[j].Evidence)
	}
}

// The document maps a drop onto a key judgment's card to a link, and
// outlines the card while a drag hovers over it; between items it still
// inserts.
func TestDocumentTakesADropOntoAJudgment(t *testing.T) {
	u, c := docBriefing(t)
	resize(u, fyne.NewSize(1280, 800))
	holdShift(t, false)
	var at int
	var inside bool
	var outlined int
	var label string
	fyne.DoAndWait(func() {
		c.doc.ScrollToTop()
		item := c.blockItem(0) // J1
		pos := cardCentre(c, item)
		at, inside = c.dropIndex(pos)
		c.showDrop(pos)
		outlined = c.doc.DropOn()
		label = c.dropOnto(item)
		c.hideDrop()
	})
	j, s, link := linkOf(at)
	if !inside || !link || j != 0 || s != domain.StanceSupports {
		t.Fatalf("a drop on J1's card gives %d (%d %q %v, inside %v), want a supporting link to block 0", at, j, s, link, inside)
	}
	if outlined != c.blockItem(0) || !strings.Contains(label, "Link as supporting evidence") || c.doc.DropOn() != -1 {
		t.Fatalf("hovering outlined item %d with %q (want %d), after it %d", outlined, label, c.blockItem(0), c.doc.DropOn())
	}
	// A commentary's card takes no link: the drop goes between items.
	fyne.DoAndWait(func() { at, inside = c.dropIndex(cardCentre(c, c.blockItem(2))) })
	if _, _, link := linkOf(at); link || !inside || at < 0 {
		t.Fatalf("a drop on a commentary gives %d", at)
	}
}

// cardCentre is the absolute position of item i's middle.
func cardCentre(c *composer, i int) fyne.Position {
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(c.doc)
	y := c.doc.ItemTop(i) + 10
	return abs.Add(fyne.NewPos(c.doc.Size().Width/2, y))
}

// Link evidence… on a judgment's card opens the picker: typing searches
// the library's excerpts, Down moves the highlight, the stance and note
// are chosen, and Enter links the highlighted excerpt.
func TestPickerLinksEvidenceWithStanceAndNote(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	j := firstJudgment(t, c)
	all, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{Limit: 500})
	if len(all) < 2 {
		t.Fatal("the sample has fewer than two excerpts")
	}
	fyne.DoAndWait(func() { c.doc.OnAction(c.blockItem(j)) })
	p := openPicker(t, u)
	eventually(t, "the excerpts listed", func() bool { return len(p.list) == len(all) })
	fyne.DoAndWait(func() {
		p.key(&fyne.KeyEvent{Name: fyne.KeyDown})
		p.stance.SetSelectedIndex(1)
		p.note.SetText("Dated: the ban was lifted since")
	})
	want := p.list[1]
	fyne.DoAndWait(u.enter)
	ev := c.d.b.Blocks[j].EvidenceFor(want.ID)
	if ev == nil || ev.Stance != domain.StanceContradicts || ev.Note != "Dated: the ban was lifted since" {
		t.Fatalf("judgment's evidence %+v, want excerpt %d contradicting with the note", c.d.b.Blocks[j].Evidence, want.ID)
	}
	if overlayContains(u, "Link evidence") {
		t.Error("the picker is still open")
	}
	// Saved with the briefing.
	if err := flushNow(t, c.d); err != nil {
		t.Fatal(err)
	}
	b, _ := lib.Briefing(context.Background(), c.d.b.ID)
	if ev := b.Blocks[j].EvidenceFor(want.ID); ev == nil || ev.Stance != domain.StanceContradicts {
		t.Fatalf("stored judgment's evidence %+v", b.Blocks[j].Evidence)
	}
}

// openPicker is the evidence picker just shown.
func openPicker(t *testing.T, u *UI) *evidencePicker {
	t.Helper()
	p := u.briefings.composer.evidence.picker
	if p == nil || !overlayContains(u, "Link evidence") {
		t.Fatal("no evidence picker on screen")
	}
	return p
}

// The Evidence tab lists the judgments, flags those with no evidence in
// words, shows each link as a card with its grades and source, and
// unlinks and changes stance from there.
func TestEvidenceTabListsJudgmentsAndFlagsUnsupported(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	unlinkAll(t, c)
	j := firstJudgment(t, c)
	exs, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{Limit: 1})
	e := exs[0]
	fyne.DoAndWait(func() {
		c.linkEvidence(c.d.b.Blocks[j].ID, domain.Evidence{ExcerptID: e.ID, Stance: domain.StanceSupports, Note: "Named in the quote"})
	})
	fyne.DoAndWait(c.showEvidence)
	v := c.evidence
	if !v.shown() {
		t.Fatal("View → Evidence did not show the Evidence tab")
	}
	judgments := 0
	for _, blk := range c.d.b.Blocks {
		if blk.Type == domain.BlockJudgment {
			judgments++
		}
	}
	eventually(t, "the card's source", func() bool { return v.sources[e.SourceID] != nil && treeContains(v.content, "Named in the quote") })
	if len(v.rows.Objects) != judgments {
		t.Fatalf("%d rows for %d judgments", len(v.rows.Objects), judgments)
	}
	src := v.sources[e.SourceID]
	cards := evidenceCards(v)
	if len(cards) != 1 {
		t.Fatalf("%d cards, want 1", len(cards))
	}
	if g := cards[0].grades(); src.Reliability != "" && !strings.HasPrefix(g, string(src.Reliability)) || src.Reliability == "" && e.Credibility == 0 && g != "Not graded" {
		t.Errorf("the card's grades read %q, the source is graded %q", g, src.Reliability)
	}
	if !treeContains(cards[0].content, src.Title) || !treeContains(cards[0].content, "Supports") {
		t.Error("the card does not name its source and stance")
	}
	// Each judgment without evidence says so in its row, in the warning
	// colour, and by more than colour: a warning in words.
	k := 0
	for _, blk := range c.d.b.Blocks {
		if blk.Type != domain.BlockJudgment {
			continue
		}
		warned := false
		walk(v.rows.Objects[k], func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && l.Importance == widget.WarningImportance && strings.Contains(strings.ToLower(l.Text), "evidence") {
				warned = true
			}
		})
		if len(blk.Evidence) == 0 && !warned {
			t.Errorf("judgment %d, with no evidence, is not flagged in words", k+1)
		}
		k++
	}
	if !treeContains(v.content, plural(judgments, "key judgment")+": "+itoa(judgments-1)+" with no evidence linked") {
		t.Errorf("the summary reads %q", v.summary.Text)
	}
	// A double click reads the excerpt in its source beside the draft.
	fyne.DoAndWait(func() { cards[0].DoubleTapped(nil) })
	r := u.briefings.side.reader
	eventually(t, "the excerpt's source beside the draft", func() bool { return r.source != nil && r.source.ID == e.SourceID })
	// Change the stance, then unlink, from the card.
	fyne.DoAndWait(func() { findSelect(t, cards[0].content).SetSelected("Contradicts") })
	if ev := c.d.b.Blocks[j].EvidenceFor(e.ID); ev == nil || ev.Stance != domain.StanceContradicts {
		t.Fatalf("after choosing Contradicts: %+v", c.d.b.Blocks[j].Evidence)
	}
	// The note, from the card's Note… form.
	cards = evidenceCards(v)
	fyne.DoAndWait(func() { test.Tap(findButton(t, cards[0].content, "Note…")) })
	var entry *dialogEntry
	walkOverlays(u, func(o fyne.CanvasObject) {
		if e, ok := o.(*dialogEntry); ok && e.Text == "Named in the quote" {
			entry = e
		}
	})
	if entry == nil {
		t.Fatal("the Note… form does not show the note")
	}
	fyne.DoAndWait(func() { entry.SetText("A ministry's own figure; it predates the ban.") })
	confirmForm(t, u, "Save")
	if ev := c.d.b.Blocks[j].EvidenceFor(e.ID); ev == nil || ev.Note != "A ministry's own figure; it predates the ban." {
		t.Fatalf("after Note…: %+v", c.d.b.Blocks[j].Evidence)
	}
	cards = evidenceCards(v)
	fyne.DoAndWait(func() { test.Tap(findButton(t, cards[0].content, "Unlink")) })
	if len(c.d.b.Blocks[j].Evidence) != 0 || len(evidenceCards(v)) != 0 {
		t.Fatalf("after Unlink: %+v, %d cards", c.d.b.Blocks[j].Evidence, len(evidenceCards(v)))
	}
}

func evidenceCards(v *evidenceView) []*evidenceCard {
	var out []*evidenceCard
	walk(v.rows, func(o fyne.CanvasObject) {
		if k, ok := o.(*evidenceCard); ok {
			out = append(out, k)
		}
	})
	return out
}

func findSelect(t *testing.T, o fyne.CanvasObject) *widget.Select {
	t.Helper()
	var s *widget.Select
	walk(o, func(c fyne.CanvasObject) {
		if x, ok := c.(*widget.Select); ok {
			s = x
		}
	})
	if s == nil {
		t.Fatal("no select")
	}
	return s
}

func findButton(t *testing.T, o fyne.CanvasObject, label string) *widget.Button {
	t.Helper()
	var b *widget.Button
	walk(o, func(c fyne.CanvasObject) {
		if x, ok := c.(*widget.Button); ok && x.Text == label {
			b = x
		}
	})
	if b == nil {
		t.Fatalf("no %q button", label)
	}
	return b
}

// The scale chosen in the details is the draft's, and saved with it.
func TestScaleIsChosenInTheDetailsAndSaved(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	fyne.DoAndWait(func() { c.marking.scale.SetSelected("UK Yardstick") })
	if c.d.b.Scale != domain.ScalePHIA {
		t.Fatalf("the draft's scale is %q", c.d.b.Scale)
	}
	if err := flushNow(t, c.d); err != nil {
		t.Fatal(err)
	}
	b, _ := lib.Briefing(context.Background(), c.d.b.ID)
	if b.Scale != domain.ScalePHIA {
		t.Fatalf("the library keeps the scale %q", b.Scale)
	}
	fyne.DoAndWait(func() { c.marking.scale.SetSelected(scaleNone) })
	if c.d.b.Scale != domain.ScaleNone {
		t.Fatalf("None gives %q", c.d.b.Scale)
	}
}

// The basis thresholds are settings: shown with their defaults, an age
// out of range refused, and saved under the keys the checks read.
func TestSettingsBasisThresholds(t *testing.T) {
	u, _ := newTestUI(t)
	fyne.DoAndWait(u.onSettings)
	eventually(t, "the settings", func() bool { return formOrNil(u) != nil })
	widgetsOf := map[string]fyne.CanvasObject{}
	for _, it := range formOrNil(u).Items {
		widgetsOf[it.Text] = it.Widget
	}
	rel, _ := widgetsOf["Lowest reliability"].(*dialogSelect)
	cred, _ := widgetsOf["Lowest credibility"].(*dialogSelect)
	age, _ := widgetsOf["Oldest evidence (months)"].(*dialogEntry)
	if rel == nil || cred == nil || age == nil {
		t.Fatalf("the basis thresholds are missing from Settings: %v", widgetsOf)
	}
	if !strings.HasPrefix(rel.Selected, "B") || !strings.HasPrefix(cred.Selected, "2") || age.Text != "18" {
		t.Errorf("defaults shown %q %q %q, want B, 2, 18", rel.Selected, cred.Selected, age.Text)
	}
	fyne.DoAndWait(func() { age.SetText("999") })
	if age.Validator(age.Text) == nil {
		t.Error("999 months, above the limit, was accepted")
	}
	fyne.DoAndWait(func() {
		age.SetText("6")
		rel.SetSelectedIndex(2)
		cred.SetSelectedIndex(2)
	})
	confirmForm(t, u, "Save")
	p := u.app.Preferences()
	if got := [3]string{p.String("basis_min_reliability"), p.String("basis_min_credibility"), p.String("basis_max_age_months")}; got != [3]string{"C", "3", "6"} {
		t.Fatalf("saved %v, want C 3 6", got)
	}
}

// From an excerpt's form in the Excerpts view, “Supports or contradicts
// a key judgment…” lists the open draft's judgments and links the
// excerpt to the one chosen, with the stance chosen.
func TestExcerptFormLinksToAJudgmentOfTheOpenBriefing(t *testing.T) {
	u, _ := openSampleBriefing(t)
	c := u.briefings.composer
	j := firstJudgment(t, c)
	fyne.DoAndWait(func() { u.onShowView(viewExcerpts) })
	eventually(t, "the excerpts", func() bool { return len(u.excerpts.excerpts) > 0 })
	fyne.DoAndWait(func() { u.excerpts.list.Select(0) })
	e := u.excerpts.selected
	ef := u.excerpts.fields.evidence
	if ef == nil || !strings.HasPrefix(ef.status.Text, "Not linked to a key judgment") {
		t.Fatalf("the form's evidence field: %+v", ef)
	}
	fyne.DoAndWait(func() { test.Tap(findButton(t, ef.box, "Supports or contradicts a key judgment…")) })
	if !overlayContains(u, "Key judgments of “"+c.d.b.Title+"”") {
		t.Fatal("the judgments of the open briefing are not offered")
	}
	var stance *dialogSelect
	walkOverlays(u, func(o fyne.CanvasObject) {
		if s, ok := o.(*dialogSelect); ok && s.Selected == stanceChoices[0] {
			stance = s
		}
	})
	fyne.DoAndWait(func() { stance.SetSelectedIndex(1) })
	fyne.DoAndWait(u.enter)
	if ev := c.d.b.Blocks[j].EvidenceFor(e.ID); ev == nil || ev.Stance != domain.StanceContradicts {
		t.Fatalf("judgment's evidence %+v, want excerpt %d contradicting", c.d.b.Blocks[j].Evidence, e.ID)
	}
	if !strings.HasPrefix(ef.status.Text, "Contradicts key judgment 1") {
		t.Errorf("the field says %q", ef.status.Text)
	}
}

// A new excerpt's form takes the judgment before the excerpt exists; the
// link is made once it is saved.
func TestNewExcerptIsLinkedOnceSaved(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	j := firstJudgment(t, c)
	srcs, _ := lib.Sources(context.Background(), domain.SourceFilter{Sort: "title"})
	r := u.library.reader
	fyne.DoAndWait(func() { u.onShowView(viewLibrary); r.open(srcs[0].ID, -1) })
	eventually(t, "the text", func() bool { return r.text.Text() != "" })
	start, end := freePassage(t, lib, srcs[0])
	fyne.DoAndWait(func() { r.text.Select(start, end) })
	fyne.DoAndWait(r.onNewExcerpt)
	form := findForm(t, u)
	fyne.DoAndWait(func() { test.Tap(findButton(t, form, "Supports or contradicts a key judgment…")) })
	confirmForm(t, u, "Link")
	if got := findForm(t, u); !treeContains(got, "Will support key judgment 1 once saved") {
		t.Fatal("the form does not say what will be linked")
	}
	confirmForm(t, u, "Save excerpt")
	var made *domain.Excerpt
	eventually(t, "the excerpt", func() bool {
		exs, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{SourceID: srcs[0].ID})
		made = excerptAt(exs, start, end)
		return made != nil
	})
	if ev := c.d.b.Blocks[j].EvidenceFor(made.ID); ev == nil || ev.Stance != domain.StanceSupports {
		t.Fatalf("judgment's evidence %+v, want the new excerpt %d supporting", c.d.b.Blocks[j].Evidence, made.ID)
	}
}

// The export dialog shows every option with choices that export's
// registry lists, without the dialog naming any (the basis of key
// judgments among them once export has it): each as a drop-down of the
// option's labels, and each file option as a file row.
func TestExportFormOffersTheRegistrysOptions(t *testing.T) {
	u, _ := openSampleBriefing(t)
	c := u.briefings.composer
	fyne.DoAndWait(func() { c.showExportForm(t.TempDir()) })
	shown := map[string]*dialogSelect{}
	files := map[string]*fileField{}
	for _, it := range findForm(t, u).Items {
		if s, ok := it.Widget.(*dialogSelect); ok {
			shown[it.Text] = s
		}
		if f, ok := it.Widget.(*fileField); ok {
			files[it.Text] = f
		}
	}
	n := 0
	for _, f := range export.Formats() {
		for _, o := range f.Options {
			if o.IsSwitch() {
				continue
			}
			if o.File { // a file option is a file row (the house template)
				if files[o.Label] == nil {
					t.Errorf("the file option %q of %s has no file row", o.Label, f.Label)
				}
				continue
			}
			n++
			s := shown[o.Label]
			if s == nil || !slices.Equal(s.Options, o.Labels()) {
				t.Errorf("the option %q of %s is not offered as its choices %v", o.Label, f.Label, o.Labels())
			}
		}
	}
	if n == 0 {
		t.Fatal("export lists no option with choices")
	}
}

// A link or a scale changed elsewhere (the command line) is a change the
// open draft takes in: the copies are not the same.
func TestLinksAndScaleCountAsContent(t *testing.T) {
	a := &domain.Briefing{Title: "T", Blocks: []*domain.Block{{ID: 1, Type: domain.BlockJudgment, Text: "J"}}}
	b := a.Clone()
	b.Blocks[0].Evidence = []domain.Evidence{{ExcerptID: 4, Stance: domain.StanceSupports}}
	if sameContent(a, b) {
		t.Error("a new link is not a change")
	}
	c := b.Clone()
	c.Blocks[0].Evidence = []domain.Evidence{{ExcerptID: 4, Stance: domain.StanceContradicts}}
	if sameContent(b, c) {
		t.Error("a new stance is not a change")
	}
	d := a.Clone()
	d.Scale = domain.ScaleICD203
	if sameContent(a, d) {
		t.Error("a new scale is not a change")
	}
}

// A card whose source was retracted says so, in words, with the note.
func TestEvidenceCardSaysItsSourceWasRetracted(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	j := firstJudgment(t, c)
	exs, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{Limit: 1})
	e := exs[0]
	if err := lib.SetSourceStanding(context.Background(), e.SourceID, domain.StandingRetracted, "withdrawn by its publisher"); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() {
		c.linkEvidence(c.d.b.Blocks[j].ID, domain.Evidence{ExcerptID: e.ID, Stance: domain.StanceSupports})
		c.showEvidence()
	})
	eventually(t, "the card's concern", func() bool {
		return treeContains(c.evidence.content, "The source is retracted (withdrawn by its publisher): check the link still holds.")
	})
}

// The Evidence tab's basis warnings follow the thresholds in Settings:
// evidence 20 months old is stale for a judgment about the present at
// the 18 months Settings start with, and not once 24 are allowed.
func TestEvidenceTabTakesTheBasisThresholdsFromSettings(t *testing.T) {
	u, c := staleDraft(t)
	fyne.DoAndWait(c.showEvidence)
	stale := "more than 18 months old"
	eventually(t, "the stale-evidence warning", func() bool { return treeContains(c.evidence.content, stale) })
	u.app.Preferences().SetString("basis_max_age_months", "24")
	fyne.DoAndWait(c.evidence.refresh)
	if treeContains(c.evidence.content, "months old") {
		t.Fatal("evidence within the 24 months Settings allow is still called stale")
	}
}

// The keyboard shortcuts help lists Link evidence and the Evidence tab,
// and Ctrl+Shift+L opens the picker for the judgment being edited.
func TestEvidenceShortcutsAreListedAndWork(t *testing.T) {
	u, _ := openSampleBriefing(t)
	c := u.briefings.composer
	_, rows := shortcutRows(u.win.MainMenu())
	listed := map[string]string{}
	for _, section := range rows {
		for _, r := range section {
			listed[r[1]] = r[0]
		}
	}
	if listed["Link evidence to the key judgment"] != "Ctrl+Shift+L" || listed["Evidence of the key judgments"] != "Ctrl+Shift+B" {
		t.Fatalf("the shortcuts help lists %v", listed)
	}
	// The messages about a judgment with no evidence name the item and
	// its keys.
	if k := listed[strings.TrimSuffix(integrity.LinkEvidenceItem, "…")]; k != integrity.LinkEvidenceKeys {
		t.Errorf("the messages name %s (%s), but the menu's keys for it are %q", integrity.LinkEvidenceItem, integrity.LinkEvidenceKeys, k)
	}
	j := firstJudgment(t, c)
	fyne.DoAndWait(func() { c.editBlock(j) })
	pressShortcut(t, u, fyne.KeyL, fyne.KeyModifierControl|fyne.KeyModifierShift)
	if p := c.evidence.picker; p == nil || p.id != c.d.b.Blocks[j].ID || !overlayContains(u, "Link evidence") {
		t.Fatal("Ctrl+Shift+L did not open the picker for the judgment being edited")
	}
}

// staleDraft opens a briefing dated 20 November 2026 whose one judgment,
// about the present, rests on a source published 3 March 2025: stale at
// the 18 months Settings start with.
func staleDraft(t *testing.T) (*UI, *composer) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib) // published 3 March 2025
	dismissOverlays(u)
	e := &domain.Excerpt{SourceID: src.ID, Start: 0, End: 30}
	if err := lib.CreateExcerpt(context.Background(), e); err != nil {
		t.Fatal(err)
	}
	date, _ := domain.ParseDate("2026-11-20")
	c := newBriefingIn(t, u, lib, &domain.Briefing{Title: "Stale", Date: date, Blocks: []*domain.Block{
		{Type: domain.BlockJudgment, Text: "Export controls on chips are tight.", Confidence: domain.ConfidenceLow,
			Evidence: []domain.Evidence{{ExcerptID: e.ID, Stance: domain.StanceSupports}}}}})
	return u, c
}
