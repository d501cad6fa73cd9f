package export

import (
	"archive/zip"
	"bytes"
	"sort"
	"strings"
	"testing"
)

// A small package with one of everything the checker looks at: styles,
// numbering, settings, a footnote, a bookmark, a picture, properties.
const (
	tHead   = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`
	tNS     = `xmlns:w="` + ckW + `" xmlns:r="` + ckR + `" xmlns:wp="` + ckWP + `" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"`
	tRelsNS = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
)

func goodParts() map[string]string {
	return map[string]string{
		"[Content_Types].xml": tHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>` +
			`<Override PartName="/word/document.xml" ContentType="` + ckTypeMain + `"/>` +
			`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
			`</Types>`,
		"_rels/.rels": tHead + `<Relationships ` + tRelsNS + `>` +
			`<Relationship Id="rId1" Type="` + ckRelMain + `" Target="word/document.xml"/>` +
			`<Relationship Id="rId2" Type="` + ckRelCore + `" Target="docProps/core.xml"/>` +
			`<Relationship Id="rId3" Type="` + ckRelApp + `" Target="docProps/app.xml"/></Relationships>`,
		"word/_rels/document.xml.rels": tHead + `<Relationships ` + tRelsNS + `>` +
			`<Relationship Id="rId1" Type="` + ckRelStyles + `" Target="styles.xml"/>` +
			`<Relationship Id="rId2" Type="` + ckRelNumbering + `" Target="numbering.xml"/>` +
			`<Relationship Id="rId3" Type="` + ckRelFootnotes + `" Target="footnotes.xml"/>` +
			`<Relationship Id="rId4" Type="` + ckRelSettings + `" Target="/word/settings.xml"/>` +
			`<Relationship Id="rId5" Type="` + ckR + `/image" Target="media/image1.png"/>` +
			`<Relationship Id="rId6" Type="` + ckR + `/hyperlink" Target="https://example.org/" TargetMode="External"/>` +
			`<Relationship Id="rId7" Type="` + ckR + `/footer" Target="footer1.xml"/>` +
			`</Relationships>`,
		"word/footer1.xml": tHead + `<w:ftr ` + tNS + `><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>OFFICIAL</w:t></w:r></w:p></w:ftr>`,
		"word/document.xml": tHead + `<w:document ` + tNS + `><w:body>` +
			`<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:keepNext/><w:spacing w:after="0"/><w:jc w:val="left"/></w:pPr>` +
			`<w:bookmarkStart w:id="1" w:name="_Sec1"/><w:r><w:t>Heading</w:t></w:r><w:bookmarkEnd w:id="1"/></w:p>` +
			`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>` +
			`<w:r><w:rPr><w:rStyle w:val="Strong"/><w:b/><w:i/><w:sz w:val="24"/><w:lang w:val="en-GB"/></w:rPr><w:t xml:space="preserve">Text </w:t></w:r>` +
			`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>` +
			`<w:hyperlink r:id="rId6"><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p>` +
			`<w:p><w:r><w:drawing><wp:inline><wp:extent cx="1" cy="1"/><wp:docPr id="1" name="Picture 1"/>` +
			`<a:graphic><a:graphicData><a:blip r:embed="rId5"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>` +
			`<w:sectPr><w:footerReference w:type="default" r:id="rId7"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440"/><w:cols/></w:sectPr>` +
			`</w:body></w:document>`,
		"word/styles.xml": tHead + `<w:styles ` + tNS + `><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial"/><w:sz w:val="22"/></w:rPr></w:rPrDefault>` +
			`<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>` +
			`<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
			`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
			`<w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>` +
			`<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>` +
			`<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>` +
			`</w:styles>`,
		"word/numbering.xml": tHead + `<w:numbering ` + tNS + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>` +
			`<w:pPr><w:ind w:left="720"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
		"word/footnotes.xml": tHead + `<w:footnotes ` + tNS + `>` +
			`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
			`<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` +
			`<w:footnote w:id="1"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> A note.</w:t></w:r></w:p></w:footnote>` +
			`</w:footnotes>`,
		"word/settings.xml":     tHead + `<w:settings ` + tNS + `><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr></w:settings>`,
		"word/media/image1.png": "\x89PNG\r\n\x1a\n",
		"docProps/core.xml": tHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
			`xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title></cp:coreProperties>`,
		"docProps/app.xml": tHead + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Attaché</Application></Properties>`,
	}
}

