package acceptance

import (
	"fmt"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// startAppIgnoringSIGINT starts the app as a shell script's background job
// or `trap "" INT; attache` does: with SIGINT ignored.
func (s *session) startAppIgnoringSIGINT() {
	s.t.Helper()
	s.runs++
	s.do("start the app with SIGINT ignored (run %d)", s.runs)
	s.launch(exec.Command("sh", "-c", `trap "" INT; exec "$0" --db "$1"`, attacheBin, s.lib))
}

// SIGINT to an app started with SIGINT ignored: Fyne's driver catches it
// anyway and used to end its event loop under the app, which then quit a
// second time into a terminated GLFW (panic, exit status 2). It must quit
// cleanly, with what was just typed saved. The end raced main's return, so
// a few runs are made.
func TestSIGINTWhenStartedIgnoringIt(t *testing.T) {
	s := newSession(t, 1280, 800)
	s.do("prepare the library")
	importChips(s) // a library with no source greets with a dialog
	s.cli("briefing", "new", "--title", "Signals")
	for run := 1; run <= 8; run++ {
		s.startAppIgnoringSIGINT()
		s.showView("Briefings")
		s.clickOn("the briefing's row", typ("Label"), textPrefix("Signals"), inLayer("content"), shown())
		s.focusEntry("the Title field", typ("Entry"), placeholder("Title"), textPrefix("Signals"), inLayer("content"))
		s.key("End")
		word := fmt.Sprintf(" r%d", run)
		s.typeText(word)
		s.do("send SIGINT at once, before the autosave (run %d)", run)
		s.signal(syscall.SIGINT)
		select {
		case err := <-s.appDone:
			s.app = nil
			if err != nil || strings.Contains(s.appOut.String(), "panic") {
				s.fail("the app exited with %v:\n%s", err, tail(s.appOut.String(), 1500))
			}
		case <-time.After(15 * time.Second):
			s.fail("SIGINT did not quit the app within 15 s")
		}
		if title := s.briefing(1).Title; !strings.HasSuffix(title, strings.TrimSpace(word)) {
			s.fail("the title typed before SIGINT was not saved: the library has %q", title)
		}
	}
}
