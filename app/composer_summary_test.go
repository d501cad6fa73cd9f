package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/attache/attache/widgets"
)

// The bottom line's flagged words are marked in place while the analyst
// types elsewhere; clicking into them puts the caret there, in the field,
// and the marks give way to the field until it loses the focus.
func TestBottomLineFindingIsMarkedInPlace(t *testing.T) {
	fakeChecker(t)
	u, lib := openSampleBriefing(t)
	withIntegrity(u, lib)
	c := u.briefings.composer
	fyne.DoAndWait(func() { c.summary.SetText("Talks may well fail.") })
	eventually(t, "the bottom line marked", func() bool {
		ok := false
		fyne.DoAndWait(func() {
			ms := c.summaryMarked.Marks()
			ok = c.summaryMarked.Visible() && len(ms) == 1 && ms[0] == widgets.DocMark{Start: 6, End: 14} &&
				c.summaryMarked.Text() == "Talks may well fail."
		})
		return ok
	})
	fyne.DoAndWait(func() {
		c.summaryMarked.OnTapped(8)
		if u.win.Canvas().Focused() != c.summary {
			t.Fatal("a click on the marked words does not put the caret in the bottom line")
		}
		if c.summaryMarked.Visible() {
			t.Error("the marks still cover the bottom line being typed in")
		}
		if c.summary.CursorColumn != 8 {
			t.Errorf("the caret is at column %d, not where the click was (8)", c.summary.CursorColumn)
		}
		u.win.Canvas().Focus(c.title)
		if !c.summaryMarked.Visible() {
			t.Error("the marks do not come back when the bottom line loses the focus")
		}
	})
	// Words fixed: no finding, no marks.
	fyne.DoAndWait(func() { c.summary.SetText("Talks will probably fail.") })
	eventually(t, "the marks gone", func() bool {
		gone := false
		fyne.DoAndWait(func() { gone = !c.summaryMarked.Visible() })
		return gone
	})
}

// Found by a trial: in a long, wrapped bottom line, clicking its finding
// selected other words ("further miner" for "may well"), a character
// early, or nothing, since the caret was moved by key presses, and a
// Right at a wrap passes the wrapped space too.
func TestALongBottomLinesFindingSelectsItsWords(t *testing.T) {
	fakeChecker(t)
	u, lib := openSampleBriefing(t)
	withIntegrity(u, lib)
	c := u.briefings.composer
	resize(u, fyne.NewSize(800, 600))
	long := "Beijing is likely to answer with further mineral restrictions on gallium and germanium, and allied " +
		"suppliers lose several billion dollars of sales; talks may well fail before the summit in March."
	fyne.DoAndWait(func() { c.detailsItem.Open = true; c.details.Refresh(); c.summary.SetText(long) })
	var row *checkRow
	eventually(t, "the finding", func() bool { row = checkRowWith(c.checks, "Bottom line: “may well”"); return row != nil })
	fyne.DoAndWait(func() { test.Tap(row) })
	fyne.DoAndWait(func() {
		if got := c.summary.SelectedText(); got != "may well" {
			t.Errorf("the bottom line's words selected: %q", got)
		}
		if u.win.Canvas().Focused() != c.summary {
			t.Error("the bottom line does not have the caret")
		}
	})
}