// zipParts zips parts in name order; a "" part is left out.
func zipParts(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	names := make([]string, 0, len(parts))
	for n, v := range parts {
		if v != "" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err == nil {
			_, err = w.Write([]byte(parts[n]))
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// edit replaces old with new in a part, failing the test if old is not there,
// so that a case cannot silently test the good package.
func edit(part, old, new string) func(*testing.T, map[string]string) {
	return func(t *testing.T, parts map[string]string) {
		if !strings.Contains(parts[part], old) {
			t.Fatalf("%s has no %q", part, old)
		}
		parts[part] = strings.Replace(parts[part], old, new, 1)
	}
}

func TestCheckDOCXPassesAGoodPackage(t *testing.T) {
	if probs := docxProblems(zipParts(t, goodParts())); len(probs) > 0 {
		t.Fatalf("the good package has problems:\n%s", strings.Join(probs, "\n"))
	}
}

func TestCheckDOCXCatchesEachBreak(t *testing.T) {
	const doc, sty, fn = "word/document.xml", "word/styles.xml", "word/footnotes.xml"
	const docRels, ct = "word/_rels/document.xml.rels", "[Content_Types].xml"
	for _, c := range []struct {
		name   string
		break_ func(*testing.T, map[string]string)
		want   []string // all in one message
	}{
		{"missing content type", edit(ct, `<Default Extension="png" ContentType="image/png"/>`, ""), []string{"word/media/image1.png", "no content type"}},
		{"override of a missing part", edit(ct, `</Types>`, `<Override PartName="/word/gone.xml" ContentType="application/xml"/></Types>`), []string{ct, "/word/gone.xml", "not in the package"}},
		{"dangling relationship", edit(docRels, `Target="numbering.xml"`, `Target="numbers.xml"`), []string{docRels, "rId2", "word/numbers.xml"}},
		{"duplicate relationship id", edit(docRels, `Id="rId5"`, `Id="rId4"`), []string{docRels, "rId4", "twice"}},
		{"r:embed naming no relationship", edit(doc, `r:embed="rId5"`, `r:embed="rId50"`), []string{doc, "a:blip", "rId50"}},
		{"not well-formed", edit(fn, `</w:footnotes>`, `<w:footnote></w:footnotes>`), []string{fn, "not well-formed"}},
		{"undeclared prefix", edit(doc, `<w:t>link</w:t>`, `<w14:t>link</w14:t>`), []string{doc, "w14", "not declared"}},
		{"duplicate bookmark id", edit(doc, `<w:p><w:r><w:drawing>`, `<w:p><w:bookmarkStart w:id="1" w:name="Other"/><w:bookmarkEnd w:id="1"/><w:r><w:drawing>`), []string{doc, "w:bookmarkStart", `w:id="1"`, "unique"}},
		{"bookmark never closed", edit(doc, `<w:bookmarkEnd w:id="1"/>`, ``), []string{doc, "w:bookmarkStart", "no w:bookmarkEnd"}},
		{"bookmark name too long", edit(doc, `w:name="_Sec1"`, `w:name="`+strings.Repeat("a", 41)+`"`), []string{doc, "w:bookmarkStart", "41 characters"}},
		{"bookmark name with a space", edit(doc, `w:name="_Sec1"`, `w:name="Sec 1"`), []string{doc, "w:bookmarkStart", "not a valid bookmark name"}},
		{"duplicate drawing id", edit(doc, `<w:sectPr>`, `<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="P"/></wp:inline></w:drawing></w:r></w:p><w:sectPr>`), []string{doc, "wp:docPr", "drawing ids"}},
		{"rPr out of order", edit(doc, `<w:b/><w:i/><w:sz w:val="24"/>`, `<w:sz w:val="24"/><w:b/><w:i/>`), []string{doc, "w:rPr", "w:b comes after w:sz"}},
		{"rPr element twice", edit(doc, `<w:b/><w:i/>`, `<w:b/><w:b/><w:i/>`), []string{doc, "w:b appears twice"}},
		{"pPr out of order", edit(doc, `<w:spacing w:after="0"/><w:jc w:val="left"/>`, `<w:jc w:val="left"/><w:spacing w:after="0"/>`), []string{doc, "w:pPr", "w:spacing comes after w:jc"}},
		{"unknown pPr element", edit(doc, `<w:keepNext/>`, `<w:keepWithNext/>`), []string{doc, "w:keepWithNext", "unknown element"}},
		{"sectPr out of order", edit(doc, `<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440"/>`, `<w:pgMar w:top="1440"/><w:pgSz w:w="11906" w:h="16838"/>`), []string{doc, "w:sectPr", "w:pgSz comes after w:pgMar"}},
		{"style rPr out of order", edit(sty, `<w:b/><w:sz w:val="32"/>`, `<w:sz w:val="32"/><w:b/>`), []string{sty, "w:style", "w:b comes after w:sz"}},
		{"docDefaults rPr out of order", edit(sty, `<w:rFonts w:ascii="Arial"/><w:sz w:val="22"/>`, `<w:sz w:val="22"/><w:rFonts w:ascii="Arial"/>`), []string{sty, "w:docDefaults", "w:rFonts comes after w:sz"}},
		{"missing style", edit(doc, `<w:pStyle w:val="Heading1"/>`, `<w:pStyle w:val="Heading9"/>`), []string{doc, "w:pStyle", "Heading9", "names no style"}},
		{"character style as paragraph style", edit(doc, `<w:pStyle w:val="Heading1"/>`, `<w:pStyle w:val="Strong"/>`), []string{doc, "w:pStyle", "character style"}},
		{"basedOn a missing style", edit(sty, `<w:basedOn w:val="Normal"/>`, `<w:basedOn w:val="Body"/>`), []string{sty, "w:basedOn", "Body"}},
		{"style id twice", edit(sty, `w:styleId="Strong"`, `w:styleId="Heading1"`), []string{sty, "Heading1", "defined twice"}},
		{"missing list", edit(doc, `<w:numId w:val="1"/>`, `<w:numId w:val="7"/>`), []string{doc, "w:numId", `"7"`}},
		{"footnote reference to a missing note", edit(doc, `<w:footnoteReference w:id="1"/>`, `<w:footnoteReference w:id="2"/>`), []string{doc, "w:footnoteReference", `w:id="2"`, "names no w:footnote"}},
		{"footnote reference to the separator", edit(doc, `<w:footnoteReference w:id="1"/>`, `<w:footnoteReference w:id="0"/>`), []string{doc, "w:footnoteReference", "continuationSeparator"}},
		{"no separator", edit(fn, `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>`, ``), []string{fn, `"separator"`}},
		{"settings name a missing separator", edit(fn, `w:type="separator" w:id="-1"`, `w:type="separator" w:id="-2"`), []string{"word/settings.xml", "w:footnotePr", `"-1"`}},
		{"footnote id twice", edit(fn, `<w:footnote w:id="1">`, `<w:footnote w:id="0">`), []string{fn, `w:id="0"`, "twice"}},
		{"w:t straight in w:p", edit(doc, `<w:r><w:t>Heading</w:t></w:r>`, `<w:t>Heading</w:t>`), []string{doc, "w:t", "inside a w:r"}},
		{"w:p inside w:r", edit(doc, `<w:r><w:t>link</w:t></w:r>`, `<w:r><w:p/></w:r>`), []string{doc, "w:p is not allowed directly in w:r"}},
		{"rPr not first in w:r", edit(doc, `<w:rPr><w:rStyle w:val="Strong"/><w:b/><w:i/><w:sz w:val="24"/><w:lang w:val="en-GB"/></w:rPr><w:t xml:space="preserve">Text </w:t>`, `<w:t xml:space="preserve">Text </w:t><w:rPr><w:b/></w:rPr>`), []string{doc, "w:rPr must be the first child"}},
		{"main document not the officeDocument target", edit("_rels/.rels", `Type="`+ckRelMain+`"`, `Type="`+ckR+`/document"`), []string{"_rels/.rels", "0 officeDocument"}},
		{"app.xml broken", edit("docProps/app.xml", `</Properties>`, ``), []string{"docProps/app.xml", "not well-formed"}},
		{"footer reference to a hyperlink", edit(doc, `r:id="rId7"`, `r:id="rId6"`), []string{doc, "w:footerReference", "hyperlink", "want footer"}},
		{"table cell without a paragraph", edit(doc, `<w:sectPr>`, `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="100" w:type="dxa"/></w:tcPr></w:tc></w:tr></w:tbl><w:p/><w:sectPr>`), []string{doc, "w:tc", "must end with a w:p"}},
		{"table without a grid", edit(doc, `<w:sectPr>`, `<w:tbl><w:tblPr/><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/><w:sectPr>`), []string{doc, "w:tbl", "w:tblGrid"}},
		{"tblPr out of order", edit(doc, `<w:sectPr>`, `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblStyle w:val="x"/></w:tblPr><w:tblGrid/><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/><w:sectPr>`), []string{doc, "w:tblStyle comes after w:tblW"}},
		{"sectPr not last in the body", edit(doc, `</w:sectPr></w:body>`, `</w:sectPr><w:p/></w:body>`), []string{doc, "w:sectPr must be the body's last child"}},
		{"docPr without a name", edit(doc, `<wp:docPr id="1" name="Picture 1"/>`, `<wp:docPr id="1"/>`), []string{doc, "wp:docPr", "a name"}},
		{"leading space not preserved", edit(doc, `<w:t>link</w:t>`, `<w:t> link</w:t>`), []string{doc, "w:t", "xml:space"}},
		{"settings out of order", edit("word/settings.xml", `</w:footnotePr>`, `</w:footnotePr><w:zoom w:percent="100"/>`), []string{"word/settings.xml", "w:zoom comes after w:footnotePr"}},
		{"footnotePr out of order", edit("word/settings.xml", `<w:footnote w:id="0"/>`, `<w:footnote w:id="0"/><w:numFmt w:val="decimal"/>`), []string{"word/settings.xml", "w:numFmt comes after w:footnote"}},
		{"core.xml without a title", edit("docProps/core.xml", `<dc:title>T</dc:title></cp:coreProperties>`, `</cp:coreProperties>`), nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			parts := goodParts()
			c.break_(t, parts)
			probs := docxProblems(zipParts(t, parts))
			if c.want == nil {
				if len(probs) > 0 { // a harmless edit stays harmless
					t.Fatalf("problems in a package Word opens:\n%s", strings.Join(probs, "\n"))
				}
				return
			}
			if !anyHasAll(probs, c.want) {
				t.Fatalf("no message with all of %q; got:\n%s", c.want, strings.Join(probs, "\n"))
			}
		})
	}
}

func anyHasAll(msgs, want []string) bool {
	for _, m := range msgs {
		all := true
		for _, w := range want {
			all = all && strings.Contains(m, w)
		}
		if all {
			return true
		}
	}
	return false
}
