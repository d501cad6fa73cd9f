package widgets

import (
	"bytes"
	"image"
	_ "image/jpeg" // figures may come as JPEG too
	_ "image/png"  // the figures' own format

	"fyne.io/fyne/v2"
	xdraw "golang.org/x/image/draw"
)

// A figure item's picture is decoded off the UI goroutine the first time
// the item comes near the view, shrunk to at most docPictureMax pixels a
// side (a figure cut at print resolution is far larger than a column),
// and kept for the next time while the pictures kept stay under
// docPicturesBudget bytes: the least recently shown go first.
const (
	docPictureMax     = 1600
	docPicturesBudget = 96 << 20
	// docPictureMaxH is the tallest a picture is drawn, in Fyne units: a
	// tall table is shrunk (its shape kept) rather than fill screens.
	docPictureMaxH = 560
)

// docPicture is one picture, decoded or on its way.
type docPicture struct {
	img     image.Image // nil while decoding, or when it could not be
	loading bool
	bytes   int
	used    uint64 // when it was last shown, for dropping the oldest
}

// docImages decodes and keeps the pictures of a Document's items.
type docImages struct {
	d      *Document
	pics   map[string]*docPicture
	bytes  int
	budget int // docPicturesBudget; smaller in tests
	clock  uint64
	// run starts work off the UI goroutine and deliver hands its result
	// back to it: go and fyne.Do, replaced in tests by a queue the test
	// runs on its own goroutine.
	run, deliver func(func())
}

func newDocImages(d *Document) *docImages {
	return &docImages{d: d, pics: map[string]*docPicture{}, budget: docPicturesBudget,
		run: func(f func()) { go f() }, deliver: fyne.Do}
}

// get is the picture of key if decoded; otherwise nil, and the picture is
// decoded in the background, the items showing it redrawn when it is.
func (c *docImages) get(key string) image.Image {
	if key == "" {
		return nil
	}
	c.clock++
	if p, ok := c.pics[key]; ok {
		p.used = c.clock
		return p.img
	}
	var data []byte
	if c.d.FigureImage != nil {
		data = c.d.FigureImage(key)
	}
	if len(data) == 0 {
		return nil // not at hand yet: asked again when the item is drawn again
	}
	p := &docPicture{loading: true, used: c.clock}
	c.pics[key] = p
	c.run(func() {
		img := decodePicture(data)
		c.deliver(func() { c.arrived(key, p, img) })
	})
	return nil
}

// arrived keeps a decoded picture and shows it where its key is shown.
// Only decoded pictures are ever dropped, so p is still key's.
func (c *docImages) arrived(key string, p *docPicture, img image.Image) {
	p.img, p.loading = img, false
	if img != nil {
		b := img.Bounds()
		p.bytes = 4 * b.Dx() * b.Dy()
		c.bytes += p.bytes
	}
	c.trim(key)
	if r := c.d.body.rend; r != nil {
		for _, v := range r.views {
			if v.imgKey == key {
				v.showPicture(img)
			}
		}
	}
}

// trim drops the least recently shown pictures, other than keep and those
// drawn now, while the pictures kept take more than the budget.
func (c *docImages) trim(keep string) {
	for c.bytes > c.budget {
		shown := map[string]bool{keep: true}
		if r := c.d.body.rend; r != nil {
			for _, v := range r.views {
				shown[v.imgKey] = true
			}
		}
		oldest := ""
		for k, p := range c.pics {
			if !shown[k] && p.img != nil && (oldest == "" || p.used < c.pics[oldest].used) {
				oldest = k
			}
		}
		if oldest == "" {
			return
		}
		c.bytes -= c.pics[oldest].bytes
		delete(c.pics, oldest)
	}
}

// decodePicture decodes data, shrunk to at most docPictureMax pixels a
// side; nil when it is no picture.
func decodePicture(data []byte) image.Image {
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= 0 || h <= 0 {
		return nil
	}
	if w <= docPictureMax && h <= docPictureMax {
		if rgba, ok := img.(*image.RGBA); ok {
			return rgba
		}
		out := image.NewNRGBA(image.Rect(0, 0, w, h))
		xdraw.Draw(out, out.Bounds(), img, b.Min, xdraw.Src)
		return out
	}
	scale := float64(docPictureMax) / float64(max(w, h))
	out := image.NewNRGBA(image.Rect(0, 0, max(1, int(float64(w)*scale)), max(1, int(float64(h)*scale))))
	xdraw.BiLinear.Scale(out, out.Bounds(), img, b, xdraw.Src, nil)
	return out
}

// pictureSize is the size a picture is drawn at in a column textW wide:
// the fraction of the width it asks for, its shape kept, no taller than
// docPictureMaxH.
func (l *docLayout) pictureSize(im DocImage, textW float32) fyne.Size {
	if im.Width <= 0 || im.Height <= 0 {
		return fyne.Size{}
	}
	frac := im.Fraction
	if frac <= 0 || frac > 1 {
		frac = 1
	}
	aspect := float32(im.Height) / float32(im.Width)
	w := textW * frac
	h := w * aspect
	if h > docPictureMaxH {
		h = docPictureMaxH
		w = h / aspect
	}
	return fyne.NewSize(snapDown(w, l.px), snapDown(h, l.px))
}

// Picture is the decoded picture of key if the Document has it (an editor
// shown in place of a figure item draws it from here), else nil, and it
// is decoded for next time.
func (d *Document) Picture(key string) image.Image { return d.images.get(key) }

// PictureSize is the size the Document draws im at in its column now.
func (d *Document) PictureSize(im DocImage) fyne.Size {
	l := &d.lay
	if !l.ready() {
		return fyne.Size{}
	}
	return l.pictureSize(im, l.cardTextW())
}

// SetPost chooses how pictures decoded in the background are handed back
// to the UI goroutine: fyne.Do unless set. The app's tests keep one UI
// goroutine of their own (Fyne's test driver runs fyne.Do on the caller's
// goroutine) and pass their own.
func (d *Document) SetPost(post func(func())) {
	if post != nil {
		d.images.deliver = post
	}
}
