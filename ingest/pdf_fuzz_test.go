package ingest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/attache/attache/domain"
)

// checkPDFImport holds an import of arbitrary bytes as a PDF to the
// properties every import keeps, and to page offsets that index the text.
func checkPDFImport(t *testing.T, data []byte) {
	src, rep, err := Import("fuzz.pdf", bytes.NewReader(data), Options{MaxBytes: 1 << 20})
	if err != nil {
		if src != nil || rep != nil || domain.ErrorCode(err) != domain.EINVALID {
			t.Fatalf("error %v (%s) with result %v", err, domain.ErrorCode(err), src != nil)
		}
		return
	}
	text := src.Text
	switch {
	case strings.TrimSpace(text) == "" || !utf8.ValidString(text) || !norm.NFC.IsNormalString(text):
		t.Fatalf("bad text %q", text)
	case strings.Contains(text, "\r") || strings.Contains(text, "\n\n\n") || strings.Trim(text, "\n") != text:
		t.Fatalf("paragraphs not separated by exactly one blank line: %q", text)
	case src.Title == "" || !utf8.ValidString(src.Title) || strings.Contains(src.Title, "\n"):
		t.Fatalf("bad title %q", src.Title)
	}
	pages := 0
	for _, d := range rep.Detected {
		fmt.Sscanf(d.String(), "pages: %d", &pages)
	}
	if pages < 1 || len(src.Pages) != pages-1 {
		t.Fatalf("%d pages but offsets %v", pages, src.Pages)
	}
	// Offsets rise page by page; a page without text starts where the next
	// one does, so two offsets may be equal.
	n, prev := utf8.RuneCountInString(text), 0
	for _, off := range src.Pages {
		if off < prev || off > n {
			t.Fatalf("offsets %v for %d runes", src.Pages, n)
		}
		prev = off
	}
}

func FuzzImportPDF(f *testing.F) {
	small := fxDoc{title: "Small", header: "Institute for Tests · Small", footer: true,
		pages:        [][][]string{{{"One tele-", "communications line."}}, {{"Two café"}}, {{"three —", "“quoted” end"}}},
		uncompressed: true}
	seeds := [][]byte{
		small.bytes(f), reportFixture().bytes(f),
		fxDoc{title: "Cols", columns: true, pages: [][][]string{{{"a b", "c"}, {"d", "e f"}}}}.bytes(f),
		fxDoc{imageOnly: true}.bytes(f), fxDoc{password: "x", pages: small.pages}.bytes(f),
		[]byte("%PDF-1.4\n"), []byte("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"),
		bytes.Repeat([]byte{0xff, 0, '%', 'P'}, 64), nil,
	}
	seeds = append(seeds, seeds[0][:len(seeds[0])/2])
	if files, _ := filepath.Glob(filepath.Join("testdata", "pdf", "*.pdf")); len(files) > 0 {
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				seeds = append(seeds, data)
			}
		}
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(checkPDFImport)
}
