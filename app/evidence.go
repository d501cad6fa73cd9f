package app

import (
	"slices"
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/widgets"
)

// Evidence links a key judgment to the excerpts that support it or cut
// against it (domain.Evidence). Every change to the links is an edit of
// the draft like any other: one undo step, saved by the autosave with
// the rest of the briefing. Links name judgments by block ID, which
// survives the blocks moving while a picker is open.

// judgmentIndex is the block index of the key judgment with the ID, -1
// when the draft has none.
func (c *composer) judgmentIndex(id int64) int {
	if c.d == nil {
		return -1
	}
	for i, blk := range c.d.b.Blocks {
		if blk.ID == id && blk.Type == domain.BlockJudgment {
			return i
		}
	}
	return -1
}

// editEvidence changes the evidence of the judgment with the ID through
// fn, as one undo step; false when the draft has no such judgment or the
// library is read-only. The slice is copied first: the undo history's
// copy of the block shares the old one.
func (c *composer) editEvidence(id int64, fn func(b *domain.Block)) bool {
	i := c.judgmentIndex(id)
	if i < 0 || c.ui.lib.ReadOnly() {
		return false
	}
	c.d.edit(func(b *domain.Briefing) {
		blk := b.Blocks[i]
		blk.Evidence = slices.Clone(blk.Evidence)
		fn(blk)
	})
	c.updateStats() // the document's cards and the Evidence tab
	return true
}

// linkEvidence links the judgment with the ID to ev.ExcerptID, replacing
// an earlier link to the same excerpt (its stance and note).
func (c *composer) linkEvidence(id int64, ev domain.Evidence) bool {
	return c.editEvidence(id, func(b *domain.Block) { b.Link(ev) })
}

// unlinkEvidence removes the judgment's link to the excerpt.
func (c *composer) unlinkEvidence(id, excerptID int64) bool {
	return c.editEvidence(id, func(b *domain.Block) { b.Unlink(excerptID) })
}

// setStance changes the stance of the judgment's link to the excerpt.
func (c *composer) setStance(id, excerptID int64, s domain.Stance) bool {
	return c.editEvidence(id, func(b *domain.Block) {
		if ev := b.EvidenceFor(excerptID); ev != nil {
			ev.Stance = s
		}
	})
}

// setEvidenceNote changes the note on the judgment's link to the excerpt.
func (c *composer) setEvidenceNote(id, excerptID int64, note string) bool {
	return c.editEvidence(id, func(b *domain.Block) {
		if ev := b.EvidenceFor(excerptID); ev != nil {
			ev.Note = note
		}
	})
}

// judgmentNumber is the number key judgment block i is printed with
// ("2"), counting the judgments in reading order.
func (c *composer) judgmentNumber(i int) string {
	if i < 0 || i >= len(c.d.b.Blocks) {
		return "0"
	}
	return strconv.Itoa(domain.JudgmentNumbers(c.d.b.Blocks)[i])
}

// stanceWord is how a notice names a stance: "supporting".
func stanceWord(s domain.Stance) string {
	if s == domain.StanceContradicts {
		return "contradicting"
	}
	return "supporting"
}

// evidenceCount says how much evidence a judgment has, for its card in
// the document and its row in the Evidence tab: "2 supporting, 1
// contradicting", or "No evidence linked".
func evidenceCount(b *domain.Block) string {
	sup, con := 0, 0
	for _, ev := range b.Evidence {
		if ev.Stance == domain.StanceContradicts {
			con++
		} else {
			sup++
		}
	}
	switch {
	case sup == 0 && con == 0:
		return "No evidence linked"
	case con == 0:
		return strconv.Itoa(sup) + " supporting"
	case sup == 0:
		return strconv.Itoa(con) + " contradicting, none supporting"
	}
	return strconv.Itoa(sup) + " supporting, " + strconv.Itoa(con) + " contradicting"
}

// judgmentItem is a key judgment's card in the document: its confidence
// and how much evidence it has under it, flagged when it has none, and a
// button to link more.
func judgmentItem(j export.Judgment, blk *domain.Block) widgets.DocItem {
	it := widgets.DocItem{Kind: widgets.DocJudgment, Mark: j.Portion, Number: strconv.Itoa(j.Number), Text: j.Text,
		Meta: joinMeta(j.Confidence, "Evidence: "+evidenceCount(blk)), Action: "Link evidence…"}
	switch {
	case len(blk.Evidence) == 0:
		it.Meta = j.Confidence
		it.Tag = "no evidence linked"
	case !hasSupport(blk):
		it.Tag = "no supporting evidence"
	}
	return it
}

// joinMeta joins the parts of a meta line that are not empty.
func joinMeta(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " · ")
}

// joinTags joins an item's warnings: "unmarked · no evidence linked".
func joinTags(tags ...string) string { return joinMeta(tags...) }

// sameLinks says whether two copies of a judgment link the same excerpts,
// in the same order, with the same stances and notes: a link made
// elsewhere (the command line) must reach the open draft.
func sameLinks(a, b []domain.Evidence) bool {
	return slices.EqualFunc(a, b, func(x, y domain.Evidence) bool {
		return x.ExcerptID == y.ExcerptID && x.Stance == y.Stance && x.Note == y.Note
	})
}
