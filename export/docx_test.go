package export

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// docxBundle is pdfBundle's SECRET briefing with two sections, its key
// judgments linked to evidence (so the draft prints their basis) and a
// figure after the first section's excerpts.
func docxBundle(t testing.TB, status domain.Status) *domain.Bundle {
	b := pdfBundle(2, status)
	q1 := b.Briefing.Blocks[4].Excerpt
	b.Briefing.Blocks[0].Evidence = []domain.Evidence{{ExcerptID: q1.ID, Stance: domain.StanceSupports, Excerpt: q1}}
	fig := &domain.Excerpt{ID: 9, SourceID: 7, Quote: "Faults by year", Marking: "U", Figure: newFigure(t, 4, 300, 200, 1, "Cable faults by year")}
	blocks := append([]*domain.Block{}, b.Briefing.Blocks[:12]...)
	blocks = append(blocks, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: 9, Excerpt: fig})
	b.Briefing.Blocks = append(blocks, b.Briefing.Blocks[12:]...)
	return b
}

func docxBytes(t testing.TB, b *domain.Bundle, o DOCXOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteDOCX(context.Background(), &buf, b, o); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// unzipDOCX gives a package's parts by name, checking each is well-formed
// XML (pictures aside).
func unzipDOCX(t testing.TB, data []byte) map[string]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range z.File {
		if f.Method != zip.Deflate {
			t.Errorf("%s is not deflated", f.Name)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = string(body)
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			d := xml.NewDecoder(bytes.NewReader(body))
			for {
				if _, err := d.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s is not well-formed: %v", f.Name, err)
				}
			}
		}
	}
	return out
}

