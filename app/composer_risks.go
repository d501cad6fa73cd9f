package app

import (
	"maps"
	"slices"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/integrity"
)

// riskTags tag the blocks of the draft resting on sources with a concern,
// by block index, on their cards in the document: "lost its support" on
// a judgment none of whose supporting evidence is sound any more, the
// source's concern on a quote. The checks list says it in full; the card
// is where the analyst reads the judgment, so it must say it too.
func riskTags(b *domain.Briefing, risks []integrity.Risk) map[int]string {
	out := map[int]string{}
	for _, r := range risks {
		i := blockIndexByID(b, r.Block)
		if i < 0 {
			continue
		}
		switch {
		case r.Kind == integrity.RiskLoseSupport:
			out[i] = "lost its support"
		case r.Kind == integrity.RiskExcerpt:
			out[i] = "source " + concernWords(r.Concerns)
		case out[i] == "":
			out[i] = "evidence on a troubled source"
		}
	}
	return out
}

// concernWords names concerns briefly: "retracted", "changed, gone".
func concernWords(cs []domain.Concern) string {
	var w []string
	for i := len(cs) - 1; i >= 0; i-- { // the worst first, as the flags say them
		switch c := cs[i]; c {
		case domain.ConcernUnavailable:
			w = append(w, "unavailable") // "gone" is a quote's, missing from a changed text
		default:
			w = append(w, string(c))
		}
	}
	if len(w) == 0 {
		return "troubled"
	}
	return strings.Join(w, ", ")
}

// showRisks tags the cards anew when the blocks on troubled sources
// changed since the document was last drawn.
func (c *composer) showRisks(risks []integrity.Risk) {
	if c.d == nil {
		return
	}
	tags := riskTags(c.d.b, risks)
	if maps.Equal(tags, c.riskTags) {
		return
	}
	c.riskTags = tags
	if c.lastDoc != nil {
		c.showDocument(c.lastDoc)
	}
}

// docFlags are what the document tags on blocks beyond their model: the
// unmarked portions and the troubled sources, by block index.
type docFlags struct {
	unmarked map[int]bool
	risks    map[int]string
}

// flagsOf is the composer's docFlags now.
func (c *composer) flagsOf() docFlags { return docFlags{unmarked: c.unmarked, risks: c.riskTags} }

// setConcerns keeps the sources' concerns for the draft's model, which
// prints them as the PDF will (the basis lines, the sources appendix),
// and lays the draft out again when they changed.
func (c *composer) setConcerns(byID map[int64]*domain.SourceConcern) {
	if maps.EqualFunc(c.concerns, byID, sameConcern) {
		return
	}
	c.concerns = byID
	c.updateStats()
}

// sameConcern says whether two readings of a source's concern print the
// same.
func sameConcern(a, b *domain.SourceConcern) bool {
	if a == nil || b == nil {
		return a == b
	}
	return slices.Equal(a.Concerns, b.Concerns) && a.Note == b.Note && a.At.Equal(b.At) && a.Title == b.Title &&
		(a.Check == nil) == (b.Check == nil) && (a.Check == nil || a.Check.ID == b.Check.ID)
}
