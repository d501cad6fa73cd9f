package ingest

import (
	"bytes"
	"fmt"
	"image"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/attache/attache/assets"
	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/pdfengine"
)

// wordAt finds the n-th (from 0) whole word w in text, in runes.
func wordAt(t *testing.T, text, w string, n int) (start, end int) {
	t.Helper()
	locs := regexp.MustCompile(`\b`+regexp.QuoteMeta(w)+`\b`).FindAllStringIndex(text, -1)
	if len(locs) <= n {
		t.Fatalf("%q is not in the text %d times:\n%s", w, n+1, text)
	}
	start = len([]rune(text[:locs[n][0]]))
	return start, start + len([]rune(w))
}

// ink is the share of dark pixels of img inside r (page fractions).
func ink(img *image.RGBA, r domain.PageRect) float64 {
	b := img.Bounds()
	x0, x1 := int(r.X0*float32(b.Dx())), int(r.X1*float32(b.Dx()))
	y0, y1 := int(r.Y0*float32(b.Dy())), int(r.Y1*float32(b.Dy()))
	dark, all := 0, 0
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			all++
			if img.RGBAAt(x, y).R < 128 {
				dark++
			}
		}
	}
	if all == 0 {
		return 0
	}
	return float64(dark) / float64(all)
}

// checkWords checks, for each word, that the page map puts it where the
// rendered page has ink, on one line of the page expected, no wider than
// the word can be, and that a point in its middle maps back into it.
func checkWords(t *testing.T, data []byte, src *domain.Source, words map[string]int, upright bool) {
	t.Helper()
	m := src.TextMap
	if m == nil {
		t.Fatal("no page map")
	}
	if err := m.Validate(len([]rune(src.Text))); err != nil {
		t.Fatal(err)
	}
	doc, err := pdfengine.Open(data, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	defer doc.Close()
	pages := map[int]*image.RGBA{}
	for w, page := range words {
		start, end := wordAt(t, src.Text, w, 0)
		rs := m.Rects(start, end)
		if len(rs) == 0 || upright && len(rs) != 1 {
			t.Errorf("%q: rects %v, want one on page %d", w, rs, page+1)
			continue
		}
		// TextMap.Rects joins glyphs along horizontal lines only: a line
		// running down the page comes as one rectangle per letter.
		r := rs[0].Rect
		for _, b := range rs {
			if b.Page != page {
				t.Fatalf("%q: rects %v, want them on page %d", w, rs, page+1)
			}
			r = union(r, b.Rect)
		}
		if pages[page] == nil {
			if pages[page], err = doc.Render(page, 1200); err != nil {
				t.Fatal(err)
			}
		}
		img := pages[page]
		// Letters cover a good part of their boxes, and the box is tight:
		// thin strips just before it (a space or the margin) and just over
		// it (between the lines) are white. A line running down the page is
		// checked on all four sides, whichever way it is turned.
		h, wd := r.Y1-r.Y0, r.X1-r.X0
		strips := []domain.PageRect{{X0: r.X0, X1: r.X1, Y0: r.Y0 - 0.25*h, Y1: r.Y0 - 0.05*h},
			{X0: r.X0 - 0.2*h, X1: r.X0 - 0.05*h, Y0: r.Y0, Y1: r.Y1}}
		if !upright {
			h, wd = wd, h
			strips = []domain.PageRect{{X0: r.X0, X1: r.X1, Y0: r.Y0 - 0.2*h, Y1: r.Y0 - 0.05*h},
				{X0: r.X0, X1: r.X1, Y0: r.Y1 + 0.05*h, Y1: r.Y1 + 0.2*h},
				{X0: r.X0 - 0.25*h, X1: r.X0 - 0.05*h, Y0: r.Y0, Y1: r.Y1},
				{X0: r.X1 + 0.05*h, X1: r.X1 + 0.25*h, Y0: r.Y0, Y1: r.Y1}}
		}
		if in := ink(img, r); in < 0.12 {
			t.Errorf("%q at %+v on page %d: ink %.2f inside", w, r, page+1, in)
		}
		for _, s := range strips {
			if out := ink(img, s); out > 0.02 {
				t.Errorf("%q at %+v on page %d: ink %.2f in %+v beside it", w, r, page+1, out, s)
			}
		}
		if wd <= 0 || h <= 0 || wd > 0.5 || h > 0.05 {
			t.Errorf("%q: a box of %v×%v of the page", w, wd, h)
		}
		mid, ok := m.OffsetAt(page, (r.X0+r.X1)/2, (r.Y0+r.Y1)/2)
		if !ok || mid <= start || mid >= end {
			t.Errorf("%q is at %d–%d; its box's centre maps to %d (%v)", w, start, end, mid, ok)
		}
		if s, e, ok := m.Within(page, r); !ok || s != start || e != end {
			t.Errorf("%q is at %d–%d; its box holds %d–%d", w, start, end, s, e)
		}
	}
}

// The page map of a multi-page report puts each word where the page shows
// it, across hyphenated line ends, page breaks and pages in two columns.
func TestPDFPageMapFindsWords(t *testing.T) {
	fx := reportFixture()
	data := fx.bytes(t)
	src, _, err := Import("report.pdf", bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if src.TextMap == nil {
		t.Fatal("no page map")
	}
	if len(src.TextMap.Pages) != 4 || src.TextMap.Pages[0].W < 595 || src.TextMap.Pages[0].W > 596 {
		t.Fatalf("pages %v, want four A4 pages", src.TextMap.Pages)
	}
	checkWords(t, data, src, map[string]int{"synchronisation": 0, "milestone": 0, "Summary": 1,
		"interconnectors": 1, "Facility": 2, "costed": 3, "billion": 2}, true)
	// A word joined over a line end maps to both lines, hyphen left out.
	start, end := wordAt(t, src.Text, "telecommunications", 0)
	if rs := src.TextMap.Rects(start, end); len(rs) != 2 || rs[0].Rect.Y1 > rs[1].Rect.Y0 {
		t.Errorf("telecommunications: %v, want two lines, one under the other", rs)
	}
	// Made-up runes have no glyph: the blank line between paragraphs.
	gap := strings.Index(src.Text, "\n\n")
	for _, g := range src.TextMap.Glyphs {
		if int(g.Offset) == len([]rune(src.Text[:gap])) {
			t.Errorf("the paragraph break at %d has a glyph", g.Offset)
		}
	}
}

// rotatedPage is a one-page PDF whose text runs down the page: drawn
// turned a quarter (turn), or drawn upright on a page whose /Rotate
// turns it (rotate); or upright on a page cropped off its corner (crop).
func rotatedPage(t *testing.T, turn, rotate, crop bool) []byte {
	t.Helper()
	f := gofpdf.New("P", "mm", "A4", "")
	f.SetCompression(false)
	f.AddUTF8FontFromBytes("serif", "", assets.Font("NotoSerif-Regular.ttf"))
	f.AddPage()
	if crop { // a crop box off the media box's corner, as with bleed
		f.SetPageBox("crop", 20, 20, 170, 230)
	}
	f.SetFont("serif", "", 12)
	if turn {
		f.TransformBegin()
		f.TransformRotate(90, 105, 148.5)
	}
	for i, line := range []string{"Quarterly tonnage rose sharply in the northern ports.",
		"Freight rates fell back after the spring congestion eased."} {
		f.Text(45, 70+float64(i)*8, line)
	}
	if turn {
		f.TransformEnd()
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if rotate {
		data = withRotate(t, data)
	}
	return data
}

// withRotate adds /Rotate 90 to the pages of a PDF written by gofpdf and
// writes its cross-reference table again.
func withRotate(t *testing.T, data []byte) []byte {
	t.Helper()
	data = bytes.ReplaceAll(data, []byte("<</Type /Page\n"), []byte("<</Type /Page\n/Rotate 90\n"))
	objs := regexp.MustCompile(`(?m)^(\d+) 0 obj`).FindAllSubmatchIndex(data, -1)
	x := bytes.LastIndex(data, []byte("\nxref\n")) + 1
	var b bytes.Buffer
	b.Write(data[:x])
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	offs := make([]int, len(objs)+1)
	for _, o := range objs {
		n, _ := strconv.Atoi(string(data[o[2]:o[3]]))
		if n >= len(offs) {
			t.Fatalf("object %d of %d", n, len(objs))
		}
		offs[n] = o[0]
	}
	for _, off := range offs[1:] {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	tr := bytes.Index(data[x:], []byte("trailer"))
	b.Write(data[x+tr : bytes.LastIndex(data, []byte("startxref"))])
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", x)
	return b.Bytes()
}

// On a page turned by /Rotate, or whose text is drawn turned, or cropped,
// the page map gives the boxes on the page as it is rendered, not as the
// text is read.
func TestPDFPageMapOnTurnedPages(t *testing.T) {
	for _, c := range []struct {
		name               string
		turn, rotate, crop bool
		landscape          bool
	}{{"rotate", false, true, false, true}, {"turned text", true, false, false, false}, {"crop box", false, false, true, false}} {
		t.Run(c.name, func(t *testing.T) {
			data := rotatedPage(t, c.turn, c.rotate, c.crop)
			src, _, err := Import("turned.pdf", bytes.NewReader(data), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(src.Text, "tonnage rose sharply") || src.TextMap == nil {
				t.Fatalf("text %q, map %v", src.Text, src.TextMap)
			}
			if p := src.TextMap.Pages[0]; (p.W > p.H) != c.landscape {
				t.Errorf("page %v, landscape %v", p, c.landscape)
			}
			if p := src.TextMap.Pages[0]; c.crop && (p.W < 481 || p.W > 483) {
				t.Errorf("page %v, want the crop box's 170 mm width", p)
			}
			checkWords(t, data, src, map[string]int{"Quarterly": 0, "northern": 0, "Freight": 0, "congestion": 0}, !c.turn && !c.rotate)
		})
	}
}