func TestDOCXParts(t *testing.T) {
	parts := unzipDOCX(t, docxBytes(t, docxBundle(t, domain.StatusDraft), DOCXOptions{}))
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
		"word/styles.xml", "word/settings.xml", "word/numbering.xml", "word/fontTable.xml", "word/footnotes.xml",
		"word/header1.xml", "word/footer1.xml", "docProps/core.xml", "docProps/app.xml", "word/media/figure1.png"} {
		if _, ok := parts[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	if _, ok := parts["word/endnotes.xml"]; ok {
		t.Error("footnotes asked for, endnotes.xml written")
	}
	// Every part has a content type, and every relationship's target is
	// in the package.
	ct := parts["[Content_Types].xml"]
	for name := range parts {
		ext := name[strings.LastIndex(name, ".")+1:]
		if !strings.Contains(ct, `PartName="/`+name+`"`) && !strings.Contains(ct, `Extension="`+ext+`"`) {
			t.Errorf("%s has no content type", name)
		}
	}
	for _, m := range regexp.MustCompile(`Target="([^"]+)"`).FindAllStringSubmatch(parts["word/_rels/document.xml.rels"], -1) {
		if _, ok := parts["word/"+m[1]]; !ok {
			t.Errorf("document relationship to %s, which is not in the package", m[1])
		}
	}
	if !strings.Contains(ct, ctDocument) || strings.Contains(ct, ctTemplate) {
		t.Error("the main part is not typed as a document")
	}
}

// TestDOCXContents: the contents field stands where the PDF lists the
// contents, after the key judgments, and only for three sections or more.
func TestDOCXContents(t *testing.T) {
	b := docxBundle(t, domain.StatusDraft)
	toc := `TOC \o "1-3" \h \z \u`
	if doc := unzipDOCX(t, docxBytes(t, b, DOCXOptions{}))["word/document.xml"]; strings.Contains(doc, toc) {
		t.Errorf("%d sections have a contents field; the PDF lists none under 3", NewDocument(b).Sections)
	}
	b.Briefing.Blocks = append(b.Briefing.Blocks, &domain.Block{Type: domain.BlockHeading, Text: "Section C", Marking: b.Briefing.Blocks[0].Marking},
		&domain.Block{Type: domain.BlockHeading, Text: "Section D", Marking: b.Briefing.Blocks[0].Marking})
	doc := unzipDOCX(t, docxBytes(t, b, DOCXOptions{}))["word/document.xml"]
	at, judgments, first := strings.Index(doc, toc), strings.Index(doc, `w:name="_Toc_judgments"`), strings.Index(doc, `w:name="_Toc_sec_1"`)
	if at < 0 || judgments < 0 || !(judgments < at && at < first) {
		t.Errorf("contents field at %d, want after the key judgments (%d) and before section 1 (%d)", at, judgments, first)
	}
	if !strings.Contains(doc, `<w:pStyle w:val="`+stTOCHeading+`"/>`) {
		t.Error("the contents have no heading")
	}
	// The field's result is written beforehand: every section, linked to
	// its heading's bookmark, between the field's separator and its end.
	sep := strings.Index(doc[at:], `w:fldCharType="separate"`)
	end := strings.Index(doc[at:], `w:fldCharType="end"`)
	if sep < 0 || end < sep {
		t.Fatalf("the contents field has no result: separate at %d, end at %d", sep, end)
	}
	result := doc[at+sep : at+end]
	d := NewDocument(b)
	n := 0
	for _, it := range d.Body {
		if it.Type != domain.BlockHeading {
			continue
		}
		n++
		link := `<w:hyperlink w:anchor="_Toc_sec_` + it.Number + `"`
		if !strings.Contains(result, link) || !strings.Contains(result, it.Text) {
			t.Errorf("the contents lack section %s %q linked to its bookmark", it.Number, it.Text)
		}
		if !strings.Contains(doc, `w:name="_Toc_sec_`+it.Number+`"`) {
			t.Errorf("no bookmark for section %s", it.Number)
		}
	}
	if got := strings.Count(result, "<w:hyperlink "); got != n || n < 3 {
		t.Errorf("the contents list %d entries for %d sections", got, n)
	}
	if strings.Contains(result, "Update fields") {
		t.Error("the contents still show the placeholder")
	}
}

func TestDOCXContent(t *testing.T) {
	b := docxBundle(t, domain.StatusDraft)
	b.Briefing.Blocks[3].Text = "Costs\x01 rise: a < b & c,\nthen fall.\n\nA second paragraph."
	d := NewDocument(b)
	parts := unzipDOCX(t, docxBytes(t, b, DOCXOptions{}))
	doc := parts["word/document.xml"]
	for _, style := range []string{stTitle, stSubtitle, stHeading1, stQuote, stJudgment, stBottomLine, stBLUFLabel, stBasis,
		stCommentary, stAnalystNote, stCaption, stSource, stSourceInfo, stDetails} {
		if !strings.Contains(doc, `<w:pStyle w:val="`+style+`"/>`) {
			t.Errorf("the document uses no %s paragraph", style)
		}
		if !strings.Contains(parts["word/styles.xml"], `w:styleId="`+style+`"`) {
			t.Errorf("styles.xml lacks %s", style)
		}
	}
	// Every style the document names is defined.
	for _, m := range regexp.MustCompile(`<w:[pr]Style w:val="([^"]+)"/>`).FindAllStringSubmatch(doc+parts["word/footnotes.xml"], -1) {
		if !strings.Contains(parts["word/styles.xml"], `w:styleId="`+m[1]+`"`) {
			t.Errorf("style %s is used but not defined", m[1])
		}
	}
	// One Word footnote per note, referred to once each, in order.
	refs := regexp.MustCompile(`<w:footnoteReference w:id="(\d+)"/>`).FindAllStringSubmatch(doc, -1)
	notes := regexp.MustCompile(`<w:footnote w:id="(\d+)">`).FindAllStringSubmatch(parts["word/footnotes.xml"], -1)
	if len(d.Notes) < 5 || len(refs) != len(d.Notes) || len(notes) != len(d.Notes) {
		t.Fatalf("%d notes, %d references, %d footnotes", len(d.Notes), len(refs), len(notes))
	}
	for i, r := range refs {
		if r[1] != itoa(i+1) || notes[i][1] != itoa(i+1) {
			t.Errorf("reference %d is to note %s, footnote %s", i+1, r[1], notes[i][1])
		}
	}
	fn := parts["word/footnotes.xml"]
	if !strings.Contains(fn, `w:type="separator" w:id="-1"`) || !strings.Contains(fn, `w:type="continuationSeparator" w:id="0"`) {
		t.Error("footnotes.xml lacks its separators")
	}
	if !strings.Contains(fn, xmlText(d.Notes[0].Text)) {
		t.Errorf("the first note's text %q is not in footnotes.xml", d.Notes[0].Text)
	}
	// The portion marks, the numbering, the confidence and the figure.
	for _, want := range []string{"(U) Subsea cables: resilience options", "(S) Ελληνικά: καλώδιο.", "(U) Section B",
		"(moderate\u00a0confidence)", "Figure 1: ", "Cable faults by year", "Basis: ",
		"SHA-256 ", "Analyst’s note: ", "Bottom line up front", "(U) Costs rise: a < b & c,", "then fall.", "A second paragraph."} {
		if !strings.Contains(doc, xmlText(want)) {
			t.Errorf("document.xml lacks the text %q", want)
		}
	}
	for _, want := range []string{`c,</w:t><w:br/><w:t xml:space="preserve">then fall.`, `w:name="_Toc_sec_1"`, `w:name="_Toc_sec_2"`, `<w:numId w:val="1"/>`, `r:embed="`,
		`<w:t xml:space="preserve">1 </w:t>`, `<w:t xml:space="preserve">2 </w:t>`, `<w:gridCol w:w="1840"/>`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	// The bookmark ids are unique.
	ids := regexp.MustCompile(`<w:bookmarkStart w:id="(\d+)"`).FindAllStringSubmatch(doc, -1)
	seen := map[string]bool{}
	for _, m := range ids {
		if seen[m[1]] {
			t.Errorf("bookmark id %s twice", m[1])
		}
		seen[m[1]] = true
	}
	if !strings.Contains(parts["word/settings.xml"], `<w:updateFields w:val="true"/>`) {
		t.Error("settings do not ask Word to update the fields")
	}
}

// TestDOCXFirstPage: the pages are furnished as the PDF's: page 1 with
// the banner alone at the top and the authority block above the page
// number and the banner at the foot; later pages with the running header
// under the banner, and no authority block.
func TestDOCXFirstPage(t *testing.T) {
	parts := unzipDOCX(t, docxBytes(t, docxBundle(t, domain.StatusFinal), DOCXOptions{}))
	doc := parts["word/document.xml"]
	if !strings.Contains(doc, "<w:titlePg/>") {
		t.Fatal("no distinct first page")
	}
	if strings.Contains(doc, "Classified By") {
		t.Error("the authority block is in the text, not the first page's footer")
	}
	byType := map[string]string{}
	for _, m := range regexp.MustCompile(`<w:(header|footer)Reference w:type="(\w+)" r:id="(rId\d+)"/>`).FindAllStringSubmatch(doc, -1) {
		target := regexp.MustCompile(`Id="` + m[3] + `" Type="[^"]+" Target="([^"]+)"`).FindStringSubmatch(parts["word/_rels/document.xml.rels"])
		if target == nil {
			t.Fatalf("no relationship %s", m[3])
		}
		byType[m[1]+" "+m[2]] = parts["word/"+target[1]]
	}
	firstFoot, foot := byType["footer first"], byType["footer default"]
	a, p, s := strings.Index(firstFoot, "Classified By: J. Smith"), strings.Index(firstFoot, " PAGE "), strings.LastIndex(firstFoot, ">SECRET<")
	if a < 0 || !(a < p && p < s) {
		t.Errorf("the first footer is not authority, page number, banner (%d, %d, %d):\n%s", a, p, s, firstFoot)
	}
	if strings.Contains(foot, "Classified By") || !strings.Contains(foot, " PAGE ") || !strings.Contains(foot, ">SECRET<") {
		t.Errorf("the later pages' footer is wrong:\n%s", foot)
	}
	head, firstHead := byType["header default"], byType["header first"]
	if !strings.Contains(head, stRunningHead) || !strings.Contains(head, "1 October 2026") || !strings.Contains(head, ">SECRET<") {
		t.Errorf("the later pages' header lacks the banner or the running header:\n%s", head)
	}
	if strings.Contains(firstHead, stRunningHead) || !strings.Contains(firstHead, ">SECRET<") {
		t.Errorf("the first page's header is not the banner alone:\n%s", firstHead)
	}
}

func TestDOCXFurniture(t *testing.T) {
	draft := unzipDOCX(t, docxBytes(t, docxBundle(t, domain.StatusDraft), DOCXOptions{}))
	for _, name := range []string{"word/header1.xml", "word/footer1.xml"} {
		if !strings.Contains(draft[name], `<w:pStyle w:val="AttacheBanner"/>`) || !strings.Contains(draft[name], ">SECRET<") {
			t.Errorf("%s has no SECRET banner:\n%s", name, draft[name])
		}
		if strings.Contains(draft[name], "CLASSIFICATION BANNER") {
			t.Errorf("%s keeps the template's placeholder", name)
		}
	}
	f := draft["word/footer1.xml"]
	if !strings.Contains(f, "> PAGE <") || !strings.Contains(f, "> NUMPAGES <") || !strings.Contains(f, ">Page <") {
		t.Errorf("the footer lacks Page X of Y:\n%s", f)
	}
	if !strings.Contains(draft["word/header1.xml"], `string="DRAFT"`) || !strings.Contains(draft["word/header1.xml"], "PowerPlusWaterMarkObject") {
		t.Error("a draft has no watermark")
	}
	final := unzipDOCX(t, docxBytes(t, docxBundle(t, domain.StatusFinal), DOCXOptions{}))
	if strings.Contains(final["word/header1.xml"], "WaterMark") || strings.Contains(final["word/header1.xml"], "DRAFT") {
		t.Error("a final briefing carries the draft watermark")
	}
	// The PDF's order holds the sectPr's: headers, footers, page, margins.
	doc := final["word/document.xml"]
	sect := doc[strings.LastIndex(doc, "<w:sectPr>"):]
	order := []string{"<w:headerReference", "<w:footerReference", "<w:pgSz", "<w:pgMar"}
	last := -1
	for _, o := range order {
		i := strings.Index(sect, o)
		if i <= last {
			t.Errorf("sectPr out of order at %s: %s", o, sect)
		}
		last = i
	}
	if !strings.Contains(sect, `w:w="11906" w:h="16838"`) {
		t.Errorf("not A4: %s", sect)
	}
}

func TestDOCXCoreProperties(t *testing.T) {
	b := docxBundle(t, domain.StatusFinal)
	core := unzipDOCX(t, docxBytes(t, b, DOCXOptions{}))["docProps/core.xml"]
	for _, want := range []string{"<dc:title>Subsea cables: resilience options for the alliance</dc:title>", "<dc:creator>Maritime Desk</dc:creator>",
		"<dc:subject>Repair capacity, insurance and chokepoints</dc:subject>", "<cp:keywords>cables, resilience</cp:keywords>",
		`<dcterms:created xsi:type="dcterms:W3CDTF">2026-10-01T00:00:00Z</dcterms:created>`} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml lacks %s:\n%s", want, core)
		}
	}
}

