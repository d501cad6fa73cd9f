package export

import (
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
)

// The body of word/document.xml, drawn from the Document in the PDF's
// order: the title block, the bottom line, the key judgments, the
// contents field (for three sections or more), the sections, the sources and the reading guide. The notes
// are Word's own footnotes or endnotes (docxnotes.go), so they have no
// list of their own here.

// docxBody writes document.xml's body into w.doc.
func (w *docxWriter) docxBody() error {
	w.titleBlock()
	w.bluf()
	w.keyJudgments()
	// The PDF lists the contents after the key judgments, and only for
	// three sections or more: fewer need no list (layout.build).
	if w.d.Sections >= 3 {
		w.contentsField()
	}
	if err := w.sections(); err != nil {
		return err
	}
	w.sources()
	w.guide()
	return w.ctx.Err()
}

// p opens a paragraph with properties p; endP closes it.
func (w *docxWriter) p(props pPr) {
	w.doc.WriteString("<w:p>")
	props.write(&w.doc)
}

func (w *docxWriter) endP() { w.doc.WriteString("</w:p>") }

// line is a paragraph of one plain run in style.
func (w *docxWriter) line(style, text string) {
	w.p(styled(style))
	run(&w.doc, rPr{}, text)
	w.endP()
}

// heading writes a Heading1 with a bookmark the contents can link to;
// number is "" outside the numbered sections. Where the template's list
// numbers the style, a section's heading takes the list's number in
// place of its own, and a heading outside the sections none.
func (w *docxWriter) heading(style, bookmark, number, portion, text string) {
	if w.numbered[style] && number != "" {
		w.p(styled(style))
		number = ""
	} else {
		w.p(w.unlisted(style))
	}
	w.bookmarks++
	id := itoa(w.bookmarks)
	empty(&w.doc, "w:bookmarkStart", "w:id", id, "w:name", bookmark)
	if number != "" {
		// One space, as the PDF prints it: its typesetter sets a run of
		// spaces as one.
		run(&w.doc, rPr{}, number+" ")
	}
	run(&w.doc, rPr{}, portion+text)
	empty(&w.doc, "w:bookmarkEnd", "w:id", id)
	w.endP()
}

// unlisted is a paragraph in style that no list may number: numId 0
// where the template's list numbers the style, nothing more elsewhere.
func (w *docxWriter) unlisted(style string) pPr {
	p := styled(style)
	p.numOff = w.numbered[style]
	return p
}

// unlistedLine is line for a heading outside the numbered sections.
func (w *docxWriter) unlistedLine(style, text string) {
	w.p(w.unlisted(style))
	run(&w.doc, rPr{}, text)
	w.endP()
}

func (w *docxWriter) titleBlock() {
	d, br := w.d, w.d.Briefing
	w.line(stTitle, d.TitlePortion+br.Title)
	if strings.TrimSpace(br.Subtitle) != "" {
		w.line(stSubtitle, d.SubtitlePortion+br.Subtitle)
	}
	w.titleRule()
	w.details()
	if d.Definition != "" {
		// TLP: the label's meaning, under the title block.
		w.p(styled(stDefinition))
		run(&w.doc, rPr{bold: true, color: hex(ink)}, d.Banner+"  ")
		run(&w.doc, rPr{}, d.Definition)
		w.endP()
	}
}

// titleRule is the PDF's hairline under the title and subtitle, above
// the details: an empty paragraph's bottom border, a line high.
func (w *docxWriter) titleRule() {
	w.doc.WriteString(`<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="` + hex(rule) + `"/></w:pBdr>` +
		`<w:spacing w:before="0" w:after="200" w:line="40" w:lineRule="exact"/></w:pPr></w:p>`)
}

// detailsLabelCol is the PDF's label column of the details, 92 pt.
const detailsLabelCol = 1840

