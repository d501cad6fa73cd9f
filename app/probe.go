package app

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"image/color"
	"io"
	"net"
	"os"
	"reflect"
	"strings"
	"time"
	_ "unsafe" // go:linkname, to read the renderers Fyne keeps private

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"github.com/attache/attache/widgets"
)

// ProbeEnv names the environment variable that turns the test probe on: the
// path of a Unix socket on which the app answers with its widget tree, so
// that the acceptance suite (acceptance/) can find controls by their text
// and wait for conditions instead of clicking at fixed pixels and sleeping.
// The probe only reads: every input still goes through the X server.
const ProbeEnv = "ATTACHE_TEST_PROBE"

// ProbeRequest is one question to the probe, sent as a JSON line.
type ProbeRequest struct {
	// Offsets asks, for every reader in the tree, for the on-screen position
	// of these rune offsets of its text.
	Offsets []int `json:"offsets,omitempty"`
}

// ProbeReply is the probe's answer: every window of the app.
type ProbeReply struct {
	Windows []ProbeWindow `json:"windows"`
	Error   string        `json:"error,omitempty"`
}

// ProbeWindow is one window: its canvas size in pixels and its object trees,
// the content first, then the menu bar, then the overlays (pop-ups,
// dialogs), top last.
type ProbeWindow struct {
	Title  string       `json:"title"`
	Scale  float32      `json:"scale"`
	W      int          `json:"w"`
	H      int          `json:"h"`
	Focus  string       `json:"focus,omitempty"` // Go type of the focused object
	Layers []*ProbeNode `json:"layers"`
}

// ProbeRect is a rectangle in pixels of the window's canvas.
type ProbeRect struct {
	X int `json:"x"`
	Y int `json:"y"`
	W int `json:"w"`
	H int `json:"h"`
}

// ProbeNode is one visible object: what the analyst can read on it, where
// it is and whether it can be used.
type ProbeNode struct {
	Type string `json:"type"`
	// Base is the Fyne widget an app type is built on (*widget.Entry for
	// the app's own text fields), so a test can find "an entry" whatever
	// the app wraps it in.
	Base        string `json:"base,omitempty"`
	Layer       string `json:"layer,omitempty"` // on the roots: content, menu or overlay
	Text        string `json:"text,omitempty"`
	Placeholder string `json:"placeholder,omitempty"`
	Checked     bool   `json:"checked,omitempty"`
	Selected    bool   `json:"selected,omitempty"` // list rows
	ProbeRect
	// Clip is the part of the canvas a scroller lets show of this object,
	// when it is inside one.
	Clip      *ProbeRect `json:"clip,omitempty"`
	Focused   bool       `json:"focused,omitempty"`
	Disabled  bool       `json:"disabled,omitempty"`
	Fill      string     `json:"fill,omitempty"`      // rectangles: #rrggbbaa
	Selection []int      `json:"selection,omitempty"` // readers: selected rune span
	// Points holds, for a reader, the canvas position (top-left, pixels) of
	// each requested offset, and LineH its line height.
	Points   [][2]int     `json:"points,omitempty"`
	LineH    int          `json:"line_h,omitempty"`
	Children []*ProbeNode `json:"children,omitempty"`
}

// cachedRenderer returns a widget's renderer if Fyne has made one (an
// object never drawn has none, and the probe must not create it).
//
//go:linkname cachedRenderer fyne.io/fyne/v2/internal/cache.CachedRenderer
func cachedRenderer(wid fyne.Widget) (fyne.WidgetRenderer, bool)

// startProbe listens on the socket named by ATTACHE_TEST_PROBE, if set, for
// as long as the process lives. A socket that cannot be made is reported on
// stderr and the app carries on without it.
func startProbe(a fyne.App) {
	path := os.Getenv(ProbeEnv)
	if path == "" {
		return
	}
	l, err := listenProbe(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "attache: test probe:", err)
		return
	}
	go serveProbe(l, func(req ProbeRequest) ProbeReply { return probeApp(a, req) })
}

