package export

import (
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
)

// Text is the document as plain text, in the PDF's order and wording: the
// composer's preview and the version history show it. Parts are separated
// by blank lines; a judgment without a confidence shows none.
func (d *Document) Text() string {
	t := &textWriter{}
	t.para(d.Banner)
	br := d.Briefing
	sub := ""
	if strings.TrimSpace(br.Subtitle) != "" {
		sub = d.SubtitlePortion + br.Subtitle
	}
	t.para(d.TitlePortion+strings.ToUpper(strings.TrimSpace(br.Title)), sub)
	var meta []string
	for _, kv := range [][2]string{{"Prepared for", br.Audience}, {"Prepared by", br.Author},
		{"Date", br.Date.Long()}, {"Status", br.Status.Label()}} {
		if v := strings.TrimSpace(kv[1]); v != "" {
			meta = append(meta, kv[0]+": "+v)
		}
	}
	t.para(meta...)
	if d.Definition != "" {
		t.para(d.Banner + ": " + d.Definition)
	}
	t.para(d.Authority...)
	if paras := paragraphs(br.Summary); len(paras) > 0 {
		t.para("BOTTOM LINE UP FRONT")
		paras[0] = d.SummaryPortion + paras[0]
		for _, p := range paras {
			t.para(p)
		}
	}
	if len(d.Judgments) > 0 {
		t.para("KEY JUDGMENTS")
		for _, j := range d.Judgments {
			line := strconv.Itoa(j.Number) + ". " + j.Portion + strings.TrimSpace(j.Text)
			if j.Confidence != "" {
				line += " (" + strings.ToLower(j.Confidence) + ")"
			}
			t.para(line, basisTextLine(d, j))
		}
	}
	d.bodyText(t)
	if len(d.Notes) > 0 {
		t.para("NOTES")
		for _, n := range d.Notes {
			t.para(strconv.Itoa(n.Num) + ". " + n.Text)
		}
	}
	if len(d.Sources) > 0 {
		t.para("SOURCES")
		for i, s := range d.Sources {
			lines := []string{strconv.Itoa(i+1) + ". " + BibliographyEntry(s), "   " + strings.Join(sourceDetails(s), "")}
			for _, c := range d.SourceConcerns[s.ID] {
				lines = append(lines, "   "+c)
			}
			t.para(lines...)
		}
	}
	d.guideText(t)
	t.para(d.Banner)
	return strings.TrimSpace(t.String())
}

// basisTextLine is the judgment's basis with its note references in
// brackets, as the notes in the body are: "   Basis: 2 sources (B2, A1)
// [1, 2]; 1 contradicting [3]"; "" when the basis is not printed.
func basisTextLine(d *Document, j Judgment) string {
	if !d.ShowBasis {
		return ""
	}
	support, contra := j.Basis.Parts()
	sn, cn := j.basisNotes()
	line := "   Basis: " + support + bracketed(noteRange(sn))
	if contra != "" {
		line += "; " + contra + bracketed(noteRange(cn))
	}
	if c := j.Basis.ConcernPart(); c != "" {
		line += "; " + c
	}
	return line
}

func bracketed(s string) string {
	if s == "" {
		return ""
	}
	return " [" + s + "]"
}

// guideText is the reading guide as text.
func (d *Document) guideText(t *textWriter) {
	g := d.Guide
	if g == nil {
		return
	}
	t.para(strings.ToUpper(GuideTitle))
	if g.Scale != nil {
		t.para(GuideLikelihood, g.ScaleIntro())
		lines := []string{}
		for _, l := range g.Scale.Levels {
			lines = append(lines, "   "+TermList(l)+": "+l.Band())
		}
		t.para(lines...)
		t.para(g.Scale.Note, g.ScaleSource())
	}
	if len(g.Confidence) > 0 {
		t.para(GuideConfidence, GuideConfidenceIntro())
		for _, e := range g.Confidence {
			t.para("   " + e.Term + ": " + e.Meaning)
		}
	}
	if len(g.Reliability)+len(g.Credibility) > 0 {
		t.para(GuideGrades, GuideGradesNote)
		var lines []string
		for _, e := range g.Reliability {
			lines = append(lines, "   Reliability "+e.Term+": "+e.Meaning)
		}
		for _, e := range g.Credibility {
			lines = append(lines, "   Credibility "+e.Term+": "+e.Meaning)
		}
		t.para(lines...)
	}
}

func (d *Document) bodyText(t *textWriter) {
	for _, it := range d.Body {
		switch it.Type {
		case domain.BlockHeading:
			t.para(it.Number + "  " + it.Portion + strings.ToUpper(strings.TrimSpace(it.Text)))
		case domain.BlockCommentary:
			for k, p := range paragraphs(it.Text) {
				if k == 0 {
					p = it.Portion + p
				}
				t.para(p)
			}
		case domain.BlockExcerpt:
			if it.Figure != nil {
				t.para(indent(it.Portion + "[" + it.FigureLabel() + "] [" + strconv.Itoa(it.Note) + "]"))
				commentText(t, it)
				continue
			}
			paras := paragraphs(it.Text)
			if len(paras) == 0 {
				paras = []string{""}
			}
			paras[0] = it.Portion + "“" + paras[0]
			paras[len(paras)-1] += "” [" + strconv.Itoa(it.Note) + "]"
			for _, p := range paras {
				t.para(indent(p))
			}
			commentText(t, it)
		}
	}
}

// commentText is the analyst's note on an excerpt or figure, if printed.
func commentText(t *textWriter, it Item) {
	if c := strings.TrimSpace(it.Comment); c != "" {
		t.para(indent(it.Portion + "Analyst’s note: " + c))
	}
}

// indent sets every line of p in by four spaces, as a quote.
func indent(p string) string { return "    " + strings.ReplaceAll(p, "\n", "\n    ") }

// textWriter collects paragraphs separated by blank lines.
type textWriter struct{ strings.Builder }

// para writes lines as one paragraph; empty lines are left out, and a
// paragraph with none is not written.
func (t *textWriter) para(lines ...string) {
	first := true
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if first && t.Len() > 0 {
			t.WriteString("\n")
		}
		first = false
		t.WriteString(strings.TrimRight(l, " ") + "\n")
	}
}
