package acceptance

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// The command line's view of a briefing's evidence (`briefing evidence N
// --json`).
type evidenceView struct {
	Judgments []struct {
		Text     string `json:"text"`
		Evidence []struct {
			Excerpt int64  `json:"excerpt"`
			Stance  string `json:"stance"`
			Note    string `json:"note"`
		} `json:"evidence"`
	} `json:"judgments"`
}

// Scenario: evidence for a key judgment. A briefing holds one key
// judgment and the library one excerpt. In the composer the analyst
// clicks the judgment's Link evidence…, types words of the excerpt into
// the picker's search, chooses Contradicts with the keyboard, types a
// note and presses Enter. The library holds the link (through the
// command line's `briefing evidence 1 --json`), and the Evidence tab
// (Ctrl+Shift+B) shows it as a card.
func TestLinkEvidenceToAJudgmentThroughThePicker(t *testing.T) {
	const title = "Basis of the judgment"
	const judgment = "Further controls on chips are likely within a year."
	const quote = "Allies’ firms also lobbied quietly for licences."
	var ex excerpt
	s := start(t, func(s *session) {
		importChips(s)
		s.cli("briefing", "new", "--title", title)
		s.cli("briefing", "add", "1", "--judgment", judgment, "--confidence", "moderate")
		s.cliJSON(&ex, "excerpt", "add", "--source", "1", "--quote", quote, "--json")
	})
	s.showView("Briefings")
	s.do("open the briefing %q", title)
	s.clickOn("the briefing's row", typ("Label"), text(title), inLayer("content"), shown())
	s.waitNode("the judgment in the composer", textContains(judgment), inLayer("content"), shown())

	s.clickOn("the judgment's Link evidence…", append(button("Link evidence…"), inLayer("content"), shown())...)
	s.waitNode("the evidence picker", typ("Label"), textContains("Key judgment 1: “"+judgment), inLayer("overlay"), shown())
	s.do("search for the excerpt")
	s.typeText("lobbied quietly")
	s.waitFor("the picker lists only the excerpt", 5*time.Second, func(tr *tree) bool {
		return tr.find(typ("Label"), textContains("lobbied quietly"), inLayer("overlay"), shown()) != nil &&
			tr.find(typ("Label"), textContains("small yard"), inLayer("overlay"), shown()) == nil
	})
	s.do("choose Contradicts and type a note, by keyboard")
	s.key("Tab")   // to the stance
	s.key("Right") // the next choice
	s.waitNode("Contradicts chosen", typ("Select"), text(stanceContradicts), inLayer("overlay"), shown())
	s.key("Tab")
	s.typeText("Lobbying is not a change of policy.")
	s.key("Return")
	s.noOverlay("the picker closes")

	s.do("check the library holds the link")
	var got evidenceView
	s.waitLibrary("the judgment's contradicting evidence", func() bool {
		s.cliJSON(&got, "briefing", "evidence", "1", "--json")
		return len(got.Judgments) == 1 && len(got.Judgments[0].Evidence) == 1
	})
	ev := got.Judgments[0].Evidence[0]
	if ev.Excerpt != ex.ID || ev.Stance != "contradicts" || ev.Note != "Lobbying is not a change of policy." {
		s.fail("the link is %+v, want excerpt %d contradicting with the note", ev, ex.ID)
	}

	s.do("show the Evidence tab with Ctrl+Shift+B")
	s.key("ctrl+shift+b")
	s.waitFor("the Evidence tab's card for the excerpt", 5*time.Second, func(tr *tree) bool {
		return tr.find(typ("Label"), textContains(strings.TrimSuffix(quote, ".")), inLayer("content"), shown()) != nil &&
			tr.find(typ("Label"), textContains("Note: Lobbying is not"), inLayer("content"), shown()) != nil
	})
	s.keepShot("evidence")
}

// stanceContradicts is the picker's label for contradicting evidence.
const stanceContradicts = "Contradicts the judgment"

// Scenario: an excerpt dragged onto a key judgment. With the briefing
// open and the side pane's Excerpts tab beside it, the analyst drags the
// excerpt's row with the mouse onto the judgment's card and lets go: the
// excerpt is linked to the judgment as supporting evidence (the command
// line's `briefing evidence 1 --json`), and the draft gains no block.
func TestDragAnExcerptOntoAJudgmentLinksIt(t *testing.T) {
	const title = "Dropped evidence"
	const judgment = "Export controls will widen again before the year is out."
	const quote = "Allies’ firms worried about lost sales."
	var ex excerpt
	s := start(t, func(s *session) {
		importChips(s)
		s.cli("briefing", "new", "--title", title)
		s.cli("briefing", "add", "1", "--judgment", judgment, "--confidence", "low")
		s.cli("briefing", "add", "1", "--commentary", "What follows is the detail.")
		s.cliJSON(&ex, "excerpt", "add", "--source", "1", "--quote", quote, "--json")
	})
	s.showView("Briefings")
	s.do("open the briefing %q", title)
	s.clickOn("the briefing's row", typ("Label"), text(title), inLayer("content"), shown())
	s.waitNode("the judgment in the composer", textContains(judgment), inLayer("content"), shown())
	s.clickOn("Source beside draft", append(button("Source beside draft"), inLayer("content"), shown())...)
	s.clickOn("the side pane's Excerpts tab", typ("Text"), text("Excerpts"), inLayer("content"), shown(), func(n *node) bool { return n.X > 900 })
	row := s.waitNode("the excerpt's row beside the draft", typ("Label"), textContains("lost sales"), inLayer("content"), shown())

	s.do("drag the excerpt's row onto the judgment's card")
	card := s.waitNode("the judgment's card", textContains("Export controls will widen"), inLayer("content"), shown()) // its first line
	s.dragTo(row, card)
	var got evidenceView
	s.waitLibrary("the judgment's supporting evidence", func() bool {
		s.cliJSON(&got, "briefing", "evidence", "1", "--json")
		return len(got.Judgments) == 1 && len(got.Judgments[0].Evidence) == 1
	})
	if ev := got.Judgments[0].Evidence[0]; ev.Excerpt != ex.ID || ev.Stance != "supports" {
		s.fail("the link is %+v, want excerpt %d supporting", ev, ex.ID)
	}
	if b := s.briefing(1); len(b.Blocks) != 2 {
		s.fail("the drop changed the blocks: %s", blockSummary(b))
	}
	s.keepShot("dropped")
}

// dragTo presses the mouse on from, moves it in steps to the middle of
// to and lets go there.
func (s *session) dragTo(from, to *node) {
	s.t.Helper()
	a, b := from.visible(), to.visible()
	x0, y0 := s.winX+a.X+a.W/2, s.winY+a.Y+a.H/2
	x1, y1 := s.winX+b.X+b.W/2, s.winY+b.Y+b.H/2
	s.xdotool("mousemove", "--sync", fmt.Sprint(x0), fmt.Sprint(y0), "sleep", "0.15", "mousedown", "1")
	for i := 1; i <= 12; i++ {
		x, y := x0+(x1-x0)*i/12, y0+(y1-y0)*i/12
		s.xdotool("mousemove", "--sync", fmt.Sprint(x), fmt.Sprint(y), "sleep", "0.03")
	}
	s.xdotool("sleep", "0.2", "mouseup", "1")
	time.Sleep(400 * time.Millisecond)
}