// listenProbe removes a socket left by an earlier run and listens on path.
func listenProbe(path string) (net.Listener, error) {
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSocket != 0 {
		_ = os.Remove(path)
	}
	return net.Listen("unix", path)
}

// serveProbe answers each connection's requests, one JSON line each way.
func serveProbe(l net.Listener, answer func(ProbeRequest) ProbeReply) {
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		go func() {
			defer c.Close()
			r := bufio.NewReader(c)
			for {
				_ = c.SetDeadline(time.Now().Add(time.Minute))
				line, err := r.ReadBytes('\n')
				if err != nil && (len(line) == 0 || !errors.Is(err, io.EOF)) {
					return
				}
				var req ProbeRequest
				var rep ProbeReply
				if jerr := json.Unmarshal(line, &req); jerr != nil {
					rep.Error = "bad request: " + jerr.Error()
				} else {
					rep = answer(req)
				}
				if json.NewEncoder(c).Encode(rep) != nil || err != nil {
					return
				}
			}
		}()
	}
}

// probeWait is how long a request waits for the UI goroutine, which is
// gone once the app is on its way out.
const probeWait = 5 * time.Second

// probeApp walks every window on the UI goroutine.
func probeApp(a fyne.App, req ProbeRequest) ProbeReply {
	done := make(chan ProbeReply, 1)
	go fyne.DoAndWait(func() {
		var rep ProbeReply
		for _, w := range a.Driver().AllWindows() {
			rep.Windows = append(rep.Windows, probeWindow(w, req))
		}
		done <- rep
	})
	select {
	case rep := <-done:
		return rep
	case <-time.After(probeWait):
		return ProbeReply{Error: "the UI goroutine did not answer within " + probeWait.String()}
	}
}

// objectTrees is what Fyne's desktop canvas offers: content, menu bar and
// overlays.
type objectTrees interface {
	ObjectTrees() []fyne.CanvasObject
}

func probeWindow(w fyne.Window, req ProbeRequest) ProbeWindow {
	c := w.Canvas()
	p := &prober{scale: c.Scale(), req: req, focused: c.Focused()}
	size := c.Size()
	pw := ProbeWindow{Title: w.Title(), Scale: p.scale, W: p.px(size.Width), H: p.px(size.Height)}
	if f := c.Focused(); f != nil {
		pw.Focus = fmt.Sprintf("%T", f)
	}
	var trees []fyne.CanvasObject
	if ot, ok := c.(objectTrees); ok {
		trees = ot.ObjectTrees()
	} else {
		trees = append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
	}
	overlays := c.Overlays().List()
	for i, t := range trees {
		if t == nil || !t.Visible() {
			continue
		}
		n := p.walk(t, fyne.Position{}, nil)
		n.Layer = layerName(i, t, overlays)
		pw.Layers = append(pw.Layers, n)
	}
	return pw
}

// layerName tells the content, the menu bar and overlays apart.
func layerName(i int, t fyne.CanvasObject, overlays []fyne.CanvasObject) string {
	for _, o := range overlays {
		if o == t {
			return "overlay"
		}
	}
	if i == 0 {
		return "content"
	}
	return "menu"
}

type prober struct {
	scale   float32
	req     ProbeRequest
	focused fyne.Focusable
}

func (p *prober) px(f float32) int { return int(f*p.scale + 0.5) }

// walk describes o, at the canvas position of its parent's origin, and its
// visible children. clip is the viewport of the innermost scroller around it.
func (p *prober) walk(o fyne.CanvasObject, origin fyne.Position, clip *ProbeRect) *ProbeNode {
	pos := origin.Add(o.Position())
	size := o.Size()
	n := &ProbeNode{Type: fmt.Sprintf("%T", o), Base: fyneBase(o), Clip: clip,
		ProbeRect: ProbeRect{X: p.px(pos.X), Y: p.px(pos.Y), W: p.px(size.Width), H: p.px(size.Height)}}
	p.describe(n, o)
	if _, ok := o.(*container.Scroll); ok {
		clip = intersect(clip, n.ProbeRect)
	}
	for _, ch := range drawnChildren(o) {
		if ch != nil && ch.Visible() {
			n.Children = append(n.Children, p.walk(ch, pos, clip))
		}
	}
	return n
}

