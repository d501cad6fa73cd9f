package acceptance

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// #19: a save that clashes with another writer's change asks how to go
// on, and each answer keeps both sides' work. The command line plays the
// other analyst, writing the same field the window is typing into.
func TestClashAsksAndEveryAnswerKeepsBothSides(t *testing.T) {
	s := start(t, nil)
	s.withSample()
	s.openSampleBriefing()
	id := s.briefings()[0].ID

	s.do("keep both: the window's title becomes a copy, the command line's stays")
	s.clash(id, "--title", "Retitled by the command line")
	s.keepShot("clash-question")
	s.clickOn("the Keep both button", append(button("Keep both"), inLayer("overlay"))...)
	var copyID int64
	s.waitLibrary("a copy holding the window's title", func() bool {
		for _, b := range s.briefings() {
			if b.ID != id && strings.Contains(b.Title, "Typed in the window") && strings.Contains(b.Title, "copy)") {
				copyID = b.ID
			}
		}
		return copyID != 0
	})
	if got := s.briefing(id).Title; got != "Retitled by the command line" {
		s.fail("the briefing's title is %q: the command line's was written over", got)
	}
	if n, m := len(s.briefing(copyID).Blocks), len(s.briefing(id).Blocks); n != m {
		s.fail("the copy has %d blocks, the briefing %d", n, m)
	}
	s.waitFor("the copy open in the composer", 3*time.Second, func(tr *tree) bool {
		return tr.find(typ("Entry"), placeholder("Title"), textPrefix("Typed in the window"), shown()) != nil
	})

	s.do("take theirs: the command line's title shows, the window's goes to Versions")
	s.clash(copyID, "--title", "Retitled again by the command line")
	s.clickOn("the Take theirs button", append(button("Take theirs"), inLayer("overlay"))...)
	s.waitFor("their title in the composer", 3*time.Second, func(tr *tree) bool {
		return tr.find(typ("Entry"), placeholder("Title"), text("Retitled again by the command line"), shown()) != nil
	})
	var versions []struct {
		ID    int64  `json:"id"`
		Label string `json:"label"`
	}
	s.cliJSON(&versions, "briefing", "history", fmt.Sprint(copyID))
	if len(versions) == 0 || !strings.HasPrefix(versions[0].Label, "Your edits") {
		s.fail("the window's title is in no version: %+v", versions)
	}

	s.do("block by block: theirs for the title; the bottom line only the command line changed comes too")
	s.clash(copyID, "--title", "Title from the command line", "--summary", "Bottom line from the command line")
	s.clickOn("the block by block button", append(button("Choose block by block…"), inLayer("overlay"))...)
	title := s.waitNode("the choice for the title", typ("RadioGroup"), inLayer("overlay"), shown())
	s.keepShot("clash-block-by-block")
	r := title.visible()
	s.clickAt(r.X+40, r.Y+r.H*3/4) // its second option: theirs
	s.clickOn("Save my choices", append(button("Save my choices"), inLayer("overlay"))...)
	s.waitLibrary("their title and bottom line, nothing asked again", func() bool {
		b := s.briefing(copyID)
		return b.Title == "Title from the command line" && b.Summary == "Bottom line from the command line"
	})
	s.waitSaved()
}

// clash types into the title while the command line writes briefing id
// (its title among what it writes), until the window's save is refused
// and the question shows.
func (s *session) clash(id int64, cliArgs ...string) {
	s.t.Helper()
	for try := 0; try < 4; try++ {
		s.focusEntry("the title", typ("Entry"), placeholder("Title"), inLayer("content"))
		s.key("ctrl+a")
		s.waitSaved()
		// The window's save waits for a pause in the typing: the
		// command line writes within it, so the save meets its change.
		s.xdotool("type", "--delay", "25", "--", "Typed in the window "+fmt.Sprint(try))
		if _, err := s.tryCLI(append([]string{"briefing", "edit", fmt.Sprint(id)}, cliArgs...)...); err != nil {
			s.fail("the command line's edit failed: %v", err)
		}
		deadline := time.Now().Add(4 * time.Second)
		for time.Now().Before(deadline) {
			if s.tree().find(append(button("Keep both"), inLayer("overlay"), shown())...) != nil {
				return
			}
			time.Sleep(150 * time.Millisecond)
		}
	}
	s.fail("the window saved over the command line's change four times without asking")
}

// waitSaved waits for the composer's status to read Saved.
func (s *session) waitSaved() {
	s.t.Helper()
	s.waitFor("the composer saved", 5*time.Second, func(tr *tree) bool {
		return tr.find(typ("Label"), text("Saved"), inLayer("content"), shown()) != nil
	})
}
