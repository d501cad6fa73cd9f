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
	Start int `json:"start"`
	End   int `json:"end"`
}

// SearchHit is one ranked result. Snippet is a short plain-text extract and
// Highlights the rune spans within it that matched.
type SearchHit struct {
	Kind       HitKind `json:"kind"`
	ID         int64   `json:"id"`
	Title      string  `json:"title"`
	Snippet    string  `json:"snippet"`
	Highlights []Span  `json:"highlights"`
	Rank       float64 `json:"rank"` // lower is better
}

// SearchOptions narrows a search. Zero values mean all kinds, 50 hits.
type SearchOptions struct {
	Kinds []HitKind
	Limit int
}
