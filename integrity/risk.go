package integrity

import (
	"fmt"
	"strings"

	"github.com/attache/attache/domain"
)

// RiskKind says how a block rests on a source with a concern.
type RiskKind string

// Kinds of risk.
const (
	RiskExcerpt     RiskKind = "excerpt"       // an excerpt block quotes the source
	RiskSupport     RiskKind = "support"       // a judgment's evidence, supporting or contradicting, is on it
	RiskLoseSupport RiskKind = "loses-support" // a judgment left with no sound supporting evidence
)

// Risk is one block of a briefing resting on a source with a concern.
type Risk struct {
	Kind      RiskKind
	Block     int64 // block ID
	Index     int   // its place in the briefing
	ExcerptID int64
	SourceID  int64
	Concerns  []domain.Concern
	Message   string // names the block and the source, says what to do
}

// Risks lists the blocks of b resting on sources with a concern, in
// reading order (concerns keyed by source ID; nil takes b.Concerns): an
// excerpt block quoting such a source (RiskExcerpt); a key judgment's
// evidence on one, once per source (RiskSupport, supporting or
// contradicting: the message says which, and evidence that only
// contradicts never counts towards RiskLoseSupport, as a source that
// challenged the judgment takes no support away); and, after those of a
// judgment, RiskLoseSupport when
// the judgment had supporting evidence and none of it is sound any more
// (the source retracted or discredited, or the quote gone from it).
func Risks(b *domain.Bundle, concerns map[int64]*domain.SourceConcern) []Risk {
	if b == nil || b.Briefing == nil {
		return nil
	}
	if concerns == nil {
		concerns = b.Concerns
	}
	if len(concerns) == 0 {
		return nil
	}
	var out []Risk
	n := 0
	for i, blk := range b.Briefing.Blocks {
		switch blk.Type {
		case domain.BlockExcerpt:
			if r, ok := excerptRisk(blk, i, concerns); ok {
				out = append(out, r)
			}
		case domain.BlockJudgment:
			n++
			out = append(out, judgmentRisks(blk, i, JudgmentName(n, blk.Text), concerns)...)
		}
	}
	return out
}

func excerptRisk(blk *domain.Block, i int, concerns map[int64]*domain.SourceConcern) (Risk, bool) {
	e := blk.Excerpt
	if e == nil {
		return Risk{}, false
	}
	c := concerns[e.SourceID]
	if c == nil || len(c.Concerns) == 0 {
		return Risk{}, false
	}
	what, todo := describeConcern(c, e.ID)
	name := "The excerpt " + firstWords(e.Quote)
	if e.Figure != nil {
		name = "The figure " + firstWords(e.Figure.Caption)
	}
	// Named by its words: a number here would be read as the block ID the
	// command line takes, and a place is not one.
	msg := fmt.Sprintf("%s quotes %s, which %s: %s.", name, concernTitle(c, "its source"), what, todo)
	return Risk{Kind: RiskExcerpt, Block: blk.ID, Index: i, ExcerptID: e.ID, SourceID: e.SourceID, Concerns: c.Concerns, Message: msg}, true
}

func judgmentRisks(blk *domain.Block, i int, name string, concerns map[int64]*domain.SourceConcern) []Risk {
	var out []Risk
	seen := map[int64]bool{}
	supports, sound := 0, 0
	var lost []string
	lostSeen := map[int64]bool{}
	for _, ev := range blk.Evidence {
		var c *domain.SourceConcern
		if ev.Excerpt != nil {
			c = concerns[ev.Excerpt.SourceID]
		}
		if ev.Stance != domain.StanceContradicts {
			supports++
			if !unsound(c, ev.ExcerptID) {
				sound++
			} else if !lostSeen[ev.Excerpt.SourceID] {
				lostSeen[ev.Excerpt.SourceID] = true
				lost = append(lost, concernTitle(c, "its source")+" "+lostReason(c))
			}
		}
		if c == nil || len(c.Concerns) == 0 || seen[ev.Excerpt.SourceID] {
			continue
		}
		seen[ev.Excerpt.SourceID] = true
		msg := evidenceConcernMessage(name, concernTitle(c, "the source of excerpt "+fmt.Sprint(ev.ExcerptID)), c, ev.ExcerptID,
			onlyContradicts(blk.Evidence, ev.Excerpt.SourceID))
		out = append(out, Risk{Kind: RiskSupport, Block: blk.ID, Index: i, ExcerptID: ev.ExcerptID, SourceID: ev.Excerpt.SourceID, Concerns: c.Concerns, Message: msg})
	}
	if supports > 0 && sound == 0 {
		msg := fmt.Sprintf("%s has lost its support: none of its supporting evidence stands (%s): link sound evidence, or withdraw or lower the judgment.",
			name, strings.Join(lost, "; "))
		out = append(out, Risk{Kind: RiskLoseSupport, Block: blk.ID, Index: i, Message: msg})
	}
	return out
}

// lostReason says why evidence on the source no longer stands.
func lostReason(c *domain.SourceConcern) string {
	switch {
	case c.Has(domain.ConcernDiscredited):
		return "discredited"
	case c.Has(domain.ConcernRetracted):
		return "retracted"
	}
	return "changed, the quote gone"
}
