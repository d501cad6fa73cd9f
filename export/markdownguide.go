package export

import "strings"

// guide writes "How to read this assessment": the scale as a table, the
// confidence levels and the grades as lists.
func (m *mdWriter) guide(d *Document) {
	g := d.Guide
	if g == nil {
		return
	}
	m.block("## " + GuideTitle)
	if g.Scale != nil {
		m.block("### " + GuideLikelihood)
		m.block(mdInline(g.ScaleIntro()))
		rows := []string{"| Terms | Probability |", "| --- | --- |"}
		for _, l := range g.Scale.Levels {
			rows = append(rows, "| "+mdCell(TermList(l))+" | "+mdCell(l.Band())+" |")
		}
		m.block(rows...)
		m.block(mdInline(g.Scale.Note))
		m.block("*" + mdInline(g.ScaleSource()) + "*")
	}
	if len(g.Confidence) > 0 {
		m.block("### " + GuideConfidence)
		m.block(mdInline(GuideConfidenceIntro()))
		var lines []string
		for _, e := range g.Confidence {
			lines = append(lines, "- **"+mdInline(e.Term)+"**: "+mdInline(e.Meaning))
		}
		m.block(lines...)
	}
	if len(g.Reliability)+len(g.Credibility) > 0 {
		m.block("### " + GuideGrades)
		m.block(mdInline(GuideGradesNote))
		var lines []string
		for _, e := range g.Reliability {
			lines = append(lines, "- **Reliability "+mdInline(e.Term)+"**: "+mdInline(e.Meaning))
		}
		for _, e := range g.Credibility {
			lines = append(lines, "- **Credibility "+mdInline(e.Term)+"**: "+mdInline(e.Meaning))
		}
		m.block(lines...)
	}
}

// mdCell is text for a table cell: inline, its pipes escaped (mdInline
// escapes one only at the start).
func mdCell(s string) string {
	s = mdInline(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '|' && !mdEscaped(s, i) {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
