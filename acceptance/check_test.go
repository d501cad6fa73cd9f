package acceptance

import (
	"strings"
	"testing"
	"time"
)

// checkReport is `attache check N --json`, the parts these tests read.
type checkReport struct {
	Language []struct {
		Code  string `json:"code"`
		Block int64  `json:"block"`
		Start int    `json:"start"`
		End   int    `json:"end"`
		Words string `json:"words"`
		Key   string `json:"key"`
	} `json:"language"`
	Dismissed int `json:"dismissed"`
}

// hasFinding says whether the report flags words.
func (r checkReport) hasFinding(words string) bool {
	for _, f := range r.Language {
		if strings.EqualFold(f.Words, words) {
			return true
		}
	}
	return false
}

// checkedDraft is a briefing whose commentary uses a probability word of
// no scale, the checker's plainest finding.
func checkedDraft(s *session) {
	importChips(s) // a library with a source: no welcome offer
	s.cli("briefing", "new", "--title", "Checked words")
	s.cli("briefing", "add", "1", "--commentary", "It is possible that talks fail before the summit.")
}

// openChecked opens the briefing and waits for its finding to be listed
// under the document.
func (s *session) openChecked() *node {
	s.t.Helper()
	s.showView("Briefings")
	s.clickOn("the briefing's row", typ("Label"), text("Checked words"), inLayer("content"), shown())
	return s.waitNode("the finding listed under the document", typ("Label"), textContains("‘It is possible that’"), inLayer("content"), shown())
}

// Scenario: a finding dismissed by hand stays dismissed. The checker
// flags "It is possible that" in the composer; the analyst clicks Dismiss… beside it,
// writes why and confirms. The list no longer shows it, the command line's
// check leaves it out (counted as dismissed), and it stays gone after the
// app starts again.
func TestAFindingDismissedByHandStaysDismissed(t *testing.T) {
	s := start(t, checkedDraft)
	var before checkReport
	s.cliJSON(&before, "check", "1")
	if !before.hasFinding("It is possible that") {
		s.fail("the checker does not flag “It is possible that”: %+v", before.Language)
	}
	row := s.openChecked()
	s.keepShot("finding-listed")

	s.do("click Dismiss… beside the finding")
	tr := s.tree()
	var dismiss *node
	for _, b := range tr.all(append(button("Dismiss…"), inLayer("content"))...) {
		if b.Y < row.Y+row.H && b.Y+b.H > row.Y { // on the finding's row
			dismiss = b
		}
	}
	if dismiss == nil {
		s.fail("no Dismiss… on the finding's row")
	}
	s.click(dismiss)
	s.waitNode("the dismiss dialog", typ("Label"), textContains("will not be flagged again"), inLayer("overlay"))
	s.typeText("Quoted from the minister")
	s.clickOn("the dialog's Dismiss", append(button("Dismiss"), inLayer("overlay"))...)
	s.noOverlay("the dialog closes")
	s.waitFor("the finding leaves the list", 5*time.Second, func(tr *tree) bool {
		return tr.find(typ("Label"), textContains("‘It is possible that’"), not(textPrefix("Dismissed")), inLayer("content"), shown()) == nil
	})

	var after checkReport
	s.cliJSON(&after, "check", "1")
	if after.hasFinding("It is possible that") || after.Dismissed != 1 {
		s.fail("after the dismissal, check reports %+v with %d dismissed", after.Language, after.Dismissed)
	}

	s.do("quit and start the app again")
	s.key("ctrl+q")
	s.quitOrKill("Ctrl+Q", 15*time.Second)
	s.startApp()
	s.showView("Briefings")
	s.clickOn("the briefing's row", typ("Label"), text("Checked words"), inLayer("content"), shown())
	s.waitNode("the composer", typ("Entry"), placeholder("Title"), text("Checked words"), shown())
	time.Sleep(time.Second) // the check runs once typing would pause
	if n := s.tree().find(typ("Label"), textContains("‘It is possible that’"), inLayer("content"), shown()); n != nil {
		s.fail("the dismissed finding is back after a restart: %s", n)
	}
}
