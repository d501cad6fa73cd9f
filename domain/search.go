package domain

// HitKind says what a search hit points at.
type HitKind string

// Search hit kinds.
const (
	HitSource   HitKind = "source"
	HitExcerpt  HitKind = "excerpt"
	HitBriefing HitKind = "briefing"
)

// Span is a half-open range of rune offsets.
type Span struct {
	Start int
	End   int
}

// SearchHit is one ranked result. Snippet is a short plain-text extract and
// Highlights the rune spans within it that matched.
type SearchHit struct {
	Kind       HitKind
	ID         int64
	Title      string
	Snippet    string
	Highlights []Span
	Rank       float64 // lower is better
}

// SearchOptions narrows a search. Zero values mean all kinds, 50 hits.
type SearchOptions struct {
	Kinds []HitKind
	Limit int
}
