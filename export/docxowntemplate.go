package export

import "io"

// WriteDOCXTemplate writes Attaché's own house template, a .dotx with
// the styles, page and header and footer layout the DOCX export uses,
// for an analyst or a team to restyle and name in Settings. It is made
// by the code the export uses, so naming it as the template changes
// nothing until it is restyled.
func WriteDOCXTemplate(w io.Writer) error {
	t := ownTemplate()
	dw := &docxWriter{page: t.page, rels: &relSet{}}
	dw.rels.add(relStyles, "styles.xml")
	dw.rels.add(relSettings, "settings.xml")
	dw.rels.add(relFontTable, "fontTable.xml")
	var refs []furnitureRef
	counts := [2]int{}
	for _, f := range t.furniture {
		kind, rt, ct, k := "header", relHeader, ctHeader, 0
		if f.footer {
			kind, rt, ct, k = "footer", relFooter, ctFooter, 1
		}
		counts[k]++
		name := kind + itoa(counts[k]) + ".xml"
		dw.parts = append(dw.parts, part{name: "word/" + name, ctype: ct, data: []byte(f.xml)})
		refs = append(refs, furnitureRef{footer: f.footer, typ: f.typ, rid: dw.rels.add(rt, name)})
	}
	dw.doc.WriteString(xmlHeader + `<w:document ` + wordNS + `><w:body><w:p/>`)
	dw.sectPr(refs)
	dw.doc.WriteString(`</w:body></w:document>`)
	parts := []part{
		{name: "_rels/.rels", data: packageRels()},
		{name: "docProps/core.xml", ctype: ctCore, data: []byte(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Attaché house template</dc:title><dc:creator>Attaché</dc:creator></cp:coreProperties>`)},
		{name: "docProps/app.xml", ctype: ctApp, data: appXML()},
		{name: "word/document.xml", ctype: ctTemplate, data: []byte(dw.doc.String())},
		{name: "word/_rels/document.xml.rels", data: dw.rels.xml()},
		{name: "word/styles.xml", ctype: ctStyles, data: []byte(t.styles)},
		{name: "word/settings.xml", ctype: ctSettings, data: settingsXML(nil, false)},
		{name: "word/fontTable.xml", ctype: ctFontTable, data: t.fontTable},
	}
	parts = append(parts, dw.parts...)
	return writeZip(w, append([]part{{name: "[Content_Types].xml", data: contentTypes(parts)}}, parts...))
}
