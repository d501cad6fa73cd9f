package export

import (
	"bytes"
	"context"
	"io"
	"path"
	"strings"

	"github.com/attache/attache/domain"
)

// DOCXOptions control a DOCX export.
type DOCXOptions struct {
	// Notes places the citations: "footnotes" (default) or "endnotes".
	Notes string
	// Template is the path of a Word .docx or .dotx whose styles, lists,
	// page, headers and footers the export takes; "" for Attaché's own.
	Template string
	// Basis and ReadingGuide are "auto" (or ""), "on" or "off": see
	// Context.
	Basis, ReadingGuide string
}

// WriteDOCX lays out the briefing and writes it as a Word document, or
// refuses with a *Refusal, writing nothing, while its markings would be
// wrong, as WritePDF does. The document is drawn from the same Document as
// the PDF, in its order and numbering; the output depends only on the
// bundle, the options and the template, so the same briefing always gives
// the same bytes. A cancelled ctx stops it with ctx's error and nothing
// written to w.
func WriteDOCX(ctx context.Context, w io.Writer, b *domain.Bundle, o DOCXOptions) error {
	if b == nil || b.Briefing == nil {
		return errNoBriefing
	}
	d := NewDocumentWith(b, Context{Basis: o.Basis, ReadingGuide: o.ReadingGuide})
	if err := d.refusal(); err != nil {
		return err
	}
	var tpl *docxTemplate
	if strings.TrimSpace(o.Template) != "" {
		var err error
		if tpl, err = readTemplateFile(o.Template); err != nil {
			return err
		}
	}
	parts, err := buildDOCX(ctx, d, notesKind(o.Notes), tpl)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := writeZip(&buf, parts); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// writeDOCXFormat is the DOCX writer's entry from the format registry.
func writeDOCXFormat(ctx context.Context, w io.Writer, b *domain.Bundle, opts Options) error {
	return WriteDOCX(ctx, w, b, DOCXOptions{Notes: opts[notesOption.Key], Template: opts[templateOption.Key],
		Basis: opts[basisOption.Key], ReadingGuide: opts[readingGuideOption.Key]})
}

// docxWriter builds the package's parts.
type docxWriter struct {
	ctx         context.Context
	d           *Document
	notes       noteKind
	page        pageSetup
	doc         strings.Builder // word/document.xml
	rels        *relSet         // word/_rels/document.xml.rels
	parts       []part          // media and furniture, in the order made
	figureRels  map[string]string
	bookmarks   int
	figureCount int
	judgments   int             // the key judgments' numId
	numbered    map[string]bool // the styles the template numbers
}

// buildDOCX makes every part of the package in a fixed order: the
// content types first, as Word and other readers expect.
func buildDOCX(ctx context.Context, d *Document, notes noteKind, tpl *docxTemplate) ([]part, error) {
	if tpl == nil {
		tpl = ownTemplate()
	}
	if len(d.Authority) > 0 {
		tpl.withFirstPage() // the block's footer, as the PDF's page 1 has it
	}
	numbering, judgments := numberingPart(tpl.numbering)
	w := &docxWriter{ctx: ctx, d: d, notes: notes, page: tpl.page, rels: &relSet{}, figureRels: map[string]string{}, judgments: judgments,
		numbered: tpl.numbered}
	w.rels.add(relStyles, "styles.xml")
	w.rels.add(relSettings, "settings.xml")
	w.rels.add(relNumbering, "numbering.xml")
	w.rels.add(relFontTable, "fontTable.xml")
	hasNotes := len(d.Notes) > 0
	if hasNotes {
		w.rels.add(notes.relType, path.Base(notes.part))
	}
	if tpl.theme != nil {
		w.rels.add(relTheme, "theme/theme1.xml")
	}
	refs := w.furnitureParts(tpl)
	w.doc.WriteString(xmlHeader + `<w:document ` + wordNS + ` xmlns:wp="` + nsWP + `"><w:body>`)
	if err := w.docxBody(); err != nil {
		return nil, err
	}
	w.sectPr(refs)
	w.doc.WriteString(`</w:body></w:document>`)

	parts := []part{
		{name: "_rels/.rels", data: packageRels()},
		{name: "docProps/core.xml", ctype: ctCore, data: coreXML(d)},
		{name: "docProps/app.xml", ctype: ctApp, data: appXML()},
		{name: "word/document.xml", ctype: ctDocument, data: []byte(w.doc.String())},
		{name: "word/_rels/document.xml.rels", data: w.rels.xml()},
		{name: "word/styles.xml", ctype: ctStyles, data: []byte(tpl.styles)},
	}
	var np *noteKind
	if hasNotes {
		np = &notes
	}
	parts = append(parts, part{name: "word/settings.xml", ctype: ctSettings, data: settingsXML(np, tpl.evenOdd)},
		part{name: "word/numbering.xml", ctype: ctNumbering, data: numbering})
	if n := tpl.numbering; n != nil && n.rels != nil && len(n.rels.list) > 0 {
		parts = append(parts, part{name: "word/_rels/numbering.xml.rels", data: n.rels.xml()})
	}
	parts = append(parts, part{name: "word/fontTable.xml", ctype: ctFontTable, data: tpl.fontTable})
	if hasNotes {
		parts = append(parts, part{name: notes.part, ctype: notes.ctype, data: []byte(notesXML(notes, d.Notes))})
	}
	if tpl.theme != nil {
		parts = append(parts, part{name: "word/theme/theme1.xml", ctype: ctTheme, data: tpl.theme})
	}
	parts = append(parts, w.parts...)
	return append([]part{{name: "[Content_Types].xml", data: contentTypes(parts)}}, parts...), nil
}

// furnitureParts adds the template's headers and footers, furnished with
// the markings, with their relationships and pictures, and gives the
// section's references to them.
func (w *docxWriter) furnitureParts(tpl *docxTemplate) []furnitureRef {
	var refs []furnitureRef
	counts := [2]int{}
	for i, f := range tpl.furniture {
		kind, rt, ct := "header", relHeader, ctHeader
		k := 0
		if f.footer {
			kind, rt, ct, k = "footer", relFooter, ctFooter, 1
		}
		counts[k]++
		name := kind + itoa(counts[k]) + ".xml"
		w.parts = append(w.parts, part{name: "word/" + name, ctype: ct, data: []byte(w.furnish(f, i+1))})
		if f.rels != nil && len(f.rels.list) > 0 {
			w.parts = append(w.parts, part{name: "word/_rels/" + name + ".rels", data: f.rels.xml()})
		}
		refs = append(refs, furnitureRef{footer: f.footer, typ: f.typ, rid: w.rels.add(rt, name)})
	}
	w.parts = append(w.parts, tpl.media...)
	return refs
}
