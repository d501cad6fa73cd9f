package acceptance

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// prepareDocument makes a briefing of three commentary blocks through the
// command line.
func prepareDocument(s *session) {
	s.cli("briefing", "new", "--title", "Document")
	for _, text := range []string{"Alpha first.", "Bravo second.", "Charlie third."} {
		s.cli("briefing", "add", "1", "--commentary", text)
	}
}

// docText is the document's drawn line that reads text.
func docText(text string) []pred {
	return []pred{typ("Text"), textPrefix(text), inLayer("content"), shown()}
}

// dragNode presses on from's middle and releases at (x, y), a canvas
// position, moving through the X server in steps as a hand would.
func (s *session) dragNode(from *node, x, y int) {
	s.t.Helper()
	r := from.visible()
	x0, y0 := s.winX+r.X+r.W/2, s.winY+r.Y+r.H/2
	x1, y1 := s.winX+x, s.winY+y
	s.xdotool("mousemove", "--sync", fmt.Sprint(x0), fmt.Sprint(y0), "sleep", "0.1", "mousedown", "1")
	for i := 1; i <= 10; i++ {
		s.xdotool("mousemove", "--sync", fmt.Sprint(x0+(x1-x0)*i/10), fmt.Sprint(y0+(y1-y0)*i/10), "sleep", "0.04")
	}
	s.xdotool("sleep", "0.15", "mouseup", "1")
	time.Sleep(400 * time.Millisecond)
}

// Issue #15: a block dragged to a new place in the document, and a block
// edited in place by clicking it and typing (Enter at its end starting a
// new commentary): the library holds the new order and text.
func TestDocumentDragAndEditInPlace(t *testing.T) {
	s := start(t, prepareDocument)
	s.do("decline the welcome offer (the library has no sources)")
	s.clickOn("the welcome dialog's No", append(button("No"), inLayer("overlay"))...)
	s.noOverlay("the welcome dialog closes")
	s.showView("Briefings")
	s.do("open the briefing")
	s.clickOn("the briefing's row", typ("Label"), textPrefix("Document"), inLayer("content"), shown())
	alpha := s.waitNode("the first block in the document", docText("Alpha first.")...)
	charlie := s.waitNode("the third block in the document", docText("Charlie third.")...)

	s.do("drag the third block above the first")
	s.dragNode(charlie, alpha.X+alpha.W/2, alpha.Y+1)
	s.waitBlocks(1, "commentary:Charlie third. | commentary:Alpha first. | commentary:Bravo second.",
		"the third block dragged above the first")

	s.do("click the Bravo block and type at its end")
	s.clickOn("the Bravo block", docText("Bravo second.")...)
	s.waitFor("the block's editor has the focus", 5*time.Second, func(tr *tree) bool {
		f := tr.find(focused(), typ("Entry"))
		return f != nil && strings.HasPrefix(f.Text, "Bravo second.")
	})
	s.typeText(" Edited in place.")
	s.waitBlocks(1, "commentary:Charlie third. | commentary:Alpha first. | commentary:Bravo second. Edited in place.",
		"the text typed in place")

	s.do("press Enter at the end and type a new commentary")
	s.key("Return")
	s.typeText("Delta fourth.")
	s.waitBlocks(1, "commentary:Charlie third. | commentary:Alpha first. | commentary:Bravo second. Edited in place. | commentary:Delta fourth.",
		"the commentary started by Enter")
	s.keepShot("document-edited")
}
