package acceptance

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// yourName is the Settings field for the name kept with the analyst's
// changes.
const yourName = "Your name (kept with your changes)"

// Scenario: the analyst types their name into Settings; from the next
// start the edits they make keep it. The command line's briefing list
// names them as who changed the briefing, the app's list says so beside
// the time, and the version saved in the Versions dialog is theirs.
func TestYourNameIsKeptWithYourEdits(t *testing.T) {
	s := start(t, nil)
	s.withSample()
	s.do("type a name into Settings and save")
	s.key("ctrl+comma")
	s.waitFor("the Settings dialog", 5*time.Second, func(tr *tree) bool { return overlayTitled(tr, "Settings") != nil })
	s.waitNode("the help under the name", typ("Label"), textContains("other analysts in a team library"), inLayer("overlay"), shown())
	s.fieldBeside(yourName)
	s.replaceText("Ana Ruiz")
	s.keepShot("settings-your-name")
	s.clickOn("Save", append(button("Save"), inLayer("overlay"))...)
	s.noOverlay("Settings close")
	settings := filepath.Join(s.dir, "config", "attache", "settings.json")
	s.waitLibrary("the name in "+settings, func() bool {
		b, err := os.ReadFile(settings)
		return err == nil && strings.Contains(string(b), `"user_name": "Ana Ruiz"`)
	})

	s.do("quit and start again: a new name applies from the next start")
	s.key("ctrl+q")
	s.quitOrKill("Ctrl+Q", 15*time.Second)
	s.startApp()
	s.openSampleBriefing()
	s.do("edit the briefing's title")
	s.focusEntry("the Title field", typ("Entry"), placeholder("Title"), inLayer("content"))
	s.key("End")
	s.typeText(" revised")
	var id int64
	s.waitLibrary("the edit, kept as Ana Ruiz's", func() bool {
		var list []struct {
			ID        int64  `json:"id"`
			Title     string `json:"title"`
			CreatedBy string `json:"created_by"`
			UpdatedBy string `json:"updated_by"`
		}
		s.cliJSON(&list, "briefing", "list")
		if len(list) != 1 || !strings.HasSuffix(list[0].Title, " revised") {
			return false
		}
		if list[0].CreatedBy == "Ana Ruiz" {
			s.fail("the sample, made before the name was set, is kept as made by Ana Ruiz")
		}
		id = list[0].ID
		return list[0].UpdatedBy == "Ana Ruiz"
	})
	s.waitNode("the list's row says who changed it", typ("Label"), textContains(" by Ana Ruiz"), inLayer("content"), shown())
	s.keepShot("briefings-changed-by")

	s.do("save a version in the Versions dialog")
	s.clickOn("Versions…", append(button("Versions…"), inLayer("content"))...)
	s.clickOn("Save a version now…", append(button("Save a version now…"), inLayer("overlay"), enabled())...)
	s.waitNode("the name asked", typ("Entry"), placeholder("Saved by hand"), focused(), inLayer("overlay"), shown())
	s.typeText("Sent to the desk")
	s.key("Return")
	s.waitLibrary("the version, named and kept by Ana Ruiz", func() bool {
		var versions []struct {
			Label string `json:"label"`
			By    string `json:"by"`
		}
		s.cliJSON(&versions, "briefing", "history", fmt.Sprint(id))
		return len(versions) > 0 && versions[0].By == "Ana Ruiz" && versions[0].Label == "Sent to the desk"
	})
	s.waitNode("the Versions dialog lists it by its name", typ("Label"), text("Sent to the desk"), inLayer("overlay"), shown())
	s.waitNode("the Versions dialog says who kept it", typ("Label"), textContains("kept by Ana Ruiz"), inLayer("overlay"), shown())
	s.keepShot("versions")
}