func TestDOCXIsDeterministic(t *testing.T) {
	a := docxBytes(t, docxBundle(t, domain.StatusDraft), DOCXOptions{})
	b := docxBytes(t, docxBundle(t, domain.StatusDraft), DOCXOptions{})
	if !bytes.Equal(a, b) {
		t.Fatal("the same briefing gave different DOCX files")
	}
	z, _ := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if z.File[0].Name != "[Content_Types].xml" || !z.File[0].Modified.Equal(zipEpoch) {
		t.Errorf("first entry %s at %v", z.File[0].Name, z.File[0].Modified)
	}
}

func TestDOCXEndnotes(t *testing.T) {
	b := docxBundle(t, domain.StatusDraft)
	parts := unzipDOCX(t, docxBytes(t, b, DOCXOptions{Notes: "endnotes"}))
	if _, ok := parts["word/footnotes.xml"]; ok {
		t.Error("endnotes asked for, footnotes.xml written")
	}
	n := len(NewDocument(b).Notes)
	if got := strings.Count(parts["word/endnotes.xml"], "<w:endnoteRef/>"); got != n {
		t.Errorf("%d endnotes, want %d", got, n)
	}
	if got := strings.Count(parts["word/document.xml"], "<w:endnoteReference "); got != n {
		t.Errorf("%d endnote references, want %d", got, n)
	}
	if !strings.Contains(parts["word/settings.xml"], `<w:endnotePr><w:pos w:val="docEnd"/><w:numFmt w:val="decimal"/><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr>`) {
		t.Error("settings lack the endnotes' decimal numbers or separators")
	}
	if !strings.Contains(parts["word/_rels/document.xml.rels"], "endnotes.xml") {
		t.Error("no relationship to endnotes.xml")
	}
}

