package ingest

// Word .docx import. A .docx is a ZIP package of XML parts; only the
// standard library reads it (archive/zip, encoding/xml), under limits that
// make zip bombs and damaged files fail with a message, never a crash.
//
// Layout of the imported text:
//   - each w:p is a paragraph; w:br is a line break inside it, w:tab a tab,
//     w:noBreakHyphen U+2011, w:softHyphen nothing, w:sym its character
//     where the symbol font is known;
//   - list items start with their label as Word shows it: Bullet for
//     bullets, "1. ", "(a) ", "2.1 " for numbered lists (from numbering.xml);
//   - a table row is one paragraph with its non-empty cells joined by " | ",
//     as the HTML importer lays out tables; a cell's paragraphs are joined by
//     spaces, and a nested table's rows join the enclosing cell;
//   - footnote and endnote references become "[n]" in the text, numbered in
//     one sequence in reading order, and the notes follow the body under a
//     paragraph "Notes", each as "[n] text";
//   - tracked changes are read as if accepted, hidden text and the table of
//     contents are left out, and text boxes become paragraphs of their own.

import (
	"bytes"
	"path"
	"strings"

	"github.com/attache/attache/domain"
)

// FormatDOCX is the Report.Format of an imported Word document.
const FormatDOCX = "docx"

// isDOCX says whether data should go to the Word importer: a ZIP package
// holding word/document.xml, or a file named (or served) as .docx that is a
// ZIP package or a Compound File (an encrypted .docx).
func isDOCX(named bool, data []byte) bool {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return named || bytes.Contains(data, []byte("word/document.xml"))
	case bytes.HasPrefix(data, cfbMagic):
		return named
	}
	return false
}

// docxContent is what the parts of a package say.
type docxContent struct {
	body     []docxPara
	notes    []string
	core     coreProps
	company  string
	lang     string
	tracked  bool
	warnings []string
}

func importDOCX(in input, data []byte) (*domain.Source, *Report, error) {
	if bytes.HasPrefix(data, cfbMagic) {
		return nil, nil, errEncrypted(in.label)
	}
	d, err := readDOCX(in.label, data)
	if err != nil {
		return nil, nil, err
	}
	b := newBuilder(in, domain.KindDocument, FormatDOCX, EncUTF8, d.warnings)
	b.found("format", FormatDOCX, "Word document package")
	b.applyDOCX(d)
	if err := b.finish(); err != nil {
		return nil, nil, err
	}
	return b.src, b.rep, nil
}

func readDOCX(base string, data []byte) (*docxContent, error) {
	pkg, err := openDOCX(base, data)
	if err != nil {
		return nil, err
	}
	d := &docxContent{warnings: []string{}}
	main := pkg.related("_rels/.rels", "/officeDocument", "word/document.xml")
	doc, err := pkg.read(main, maxDOCXText)
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, domain.Errorf(domain.EINVALID, "%s is a ZIP package but not a Word document (it has no "+
			"word/document.xml): save it from its program as .docx, .txt or .html and import that", base)
	}
	rels := path.Join(path.Dir(main), "_rels", path.Base(main)+".rels")
	part := func(kind, fallback string, limit int64) ([]byte, error) {
		return pkg.read(pkg.related(rels, kind, fallback), limit)
	}
	// Optional parts: when damaged, the text is still worth importing.
	optional := func(what string, data []byte, err error) []byte {
		if err != nil {
			d.warnings = append(d.warnings, "the document's "+what+" could not be read ("+domain.ErrorMessage(err)+
				"), so the import goes without them")
			return nil
		}
		return data
	}
	p := &docxParser{notes: newDOCXNotes()}
	var perr error
	data, err = part("/styles", "word/styles.xml", maxDOCXPart)
	if p.styles, perr = parseStyles(optional("styles", data, err)); perr != nil {
		optional("styles", nil, perr)
	}
	data, err = part("/numbering", "word/numbering.xml", maxDOCXPart)
	if p.lists, perr = parseNumbering(optional("list numbering", data, err)); perr != nil {
		optional("list numbering", nil, perr)
	}
	if err := p.parse(doc); err != nil {
		return nil, errDamaged(base, "its text, "+main+", is not readable XML: "+err.Error())
	}
	d.body, d.tracked, d.lang = p.out, p.tracked, p.styles.lang
	p.out = nil
	for _, n := range [][2]string{{"/footnotes", "word/footnotes.xml"}, {"/endnotes", "word/endnotes.xml"}} {
		data, err := part(n[0], n[1], maxDOCXPart)
		if data = optional(n[0][1:], data, err); data != nil {
			p.names, p.paras, p.tables, p.skip, p.noteKey, p.hidden = nil, nil, nil, 0, "", false
			optional(n[0][1:], nil, p.parse(data))
		}
	}
	d.notes = p.notes.paragraphs()
	if len(p.notes.order) > 0 && len(d.notes) == 0 {
		d.warnings = append(d.warnings, "the text refers to notes whose text the file does not contain; "+
			"their [n] marks were kept")
	}
	if props, err := pkg.read("docProps/core.xml", maxDOCXSmall); optional("properties", props, err) != nil {
		optional("properties", nil, decodeXML(props, &d.core))
	}
	if props, err := pkg.read("docProps/app.xml", maxDOCXSmall); optional("properties", props, err) != nil {
		var app appProps
		optional("properties", nil, decodeXML(props, &app))
		d.company = app.Company
	}
	return d, nil
}

func (b *builder) applyDOCX(d *docxContent) {
	s := b.src
	if d.tracked {
		b.warn("the document has tracked changes: its text was imported as if all of them were accepted; " +
			"accept or reject them in Word first if that is not what you want")
	}
	paras := d.body
	ti, from := styledTitle(paras)
	if t := usableTitle(d.core.Title, b.in.name); t != "" {
		s.Title = t
		b.found("title", t, "document properties")
	} else if ti >= 0 {
		s.Title = oneLine(paras[ti].plain)
		b.found("title", s.Title, from)
	}
	if ti >= 0 && sameText(paras[ti].plain, s.Title) {
		paras = b.takeTitleBlock(paras, ti)
	}
	texts := make([]string, len(paras))
	for i, p := range paras {
		texts[i] = p.text
	}
	m, lines := detectTop(splitLines(strings.Join(texts, "\n\n")), topOptions{knownTitle: s.Title, guessTitle: s.Title == ""})
	b.applyTop(m, "first paragraph")
	b.applyDOCXProps(d)
	body := paragraphs(lines)
	if notes := paragraphs(splitLines(strings.Join(d.notes, "\n\n"))); len(notes) > 0 {
		body = append(append(body, "Notes"), notes...)
	}
	b.setBody(body)
}
