package export

import "strings"

// The notes of the DOCX are Word's own footnotes or endnotes, each
// Document note one Word note with the same number: w:id n is note n,
// and the text refers to them in the order the Document numbers them, so
// Word numbers them alike. Ids -1 and 0 are the separator and the
// continuation separator Word requires in every notes part.

// noteKind is a notes option's value as WordprocessingML names it.
type noteKind struct {
	elem     string // "footnote" or "endnote"
	part     string // "word/footnotes.xml"
	relType  string
	ctype    string
	textSty  string
	refStyle string
	// pos is w:pos. Endnotes go at the document's end, where Word sets
	// them under the section's headers and footers; sectEnd was tried
	// for LibreOffice's sake and changes nothing there (see endnotesOnly
	// in docx_libreoffice_test.go).
	pos string
}

var (
	footnotes = noteKind{elem: "footnote", part: "word/footnotes.xml", relType: relFootnotes,
		ctype: ctFootnotes, textSty: stFootText, refStyle: stFootRef, pos: "pageBottom"}
	endnotes = noteKind{elem: "endnote", part: "word/endnotes.xml", relType: relEndnotes,
		ctype: ctEndnotes, textSty: stEndText, refStyle: stEndRef, pos: "docEnd"}
)

// notesKind is the kind the option asks for; footnotes by default.
func notesKind(option string) noteKind {
	if option == "endnotes" {
		return endnotes
	}
	return footnotes
}

// props are the notes' position and number format, the part of
// w:footnotePr or w:endnotePr before the separators, the same in
// settings.xml and in the section (which is what Word reads first). The
// format is always decimal: Word numbers endnotes i, ii, iii unless told,
// and the PDF numbers its notes 1, 2, 3.
func (k noteKind) props() string {
	return `<w:pos w:val="` + k.pos + `"/><w:numFmt w:val="decimal"/>`
}

// noteRef writes the reference to note n in the text.
func (w *docxWriter) noteRef(n int) {
	if n < 1 {
		return
	}
	w.doc.WriteString(`<w:r><w:rPr><w:rStyle w:val="` + w.notes.refStyle + `"/></w:rPr><w:` + w.notes.elem + `Reference w:id="` + itoa(n) + `"/></w:r>`)
}

// notesXML is footnotes.xml or endnotes.xml with every note of d.
func notesXML(k noteKind, notes []Note) string {
	var b strings.Builder
	root := "w:" + k.elem + "s"
	b.WriteString(xmlHeader + "<" + root + " " + wordNS + ">")
	b.WriteString(`<w:` + k.elem + ` w:type="separator" w:id="-1"><w:p>`)
	spacing(0, 0).write(&b)
	b.WriteString(`<w:r><w:separator/></w:r></w:p></w:` + k.elem + `>`)
	b.WriteString(`<w:` + k.elem + ` w:type="continuationSeparator" w:id="0"><w:p>`)
	spacing(0, 0).write(&b)
	b.WriteString(`<w:r><w:continuationSeparator/></w:r></w:p></w:` + k.elem + `>`)
	for _, n := range notes {
		b.WriteString(`<w:` + k.elem + ` w:id="` + itoa(n.Num) + `"><w:p>`)
		styled(k.textSty).write(&b)
		b.WriteString(`<w:r><w:rPr><w:rStyle w:val="` + k.refStyle + `"/></w:rPr><w:` + k.elem + `Ref/></w:r>`)
		run(&b, rPr{}, " "+n.Text)
		b.WriteString(`</w:p></w:` + k.elem + `>`)
	}
	b.WriteString("</" + root + ">")
	return b.String()
}
