package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/attache/attache/domain"
)

func importFX(t *testing.T, fx fxDoc) (*domain.Source, *Report) {
	t.Helper()
	src, rep, err := Import("report.pdf", bytes.NewReader(fx.bytes(t)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return src, rep
}

// pageStarts checks that page i+2 begins with want[i] in the text.
func pageStarts(t *testing.T, src *domain.Source, want ...string) {
	t.Helper()
	runes := []rune(src.Text)
	if len(src.Pages) != len(want) {
		t.Fatalf("Pages = %v, want %d offsets", src.Pages, len(want))
	}
	for i, off := range src.Pages {
		if off < 0 || off > len(runes) || !strings.HasPrefix(string(runes[off:]), want[i]) {
			t.Errorf("page %d starts at %d: %q, want %q", i+2, off, string(runes[off:min(off+40, len(runes))]), want[i])
		}
		if got := src.PageAt(off); got != i+2 && (i+1 == len(src.Pages) || src.Pages[i+1] != off) {
			t.Errorf("PageAt(%d) = %d, want %d", off, got, i+2)
		}
	}
}

func TestImportPDFReport(t *testing.T) {
	src, rep := importFX(t, reportFixture())
	want := []string{
		"The synchronisation of the Baltic grids with continental Europe ended the region’s reliance on the " +
			"Russian-controlled “BRELL” ring — a milestone.",
		"Summary",
		"This report examines the telecommunications links that grid operators rely on, and the high-risk " +
			"interconnectors whose self-regulation has been questioned by regulators in three countries.",
		"Operators now coordinate balancing across the three networks, which requires the exchange of data at a " +
			"frequency that older equipment cannot sustain; replacing it will cost about €1.2 billion by 2030. " +
			"Funding is expected to come from the Connecting Europe Facility.",
		"Cyber-attacks on control systems are the second concern of this report and the subject of its final " +
			"chapter, which sets out options for the next five years. Each option is costed and compared with the status quo.",
	}
	if got := strings.Split(src.Text, "\n\n"); !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs:\n%q\nwant\n%q", got, want)
	}
	pageStarts(t, src, "Summary", "ment cannot sustain", "chapter, which")
	if src.Title != "Grid Resilience in the Baltic States" || src.Subtitle != "Options for 2025–2030" {
		t.Errorf("title %q, subtitle %q", src.Title, src.Subtitle)
	}
	if !reflect.DeepEqual(src.Authors, []string{"Ann Smith", "Bob Jones"}) {
		t.Errorf("authors %q", src.Authors)
	}
	if src.Published.String() != "2024-05-11" || src.Kind != domain.KindReport || rep.Format != "pdf" {
		t.Errorf("published %v, kind %v, format %v", src.Published, src.Kind, rep.Format)
	}
	detected := strings.Join(lines(rep.Detected), "\n")
	for _, d := range []string{`title: "Grid Resilience in the Baltic States" (document info)`, "pages: 4",
		"removed: running header “Institute for Energy Security · Grid Resilience in the Baltic States” (on 3 pages)",
		"removed: page numbers (on 3 pages)", `published: 2024-05-11 (from "11 May 2024" on page 1)`} {
		if !strings.Contains(detected, d) {
			t.Errorf("report lacks %q:\n%s", d, detected)
		}
	}
}

func TestImportPDFCoverMetadata(t *testing.T) {
	fx := reportFixture()
	fx.title, fx.author, fx.subject = "Microsoft Word - draft_v3.docx", "", ""
	fx.cover = []fxLine{{"Undersea Cables and", 24, 2}, {"European Security", 24, 3},
		{"A Framework for Protection", 16, 6}, {"Marta Kowalska and Jonas Petraitis", 11, 2}, {"Published 3 March 2025", 10, 10}}
	src, rep := importFX(t, fx)
	if src.Title != "Undersea Cables and European Security" || src.Subtitle != "A Framework for Protection" {
		t.Errorf("title %q, subtitle %q\n%s", src.Title, src.Subtitle, strings.Join(lines(rep.Detected), "\n"))
	}
	if !reflect.DeepEqual(src.Authors, []string{"Marta Kowalska", "Jonas Petraitis"}) || src.Published.String() != "2025-03-03" {
		t.Errorf("authors %q, published %v", src.Authors, src.Published)
	}
	if !strings.HasPrefix(src.Text, "The synchronisation") {
		t.Errorf("cover lines left in the text: %.120q", src.Text)
	}
}

func TestImportPDFXMPAndCreationDate(t *testing.T) {
	fx := reportFixture()
	fx.title, fx.author, fx.cover = "", "", nil
	fx.xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF ` +
		`xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
		`<rdf:Description rdf:about=""><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Baltic Grids &amp; Cables</rdf:li>` +
		`</rdf:Alt></dc:title><dc:creator><rdf:Seq><rdf:li>Ann Smith</rdf:li><rdf:li>Bob Jones</rdf:li></rdf:Seq></dc:creator>` +
		`<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`
	src, _ := importFX(t, fx)
	if src.Title != "Baltic Grids & Cables" || !reflect.DeepEqual(src.Authors, []string{"Ann Smith", "Bob Jones"}) ||
		src.Language != "en-GB" || src.Published.String() != "2024-05-13" {
		t.Errorf("title %q, authors %q, language %q, published %v", src.Title, src.Authors, src.Language, src.Published)
	}
}

func TestImportPDFColumns(t *testing.T) {
	fx := fxDoc{title: "Two columns", columns: true, pages: [][][]string{{
		{"The left column opens the", "argument and carries it on", "to its conclusion here."},
		{"The right column follows", "only after the left one is", "read to the end."},
	}}}
	src, _ := importFX(t, fx)
	want := "The left column opens the argument and carries it on to its conclusion here.\n\n" +
		"The right column follows only after the left one is read to the end."
	if src.Text != want || len(src.Pages) != 0 {
		t.Errorf("text %q, pages %v", src.Text, src.Pages)
	}
}

func TestImportPDFWatermark(t *testing.T) {
	fx := reportFixture()
	fx.watermark = "DRAFT"
	src, _ := importFX(t, fx)
	if plain, _ := importFX(t, reportFixture()); src.Text != plain.Text || !reflect.DeepEqual(src.Pages, plain.Pages) {
		t.Errorf("the diagonal watermark changed the text:\n%s", src.Text)
	}
}

func TestImportPDFBlankPage(t *testing.T) {
	fx := fxDoc{title: "Blank", pages: [][][]string{{{"First page text."}}, nil, {{"Third page text."}}}}
	src, rep := importFX(t, fx)
	pageStarts(t, src, "Third", "Third")
	if src.PageAt(len([]rune(src.Text))-1) != 3 || !strings.Contains(strings.Join(rep.Warnings, "\n"), "no text on page 2 (") {
		t.Errorf("page of the end %d, warnings %q", src.PageAt(len([]rune(src.Text))-1), rep.Warnings)
	}
}

func TestImportPDFRefuses(t *testing.T) {
	zero, err := os.ReadFile(filepath.Join("testdata", "pdf", "zero-pages.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		msg  string
	}{
		{"locked.pdf", fxDoc{password: "secret", pages: reportFixture().pages}.bytes(t),
			"locked.pdf is protected by a password: open it in a PDF reader, save an unprotected copy, and import that"},
		{"scan.pdf", fxDoc{imageOnly: true}.bytes(t),
			"scan.pdf has no text layer (it looks like scanned images): run OCR on it first, e.g. with ocrmypdf, then import the result"},
		{"garbage.pdf", bytes.Repeat([]byte("not a pdf \x00\x01"), 100), "garbage.pdf is damaged or not a PDF"},
		{"truncated.pdf", reportFixture().bytes(t)[:900], "truncated.pdf"},
		{"zero.pdf", zero, "zero.pdf has no pages"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, _, err := Import(tt.name, bytes.NewReader(tt.data), Options{})
			if err == nil {
				t.Fatalf("imported %.200q", src.Text)
			}
			if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q (%s), want %q", err, domain.ErrorCode(err), tt.msg)
			}
		})
	}
}

