package interchange

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

func figurePNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// figureBundle is the test bundle with two figure excerpts of its English
// source: one with text inside it, one (a chart) without.
func figureBundle(t *testing.T) *domain.Bundle {
	b := testBundle(t)
	en := b.Sources[0]
	img := figurePNG(t, 30, 20)
	withText := &domain.Excerpt{ID: 950, SourceID: en.ID, Start: 0, End: 13, Quote: "Ministry note", Tags: []string{},
		Figure: &domain.Figure{Page: 2, Rect: domain.PageRect{X0: 0.125, Y0: 0.25, X1: 0.875, Y1: 0.5},
			PNG: img, Width: 30, Height: 20, SHA256: domain.FigureSHA256(img), Caption: "Exports by month"}}
	chart := figurePNG(t, 8, 4)
	empty := &domain.Excerpt{ID: 951, SourceID: en.ID, Start: 26, End: 26, Tags: []string{},
		Figure: &domain.Figure{Page: 3, Rect: domain.PageRect{X0: 0, Y0: 0, X1: 1, Y1: 0.3},
			PNG: chart, Width: 8, Height: 4, SHA256: domain.FigureSHA256(chart)}}
	b.Briefing.Blocks = append(b.Briefing.Blocks,
		&domain.Block{ID: 20, Type: domain.BlockExcerpt, ExcerptID: withText.ID, Excerpt: withText},
		&domain.Block{ID: 21, Type: domain.BlockExcerpt, ExcerptID: empty.ID, Excerpt: empty})
	return b
}

func TestJSONFiguresRoundTrip(t *testing.T) {
	b := figureBundle(t)
	out := writeJSON(t, b)
	for _, w := range []string{`"version": 4`, `"figure": {`, `"page": 2`, `"rect": [`, `"caption": "Exports by month"`,
		`"png": "` + base64.StdEncoding.EncodeToString(b.Briefing.Blocks[len(b.Briefing.Blocks)-2].Excerpt.Figure.PNG) + `"`,
		`"quote": "",`, `"start": 26,` + "\n" + `      "end": 26,`} {
		if !bytes.Contains(out, []byte(w)) {
			t.Errorf("the file lacks %s", w)
		}
	}
	got, err := ReadJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("ReadJSON: %v", err)
	}
	assertBundle(t, got, canonical(b))
	if again := writeJSON(t, got); !bytes.Equal(again, out) {
		t.Error("writing the read bundle gave different bytes")
	}
}

// figureFile is the figure bundle's file with old replaced by new once.
func figureFile(t *testing.T, old, new string) []byte {
	t.Helper()
	out := string(writeJSON(t, figureBundle(t)))
	if !strings.Contains(out, old) {
		t.Fatalf("the file lacks %q", old)
	}
	return []byte(strings.Replace(out, old, new, 1))
}

func TestJSONDamagedFiguresAreRefused(t *testing.T) {
	b := figureBundle(t)
	fig := b.Briefing.Blocks[len(b.Briefing.Blocks)-2].Excerpt.Figure
	b64 := base64.StdEncoding.EncodeToString(fig.PNG)
	other := figurePNG(t, 31, 20)
	for _, c := range []struct {
		name, old, new string
		want           []string
	}{
		{"not base64", b64, "@@" + b64[2:], []string{`"png" is not base64`}},
		{"changed bytes", b64, base64.StdEncoding.EncodeToString(append([]byte{}, fig.PNG[:len(fig.PNG)-1]...)), []string{"does not match its SHA-256"}},
		{"another image, hash recomputed", b64 + `"`, base64.StdEncoding.EncodeToString(other) + `"`, []string{"does not match its SHA-256"}},
		{"size", `"width": 30`, `"width": 31`, []string{`"png" is not a 31×20 PNG image`}},
		{"page", `"page": 2`, `"page": 0`, []string{"the figure has no page"}},
		{"rect", `"rect": [` + "\n" + `          0.125`, `"rect": [` + "\n" + `          0.9`, []string{"empty or outside the page"}},
		{"empty figure with offsets apart", `"start": 26,` + "\n" + `      "end": 26`, `"start": 26,` + "\n" + `      "end": 30`, []string{`"quote" is empty`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadJSON(bytes.NewReader(figureFile(t, c.old, c.new)))
			if domain.ErrorCode(err) != domain.EINVALID {
				t.Fatalf("error %v, want EINVALID", err)
			}
			msg := domain.ErrorMessage(err)
			for _, w := range append(c.want, "block ") {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q lacks %q", msg, w)
				}
			}
		})
	}
	// The block is named with its figure's caption.
	_, err := ReadJSON(bytes.NewReader(figureFile(t, b64, "@@"+b64[2:])))
	if msg := domain.ErrorMessage(err); !strings.Contains(msg, `figure on page 2 "Exports by month"`) {
		t.Errorf("message %q does not name the figure", msg)
	}
}

// A version 2 file has no figures: a "figure" there is ignored, so a
// version 2 file reads as it always did.
func TestJSONVersion2IgnoresFigures(t *testing.T) {
	file := figureFile(t, `"version": 4`, `"version": 2`)
	// Its empty-quote figure is then an empty quote, refused as before.
	if _, err := ReadJSON(bytes.NewReader(file)); err == nil || !strings.Contains(domain.ErrorMessage(err), `"quote" is empty`) {
		t.Fatalf("version 2 with an empty figure: %v", err)
	}
	b := figureBundle(t)
	b.Briefing.Blocks = b.Briefing.Blocks[:len(b.Briefing.Blocks)-1]
	out := bytes.Replace(writeJSON(t, b), []byte(`"version": 4`), []byte(`"version": 2`), 1)
	got, err := ReadJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if ex := got.Briefing.Blocks[len(got.Briefing.Blocks)-1].Excerpt; ex.Figure != nil || ex.Quote != "Ministry note" {
		t.Fatalf("version 2 read a figure: %+v", ex)
	}
}
