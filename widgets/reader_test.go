package widgets

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
)

func mouseAt(p fyne.Position) *desktop.MouseEvent {
	return &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}, Button: desktop.MouseButtonPrimary}
}

// lineStrings returns the wrapped lines as strings.
func lineStrings(r *Reader) []string {
	out := make([]string, len(r.wrap.lines))
	for i, l := range r.wrap.lines {
		out[i] = string(r.runes[l.start:l.end])
	}
	return out
}

func TestReaderWrapsKnownTextIntoExpectedLines(t *testing.T) {
	r, _ := newTestReader(t, fyne.NewSize(300, 400))
	words := strings.Fields(strings.Repeat("word ", 20))
	r.SetText(strings.Join(words, " "))

	colW := r.wrap.colW
	if want := 300 - 2*r.wrap.pad; colW != want {
		t.Fatalf("column width %v, want %v (widget width less padding)", colW, want)
	}
	// How many words fit on a line, measured independently of the wrapper.
	perLine := 0
	for k := 1; k <= len(words); k++ {
		if fyne.MeasureText(strings.Join(words[:k], " "), r.wrap.textSize, fyne.TextStyle{}).Width > colW {
			break
		}
		perLine = k
	}
	if perLine < 2 || perLine >= len(words) {
		t.Fatalf("bad test setup: %d words per line", perLine)
	}
	want := (len(words) + perLine - 1) / perLine
	lines := lineStrings(r)
	if len(lines) != want {
		t.Fatalf("got %d lines %q, want %d (%d words per line)", len(lines), lines, want, perLine)
	}
	for i, l := range lines[:len(lines)-1] {
		if got := strings.TrimSpace(l); got != strings.Join(words[:perLine], " ") {
			t.Errorf("line %d = %q", i, got)
		}
	}
}

func TestReaderLinesFitColumnAndAreGreedy(t *testing.T) {
	r, _ := newTestReader(t, fyne.NewSize(420, 600))
	text := article(2000, 1, false)
	r.SetText(text)
	if got := strings.Join(lineStrings(r), ""); got != strings.ReplaceAll(text, "\n", "") {
		t.Fatal("the lines do not cover the text exactly")
	}
	colW := r.wrap.colW
	for i, l := range r.wrap.lines {
		s := strings.TrimRight(string(r.runes[l.start:l.end]), " ")
		if w := r.measure(s); w > colW+0.5 {
			t.Errorf("line %d %q is %v wide, column %v", i, s, w, colW)
		}
		// Greedy: a soft-wrapped line could not have taken the next word.
		if i+1 < len(r.wrap.lines) && r.wrap.lines[i+1].start == l.end {
			next := strings.SplitN(string(r.runes[l.end:r.wrap.lines[i+1].end]), " ", 2)[0]
			if w := r.wordWidth([]rune(string(r.runes[l.start:l.end]) + next)); w <= colW && !strings.Contains(next, "-") && !strings.Contains(next, "—") {
				t.Errorf("line %d %q could have taken %q (%v <= %v)", i, s, next, w, colW)
			}
		}
	}
}

func TestReaderBreaksLongWord(t *testing.T) {
	r, _ := newTestReader(t, fyne.NewSize(300, 400))
	long := strings.Repeat("x", 300)
	r.SetText("short words " + long + " end")
	lines := lineStrings(r)
	if len(lines) < 4 {
		t.Fatalf("300-character word not broken: %q", lines)
	}
	var pieces []string
	for i, l := range lines {
		if w := r.measure(strings.TrimSpace(l)); w > r.wrap.colW+0.5 {
			t.Errorf("line %d is %v wide, column %v", i, w, r.wrap.colW)
		}
		if strings.Contains(l, "x") {
			pieces = append(pieces, strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(l, "short words "), " end")))
		}
	}
	if strings.Join(pieces, "") != long {
		t.Errorf("pieces do not rebuild the word: %q", pieces)
	}
}

func TestReaderResizeRewrapsAndKeepsTopRune(t *testing.T) {
	r, w := newTestReader(t, fyne.NewSize(1000, 800))
	r.SetText(article(10000, 2, false))
	wide := len(r.wrap.lines)
	r.ScrollToOffset(len(r.runes) / 2)
	top := r.topRune()
	if top <= 0 || r.scroll.Offset.Y <= 0 {
		t.Fatalf("did not scroll: top rune %d, offset %v", top, r.scroll.Offset.Y)
	}
	w.Resize(fyne.NewSize(500, 800))
	if r.wrap.colW >= 500 || len(r.wrap.lines) <= wide {
		t.Fatalf("not re-wrapped: column %v, %d lines (was %d)", r.wrap.colW, len(r.wrap.lines), wide)
	}
	if l := r.wrap.lines[r.lineAt(r.scroll.Offset.Y)]; top < l.start || top >= l.end {
		t.Errorf("top line is [%d,%d), want it to hold rune %d", l.start, l.end, top)
	}
	w.Resize(fyne.NewSize(1000, 800))
	if l := r.wrap.lines[r.lineAt(r.scroll.Offset.Y)]; top < l.start || top >= l.end {
		t.Errorf("after widening top line is [%d,%d), want it to hold rune %d", l.start, l.end, top)
	}
}

