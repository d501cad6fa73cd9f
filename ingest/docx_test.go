package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

const briefStyles = xmlHead + `<w:styles ` + wNS + `><w:docDefaults><w:rPrDefault><w:rPr>` +
	`<w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
	// German Word: localised ids, English names.
	`<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Untertitel"><w:name w:val="Subtitle"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Verzeichnis1"><w:name w:val="toc 1"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Aufzhlungszeichen"><w:name w:val="List Bullet"/>` +
	`<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style></w:styles>`

const briefNumbering = xmlHead + `<w:numbering ` + wNS + `>` +
	`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>` +
	`<w:lvlText w:val="&#xF0B7;"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="1">` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>` +
	`<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1.%2.%3"/></w:lvl></w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
	`<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>` +
	`</w:numbering>`

func mark(inner string) string { return `<w:r>` + inner + `</w:r>` }

// briefParts is a policy brief using most of what Word writes.
func briefParts() map[string]string {
	textBox := `<w:txbxContent>` + para("", run("Pull quote")) + `</w:txbxContent>`
	body := []string{
		para("", run("EXPORT CONTROLS")),
		para("Titel", `<w:r><w:t>Chip Con</w:t><w:softHyphen/><w:t>trols: The </w:t></w:r>`, run("Next Round")),
		para("Untertitel", run("What the new rules mean for allies")),
		para("", run("By Jane Q. Analyst and Omar Haddad")),
		para("", run("Published 3 March 2025")),
		para("Verzeichnis1", run("Background"), mark(`<w:tab/>`), run("2")),
		para("berschrift1", run("Background")),
		para("", run("Export rules are “non"), mark(`<w:noBreakHyphen/>`), run("binding” for some allies"),
			mark(`<w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/>`),
			run(" — a gap"), mark(`<w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t>`),
			`<w:del w:id="1" w:author="X"><w:r><w:delText>DELETED</w:delText></w:r></w:del>`,
			`<w:ins w:id="2" w:author="X"><w:r><w:t xml:space="preserve"> that matters</w:t></w:r></w:ins>`,
			run("."), mark(`<w:br/>`), run("Second line"), mark(`<w:tab/>`), run("range "),
			mark(`<w:sym w:font="Symbol" w:char="F0B1"/>`), run("5 %, page "),
			mark(`<w:fldChar w:fldCharType="begin"/>`), mark(`<w:instrText xml:space="preserve"> PAGE </w:instrText>`),
			mark(`<w:fldChar w:fldCharType="separate"/>`), run("7"), mark(`<w:fldChar w:fldCharType="end"/>`), run(".")),
		para("", run("Allies reacted.")),
		para("", run("Allies reacted.")),
		item(1, 0, "First point"), item(1, 0, "Second point"),
		para("Aufzhlungszeichen", run("Style bullet")),
		item(2, 0, "Tighten rules"), item(2, 1, "for chips"), item(2, 1, "for tools"), item(2, 2, "deep"),
		item(2, 0, "Coordinate"), item(3, 0, "Fourth"),
		table([]string{"Country", "Measure", ""}, []string{"Japan", "Licences\nfrom May", "Yes"}),
		para("", mark(`<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>`+textBox+
			`</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>`+textBox+
			`</v:textbox></w:pict></mc:Fallback></mc:AlternateContent>`), run("Anchor text.")),
		para("", run("Cafe\u0301 society\rends")),
		para("", run("Closing"), mark(`<w:endnoteReference w:id="1"/>`), run(".")),
	}
	return map[string]string{
		"word/document.xml":  documentXML(body...),
		"word/styles.xml":    briefStyles,
		"word/numbering.xml": briefNumbering,
		"word/footnotes.xml": notesXML("footnote", map[int]string{1: "See the rule at 89 Fed. Reg. 1.\nSecond note paragraph."}),
		"word/endnotes.xml":  notesXML("endnote", map[int]string{1: "Endnote text."}),
		"docProps/core.xml": coreXML(map[string]string{"dc:title": "Chip Controls: The Next Round", "dc:creator": "jdoe",
			"dcterms:created": "2025-02-20T09:00:00Z"}),
		"docProps/app.xml": xmlHead + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
			`<Template>Normal.dotm</Template><Company>Institute for Chip Policy</Company></Properties>`,
	}
}

const briefText = "Background\n\n" +
	"Export rules are “non\u2011binding” for some allies[1] — a gap that matters.\nSecond line\trange ±5 %, page 7.\n\n" +
	"Allies reacted.\n\n• First point\n\n• Second point\n\n• Style bullet\n\n" +
	"1. Tighten rules\n\n(a) for chips\n\n(b) for tools\n\n1.b.i deep\n\n2. Coordinate\n\n4. Fourth\n\n" +
	"Country | Measure\n\nJapan | Licences from May | Yes\n\nPull quote\n\nAnchor text.\n\n" +
	"Café society\nends\n\nClosing[2].\n\n" +
	"Notes\n\n[1] See the rule at 89 Fed. Reg. 1.\nSecond note paragraph.\n\n[2] Endnote text."

