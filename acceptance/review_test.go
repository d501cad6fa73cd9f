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
				time.Sleep(3 * time.Second) // the pages are drawn by the PDF engine
				s.keepShot("preview")
				s.tab("Compose")
				s.clickOn("Open source…", append(button("Open source…"), inLayer("content"), shown())...)
				s.waitNode("the Open source dialog", typ("Label"), text("Open a source beside the draft"), inLayer("overlay"))
				time.Sleep(300 * time.Millisecond)
				s.key("Return")
				s.noOverlay("the dialog closes")
				s.waitReader("the source beside the draft", "")
				time.Sleep(500 * time.Millisecond)
				s.keepShot("split")
				s.reviewDetails()
			})
		}
	}
}

// reviewDetails shoots the composer's details: the sample's (US marks),
// the refusal to change the scheme under its US excerpts, then a new
// briefing's under the UK, TLP and US schemes, the question before a
// change of scheme clears marks, and the Settings with their scheme.
func (s *session) reviewDetails() {
	s.t.Helper()
	s.clickOn("the Details section", typ("Text"), textPrefix("Details"), inLayer("content"), shown())
	time.Sleep(300 * time.Millisecond)
	s.keepShot("details")
	s.pick("Marking scheme", "UK Government Security Classifications")
	s.waitNode("the refusal to change the scheme", typ("Label"), textContains("marked under another scheme"), inLayer("overlay"))
	s.keepShot("details-scheme-refused")
	s.clickOn("Close", append(button("Close"), inLayer("overlay"))...)
	s.noOverlay("the refusal closes")
	s.do("start a new briefing with Ctrl+N")
	s.key("ctrl+n")
	s.waitFor("the new briefing", 5*time.Second, func(tr *tree) bool {
		return tr.find(typ("Entry"), placeholder("Title"), text("Untitled briefing"), shown()) != nil
	})
	s.choose("Marking scheme", "UK Government Security Classifications")
	s.choose("Overall marking", "OFFICIAL-SENSITIVE")
	time.Sleep(300 * time.Millisecond)
	s.keepShot("details-uk")
	s.pick("Marking scheme", "Traffic Light Protocol 2.0")
	s.waitNode("the question before clearing the UK marks", typ("Label"), textContains("Clear them all"), inLayer("overlay"))
	s.keepShot("details-scheme-change")
	s.clickOn("Clear marks and change", append(button("Clear marks and change"), inLayer("overlay"))...)
	s.noOverlay("the question closes")
	s.choose("Overall marking", "TLP:AMBER")
	time.Sleep(300 * time.Millisecond)
	s.keepShot("details-tlp")
	s.pick("Marking scheme", "United States classification")
	s.clickOn("Clear marks and change", append(button("Clear marks and change"), inLayer("overlay"))...)
	s.noOverlay("the question closes")
	s.choose("Overall marking", "SECRET")
	time.Sleep(300 * time.Millisecond)
	s.keepShot("details-us")
	s.clickOn("the Details section", typ("Text"), textPrefix("Details"), inLayer("content"), shown())
	s.menu("File", "Settings")
	s.waitNode("the settings", typ("Label"), text("Settings"), inLayer("overlay"))
	time.Sleep(300 * time.Millisecond)
	s.keepShot("settings")
	s.key("Escape")
	s.noOverlay("the settings close")
}

// pick chooses option in the drop-down beside label, as choose does, for a
// drop-down that asks before it takes the choice.
func (s *session) pick(label, option string) {
	s.t.Helper()
	s.do("pick %s: %s", label, option)
	s.scrollToField(label)
	var sel *node
	s.waitFor("the "+label+" drop-down", 5*time.Second, func(tr *tree) bool {
		sel = entryBeside(tr, label, "Select", "dialogSelect")
		return sel != nil
	})
	s.click(sel)
	s.clickOn(option+" in the "+label+" list", typ("Text"), text(option), inLayer("overlay"), shown(),
		func(n *node) bool { return n.Y > sel.Y+sel.H/2 || n.Y+n.H < sel.Y })
}

// scrollToField turns the mouse wheel over the composer's details until
// the field labelled label is in sight: in a small window the details
// scroll within their share of the composer's height.
func (s *session) scrollToField(label string) {
	s.t.Helper()
	for range 20 {
		tr := s.tree()
		if f := entryBeside(tr, label, "Select", "dialogSelect", "Entry", "Check"); f != nil && !f.visible().empty() {
			return
		}
		head := tr.find(typ("Text"), textPrefix("Details"), inLayer("content"), shown())
		if head == nil {
			return // not the details: let the caller's wait say what is missing
		}
		r := head.visible() // the fields begin just below the section's header
		s.xdotool("mousemove", "--sync", fmt.Sprint(s.winX+r.X+r.W/2), fmt.Sprint(s.winY+r.Y+r.H+30), "click", "5")
		time.Sleep(100 * time.Millisecond)
	}
}
