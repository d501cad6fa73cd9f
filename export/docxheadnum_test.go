package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/ingest"
)

// partLists are a house template's lists: "Part I." on Heading 1 with
// "I.1" on Heading 2 below it (numId 5), and "(a)" on List Number
// (numId 6).
const partLists = `<w:abstractNum w:abstractNumId="3"><w:multiLevelType w:val="multilevel"/>` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="Part %1."/><w:lvlJc w:val="left"/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/><w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="4"><w:multiLevelType w:val="singleLevel"/>` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:pStyle w:val="ListNumber"/><w:lvlText w:val="(%1)"/><w:lvlJc w:val="left"/>` +
	`<w:pPr><w:ind w:left="400" w:hanging="400"/></w:pPr></w:lvl></w:abstractNum>` +
	`<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="4"/></w:num>`

// partStyles is a template's styles.xml: Heading 1 and 2 numbered by
// list heading (directly, or for chained through a style of the house's
// they are based on), List Number by list list ("" for not numbered).
func partStyles(heading, list string, chained bool) string {
	numPr := func(ilvl, id string) string {
		if id == "" {
			return ""
		}
		return `<w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + id + `"/></w:numPr>`
	}
	style := func(id, name, basedOn, pPr string) string {
		return `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/><w:basedOn w:val="` + basedOn + `"/>` +
			`<w:pPr><w:keepNext/>` + pPr + `</w:pPr></w:style>`
	}
	s := xmlHeader + `<w:styles ` + wordNS + `>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>`
	if chained {
		s += style("HousePart", "House Part", "Normal", numPr("0", heading)) + style("HouseChapter", "House Chapter", "Normal", numPr("1", heading)) +
			style(stHeading1, "heading 1", "HousePart", `<w:outlineLvl w:val="0"/>`) + style(stHeading2, "heading 2", "HouseChapter", `<w:outlineLvl w:val="1"/>`)
	} else {
		s += style(stHeading1, "heading 1", "Normal", numPr("0", heading)+`<w:outlineLvl w:val="0"/>`) +
			style(stHeading2, "heading 2", "Normal", numPr("1", heading)+`<w:outlineLvl w:val="1"/>`)
	}
	return s + style(stListNumber, "List Number", "Normal", numPr("0", list)) + `</w:styles>`
}

// numPara is a paragraph of the main document with its direct numId
// ("" for none).
type numPara struct{ style, text, numID string }

func numParas(t *testing.T, data []byte) []numPara {
	t.Helper()
	p, main := parsedMain(t, data)
	var out []numPara
	p.xml[main].walk(func(n *xnode) {
		if !n.is(ckW, "p") {
			return
		}
		np := numPara{style: paraStyle(n), text: paraText(n)}
		n.walk(func(k *xnode) {
			if k.is(ckW, "numId") && k.parent.is(ckW, "numPr") && k.parent.parent.is(ckW, "pPr") {
				np.numID = k.wval()
			}
		})
		out = append(out, np)
	})
	return out
}

// TestDOCXTemplateNumbersHeadings: where the template's lists number
// Heading 1 and 2 and List Number, the sections take the list's number
// in place of their own, the other headings none, and the key judgments
// the house's "(a)".
func TestDOCXTemplateNumbersHeadings(t *testing.T) {
	for _, chained := range []bool{false, true} {
		tpl := writeTemplate(t, "parts.dotx", map[string]string{
			"word/styles.xml": partStyles("5", "6", chained), "word/numbering.xml": houseNumbering(partLists),
		})
		b := pdfBundle(3, domain.StatusDraft)
		d := NewDocumentWith(b, Context{ReadingGuide: "on"})
		out := docxBytes(t, b, DOCXOptions{Template: tpl, ReadingGuide: "on"})
		checkDOCX(t, out) // numId 0 is "no list", in pPr's order
		sections, unlisted, judgments, entries := 0, map[string]int{}, 0, 0
		for _, p := range numParas(t, out) {
			switch p.style {
			case stHeading1, stHeading2, stTOCHeading:
				if p.numID == "0" {
					unlisted[p.text]++
					continue
				}
				sections++
				if p.style != stHeading1 || p.numID != "" || !headingOf(d, p.text) {
					t.Errorf("chained %v: %s %q (numId %q) is neither a section's heading without its number nor unnumbered", chained, p.style, p.text, p.numID)
				}
			case stJudgment:
				judgments++
				if p.numID != "" {
					t.Errorf("chained %v: key judgment %q has numId %s over the template's List Number", chained, p.text, p.numID)
				}
			case stTOC1:
				entries++
				if !headingOf(d, p.text) {
					t.Errorf("chained %v: contents entry %q is not a heading's text", chained, p.text)
				}
			}
		}
		if sections != d.Sections || entries != d.Sections || judgments != len(d.Judgments) || judgments == 0 {
			t.Errorf("chained %v: %d section headings, %d entries, %d key judgments; want %d, %d, %d",
				chained, sections, entries, judgments, d.Sections, d.Sections, len(d.Judgments))
		}
		for _, h := range []string{"Key judgments", "Contents", "Sources", GuideTitle, GuideConfidence, GuideGrades} {
			if unlisted[h] != 1 {
				t.Errorf("chained %v: heading %q is not once with numId 0: %v", chained, h, unlisted)
			}
		}
	}
}

