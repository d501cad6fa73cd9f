package acceptance

import (
	"fmt"
	"os"
	"testing"
	"time"
)

// TestScreenshotsForReview takes, when ATTACHE_ACCEPT_OUT names a folder,
// screenshots of every view at 800×600, 1280×800 and 1920×1080 in the
// light and dark themes, for a person to look at (issue #11 asks for
// that). The window is sized to the screen, as a maximised window is.
func TestScreenshotsForReview(t *testing.T) {
	if os.Getenv("ATTACHE_ACCEPT_OUT") == "" {
		t.Skip("set ATTACHE_ACCEPT_OUT to a folder to take the review screenshots")
	}
	for _, theme := range []string{"light", "dark"} {
		for _, size := range [][2]int{{800, 600}, {1280, 800}, {1920, 1080}} {
			t.Run(fmt.Sprintf("%s-%dx%d", theme, size[0], size[1]), func(t *testing.T) {
				s := newSession(t, size[0], size[1])
				s.appEnv = []string{"FYNE_THEME=" + theme}
				s.startApp()
				s.keepShot("welcome")
				s.withSample()
				s.do("size the window to the screen")
				s.xdotool("windowsize", s.windowID(), fmt.Sprint(size[0]), fmt.Sprint(size[1]))
				time.Sleep(500 * time.Millisecond)
				srcs := s.sources()
				s.openSource(srcs[0].Title, "")
				s.keepShot("library")
				s.showView("Excerpts")
				s.clickOn("an excerpt's row", typ("Label"), textContains("“"), inLayer("content"), shown())
				time.Sleep(300 * time.Millisecond)
				s.keepShot("excerpts")
				s.openSampleBriefing()
				s.keepShot("compose")
				s.tab("Preview")
				time.Sleep(300 * time.Millisecond)
				s.keepShot("preview")
			})
		}
	}
}
