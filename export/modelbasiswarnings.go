package export

import (
	"slices"
	"strconv"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/integrity"
)

// The basis checks' warnings, none refused: they are about the analysis,
// which the analyst may stand by (see integrity.BasisRules.Check).
const (
	// WarnBasisNoEvidence: a key judgment with no evidence linked, or
	// only contradicting evidence.
	WarnBasisNoEvidence WarningCode = "basis-no-evidence"
	// WarnBasisSingleSource: high confidence resting on one source.
	WarnBasisSingleSource WarningCode = "basis-single-source"
	// WarnBasisLowGrades: high confidence resting only on evidence graded
	// below the thresholds in Settings.
	WarnBasisLowGrades WarningCode = "basis-low-grades"
	// WarnBasisOnePublisher: all of a judgment's evidence from one
	// publisher.
	WarnBasisOnePublisher WarningCode = "basis-one-publisher"
	// WarnBasisUnaddressed: contradicting evidence nothing addresses.
	WarnBasisUnaddressed WarningCode = "basis-unaddressed"
	// WarnBasisStale: evidence older than Settings allow for a judgment
	// about the present.
	WarnBasisStale WarningCode = "basis-stale-evidence"
	// WarnBasisLosesSupport: a judgment none of whose supporting evidence
	// stands any more (its sources retracted, discredited, or the quotes
	// gone from them).
	WarnBasisLosesSupport WarningCode = "basis-loses-support"
	// WarnSourceConcern: an excerpt quoted, or evidence linked, from a
	// source that changed, could not be read at its last recheck, or was
	// retracted or discredited.
	WarnSourceConcern WarningCode = "source-concern"
)

var basisCodes = map[integrity.BasisCode]WarningCode{
	integrity.BasisNoEvidence:    WarnBasisNoEvidence,
	integrity.BasisSingleSource:  WarnBasisSingleSource,
	integrity.BasisLowGrades:     WarnBasisLowGrades,
	integrity.BasisOnePublisher:  WarnBasisOnePublisher,
	integrity.BasisUnaddressed:   WarnBasisUnaddressed,
	integrity.BasisStaleEvidence: WarnBasisStale,
	integrity.BasisSourceConcern: WarnSourceConcern,
}

// basisProblems are the basis checks' problems and the risks of sources
// with a concern (b.Concerns), as warnings in reading order. A judgment's
// evidence on such a source is said once, by the basis checks; the risks
// add the excerpts quoted from one and the judgments left without sound
// support.
func (d *Document) basisProblems(b *domain.Bundle, c Context) []Warning {
	rules := integrity.DefaultBasisRules()
	if c.Rules != nil {
		rules = *c.Rules
	}
	where := map[int]string{}
	for _, j := range d.Judgments {
		where[j.Block] = j.Where
	}
	for _, it := range d.Body {
		where[it.Block] = it.Where
	}
	var out []Warning
	var bare []int64 // the blocks of the judgments with no evidence linked
	for _, p := range rules.Check(b, b.Concerns) {
		if p.Code == integrity.BasisNoEvidence && len(b.Briefing.Blocks[p.Index].Evidence) == 0 {
			bare = append(bare, p.Block)
		}
		out = append(out, Warning{Code: basisCodes[p.Code], Block: p.Index, Where: where[p.Index], Message: p.Message})
	}
	if len(bare) > 0 && len(bare) == len(d.Judgments) {
		// A briefing that links no evidence at all gets one notice, not
		// one per judgment.
		what := "None of the " + strconv.Itoa(len(bare)) + " key judgments has evidence linked: link the excerpts each rests on, so that its basis shows. "
		if len(bare) == 1 {
			what = "The key judgment has no evidence linked: link the excerpts it rests on, so that its basis shows. "
		}
		out = []Warning{{Code: WarnBasisNoEvidence, Block: -1, Where: "The key judgments",
			Message: what + integrity.HowToLink(bare...) + "."}}
	}
	for _, r := range integrity.Risks(b, b.Concerns) {
		code := WarnSourceConcern
		switch r.Kind {
		case integrity.RiskSupport:
			continue // the basis checks said it
		case integrity.RiskLoseSupport:
			code = WarnBasisLosesSupport
		}
		out = append(out, Warning{Code: code, Block: r.Index, Where: where[r.Index], Message: r.Message})
	}
	sortByBlock(out)
	return out
}

// sortByBlock orders warnings by their block, keeping the order of those
// of one block.
func sortByBlock(ws []Warning) {
	slices.SortStableFunc(ws, func(a, b Warning) int { return a.Block - b.Block })
}