func TestDOCXRefusesWrongMarkings(t *testing.T) {
	b := schemeBundle(domain.SchemeUK, "uk:O", "uk:O", "uk:O")
	b.Briefing.Blocks[2].Marking = domain.MarkingUnclassified
	var buf bytes.Buffer
	err := WriteDOCX(context.Background(), &buf, b, DOCXOptions{})
	var r *Refusal
	if !errors.As(err, &r) || buf.Len() != 0 {
		t.Fatalf("%v (%d bytes written), want a refusal and nothing written", err, buf.Len())
	}
	var pdf bytes.Buffer
	if perr := WritePDF(context.Background(), &pdf, b, PDFOptions{}); perr == nil || perr.Error() != err.Error() {
		t.Errorf("DOCX refuses otherwise than PDF:\n%v\n%v", err, perr)
	}
}

func TestDOCXStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var buf bytes.Buffer
	if err := WriteDOCX(ctx, &buf, docxBundle(t, domain.StatusDraft), DOCXOptions{}); !errors.Is(err, context.Canceled) || buf.Len() != 0 {
		t.Fatalf("%v, %d bytes written; want context.Canceled and nothing", err, buf.Len())
	}
}

func TestDOCXReadingGuideAsTables(t *testing.T) {
	parts := unzipDOCX(t, docxBytes(t, basisBundle(), DOCXOptions{}))
	doc := parts["word/document.xml"]
	if !strings.Contains(doc, GuideTitle) || strings.Count(doc, "<w:tbl>") < 2 {
		t.Errorf("the guide is not there as tables (%d tables)", strings.Count(doc, "<w:tbl>"))
	}
	if !strings.Contains(doc, "Highly likely") && !strings.Contains(doc, "likely") {
		t.Error("the scale's terms are missing")
	}
}

