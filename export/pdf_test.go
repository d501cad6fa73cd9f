package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/attache/attache/domain"
)

// pdfBundle is an invented briefing with n sections of commentary and
// excerpts, typographic and non-Latin text, and US portion marks on every
// portion, U and S, with no overall marking chosen (so the banner is the
// highest portion's, SECRET) and the authority block that calls for. The
// analyst's notes are included.
func pdfBundle(sections int, status domain.Status) *domain.Bundle {
	src := &domain.Source{ID: 7, Title: "Subsea Cables and the New Geography of Risk", Authors: []string{"Marta Ilić", "Kenji Sato"},
		Publisher: "Centre for Maritime Technology", URL: "https://example.org/reports/2025/subsea-cables-new-geography-of-risk-and-what-allies-should-do", Reliability: "B",
		Text: "Repair ships are scarce — fewer than sixty serve the world’s cables. Ελληνικά: καλώδιο. Русский: кабель. The “chokepoints” are well known.\n\nInsurers now price sabotage risk explicitly."}
	src.Published, _ = domain.ParseDate("2025-02-14")
	src.SHA256 = domain.TextSHA256(src.Text)
	q1 := &domain.Excerpt{ID: 1, SourceID: 7, Quote: "Repair ships are scarce — fewer than sixty serve the world’s cables.", Note: "Capacity is the constraint.", Marking: "U", Tags: []string{"cables", "resilience"}}
	q2 := &domain.Excerpt{ID: 2, SourceID: 7, Quote: "Ελληνικά: καλώδιο. Русский: кабель.", Marking: "S"}
	b := &domain.Briefing{ID: 3, Title: "Subsea cables: resilience options for the alliance", Subtitle: "Repair capacity, insurance and chokepoints",
		Author: "Maritime Desk", Audience: "Deputy Minister", Status: status, Scheme: domain.SchemeUS, IncludeNotes: true,
		TitleMarking: "U", SubtitleMarking: "U", SummaryMarking: "U",
		Authority: domain.Authority{ClassifiedBy: "J. Smith, Director, Maritime Desk", DerivedFrom: "Multiple Sources", DeclassifyOn: "20501231"},
		Summary:   "Repair capacity, not cable supply, limits resilience; pooling repair ships is the cheapest fix."}
	b.Date, _ = domain.ParseDate("2026-10-01")
	b.Blocks = []*domain.Block{
		{Type: domain.BlockJudgment, Text: "Sabotage incidents will rise through 2027.", Confidence: domain.ConfidenceModerate, Marking: "U"},
		{Type: domain.BlockJudgment, Text: "Pooling repair ships would halve outage times.", Confidence: domain.ConfidenceLow, Marking: "U"},
	}
	for s := 0; s < sections; s++ {
		b.Blocks = append(b.Blocks, &domain.Block{Type: domain.BlockHeading, Text: "Section " + string(rune('A'+s)), Marking: "U"})
		for k := 0; k < 3; k++ {
			b.Blocks = append(b.Blocks,
				&domain.Block{Type: domain.BlockCommentary, Marking: "U", Text: strings.Repeat("Commentary weighs the options and their costs for the alliance. ", 6)},
				&domain.Block{Type: domain.BlockExcerpt, ExcerptID: 1, Excerpt: q1},
				&domain.Block{Type: domain.BlockExcerpt, ExcerptID: 2, Excerpt: q2})
		}
	}
	return &domain.Bundle{Briefing: b, Sources: []*domain.Source{src}}
}

func pdfBytes(t *testing.T, b *domain.Bundle, opt PDFOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePDF(context.Background(), &buf, b, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// poppler runs a poppler tool on the PDF; CI installs poppler-utils, so
// there a missing tool is a failure, not a skip.
func poppler(t *testing.T, pdf []byte, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing: make deps installs poppler-utils", tool)
		}
		t.Skipf("%s not installed", tool)
	}
	path := filepath.Join(t.TempDir(), "b.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, append(args, path, "-")...).CombinedOutput()
	if tool == "pdfinfo" || tool == "pdfimages" {
		out, err = exec.Command(tool, append(args, path)...).CombinedOutput()
	}
	if err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, out)
	}
	if bytes.Contains(out, []byte("Syntax Error")) || bytes.Contains(out, []byte("Syntax Warning")) {
		t.Fatalf("%s finds the PDF malformed:\n%s", tool, out)
	}
	return string(out)
}

