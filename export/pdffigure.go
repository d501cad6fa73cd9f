package export

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"strconv"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/pdfengine"
	"github.com/jung-kurt/gofpdf"
)

// Figures in the PDF: the picture centred at the text width (or smaller,
// never larger than it prints at the resolution it was cut at), never
// split across pages, and "Figure N: caption" under it with the note mark
// that cites its page.

var (
	fCaption      = face{famSans, "", 8.5}
	fCaptionLabel = face{famSans, "B", 8.5}
)

const (
	lCaption      = 12.0
	figureBefore  = 10.0 // space above the picture
	captionBefore = 6.0  // between the picture and its caption
)

// figureTextWidth is the text width of an A4 page in points (Letter's is
// 4% wider), against which FigureFraction measures a figure.
const figureTextWidth = 595.28 - 2*78

// FigureFraction is the share of the text width a figure takes in the
// PDF, 1 for one as wide or wider, less for a small figure, which is
// never printed larger than its own resolution allows: a screen showing
// the briefing shows the figure at the same share of its column.
func (it Item) FigureFraction() float64 {
	if it.Figure == nil || it.Figure.Width <= 0 {
		return 1
	}
	return min(1, float64(it.Figure.Width)*72/pdfengine.PrintDPI/figureTextWidth)
}

// figure lays out a figure item: the picture as a block of one line as
// tall as the picture, whole and kept with its caption, then the caption,
// whole, then the analyst's note if printed.
func (l *layout) figure(it Item) {
	l.where = fmt.Sprintf("figure %d", it.FigureNum)
	caption := l.figureCaption(it)
	w, h := l.figureSize(it.Figure, caption)
	x := l.left + (l.width-w)/2
	l.blocks = append(l.blocks, &block{lines: []line{{}}, leading: h, x: x, before: figureBefore, whole: true, keepWithNext: true,
		image: &op{kind: opImage, x: x, w: w, h: h, figure: it.Figure}})
	l.blocks = append(l.blocks, caption)
	l.comment(it, l.left, l.width)
	l.blocks[len(l.blocks)-1].after = 12
}

// figureCaption is the caption block: the portion mark, "Figure N:" and
// the caption, then the note number, each line centred under the picture.
func (l *layout) figureCaption(it Item) *block {
	label := "Figure " + strconv.Itoa(it.FigureNum)
	spans := []span{sp(it.Portion, fCaption, ink), sp(label, fCaptionLabel, navy)}
	if c := citeClean(it.Text); c != "" {
		spans[1].text += ": "
		spans = append(spans, sp(c, fCaption, ink))
	}
	spans = append(spans, span{text: strconv.Itoa(it.Note), face: fNoteRef, color: navy, rise: 3})
	lines := l.ts.wrap(spans, l.width)
	for i := range lines {
		shift := (l.width - lines[i].w) / 2
		for k := range lines[i].pieces {
			lines[i].pieces[k].x += shift
		}
	}
	return &block{lines: lines, leading: lCaption, x: l.left, before: captionBefore, whole: true}
}

// figureSize is the picture's size on the page in points: its print size
// (its pixels at the resolution it was cut at), shrunk to the text width,
// and shrunk again if it and its caption would not fit on an empty page.
func (l *layout) figureSize(f *domain.Figure, caption *block) (w, h float64) {
	if f.Width <= 0 || f.Height <= 0 {
		return 0, 0
	}
	aspect := float64(f.Height) / float64(f.Width)
	w = min(float64(f.Width)*72/pdfengine.PrintDPI, l.width)
	h = w * aspect
	room := l.textBottom() - textTop - figureBefore - caption.before - float64(len(caption.lines))*caption.leading
	if h > room {
		h = max(room, 1)
		w = h / aspect
	}
	return w, h
}

// image draws a figure's picture, registering it with gofpdf the first
// time, by its SHA-256, so that a figure shown twice is stored once.
func (l *layout) image(o op) {
	f := o.figure
	if l.figureNames == nil {
		l.figureNames = map[*domain.Figure]string{}
	}
	name, ok := l.figureNames[f]
	if !ok {
		name = "figure-" + domain.FigureSHA256(f.PNG)
		l.figureNames[f] = name
	}
	opt := gofpdf.ImageOptions{ImageType: "PNG"}
	if l.pdf.GetImageInfo(name) == nil {
		data, err := printablePNG(f.PNG)
		if err != nil {
			l.pdf.SetError(domain.Errorf(domain.EINVALID, "the figure from page %d cannot be printed, its image is damaged (%v): cut it out of its source again", f.Page, err))
			return
		}
		l.pdf.RegisterImageOptionsReader(name, opt, bytes.NewReader(data))
	}
	l.pdf.ImageOptions(name, o.x, o.y, o.w, o.h, false, opt, 0, "")
}

// printablePNG is png as gofpdf can embed it: as it is when it is a PNG of
// 8 bits or fewer per channel, not interlaced (gofpdf refuses the others),
// else decoded and written again so; an error when it is no PNG at all.
func printablePNG(data []byte) ([]byte, error) {
	const ihdr = 8 + 8 // the signature, then the IHDR chunk's length and type
	if len(data) >= ihdr+13 && string(data[:8]) == "\x89PNG\r\n\x1a\n" && string(data[12:16]) == "IHDR" {
		depth, colour, interlace := data[ihdr+8], data[ihdr+9], data[ihdr+12]
		if depth <= 8 && interlace == 0 && colour != 1 && colour != 5 && colour <= 6 {
			return data, nil
		}
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	out := image.NewNRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
	var buf bytes.Buffer
	if err := png.Encode(&buf, out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
