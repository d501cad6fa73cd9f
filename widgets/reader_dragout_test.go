package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// dropRecorder records the drag-out callbacks of a Reader.
type dropRecorder struct {
	moves []Span
	drops []Span
	at    fyne.Position
}

func (d *dropRecorder) attach(r *Reader) {
	r.OnDragOut = func(s, e int, abs fyne.Position) { d.moves = append(d.moves, Span{s, e}) }
	r.OnDropOut = func(s, e int, abs fyne.Position) { d.drops = append(d.drops, Span{s, e}); d.at = abs }
}

func TestReaderDragStartingOnTheSelectionCarriesItOut(t *testing.T) {
	r, w := newTestReader(t, fyne.NewSize(700, 400))
	r.SetText(inputText)
	var d dropRecorder
	d.attach(r)
	s := runeIndex(t, inputText, "Critics", 0)
	e := runeIndex(t, inputText, "agree", 0) + len("agree")
	r.Select(s, e)
	var changed []Span
	r.OnSelectionChanged = func(s, e int) { changed = append(changed, Span{s, e}) }
	// From the middle of the selection to far below, on the second paragraph.
	from := canvasPos(r, s+3).Add(fyne.NewPos(2, 0))
	to := canvasPos(r, runeIndex(t, inputText, "second", 0))
	test.Drag(w.Canvas(), to, to.X-from.X, to.Y-from.Y)
	if len(d.drops) != 1 || d.drops[0] != (Span{s, e}) {
		t.Fatalf("OnDropOut calls %v, want one with (%d,%d)", d.drops, s, e)
	}
	if len(d.moves) != 1 || d.moves[0] != (Span{s, e}) {
		t.Errorf("OnDragOut calls %v, want one with (%d,%d)", d.moves, s, e)
	}
	if want := fyne.CurrentApp().Driver().AbsolutePositionForObject(r.body).Add(bodyPos(r, runeIndex(t, inputText, "second", 0))); d.at != want {
		t.Errorf("dropped at %v, want the pointer's absolute position %v", d.at, want)
	}
	if gs, ge := r.Selection(); gs != s || ge != e {
		t.Errorf("the drag changed the selection to (%d,%d), want (%d,%d)", gs, ge, s, e)
	}
	if len(changed) != 0 {
		t.Errorf("OnSelectionChanged called %v", changed)
	}
	if r.drag.out || r.drag.dragging {
		t.Error("drag state left behind")
	}
}

func TestReaderDragStartingOffTheSelectionSelects(t *testing.T) {
	r, w := newTestReader(t, fyne.NewSize(700, 400))
	r.SetText(inputText)
	var d dropRecorder
	d.attach(r)
	r.Select(3, 8)
	// Starts just after the selection: selects from there, as before.
	dragRunes(w.Canvas(), r, 12, 20)
	if s, e := r.Selection(); s != 12 || e != 20 {
		t.Errorf("drag selected (%d,%d), want (12,20)", s, e)
	}
	// Past the end of a short line, beside a selection reaching it, is not on it.
	n := len([]rune("Ministers met in Αθήνα on Monday. Critics don’t agree — “not yet”."))
	r.Select(n-5, n)
	end := canvasPos(r, n).Add(fyne.NewPos(40, 0))
	to := canvasPos(r, 4)
	test.Drag(w.Canvas(), to, to.X-end.X, to.Y-end.Y)
	if len(d.drops)+len(d.moves) != 0 {
		t.Errorf("a drag off the selection carried it out: %v %v", d.moves, d.drops)
	}
	if s, e := r.Selection(); s != 4 || e != n {
		t.Errorf("drag from past the line's end selected (%d,%d), want (4,%d)", s, e, n)
	}
}

