package export

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// chartPNG draws a bar chart w by h pixels, its bars set by seed, so that
// charts of one size with other seeds are other images.
func chartPNG(t testing.TB, w, h, seed int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.White)
		}
	}
	bars := 6
	for b := 0; b < bars; b++ {
		top := h - h*((b*37+seed*53)%90+10)/100
		c := color.RGBA{uint8(30 + 40*b), 80, uint8(200 - 30*b), 255}
		for x := w * b / bars; x < w*(b+1)/bars-w/(4*bars); x++ {
			for y := top; y < h; y++ {
				img.Set(x, y, c)
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// newFigure is a figure of page page, its PNG a chart w by h pixels.
func newFigure(t testing.TB, page, w, h, seed int, caption string) *domain.Figure {
	data := chartPNG(t, w, h, seed)
	return &domain.Figure{Page: page, Rect: domain.PageRect{X0: 0.1, Y0: 0.2, X1: 0.9, Y1: 0.6}, PNG: data,
		Width: w, Height: h, SHA256: domain.FigureSHA256(data), Caption: caption}
}

// figureBundle is a briefing of a paged source with a quote and the given
// figures cut from it, each in a block of its own after some commentary.
func figureBundle(t testing.TB, figs ...*domain.Figure) *domain.Bundle {
	src := &domain.Source{ID: 7, Title: "Subsea Cables and the New Geography of Risk", Authors: []string{"Marta Ilić"},
		Publisher: "Centre for Maritime Technology", URL: "https://example.org/cables", Reliability: "B",
		Text: "Repair ships are scarce. Faults by year are charted below."}
	src.Published, _ = domain.ParseDate("2025-02-14")
	b := &domain.Briefing{ID: 3, Title: "Cable faults", Author: "Maritime Desk", Status: domain.StatusFinal, Scheme: domain.SchemeUS,
		TitleMarking: "U", Classification: "U"}
	b.Date, _ = domain.ParseDate("2026-10-01")
	b.Blocks = []*domain.Block{
		{Type: domain.BlockCommentary, Text: "Faults have risen for five years.", Marking: "U"},
		{Type: domain.BlockExcerpt, Excerpt: &domain.Excerpt{ID: 1, SourceID: 7, Quote: "Repair ships are scarce.", Start: 0, End: 24, Marking: "U"}},
	}
	for i, f := range figs {
		e := &domain.Excerpt{ID: int64(10 + i), SourceID: 7, SourceTitle: src.Title, Quote: "Faults by year", Marking: "U", Figure: f}
		b.Blocks = append(b.Blocks,
			&domain.Block{Type: domain.BlockCommentary, Text: "The chart shows it.", Marking: "U"},
			&domain.Block{Type: domain.BlockExcerpt, ExcerptID: e.ID, Excerpt: e})
	}
	return &domain.Bundle{Briefing: b, Sources: []*domain.Source{src}}
}

func TestFiguresAreNumberedAndCiteTheirPage(t *testing.T) {
	b := figureBundle(t, newFigure(t, 4, 900, 600, 1, "Cable faults by year"), newFigure(t, 9, 900, 600, 2, ""))
	d := NewDocument(b)
	var figs []Item
	for _, it := range d.Body {
		if it.Figure != nil {
			figs = append(figs, it)
		}
	}
	if len(figs) != 2 || d.Figures != 2 {
		t.Fatalf("want 2 figure items, got %d (Figures %d)", len(figs), d.Figures)
	}
	if figs[0].FigureNum != 1 || figs[1].FigureNum != 2 {
		t.Fatalf("figures numbered %d, %d", figs[0].FigureNum, figs[1].FigureNum)
	}
	if got := figs[0].FigureLabel(); got != "Figure 1: Cable faults by year" {
		t.Errorf("label %q", got)
	}
	if got := figs[1].FigureLabel(); got != "Figure 2" {
		t.Errorf("label of a figure without a caption %q", got)
	}
	if figs[0].Portion != "(U) " {
		t.Errorf("portion %q", figs[0].Portion)
	}
	// The quote is note 1, cited in full; the figures' notes are short
	// citations with their pages.
	if got := d.Notes[figs[0].Note-1].Text; got != "Ilić, “Subsea Cables,” 4." {
		t.Errorf("figure 1's note %q", got)
	}
	if got := d.Notes[figs[1].Note-1].Text; got != "Ilić, “Subsea Cables,” 9." {
		t.Errorf("figure 2's note %q", got)
	}
	// A figure cited first gets the full note with its page.
	b.Briefing.Blocks = b.Briefing.Blocks[2:]
	d = NewDocument(b)
	if got := d.Notes[0].Text; !strings.Contains(got, "February 14, 2025, 4, https://example.org/cables.") {
		t.Errorf("a full note for a figure %q", got)
	}
	// Without its source (the composer's draft before it loads) the note
	// still names the page.
	b.Sources = nil
	if got := NewDocument(b).Notes[0].Text; got != "Subsea Cables and the New Geography of Risk, 4." {
		t.Errorf("a note without the source %q", got)
	}
}

func TestFigureWordsAreItsCaption(t *testing.T) {
	b := figureBundle(t)
	base := NewDocument(b).Words()
	b = figureBundle(t, newFigure(t, 4, 900, 600, 1, "Cable faults by year, 2019–2024"))
	// The caption's five words count; "Figure 1:" and the text inside the
	// picture (its Quote, "Faults by year") do not, nor does the
	// commentary's four words before it, counted on their own.
	if got, want := NewDocument(b).Words(), base+4+5; got != want {
		t.Fatalf("Words = %d, want %d", got, want)
	}
	text := NewDocument(b).Text()
	if !strings.Contains(text, "    (U) [Figure 1: Cable faults by year, 2019–2024] [2]") {
		t.Errorf("the text lacks the figure:\n%s", text)
	}
	if strings.Contains(text, "Faults by year") {
		t.Errorf("the text prints the words inside the picture:\n%s", text)
	}
}

// layoutOf lays b out as a PDF would be, without drawing it.
func layoutOf(t *testing.T, b *domain.Bundle) *layout {
	t.Helper()
	l, err := layOut(context.Background(), NewDocument(b), PDFOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// imageOps are the pictures laid out, each with its page from 0.
func imageOps(l *layout) (ops []op, pages []int) {
	for pi, pg := range l.pages {
		for _, o := range pg.ops {
			if o.kind == opImage {
				ops, pages = append(ops, o), append(pages, pi)
			}
		}
	}
	return ops, pages
}

func TestPDFFigureSizes(t *testing.T) {
	small := newFigure(t, 4, 600, 300, 1, "Small")          // 2 inches at 300 dpi: 144 pt
	wide := newFigure(t, 4, 3000, 1500, 2, "Wide")          // 10 inches: shrunk to the text width
	tall := newFigure(t, 4, 1200, 6000, 3, "Tall and thin") // 20 inches tall: shrunk to the page
	l := layoutOf(t, figureBundle(t, small, wide, tall))
	ops, _ := imageOps(l)
	if len(ops) != 3 {
		t.Fatalf("%d pictures laid out, want 3", len(ops))
	}
	near := func(a, b float64) bool { return a-b < 0.01 && b-a < 0.01 }
	if o := ops[0]; !near(o.w, 144) || !near(o.h, 72) {
		t.Errorf("a small figure is %gx%g pt, want its print size 144x72", o.w, o.h)
	}
	if o := ops[1]; !near(o.w, l.width) || !near(o.h, l.width/2) {
		t.Errorf("a wide figure is %gx%g pt, want the text width %g", o.w, o.h, l.width)
	}
	if got := (Item{Figure: small}).FigureFraction(); !near(got, 144/l.width) {
		t.Errorf("the small figure's fraction is %g, want %g", got, 144/l.width)
	}
	if got := (Item{Figure: wide}).FigureFraction(); got != 1 {
		t.Errorf("the wide figure's fraction is %g", got)
	}
	room := l.textBottom() - textTop
	if o := ops[2]; o.h > room || !near(o.w*5, o.h) {
		t.Errorf("a tall figure is %gx%g pt: taller than the page's %g or out of shape", o.w, o.h, room)
	}
	for i, o := range ops {
		if !near(o.x+o.w/2, l.left+l.width/2) {
			t.Errorf("figure %d is not centred: x %g w %g", i+1, o.x, o.w)
		}
	}
}

// TestPDFFigureIsNeverSplit fills the first page to near its foot before
// a figure: the figure moves whole to the next page, its caption with it.
func TestPDFFigureIsNeverSplit(t *testing.T) {
	for fill := 0; fill < 40; fill += 3 {
		b := figureBundle(t, newFigure(t, 4, 2400, 1600, 1, "Cable faults by year"))
		var filler []*domain.Block
		for i := 0; i < fill; i++ {
			filler = append(filler, &domain.Block{Type: domain.BlockCommentary, Marking: "U", Text: "A line of commentary to fill the page."})
		}
		b.Briefing.Blocks = append(filler, b.Briefing.Blocks...)
		l := layoutOf(t, b)
		ops, pages := imageOps(l)
		if len(ops) != 1 {
			t.Fatalf("fill %d: %d pictures laid out", fill, len(ops))
		}
		o := ops[0]
		if o.y < textTop || o.y+o.h > l.textBottom() {
			t.Fatalf("fill %d: the picture runs from %g to %g, outside the text area %g–%g", fill, o.y, o.y+o.h, textTop, l.textBottom())
		}
		captionPage := -1
		for pi, pg := range l.pages {
			for _, c := range pg.ops {
				if c.kind == opText && strings.HasPrefix(c.piece.text, "Figure 1") {
					captionPage = pi
					if c.y < o.y+o.h {
						t.Fatalf("fill %d: the caption is at %g, above the picture's foot %g", fill, c.y, o.y+o.h)
					}
				}
			}
		}
		if captionPage != pages[0] {
			t.Fatalf("fill %d: the picture is on page %d, its caption on page %d", fill, pages[0]+1, captionPage+1)
		}
	}
}

func TestPDFFigureReadsBack(t *testing.T) {
	fig := newFigure(t, 4, 900, 600, 1, "Cable faults by year")
	b := figureBundle(t, fig)
	pdf := pdfBytes(t, b, PDFOptions{})
	list := poppler(t, pdf, "pdfimages", "-list")
	rows := imageRows(list)
	if len(rows) != 1 {
		t.Fatalf("pdfimages lists %d images, want 1:\n%s", len(rows), list)
	}
	if r := rows[0]; r.width != 900 || r.height != 600 || r.kind != "image" {
		t.Fatalf("pdfimages lists %+v, want a 900x600 image:\n%s", r, list)
	}
	pages := pageTexts(t, pdf)
	found := -1
	for pi, lines := range pages {
		for _, ln := range lines {
			if strings.Contains(ln, "(U) Figure 1: Cable faults by year") {
				found = pi + 1
			}
		}
	}
	if found != rows[0].page {
		t.Fatalf("the caption is on page %d, the picture on page %d:\n%q", found, rows[0].page, pages)
	}
	flat := strings.Join(strings.Fields(poppler(t, pdf, "pdftotext")), " ")
	if !strings.Contains(flat, "2. Ilić, “Subsea Cables,” 4.") {
		t.Errorf("the notes lack the figure's, citing page 4:\n%s", flat)
	}
}

// TestPDFFigureStoredOnce puts one figure in twice, and two other figures
// of its width, one with transparency (a soft mask, an object more): three
// images are stored, the repeated one once; and figures of one width,
// which gofpdf orders by chance, come out in the same order every time.
func TestPDFFigureStoredOnce(t *testing.T) {
	a := newFigure(t, 4, 900, 600, 1, "One")
	two := newFigure(t, 5, 900, 500, 2, "Two")
	img, _ := png.Decode(bytes.NewReader(two.PNG))
	clear := image.NewNRGBA(img.Bounds())
	for y := 0; y < 500; y++ {
		for x := 0; x < 900; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			clear.Set(x, y, color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(255 - y/4)})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, clear); err != nil {
		t.Fatal(err)
	}
	two.PNG, two.SHA256 = buf.Bytes(), domain.FigureSHA256(buf.Bytes())
	b := figureBundle(t, a, two, newFigure(t, 6, 900, 400, 3, "Three"), a)
	first := pdfBytes(t, b, PDFOptions{})
	list := poppler(t, first, "pdfimages", "-list")
	if !strings.Contains(list, "smask") {
		t.Fatalf("the transparent figure has no soft mask:\n%s", list)
	}
	rows := imageRows(list)
	objects := map[int]bool{}
	for _, r := range rows {
		objects[r.object] = true
	}
	if len(rows) != 4 || len(objects) != 3 {
		t.Fatalf("%d images drawn from %d objects, want 4 from 3: %+v", len(rows), len(objects), rows)
	}
	for i := 0; i < 8; i++ {
		if !bytes.Equal(first, pdfBytes(t, b, PDFOptions{})) {
			t.Fatal("the same briefing with figures gave different PDFs")
		}
	}
}

func TestPDFFigureOfSixteenBitsPrints(t *testing.T) {
	img := image.NewNRGBA64(image.Rect(0, 0, 300, 200))
	for y := 0; y < 200; y++ {
		for x := 0; x < 300; x++ {
			img.Set(x, y, color.NRGBA64{uint16(x * 200), uint16(y * 300), 0x8000, 0xffff})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	f := &domain.Figure{Page: 2, Rect: domain.PageRect{X1: 1, Y1: 1}, PNG: buf.Bytes(), Width: 300, Height: 200,
		SHA256: domain.FigureSHA256(buf.Bytes()), Caption: "Deep colour"}
	rows := imageRows(poppler(t, pdfBytes(t, figureBundle(t, f), PDFOptions{}), "pdfimages", "-list"))
	if len(rows) != 1 || rows[0].width != 300 || rows[0].height != 200 || rows[0].bpc != 8 {
		t.Fatalf("a 16-bit PNG is listed as %+v, want one 300x200 image of 8 bits", rows)
	}
}

func TestPDFFigureDamagedIsRefused(t *testing.T) {
	f := newFigure(t, 3, 300, 200, 1, "Broken")
	f.PNG = []byte("not a picture at all")
	var buf bytes.Buffer
	err := WritePDF(context.Background(), &buf, figureBundle(t, f), PDFOptions{})
	if err == nil || !strings.Contains(err.Error(), "the figure from page 3 cannot be printed") || domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("a damaged figure gave %v", err)
	}
	if buf.Len() != 0 {
		t.Fatal("something was written")
	}
}

type imageRow struct {
	page, width, height, bpc, object int
	kind                             string
}

// imageRows reads pdfimages -list: page num type width height color comp
// bpc enc interp object ID …
func imageRows(list string) []imageRow {
	var out []imageRow
	row := regexp.MustCompile(`^\s*(\d+)\s+\d+\s+(\S+)\s+(\d+)\s+(\d+)\s+\S+\s+\d+\s+(\d+)\s+\S+\s+\S+\s+(\d+)\s+\d+`)
	for _, l := range strings.Split(list, "\n") {
		m := row.FindStringSubmatch(l)
		if m == nil || m[2] != "image" {
			continue
		}
		n := func(i int) int { v, _ := strconv.Atoi(m[i]); return v }
		out = append(out, imageRow{page: n(1), kind: m[2], width: n(3), height: n(4), bpc: n(5), object: n(6)})
	}
	return out
}

// TestPreviewDrawsFigures: the composer's preview is the export's PDF
// drawn by PDFium, so the chart's bars are on the page drawn.
func TestPreviewDrawsFigures(t *testing.T) {
	d := NewDocument(figureBundle(t, newFigure(t, 4, 1500, 900, 1, "Cable faults by year")))
	_, imgs, err := RenderPages(context.Background(), d, "a4", []int{0}, 600)
	if err != nil {
		t.Fatal(err)
	}
	// chartPNG's first bar is RGB(30, 80, 200).
	bar := 0
	b := imgs[0].Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := imgs[0].RGBAAt(x, y)
			if absDiff(c.R, 30) < 12 && absDiff(c.G, 80) < 12 && absDiff(c.B, 200) < 12 {
				bar++
			}
		}
	}
	if bar < 200 {
		t.Fatalf("%d pixels of the chart's first bar on the page drawn, want a bar", bar)
	}
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

// A release copy leaves out a figure marked above its level like any
// portion, naming it; the figures left are numbered afresh.
func TestReleaseLeavesOutAFigureAbove(t *testing.T) {
	b := figureBundle(t, newFigure(t, 4, 300, 200, 1, "Secret chart"), newFigure(t, 5, 300, 200, 2, "Open chart"))
	b.Briefing.Classification = ""
	b.Briefing.Blocks[3].Excerpt.Marking = domain.MarkingSecret
	out, dropped, err := Release(b, domain.MarkingUnclassified)
	if err != nil {
		t.Fatal(err)
	}
	if len(dropped) != 1 || !strings.Contains(dropped[0].Where, "Figure 1 (note 2) “Secret chart”") {
		t.Fatalf("dropped %+v", dropped)
	}
	d := NewDocument(out)
	var labels []string
	for _, it := range d.Body {
		if it.Figure != nil {
			labels = append(labels, it.Portion+it.FigureLabel())
		}
	}
	if strings.Join(labels, "|") != "(U) Figure 1: Open chart" {
		t.Fatalf("the copy's figures are %q", labels)
	}
}
