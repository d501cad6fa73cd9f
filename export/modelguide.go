package export

import (
	"sort"
	"strconv"

	"github.com/attache/attache/domain"
)

// Guide is the "How to read this assessment" appendix: what the words
// and grades the briefing uses mean. The scale is given whole (each word
// is read against its neighbours); the confidence levels and grades only
// as the briefing uses them, with a line naming the full Admiralty
// scale (GuideGradesNote), so the appendix stays short.
type Guide struct {
	Scale       *domain.Scale // the briefing's estimative scale; nil for none
	Confidence  []GuideEntry  // the levels its key judgments use, highest first
	Reliability []GuideEntry  // the sources' grades printed, A first; "?" last
	Credibility []GuideEntry  // the excerpts' grades printed in the basis lines, 1 first; "?" last
}

// GuideEntry is a term and its meaning.
type GuideEntry struct{ Term, Meaning string }

// Headings and lines of the reading guide, the same in every rendering.
const (
	GuideTitle       = "How to read this assessment"
	GuideLikelihood  = "Likelihood"
	GuideConfidence  = "Confidence"
	GuideGrades      = "Source grades"
	GuideGradesNote  = "Grades follow the Admiralty (NATO) system: the reliability of a source from A (completely reliable) to F (reliability cannot be judged), and the credibility of the information from 1 (confirmed by other sources) to 6 (truth cannot be judged). Only the grades this assessment uses are listed; “?” marks a grade not given."
	guideScaleIntro  = "Each word of likelihood in this assessment stands for a band of probability, as set out in the "
	guideConfidIntro = "A confidence level says how well founded a judgment is, not how likely it is."
)

// ScaleIntro is the sentence before the scale's table.
func (g *Guide) ScaleIntro() string { return guideScaleIntro + g.Scale.Name + ":" }

// ScaleSource is the line under the scale's table citing where its terms
// and bands are from.
func (g *Guide) ScaleSource() string { return "Source: " + g.Scale.Citation + "." }

// GuideConfidenceIntro is the sentence before the confidence levels.
func GuideConfidenceIntro() string { return guideConfidIntro }

// TermList is a level's terms as the table prints them: "likely, probable".
func TermList(l domain.ScaleLevel) string {
	out := ""
	for i, t := range l.Terms {
		if i > 0 {
			out += ", "
		}
		out += t
	}
	return out
}

// readingGuide is the guide to br as d prints it, or nil when it would
// say nothing.
func (d *Document) readingGuide(br *domain.Briefing) *Guide {
	g := &Guide{Scale: domain.ScaleOf(br.Scale)}
	used := map[domain.Confidence]bool{}
	rel, cred := map[string]bool{}, map[string]bool{}
	for _, s := range d.Sources {
		rel[string(s.Reliability)] = true
	}
	for _, j := range d.Judgments {
		for _, c := range []domain.Confidence{domain.ConfidenceHigh, domain.ConfidenceModerate, domain.ConfidenceLow} {
			if judgmentConfidence(c) == j.Confidence {
				used[c] = true
			}
		}
		if !d.ShowBasis {
			continue
		}
		for _, r := range j.Evidence {
			if r.Stance == domain.StanceContradicts {
				continue // its grade is not printed
			}
			rel[string(r.Grade[:len(r.Grade)-1])] = true
			cred[r.Grade[len(r.Grade)-1:]] = true
		}
	}
	for _, c := range []domain.Confidence{domain.ConfidenceHigh, domain.ConfidenceModerate, domain.ConfidenceLow} {
		if used[c] {
			g.Confidence = append(g.Confidence, GuideEntry{judgmentConfidence(c), domain.ConfidenceMeaning(c)})
		}
	}
	g.Reliability = gradeEntries(rel, func(k string) string { return domain.Reliability(k).Description() })
	g.Credibility = gradeEntries(cred, func(k string) string {
		n, _ := strconv.Atoi(k)
		return domain.Credibility(n).Description()
	})
	if g.Scale == nil && len(g.Confidence) == 0 && len(g.Reliability) == 0 && len(g.Credibility) == 0 {
		return nil
	}
	return g
}

// gradeEntries lists the grades used in order, the ungraded ("" or "?")
// last as "?".
func gradeEntries(used map[string]bool, meaning func(string) string) []GuideEntry {
	var keys []string
	ungraded := false
	for k := range used {
		if k == "" || k == "?" {
			ungraded = true
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []GuideEntry
	for _, k := range keys {
		out = append(out, GuideEntry{k, meaning(k)})
	}
	if ungraded {
		out = append(out, GuideEntry{"?", "Not graded"})
	}
	return out
}
