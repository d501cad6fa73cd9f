package integrity

import (
	"fmt"
	"strings"

	"github.com/attache/attache/domain"
)

// concerns says, once per source, which of the judgment's evidence is
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
		out = append(out, evidenceConcernMessage(j.name, concernTitle(c, j.sourceTitle(ev)), c, ev.ExcerptID,
			onlyContradicts(j.blk.Evidence, ev.Excerpt.SourceID)))
	}
	return out
}

// onlyContradicts says all the evidence on the source cuts against the
// judgment: it challenges the judgment, and the judgment does not rest
// on it.
func onlyContradicts(evidence []domain.Evidence, sourceID int64) bool {
	for _, ev := range evidence {
		if ev.Excerpt != nil && ev.Excerpt.SourceID == sourceID && ev.Stance != domain.StanceContradicts {
			return false
		}
	}
	return true
}

// evidenceConcernMessage says that a judgment's evidence is on a source
// with a concern (titled title), and what to do. Supporting evidence is
// what the judgment rests on; contradicting evidence is a challenge to
// it, so a retracted source takes the challenge away, not the support.
func evidenceConcernMessage(name, title string, c *domain.SourceConcern, excerptID int64, contradicting bool) string {
	what, todo := describeConcern(c, excerptID)
	if !contradicting {
		return fmt.Sprintf("%s rests on %s, which %s: %s.", name, title, what, todo)
	}
	switch {
	case c.Has(domain.ConcernRetracted) || c.Has(domain.ConcernDiscredited):
		todo = "the judgment no longer has that challenge to answer; check whether it still stands as worded and at its confidence"
	case c.Has(domain.ConcernUnavailable):
		todo = "recheck it later; the challenge stands as imported until then"
	case c.QuoteGone(excerptID):
		todo = "the challenge may be gone; import the new version to see whether it still cuts against the judgment"
	}
	return fmt.Sprintf("%s has contradicting evidence from %s, which %s: %s.", name, title, what, todo)
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