// writeTemplate writes a .docx made of parts to a temporary file.
func writeTemplate(t *testing.T, name string, parts map[string]string) string {
	t.Helper()
	var list []part
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		list = append(list, part{name: n, data: []byte(parts[n])})
	}
	var buf bytes.Buffer
	if err := writeZip(&buf, list); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDOCXOwnTemplateChangesNothing(t *testing.T) {
	var tpl bytes.Buffer
	if err := WriteDOCXTemplate(&tpl); err != nil {
		t.Fatal(err)
	}
	tparts := unzipDOCX(t, tpl.Bytes())
	if !strings.Contains(tparts["[Content_Types].xml"], ctTemplate) {
		t.Error("the house template is not typed as a template")
	}
	p := filepath.Join(t.TempDir(), "house.dotx")
	if err := os.WriteFile(p, tpl.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	b := docxBundle(t, domain.StatusDraft)
	plain := unzipDOCX(t, docxBytes(t, b, DOCXOptions{}))
	with := unzipDOCX(t, docxBytes(t, b, DOCXOptions{Template: p}))
	for _, name := range []string{"word/styles.xml", "word/document.xml", "word/header1.xml", "word/footer1.xml", "word/settings.xml"} {
		if plain[name] != with[name] {
			t.Errorf("%s differs with Attaché's own template", name)
		}
	}
	if !strings.Contains(with["[Content_Types].xml"], ctDocument) || strings.Contains(with["[Content_Types].xml"], ctTemplate) {
		t.Error("the template's content type leaked into the document")
	}
}

func TestDOCXTemplateStylesWin(t *testing.T) {
	styles := xmlHeader + `<w:styles ` + wordNS + `><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>` +
		`<w:rPr><w:color w:val="FF0000"/></w:rPr></w:style></w:styles>`
	doc := xmlHeader + `<w:document ` + wordNS + `><w:body><w:p/><w:sectPr><w:headerReference w:type="default" r:id="rId9"/>` +
		`<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="720" w:footer="720" w:gutter="0"/><w:titlePg/></w:sectPr></w:body></w:document>`
	hdr := xmlHeader + `<w:hdr ` + wordNS + `><w:p><w:r><w:t>Ministry letterhead</w:t></w:r><w:r><w:drawing><a:blip xmlns:a="` + nsDrawingML + `" r:embed="rId1"/></w:drawing></w:r></w:p></w:hdr>`
	p := writeTemplate(t, "house.docx", map[string]string{
		"word/styles.xml": styles, "word/document.xml": doc, "word/header7.xml": hdr,
		"word/_rels/document.xml.rels": string((&relSet{list: []rel{{id: "rId9", typ: relHeader, target: "header7.xml"}}}).xml()),
		"word/_rels/header7.xml.rels":  string((&relSet{list: []rel{{id: "rId1", typ: relImage, target: "media/logo.png"}}}).xml()),
		"word/media/logo.png":          "not really a png",
	})
	parts := unzipDOCX(t, docxBytes(t, docxBundle(t, domain.StatusDraft), DOCXOptions{Template: p}))
	st := parts["word/styles.xml"]
	if !strings.Contains(st, `<w:color w:val="FF0000"/>`) || strings.Count(st, `w:styleId="Heading1"`) != 1 {
		t.Error("the template's Heading1 did not win")
	}
	for _, id := range []string{stBottomLine, stJudgment, stQuote, stBanner, stSource} {
		if !strings.Contains(st, `w:styleId="`+id+`"`) {
			t.Errorf("%s, missing from the template, was not added", id)
		}
	}
	doc2 := parts["word/document.xml"]
	if !strings.Contains(doc2, `<w:pgSz w:w="12240" w:h="15840"/>`) || !strings.Contains(doc2, "<w:titlePg/>") {
		t.Error("the template's page (Letter, title page) was not taken")
	}
	// The letterhead keeps its picture and gains the banner on top; the
	// first page and the footer, which the template lacks, get Attaché's.
	var letterhead string
	for name, x := range parts {
		if strings.HasPrefix(name, "word/header") && strings.Contains(x, "Ministry letterhead") {
			letterhead = name
		}
	}
	if letterhead == "" {
		t.Fatal("the template's header was not taken")
	}
	h := parts[letterhead]
	if i, j := strings.Index(h, ">SECRET<"), strings.Index(h, "Ministry letterhead"); i < 0 || i > j {
		t.Error("the banner is not at the top of the template's header")
	}
	rels := parts["word/_rels/"+strings.TrimPrefix(letterhead, "word/")+".rels"]
	m := regexp.MustCompile(`Target="([^"]+)"`).FindStringSubmatch(rels)
	if m == nil || parts["word/"+m[1]] != "not really a png" {
		t.Errorf("the letterhead's picture was not carried over: %s", rels)
	}
	for _, typ := range []string{`w:type="first"`, `w:footerReference w:type="default"`} {
		if !strings.Contains(doc2, typ) {
			t.Errorf("no %s furniture, so some pages would lack the banner", typ)
		}
	}
	for name, x := range parts {
		if strings.HasPrefix(name, "word/footer") && (!strings.Contains(x, ">SECRET<") || !strings.Contains(x, " PAGE ")) {
			t.Errorf("%s lacks the banner or the page number", name)
		}
	}
}

// TestDOCXTemplateFirstPage: a template without a distinct first page
// gets one for the authority block, its letterhead and footer copied, the
// block added to the footer above the page number and banner.
func TestDOCXTemplateFirstPage(t *testing.T) {
	doc := xmlHeader + `<w:document ` + wordNS + `><w:body><w:p/><w:sectPr><w:headerReference w:type="default" r:id="rId9"/>` +
		`<w:footerReference w:type="default" r:id="rId8"/><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:body></w:document>`
	p := writeTemplate(t, "letterhead.docx", map[string]string{
		"word/styles.xml":   xmlHeader + `<w:styles ` + wordNS + `></w:styles>`,
		"word/document.xml": doc,
		"word/header7.xml":  xmlHeader + `<w:hdr ` + wordNS + `><w:p><w:r><w:t>Ministry letterhead</w:t></w:r></w:p></w:hdr>`,
		"word/footer3.xml":  xmlHeader + `<w:ftr ` + wordNS + `><w:p><w:r><w:t>Ministry address</w:t></w:r></w:p></w:ftr>`,
		"word/_rels/document.xml.rels": string((&relSet{list: []rel{{id: "rId9", typ: relHeader, target: "header7.xml"},
			{id: "rId8", typ: relFooter, target: "footer3.xml"}}}).xml()),
	})
	parts := unzipDOCX(t, docxBytes(t, docxBundle(t, domain.StatusFinal), DOCXOptions{Template: p}))
	if !strings.Contains(parts["word/document.xml"], "<w:titlePg/>") || !strings.Contains(parts["word/document.xml"], `w:footerReference w:type="first"`) {
		t.Fatal("no first page for the authority block")
	}
	heads, withBlock := 0, 0
	for name, x := range parts {
		switch {
		case strings.HasPrefix(name, "word/header"):
			if !strings.Contains(x, "Ministry letterhead") || !strings.Contains(x, ">SECRET<") {
				t.Errorf("%s lost the letterhead or lacks the banner", name)
			}
			heads++
		case strings.HasPrefix(name, "word/footer"):
			if !strings.Contains(x, "Ministry address") || !strings.Contains(x, ">SECRET<") || !strings.Contains(x, " PAGE ") {
				t.Errorf("%s lost the template's text or lacks the banner or page number", name)
			}
			if i := strings.Index(x, "Classified By"); i >= 0 {
				withBlock++
				if i > strings.Index(x, ">SECRET<") || i > strings.Index(x, " PAGE ") {
					t.Errorf("the authority block is not above the banner and page number:\n%s", x)
				}
			}
		}
	}
	if heads != 2 || withBlock != 1 {
		t.Errorf("%d headers, %d footers with the authority block; want 2 and 1", heads, withBlock)
	}
}

func TestDOCXBadTemplate(t *testing.T) {
	dir := t.TempDir()
	notZip := filepath.Join(dir, "notes.docx")
	if err := os.WriteFile(notZip, []byte("just text"), 0o600); err != nil {
		t.Fatal(err)
	}
	noStyles := writeTemplate(t, "bare.dotx", map[string]string{"word/document.xml": "<w:document/>"})
	for path, want := range map[string]string{notZip: "notes.docx is not a Word document", noStyles: "bare.dotx has no styles"} {
		var buf bytes.Buffer
		err := WriteDOCX(context.Background(), &buf, docxBundle(t, domain.StatusFinal), DOCXOptions{Template: path})
		if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(err.Error(), want) ||
			!strings.Contains(err.Error(), chooseAnother) || !errors.As(err, new(*TemplateError)) || buf.Len() != 0 {
			t.Errorf("%s: %v (%d bytes), want EINVALID with %q", filepath.Base(path), err, buf.Len(), want)
		}
	}
}

func TestDOCXPropertyOrder(t *testing.T) {
	// Word refuses properties out of the schema's sequence.
	parts := unzipDOCX(t, docxBytes(t, docxBundle(t, domain.StatusDraft), DOCXOptions{}))
	pOrder := []string{"pStyle", "keepNext", "keepLines", "pageBreakBefore", "widowControl", "numPr", "pBdr", "shd", "spacing", "ind", "contextualSpacing", "jc", "outlineLvl"}
	rOrder := []string{"rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "noProof", "color", "sz", "szCs", "shd", "vertAlign"}
	check := func(kind string, order []string) {
		rank := map[string]int{}
		for i, n := range order {
			rank[n] = i
		}
		blocks := regexp.MustCompile(`<w:`+kind+`>(.*?)</w:`+kind+`>`).FindAllStringSubmatch(parts["word/document.xml"]+parts["word/styles.xml"]+parts["word/header1.xml"], -1)
		if len(blocks) == 0 {
			t.Fatalf("no %s", kind)
		}
		for _, blk := range blocks {
			last := -1
			for _, m := range regexp.MustCompile(`<w:(\w+)[ />]`).FindAllStringSubmatch(blk[1], -1) {
				r, ok := rank[m[1]]
				if !ok {
					continue // children of numPr, pBdr
				}
				if r < last {
					t.Errorf("%s out of order: %s", kind, blk[1])
					break
				}
				last = r
			}
		}
	}
	check("pPr", pOrder)
	check("rPr", rOrder)
}

func TestXMLTextDropsOnlyForbiddenCharacters(t *testing.T) {
	if got := xmlText("a\x00b\x1Fc <&> \"q\" “x” \t\n"); got != "abc &lt;&amp;&gt; &quot;q&quot; “x” \t\n" {
		t.Errorf("%q", got)
	}
}

func TestMergeStylesKeepsTheTemplatesDefaults(t *testing.T) {
	tpl := `<w:styles><w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/></w:style></w:styles>`
	merged, ok := mergeStyles(tpl)
	if !ok {
		t.Fatal("not merged")
	}
	if n := len(regexp.MustCompile(`w:type="paragraph" w:default="1"`).FindAllString(merged, -1)); n != 1 {
		t.Errorf("%d default paragraph styles", n)
	}
	if !strings.Contains(merged, `w:styleId="Normal"`) || !strings.Contains(merged, `w:styleId="`+stBottomLine+`"`) {
		t.Error("Attaché's styles were not added")
	}
	if _, ok := mergeStyles("<w:document/>"); ok {
		t.Error("a part without styles was merged")
	}
}

// An earlier export named as the template gives the same headers and
// footers: its banner is replaced, never doubled, and its draft mark
// goes when the briefing is final.
func TestDOCXEarlierExportAsTemplate(t *testing.T) {
	p := filepath.Join(t.TempDir(), "earlier.docx")
	if err := os.WriteFile(p, docxBytes(t, docxBundle(t, domain.StatusDraft), DOCXOptions{}), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, status := range []domain.Status{domain.StatusDraft, domain.StatusFinal} {
		plain := unzipDOCX(t, docxBytes(t, docxBundle(t, status), DOCXOptions{}))
		with := unzipDOCX(t, docxBytes(t, docxBundle(t, status), DOCXOptions{Template: p}))
		for _, name := range []string{"word/header1.xml", "word/footer1.xml"} {
			if plain[name] != with[name] {
				t.Errorf("%s %s differs with an earlier export as the template:\n%s\n%s", status, name, plain[name], with[name])
			}
		}
	}
}
