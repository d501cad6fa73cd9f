package domain

import (
	"sort"
	"strings"
	"time"
)

// Excerpt is an exact passage of a source. Start and End are offsets in runes
// (Unicode code points) into the source's Text, and Quote is always exactly
// that span, so identical words elsewhere in the text are never confused.
type Excerpt struct {
	ID          int64
	SourceID    int64
	Start       int
	End         int
	Quote       string
	Note        string
	Tags        []string
	Credibility Credibility
	Marking     Marking
	// MarkingReason says why the excerpt is marked below its source: the
	// explicit override without which a lower mark is refused.
	MarkingReason string
	// Figure, when set, makes this a figure excerpt: a rectangle cut out of
	// a page (see Figure), whose Start and End are the text inside it.
	Figure    *Figure
	CreatedAt time.Time
	UpdatedAt time.Time
	// CreatedBy and UpdatedBy name who made the excerpt and who last
	// changed it; "" when not known (made before names were kept).
	CreatedBy, UpdatedBy string

	// TrashedAt is when the excerpt went to the trash, on its own or with
	// its source; nil while it is in use.
	TrashedAt *time.Time

	// SourceTitle is filled in by listings for display; it is not stored.
	SourceTitle string
}

// Validate holds the note and tags to their limits in limits.go. The quote
// is a span of the source's text, which Source.Validate limits.
func (e *Excerpt) Validate() error {
	if err := checkFields(ExcerptNote.of(e.Note), MarkingReason.of(e.MarkingReason)); err != nil {
		return err
	}
	if e.Figure != nil {
		if err := e.Figure.Validate(); err != nil {
			return err
		}
	}
	return CheckTags(e.Tags)
}

// NormalizeTags trims, lower-cases, de-duplicates and sorts tags, so "AI" and
// " ai " are one tag.
func NormalizeTags(tags []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, t := range tags {
		t = strings.ToLower(strings.Join(strings.Fields(t), " "))
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// Tag is a label with the number of excerpts that carry it.
type Tag struct {
	Name  string
	Count int
}

// ExcerptFilter narrows an excerpt listing. Zero values mean "no constraint".
type ExcerptFilter struct {
	SourceID int64
	Tag      string
	Query    string // full-text search over quotes and notes
	IDs      []int64
	// Trashed lists the excerpts trashed on their own instead of those in
	// use; excerpts that went with their source are listed under it.
	Trashed bool
	Offset  int
	Limit   int
}