func pageCount(t *testing.T, pdf []byte) int {
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(poppler(t, pdf, "pdfinfo"))
	if m == nil {
		t.Fatal("pdfinfo gave no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// pageTexts gives each page's non-empty lines; pdftotext ends every page
// with a form feed.
func pageTexts(t *testing.T, pdf []byte) [][]string {
	var pages [][]string
	for _, pg := range strings.Split(poppler(t, pdf, "pdftotext", "-layout"), "\f") {
		var lines []string
		for _, l := range strings.Split(pg, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			pages = append(pages, lines)
		}
	}
	return pages
}

func TestPDFIsDeterministic(t *testing.T) {
	a := pdfBytes(t, pdfBundle(3, domain.StatusDraft), PDFOptions{})
	b := pdfBytes(t, pdfBundle(3, domain.StatusDraft), PDFOptions{})
	if !bytes.Equal(a, b) {
		t.Fatal("the same briefing gave different PDFs")
	}
}

func TestPDFEveryPageHasBannersHeaderAndPageNumber(t *testing.T) {
	pdf := pdfBytes(t, pdfBundle(4, domain.StatusFinal), PDFOptions{})
	n := pageCount(t, pdf)
	pages := pageTexts(t, pdf)
	if n < 3 || len(pages) != n {
		t.Fatalf("expected several pages, got %d (%d with text)", n, len(pages))
	}
	for p := 1; p <= n; p++ {
		lines := pages[p-1]
		// U and S portions, no overall marking chosen: the banner is the
		// highest portion's, SECRET.
		if lines[0] != "SECRET" || lines[len(lines)-1] != "SECRET" {
			t.Errorf("page %d: banners %q / %q", p, lines[0], lines[len(lines)-1])
		}
		if !strings.Contains(strings.Join(lines, "\n"), fmt.Sprintf("Page %d of %d", p, n)) {
			t.Errorf("page %d: no page number", p)
		}
		if p > 1 && !strings.HasPrefix(lines[1], "Subsea cables") {
			t.Errorf("page %d: running header %q", p, lines[1])
		}
		if strings.Contains(strings.Join(lines, " "), "DRAFT") {
			t.Errorf("page %d: a final briefing carries a DRAFT mark", p)
		}
	}
}

func TestPDFDraftMarkOnEveryPage(t *testing.T) {
	pdf := pdfBytes(t, pdfBundle(4, domain.StatusDraft), PDFOptions{})
	pages := pageTexts(t, pdf)
	if len(pages) != pageCount(t, pdf) {
		t.Fatalf("%d pages with text of %d", len(pages), pageCount(t, pdf))
	}
	for p, lines := range pages {
		if !strings.HasPrefix(lines[0], "DRAFT") {
			t.Errorf("page %d does not start with the DRAFT mark: %q", p+1, lines[0])
		}
	}
}

func TestPDFContentReadsBack(t *testing.T) {
	b := pdfBundle(3, domain.StatusFinal)
	text := poppler(t, pdfBytes(t, b, PDFOptions{}), "pdftotext")
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"Subsea cables: resilience options for the alliance", "PREPARED FOR", "Deputy Minister",
		"BOTTOM LINE UP FRONT", "Repair capacity, not cable supply",
		"1. (U) Sabotage incidents will rise through 2027. (moderate confidence)",
		"Contents", "1 Section A", "3 Section C",
		"(U) Repair ships are scarce — fewer than sixty serve the world’s cables.",
		"(S) Ελληνικά: καλώδιο. Русский: кабель.", "Analyst’s note: Capacity is the constraint.",
		"Notes", "Marta Ilić and Kenji Sato, “Subsea Cables and the New Geography of Risk,”",
		"Sources", "Ilić, Marta, and Kenji Sato.", "SHA-256 " + b.Sources[0].SHA256[:16], "Reliability B",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
}

func TestPDFContentsGivesRealPageNumbers(t *testing.T) {
	pdf := pdfBytes(t, pdfBundle(5, domain.StatusFinal), PDFOptions{})
	pages := pageTexts(t, pdf)
	toc := map[string]int{}
	for _, l := range pages[0] {
		if m := regexp.MustCompile(`^\d+\s+(Section [A-E])[ .]+(\d+)$`).FindStringSubmatch(l); m != nil { // entries carry no marks
			toc[m[1]], _ = strconv.Atoi(m[2])
		}
	}
	if len(toc) != 5 {
		t.Fatalf("contents entries: %v", toc)
	}
	for name, page := range toc {
		found := false
		for _, l := range pages[page-1] {
			if regexp.MustCompile(`^\d+\s+\(U\) ` + name + `$`).MatchString(l) { // the heading, with its portion mark
				found = true
			}
		}
		if !found {
			t.Errorf("contents says %s is on page %d; it is not there", name, page)
		}
	}
}

func TestPDFOutlineHasEveryHeading(t *testing.T) {
	got := outlineTitles(pdfBytes(t, pdfBundle(3, domain.StatusFinal), PDFOptions{}))
	want := []string{"Bottom line up front", "Key judgments", "Contents", "1. Section A", "2. Section B", "3. Section C", "Notes", "Sources"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("outline %q, want %q", got, want)
	}
}

func TestPDFPropertiesAndPaper(t *testing.T) {
	info := poppler(t, pdfBytes(t, pdfBundle(1, domain.StatusFinal), PDFOptions{Paper: "letter"}), "pdfinfo")
	for _, want := range []string{"Title:           Subsea cables: resilience options", "Author:          Maritime Desk",
		"Creator:         Attaché", "Keywords:        cables, resilience", "Subject:         Repair capacity, insurance", "612 x 792 pts (letter)"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	var buf bytes.Buffer
	if err := WritePDF(context.Background(), &buf, pdfBundle(1, domain.StatusFinal), PDFOptions{Paper: "tabloid"}); domain.ErrorCode(err) != domain.EINVALID || buf.Len() > 0 {
		t.Fatalf("bad paper: %v, %d bytes", err, buf.Len())
	}
}

func TestPDFMissingCharactersAreReportedBeforeWriting(t *testing.T) {
	b := pdfBundle(1, domain.StatusFinal)
	b.Briefing.Blocks = append(b.Briefing.Blocks, &domain.Block{Type: domain.BlockCommentary, Text: "Markets reacted 📉 while 中文 and 日本語 headlines spread.", Marking: "U"})
	var buf bytes.Buffer
	err := WritePDF(context.Background(), &buf, b, PDFOptions{})
	var mc *MissingCharsError
	if !errors.As(err, &mc) || buf.Len() != 0 {
		t.Fatalf("err %v, %d bytes written", err, buf.Len())
	}
	if domain.ErrorCode(err) != domain.EINVALID || domain.ErrorMessage(err) != mc.Error() {
		t.Errorf("code %q, message %q: want %q and the report", domain.ErrorCode(err), domain.ErrorMessage(err), domain.EINVALID)
	}
	if len(mc.Chars) != 1 || mc.Chars[0].Code != "U+1F4C9" || !strings.Contains(mc.Error(), "commentary") {
		t.Fatalf("report %+v / %s", mc.Chars, mc.Error())
	}
	text := poppler(t, pdfBytes(t, b, PDFOptions{AllowMissing: true}), "pdftotext")
	if !strings.Contains(text, "[U+1F4C9]") || !strings.Contains(text, "中文") || !strings.Contains(text, "日本語") {
		t.Fatalf("fallback or code missing in:\n%s", text)
	}
}

func TestPDFLongUnbrokenStringsStayOnThePage(t *testing.T) {
	b := pdfBundle(1, domain.StatusFinal)
	b.Briefing.Blocks = append(b.Briefing.Blocks, &domain.Block{Type: domain.BlockCommentary, Text: "Hash " + strings.Repeat("0123456789abcdef", 16), Marking: "U"})
	bbox := poppler(t, pdfBytes(t, b, PDFOptions{}), "pdftotext", "-bbox")
	re := regexp.MustCompile(`xMax="([0-9.]+)"`)
	for _, m := range re.FindAllStringSubmatch(bbox, -1) {
		if x, _ := strconv.ParseFloat(m[1], 64); x > 595.28-70 {
			t.Fatalf("text reaches x=%v, past the right margin", x)
		}
	}
}

// outlineTitles reads the bookmark titles from the PDF's outline objects,
// which gofpdf writes uncompressed as UTF-16BE strings.
func outlineTitles(pdf []byte) []string {
	var out []string
	re := regexp.MustCompile(`(?s)<</Title \((.*?)\)\s*/Parent`)
	for _, m := range re.FindAllSubmatch(pdf, -1) {
		out = append(out, decodePDFString(m[1]))
	}
	return out
}

func decodePDFString(b []byte) string {
	var raw []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && i+1 < len(b) {
			i++
			switch b[i] {
			case 'n':
				raw = append(raw, '\n')
			case 'r':
				raw = append(raw, '\r')
			default:
				raw = append(raw, b[i])
			}
			continue
		}
		raw = append(raw, b[i])
	}
	if len(raw) >= 2 && raw[0] == 0xFE && raw[1] == 0xFF {
		var rs []rune
		for i := 2; i+1 < len(raw); i += 2 {
			rs = append(rs, rune(raw[i])<<8|rune(raw[i+1]))
		}
		return string(rs)
	}
	return string(raw)
}

func TestCompressStreamsLeavesNoPlainStreamAndRefusesGarbage(t *testing.T) {
	pdf := pdfBytes(t, pdfBundle(2, domain.StatusFinal), PDFOptions{})
	for _, m := range regexp.MustCompile(`<<[^>]*/Length \d+[^>]*>>\nstream\n`).FindAll(pdf, -1) {
		if !bytes.Contains(m, []byte("/Filter")) {
			t.Fatalf("uncompressed stream: %s", m)
		}
	}
	for _, junk := range [][]byte{nil, []byte("%PDF-1.3\n"), []byte("%PDF-1.3\n1 0 obj\n<</Length 99>>\nstream\nab\nxref\n")} {
		if _, err := compressStreams(junk); err == nil {
			t.Errorf("compressStreams(%q) succeeded", junk)
		}
	}
}

// Exports run at once (the app's page count beside an export, parallel
// commands in tests) must not share gofpdf's working bytes: run under
// -race, this failed with a race in gofpdf's font subsetting.
func TestPDFsWrittenAtOnceShareNoFontBytes(t *testing.T) {
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := pdfBundle(1, domain.StatusDraft)
			if err := WritePDF(context.Background(), io.Discard, b, PDFOptions{}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}
