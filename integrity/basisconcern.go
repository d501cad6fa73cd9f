package integrity

import (
	"fmt"
	"strings"

	"github.com/attache/attache/domain"
)

// concerns says, once per source, which of the judgment's evidence rests
// on a source with a concern.
func (j *basisJudgment) concerns(concerns map[int64]*domain.SourceConcern) []string {
	var out []string
	seen := map[int64]bool{}
	for _, ev := range j.blk.Evidence {
		if ev.Excerpt == nil || seen[ev.Excerpt.SourceID] {
			continue
		}
		c := concerns[ev.Excerpt.SourceID]
		if c == nil || len(c.Concerns) == 0 {
			continue
		}
		seen[ev.Excerpt.SourceID] = true
		what, todo := describeConcern(c, ev.ExcerptID)
		out = append(out, fmt.Sprintf("%s rests on %s, which %s: %s.", j.name, concernTitle(c, j.sourceTitle(ev)), what, todo))
	}
	return out
}

func concernTitle(c *domain.SourceConcern, fallback string) string {
	if strings.TrimSpace(c.Title) != "" {
		return firstWords(c.Title)
	}
	return fallback
}

// worst is the source's worst concern (the constants run worst last).
func worst(c *domain.SourceConcern) domain.Concern {
	return c.Concerns[len(c.Concerns)-1]
}

// describeConcern says what is wrong with the source, for an excerpt of
// it, and what to do.
func describeConcern(c *domain.SourceConcern, excerptID int64) (what, todo string) {
	note := ""
	if n := strings.TrimSpace(c.Note); n != "" {
		note = " (“" + n + "”)"
	}
	switch worst(c) {
	case domain.ConcernDiscredited:
		return "was marked discredited" + note, "replace the excerpt with one from a sound source"
	case domain.ConcernRetracted:
		return "was retracted" + note, "replace the excerpt with one from a sound source"
	case domain.ConcernUnavailable:
		detail := ""
		if c.Check != nil && strings.TrimSpace(c.Check.Detail) != "" {
			detail = " (" + strings.TrimSpace(c.Check.Detail) + ")"
		}
		return "could not be read at its last recheck" + detail, "recheck it later, or replace the excerpt"
	}
	if c.QuoteGone(excerptID) {
		return "has changed since it was imported and no longer holds the quote", "replace the excerpt, or import the new version and cut the passage again"
	}
	return "has changed since it was imported", "recheck it, and import the new version and link its excerpt instead if the change matters"
}

// unsound says whether evidence on the source no longer supports
// anything: the source was retracted or discredited, or the excerpt's
// quote is gone from it. A source changed elsewhere, or unreadable for
// now, is a concern to check but still stands as imported.
func unsound(c *domain.SourceConcern, excerptID int64) bool {
	if c == nil {
		return false
	}
	return c.Has(domain.ConcernRetracted) || c.Has(domain.ConcernDiscredited) || c.QuoteGone(excerptID)
}
