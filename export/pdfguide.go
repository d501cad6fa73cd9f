package export

import "strings"

// guide sets "How to read this assessment": the scale as a table of
// bands and terms, the confidence levels and the grades used, each a row
// with its term in a left column.
func (l *layout) guide() {
	g := l.d.Guide
	if g == nil {
		return
	}
	l.heading(GuideTitle, "", "")
	l.where = "the reading guide"
	if g.Scale != nil {
		l.guideLabel(GuideLikelihood)
		l.para([]span{sp(g.ScaleIntro(), fBody, ink)}, l.left, l.width, lBody, 0, 5)
		for _, lv := range g.Scale.Levels {
			l.guideRow(lv.Band(), TermList(lv), 80)
		}
		l.para([]span{sp(g.Scale.Note, fSmall, grey)}, l.left, l.width, 12, 5, 0)
		l.para([]span{sp(g.ScaleSource(), fSmallIt, grey)}, l.left, l.width, 12, 2, 4)
	}
	if len(g.Confidence) > 0 {
		l.guideLabel(GuideConfidence)
		l.para([]span{sp(GuideConfidenceIntro(), fBody, ink)}, l.left, l.width, lBody, 0, 5)
		for _, e := range g.Confidence {
			l.guideRow(e.Term, e.Meaning, 120)
		}
	}
	if len(g.Reliability)+len(g.Credibility) > 0 {
		l.guideLabel(GuideGrades)
		l.para([]span{sp(GuideGradesNote, fSmall, grey)}, l.left, l.width, 12, 0, 5)
		for _, e := range g.Reliability {
			l.guideRow("Reliability "+e.Term, e.Meaning, 120)
		}
		for _, e := range g.Credibility {
			l.guideRow("Credibility "+e.Term, e.Meaning, 120)
		}
	}
}

// guideLabel is a small capitalised label over a part of the guide.
func (l *layout) guideLabel(text string) {
	b := l.para([]span{sp(strings.ToUpper(text), fLabel, navy)}, l.left, l.width, 13, 12, 3)
	b.keepWithNext, b.whole = true, true
}

// guideRow is a row of the guide: term in a left column of width col,
// its meaning wrapped beside it.
func (l *layout) guideRow(term, meaning string, col float64) {
	b := l.para([]span{sp(meaning, fNote, ink)}, l.left+col, l.width-col, lNote, 0, 3)
	b.whole = true
	lab := l.ts.pieces(sp(term, face{famSans, "B", 8.5}, ink))
	x := -col
	for i := range lab {
		lab[i].x = x
		x += lab[i].w
	}
	b.lines[0].pieces = append(lab, b.lines[0].pieces...)
}