func TestImportPDFMaxBytes(t *testing.T) {
	data := reportFixture().bytes(t)
	_, _, err := Import("big.pdf", bytes.NewReader(data), Options{MaxBytes: int64(len(data) - 1)})
	if err == nil || !strings.Contains(err.Error(), "import limit") {
		t.Fatalf("err %v", err)
	}
}

func TestPDFLineJoins(t *testing.T) {
	v := vocab{words: set("cooperation", "decision", "making"), hyphenated: set("well-known")}
	for _, tt := range []struct{ a, b, want string }{
		{"the tele-", "communications", "the telecommunications"},
		{"more co-", "operation", "more cooperation"},
		{"a well-", "known case", "a well-known case"},
		{"the decision-", "making process", "the decision-making process"},
		{"the Franco-", "German treaty", "the Franco-German treaty"},
		{"COVID-", "19 cases", "COVID-19 cases"},
		{"pre-", "and post-war", "pre- and post-war"},
		{"state-of-", "the-art", "state-of-the-art"},
		{"soft\u00AD", "ware", "software"},
		{"2019–", "2024", "2019–2024"},
		{"a dash —", "then", "a dash — then"},
		{"ends here.", "Next", "ends here. Next"},
	} {
		if got, off := v.joinLine(tt.a, tt.b); got != tt.want || got[off:] != tt.b {
			t.Errorf("joinLine(%q, %q) = %q at %d, want %q", tt.a, tt.b, got, off, tt.want)
		}
	}
}

