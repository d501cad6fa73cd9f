package interchange

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image/png"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/attache/attache/domain"
)

// jsonFigure is a figure excerpt's picture (version 3): the rectangle cut
// out of a page, the PNG in base64, its size and SHA-256, and its caption.
type jsonFigure struct {
	Page    int        `json:"page"`
	Rect    [4]float32 `json:"rect"` // x0, y0, x1, y1: fractions of the page, 0 at the top left
	Width   int        `json:"width"`
	Height  int        `json:"height"`
	SHA256  string     `json:"sha256"`
	Caption string     `json:"caption"`
	PNG     string     `json:"png"` // base64 (standard alphabet, padded)
}

func toJSONFigure(f *domain.Figure) *jsonFigure {
	if f == nil {
		return nil
	}
	return &jsonFigure{
		Page: f.Page, Rect: [4]float32{f.Rect.X0, f.Rect.Y0, f.Rect.X1, f.Rect.Y1},
		Width: f.Width, Height: f.Height, SHA256: f.SHA256, Caption: f.Caption,
		PNG: base64.StdEncoding.EncodeToString(f.PNG),
	}
}

// buildFigure reads a figure back and checks it as the store will, and
// more: the image must be a PNG of the size the file gives, so a file
// whose image was replaced and its hash recomputed still cannot bring in
// something that is not the figure it describes.
func buildFigure(where string, jf *jsonFigure) (*domain.Figure, error) {
	where += fmt.Sprintf(", figure on page %d", jf.Page)
	if jf.Caption != "" {
		where += fmt.Sprintf(" %q", shorten(jf.Caption, 40))
	}
	data, err := base64.StdEncoding.DecodeString(jf.PNG)
	if err != nil {
		return nil, invalidAt(where, "\"png\" is not base64 (%v): the file was damaged; export the briefing again", err)
	}
	f := &domain.Figure{
		Page: jf.Page, Rect: domain.PageRect{X0: jf.Rect[0], Y0: jf.Rect[1], X1: jf.Rect[2], Y1: jf.Rect[3]},
		PNG: data, Width: jf.Width, Height: jf.Height, SHA256: jf.SHA256, Caption: jf.Caption,
	}
	if err := f.Validate(); err != nil {
		return nil, domainCheck(where, err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width != f.Width || cfg.Height != f.Height {
		return nil, invalidAt(where, "\"png\" is not a %d×%d PNG image: the file was damaged or edited; export the briefing again", f.Width, f.Height)
	}
	return f, nil
}

// emptyFigureSpan reads the offsets of a figure with no text inside it:
// "start" equal to "end", inside the text, and no quote.
func emptyFigureSpan(where, named string, jb jsonBlock, text *domain.RuneIndex, ex *domain.Excerpt) error {
	switch {
	case jb.Start == nil || jb.End == nil:
		ex.Start, ex.End = 0, 0
	case *jb.Start < 0 || *jb.Start > text.Len():
		return invalidAt(where, "\"start\" and \"end\" (%d) are outside %s, which has %d characters: correct them", *jb.Start, named, text.Len())
	default:
		ex.Start, ex.End = *jb.Start, *jb.End
	}
	return nil
}

// figureIsEmpty says whether an excerpt block is a figure with no text
// inside it: a figure with no quote, whose offsets (if any) are equal.
func figureIsEmpty(jb jsonBlock, quote string) bool {
	return jb.Figure != nil && quote == "" && (jb.Start == nil || jb.End == nil || *jb.Start == *jb.End)
}

// writtenEmptySpan places an empty figure span in the NFC text written.
func writtenEmptySpan(idx *domain.RuneIndex, orig, nfc string, at int) (int, error) {
	if at < 0 || at > idx.Len() {
		return 0, domain.Errorf(domain.EINVALID, "its figure's place %d is outside the source text; the library may be damaged", at)
	}
	if orig == nfc {
		return at, nil
	}
	return utf8.RuneCountInString(norm.NFC.String(orig[:idx.Byte(at)])), nil
}
