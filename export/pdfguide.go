package export

import "strings"

// guide sets "How to read this assessment": the scale as a table of
// bands and terms, the confidence levels and the grades used, each a row
// with its term in a left column. The heading starts a page unless its
// first part fits under it.
func (l *layout) guide() {
	g := l.d.Guide
	if g == nil {
		return
	}
	head := len(l.blocks)
	l.heading(GuideTitle, "", "")
	l.where = "the reading guide"
	reserved := false
	reserve := func() {
		if !reserved {
			reserved = true
			l.blocks[head].reserve = l.heightOf(l.blocks[head:])
		}
	}
	if g.Scale != nil {
		l.guideScale(g)
		reserve()
	}
	if len(g.Confidence) > 0 {
		l.guideLabel(GuideConfidence)
		l.para([]span{sp(GuideConfidenceIntro(), fBody, ink)}, l.left, l.width, lBody, 0, 5).keepWithNext = true
		for i, e := range g.Confidence { // three rows: kept together
			l.guideRow(e.Term, e.Meaning, 120).keepWithNext = i < len(g.Confidence)-1
		}
		reserve()
	}
	if len(g.Reliability)+len(g.Credibility) > 0 {
		l.guideLabel(GuideGrades)
		l.para([]span{sp(GuideGradesNote, fSmall, grey)}, l.left, l.width, 12, 0, 5).keepWithNext = true
		var rows []*block
		for _, e := range g.Reliability {
			rows = append(rows, l.guideRow("Reliability "+e.Term, e.Meaning, 120))
		}
		for _, e := range g.Credibility {
			rows = append(rows, l.guideRow("Credibility "+e.Term, e.Meaning, 120))
		}
		if n := len(rows); n > 1 {
			rows[n-2].keepWithNext = true // no last row alone on a page
		}
		reserve()
	}
}

// guideScale is the scale as a table, its rows kept together, with its
// note and the document it is from.
func (l *layout) guideScale(g *Guide) {
	l.guideLabel(GuideLikelihood)
	l.para([]span{sp(g.ScaleIntro(), fBody, ink)}, l.left, l.width, lBody, 0, 5).keepWithNext = true
	for i, lv := range g.Scale.Levels {
		l.guideRow(lv.Band(), TermList(lv), 80).keepWithNext = i < len(g.Scale.Levels)-1
	}
	l.para([]span{sp(g.Scale.Note, fSmall, grey)}, l.left, l.width, 12, 5, 0)
	l.para([]span{sp(g.ScaleSource(), fSmallIt, grey)}, l.left, l.width, 12, 2, 4)
}

// heightOf is the height blocks take in a row on one page.
func (l *layout) heightOf(bs []*block) float64 {
	h := 0.0
	for _, b := range bs {
		h += b.before + float64(len(b.lines))*b.leading + b.after
	}
	return h
}

// guideLabel is a small capitalised label over a part of the guide.
func (l *layout) guideLabel(text string) {
	b := l.para([]span{sp(strings.ToUpper(text), fLabel, navy)}, l.left, l.width, 13, 12, 3)
	b.keepWithNext, b.whole = true, true
}

// guideRow is a row of the guide: term in a left column of width col,
// its meaning wrapped beside it.
func (l *layout) guideRow(term, meaning string, col float64) *block {
	b := l.para([]span{sp(meaning, fNote, ink)}, l.left+col, l.width-col, lNote, 0, 3)
	b.whole = true
	lab := l.ts.pieces(sp(term, face{famSans, "B", 8.5}, ink))
	x := -col
	for i := range lab {
		lab[i].x = x
		x += lab[i].w
	}
	b.lines[0].pieces = append(lab, b.lines[0].pieces...)
	return b
}
