package widgets

import (
	"image"
	"image/color"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// docView draws one item: its card, its lines of text and its button, in a
// container placed at the item's top-left. Views are reused for other
// items as the document scrolls.
type docView struct {
	c        *fyne.Container
	bg, rule *canvas.Rectangle
	texts    []*canvas.Text
	btn      *widget.Button
	idx      int
	// A figure's picture, and a tint where it goes while it is decoded;
	// imgKey is the key of the picture shown, "" for none.
	img    *canvas.Image
	imgBg  *canvas.Rectangle
	imgKey string
	// The tints and underlines of marked words (document_marks.go).
	markObjs []*canvas.Rectangle
}

func newDocView(d *Document) *docView {
	v := &docView{c: container.NewWithoutLayout(), bg: canvas.NewRectangle(nil), rule: canvas.NewRectangle(nil)}
	v.btn = widget.NewButton("", func() {
		if d.OnAction != nil {
			d.OnAction(v.idx)
		}
	})
	v.btn.Importance = widget.LowImportance
	return v
}

// fill shows item i, measured as e, in the view.
func (v *docView) fill(d *Document, i int, e *docEntry, c docColors) {
	l := &d.lay
	g := &e.g
	v.idx = i
	objs := v.c.Objects[:0]
	if g.card {
		v.bg.FillColor = c.card
		v.bg.CornerRadius = l.pad
		v.bg.Move(fyne.NewPos(g.cardX, 0))
		v.bg.Resize(fyne.NewSize(l.colW-g.cardX, g.h))
		objs = append(objs, v.bg)
	}
	if g.rule {
		v.rule.FillColor = c.rule
		v.rule.Move(fyne.NewPos(g.cardX, 0))
		v.rule.Resize(fyne.NewSize(l.ruleW, g.h))
		objs = append(objs, v.rule)
	}
	objs = v.addPicture(d, e, c, objs)
	objs = v.addMarks(d, e, objs)
	used := 0
	f, fg := l.faceOf(e.it.Kind), c.fg
	switch e.it.Kind {
	case DocHeading:
		fg = c.heading
	case DocLabel:
		fg = c.label
	}
	used, objs = v.addLines(used, objs, e.text, e.lines, f, fg, g.textX, g.textY, g.textW)
	used, objs = v.addLines(used, objs, e.it.Meta, e.meta, l.meta, c.meta, g.textX, g.metaY, g.textW)
	_, objs = v.addLines(used, objs, e.it.Tag, e.tag, l.tag, c.tag, g.textX, g.tagY, g.textW)
	if e.it.Action != "" {
		v.btn.SetText(e.it.Action)
		v.btn.Move(fyne.NewPos(g.textX-l.pad, g.btnY))
		v.btn.Resize(e.btn)
		objs = append(objs, v.btn)
	}
	v.c.Objects = objs
	v.c.Resize(fyne.NewSize(l.colW, g.h))
}

// addPicture adds a figure's picture, as decoded, else a tint in its
// place until it is (showPicture then puts it in).
func (v *docView) addPicture(d *Document, e *docEntry, c docColors, objs []fyne.CanvasObject) []fyne.CanvasObject {
	g := &e.g
	v.imgKey = ""
	if e.it.Kind != DocFigure || g.picSize.IsZero() {
		return objs
	}
	if v.img == nil {
		v.img = &canvas.Image{FillMode: canvas.ImageFillStretch, ScaleMode: canvas.ImageScaleSmooth}
		v.imgBg = canvas.NewRectangle(nil)
	}
	v.imgKey = e.it.Image.Key
	v.imgBg.FillColor = c.picture
	for _, o := range []fyne.CanvasObject{v.imgBg, v.img} {
		o.Move(g.picPos)
		o.Resize(g.picSize)
	}
	v.showPicture(d.images.get(v.imgKey))
	return append(objs, v.imgBg, v.img)
}

// showPicture draws img (nil: none yet) as the view's picture.
func (v *docView) showPicture(img image.Image) {
	v.img.Image = img
	v.img.Hidden = img == nil
	v.imgBg.Hidden = img != nil
	v.img.Refresh()
	v.imgBg.Refresh()
}

// addLines adds a text object per wrapped line of s, from (x, y) down.
func (v *docView) addLines(used int, objs []fyne.CanvasObject, s string, lines []span, f *docFace, fg color.Color, x, y, w float32) (int, []fyne.CanvasObject) {
	for k, ln := range lines {
		if used == len(v.texts) {
			v.texts = append(v.texts, &canvas.Text{})
		}
		t := v.texts[used]
		used++
		t.Text = displayText(s[ln.start:ln.end])
		t.Color, t.TextSize, t.TextStyle = fg, f.size, f.style
		t.Move(fyne.NewPos(x, y+float32(k)*f.lineH))
		t.Resize(fyne.NewSize(w, f.lineH))
		t.Refresh() // drop a texture left from the text it showed before
		objs = append(objs, t)
	}
	return used, objs
}

// displayText is s as drawn: control characters (tabs) become spaces.
func displayText(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	return strings.Map(func(c rune) rune {
		if unicode.IsControl(c) {
			return ' '
		}
		return c
	}, s)
}

// docColors are the theme's colours for the current variant.
type docColors struct {
	fg, heading, meta, tag, label, card, rule, drop, onDrop, veil, picture color.Color
}

func docColorsFor(d *Document) docColors {
	th := d.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
	return docColors{
		fg:      c(theme.ColorNameForeground),
		heading: c(theme.ColorNameForeground),
		meta:    c(theme.ColorNamePlaceHolder),
		tag:     c(theme.ColorNameWarning),
		label:   c(theme.ColorNamePrimary),
		card:    c(theme.ColorNameInputBackground),
		rule:    c(theme.ColorNamePrimary),
		drop:    c(theme.ColorNamePrimary),
		onDrop:  c(theme.ColorNameForegroundOnPrimary),
		veil:    withAlpha(c(theme.ColorNameBackground), 0xb0),
		picture: c(theme.ColorNameInputBorder),
	}
}