func TestReaderColumnIsCappedAndCentred(t *testing.T) {
	r, _ := newTestReader(t, fyne.NewSize(1600, 600))
	r.SetText(article(300, 3, false))
	if r.wrap.colW != r.wrap.maxCol || r.wrap.colW > 800 {
		t.Fatalf("column %v, want the cap %v", r.wrap.colW, r.wrap.maxCol)
	}
	// Centred to the pixel: the column starts on a whole pixel.
	if left, right := r.wrap.colX, 1600-r.wrap.colX-r.wrap.colW; left-right > 1 || right-left > 1 {
		t.Errorf("column not centred: %v left, %v right", left, right)
	}
}

// Text drawn at a fractional pixel position is resampled and looks lighter
// or blurred: every line and the column start on whole device pixels.
func TestReaderTextOnWholePixels(t *testing.T) {
	r, _ := newTestReader(t, fyne.NewSize(1013, 600))
	r.SetText(article(300, 3, false))
	px := r.pixelScale()
	whole := func(v float32) bool { f := float64(v * px); return f == float64(int64(f)) }
	if !whole(r.wrap.colX) {
		t.Errorf("column starts at %v units (scale %v): not a whole pixel", r.wrap.colX, px)
	}
	for _, li := range []int{0, 1, 7, len(r.wrap.lines) - 1} {
		if !whole(r.wrap.lineTop(li)) {
			t.Errorf("line %d starts at %v units (line height %v): not a whole pixel", li, r.wrap.lineTop(li), r.wrap.lineH)
		}
	}
	for _, px := range []float32{1, 1.25, 1.5, 2} {
		if v := snapUp(19.3, px) * px; v != float32(int(v)) || v < 19.3*px {
			t.Errorf("snapUp(19.3) at scale %v is %v pixels", px, v)
		}
	}
}

func TestReaderDragSelects(t *testing.T) {
	r, w := newTestReader(t, fyne.NewSize(700, 800))
	text := "Ministers met in Αθήνα on Monday. The committee said it would act.\n\n" +
		"Critics don’t agree — “not yet”, they say. Москва replied.\n\n" +
		"Later the committee said it would wait; budgets fell 3\u00a0% again."
	r.SetText(text)
	runes := []rune(text)
	var got [][2]int
	r.OnSelectionChanged = func(s, e int) { got = append(got, [2]int{s, e}) }

	second := runeIndex(t, text, "committee said it would", 1)
	cases := []struct {
		name     string
		from, to int
		want     [2]int
	}{
		{"forward", 4, 20, [2]int{4, 20}},
		{"backward", 30, 9, [2]int{9, 30}},
		{"across paragraphs", runeIndex(t, text, "committee", 0), runeIndex(t, text, "Москва", 0) + 6,
			[2]int{runeIndex(t, text, "committee", 0), runeIndex(t, text, "Москва", 0) + 6}},
		{"repeated phrase, second occurrence", second, second + 23, [2]int{second, second + 23}},
		{"to the end", runeIndex(t, text, "again", 0), len(runes), [2]int{runeIndex(t, text, "again", 0), len(runes)}},
	}
	for _, c := range cases {
		got = nil
		dragRunes(w.Canvas(), r, c.from, c.to)
		s, e := r.Selection()
		if [2]int{s, e} != c.want {
			t.Errorf("%s: selection (%d,%d), want %v", c.name, s, e, c.want)
			continue
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%s: OnSelectionChanged calls %v, want one with %v", c.name, got, c.want)
		}
		if want := string(runes[c.want[0]:c.want[1]]); r.SelectedText() != want {
			t.Errorf("%s: SelectedText %q, want %q", c.name, r.SelectedText(), want)
		}
	}
}

