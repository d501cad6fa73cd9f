package ingest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"hash/crc32"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// Test DOCX files are built here rather than committed: a .docx is a ZIP of
// XML parts, written below the way Word writes them.

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"`

const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n"

const contentTypes = xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`</Types>`

const rootRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`</Relationships>`

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// run is a w:r with text; extra goes inside the run after the text.
func run(text string) string {
	return `<w:r><w:rPr><w:lang w:val="en-GB"/></w:rPr><w:t xml:space="preserve">` + esc(text) + `</w:t></w:r>`
}

// para is a paragraph in a style ("" for Normal) made of runs.
func para(style string, runs ...string) string {
	ppr := ""
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/><w:spacing w:after="120"/></w:pPr>`
	}
	return `<w:p w:rsidR="00A1">` + ppr + strings.Join(runs, "") + `</w:p>`
}

// item is a list paragraph of numbering numID at level ilvl.
func item(numID, ilvl int, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="` + strconv.Itoa(ilvl) +
		`"/><w:numId w:val="` + strconv.Itoa(numID) + `"/></w:numPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>` +
		run(text) + `</w:p>`
}

func table(rows ...[]string) string {
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/></w:tblGrid>`)
	for _, row := range rows {
		b.WriteString(`<w:tr>`)
		for _, cell := range row {
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>`)
			if strings.HasPrefix(cell, "<") {
				b.WriteString(cell)
			} else {
				for _, p := range strings.Split(cell, "\n") {
					b.WriteString(para("", run(p)))
				}
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	return b.String()
}

func documentXML(body ...string) string {
	return xmlHead + `<w:document ` + wNS + `><w:body>` + strings.Join(body, "") +
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
}

func notesXML(kind string, notes map[int]string) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<w:` + kind + `s ` + wNS + `>`)
	b.WriteString(`<w:` + kind + ` w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:` + kind + `>`)
	b.WriteString(`<w:` + kind + ` w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>cont</w:t></w:r></w:p></w:` + kind + `>`)
	ids := make([]int, 0, len(notes))
	for id := range notes {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	for _, id := range ids {
		b.WriteString(`<w:` + kind + ` w:id="` + strconv.Itoa(id) + `">`)
		for _, p := range strings.Split(notes[id], "\n") {
			b.WriteString(`<w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:` + kind + `Ref/></w:r>` + run(" "+p) + `</w:p>`)
		}
		b.WriteString(`</w:` + kind + `>`)
	}
	b.WriteString(`</w:` + kind + `s>`)
	return b.String()
}

func coreXML(fields map[string]string) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		attr := ""
		if strings.HasPrefix(k, "dcterms:") {
			attr = ` xsi:type="dcterms:W3CDTF"`
		}
		b.WriteString("<" + k + attr + ">" + esc(fields[k]) + "</" + k + ">")
	}
	b.WriteString(`</cp:coreProperties>`)
	return b.String()
}

// buildDOCX zips parts (name → content) in name order, adding the content
// types and package relationships unless given; a "" content leaves a part out.
func buildDOCX(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	all := map[string]string{"[Content_Types].xml": contentTypes, "_rels/.rels": rootRels}
	for k, v := range parts {
		all[k] = v
	}
	names := make([]string, 0, len(all))
	for n, v := range all {
		if v != "" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(all[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// simpleDOCX is a document of plain paragraphs.
func simpleDOCX(t testing.TB, paras ...string) []byte {
	var body []string
	for _, p := range paras {
		body = append(body, para("", run(p)))
	}
	return buildDOCX(t, map[string]string{"word/document.xml": documentXML(body...)})
}

// zeroDeflate is a raw DEFLATE stream of mib MiB of zeros with its CRC-32.
// One flushed MiB compresses the same whatever zeros came before, so that
// block is repeated: a gigabyte bomb is made without compressing a gigabyte.
func zeroDeflate(t testing.TB, mib int) ([]byte, uint32) {
	t.Helper()
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	zeros := make([]byte, 1<<20)
	chunk := func(data []byte, close bool) []byte {
		buf.Reset()
		fw.Write(data)
		if close {
			fw.Close()
		} else {
			fw.Flush()
		}
		return bytes.Clone(buf.Bytes())
	}
	head, mid, tail := chunk(zeros, false), chunk(zeros, false), chunk(nil, true)
	out := append(head, bytes.Repeat(mid, mib-1)...)
	crc := uint32(0)
	for range mib {
		crc = crc32.Update(crc, crc32.IEEETable, zeros)
	}
	return append(out, tail...), crc
}

// rawDOCX packs a document.xml given as a raw DEFLATE stream with header
// sizes of our choosing, as a crafted bomb would.
func rawDOCX(t testing.TB, stream []byte, crc uint32, declared uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(len(stream)), UncompressedSize64: declared})
	if err == nil {
		_, err = w.Write(stream)
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
