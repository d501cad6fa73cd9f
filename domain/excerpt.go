package domain

import (
	"context"
	"sort"
	"strings"
	"time"
)

// Excerpt is an exact passage of a source. Start and End are offsets in runes
// (Unicode code points) into the source's Text, and Quote is always exactly
// that span, so identical words elsewhere in the text are never confused.
type Excerpt struct {
	ID          int64       `json:"id"`
	SourceID    int64       `json:"source"`
	Start       int         `json:"start"`
	End         int         `json:"end"`
	Quote       string      `json:"quote"`
	Note        string      `json:"note"`
	Tags        []string    `json:"tags"`
	Credibility Credibility `json:"credibility"`
	Marking     Marking     `json:"marking"`
	CreatedAt   time.Time   `json:"created_at"`
	UpdatedAt   time.Time   `json:"updated_at"`

	// TrashedAt is when the excerpt went to the trash, on its own or with
	// its source; nil while it is in use.
	TrashedAt *time.Time `json:"trashed_at,omitempty"`

	// SourceTitle is filled in by listings for display; it is not stored.
	SourceTitle string `json:"source_title,omitempty"`
}

// Validate holds the note and tags to their limits in limits.go. The quote
// is a span of the source's text, which Source.Validate limits.
func (e *Excerpt) Validate() error {
	if err := ExcerptNote.Check(e.Note); err != nil {
		return err
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
	Name  string `json:"name"`
	Count int    `json:"count"`
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

// ExcerptService stores excerpts.
type ExcerptService interface {
	// CreateExcerpt stores e. With Start < End it takes that span of the
	// source; otherwise it locates e.Quote in the source text (tolerating
	// white-space, quote and dash differences) and stores the source's own
	// characters. A quote the source does not contain is an EINVALID error.
	CreateExcerpt(ctx context.Context, e *Excerpt) error
	Excerpt(ctx context.Context, id int64) (*Excerpt, error)
	Excerpts(ctx context.Context, f ExcerptFilter) ([]*Excerpt, error)
	// UpdateExcerpt saves note, tags, credibility and marking (the span is
	// fixed) of e, edited from base (nil: e was just read). What changed
	// elsewhere since base and not in e is kept and copied into e; where
	// both changed the same field e's value is saved and the clash
	// returned, with the other side's value for the analyst.
	UpdateExcerpt(ctx context.Context, base, e *Excerpt) ([]Conflict, error)
	// DeleteExcerpt deletes the excerpt for good, in the trash or not. It
	// refuses while a briefing uses the excerpt unless force is set, in which
	// case those blocks go too.
	DeleteExcerpt(ctx context.Context, id int64, force bool) error
	// TrashExcerpt moves the excerpt to the trash: it leaves listings, search
	// and tag counts until restored. It refuses while a briefing that is not
	// in the trash uses it, unless force is set, in which case those blocks
	// go (blocks of trashed briefings stay), each such briefing's state
	// before kept as a version.
	TrashExcerpt(ctx context.Context, id int64, force bool) error
	// ExcerptUsage names the briefings outside the trash that quote the
	// excerpt: those a forced TrashExcerpt takes it out of.
	ExcerptUsage(ctx context.Context, id int64) ([]BriefingRef, error)
	// RestoreExcerpt brings the excerpt back from the trash, with its source
	// if that is in the trash too.
	RestoreExcerpt(ctx context.Context, id int64) error
	// Tags counts the excerpts in use only.
	Tags(ctx context.Context) ([]Tag, error)
}
