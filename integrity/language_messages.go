package integrity

import (
	"fmt"
	"strings"

	"github.com/attache/attache/domain"
)

// The messages name the words, say what is wrong and offer the term of
// the briefing's scale to use instead, with its band.

const noConfidenceMessage = "This key judgment states no confidence level: set its confidence " +
	"(low, moderate or high) so the reader knows how firm the basis is."

// scaleName names a scale in a sentence: "ICD 203", "the UK Yardstick".
func scaleName(s *domain.Scale) string {
	if s.ID == domain.ScalePHIA {
		return "the " + s.Short
	}
	return s.Short
}

func quoted(w string) string { return "‘" + w + "’" }

// offer names a level of the scale: "‘likely’ (55–80%)".
func offer(s *domain.Scale, level int) string {
	l := s.Levels[level]
	return quoted(l.Terms[0]) + " (" + l.Band() + ")"
}

func vagueMessage(words string, t *term, scale domain.ScaleID) string {
	s := domain.ScaleOf(scale)
	head := quoted(words) + " gives the reader no probability"
	if s == nil {
		return head + ": say how likely with a term of one scale (choose ICD 203 or the UK Yardstick for " +
			"the briefing to have the checker hold you to it), or state the point plainly."
	}
	lv := t.suggest
	if lv < 0 || lv >= len(s.Levels) {
		lv = len(s.Levels) / 2
	}
	return fmt.Sprintf("%s: use a term of %s, such as %s, or state the point plainly.", head, scaleName(s), offer(s, lv))
}

// nearest is the level of s whose band's middle is nearest the term's
// in the scale it comes from.
func nearest(s *domain.Scale, t *term) int {
	from, lv := domain.ScaleICD203, t.icd
	if lv < 0 {
		from, lv = domain.ScalePHIA, t.phia
	}
	fl := domain.ScaleOf(from).Levels[lv]
	mid := (fl.Low + fl.High) / 2
	best, dist := 0, 1000
	for i, l := range s.Levels {
		if d := abs((l.Low+l.High)/2 - mid); d < dist {
			best, dist = i, d
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func otherScale(scale domain.ScaleID) *domain.Scale {
	if scale == domain.ScaleICD203 {
		return domain.ScaleOf(domain.ScalePHIA)
	}
	return domain.ScaleOf(domain.ScaleICD203)
}

func otherScaleMessage(words string, t *term, scale domain.ScaleID) string {
	s := domain.ScaleOf(scale)
	return fmt.Sprintf("%s is a term of %s, not of %s, the briefing’s scale: use %s instead.",
		quoted(words), scaleName(otherScale(scale)), scaleName(s), offer(s, nearest(s, t)))
}

// bands are the bands the term stands for: in the briefing's scale if
// it is of it, else in the scales it comes from.
func bands(t *term, scale domain.ScaleID) []domain.ScaleLevel {
	if lv := t.level(scale); lv >= 0 {
		return []domain.ScaleLevel{domain.ScaleOf(scale).Levels[lv]}
	}
	var out []domain.ScaleLevel
	for _, id := range []domain.ScaleID{domain.ScaleICD203, domain.ScalePHIA} {
		if lv := t.level(id); lv >= 0 {
			out = append(out, domain.ScaleOf(id).Levels[lv])
		}
	}
	return out
}

// bandMessage says the percentage lies outside every band of the term;
// "" when it lies inside one.
func bandMessage(words string, t *term, scale domain.ScaleID, p percent) string {
	bs := bands(t, scale)
	var names []string
	for _, b := range bs {
		if p.lo >= b.Low && p.hi <= b.High {
			return ""
		}
		names = append(names, b.Band())
	}
	return fmt.Sprintf("%s means %s, but the figure given is outside it: change the word to one whose band "+
		"holds the figure, or the figure.", quoted(words), strings.Join(names, " or "))
}

// confidenceMessage is worded for the briefing's scale: each guidance
// keeps probability and confidence apart, in its own words.
func confidenceMessage(conf, likelihood string, scale domain.ScaleID) string {
	why := "keep the likelihood and the confidence level in separate sentences: readers mix them up."
	switch scale {
	case domain.ScaleICD203:
		why = "ICD 203 asks that a confidence level and a likelihood never share one, as readers mix them up."
	case domain.ScalePHIA:
		why = "the UK guidance also separates probability from confidence: keep the likelihood and the " +
			"confidence level in separate sentences, as readers mix them up."
	}
	return fmt.Sprintf("%s and %s stand in one sentence: %s State the confidence in a sentence of its own.",
		quoted(conf), quoted(likelihood), why)
}

// mismatchMessage says a judgment's words and its confidence field
// disagree; the export prints the field's level beside the words.
func mismatchMessage(words string, set domain.Confidence) string {
	return fmt.Sprintf("The judgment says %s but its confidence is set to %s, which the export prints beside it: "+
		"make them agree, by changing the words or the confidence level.", quoted(words), set)
}

func mixedMessage(scale domain.ScaleID, minor, major string) string {
	if scale == domain.ScaleICD203 {
		return fmt.Sprintf("%s comes from the other row of ICD 203’s terms than %s, used elsewhere in the "+
			"briefing: keep to one row, or add a sentence saying both rows’ terms mean the same probability.",
			quoted(minor), quoted(major))
	}
	return fmt.Sprintf("%s and %s come from different scales (ICD 203 and the UK Yardstick), whose bands "+
		"differ: choose one scale for the briefing and keep to its terms.", quoted(minor), quoted(major))
}
