package app

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/widgets"
)

// testFigure is a figure of page page cut at print resolution, its PNG a
// plain w by h picture.
func testFigure(t *testing.T, page, w, h int, caption string) *domain.Figure {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetNRGBA(x, y, color.NRGBA{uint8(x), 90, 200, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return &domain.Figure{Page: page, Rect: domain.PageRect{X0: 0.1, Y0: 0.1, X1: 0.9, Y1: 0.5}, PNG: buf.Bytes(),
		Width: w, Height: h, SHA256: domain.FigureSHA256(buf.Bytes()), Caption: caption}
}

// A figure excerpt is a figure card: "Figure N: caption" after its
// portion mark, its page and grades on the source line, its picture by
// its SHA-256 with its size and the share of the width it prints at.
func TestDocumentModelShowsFigures(t *testing.T) {
	src := &domain.Source{ID: 7, Title: "Subsea cables: the new geography", Reliability: domain.Reliability("B")}
	small := testFigure(t, 4, 600, 300, "Faults by year")
	wide := testFigure(t, 12, 3000, 1000, "")
	b := &domain.Briefing{Title: "T", Scheme: domain.SchemeUS, Blocks: []*domain.Block{
		{Type: domain.BlockExcerpt, Excerpt: &domain.Excerpt{ID: 3, SourceID: 7, Quote: "Repair ships are scarce", Marking: "U", SourceTitle: src.Title}},
		{Type: domain.BlockExcerpt, Excerpt: &domain.Excerpt{ID: 4, SourceID: 7, Quote: "Faults", Credibility: 2, Marking: "U", SourceTitle: src.Title, Figure: small}},
		{Type: domain.BlockCommentary, Text: "Between.", Marking: "U"},
		{Type: domain.BlockExcerpt, Excerpt: &domain.Excerpt{ID: 5, SourceID: 7, Marking: "U", SourceTitle: src.Title, Figure: wide}},
	}}
	m := newDocModel(b, export.NewDocument(&domain.Bundle{Briefing: b, Sources: []*domain.Source{src}}), docFlags{})
	if len(m.items) != 4 || m.items[0].Kind != widgets.DocQuote {
		t.Fatalf("items %+v", m.items)
	}
	f1, f2 := m.items[1], m.items[3]
	if f1.Kind != widgets.DocFigure || f1.Mark != "(U) " || f1.Text != "Figure 1: Faults by year" || f1.Meta != "Subsea cables · p. 4 · B2" || f1.Action != "Show in source" {
		t.Errorf("the first figure's card is %+v", f1)
	}
	if f2.Kind != widgets.DocFigure || f2.Text != "Figure 2" || f2.Meta != "Subsea cables · p. 12 · B" {
		t.Errorf("the second figure's card is %+v", f2)
	}
	if im := f1.Image; im.Key != small.SHA256 || im.Width != 600 || im.Height != 300 || im.Fraction < 0.3 || im.Fraction > 0.35 {
		t.Errorf("the first figure's picture is %+v", im)
	}
	if f2.Image.Fraction != 1 {
		t.Errorf("a figure wider than the text takes %v of it", f2.Image.Fraction)
	}
	if !bytes.Equal(m.pictures[small.SHA256], small.PNG) || !bytes.Equal(m.pictures[wide.SHA256], wide.PNG) {
		t.Error("the model does not give the figures' pictures by key")
	}
	if m.block[1] != 1 || m.item[3] != 3 {
		t.Errorf("figures map to blocks %v, blocks to items %v", m.block, m.item)
	}
}
