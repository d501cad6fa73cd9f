package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// A mark spanning a wrapped line is drawn on each line it is on, where
// its words are; a tap finds the character under it.
func TestMarkedTextMarksWordsWhereTheyAreWrapped(t *testing.T) {
	test.NewTempApp(t)
	m := NewMarkedText()
	w := test.NewTempWindow(t, m)
	w.Resize(fyne.NewSize(400, 200))
	text := "Talks between the two capitals may well fail before the summit in March, officials said."
	m.Set(text, []DocMark{{Start: 31, End: 39}, {Start: 45, End: 62}})
	m.Resize(fyne.NewSize(220, 200))
	if len(m.lines) < 3 {
		t.Fatalf("the text is on %d lines at 220 wide", len(m.lines))
	}
	first := m.markRects(DocMark{Start: 31, End: 39})
	if len(first) != 1 {
		t.Fatalf("“may well” is drawn as %d pieces", len(first))
	}
	if got := m.offsetAt(fyne.NewPos(first[0].pos.X+1, first[0].pos.Y+2)); got != 31 {
		t.Errorf("a tap on the start of “may well” finds offset %d", got)
	}
	if got := m.offsetAt(fyne.NewPos(first[0].pos.X+first[0].size.Width-1, first[0].pos.Y+2)); got != 39 {
		t.Errorf("a tap on the end of “may well” finds offset %d", got)
	}
	across := m.markRects(DocMark{Start: 45, End: 62})
	if len(across) < 2 {
		t.Fatalf("a mark over a line break is drawn as %d pieces", len(across))
	}
	if across[1].pos.Y <= across[0].pos.Y || across[1].pos.X != markedInset().X {
		t.Errorf("the mark's second piece is at %v, after %v", across[1].pos, across[0].pos)
	}
	var tapped = -1
	m.OnTapped = func(o int) { tapped = o }
	test.TapAt(m, fyne.NewPos(1, 1))
	if tapped != 0 {
		t.Errorf("a tap at the top left finds offset %d", tapped)
	}
}