// drawnChildren are a container's objects or a drawn widget's renderer's.
func drawnChildren(o fyne.CanvasObject) []fyne.CanvasObject {
	switch t := o.(type) {
	case *fyne.Container:
		return t.Objects
	case fyne.Widget:
		if r, ok := cachedRenderer(t); ok && r != nil {
			return r.Objects()
		}
	}
	return nil
}

// describe fills in what the analyst sees of o: its text fields (found by
// name, so the app's own types that embed an Entry or Label count too),
// focus, state, colour and, for the reader, its text and selection.
func (p *prober) describe(n *ProbeNode, o fyne.CanvasObject) {
	// Select and RadioGroup show Selected; tab buttons keep theirs in text.
	for _, name := range []string{"Text", "Selected", "text"} {
		if n.Text == "" {
			n.Text = stringField(o, name)
		}
	}
	n.Placeholder = stringField(o, "PlaceHolder")
	n.Checked = boolField(o, "Checked")
	n.Selected = boolField(o, "selected") // Fyne's list rows keep it unexported
	if f, ok := o.(fyne.Focusable); ok && p.focused != nil && f == p.focused {
		n.Focused = true
	}
	if d, ok := o.(fyne.Disableable); ok {
		n.Disabled = d.Disabled()
	}
	switch t := o.(type) {
	case *canvas.Rectangle:
		n.Fill = hexColor(t.FillColor)
	case *widgets.Reader:
		p.describeReader(n, t)
	}
}

func (p *prober) describeReader(n *ProbeNode, r *widgets.Reader) {
	n.Text = r.Text()
	s, e := r.Selection()
	n.Selection = []int{s, e}
	n.LineH = p.px(r.LineHeight())
	for _, off := range p.req.Offsets {
		at := r.OffsetPosition(off)
		n.Points = append(n.Points, [2]int{n.X + p.px(at.X), n.Y + p.px(at.Y)})
	}
}

// field returns the named field of the struct o points to, or an invalid
// value.
func field(o any, name string) reflect.Value {
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return reflect.Value{}
	}
	return v.Elem().FieldByName(name)
}

func stringField(o any, name string) string {
	if f := field(o, name); f.IsValid() && f.Kind() == reflect.String {
		return f.String()
	}
	return ""
}

func boolField(o any, name string) bool {
	f := field(o, name)
	return f.IsValid() && f.Kind() == reflect.Bool && f.Bool()
}

func hexColor(c color.Color) string {
	if c == nil {
		return ""
	}
	r, g, b, a := c.RGBA()
	return fmt.Sprintf("#%02x%02x%02x%02x", r>>8, g>>8, b>>8, a>>8)
}

// intersect narrows a clip rectangle (nil: none yet) to r.
func intersect(clip *ProbeRect, r ProbeRect) *ProbeRect {
	if clip == nil {
		return &r
	}
	x0, y0 := max(clip.X, r.X), max(clip.Y, r.Y)
	x1, y1 := min(clip.X+clip.W, r.X+r.W), min(clip.Y+clip.H, r.Y+r.H)
	return &ProbeRect{X: x0, Y: y0, W: max(0, x1-x0), H: max(0, y1-y0)}
}

// fyneBase is the Fyne widget type that o embeds, "" when o is one of
// Fyne's own or embeds none.
func fyneBase(o fyne.CanvasObject) string {
	t := reflect.TypeOf(o)
	if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct || strings.HasPrefix(t.Elem().PkgPath(), "fyne.io/") {
		return ""
	}
	for i := range t.Elem().NumField() {
		f := t.Elem().Field(i)
		if f.Anonymous && strings.HasPrefix(f.Type.PkgPath(), "fyne.io/fyne/v2/widget") {
			return "*widget." + f.Type.Name()
		}
	}
	return ""
}
