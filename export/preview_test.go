package export

import (
	"context"
	"errors"
	"image"
	"io"
	"math"
	"testing"

	"github.com/attache/attache/domain"
)

// inkRows counts the rows of img with a pixel far from white: text,
// rules, banners.
func inkRows(img *image.RGBA) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := img.RGBAAt(x, y)
			if int(c.R)+int(c.G)+int(c.B) < 3*160 {
				n++
				break
			}
		}
	}
	return n
}

// The preview is the export's PDF: its page count is the one Pages gives,
// each page drawn at the paper's proportions, with ink on it, on white.
func TestPreviewDrawsTheExportsPages(t *testing.T) {
	d := NewDocument(pdfBundle(3, domain.StatusFinal))
	want, err := d.Pages("a4")
	if err != nil {
		t.Fatal(err)
	}
	p, err := d.Preview(context.Background(), "a4")
	if err != nil {
		t.Fatal(err)
	}
	if p.Pages != want || want < 2 {
		t.Fatalf("the preview has %d pages, Pages says %d (want at least 2)", p.Pages, want)
	}
	if math.Abs(p.Width-595.28) > 1 || math.Abs(p.Height-841.89) > 1 {
		t.Errorf("page size %.1f×%.1f pt, want A4", p.Width, p.Height)
	}
	var got []int
	imgs := map[int]*image.RGBA{}
	err = p.Draw(context.Background(), []int{1, 0}, 400, func(i int, img *image.RGBA) {
		got = append(got, i)
		imgs[i] = img
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != 1 || got[1] != 0 {
		t.Fatalf("pages drawn in the order %v, want [1 0]", got)
	}
	for i, img := range imgs {
		w, h := img.Bounds().Dx(), img.Bounds().Dy()
		if w != 400 || h != p.PageHeight(400) || math.Abs(float64(h)/float64(w)-p.Height/p.Width) > 0.01 {
			t.Errorf("page %d is %d×%d, want 400 wide at A4's proportions (%d high)", i+1, w, h, p.PageHeight(400))
		}
		if c := img.RGBAAt(2, h/2); c.R != 255 || c.G != 255 || c.B != 255 || c.A != 255 {
			t.Errorf("page %d's margin is %v, want opaque white", i+1, c)
		}
		if n := inkRows(img); n < h/10 {
			t.Errorf("page %d has ink on %d of %d rows: blank", i+1, n, h)
		}
	}
	if string(imgs[0].Pix) == string(imgs[1].Pix) {
		t.Error("pages 1 and 2 are the same image")
	}
}

// A page count on Letter follows the paper; a page outside the document is
// an error, not a crash.
func TestPreviewOnLetterAndOutsideTheDocument(t *testing.T) {
	p, imgs, err := RenderPages(context.Background(), NewDocument(pdfBundle(1, domain.StatusFinal)), "letter", []int{0}, 300)
	if err != nil {
		t.Fatal(err)
	}
	if p.Width != 612 || p.Height != 792 || len(imgs) != 1 || imgs[0].Bounds().Dy() != p.PageHeight(300) {
		t.Fatalf("letter: %.0f×%.0f pt, %d images", p.Width, p.Height, len(imgs))
	}
	if err := p.Draw(context.Background(), []int{p.Pages}, 300, func(int, *image.RGBA) {}); err == nil {
		t.Error("drawing a page past the end gave no error")
	}
}

// A briefing whose export would be refused is laid out all the same, with
// the export's refusal; one with a character no font has is previewed with
// the character's code and says which it is.
func TestPreviewRefusalAndMissingCharacters(t *testing.T) {
	b := pdfBundle(1, domain.StatusFinal)
	b.Briefing.Blocks[3].Marking = "" // a commentary without its portion mark
	p, err := NewDocument(b).Preview(context.Background(), "a4")
	var r *Refusal
	if err != nil || p.Refusal == nil || !errors.As(WritePDF(context.Background(), io.Discard, b, PDFOptions{}), &r) ||
		p.Refusal.Error() != r.Error() || p.Pages == 0 {
		t.Fatalf("err %v, refusal %v, want the export's: %v", err, p.Refusal, r)
	}
	b = pdfBundle(1, domain.StatusFinal)
	b.Briefing.Blocks = append(b.Briefing.Blocks, &domain.Block{Type: domain.BlockCommentary, Text: "Markets reacted 📉.", Marking: "U"})
	p, err = NewDocument(b).Preview(context.Background(), "a4")
	if err != nil || p.Refusal != nil {
		t.Fatal(err, p.Refusal)
	}
	if len(p.Missing) != 1 || p.Missing[0].Code != "U+1F4C9" {
		t.Fatalf("missing %+v, want the emoji", p.Missing)
	}
}

// A cancelled preview stops with the context's error.
func TestPreviewStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := NewDocument(pdfBundle(2, domain.StatusFinal)).Preview(ctx, "a4"); !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
}
