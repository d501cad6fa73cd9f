package acceptance

import (
	"fmt"
	"testing"
)

// Scenario: a version sent out before its source was retracted is
// flagged. A briefing quotes an excerpt; a version is kept ("Sent to the
// minister"); the source is then marked retracted with a note. In the
// Versions dialog the version's row says it cites a retracted source,
// and selecting it shows the source and the note above its text. The
// command line's check lists the same version.
func TestVersionsFlagAVersionCitingARetractedSource(t *testing.T) {
	const title = "Chips brief as sent"
	var ex excerpt
	s := start(t, func(s *session) {
		importChips(s)
		s.cli("briefing", "new", "--title", title)
		s.cliJSON(&ex, "excerpt", "add", "--source", "1", "--quote", "Allies’ firms also lobbied quietly for licences.", "--json")
		s.cli("briefing", "add", "1", "--excerpt", fmt.Sprint(ex.ID))
		s.cli("briefing", "snapshot", "1", "--label", "Sent to the minister")
		s.cli("source", "standing", "1", "retracted", "--note", "withdrawn by its publisher")
	})
	var report struct {
		Versions []struct {
			Label   string  `json:"label"`
			Sources []int64 `json:"sources"`
		} `json:"versions_at_risk"`
	}
	s.cliJSON(&report, "check", "1")
	if len(report.Versions) != 1 || report.Versions[0].Label != "Sent to the minister" {
		s.fail("check lists the versions at risk as %+v", report.Versions)
	}
	s.showView("Briefings")
	s.clickOn("the briefing's row", typ("Label"), text(title), inLayer("content"), shown())
	s.clickOn("Versions…", append(button("Versions…"), inLayer("content"))...)
	s.waitNode("the version flagged", typ("Label"), textContains(" · cites a source retracted"), inLayer("overlay"), shown())
	s.clickOn("the version", typ("Label"), text("Sent to the minister"), inLayer("overlay"), shown())
	s.waitNode("the preview names the source and the note", textContains("retracted: withdrawn by its publisher"), inLayer("overlay"), shown())
	s.keepShot("version-at-risk")
}
