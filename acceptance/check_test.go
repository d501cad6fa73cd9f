package acceptance

import (
	"fmt"
	"os"
	"path/filepath"
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
	s.openChecks()
	return s.waitNode("the finding listed under the document", typ("Label"), textContains("‘It is possible that’"), inLayer("content"), shown())
}

// openChecks unfolds the list of checks under the document (folded in a
// window where the document needs the room) by clicking its bar.
func (s *session) openChecks() {
	s.t.Helper()
	bar := s.waitNode("the checks counted", typ("Label"), textPrefix("Checks: "), inLayer("content"), shown())
	if s.tree().find(typ("Button"), text("Dismiss…"), inLayer("content"), shown()) == nil {
		s.click(bar)
	}
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

// changingDraft is a briefing with a version kept before its judgments
// changed: one replaced by another with more confidence, one added, and
// the status moved on.
func changingDraft(s *session) {
	importChips(s)
	s.cli("briefing", "new", "--title", "Changing view")
	s.cli("briefing", "add", "1", "--judgment", "Port outages will rise this winter.", "--confidence", "moderate")
	s.cli("briefing", "add", "1", "--commentary", "Insurers are pricing the risk in.")
	s.cli("briefing", "snapshot", "1", "--label", "Before review")
	var b briefing
	s.cliJSON(&b, "briefing", "show", "1")
	s.cli("briefing", "remove", fmt.Sprint(b.Blocks[0]["id"]))
	s.cli("briefing", "add", "1", "--judgment", "Port outages will rise sharply this winter.", "--confidence", "high")
	s.cli("briefing", "add", "1", "--judgment", "Insurers will raise premiums by spring.", "--confidence", "low")
	s.cli("briefing", "edit", "1", "--status", "review")
}

// openWhatChanged opens the briefing's Versions, selects the version and
// opens What changed, waiting for the comparison.
func (s *session) openWhatChanged() {
	s.t.Helper()
	s.showView("Briefings")
	s.clickOn("the briefing's row", typ("Label"), text("Changing view"), inLayer("content"), shown())
	s.clickOn("Versions…", append(button("Versions…"), inLayer("content"))...)
	s.clickOn("the version", typ("Label"), text("Before review"), inLayer("overlay"), shown())
	s.clickOn("What changed…", append(button("What changed…"), inLayer("overlay"), enabled())...)
	s.waitNode("the changes", typ("Text"), text("Key judgments"), inLayer("overlay"), shown())
}

// Scenario: What changed between a version and the briefing now. The
// Versions dialog's What changed… shows the judgments removed and added
// with their confidence, and the status; Save change note… writes the
// note where the form says, and it says what the command line's changes
// says.
func TestWhatChangedSavesAChangeNote(t *testing.T) {
	s := start(t, changingDraft)
	s.openWhatChanged()
	var lines []string // the changes as drawn, a line of text each
	for _, n := range s.tree().all(typ("Text"), inLayer("overlay"), shown()) {
		lines = append(lines, n.Text)
	}
	got := strings.Join(lines, "\n")
	for _, want := range []string{"Removed: “Port outages will rise this winter.” (was moderate confidence)",
		"Added: “Port outages will rise sharply this winter.” (high confidence)",
		"Added: “Insurers will raise premiums by spring.” (low confidence)", "Status: Draft → In review"} {
		if !strings.Contains(got, want) {
			s.fail("What changed lacks %q:\n%s", want, got)
		}
	}
	s.keepShot("what-changed")
	s.clickOn("Save change note…", append(button("Save change note…"), inLayer("overlay"), enabled())...)
	s.waitNode("the save form", typ("Entry"), text("Changing view — change note.md"), inLayer("overlay"), shown())
	s.clickOn("Save", append(button("Save"), inLayer("overlay"))...)
	s.waitNode("the note saved", typ("Label"), textPrefix("Saved "), inLayer("overlay"), shown())
	path := filepath.Join(s.dir, "Changing view — change note.md")
	if exists(filepath.Join(s.dir, "Documents")) {
		path = filepath.Join(s.dir, "Documents", "Changing view — change note.md")
	}
	note, err := os.ReadFile(path)
	if err != nil {
		s.fail("the change note was not written: %v", err)
	}
	for _, want := range []string{"Port outages will rise sharply this winter.", "Insurers will raise premiums by spring.", "Before review"} {
		if !strings.Contains(string(note), want) {
			s.fail("the note lacks %q:\n%s", want, note)
		}
	}
}

// TestIntegrityScreenshots takes, when ATTACHE_ACCEPT_OUT names a folder,
// the checker's highlights (with the note over the words the pointer
// rests on) and What changed at 800×600 and 1920×1080, for a person to
// look at (issue #17 asks for them).
func TestIntegrityScreenshots(t *testing.T) {
	if os.Getenv("ATTACHE_ACCEPT_OUT") == "" {
		t.Skip("set ATTACHE_ACCEPT_OUT to a folder to take the screenshots")
	}
	for _, size := range [][2]int{{800, 600}, {1920, 1080}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			s := newSession(t, size[0], size[1])
			s.do("prepare the library")
			changingDraft(s)
			s.cli("briefing", "new", "--title", "Checked words")
			s.cli("briefing", "edit", "2", "--scale", "icd203", "--summary", "Talks will probably stall; it is possible that they collapse.")
			s.cli("briefing", "add", "2", "--judgment", "Beijing will almost certainly extend the controls, and we have high confidence in this.")
			s.cli("briefing", "add", "2", "--commentary", "A realistic possibility remains that the allies could split, though officials may well deny it.")
			s.startApp()
			s.xdotool("windowsize", s.windowID(), fmt.Sprint(size[0]), fmt.Sprint(size[1]))
			time.Sleep(500 * time.Millisecond)
			s.showView("Briefings")
			s.clickOn("the briefing's row", typ("Label"), text("Checked words"), inLayer("content"), shown())
			s.openChecks()
			if size[0] < 1000 { // the marked words are below the bottom line: scroll the document to them
				doc := s.waitNode("the document", typ("Label"), text("Bottom line up front"), inLayer("content"), shown())
				s.xdotool("mousemove", "--sync", fmt.Sprint(s.winX+doc.X+doc.W/2), fmt.Sprint(s.winY+doc.Y))
				s.xdotool("click", "--repeat", "4", "--delay", "80", "5")
			}
			time.Sleep(500 * time.Millisecond)
			s.keepShot("findings")
			s.do("rest the pointer on marked words")
			if n := s.tree().find(typ("Text"), textContains("realistic possibility"), inLayer("content"), shown()); n != nil {
				s.xdotool("mousemove", "--sync", fmt.Sprint(s.winX+n.X+20), fmt.Sprint(s.winY+n.Y+n.H/2))
				time.Sleep(500 * time.Millisecond)
				s.keepShot("finding-tip")
			}
			s.openWhatChanged()
			time.Sleep(500 * time.Millisecond) // the frame drawn after the comparison landed
			s.keepShot("what-changed")
		})
	}
}
