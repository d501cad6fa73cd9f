package integrity

import (
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
)

// BasisOf sums up the judgment block's evidence, reading sources from b.
// An excerpt not resolved (Evidence.Excerpt nil) counts as a source of
// its own, graded "??": nothing is known of it.
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
		if k := sourceKey(ev); !seen[k] {
			seen[k] = true
			s.Sources++
		}
		s.Grades = append(s.Grades, GradeOf(ev.Excerpt, sourceOf(b, ev.Excerpt)))
	}
	s.Excerpts = append(s.Excerpts, contra...)
	return s
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
// "Basis: 2 sources, 3 excerpts (B2, B3, A1)".
func (s Basis) Line() string {
	support, contra := s.Parts()
	if contra == "" {
		return "Basis: " + support
	}
	return "Basis: " + support + "; " + contra
}

// Parts are the line's two halves without "Basis: ", for renderings that
// put note references after each: the supporting evidence ("3 sources
// (B2, C3, A1)", "no supporting evidence", "no evidence linked") and the
// contradicting ("1 contradicting", "" for none).
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
	support = count(s.Sources, "source")
	if s.Supporting != s.Sources {
		support += ", " + count(s.Supporting, "excerpt")
	}
	return support + " (" + strings.Join(s.Grades, ", ") + ")", contra
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}
