package export

import (
	"strings"
	"time"
)

// The package's small parts: content types, relationships, properties,
// settings and fonts (numbering is in docxnumbering.go). Each is a
// function of the Document and the page alone, so the same briefing
// gives the same bytes.

// Relationship types and content types the package uses.
const (
	relBase      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	relDocument  = relBase + "officeDocument"
	relStyles    = relBase + "styles"
	relSettings  = relBase + "settings"
	relNumbering = relBase + "numbering"
	relFontTable = relBase + "fontTable"
	relTheme     = relBase + "theme"
	relFootnotes = relBase + "footnotes"
	relEndnotes  = relBase + "endnotes"
	relHeader    = relBase + "header"
	relFooter    = relBase + "footer"
	relImage     = relBase + "image"
	relApp       = relBase + "extended-properties"
	relCore      = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"

	ctBase      = "application/vnd.openxmlformats-officedocument."
	ctWML       = ctBase + "wordprocessingml."
	ctDocument  = ctWML + "document.main+xml"
	ctTemplate  = ctWML + "template.main+xml"
	ctStyles    = ctWML + "styles+xml"
	ctSettings  = ctWML + "settings+xml"
	ctNumbering = ctWML + "numbering+xml"
	ctFontTable = ctWML + "fontTable+xml"
	ctFootnotes = ctWML + "footnotes+xml"
	ctEndnotes  = ctWML + "endnotes+xml"
	ctHeader    = ctWML + "header+xml"
	ctFooter    = ctWML + "footer+xml"
	ctTheme     = ctBase + "theme+xml"
	ctCore      = "application/vnd.openxmlformats-package.core-properties+xml"
	ctApp       = ctBase + "extended-properties+xml"
	ctRels      = "application/vnd.openxmlformats-package.relationships+xml"
)

// part is one file of the package; ctype "" for a file the defaults
// cover (pictures by their extension, relationships).
type part struct {
	name  string
	ctype string
	data  []byte
}

// rel is one relationship; target is relative to the source part's
// folder, or a URL when external.
type rel struct {
	id, typ, target string
	external        bool
}

// relSet numbers relationships in the order they are added.
type relSet struct{ list []rel }

func (s *relSet) add(typ, target string) string {
	id := "rId" + itoa(len(s.list)+1)
	s.list = append(s.list, rel{id: id, typ: typ, target: target})
	return id
}

func (s *relSet) xml() []byte {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, r := range s.list {
		kv := []string{"Id", r.id, "Type", r.typ, "Target", r.target}
		if r.external {
			kv = append(kv, "TargetMode", "External")
		}
		b.WriteString("<Relationship")
		attrs(&b, kv...)
		b.WriteString("/>")
	}
	b.WriteString("</Relationships>")
	return []byte(b.String())
}

// contentTypes lists a Default for pictures and relationships and an
// Override for every other part, so that no part is left untyped.
func contentTypes(parts []part) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	for _, d := range [][2]string{{"rels", ctRels}, {"xml", "application/xml"}, {"png", "image/png"},
		{"jpeg", "image/jpeg"}, {"jpg", "image/jpeg"}, {"gif", "image/gif"}, {"emf", "image/x-emf"}, {"wmf", "image/x-wmf"}} {
		b.WriteString(`<Default Extension="` + d[0] + `" ContentType="` + d[1] + `"/>`)
	}
	for _, p := range parts {
		if p.ctype != "" {
			b.WriteString(`<Override PartName="/` + xmlText(p.name) + `" ContentType="` + p.ctype + `"/>`)
		}
	}
	b.WriteString(`</Types>`)
	return []byte(b.String())
}

// packageRels is _rels/.rels.
func packageRels() []byte {
	s := &relSet{}
	s.add(relDocument, "word/document.xml")
	s.add(relCore, "docProps/core.xml")
	s.add(relApp, "docProps/app.xml")
	return s.xml()
}

// coreXML is docProps/core.xml: the title, the author, the subject and
// the keywords, and the briefing's dates, never the clock's.
func coreXML(d *Document) []byte {
	br := d.Briefing
	subject := br.Subtitle
	if subject == "" {
		subject = br.Summary
	}
	created := docTime(br)
	modified := created
	if !br.UpdatedAt.IsZero() && br.UpdatedAt.After(created) {
		modified = br.UpdatedAt
	}
	var b strings.Builder
	b.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	b.WriteString(`<dc:title>` + xmlText(br.Title) + `</dc:title>`)
	b.WriteString(`<dc:subject>` + xmlText(clipText(subject, 240)) + `</dc:subject>`)
	b.WriteString(`<dc:creator>` + xmlText(br.Author) + `</dc:creator>`)
	b.WriteString(`<cp:keywords>` + xmlText(strings.Join(d.Keywords, ", ")) + `</cp:keywords>`)
	b.WriteString(`<cp:lastModifiedBy>` + xmlText(br.Author) + `</cp:lastModifiedBy>`)
	b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + w3cdtf(created) + `</dcterms:created>`)
	b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + w3cdtf(modified) + `</dcterms:modified>`)
	b.WriteString(`</cp:coreProperties>`)
	return []byte(b.String())
}

func w3cdtf(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

// appXML is docProps/app.xml.
func appXML() []byte {
	return []byte(xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
		`xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
		`<Template>Normal.dotm</Template><Application>Attaché</Application><DocSecurity>0</DocSecurity>` +
		`<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><AppVersion>16.0000</AppVersion></Properties>`)
}

// settingsXML is word/settings.xml in the schema's order: Word updates
// the fields on opening (the contents, the page count), and the notes
// part holds its separators.
func settingsXML(notes *noteKind, evenOdd bool) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:settings ` + wordNS + `>`)
	b.WriteString(`<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>`)
	if evenOdd {
		b.WriteString(`<w:evenAndOddHeaders/>`)
	}
	b.WriteString(`<w:characterSpacingControl w:val="doNotCompress"/><w:updateFields w:val="true"/>`)
	if notes != nil {
		b.WriteString(`<w:` + notes.elem + `Pr>` + notes.props() + `<w:` + notes.elem + ` w:id="-1"/><w:` + notes.elem + ` w:id="0"/></w:` + notes.elem + `Pr>`)
	}
	b.WriteString(`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>`)
	b.WriteString(`</w:settings>`)
	return []byte(b.String())
}

// fontTableXML names the fonts the styles use.
func fontTableXML() []byte {
	return []byte(xmlHeader + `<w:fonts ` + wordNS + `>` +
		`<w:font w:name="` + serifFont + `"><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
		`<w:font w:name="` + sansFont + `"><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>` +
		`</w:fonts>`)
}
