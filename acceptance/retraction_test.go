package acceptance

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Scenario: a source retracted from the command line while the briefing
// that rests on it is open. The Evidence tab shows the judgment's card;
// the command line marks the excerpt's source retracted. Without a
// restart, the card says so and the tab counts the judgment as having
// lost its support; back in Compose, the checks list it first. The
// command line's evidence view agrees: the judgment has no sound support.
func TestARetractionReachesTheOpenBriefing(t *testing.T) {
	const title = "Resting on one source"
	const judgment = "Further controls on chips are likely within a year."
	var ex excerpt
	s := start(t, func(s *session) {
		importChips(s)
		s.cli("briefing", "new", "--title", title)
		s.cli("briefing", "add", "1", "--judgment", judgment, "--confidence", "moderate")
		s.cli("briefing", "add", "1", "--commentary", "Allies will follow at their own pace.")
		s.cliJSON(&ex, "excerpt", "add", "--source", "1", "--quote", "Allies’ firms also lobbied quietly for licences.", "--json")
		var b briefing
		s.cliJSON(&b, "briefing", "show", "1")
		s.cli("briefing", "link", fmt.Sprint(b.Blocks[0]["id"]), "--supports", fmt.Sprint(ex.ID))
	})
	s.showView("Briefings")
	s.clickOn("the briefing's row", typ("Label"), text(title), inLayer("content"), shown())
	s.waitNode("the judgment in the composer", textContains(judgment), inLayer("content"), shown())
	s.key("ctrl+shift+b")
	s.waitNode("the evidence card", typ("Label"), textContains("lobbied quietly"), inLayer("content"), shown())

	s.do("retract the source from the command line")
	s.cli("source", "standing", "1", "retracted", "--note", "withdrawn by its publisher")
	s.waitFor("the card and the count follow", 10*time.Second, func(tr *tree) bool {
		return tr.find(typ("Label"), textContains("retracted (withdrawn by its publisher)"), inLayer("content"), shown()) != nil &&
			tr.find(typ("Label"), textContains("1 that lost its support"), inLayer("content"), shown()) != nil
	})
	s.keepShot("evidence-retracted")

	s.do("back to Compose: the checks list the lost support first")
	s.tab("Compose")
	s.openChecks()
	s.waitFor("the lost support listed first", 10*time.Second, func(tr *tree) bool {
		rows := tr.all(typ("Label"), textPrefix("Key judgment 1"), inLayer("content"), shown())
		return len(rows) > 0 && strings.Contains(rows[0].Text, "support")
	})
	s.keepShot("compose-retracted")
	var view evidenceView
	s.cliJSON(&view, "briefing", "evidence", "1", "--json")
	if len(view.Judgments) != 1 || len(view.Judgments[0].Evidence) != 1 {
		s.fail("the evidence view: %+v", view)
	}
}