func TestReaderDragWhenScrolledWithMouseDown(t *testing.T) {
	r, w := newTestReader(t, fyne.NewSize(800, 600))
	text := article(10000, 4, false)
	r.SetText(text)
	from := runeIndex(t, text, "treaty", 200)
	to := from + 250
	r.ScrollToOffset(from)
	if r.scroll.Offset.Y == 0 {
		t.Fatal("not scrolled")
	}
	dragRunes(w.Canvas(), r, from, to)
	if s, e := r.Selection(); s != from || e != to {
		t.Fatalf("selection (%d,%d), want (%d,%d)", s, e, from, to)
	}
	// The GL driver's order: MouseDown, Dragged..., MouseUp, DragEnd.
	r.ClearSelection()
	var got []Span
	r.OnSelectionChanged = func(s, e int) { got = append(got, Span{s, e}) }
	r.body.MouseDown(mouseAt(bodyPos(r, to)))
	p := bodyPos(r, from)
	r.body.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}, Dragged: fyne.NewDelta(3, 3)})
	r.body.MouseUp(mouseAt(p))
	r.body.DragEnd()
	if s, e := r.Selection(); s != from || e != to {
		t.Fatalf("selection (%d,%d), want (%d,%d)", s, e, from, to)
	}
	if len(got) != 1 || got[0] != (Span{from, to}) {
		t.Errorf("OnSelectionChanged calls %v", got)
	}
}

func TestReaderVirtualisesAndHighlightsVisibleLines(t *testing.T) {
	r, _ := newTestReader(t, fyne.NewSize(1000, 800))
	r.SetText(article(10000, 5, false))
	n := len(r.wrap.lines)
	visible := int(800/r.wrap.lineH) + 2
	texts, _ := bodyObjects(r, func(*canvas.Rectangle) bool { return false })
	if n < 500 || len(texts) > visible+2*lineMargin || len(texts) < visible-2 {
		t.Fatalf("%d text objects for %d lines (about %d visible)", len(texts), n, visible)
	}

	// A highlight over lines 2-4 of the first paragraph, one far below and an
	// active one over line 1.
	l := r.wrap.lines
	for i := 1; i < 4; i++ {
		if l[i+1].start != l[i].end {
			t.Fatalf("bad test setup: lines 1-4 are not one paragraph")
		}
	}
	farLine := n - 10
	for l[farLine].end-l[farLine].start < 10 {
		farLine--
	}
	far := l[farLine].start
	r.SetHighlights([]Highlight{
		{Start: l[2].start + 1, End: l[4].end - 1},
		{Start: far, End: l[farLine].end - 2},
		{Start: l[1].start, End: l[1].start + 3, Active: true},
	})
	isHL := func(rc *canvas.Rectangle) bool { return rc.FillColor == r.highlightColor(false) }
	isActive := func(rc *canvas.Rectangle) bool { return rc.FillColor == r.highlightColor(true) }
	if _, rects := bodyObjects(r, isHL); len(rects) != 3 {
		t.Errorf("%d highlight rectangles on screen, want 3 (lines 2-4)", len(rects))
	}
	if _, rects := bodyObjects(r, isActive); len(rects) != 1 {
		t.Errorf("%d active highlight rectangles, want 1", len(rects))
	}
	r.ScrollToOffset(far)
	_, rects := bodyObjects(r, isHL)
	if len(rects) != 1 {
		t.Errorf("after scrolling, %d highlight rectangles, want 1", len(rects))
	}
	texts, _ = bodyObjects(r, isHL)
	if len(texts) > visible+2*lineMargin {
		t.Errorf("%d text objects after scrolling", len(texts))
	}
	for _, tx := range texts {
		if y := tx.Position().Y; y < r.scroll.Offset.Y-float32(lineMargin+1)*r.wrap.lineH || y > r.scroll.Offset.Y+800+float32(lineMargin)*r.wrap.lineH {
			t.Errorf("text object at %v is far from the viewport at %v", y, r.scroll.Offset.Y)
		}
	}
}

// Excerpts are marked like a highlighter pen: amber, never grey or
// black, and stronger when active.
func TestReaderHighlightIsAmber(t *testing.T) {
	r, _ := newTestReader(t, fyne.NewSize(600, 400))
	faint := color.NRGBAModel.Convert(r.highlightColor(false)).(color.NRGBA)
	strong := color.NRGBAModel.Convert(r.highlightColor(true)).(color.NRGBA)
	for _, c := range []color.NRGBA{faint, strong} {
		if c.R < 0xe0 || c.G < 0x90 || c.B > 0x40 || c.A == 0 {
			t.Errorf("highlight %v is not amber", c)
		}
	}
	if strong.A <= faint.A {
		t.Errorf("the active highlight (%v) is not stronger than the others (%v)", strong, faint)
	}
}
