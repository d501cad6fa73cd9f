package domain

import (
	"reflect"
	"testing"
)

// twoLines is a map of "ab cd\nef" drawn as two lines on page 0 and "gh"
// on page 1: the space and the line break have no glyph.
func twoLines() *TextMap {
	box := func(x0, y0 float32) PageRect { return PageRect{x0, y0, x0 + 0.1, y0 + 0.05} }
	return &TextMap{
		Pages: []PageSize{{595, 842}, {595, 842}},
		Glyphs: []Glyph{
			{0, 0, box(0.1, 0.1)}, {1, 0, box(0.2, 0.1)}, {3, 0, box(0.4, 0.1)}, {4, 0, box(0.5, 0.1)},
			{6, 0, box(0.1, 0.2)}, {7, 0, box(0.2, 0.2)},
			{9, 1, box(0.1, 0.1)}, {10, 1, box(0.2, 0.1)},
		},
	}
}

func TestTextMapRectsCoverLinesAndPages(t *testing.T) {
	m := twoLines()
	got := m.Rects(1, 10)
	want := []PageBox{
		{0, PageRect{0.2, 0.1, 0.6, 0.15}},
		{0, PageRect{0.1, 0.2, 0.3, 0.25}},
		{1, PageRect{0.1, 0.1, 0.2, 0.15}},
	}
	if len(got) != len(want) {
		t.Fatalf("Rects(1, 10) = %v, want %v", got, want)
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Page != w.Page || !near(g.Rect, w.Rect) {
			t.Errorf("rect %d = %v, want %v", i, g, w)
		}
	}
}

func near(a, b PageRect) bool {
	d := func(x, y float32) bool { return x-y < 1e-4 && y-x < 1e-4 }
	return d(a.X0, b.X0) && d(a.Y0, b.Y0) && d(a.X1, b.X1) && d(a.Y1, b.Y1)
}

func TestTextMapOffsetAtAndWithin(t *testing.T) {
	m := twoLines()
	for _, c := range []struct {
		page int
		x, y float32
		want int
	}{
		{0, 0.11, 0.12, 0}, // left half of "a"
		{0, 0.19, 0.12, 1}, // right half of "a"
		{0, 0.58, 0.12, 5}, // right half of "d": after it
		{0, 0.9, 0.22, 8},  // the margin right of "ef": its end
		{1, 0.12, 0.12, 9},
	} {
		if got, ok := m.OffsetAt(c.page, c.x, c.y); !ok || got != c.want {
			t.Errorf("OffsetAt(%d, %v, %v) = %d, %v; want %d", c.page, c.x, c.y, got, ok, c.want)
		}
	}
	if _, ok := m.OffsetAt(2, 0.5, 0.5); ok {
		t.Error("OffsetAt on a page past the end said ok")
	}
	if s, e, ok := m.Within(0, PageRect{0.35, 0.05, 0.65, 0.3}); !ok || s != 3 || e != 5 {
		t.Errorf("Within = %d, %d, %v; want 3, 5 (\"cd\")", s, e, ok)
	}
	if _, _, ok := m.Within(0, PageRect{0.7, 0.7, 0.9, 0.9}); ok {
		t.Error("Within an empty corner said ok")
	}
	if p := m.PageOf(8); p != 1 {
		t.Errorf("PageOf(8) = %d, want 1 (the next glyph's page)", p)
	}
}

func TestTextMapRoundTripsAndRefusesDamage(t *testing.T) {
	m := twoLines()
	data, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var back TextMap
	if err := back.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Pages, m.Pages) || len(back.Glyphs) != len(m.Glyphs) {
		t.Fatalf("round trip changed the map: %+v", &back)
	}
	for i, g := range back.Glyphs {
		w := m.Glyphs[i]
		if g.Offset != w.Offset || g.Page != w.Page || !near(g.Box, w.Box) {
			t.Errorf("glyph %d = %+v, want %+v", i, g, w)
		}
	}
	if err := back.Validate(11); err != nil {
		t.Errorf("Validate: %v", err)
	}
	if err := back.Validate(10); err == nil {
		t.Error("Validate accepted a glyph past the text's end")
	}
	for _, bad := range [][]byte{nil, []byte("ATM1"), data[:len(data)-3], append([]byte("XXXX"), data[4:]...)} {
		if err := new(TextMap).UnmarshalBinary(bad); err == nil {
			t.Errorf("UnmarshalBinary accepted %q", bad)
		}
	}
}

// On a page turned a quarter, a line runs down the page: its letters make
// one rectangle, not one each.
func TestTextMapRectsFollowALineDownThePage(t *testing.T) {
	m := &TextMap{Pages: []PageSize{{842, 595}}}
	for i := range 5 {
		y := 0.1 + 0.03*float32(i)
		m.Glyphs = append(m.Glyphs, Glyph{int32(i), 0, PageRect{0.5, y, 0.52, y + 0.025}})
	}
	if got := m.Rects(0, 5); len(got) != 1 || !near(got[0].Rect, PageRect{0.5, 0.1, 0.52, 0.245}) {
		t.Errorf("Rects down the page = %v, want one rectangle", got)
	}
}

// A figure holds the text inside its rectangle; a chart without text an
// empty span where its page's text begins, by the map or else by the
// page breaks.
func TestFigureSpan(t *testing.T) {
	src := &Source{Text: "ab cd\nef\ngh", Pages: []int{9}, TextMap: twoLines()}
	if s, e := src.FigureSpan(0, PageRect{0.35, 0.05, 0.65, 0.3}); s != 3 || e != 5 {
		t.Errorf("text inside = %d–%d, want 3–5", s, e)
	}
	if s, e := src.FigureSpan(1, PageRect{0.5, 0.5, 0.9, 0.9}); s != 9 || e != 9 {
		t.Errorf("empty chart on page 2 = %d–%d, want 9–9", s, e)
	}
	src.TextMap = nil
	if s, e := src.FigureSpan(1, PageRect{0.1, 0.1, 0.9, 0.9}); s != 9 || e != 9 {
		t.Errorf("without a map = %d–%d, want the page break 9", s, e)
	}
	if s, e := src.FigureSpan(5, PageRect{0.1, 0.1, 0.9, 0.9}); s != 11 || e != 11 {
		t.Errorf("past the pages = %d–%d, want the text's end 11", s, e)
	}
}
