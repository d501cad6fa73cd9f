package acceptance

import (
	"strings"
	"testing"
	"time"
)

// longAlpha wraps over several lines in the document.
var longAlpha = "Alpha " + strings.Repeat("delivery, not principle, is the risk to the programme; ", 10) + "end."

// Issue #15 (a new user's trial): a click on a word in the second line of
// a wrapped block puts the caret there, so typing lands at that word, not
// at the end of the block's first line.
func TestDocumentClickPutsTheCaretAtTheWord(t *testing.T) {
	s := start(t, func(s *session) {
		s.cli("briefing", "new", "--title", "Document")
		s.cli("briefing", "add", "1", "--commentary", longAlpha)
		s.cli("briefing", "add", "1", "--commentary", "Bravo second.")
	})
	s.do("decline the welcome offer (the library has no sources)")
	s.clickOn("the welcome dialog's No", append(button("No"), inLayer("overlay"))...)
	s.noOverlay("the welcome dialog closes")
	s.showView("Briefings")
	s.do("open the briefing")
	s.clickOn("the briefing's row", typ("Label"), textPrefix("Document"), inLayer("content"), shown())
	first := s.waitNode("the long block's first line", docText("Alpha delivery")...)
	var second *node
	for _, n := range s.tree().all(typ("Text"), inLayer("content"), shown()) {
		if n.X == first.X && n.Y > first.Y && n.Y < first.Y+2*first.H && n.Text != "" {
			second = n
		}
	}
	if second == nil {
		s.fail("the long block has no second line below %s", first)
	}
	word := strings.Fields(second.Text)[0]
	s.do("click just inside %q, the first word of the second line %q", word, second.Text)
	s.clickAt(second.X+1, second.Y+second.H/2)
	s.waitFor("the block's editor has the focus", 5*time.Second, func(tr *tree) bool {
		f := tr.find(focused(), typ("Entry"))
		return f != nil && strings.HasPrefix(f.Text, "Alpha")
	})
	s.typeText("X")
	if !strings.HasPrefix(longAlpha, first.Text) || !strings.HasPrefix(longAlpha[len(first.Text):], second.Text) {
		s.fail("the lines drawn, %q and %q, are not the block's text", first.Text, second.Text)
	}
	want := longAlpha[:len(first.Text)] + "X" + longAlpha[len(first.Text):]
	got := ""
	s.waitFor("X typed before the second line's first word", 5*time.Second, func(*tree) bool {
		if b := s.briefing(1); len(b.Blocks) == 2 {
			got, _ = b.Blocks[0]["text"].(string)
		}
		return got == want
	})
}