// multicolumn.pdf is gofpdf's own three-column sample: justified columns
// (word gaps as wide as the gutter), a running title and "Page n" footers.
func TestImportPDFMulticolumn(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "pdf", "multicolumn.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	src, rep, err := Import("multicolumn.pdf", bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Chapter 1 : A RUNAWAY REEF\n\nThe year 1866 was marked by a bizarre development, an unexplained and downright inexplicable",
		`several ships had encountered "an enormous thing" at sea, a long spindle-shaped object`,
		"West India & Pacific Steam Navigation Co. Consequently, this extraordinary cetacean",            // column to column
		"officers on the French frigate Normandy, dead-earnest reckonings obtained by the general staff", // page to page
	} {
		if !strings.Contains(src.Text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if strings.Contains(src.Text, "Page ") || strings.Count(src.Text, "20000 Leagues") != 0 {
		t.Errorf("running header or page numbers left in the text")
	}
	pageStarts(t, src, "reckonings obtained", "Chapter 2 : THE PROS AND CONS", "hypotheses one by one")
	if src.Title != "20000 Leagues Under the Seas" || authorList(src.Authors) != "Jules Verne" {
		t.Errorf("title %q, authors %q\n%s", src.Title, src.Authors, strings.Join(lines(rep.Detected), "\n"))
	}
}

func TestPDFInfoFields(t *testing.T) {
	for in, want := range map[string]string{
		"Ann Smith; Bob Jones": "Ann Smith and Bob Jones", "Doe, Jane": "Jane Doe", "A. Smith, B. Jones and C. Wu": "A. Smith, B. Jones and C. Wu",
		"Administrator": "", "jsmith": "", "Ann Smith, Senior Fellow": "Ann Smith",
	} {
		if got := authorList(plausibleAuthors(infoAuthors(in))); got != want {
			t.Errorf("authors of %q = %q, want %q", in, got, want)
		}
	}
	for title, ok := range map[string]bool{"Grid Resilience in the Baltic States": true, "Microsoft Word - draft_v3.docx": false,
		"Grid Resilience.docx": false, "untitled": false, "report_final_v2": false, "x.pdf": false, "AI": false} {
		if plausibleTitle(title, "x.pdf") != ok {
			t.Errorf("plausibleTitle(%q) = %v", title, !ok)
		}
	}
	if d, ok := parsePDFDate("D:20240511093000+01'00'", time.Now()); !ok || d.String() != "2024-05-11" {
		t.Errorf("parsePDFDate = %v, %v", d, ok)
	}
	if _, ok := parsePDFDate("D:19800101", time.Now()); ok {
		t.Error("a date before PDF existed was taken")
	}
}
