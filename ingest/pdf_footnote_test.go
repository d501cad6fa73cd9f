package ingest

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"github.com/attache/attache/assets"
	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
)

// exportedBriefing is a briefing exported by Attaché itself: excerpts cite
// their source with a footnote mark, raised and smaller, after the quote.
func exportedBriefing(t *testing.T) []byte {
	t.Helper()
	src := &domain.Source{ID: 7, Title: "Subsea Cables and the New Geography of Risk", Authors: []string{"Marta Ilić"},
		Publisher: "Centre for Maritime Technology", Text: "Repair ships are scarce: fewer than sixty serve the world’s cables, and the fleet is ageing fast."}
	src.Published, _ = domain.ParseDate("2025-02-14")
	src.SHA256 = domain.TextSHA256(src.Text)
	q := &domain.Excerpt{ID: 1, SourceID: 7, Quote: src.Text, Note: "Capacity is the constraint."}
	b := &domain.Briefing{ID: 3, Title: "Subsea cables: resilience options", Author: "Maritime Desk", Status: domain.StatusFinal}
	b.Blocks = []*domain.Block{
		{Type: domain.BlockCommentary, Text: strings.Repeat("Commentary weighs the options and their costs for the alliance. ", 4)},
		{Type: domain.BlockExcerpt, ExcerptID: 1, Excerpt: q},
		{Type: domain.BlockCommentary, Text: "Insurers now price sabotage risk explicitly, and the premiums differ by route."},
	}
	var buf bytes.Buffer
	if err := export.WritePDF(context.Background(), &buf, &domain.Bundle{Briefing: b, Sources: []*domain.Source{src}}, export.PDFOptions{Paper: "a4"}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A footnote mark in Attaché's own exported PDF stays with the word it
// follows: the quote is one paragraph, not broken before its last line.
func TestPDFFootnoteMarkStaysWithItsWord(t *testing.T) {
	data := exportedBriefing(t)
	src, _, err := Import("briefing.pdf", bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "\n\nRepair ships are scarce: fewer than sixty serve the world’s cables, and the fleet is ageing fast.1\n\n"
	if !strings.Contains(src.Text, want) {
		t.Fatalf("the quote and its mark are not one paragraph:\n%s", src.Text)
	}
	if err := src.TextMap.Validate(len([]rune(src.Text))); err != nil {
		t.Fatal(err)
	}
	// The mark is drawn raised: its glyph ends above the letters before it.
	end := len([]rune(src.Text[:strings.Index(src.Text, want)+len(want)-2]))
	mark, dot := src.TextMap.Rects(end-1, end), src.TextMap.Rects(end-3, end-2)
	if len(mark) != 1 || len(dot) != 1 || mark[0].Rect.Y1 >= dot[0].Rect.Y1 {
		t.Errorf("the mark is at %v, the t before it at %v", mark, dot)
	}
}

// pdflatex draws ligatures as one glyph that PDFium reads as two or three
// letters with the same box: they stay one word ("difference", not "dif
// ference"), each letter with its share of the box. The footnote mark
// stays on its word, and the note's text starts after its number. Accents
// that TeX draws over a letter as glyphs of their own join their letter.
func TestPDFLigaturesFromPdflatex(t *testing.T) {
	data, err := os.ReadFile("testdata/pdf/pdflatex-ligatures.pdf")
	if err != nil {
		t.Fatal(err)
	}
	src, _, err := Import("pdflatex-ligatures.pdf", bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"The difference between", "officials.1 Efficient", "sufficient spare", "affect the outcome",
		"the affluent coastal", "the office that", "the flow of reflagged ships.", "1 See the official inquiry.",
		"A naïve café owner read Gödel in Français."} {
		if !strings.Contains(src.Text, w) {
			t.Errorf("%q is not in the text:\n%s", w, src.Text)
		}
	}
	checkWords(t, data, src, map[string]int{"difference": 0, "sufficient": 0, "affluent": 0, "reflagged": 0}, true)
	// The three letters of the "ffi" in "office" split one glyph's box.
	start, _ := wordAt(t, src.Text, "office", 0)
	var boxes []domain.PageRect
	for _, g := range src.TextMap.Glyphs {
		if int(g.Offset) >= start+1 && int(g.Offset) < start+4 {
			boxes = append(boxes, g.Box)
		}
	}
	if len(boxes) != 3 || boxes[0].X1 != boxes[1].X0 || boxes[1].X1 != boxes[2].X0 || boxes[0].Y0 != boxes[2].Y0 {
		t.Errorf("the ffi of office has boxes %v, want three side by side", boxes)
	}
}

// Ligatures written as one character (U+FB00–FB04) are read as their
// letters, each with its share of the glyph's box.
func TestPDFLigatureCharacters(t *testing.T) {
	fx := fxDoc{pages: [][][]string{{{"The ﬁnal ﬂow of eﬀort from the oﬃce was baﬄing."}}}}
	data := fx.bytes(t)
	src, _, err := Import("lig.pdf", bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(src.Text, "The final flow of effort from the office was baffling.") {
		t.Fatalf("text %q", src.Text)
	}
	checkWords(t, data, src, map[string]int{"final": 0, "flow": 0, "effort": 0, "office": 0, "baffling": 0}, true)
}

// citedLine is a PDF whose one line cites sources with raised bracketed
// numbers drawn as text of their own, as Wikipedia's printed pages do.
func citedLine(t *testing.T) []byte {
	t.Helper()
	f := gofpdf.New("P", "pt", "A4", "")
	f.AddUTF8FontFromBytes("serif", "", assets.Font("NotoSerif-Regular.ttf"))
	f.AddPage()
	x, y := 60.0, 120.0
	for _, part := range []struct {
		text string
		mark bool
	}{{"The viewer is used in Thunderbird,", false}, {"[10]", true}, {" ownCloud,", false}, {"[11]", true},
		{" and Nextcloud.", false}, {"[12][13]", true}, {" It renders pages with canvas.", false}} {
		size, dy := 11.0, 0.0
		if part.mark {
			size, dy = 7.5, -4.5
		}
		f.SetFont("serif", "", size)
		f.Text(x, y+dy, part.text)
		x += f.GetStringWidth(part.text)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Raised bracketed citation numbers stay on the word they follow, and the
// next word keeps its space.
func TestPDFCitationMarksStayWithTheirWord(t *testing.T) {
	data := citedLine(t)
	src, _, err := Import("cited.pdf", bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "The viewer is used in Thunderbird,[10] ownCloud,[11] and Nextcloud.[12][13] It renders pages with canvas."
	if !strings.Contains(src.Text, want) {
		t.Fatalf("text %q, want %q", src.Text, want)
	}
	if err := src.TextMap.Validate(len([]rune(src.Text))); err != nil {
		t.Fatal(err)
	}
}
