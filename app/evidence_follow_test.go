package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
)

// Tests of what a trial found: the evidence views following changes made
// elsewhere, and flagging excerpts of troubled sources where they are
// picked.

// Found by a trial: a source retracted while the Evidence tab showed (or
// after it was first read) left its cards unflagged until a restart. A
// change in the library read again reads the cards' concerns again.
func TestEvidenceCardsFollowAStandingMadeLater(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	j := firstJudgment(t, c)
	exs, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{Limit: 1})
	e := exs[0]
	fyne.DoAndWait(func() {
		c.editEvidence(c.d.b.Blocks[j].ID, func(b *domain.Block) { b.Evidence = nil }) // this link alone
		c.linkEvidence(c.d.b.Blocks[j].ID, domain.Evidence{ExcerptID: e.ID, Stance: domain.StanceSupports})
		c.showEvidence()
	})
	const said = "The source is retracted (withdrawn by its publisher)"
	eventually(t, "the cards read", func() bool {
		done := false
		fyne.DoAndWait(func() { done = c.evidence.concerns != nil && !c.evidence.loading })
		return done
	})
	if treeContains(c.evidence.content, said) {
		t.Fatal("retracted before it was")
	}
	if err := lib.SetSourceStanding(context.Background(), e.SourceID, domain.StandingRetracted, "withdrawn by its publisher"); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { u.libraryChanged(changedSources | changedExcerpts | changedBriefings) })
	eventually(t, "the card's concern", func() bool { return treeContains(c.evidence.content, said) })
	eventually(t, "the count of judgments that lost their support", func() bool {
		return treeContains(c.evidence.content, "1 that lost its support")
	})
}

// Found by a trial: a threshold saved in Settings left the open draft's
// checks as they were until its next edit.
func TestSavedThresholdsApplyToTheOpenDraftAtOnce(t *testing.T) {
	u, c := staleDraft(t)
	stale := func() bool {
		found := false
		fyne.DoAndWait(func() {
			for _, w := range c.checks.warnings {
				found = found || strings.Contains(w.Message, "months old")
			}
		})
		return found
	}
	eventually(t, "the stale-evidence warning", stale)
	fyne.DoAndWait(u.onSettings)
	eventually(t, "the settings", func() bool { return formOrNil(u) != nil })
	for _, it := range formOrNil(u).Items {
		if age, ok := it.Widget.(*dialogEntry); ok && it.Text == "Oldest evidence (months)" {
			fyne.DoAndWait(func() { age.SetText("48") })
		}
	}
	confirmForm(t, u, "Save")
	eventually(t, "the warning gone with no edit", func() bool { return !stale() })
}

// Found by a trial: the picker listed an excerpt of a retracted source as
// any other, and linking it said nothing. The row is flagged, and the
// message after linking says so.
func TestPickerFlagsAnExcerptOfARetractedSource(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	j := firstJudgment(t, c)
	all, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{Limit: 500})
	if err := lib.SetSourceStanding(context.Background(), all[0].SourceID, domain.StandingRetracted, "withdrawn"); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { c.doc.OnAction(c.blockItem(j)) })
	p := openPicker(t, u)
	eventually(t, "the excerpts listed", func() bool { return len(p.list) == len(all) })
	var flagged bool
	fyne.DoAndWait(func() {
		walkOverlays(u, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "Source retracted · ") {
				flagged = flagged || l.Importance == widget.WarningImportance
			}
		})
	})
	if !flagged {
		t.Fatal("no row flags the retracted source's excerpt")
	}
	k := -1
	for i, e := range p.list {
		if e.SourceID == all[0].SourceID {
			k = i
			break
		}
	}
	var said string
	fyne.DoAndWait(func() { p.link(k); said = u.notice() })
	if !strings.Contains(said, "Beware: source retracted.") {
		t.Errorf("linking it said %q", said)
	}
}

// The excerpts beside the draft, dragged onto judgments, flag those of a
// troubled source as the picker does.
func TestSideExcerptsFlagATroubledSource(t *testing.T) {
	u, lib := openSampleBriefing(t)
	all, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{Limit: 1})
	if err := lib.SetSourceStanding(context.Background(), all[0].SourceID, domain.StandingDiscredited, "fabricated figures"); err != nil {
		t.Fatal(err)
	}
	row, _ := sideExcerptRow(t, u)
	x := u.briefings.side.excerpts
	fyne.DoAndWait(func() {
		for i, e := range x.excerpts {
			if e.SourceID == all[0].SourceID {
				row.set(i, e)
				break
			}
		}
	})
	fyne.DoAndWait(func() {
		if !strings.HasPrefix(row.line.Text, "⚠ Source discredited · ") || row.line.Importance != widget.WarningImportance {
			t.Errorf("the row reads %q", row.line.Text)
		}
	})
}

// Found by a trial: the preview, which is the PDF, left out a source's
// retraction that the exported PDF prints under the source and in the
// basis lines. The draft's model now holds the sources' concerns.
func TestThePreviewSaysASourceWasRetracted(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	var quoted *domain.Excerpt
	fyne.DoAndWait(func() { quoted = c.d.b.Blocks[firstBlock(t, c, domain.BlockExcerpt)].Excerpt })
	if err := lib.SetSourceStanding(context.Background(), quoted.SourceID, domain.StandingRetracted, "withdrawn by its publisher"); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { u.libraryChanged(changedSources | changedExcerpts | changedBriefings) })
	eventually(t, "the retraction in the draft's model", func() bool {
		text := ""
		fyne.DoAndWait(func() { text = c.document().Text() })
		return strings.Contains(text, "Retracted (") && strings.Contains(text, "withdrawn by its publisher")
	})
	fyne.DoAndWait(func() {
		for _, w := range c.checks.shownWarnings() {
			if w.Code == export.WarnSourceConcern {
				t.Errorf("the troubled source is listed twice in the checks: %q", w.Message)
			}
		}
	})
}