// headingOf says whether text is a section heading's portion and title.
func headingOf(d *Document, text string) bool {
	for _, it := range d.Body {
		if it.Type == domain.BlockHeading && it.Portion+it.Text == text {
			return true
		}
	}
	return false
}

// TestDOCXTemplateNumbersHeadingsImported reads the export back as Word
// numbers it: "Part I." once on each section, none on the other
// headings, and "(a)" on the first key judgment.
func TestDOCXTemplateNumbersHeadingsImported(t *testing.T) {
	tpl := writeTemplate(t, "parts.docx", map[string]string{
		"word/styles.xml": partStyles("5", "6", false), "word/numbering.xml": houseNumbering(partLists),
	})
	b := pdfBundle(3, domain.StatusDraft)
	d := NewDocumentWith(b, Context{ReadingGuide: "on"})
	src, _, err := ingest.Import("parts.docx", bytes.NewReader(docxBytes(t, b, DOCXOptions{Template: tpl, ReadingGuide: "on"})), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	paras := map[string]bool{}
	for _, p := range strings.Split(src.Text, "\n\n") {
		p = strings.TrimSpace(p)
		paras[p] = true
		if i := strings.LastIndex(p, " ("); i > 0 && strings.HasSuffix(p, "confidence)") {
			paras[p[:i]] = true // a key judgment without its confidence
		}
	}
	want := []string{"Key judgments", "Sources", GuideTitle, GuideConfidence,
		"(a) " + d.Judgments[0].Portion + d.Judgments[0].Text, "(b) " + d.Judgments[1].Portion + d.Judgments[1].Text}
	n := 0
	for _, it := range d.Body {
		if it.Type == domain.BlockHeading {
			n++
			want = append(want, "Part "+[]string{"I", "II", "III"}[n-1]+". "+it.Portion+it.Text)
		}
	}
	for _, w := range want {
		if !paras[w] {
			t.Errorf("the imported text has no paragraph %q:\n%s", w, src.Text)
		}
	}
}

// TestDOCXTemplateUnnumberedHeadings: a template whose lists number
// neither the headings nor List Number (numId 0, or a list it lacks)
// leaves the sections' numbers and the key judgments' list as they are.
func TestDOCXTemplateUnnumberedHeadings(t *testing.T) {
	for _, ids := range [][2]string{{"0", "0"}, {"8", ""}} {
		tpl := writeTemplate(t, "plain.docx", map[string]string{
			"word/styles.xml": partStyles(ids[0], ids[1], true), "word/numbering.xml": houseNumbering(partLists),
		})
		b := pdfBundle(3, domain.StatusDraft)
		out := docxBytes(t, b, DOCXOptions{Template: tpl})
		d := NewDocument(b)
		doc := unzipDOCX(t, out)["word/document.xml"]
		if strings.Contains(doc, `<w:numId w:val="0"/>`) {
			t.Errorf("numIds %v: a heading switches off a list its style does not have", ids)
		}
		for _, it := range d.Body {
			if it.Type == domain.BlockHeading && !strings.Contains(doc, xmlText(it.Number+" ")) {
				t.Errorf("numIds %v: section %s lost its number", ids, it.Number)
			}
		}
		lists := judgmentLists(t, doc)
		if lists["1"] != len(d.Judgments) { // Attaché's own list
			t.Errorf("numIds %v: key judgments on lists %v, want all on Attaché's 1", ids, lists)
		}
	}
}