func TestImportDOCXBrief(t *testing.T) {
	src, rep, err := Import("brief.docx", bytes.NewReader(buildDOCX(t, briefParts())), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if src.Text != briefText {
		t.Errorf("text:\n%q\nwant\n%q", src.Text, briefText)
	}
	checkSource(t, src, rep, "brief.docx", want{
		format: "docx", encoding: "utf-8", kind: domain.KindDocument, title: "Chip Controls: The Next Round",
		subtitle: "What the new rules mean for allies", section: "EXPORT CONTROLS", publisher: "Institute for Chip Policy",
		lang: "en-GB", published: "2025-03-03", authors: []string{"Jane Q. Analyst", "Omar Haddad"}, dups: 1,
		prefix:   "Background",
		detected: []string{`title: "Chip Controls: The Next Round" (document properties)`, "authors: Jane Q. Analyst and Omar Haddad (byline)"},
		warns:    []string{"tracked changes", "removed 1 repeated paragraph"},
	})
}

func TestImportDOCXProperties(t *testing.T) {
	doc := documentXML(para("", run("Body one.")), para("", run("Body two.")))
	tests := []struct {
		name  string
		core  map[string]string
		title string
		subtl string
		auth  []string
		date  string
		lang  string
		note  string
	}{
		{"semicolons", map[string]string{"dc:title": "Policy Note", "dc:creator": "Ana de la Cruz; Omar Haddad",
			"dcterms:created": "2024-05-11T09:30:00Z", "dc:description": "A short standfirst.", "dc:language": "fr-FR"},
			"Policy Note", "A short standfirst.", []string{"Ana de la Cruz", "Omar Haddad"}, "2024-05-11", "fr-FR", "check it"},
		{"and", map[string]string{"dc:title": "Policy Note", "dc:creator": "Ana Ruiz, Bo Chen and Cy Diaz",
			"dc:subject": strings.Repeat("long ", 60)}, "Policy Note", "", []string{"Ana Ruiz", "Bo Chen", "Cy Diaz"}, "", "", ""},
		{"account", map[string]string{"dc:title": "Microsoft Word - brief.doc", "dc:creator": "jdoe", "dc:subject": "Export controls"},
			"Note", "Export controls", nil, "", "", `ignored: author property "jdoe" (it looks like a computer account`},
		{"office user", map[string]string{"dc:title": "brief.docx", "dc:creator": "Microsoft Office User"},
			"Note", "", nil, "", "", "computer account"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := buildDOCX(t, map[string]string{"word/document.xml": doc, "docProps/core.xml": coreXML(tt.core)})
			src, rep, err := Import("note.docx", bytes.NewReader(data), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if src.Title != tt.title || src.Subtitle != tt.subtl || !slices.Equal(src.Authors, tt.auth) && len(tt.auth)+len(src.Authors) > 0 ||
				src.Published.String() != tt.date && tt.date != "" || src.Language != tt.lang {
				t.Errorf("got title %q subtitle %q authors %q date %v lang %q", src.Title, src.Subtitle, src.Authors, src.Published, src.Language)
			}
			if tt.note != "" && !strings.Contains(strings.Join(lines(rep.Detected), "\n"), tt.note) {
				t.Errorf("detected %q lacks %q", rep.Detected, tt.note)
			}
		})
	}
}

func TestImportDOCXTitles(t *testing.T) {
	tests := []struct {
		name, title, text string
		parts             map[string]string
	}{
		{"heading 1 first", "Quarterly Review", "Body text here.", map[string]string{"word/document.xml": documentXML(
			para("Heading1", run("Quarterly Review")), para("", run("Body text here.")))}},
		{"text rules", "Short Title Here", "Body text here.", map[string]string{"word/document.xml": documentXML(
			para("", run("Short Title Here")), para("", run("By Jane Doe")), para("", run("Body text here.")))}},
		{"title only", "Alone", "Alone", map[string]string{"word/document.xml": documentXML(para("Title", run("Alone")))}},
		{"properties differ", "Props Title", "Visible Title\n\nBody.", map[string]string{
			"word/document.xml": documentXML(para("Title", run("Visible Title")), para("", run("Body."))),
			"docProps/core.xml": coreXML(map[string]string{"dc:title": "Props Title"})}},
		{"heading later", "X", "", map[string]string{
			"word/document.xml": documentXML(para("", run("First paragraph of prose that is long enough, and ends with a full stop.")),
				para("Heading1", run("Introduction")))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, rep, err := Import("x.docx", bytes.NewReader(buildDOCX(t, tt.parts)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if src.Title != tt.title || tt.text != "" && src.Text != tt.text {
				t.Errorf("title %q text %q (%q)", src.Title, src.Text, rep.Detected)
			}
		})
	}
}

func TestImportDOCXLayoutDetails(t *testing.T) {
	nested := table([]string{"Outer", table([]string{"In 1", "In 2"})})
	data := buildDOCX(t, map[string]string{"word/document.xml": documentXML(
		para("", run("Lead.")), item(7, 0, "no numbering part"), item(0, 0, "numbering off"), nested,
		para("", mark(`<w:sym w:font="Wingdings" w:char="F0FC"/>`), run(" done"), mark(`<w:sym w:char="2013"/>`)),
		para("", run("\u00a0\u00a0")), para("", run("End.")))})
	src, _, err := Import("x.docx", bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Lead.\n\n• no numbering part\n\nnumbering off\n\nOuter | In 1 | In 2\n\n✓ done–\n\nEnd."
	if src.Text != want {
		t.Errorf("text %q, want %q", src.Text, want)
	}
}

func TestImportDOCXSniffed(t *testing.T) {
	data := simpleDOCX(t, "Sniffed Title", "The body of the document.")
	for _, name := range []string{"download", "brief.bin", "brief.DOCX"} {
		src, rep, err := Import(name, bytes.NewReader(data), Options{})
		if err != nil || rep.Format != FormatDOCX || src.Title != "Sniffed Title" {
			t.Errorf("%s: %v %v", name, err, rep)
		}
	}
	path := filepath.Join(t.TempDir(), "brief.docx")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if src, _, err := ImportFile(path, Options{}); err != nil || src.FileName != "brief.docx" || src.Kind != domain.KindDocument {
		t.Errorf("ImportFile: %v %+v", err, src)
	}
}
