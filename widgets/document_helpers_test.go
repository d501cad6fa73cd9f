package widgets

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// testDoc is a Document over a slice of items, alone in an unpadded test
// window, recording the callbacks it makes.
type testDoc struct {
	d     *Document
	w     fyne.Window
	items []DocItem

	tapped, actions []int
	moves           [][2]int
	inserts         []int
	insertPos       []fyne.Position
}

func newTestDocument(tb testing.TB, items []DocItem, size fyne.Size) *testDoc {
	tb.Helper()
	dir := tb.TempDir()
	tb.Setenv("XDG_CONFIG_HOME", dir+"/config")
	tb.Setenv("XDG_CACHE_HOME", dir+"/cache")
	tb.Setenv("XDG_DATA_HOME", dir+"/data")
	test.NewTempApp(tb)
	td := &testDoc{items: items}
	td.d = NewDocument(func() int { return len(td.items) }, func(i int) DocItem { return td.items[i] })
	td.d.OnTapped = func(i int) { td.tapped = append(td.tapped, i) }
	td.d.OnAction = func(i int) { td.actions = append(td.actions, i) }
	td.d.OnMove = func(from, to int) { td.moves = append(td.moves, [2]int{from, to}) }
	td.d.OnInsert = func(at int, pos fyne.Position) {
		td.inserts = append(td.inserts, at)
		td.insertPos = append(td.insertPos, pos)
	}
	td.w = test.NewWindow(td.d)
	td.w.SetPadded(false)
	td.w.Resize(size)
	tb.Cleanup(td.w.Close)
	return td
}

// words returns n words of filler text, different for each seed.
func words(n, seed int) string {
	vocab := strings.Fields("the analyst weighed each report against the others and found that the " +
		"evidence for a sustained campaign was thin although several sources agreed on the timing of " +
		"the first incidents and their likely sponsor")
	out := make([]string, n)
	for i := range out {
		out[i] = vocab[(i*7+seed*13)%len(vocab)]
	}
	return strings.Join(out, " ")
}

// bodyItems is n body paragraphs of about wordsEach words.
func bodyItems(n, wordsEach int) []DocItem {
	items := make([]DocItem, n)
	for i := range items {
		items[i] = DocItem{Kind: DocBody, Mark: "(U) ", Text: fmt.Sprintf("Item %d. %s", i, words(wordsEach, i))}
	}
	return items
}

// itemCanvasPos is the canvas position of a point inside item i (dy below
// its top, at the middle of the column), for a Document that is the whole
// content of an unpadded window.
func itemCanvasPos(d *Document, i int, dy float32) fyne.Position {
	l := &d.lay
	return fyne.NewPos(l.colX+l.colW/2, l.starts[i]+dy-d.scroll.Offset.Y)
}

// gapCanvasPos is the canvas position of the middle of gap at, in the column.
func gapCanvasPos(d *Document, at int) fyne.Position {
	l := &d.lay
	return fyne.NewPos(l.colX+l.colW/2, l.gapMid(at)-d.scroll.Offset.Y)
}
