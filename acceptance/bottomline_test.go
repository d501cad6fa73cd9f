package acceptance

import (
	"strings"
	"testing"
	"time"
)

// Scenario: the bottom line's flagged words are marked where they stand.
// A briefing on ICD 203 has "it is possible that" in its bottom line.
// The composer shows those words marked in the field; the analyst clicks
// on them, the field takes the caret, and the bottom line is retyped
// with a term of the scale. The library holds the new words, and the
// checker no longer flags the bottom line.
func TestBottomLineWordsAreMarkedAndClickedInto(t *testing.T) {
	const title = "Summit outlook"
	const flagged = "Talks will probably stall; it is possible that they collapse."
	const fixed = "Talks will probably stall; a collapse is improbable."
	s := start(t, func(s *session) {
		importChips(s)
		s.cli("briefing", "new", "--title", title)
		s.cli("briefing", "edit", "1", "--scale", "icd203", "--summary", flagged)
	})
	s.showView("Briefings")
	s.clickOn("the briefing's row", typ("Label"), text(title), inLayer("content"), shown())
	marked := s.waitNode("the bottom line's words marked", typ("MarkedText"), text(flagged), inLayer("content"), shown())
	var mark *node
	for _, ch := range marked.Children {
		if ch.is("Rectangle") && ch.W < marked.W/2 { // the frame is as wide as the field
			mark = ch
			break
		}
	}
	if mark == nil {
		s.fail("the bottom line shows no marked words: %s", marked)
	}
	s.keepShot("bottom-line-marked")
	s.do("click on the marked words")
	s.click(mark)
	s.waitFor("the bottom line takes the caret", 5*time.Second, func(tr *tree) bool {
		return tr.find(typ("Entry"), text(flagged), focused(), inLayer("content"), shown()) != nil &&
			tr.find(typ("MarkedText"), inLayer("content"), shown()) == nil
	})
	s.keepShot("bottom-line-editing")
	s.key("ctrl+a")
	s.typeText(fixed)
	s.waitSummary("the library holds the new bottom line", fixed)
	var report checkReport
	s.cliJSON(&report, "check", "1")
	for _, f := range report.Language {
		if strings.Contains(fixed, f.Words) && f.Block == 0 {
			s.fail("the fixed bottom line is still flagged: %+v", f)
		}
	}
}

// Scenario: typing a long bottom line in an 800×600 window, as a trial
// did: every space typed where a line wrapped used to go to the end of
// the text, running two words together in the library and the export.
// Typed with xdotool, the library holds exactly what was typed.
func TestTypingALongBottomLineAt800x600KeepsEverySpace(t *testing.T) {
	const typed = "Beijing is likely to answer with further mineral restrictions, and it may well target gallium first " +
		"while American suppliers lose several billion dollars of sales."
	s := newSession(t, 800, 600)
	s.do("prepare the library")
	importChips(s)
	s.cli("briefing", "new", "--title", "Typed at 800")
	s.startApp()
	s.showView("Briefings")
	s.clickOn("the briefing's row", typ("Label"), text("Typed at 800"), inLayer("content"), shown())
	s.focusEntry("the bottom line", typ("Entry"), placeholder("Bottom line up front"), inLayer("content"))
	s.typeText(typed)
	s.waitSummary("the library holds what was typed", typed)
}

// Scenario: a finding in a long bottom line, at 800×600 with the details
// open, is clicked in the checks; the analyst types over what it selected.
// A trial found other words selected (a character early, or "further
// miner"). The library's bottom line has exactly the flagged words
// replaced.
func TestAFindingInALongBottomLineSelectsItsWords(t *testing.T) {
	const long = "Beijing is likely to answer with further mineral restrictions on gallium and germanium, and allied " +
		"suppliers lose several billion dollars of sales; talks may well fail before the summit in March."
	s := newSession(t, 800, 600)
	s.do("prepare the library")
	importChips(s)
	s.cli("briefing", "new", "--title", "Long bottom line")
	s.cli("briefing", "edit", "1", "--scale", "icd203", "--summary", long)
	s.startApp()
	s.showView("Briefings")
	s.clickOn("the briefing's row", typ("Label"), text("Long bottom line"), inLayer("content"), shown())
	s.clickOn("the Details section, to open it", typ("Text"), textPrefix("Details"), inLayer("content"), shown())
	s.waitNode("the details' Subtitle", typ("Label"), text("Subtitle"), inLayer("content"), shown())
	s.openChecks()
	s.clickOn("the bottom line's finding", typ("Label"), textPrefix("Bottom line"), textContains("may well"), inLayer("content"), shown())
	s.waitNode("the bottom line with the caret", typ("Entry"), text(long), focused(), inLayer("content"), shown())
	s.typeText("will probably")
	want := strings.Replace(long, "may well", "will probably", 1)
	s.waitSummary("the flagged words replaced, and only they", want)
}

// waitSummary waits for briefing 1's bottom line in the library to read
// want, as the command line shows it.
func (s *session) waitSummary(what, want string) {
	s.t.Helper()
	s.waitFor(what, 10*time.Second, func(*tree) bool {
		var b struct {
			Summary string `json:"summary"`
		}
		s.cliJSON(&b, "briefing", "show", "1")
		return b.Summary == want
	})
}
