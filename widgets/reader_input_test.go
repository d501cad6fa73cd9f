package widgets

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

const inputText = "Ministers met in Αθήνα on Monday. Critics don’t agree — “not yet”.\n\n" +
	"The second paragraph is here, with Москва and a no-break 3\u00a0% figure."

func TestReaderDoubleTapSelectsWord(t *testing.T) {
	r, _ := newTestReader(t, fyne.NewSize(700, 400))
	r.SetText(inputText)
	var changed []Span
	r.OnSelectionChanged = func(s, e int) { changed = append(changed, Span{s, e}) }
	tapped := -1
	r.OnDoubleTapped = func(off int) { tapped = off }

	for _, word := range []string{"Αθήνα", "don’t", "Москва", "Monday"} {
		i := runeIndex(t, inputText, word, 0)
		n := len([]rune(word))
		r.body.DoubleTapped(&fyne.PointEvent{Position: bodyPos(r, i+1).Add(fyne.NewPos(1, 0))})
		if s, e := r.Selection(); s != i || e != i+n {
			t.Errorf("double tap in %q selected (%d,%d) %q, want (%d,%d)", word, s, e, r.SelectedText(), i, i+n)
		}
		if tapped != i+1 {
			t.Errorf("OnDoubleTapped got %d, want %d", tapped, i+1)
		}
	}
	if len(changed) != 4 {
		t.Errorf("OnSelectionChanged called %d times, want 4", len(changed))
	}
}

func TestReaderTapClearsSelectionAndFocuses(t *testing.T) {
	r, w := newTestReader(t, fyne.NewSize(700, 400))
	r.SetText(inputText)
	r.Select(3, 20)
	var got []Span
	r.OnSelectionChanged = func(s, e int) { got = append(got, Span{s, e}) }
	test.TapCanvas(w.Canvas(), canvasPos(r, 10))
	if s, e := r.Selection(); s != 10 || e != 10 {
		t.Errorf("after tap selection (%d,%d), want (10,10)", s, e)
	}
	if len(got) != 1 || got[0] != (Span{10, 10}) {
		t.Errorf("OnSelectionChanged calls %v", got)
	}
	if w.Canvas().Focused() != r.body {
		t.Error("tap did not focus the reader")
	}
}

func TestReaderKeyboardSelection(t *testing.T) {
	r, w := newTestReader(t, fyne.NewSize(700, 400))
	r.SetText(inputText)
	test.TapCanvas(w.Canvas(), canvasPos(r, 5))
	focused := w.Canvas().Focused()
	if focused == nil {
		t.Fatal("nothing focused")
	}
	shift := &fyne.KeyEvent{Name: desktop.KeyShiftLeft}
	focused.(desktop.Keyable).KeyDown(shift)
	for range 3 {
		focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	if s, e := r.Selection(); s != 5 || e != 8 {
		t.Fatalf("Shift+Right x3 from 5 selected (%d,%d), want (5,8)", s, e)
	}
	focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if s, e := r.Selection(); s != 5 || e != 7 {
		t.Errorf("Shift+Left selected (%d,%d), want (5,7)", s, e)
	}
	focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if s, e := r.Selection(); s != 5 || e <= r.wrap.lines[0].end {
		t.Errorf("Shift+Down selected (%d,%d), want the selection to reach line 2", s, e)
	}
	focused.(desktop.Keyable).KeyUp(shift)

	// Ctrl+C copies the selection to the app clipboard.
	r.Select(runeIndex(t, inputText, "Critics", 0), runeIndex(t, inputText, "yet", 0)+3)
	w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutCopy{})
	if got := fyne.CurrentApp().Clipboard().Content(); got != "Critics don’t agree — “not yet" {
		t.Errorf("clipboard %q", got)
	}
	// Ctrl+A selects all.
	r.TypedShortcut(&fyne.ShortcutSelectAll{})
	if s, e := r.Selection(); s != 0 || e != len([]rune(inputText)) || r.SelectedText() != inputText {
		t.Errorf("select all gave (%d,%d)", s, e)
	}
	// Shift+Right delivered as a custom shortcut extends too; Escape clears.
	r.Select(2, 4)
	r.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierShift})
	if s, e := r.Selection(); s != 2 || e != 5 {
		t.Errorf("Shift+Right shortcut gave (%d,%d), want (2,5)", s, e)
	}
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if s, e := r.Selection(); s != e {
		t.Errorf("Escape left (%d,%d)", s, e)
	}
}

func TestReaderSelectClampsAndNotifies(t *testing.T) {
	r, _ := newTestReader(t, fyne.NewSize(700, 400))
	r.SetText(inputText)
	var got []Span
	r.OnSelectionChanged = func(s, e int) { got = append(got, Span{s, e}) }
	n := len([]rune(inputText))
	r.Select(n+50, 10)
	if s, e := r.Selection(); s != 10 || e != n {
		t.Errorf("Select clamped to (%d,%d), want (10,%d)", s, e, n)
	}
	r.ClearSelection()
	r.SetText("new text")
	if len(got) != 3 || got[0] != (Span{10, n}) || got[1] != (Span{10, 10}) || got[2] != (Span{0, 0}) {
		t.Errorf("OnSelectionChanged calls %v", got)
	}
	if s, e := r.Selection(); s != 0 || e != 0 || r.Text() != "new text" {
		t.Errorf("SetText left selection (%d,%d)", s, e)
	}
}

