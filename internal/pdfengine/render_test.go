package pdfengine_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"math"
	"os"
	"testing"
	"time"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/internal/pdfengine"
	"github.com/attache/attache/internal/testfs"
)

// The engine's compiled code is cached in testfs's private folder.
func TestMain(m *testing.M) { os.Exit(testfs.Main(m)) }

// exportPDF is an exported briefing of a few pages.
func exportPDF(t *testing.T) ([]byte, int) {
	t.Helper()
	b := &domain.Briefing{Title: "Subsea cables", Summary: "Repair capacity limits resilience.", Status: domain.StatusFinal}
	for i := range 12 {
		b.Blocks = append(b.Blocks, &domain.Block{Type: domain.BlockHeading, Text: "Section " + string(rune('A'+i))},
			&domain.Block{Type: domain.BlockCommentary, Text: string(bytes.Repeat([]byte("Commentary weighs the options and their costs. "), 30))})
	}
	bundle := &domain.Bundle{Briefing: b}
	var buf bytes.Buffer
	if err := export.WritePDF(context.Background(), &buf, bundle, export.PDFOptions{Paper: "letter"}); err != nil {
		t.Fatal(err)
	}
	n, err := export.NewDocument(bundle).Pages("letter")
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), n
}

// An exported PDF opens with export's page count and page size, and its
// pages draw at the width asked, at the page's proportions, with ink.
func TestRenderAnExportedPDF(t *testing.T) {
	data, pages := exportPDF(t)
	doc, err := pdfengine.Open(data, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	defer doc.Close()
	if doc.Pages() != pages || pages < 2 {
		t.Fatalf("%d pages, export says %d", doc.Pages(), pages)
	}
	w, h, err := doc.PageSize(1)
	if err != nil || w != 612 || h != 792 {
		t.Fatalf("page 2 is %v×%v pt (%v), want Letter", w, h, err)
	}
	img, err := doc.Render(1, 500)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 500 || math.Abs(float64(b.Dy())-500*792/612.0) > 1 {
		t.Errorf("drawn %v, want 500 wide at Letter's proportions", b)
	}
	dark := 0
	for p := 0; p < len(img.Pix); p += 4 {
		if img.Pix[p] < 100 && img.Pix[p+1] < 100 && img.Pix[p+2] < 100 {
			dark++
		}
	}
	if dark < 1000 {
		t.Errorf("page 2 has %d dark pixels: blank", dark)
	}
	if m := doc.Memory(); m.Hit() || m.Peak() == 0 || m.Peak() > pdfengine.MemoryLimit/8 {
		t.Errorf("engine memory peak %d, hit %v", m.Peak(), m.Hit())
	}
	if _, err := doc.Render(pages, 500); err == nil {
		t.Error("a page past the end was drawn")
	}
	if _, err := doc.Render(0, 0); err == nil {
		t.Error("a page 0 px wide was drawn")
	}
	if err := doc.Close(); err != nil {
		t.Error(err)
	}
	if err := doc.Close(); err != nil {
		t.Errorf("a second Close: %v", err)
	}
}

// What is not a PDF is refused with an error, and the engine goes on.
func TestOpenRefusesWhatIsNotAPDF(t *testing.T) {
	if _, err := pdfengine.Open([]byte("%PDF-1.4 nothing more"), time.Minute); err == nil {
		t.Fatal("a broken PDF opened")
	}
	if !pdfengine.Running() {
		t.Error("the engine is not running after use")
	}
	data, _ := exportPDF(t)
	doc, err := pdfengine.Open(data, time.Minute)
	if err != nil {
		t.Fatalf("after a refusal: %v", err)
	}
	doc.Close()
}

// A figure cut from a page is a PNG of the rectangle's share of the page
// at the resolution asked, with the page's ink in it.
func TestCutAFigure(t *testing.T) {
	data, _ := exportPDF(t)
	doc, err := pdfengine.Open(data, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	defer doc.Close()
	pngData, w, h, err := doc.Cut(0, 0.1, 0.1, 0.6, 0.3, 150)
	if err != nil {
		t.Fatal(err)
	}
	// Letter at 150 dpi is 1275×1650 pixels; half its width, a fifth of its height.
	if math.Abs(float64(w)-637.5) > 2 || math.Abs(float64(h)-330) > 2 {
		t.Errorf("cut is %d×%d pixels, want about 638×330", w, h)
	}
	img, err := png.Decode(bytes.NewReader(pngData))
	if err != nil || img.Bounds().Dx() != w || img.Bounds().Dy() != h {
		t.Fatalf("the PNG does not decode to %d×%d: %v", w, h, err)
	}
	dark := 0
	for y := range h {
		for x := range w {
			if r, _, _, _ := img.At(x, y).RGBA(); r < 0x8000 {
				dark++
			}
		}
	}
	if dark == 0 {
		t.Error("the cut has no ink: it missed the page's text")
	}
	if _, _, _, err := doc.Cut(0, 0.5, 0.5, 0.4, 0.6, 150); err == nil {
		t.Error("an inverted rectangle was cut")
	}
}

// DrawPages hands over the pages asked for in that order, at the width
// asked, and stops between pages once cancelled.
func TestDrawPagesInOrderUntilCancelled(t *testing.T) {
	data, _ := exportPDF(t)
	var got []int
	err := pdfengine.DrawPages(context.Background(), data, time.Minute, []int{1, 0}, 200, func(i int, img *image.RGBA) {
		if img.Bounds().Dx() != 200 {
			t.Errorf("page %d drawn %d pixels wide, want 200", i, img.Bounds().Dx())
		}
		got = append(got, i)
	})
	if err != nil || len(got) != 2 || got[0] != 1 || got[1] != 0 {
		t.Fatalf("drew %v (%v), want pages 1 then 0", got, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	got = nil
	err = pdfengine.DrawPages(ctx, data, time.Minute, []int{0, 1}, 100, func(i int, _ *image.RGBA) {
		got = append(got, i)
		cancel()
	})
	if !errors.Is(err, context.Canceled) || len(got) != 1 {
		t.Fatalf("after a cancel drew %v and said %v, want one page and context.Canceled", got, err)
	}
}
