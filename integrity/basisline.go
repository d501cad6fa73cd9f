package integrity

import (
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
)

// BasisOf sums up the judgment block's evidence, reading sources from b
// and their concerns from b.Concerns. A supporting link whose excerpt is
// not resolved (Evidence.Excerpt nil: deleted since a version was
// saved) is counted apart, in Deleted: nothing is known of it.
func BasisOf(blk *domain.Block, b *domain.Bundle) Basis {
	var s Basis
	seen := map[int64]bool{}
	var contra []int64
	for _, ev := range blk.Evidence {
		if ev.Stance == domain.StanceContradicts {
			s.Contradicting++
			contra = append(contra, ev.ExcerptID)
			continue
		}
		s.Supporting++
		s.Excerpts = append(s.Excerpts, ev.ExcerptID)
		if ev.Excerpt == nil {
			s.Deleted++
			continue
		}
		if k := sourceKey(ev); !seen[k] {
			seen[k] = true
			s.Sources++
		}
		s.Grades = append(s.Grades, GradeOf(ev.Excerpt, sourceOf(b, ev.Excerpt)))
		if c := concernOf(b, ev.Excerpt); c != "" {
			if s.OnConcern == nil {
				s.OnConcern = map[domain.Concern]int{}
			}
			s.OnConcern[c]++
		}
	}
	s.Excerpts = append(s.Excerpts, contra...)
	return s
}

// concernOf is the worst concern of the excerpt's source, "" for none.
func concernOf(b *domain.Bundle, e *domain.Excerpt) domain.Concern {
	if b == nil {
		return ""
	}
	c := b.Concerns[e.SourceID]
	if c == nil || len(c.Concerns) == 0 {
		return ""
	}
	return worst(c)
}

// sourceKey names the source of a piece of evidence: its ID, or for an
// unresolved excerpt one of its own (negative, never a real ID).
func sourceKey(ev domain.Evidence) int64 {
	if ev.Excerpt == nil || ev.Excerpt.SourceID == 0 {
		return -ev.ExcerptID
	}
	return ev.Excerpt.SourceID
}

func sourceOf(b *domain.Bundle, e *domain.Excerpt) *domain.Source {
	if b == nil || e == nil {
		return nil
	}
	return b.Source(e.SourceID)
}

// GradeOf is an excerpt's Admiralty grade as printed, "B2": the source's
// reliability and the excerpt's credibility, "?" for either not graded
// (or not known: src or e nil).
func GradeOf(e *domain.Excerpt, src *domain.Source) string {
	r, c := "?", "?"
	if src != nil && src.Reliability != domain.ReliabilityUngraded {
		r = string(src.Reliability)
	}
	if e != nil && e.Credibility > 0 && e.Credibility.Valid() {
		c = strconv.Itoa(int(e.Credibility))
	}
	return r + c
}

// Line is the basis as printed under the judgment: "Basis: 3 sources (B2,
// C3, A1); 1 contradicting"; "Basis: no evidence linked" when empty. When
// a source gives more than one excerpt, the excerpts are counted too:
// "Basis: 2 sources, 3 excerpts (B2, B3, A1)". Supporting evidence on a
// source with a concern is said last: "Basis: 1 source (D4); 1 on a
// retracted source".
func (s Basis) Line() string {
	support, contra := s.Parts()
	line := "Basis: " + support
	if contra != "" {
		line += "; " + contra
	}
	if c := s.ConcernPart(); c != "" {
		line += "; " + c
	}
	return line
}

// Parts are the line's two halves without "Basis: ", for renderings that
// put note references after each: the supporting evidence ("3 sources
// (B2, C3, A1)", "no supporting evidence", "no evidence linked", "1
// source (B2), 1 excerpt since deleted") and the contradicting ("1
// contradicting", "" for none). ConcernPart follows them.
func (s Basis) Parts() (support, contra string) {
	if s.Contradicting > 0 {
		contra = strconv.Itoa(s.Contradicting) + " contradicting"
	}
	switch {
	case s.Supporting == 0 && s.Contradicting == 0:
		return "no evidence linked", ""
	case s.Supporting == 0:
		return "no supporting evidence", contra
	}
	var parts []string
	if known := s.Supporting - s.Deleted; known > 0 {
		support = count(s.Sources, "source")
		if known != s.Sources {
			support += ", " + count(known, "excerpt")
		}
		parts = append(parts, support+" ("+strings.Join(s.Grades, ", ")+")")
	}
	switch {
	case s.Deleted == 1:
		parts = append(parts, "an excerpt since deleted")
	case s.Deleted > 1:
		parts = append(parts, strconv.Itoa(s.Deleted)+" excerpts since deleted")
	}
	return strings.Join(parts, ", "), contra
}

// concernPhrases say what a supporting excerpt rests on, worst first.
var concernPhrases = []struct {
	c        domain.Concern
	one, few string
}{
	{domain.ConcernDiscredited, "on a discredited source", "on discredited sources"},
	{domain.ConcernRetracted, "on a retracted source", "on retracted sources"},
	{domain.ConcernUnavailable, "on a source unreadable at its recheck", "on sources unreadable at their recheck"},
	{domain.ConcernChanged, "on a source changed since import", "on sources changed since import"},
}

// ConcernPart says how many supporting excerpts rest on sources with a
// concern, worst first: "1 on a retracted source, 2 on sources changed
// since import"; "" when none do.
func (s Basis) ConcernPart() string {
	var out []string
	for _, p := range concernPhrases {
		switch n := s.OnConcern[p.c]; {
		case n == 1:
			out = append(out, "1 "+p.one)
		case n > 1:
			out = append(out, strconv.Itoa(n)+" "+p.few)
		}
	}
	return strings.Join(out, ", ")
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}
