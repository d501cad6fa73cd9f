package export

import "strings"

// guide is "How to read this assessment" with its parts as tables: the
// scale's bands and terms, the confidence levels and the grades used.
func (w *docxWriter) guide() {
	g := w.d.Guide
	if g == nil {
		return
	}
	w.heading(stHeading1, "_Toc_guide", "", "", GuideTitle)
	if g.Scale != nil {
		w.unlistedLine(stHeading2, GuideLikelihood)
		w.line(stGuideIntro, g.ScaleIntro())
		rows := make([][2]string, 0, len(g.Scale.Levels))
		for _, lv := range g.Scale.Levels {
			rows = append(rows, [2]string{lv.Band(), TermList(lv)})
		}
		w.table(rows, 1600)
		w.line(stGuideNote, g.Scale.Note)
		w.p(styled(stGuideNote))
		run(&w.doc, rPr{italic: true}, g.ScaleSource())
		w.endP()
	}
	if len(g.Confidence) > 0 {
		w.unlistedLine(stHeading2, GuideConfidence)
		w.line(stGuideIntro, GuideConfidenceIntro())
		rows := make([][2]string, 0, len(g.Confidence))
		for _, e := range g.Confidence {
			rows = append(rows, [2]string{e.Term, e.Meaning})
		}
		w.table(rows, 2400)
	}
	if len(g.Reliability)+len(g.Credibility) > 0 {
		w.unlistedLine(stHeading2, GuideGrades)
		note := styled(stGuideNote)
		note.keepNext = true // the note stays with its table
		w.p(note)
		run(&w.doc, rPr{}, GuideGradesNote)
		w.endP()
		var rows [][2]string
		for _, e := range g.Reliability {
			rows = append(rows, [2]string{"Reliability " + e.Term, e.Meaning})
		}
		for _, e := range g.Credibility {
			rows = append(rows, [2]string{"Credibility " + e.Term, e.Meaning})
		}
		w.table(rows, 2400)
	}
}

// table is a two-column table, its first column col twips wide and its
// terms bold; rows are kept together on a page and never split.
func (w *docxWriter) table(rows [][2]string, col int) {
	if len(rows) == 0 {
		return
	}
	b := &w.doc
	rest := max(w.page.textWidth()-col, 1000)
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="` + stGuideTable + `"/><w:tblW w:w="` + itoa(col+rest) +
		`" w:type="dxa"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>`)
	b.WriteString(`<w:tblGrid><w:gridCol w:w="` + itoa(col) + `"/><w:gridCol w:w="` + itoa(rest) + `"/></w:tblGrid>`)
	for i, r := range rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for k, text := range r {
			width := col
			if k == 1 {
				width = rest
			}
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + itoa(width) + `" w:type="dxa"/></w:tcPr>`)
			props := spacing(0, 0)
			props.keepNext = i < len(rows)-1
			w.p(props)
			run(b, rPr{bold: k == 0, font: cellFont(k), size: 18}, strings.TrimSpace(text))
			w.endP()
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	// Word needs a paragraph between a table and what follows it.
	w.p(spacing(0, 4))
	w.endP()
}

// cellFont is the sans of the term column; the meaning keeps the body's.
func cellFont(col int) string {
	if col == 0 {
		return sansFont
	}
	return ""
}
