package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/attache/attache/domain"
)

// Found by a trial: typing at 800×600, a space typed where the line
// wrapped went to the end of the text and the words either side ran
// together ("answer withfurther"), in the bottom line and in a block;
// nothing warned. Fyne's Entry drops the caret before such a space;
// typeRune mends it. Typed a letter at a time, at several widths, the
// text is as typed, in the bottom line and in a new commentary.
func TestTypingAtALineWrapKeepsTheSpace(t *testing.T) {
	const typed = "Beijing is likely to answer with further mineral restrictions, and it may well target gallium first " +
		"while American suppliers lose several billion dollars of sales over the next two quarters of the year."
	u, _ := openSampleBriefing(t)
	c := u.briefings.composer
	for _, size := range []fyne.Size{fyne.NewSize(800, 600), fyne.NewSize(1000, 700), fyne.NewSize(1280, 800)} {
		resize(u, size)
		fyne.DoAndWait(func() { c.summary.SetText(""); u.win.Canvas().Focus(c.summary) })
		for _, r := range typed {
			fyne.DoAndWait(func() { c.summary.TypedRune(r) })
		}
		fyne.DoAndWait(func() {
			if c.summary.Text != typed {
				t.Errorf("at %v the bottom line reads\n%q", size, c.summary.Text)
			}
		})
	}
	resize(u, fyne.NewSize(800, 600))
	fyne.DoAndWait(func() { c.onAdd(domain.BlockCommentary) })
	for _, r := range typed {
		fyne.DoAndWait(func() { c.editor.text.TypedRune(r) })
	}
	fyne.DoAndWait(func() {
		if got := c.d.b.Blocks[c.selected].Text; got != typed {
			t.Errorf("the commentary reads\n%q", got)
		}
	})
}

// Typed through the test driver (which also gains the focus at each
// call), and into the middle of a text, the words keep their spaces.
func TestTypingIntoTheMiddleAtAWrapKeepsTheSpace(t *testing.T) {
	u, _ := openSampleBriefing(t)
	c := u.briefings.composer
	resize(u, fyne.NewSize(800, 600))
	tail := " The end."
	fyne.DoAndWait(func() {
		c.summary.SetText(tail)
		u.win.Canvas().Focus(c.summary)
		c.summary.CursorRow, c.summary.CursorColumn = 0, 0
	})
	head := "Export controls on lithography tools will widen again before the summit, and allies will follow at their own pace."
	for _, r := range head {
		fyne.DoAndWait(func() { test.Type(c.summary, string(r)) })
	}
	fyne.DoAndWait(func() {
		if want := head + tail; c.summary.Text != want {
			t.Errorf("reads\n%q\nwant\n%q", c.summary.Text, want)
		}
		if strings.Count(c.summary.Text, "  ") > 0 {
			t.Errorf("doubled spaces in %q", c.summary.Text)
		}
	})
}
