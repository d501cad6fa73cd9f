package integrity

import "github.com/attache/attache/domain"

// RiskKind says how a block rests on a source with a concern.
type RiskKind string

// Kinds of risk.
const (
	RiskExcerpt     RiskKind = "excerpt"       // an excerpt block quotes the source
	RiskSupport     RiskKind = "support"       // a judgment's supporting evidence is on it
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
// reading order (concerns keyed by source ID).
func Risks(b *domain.Bundle, concerns map[int64]*domain.SourceConcern) []Risk { return nil }
