package export

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/attache/attache/domain"
)

// FuzzPDFText puts arbitrary text in every user-text slot of a briefing: the
// PDF must be written, or refused only for characters no font has.
func FuzzPDFText(f *testing.F) {
	for _, s := range []string{"", " ", "\n\n\n", "a\u00a0b", "“quoted” — dash…", strings50("x"), "中文😀", "\t\r\n", "(U)", "https://example.org/" + strings50("path/")} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		b := pdfBundle(1, domain.StatusDraft)
		br := b.Briefing
		br.Title, br.Subtitle, br.Summary, br.Author = "T"+s, s, s, s
		br.Authority = domain.Authority{ClassifiedBy: "By " + s, DerivedFrom: "From " + s, DeclassifyOn: "On " + s}
		br.Blocks = append(br.Blocks, &domain.Block{Type: domain.BlockHeading, Text: "H" + s, Marking: "U"},
			&domain.Block{Type: domain.BlockCommentary, Text: "C" + s, Marking: "U"}, &domain.Block{Type: domain.BlockJudgment, Text: "J" + s, Marking: "S"})
		b.Sources[0].Title, b.Sources[0].Publisher = "S"+s, s
		err := WritePDF(context.Background(), io.Discard, b, PDFOptions{})
		var mc *MissingCharsError
		if err != nil && !errors.As(err, &mc) {
			t.Fatalf("WritePDF: %v", err)
		}
		if err := WritePDF(context.Background(), io.Discard, b, PDFOptions{AllowMissing: true}); err != nil {
			t.Fatalf("WritePDF allowing missing characters: %v", err)
		}
	})
}

func strings50(s string) string {
	out := ""
	for range 50 {
		out += s
	}
	return out
}

func TestPDFOfAnEmptyBriefing(t *testing.T) {
	b := &domain.Bundle{Briefing: &domain.Briefing{Title: "Only a title"}}
	text := poppler(t, pdfBytes(t, b, PDFOptions{}), "pdftotext")
	if want := "Only a title"; !strings.Contains(text, want) {
		t.Fatalf("text %q lacks %q", text, want)
	}
	if err := WritePDF(context.Background(), io.Discard, &domain.Bundle{}, PDFOptions{}); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("nil briefing: %v", err)
	}
}
