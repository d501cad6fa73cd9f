package integrity

import (
	"time"

	"github.com/attache/attache/domain"
)

// BasisRules are the thresholds the basis checks hold key judgments to;
// the analyst sets them in Settings (internal/settings reads them).
type BasisRules struct {
	// MinReliability and MinCredibility are the lowest grades that count
	// as well graded for high confidence: a judgment of high confidence
	// resting only on sources graded below both is flagged. Defaults B, 2.
	MinReliability domain.Reliability
	MinCredibility domain.Credibility
	// MaxAgeMonths is how old evidence may be for a judgment about the
	// present; 0 turns the check off. Default 18.
	MaxAgeMonths int
	// Now is the date judgments are "about the present" of: the
	// briefing's date, else today.
	Now time.Time
}

// DefaultBasisRules are the thresholds before the analyst changes them.
func DefaultBasisRules() BasisRules {
	return BasisRules{MinReliability: "B", MinCredibility: 2, MaxAgeMonths: 18}
}

// BasisCode names a kind of basis problem.
type BasisCode string

// Basis problems.
const (
	BasisNoEvidence    BasisCode = "no-evidence"    // a judgment with no evidence linked
	BasisSingleSource  BasisCode = "single-source"  // high confidence on one source
	BasisLowGrades     BasisCode = "low-grades"     // high confidence only on sources below the thresholds
	BasisOnePublisher  BasisCode = "one-publisher"  // all evidence from one publisher
	BasisUnaddressed   BasisCode = "unaddressed"    // contradicting evidence with no commentary addressing it
	BasisStaleEvidence BasisCode = "stale-evidence" // evidence older than MaxAgeMonths for a judgment about the present
	BasisSourceConcern BasisCode = "source-concern" // evidence on a changed, gone, retracted or discredited source
)

// BasisProblem is one basis problem of one key judgment.
type BasisProblem struct {
	Code    BasisCode
	Block   int64  // the judgment's block ID
	Index   int    // its place in the briefing
	Message string // names the judgment, says what is wrong and what to do
}

// Basis sums up a judgment's evidence for the reader.
type Basis struct {
	Sources       int      // distinct sources of supporting evidence
	Supporting    int      // supporting excerpts
	Grades        []string // each supporting excerpt's grade, "B2" ("?" for a part not graded), in order of the links
	Contradicting int      // contradicting excerpts
	Excerpts      []int64  // every linked excerpt, supporting first
	// Deleted counts supporting links whose excerpt is not there any more
	// (a version's link to an excerpt deleted since): neither a source
	// nor graded, they are named as such.
	Deleted int
	// OnConcern counts the supporting excerpts on sources with a concern,
	// by the source's worst concern (bundle's Concerns), so the line can
	// say "1 on a retracted source".
	OnConcern map[domain.Concern]int
}