func TestReaderAutoScrollWhileDraggingPastBottom(t *testing.T) {
	r, _ := newTestReader(t, fyne.NewSize(700, 400))
	r.SetText(article(3000, 6, false))
	// Stand in for the ticker so the test drives the steps itself.
	r.drag.stop = make(chan struct{})
	start := bodyPos(r, 10)
	below := fyne.NewPos(200, r.scroll.Offset.Y+400+30)
	r.body.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: below}, Dragged: fyne.NewDelta(below.X-start.X, below.Y-start.Y)})
	for range 10 {
		r.autoScrollStep()
	}
	if r.scroll.Offset.Y <= 0 {
		t.Fatalf("no auto-scroll: offset %v", r.scroll.Offset.Y)
	}
	s, e := r.Selection()
	if s != 10 || e <= r.lineOf(r.topRune()) || r.lineOf(e) < r.lineAt(r.scroll.Offset.Y+400-1) {
		t.Errorf("selection (%d,%d) does not follow the scroll (top rune %d)", s, e, r.topRune())
	}
	r.body.DragEnd()
	if r.drag.stop != nil || r.drag.dragging {
		t.Error("DragEnd did not stop the auto-scroll")
	}
}

// bigRedTheme changes the text size and the foreground colour.
type bigRedTheme struct{ fyne.Theme }

func (t bigRedTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return 20
	}
	return t.Theme.Size(n)
}

func (t bigRedTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameForeground {
		return color.NRGBA{R: 0xff, A: 0xff}
	}
	return t.Theme.Color(n, v)
}

func TestReaderCursorAndThemeChange(t *testing.T) {
	r, _ := newTestReader(t, fyne.NewSize(700, 400))
	r.SetText(article(2000, 9, false))
	if r.body.Cursor() != desktop.TextCursor {
		t.Error("not a text cursor")
	}
	r.ScrollToOffset(5000)
	top := r.topRune()
	lineH, lines := r.wrap.lineH, len(r.wrap.lines)
	fyne.CurrentApp().Settings().SetTheme(bigRedTheme{fyne.CurrentApp().Settings().Theme()})
	r.Refresh()
	if r.wrap.lineH <= lineH || len(r.wrap.lines) <= lines {
		t.Errorf("not re-wrapped for the larger text: line height %v -> %v, %d -> %d lines", lineH, r.wrap.lineH, lines, len(r.wrap.lines))
	}
	if l := r.wrap.lines[r.lineAt(r.scroll.Offset.Y)]; top < l.start || top >= l.end {
		t.Errorf("top rune %d lost: top line [%d,%d)", top, l.start, l.end)
	}
	texts, _ := bodyObjects(r, func(*canvas.Rectangle) bool { return false })
	for _, tx := range texts {
		if tx.Color != (color.NRGBA{R: 0xff, A: 0xff}) || tx.TextSize != 20 {
			t.Fatalf("text %q has colour %v size %v, not the new theme's", tx.Text, tx.Color, tx.TextSize)
		}
	}
}

func TestReaderStateSetBeforeShown(t *testing.T) {
	newTestReader(t, fyne.NewSize(10, 10)) // for the app and its settings
	text := article(5000, 14, false)
	shown := NewReader()
	shown.SetText(text)
	shown.SetHighlights([]Highlight{{Start: 20, End: 10}})
	shown.Select(100, 140)
	shown.ScrollToOffset(20000)
	if shown.highlights[0] != (Highlight{Start: 10, End: 20}) {
		t.Errorf("reversed highlight kept as %v", shown.highlights[0])
	}
	w := test.NewWindow(shown)
	defer w.Close()
	w.SetPadded(false)
	w.Resize(fyne.NewSize(900, 600))
	if len(shown.wrap.lines) < 100 {
		t.Fatalf("not wrapped when shown: %d lines", len(shown.wrap.lines))
	}
	if !shown.lineInView(shown.lineOf(20000)) {
		t.Errorf("pending ScrollToOffset not applied: offset %v", shown.scroll.Offset.Y)
	}
	if s, e := shown.Selection(); s != 100 || e != 140 || shown.SelectedText() != string([]rune(text)[100:140]) {
		t.Errorf("selection (%d,%d)", s, e)
	}
}

func TestReaderSecondaryTapKeepsSelectionAndReportsPosition(t *testing.T) {
	r, _ := newTestReader(t, fyne.NewSize(600, 400))
	r.SetText("Alpha beta gamma.\n\nDelta epsilon.")
	r.Select(6, 10)
	var got fyne.Position
	called := false
	r.OnSecondaryTapped = func(p fyne.Position) { got, called = p, true }
	r.body.TappedSecondary(&fyne.PointEvent{Position: fyne.NewPos(20, 10), AbsolutePosition: fyne.NewPos(25, 15)})
	if start, end := r.Selection(); !called || start != 6 || end != 10 || got.X <= 0 {
		t.Fatalf("called %v at %v, selection %d–%d", called, got, start, end)
	}
}