func TestReaderSelectionIsNotDraggedOutWithoutCallbacks(t *testing.T) {
	r, w := newTestReader(t, fyne.NewSize(700, 400))
	r.SetText(inputText)
	r.Select(3, 20)
	dragRunes(w.Canvas(), r, 10, 25)
	if s, e := r.Selection(); s != 10 || e != 25 {
		t.Errorf("drag inside the selection selected (%d,%d), want (10,25)", s, e)
	}
}

func TestReaderPressOnTheSelectionThenClickClearsIt(t *testing.T) {
	r, _ := newTestReader(t, fyne.NewSize(700, 400))
	r.SetText(inputText)
	var d dropRecorder
	d.attach(r)
	r.Select(3, 20)
	p := bodyPos(r, 10).Add(fyne.NewPos(2, 0))
	r.body.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}, Button: desktop.MouseButtonPrimary})
	if s, e := r.Selection(); s != 3 || e != 20 {
		t.Fatalf("a press on the selection changed it to (%d,%d)", s, e)
	}
	if r.body.Cursor() != desktop.TextCursor {
		t.Error("hand cursor before the pointer hovered")
	}
	r.body.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}})
	if r.body.Cursor() != desktop.PointerCursor {
		t.Error("no hand cursor over a selection that can be dragged out")
	}
	r.body.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}, Button: desktop.MouseButtonPrimary})
	r.body.Tapped(&fyne.PointEvent{Position: p})
	if s, e := r.Selection(); s != e {
		t.Errorf("a click on the selection left (%d,%d)", s, e)
	}
	if len(d.drops) != 0 {
		t.Errorf("a click dropped %v", d.drops)
	}
	r.body.MouseOut()
	if r.body.Cursor() != desktop.TextCursor {
		t.Error("hand cursor after the pointer left")
	}
}

func TestReaderHandsOtherShortcutsOn(t *testing.T) {
	r, _ := newTestReader(t, fyne.NewSize(700, 400))
	r.SetText(inputText)
	var got []string
	r.OnShortcut = func(s fyne.Shortcut) { got = append(got, s.ShortcutName()) }
	ctrlEnter := &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl}
	r.TypedShortcut(ctrlEnter)
	r.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierShift}) // the Reader's own
	r.TypedShortcut(&fyne.ShortcutSelectAll{})
	if len(got) != 1 || got[0] != ctrlEnter.ShortcutName() {
		t.Errorf("OnShortcut got %v, want only %s", got, ctrlEnter.ShortcutName())
	}
}

// As the GL driver sends them: press, drags, release, then DragEnd.
func TestReaderPressAndDragOnTheSelectionCarriesItOut(t *testing.T) {
	r, _ := newTestReader(t, fyne.NewSize(700, 400))
	r.SetText(inputText)
	var d dropRecorder
	d.attach(r)
	r.Select(3, 20)
	p := bodyPos(r, 10).Add(fyne.NewPos(2, 0))
	r.body.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}, Button: desktop.MouseButtonPrimary})
	for _, dy := range []float32{10, 60, 120} {
		q := p.Add(fyne.NewPos(5, dy))
		r.body.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: q}, Dragged: fyne.NewDelta(5, dy)})
	}
	r.body.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p.Add(fyne.NewPos(5, 120))}, Button: desktop.MouseButtonPrimary})
	r.body.DragEnd()
	if len(d.moves) != 3 || len(d.drops) != 1 || d.drops[0] != (Span{3, 20}) {
		t.Fatalf("moves %v, drops %v", d.moves, d.drops)
	}
	if s, e := r.Selection(); s != 3 || e != 20 {
		t.Errorf("selection (%d,%d) after carrying it out", s, e)
	}
	// The next drag, from outside the selection, selects again.
	r.body.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: bodyPos(r, 30)}, Button: desktop.MouseButtonPrimary})
	r.body.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: bodyPos(r, 40)}})
	r.body.DragEnd()
	if s, e := r.Selection(); s != 30 || e != 40 || len(d.drops) != 1 {
		t.Errorf("selection (%d,%d), %d drops", s, e, len(d.drops))
	}
}
