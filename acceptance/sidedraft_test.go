package acceptance

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// Scenario: the source beside the draft. A briefing is open; a source is
// opened in the side pane through Open source…; a sentence is selected
// there with a mouse drag, then dragged by the mouse onto the draft. The
// library holds one new excerpt with the sentence's exact offsets and
// quote, and the briefing an excerpt block of it where it was dropped.
func TestDragAPassageFromTheSourceIntoTheDraft(t *testing.T) {
	const title = "Beside the source"
	s := start(t, func(s *session) {
		importChips(s)
		s.cli("briefing", "new", "--title", title)
		s.cli("briefing", "add", "1", "--heading", "Where things stand")
		s.cli("briefing", "add", "1", "--commentary", "Opening line of the draft.")
		s.cli("briefing", "add", "1", "--commentary", "Closing line of the draft.")
	})
	s.showView("Briefings")
	s.do("open the briefing %q", title)
	s.clickOn("the briefing's row", typ("Label"), text(title), inLayer("content"), shown())
	s.waitFor("the composer shows "+title, 5*time.Second, func(tr *tree) bool {
		return tr.find(typ("Entry"), placeholder("Title"), text(title), shown()) != nil
	})

	s.do("open the source beside the draft with Open source…")
	s.clickOn("Open source…", append(button("Open source…"), inLayer("content"), shown())...)
	s.waitNode("the Open source dialog", typ("Label"), text("Open a source beside the draft"), inLayer("overlay"))
	s.waitNode("the source listed", typ("Label"), text(chipsTitle), inLayer("overlay"), shown())
	s.key("Return")
	s.noOverlay("the dialog closes")
	reader := s.waitReader("the source beside the draft", "export controls")
	sentence, from, to, ok := sentenceIn(reader.Text)
	if !ok {
		s.fail("no sentence of 40 to 200 characters in the reader's text")
	}

	s.do("drag-select the sentence %q", sentence)
	s.dragSelect(from, to)
	s.waitFor("the side reader's selection is the sentence", 3*time.Second, func(tr *tree) bool {
		r := tr.find(typ("Reader"), shown())
		return r != nil && slices.Equal(r.Selection, []int{from, to})
	})

	s.do("drag the selected sentence onto the draft's opening line")
	target := s.waitNode("the opening line in the draft", textContains("Opening line of the draft."), inLayer("content"), shown())
	s.dragOut((from+to)/2, target)
	var made excerpt
	s.waitLibrary("one excerpt of the sentence", func() bool {
		es := s.excerpts()
		if len(es) == 1 {
			made = es[0]
		}
		return len(es) == 1
	})
	if made.Start != from || made.End != to || made.Quote != sentence {
		s.fail("the library holds [%d,%d) %q, not the dragged [%d,%d) %q", made.Start, made.End, made.Quote, from, to, sentence)
	}
	s.do("check the briefing holds it where it was dropped")
	var b briefing
	s.waitLibrary("the excerpt block saved in the briefing", func() bool {
		b = s.briefing(1)
		return len(b.Blocks) == 4
	})
	at := -1
	for i, blk := range b.Blocks {
		if blk["type"] == "excerpt" && fmt.Sprint(blk["excerpt"]) == fmt.Sprint(made.ID) {
			at = i
		}
	}
	if at != 1 && at != 2 {
		s.fail("the excerpt block is at %d of %s, not beside the opening line it was dropped on", at, blockSummary(b))
	}
}

// dragOut presses on the rune at offset of the (only) reader on screen,
// inside its selection, and drags it with the mouse to the middle of
// target, releasing it there.
func (s *session) dragOut(offset int, target *node) {
	s.t.Helper()
	r := s.tree(offset).find(typ("Reader"), shown())
	if r == nil || len(r.Points) != 1 {
		s.fail("the reader gave no position for offset %d", offset)
	}
	p := r.Points[0]
	x0, y0 := s.winX+p[0]+3, s.winY+p[1]+r.LineH/2
	v := target.visible()
	x1, y1 := s.winX+v.X+v.W/2, s.winY+v.Y+v.H/2
	s.xdotool("mousemove", "--sync", fmt.Sprint(x0), fmt.Sprint(y0), "sleep", "0.15", "mousedown", "1")
	for i := 1; i <= 12; i++ {
		x, y := x0+(x1-x0)*i/12, y0+(y1-y0)*i/12
		s.xdotool("mousemove", "--sync", fmt.Sprint(x), fmt.Sprint(y), "sleep", "0.03")
	}
	s.xdotool("sleep", "0.2", "mouseup", "1")
	time.Sleep(400 * time.Millisecond)
}
