package export

import (
	"bytes"
	"image/png"
	"strconv"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/pdfengine"
)

// Figures in the DOCX: the PNG as it was cut, stored once per image under
// word/media, shown inline at the size the PDF prints it (its pixels at
// the resolution it was cut at, never wider than the text), with
// "Figure N: caption" and its note in Word's Caption style under it.

const emuPerTwip = 635 // 914400 EMU an inch, 1440 twips an inch

// figure writes a figure item's picture and caption.
func (w *docxWriter) figure(it Item) error {
	f := it.Figure
	rid, err := w.media(f)
	if err != nil {
		return err
	}
	cx, cy := w.figureExtent(f)
	props := styled(stFigure)
	w.p(props)
	if cx > 0 && cy > 0 {
		w.figureCount++
		w.drawing(rid, cx, cy, w.figureCount, it.FigureLabel())
	}
	w.endP()
	w.p(styled(stCaption))
	run(&w.doc, rPr{}, it.Portion)
	label := "Figure " + strconv.Itoa(it.FigureNum)
	c := citeClean(it.Text)
	if c != "" {
		label += ": "
	}
	run(&w.doc, rPr{bold: true, color: hex(navy)}, label)
	run(&w.doc, rPr{}, c)
	w.noteRef(it.Note)
	w.endP()
	return nil
}

// media stores a figure's PNG once, by its SHA-256, and gives the
// relationship id that shows it. A PNG that cannot be read is refused as
// the PDF refuses it, rather than handed to Word broken.
func (w *docxWriter) media(f *domain.Figure) (string, error) {
	key := domain.FigureSHA256(f.PNG)
	if rid, ok := w.figureRels[key]; ok {
		return rid, nil
	}
	if _, err := png.DecodeConfig(bytes.NewReader(f.PNG)); err != nil {
		return "", domain.Errorf(domain.EINVALID, "the figure from page %d cannot be printed, its image is damaged (%v): cut it out of its source again", f.Page, err)
	}
	name := "media/figure" + strconv.Itoa(len(w.figureRels)+1) + ".png"
	w.parts = append(w.parts, part{name: "word/" + name, data: f.PNG})
	rid := w.rels.add(relImage, name)
	w.figureRels[key] = rid
	return rid, nil
}

// figureExtent is the picture's size in EMU: its print size shrunk to the
// text width, and to the text height when it is a tall one.
func (w *docxWriter) figureExtent(f *domain.Figure) (cx, cy int) {
	if f.Width <= 0 || f.Height <= 0 {
		return 0, 0
	}
	aspect := float64(f.Height) / float64(f.Width)
	width := min(float64(f.Width)*1440/pdfengine.PrintDPI, float64(w.page.textWidth()))
	height := width * aspect
	if room := float64(w.page.textHeight()) * 0.8; height > room {
		height = room
		width = height / aspect
	}
	return int(width * emuPerTwip), int(height * emuPerTwip)
}

// drawing is an inline picture as Word writes one.
func (w *docxWriter) drawing(rid string, cx, cy, id int, descr string) {
	b := &w.doc
	ext := `cx="` + itoa(cx) + `" cy="` + itoa(cy) + `"`
	n := itoa(id)
	b.WriteString(`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent ` + ext + `/>` +
		`<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="` + n + `" name="Figure ` + n + `" descr="` + xmlText(descr) + `"/>` +
		`<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="` + nsDrawingML + `" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
		`<a:graphic xmlns:a="` + nsDrawingML + `"><a:graphicData uri="` + nsPicture + `"><pic:pic xmlns:pic="` + nsPicture + `">` +
		`<pic:nvPicPr><pic:cNvPr id="` + n + `" name="figure` + n + `.png"/><pic:cNvPicPr/></pic:nvPicPr>` +
		`<pic:blipFill><a:blip r:embed="` + rid + `"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext ` + ext + `/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
		`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`)
}

const (
	nsDrawingML = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPicture   = "http://schemas.openxmlformats.org/drawingml/2006/picture"
	nsWP        = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
)