// details are the PDF's rows under the title: a small grey capital
// label in a column of its own and the value beside it, as a borderless
// table, so that a long value wraps under itself, not under the label.
func (w *docxWriter) details() {
	br := w.d.Briefing
	var rows [][2]string
	for _, kv := range [][2]string{{"Prepared for", br.Audience}, {"Prepared by", br.Author},
		{"Date", br.Date.Long()}, {"Status", br.Status.Label()}} {
		if v := strings.TrimSpace(kv[1]); v != "" {
			rows = append(rows, [2]string{kv[0], v})
		}
	}
	if len(rows) == 0 {
		return
	}
	rest := w.page.textWidth() - detailsLabelCol
	b := &w.doc
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="` + itoa(w.page.textWidth()) + `" w:type="dxa"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		empty(b, "w:"+side, "w:val", "none", "w:sz", "0", "w:space", "0", "w:color", "auto")
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>` +
		`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>`)
	b.WriteString(`<w:tblGrid><w:gridCol w:w="` + itoa(detailsLabelCol) + `"/><w:gridCol w:w="` + itoa(rest) + `"/></w:tblGrid>`)
	for _, r := range rows {
		b.WriteString("<w:tr>")
		w.detailsCell(detailsLabelCol, rPr{font: sansFont, bold: true, caps: true, color: hex(grey), size: 15}, r[0])
		w.detailsCell(rest, rPr{}, r[1])
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
}

// detailsCell is one cell of the details, its text in style stDetails;
// the label's baseline meets the value's as the PDF sets them.
func (w *docxWriter) detailsCell(width int, r rPr, text string) {
	w.doc.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + itoa(width) + `" w:type="dxa"/><w:vAlign w:val="bottom"/></w:tcPr>`)
	w.p(styled(stDetails))
	run(&w.doc, r, text)
	w.endP()
	w.doc.WriteString("</w:tc>")
}

// contentsField is Word's table of contents as a field Word fills in
// when it opens the file (settings.xml asks it to update fields). Its
// result is written beforehand as the sections' titles, each a link to
// its heading's bookmark, so that a reader that does not update fields
// (LibreOffice, a previewer, Word with the prompt declined) still shows
// the contents rather than a placeholder; only the page numbers wait for
// Word. The entries are in contents styles, which an importer leaves out.
func (w *docxWriter) contentsField() {
	entries := w.contentsEntries()
	if len(entries) == 0 {
		return // never: the contents is written for three sections or more
	}
	w.unlistedLine(stTOCHeading, "Contents")
	for i, e := range entries {
		w.p(styled(stTOC1))
		if i == 0 {
			fieldChar(&w.doc, "begin")
			w.doc.WriteString(`<w:r><w:instrText xml:space="preserve"> TOC \o "1-3" \h \z \u </w:instrText></w:r>`)
			fieldChar(&w.doc, "separate")
		}
		w.doc.WriteString(`<w:hyperlink w:anchor="` + xmlText(e.anchor) + `" w:history="1">`)
		run(&w.doc, rPr{noProof: true}, e.text)
		w.doc.WriteString("</w:hyperlink>")
		if i == len(entries)-1 {
			fieldChar(&w.doc, "end")
		}
		w.endP()
	}
}

type contentsEntry struct{ anchor, text string }

// contentsEntries are the numbered sections as the headings print them
// (number, portion mark, title), in order, with their bookmarks; where
// the template's list numbers the headings, their text without the
// number, which Word's own update of the field puts back as the list's.
func (w *docxWriter) contentsEntries() []contentsEntry {
	var out []contentsEntry
	for _, it := range w.d.Body {
		if it.Type == domain.BlockHeading {
			text := it.Number + " " + it.Portion + it.Text
			if w.numbered[stHeading1] {
				text = it.Portion + it.Text
			}
			out = append(out, contentsEntry{anchor: "_Toc_sec_" + it.Number, text: text})
		}
	}
	return out
}

func fieldChar(b *strings.Builder, kind string) {
	b.WriteString(`<w:r><w:fldChar w:fldCharType="` + kind + `"/></w:r>`)
}

// bluf is the bottom line in its box: a label and the summary's
// paragraphs, the first with the summary's portion mark.
func (w *docxWriter) bluf() {
	paras := paragraphs(w.d.Briefing.Summary)
	if len(paras) == 0 {
		return
	}
	w.heading(stBLUFLabel, "_Toc_bluf", "", "", "Bottom line up front")
	paras[0] = w.d.SummaryPortion + paras[0]
	for _, text := range paras {
		w.line(stBottomLine, text)
	}
}

func (w *docxWriter) keyJudgments() {
	if len(w.d.Judgments) == 0 {
		return
	}
	w.heading(stHeading1, "_Toc_judgments", "", "", "Key judgments")
	for _, j := range w.d.Judgments {
		props := styled(stJudgment)
		props.keepNext = w.d.ShowBasis
		if !w.numbered[stJudgment] {
			// Attaché's "1." list; a template's List Number, which the
			// style is based on, numbers them in the house style.
			props.numID = w.judgments
		}
		w.p(props)
		run(&w.doc, rPr{}, j.Portion+strings.TrimSpace(j.Text))
		if j.Confidence != "" {
			// A no-break space keeps "(high confidence)" on one line.
			run(&w.doc, rPr{italic: true, color: hex(grey)}, " ("+strings.ReplaceAll(strings.ToLower(j.Confidence), " ", "\u00a0")+")")
		}
		w.endP()
		if w.d.ShowBasis {
			w.basis(j)
		}
	}
}

