package widgets

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// chart is a PNG bar chart w by h pixels.
func chart(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.NRGBA{250, 250, 250, 255}
			if bar := x * 6 / w; x%(w/6) < w/8 && y > h-h*(bar+2)/8 {
				c = color.NRGBA{uint8(40 * bar), 90, 200, 255}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// figureDoc is a test document whose pictures come from pngs by key,
// counting the bytes asked for, and are decoded when the test runs the
// queued work (decode), on its own goroutine.
type figureDoc struct {
	*testDoc
	pngs    map[string][]byte
	asked   map[string]int
	pending []func()
}

func newFigureDoc(tb testing.TB, items []DocItem, pngs map[string][]byte, size fyne.Size) *figureDoc {
	fd := &figureDoc{pngs: pngs, asked: map[string]int{}}
	fd.testDoc = newTestDocument(tb, nil, size)
	fd.d.FigureImage = func(key string) []byte {
		fd.asked[key]++
		return fd.pngs[key]
	}
	fd.d.images.run = func(f func()) { fd.pending = append(fd.pending, f) }
	fd.d.images.deliver = func(f func()) { f() }
	fd.items = items
	fd.d.Refresh()
	return fd
}

// decode runs the decoding asked for so far.
func (fd *figureDoc) decode() int {
	n := len(fd.pending)
	for len(fd.pending) > 0 {
		f := fd.pending[0]
		fd.pending = fd.pending[1:]
		f()
	}
	return n
}

func (fd *figureDoc) view(t *testing.T, i int) *docView {
	t.Helper()
	r := test.WidgetRenderer(fd.d.body).(*docBodyRenderer)
	v := r.views[i]
	if v == nil {
		t.Fatalf("item %d has no view", i)
	}
	return v
}

func figureItem(n int, key string, w, h int, frac float32) DocItem {
	return DocItem{Kind: DocFigure, Mark: "(U) ", Text: fmt.Sprintf("Figure %d: Cable faults by year", n),
		Meta: "Subsea Cables · p. 4 · B2", Action: "Show in source", Image: DocImage{Key: key, Width: w, Height: h, Fraction: frac}}
}

func TestDocumentFigureCard(t *testing.T) {
	items := []DocItem{{Kind: DocBody, Text: "Before."}, figureItem(1, "a", 900, 600, 0.5), {Kind: DocBody, Text: "After."}}
	fd := newFigureDoc(t, items, map[string][]byte{"a": chart(t, 900, 600)}, fyne.NewSize(800, 900))
	l := &fd.d.lay
	g := l.items[1].g
	h := g.h
	textW := l.cardTextW()
	if g.picSize.Width != snapDown(textW/2, l.px) || g.picSize.Height != snapDown(textW/2*2/3, l.px) {
		t.Fatalf("the picture is %v in a column %v wide, want half of it, shaped 3:2", g.picSize, textW)
	}
	v := fd.view(t, 1)
	if !v.img.Hidden || v.imgBg.Hidden || v.img.Image != nil {
		t.Fatal("the picture is drawn before it was decoded")
	}
	if n := fd.decode(); n != 1 {
		t.Fatalf("%d pictures decoded, want 1", n)
	}
	if v.img.Hidden || v.img.Image == nil || !v.imgBg.Hidden {
		t.Fatal("the decoded picture is not drawn")
	}
	if b := v.img.Image.Bounds(); b.Dx() != 900 || b.Dy() != 600 {
		t.Errorf("decoded at %v", b)
	}
	if l.items[1].g.h != h {
		t.Errorf("the card's height changed from %v to %v as the picture came", h, l.items[1].g.h)
	}
	if v.img.Position() != g.picPos || v.img.Size() != g.picSize {
		t.Errorf("the picture is at %v size %v, want %v %v", v.img.Position(), v.img.Size(), g.picPos, g.picSize)
	}
	var caption, meta *canvas.Text
	var btn *widget.Button
	for _, o := range v.c.Objects {
		switch o := o.(type) {
		case *canvas.Text:
			switch o.Text {
			case "(U) Figure 1: Cable faults by year":
				caption = o
			case "Subsea Cables · p. 4 · B2":
				meta = o
			}
		case *widget.Button:
			btn = o
		}
	}
	if caption == nil || meta == nil || btn == nil || btn.Text != "Show in source" {
		t.Fatalf("the card lacks its caption, source line or button: %v %v %v", caption, meta, btn)
	}
	if caption.Position().Y < g.picPos.Y+g.picSize.Height {
		t.Errorf("the caption at %v is over the picture (%v high from %v)", caption.Position().Y, g.picSize.Height, g.picPos.Y)
	}
	if !v.bg.Visible() || v.c.Objects[0] != v.bg || v.c.Objects[1] != v.rule {
		t.Error("a figure has no card and rule")
	}
	test.Tap(btn)
	if len(fd.actions) != 1 || fd.actions[0] != 1 {
		t.Errorf("Show in source gave %v", fd.actions)
	}
}

// TestDocumentFigurePicturesAreKept scrolls a figure away and back, and
// lays the document out anew: the picture is decoded once.
func TestDocumentFigurePicturesAreKept(t *testing.T) {
	items := append([]DocItem{figureItem(1, "a", 900, 600, 1)}, bodyItems(300, 60)...)
	fd := newFigureDoc(t, items, map[string][]byte{"a": chart(t, 900, 600)}, fyne.NewSize(800, 600))
	fd.decode()
	fd.d.ScrollTo(250)
	r := test.WidgetRenderer(fd.d.body).(*docBodyRenderer)
	if r.views[0] != nil {
		t.Fatal("the figure far above the view still has a view")
	}
	fd.w.Resize(fyne.NewSize(700, 600)) // measured again at the new width
	fd.d.ScrollToTop()
	v := fd.view(t, 0)
	if v.img.Image == nil || v.img.Hidden {
		t.Fatal("the picture is not drawn at once when the figure comes back")
	}
	if len(fd.pending) != 0 || fd.asked["a"] != 1 {
		t.Fatalf("the picture was asked for %d times, %d decodings queued", fd.asked["a"], len(fd.pending))
	}
	if g := fd.d.lay.items[0].g; g.picSize.Width != snapDown(fd.d.lay.cardTextW(), fd.d.lay.px) {
		t.Errorf("at 700 wide the picture is %v, want the column's %v", g.picSize, fd.d.lay.cardTextW())
	}
}

// TestDocumentFiguresOnlyNearTheViewAreDecoded has a thousand figures:
// only those near the view are asked for.
func TestDocumentFiguresOnlyNearTheViewAreDecoded(t *testing.T) {
	items := make([]DocItem, 1000)
	pngs := map[string][]byte{}
	small := chart(t, 120, 80)
	for i := range items {
		key := fmt.Sprint("k", i)
		items[i], pngs[key] = figureItem(i+1, key, 120, 80, 1), small
	}
	fd := newFigureDoc(t, items, pngs, fyne.NewSize(800, 600))
	r := test.WidgetRenderer(fd.d.body).(*docBodyRenderer)
	if len(fd.asked) == 0 || len(fd.asked) > len(r.views) || len(r.views) > 40 {
		t.Fatalf("%d pictures asked for with %d views", len(fd.asked), len(r.views))
	}
	fd.decode()
	fd.d.ScrollTo(900)
	for key := range fd.asked {
		var i int
		fmt.Sscanf(key, "k%d", &i)
		if i > 100 && i < 850 {
			t.Fatalf("figure %d, far from either view, was asked for", i)
		}
	}
}

// TestDocumentFigurePicturesKeptAreBounded keeps pictures under a budget,
// dropping those shown longest ago, never one drawn now.
func TestDocumentFigurePicturesKeptAreBounded(t *testing.T) {
	items := make([]DocItem, 200)
	pngs := map[string][]byte{}
	for i := range items {
		key := fmt.Sprint("k", i)
		items[i], pngs[key] = figureItem(i+1, key, 100, 100, 1), chart(t, 100, 100)
	}
	fd := newFigureDoc(t, items, pngs, fyne.NewSize(800, 600))
	fd.d.images.budget = 12 * 4 * 100 * 100 // a dozen pictures
	for top := 0; top < 200; top += 5 {
		fd.d.ScrollTo(top)
		fd.decode()
		r := test.WidgetRenderer(fd.d.body).(*docBodyRenderer)
		for i, v := range r.views {
			if v.img.Image == nil {
				t.Fatalf("at %d: item %d is drawn without its picture", top, i)
			}
		}
		if c := fd.d.images; c.bytes > c.budget && c.bytes > 4*100*100*len(r.views) {
			t.Fatalf("at %d: %d bytes of pictures kept, over the budget of %d", top, c.bytes, c.budget)
		}
	}
	if len(fd.d.images.pics) >= 200 {
		t.Fatal("every picture was kept")
	}
}

func TestDocumentFigureTallIsCapped(t *testing.T) {
	fd := newFigureDoc(t, []DocItem{figureItem(1, "t", 400, 4000, 1)}, nil, fyne.NewSize(800, 600))
	g := fd.d.lay.items[0].g
	if g.picSize.Height != docPictureMaxH || g.picSize.Width != snapDown(docPictureMaxH/10, fd.d.lay.px) {
		t.Fatalf("a 1:10 figure is drawn %v", g.picSize)
	}
	// Bytes not at hand yet (nil) are asked for again when drawn again.
	fd.d.RefreshItem(0)
	if fd.asked["t"] != 2 || len(fd.pending) != 0 {
		t.Fatalf("asked %d times, %d decodings queued", fd.asked["t"], len(fd.pending))
	}
}

func TestDecodePictureShrinksLargeOnes(t *testing.T) {
	img := decodePicture(chart(t, 3200, 1000))
	if b := img.Bounds(); b.Dx() != docPictureMax || b.Dy() != 500 {
		t.Fatalf("a 3200x1000 picture is kept at %v", b)
	}
	if decodePicture([]byte("not a picture")) != nil {
		t.Fatal("garbage decoded")
	}
}

// TestDocumentFigureShot draws a figure card between a quote and a
// paragraph; with DOC_SHOT=/some/prefix it writes prefix-figure.png, to
// look at.
func TestDocumentFigureShot(t *testing.T) {
	items := []DocItem{
		{Kind: DocBody, Mark: "(U) ", Text: words(40, 1)},
		{Kind: DocQuote, Mark: "(U) ", Text: "“" + words(30, 2) + "”", Meta: "Reuters wire, p. 4 · B2", Action: "Show in source"},
		figureItem(1, "a", 1500, 900, 1),
		{Kind: DocBody, Mark: "(U) ", Text: words(30, 3)},
	}
	fd := newFigureDoc(t, items, map[string][]byte{"a": chart(t, 1500, 900)}, fyne.NewSize(800, 1000))
	fd.decode()
	img := fd.w.Canvas().Capture()
	// The picture's pixels are on screen: a bar's blue inside its place.
	g := fd.d.lay.items[2].g
	pos := fd.d.lay.starts[2] - fd.d.scroll.Offset.Y
	blue := 0
	for y := pos + g.picPos.Y; y < pos+g.picPos.Y+g.picSize.Height; y += 4 {
		for x := fd.d.lay.colX + g.picPos.X; x < fd.d.lay.colX+g.picPos.X+g.picSize.Width; x += 4 {
			if r, gg, b, _ := img.At(int(x), int(y)).RGBA(); b>>8 > 150 && r>>8 < 180 && gg>>8 < 120 {
				blue++
			}
		}
	}
	if blue == 0 {
		t.Fatal("no bar of the chart is on screen")
	}
	if out := os.Getenv("DOC_SHOT"); out != "" {
		writePNG(t, out+"-figure.png", fd.w)
	}
}
