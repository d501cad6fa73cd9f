package export

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/attache/attache/domain"
	"github.com/jung-kurt/gofpdf"
)

// PDFOptions control a PDF export.
type PDFOptions struct {
	Paper string // "a4" (default) or "letter"
	// AllowMissing writes the PDF even when some characters are in no
	// embedded font; they then appear as their code, e.g. [U+1F600].
	AllowMissing bool
	// Basis and ReadingGuide are "auto" (or ""), "on" or "off": see
	// Context.
	Basis, ReadingGuide string
}

// MissingChar is a character no embedded font can draw, with where it is.
type MissingChar struct {
	Char  rune     `json:"char"`
	Code  string   `json:"code"` // "U+1F600"
	Where []string `json:"where"`
}

// MissingCharsError is returned by WritePDF, before anything is written,
// when characters would not show and AllowMissing is false.
type MissingCharsError struct{ Chars []MissingChar }

func (e *MissingCharsError) Error() string {
	parts := make([]string, 0, len(e.Chars))
	for _, c := range e.Chars {
		parts = append(parts, fmt.Sprintf("%q (%s) in %s", c.Char, c.Code, strings.Join(c.Where, ", ")))
	}
	return "the PDF fonts cannot show " + strings.Join(parts, "; ") +
		": replace those characters, or export anyway and they will be printed as their codes (--allow-missing)"
}

// Unwrap gives the report as a domain.EINVALID error, one the analyst can
// fix, so that domain.ErrorCode and domain.ErrorMessage treat it as they
// treat the other export errors.
func (e *MissingCharsError) Unwrap() error { return domain.Errorf(domain.EINVALID, "%s", e.Error()) }

// WritePDF lays out the briefing and writes it as PDF, or refuses with a
// *Refusal, writing nothing, while its markings would be wrong (see
// Document.Warnings). The output depends
// only on the bundle and options: dates come from the briefing, so the same
// briefing always gives the same bytes. A cancelled ctx stops it between
// blocks, pages and stages, with ctx's error and nothing written to w.
func WritePDF(ctx context.Context, w io.Writer, b *domain.Bundle, opt PDFOptions) error {
	if b == nil || b.Briefing == nil {
		return errNoBriefing
	}
	d := NewDocumentWith(b, Context{Basis: opt.Basis, ReadingGuide: opt.ReadingGuide})
	if err := d.refusal(); err != nil {
		return err
	}
	pdf, missing, err := buildPDF(ctx, d, opt)
	if err != nil {
		return err
	}
	if len(missing) > 0 && !opt.AllowMissing {
		return &MissingCharsError{Chars: missing}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return fmt.Errorf("write PDF: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	out, err := compressStreams(buf.Bytes())
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

var errNoBriefing = domain.Errorf(domain.EINVALID, "there is no briefing to export")

// CheckPDF reports the characters of a briefing that no embedded font has,
// for warnings before export.
func CheckPDF(b *domain.Bundle) ([]MissingChar, error) {
	if b == nil || b.Briefing == nil {
		return nil, errNoBriefing
	}
	_, missing, err := buildPDF(context.Background(), NewDocument(b), PDFOptions{})
	return missing, err
}

// Pages is how many pages the document has as a PDF on paper ("a4" or
// "letter"). It lays the whole document out, as an export does, without
// drawing or writing it: ask only when the number is wanted, and off the
// UI goroutine for a long briefing.
func (d *Document) Pages(paper string) (int, error) {
	l, err := layOut(context.Background(), d, PDFOptions{Paper: paper})
	if err != nil {
		return 0, err
	}
	return len(l.pages), nil
}

// paperSize is gofpdf's name for a paper option's value, in any spelling
// the registry's paper option accepts.
func paperSize(name string) (string, error) {
	v, err := paperOption.Parse(name)
	if err != nil {
		return "", err
	}
	if v == "letter" {
		return "Letter", nil
	}
	return "A4", nil
}

func buildPDF(ctx context.Context, d *Document, opt PDFOptions) (*gofpdf.Fpdf, []MissingChar, error) {
	l, err := layOut(ctx, d, opt)
	if err != nil {
		return nil, nil, err
	}
	l.render()
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	if l.pdf.Err() {
		return nil, nil, fmt.Errorf("lay out PDF: %w", l.pdf.Error())
	}
	return l.pdf, l.missingChars(), nil
}

// layOut breaks the document into lines and pages, the work both an
// export and a page count need.
func layOut(ctx context.Context, d *Document, opt PDFOptions) (*layout, error) {
	size, err := paperSize(opt.Paper)
	if err != nil {
		return nil, err
	}
	pdf := gofpdf.New("P", "pt", size, "")
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCompression(false) // compressStreams does it faster
	setProperties(pdf, d)
	pw, ph := pdf.GetPageSize()
	l := newLayout(pdf, d, pw, ph)
	l.ctx = ctx
	l.build()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if pdf.Err() {
		return nil, fmt.Errorf("lay out PDF: %w", pdf.Error())
	}
	return l, nil
}

// docTime is the fixed creation date: the briefing's date, else its last
// edit, never the clock.
func docTime(br *domain.Briefing) time.Time {
	if !br.Date.IsZero() {
		return br.Date.Time()
	}
	if !br.UpdatedAt.IsZero() {
		return br.UpdatedAt.UTC()
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}

func setProperties(pdf *gofpdf.Fpdf, d *Document) {
	br := d.Briefing
	pdf.SetTitle(br.Title, true)
	pdf.SetAuthor(br.Author, true)
	subject := br.Subtitle
	if subject == "" {
		subject = br.Summary
	}
	pdf.SetSubject(clipText(subject, 240), true)
	pdf.SetKeywords(strings.Join(d.Keywords, ", "), true)
	pdf.SetCreator("Attaché", true)
	pdf.SetProducer("Attaché", true)
	pdf.SetCreationDate(docTime(br))
	pdf.SetModificationDate(docTime(br))
	pdf.SetCatalogSort(true)
	pdf.SetDisplayMode("fullwidth", "continuous")
}

func clipText(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}