// basis is the line under a key judgment: its evidence summed up, each
// half followed by the notes citing that evidence.
func (w *docxWriter) basis(j Judgment) {
	support, contra := j.Basis.Parts()
	sn, cn := j.basisNotes()
	w.p(styled(stBasis))
	run(&w.doc, rPr{italic: true}, "Basis: ")
	run(&w.doc, rPr{}, support)
	w.noteRefs(sn)
	if contra != "" {
		run(&w.doc, rPr{}, "; "+contra)
		w.noteRefs(cn)
	}
	if c := j.Basis.ConcernPart(); c != "" {
		run(&w.doc, rPr{color: hex(alert)}, "; "+c)
	}
	w.endP()
}

func (w *docxWriter) noteRefs(ns []int) {
	for i, n := range ns {
		if i > 0 {
			run(&w.doc, rPr{style: w.notes.refStyle}, ",")
		}
		w.noteRef(n)
	}
}

// sections writes the body's headings, commentary, quotes and figures,
// stopping soon after the context is cancelled.
func (w *docxWriter) sections() error {
	for i, it := range w.d.Body {
		if i%64 == 0 {
			if err := w.ctx.Err(); err != nil {
				return err
			}
		}
		switch it.Type {
		case domain.BlockHeading:
			w.heading(stHeading1, "_Toc_sec_"+it.Number, it.Number, it.Portion, it.Text)
		case domain.BlockCommentary:
			for k, text := range paragraphs(it.Text) {
				if k == 0 {
					text = it.Portion + text
				}
				w.line(stCommentary, text)
			}
		case domain.BlockExcerpt:
			if it.Figure != nil {
				if err := w.figure(it); err != nil {
					return err
				}
			} else {
				w.quote(it)
			}
			w.comment(it)
		}
	}
	return nil
}

// quote sets an excerpt in Word's Quote style, its note at its end. The
// quote's text is never altered beyond what XML cannot hold.
func (w *docxWriter) quote(it Item) {
	paras := paragraphs(it.Text)
	if len(paras) == 0 {
		paras = []string{it.Text}
	}
	for k, text := range paras {
		if k == 0 {
			text = it.Portion + text
		}
		props := styled(stQuote)
		props.keepNext = it.Comment != "" && k == len(paras)-1
		if k == len(paras)-1 && strings.TrimSpace(it.Comment) == "" {
			props.after = excerptAfter
		}
		w.p(props)
		run(&w.doc, rPr{}, text)
		if k == len(paras)-1 {
			w.noteRef(it.Note)
		}
		w.endP()
	}
}

// excerptAfter is the space after an excerpt, its note included: the
// PDF's 9 pt, which sets the next paragraph apart from the quoted words.
const excerptAfter = 180

// comment is the analyst's note on an excerpt or figure, when the
// briefing prints it, under the portion's mark.
func (w *docxWriter) comment(it Item) {
	c := strings.TrimSpace(it.Comment)
	if c == "" {
		return
	}
	props := styled(stAnalystNote)
	props.after = excerptAfter
	w.p(props)
	run(&w.doc, rPr{italic: true}, it.Portion+"Analyst’s note: ")
	run(&w.doc, rPr{}, c)
	w.endP()
}

func (w *docxWriter) sources() {
	if len(w.d.Sources) == 0 {
		return
	}
	w.heading(stHeading1, "_Toc_sources", "", "", "Sources")
	for i, s := range w.d.Sources {
		w.p(styled(stSource))
		run(&w.doc, rPr{}, strconv.Itoa(i+1)+". "+BibliographyEntry(s))
		w.endP()
		// The details and what is known against the source since go in
		// one paragraph under its entry: a retraction is never parted
		// from the source it is about.
		w.p(styled(stSourceInfo))
		run(&w.doc, rPr{}, strings.Join(sourceDetails(s), "\n"))
		for _, c := range w.d.SourceConcerns[s.ID] {
			run(&w.doc, rPr{color: hex(alert)}, "\n"+c)
		}
		w.endP()
	}
}
