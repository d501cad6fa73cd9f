package acceptance

import (
	"strings"
	"testing"
	"time"
)

// overlayTitled finds the top dialog holding a label (its title) with text.
func overlayTitled(tr *tree, title string) *node {
	o := tr.overlay()
	if o == nil || tr.find(anyOf(typ("Label"), typ("Text")), text(title), inside(o)) == nil {
		return nil
	}
	return o
}

// Beyond the ten scenarios, the dialog keys under a real keyboard:
// a shortcut opens its dialog with the first field focused, Escape closes
// it, Enter submits a single-field dialog, and the shortcuts help lists
// Ctrl+L and Ctrl+, .
func TestDialogsByKeyboard(t *testing.T) {
	s := start(t, importChips)
	dialogs := []struct{ key, title string }{{"ctrl+l", "Import from a web address"}, {"ctrl+comma", "Settings"}}
	for _, d := range dialogs {
		s.do("open %s with %s", d.title, d.key)
		s.key(d.key)
		s.waitFor("the "+d.title+" dialog", 5*time.Second, func(tr *tree) bool { return overlayTitled(tr, d.title) != nil })
		s.waitSoft("the first field of "+d.title+" has the focus", time.Second, func(tr *tree) bool {
			f := tr.find(focused(), typ("Entry"))
			return f != nil && f.root().Layer == "overlay"
		})
		s.do("close %s with Escape", d.title)
		s.key("Escape")
		if !s.waitSoft("Escape closes "+d.title, 2*time.Second, func(tr *tree) bool { return tr.overlay() == nil }) {
			s.clickOn("the dialog's Cancel", append(button("Cancel"), inLayer("overlay"))...)
			s.noOverlay(d.title + " closes by Cancel")
		}
	}
	s.do("submit the web address dialog with Enter")
	s.key("ctrl+l")
	s.waitFor("the web address dialog", 5*time.Second, func(tr *tree) bool { return overlayTitled(tr, dialogs[0].title) != nil })
	s.focusEntry("the address field", typ("Entry"), placeholder("https://"), inLayer("overlay"))
	s.typeText("http://127.0.0.1:9/")
	s.key("Return")
	// Submitting starts a fetch that fails (nothing listens on port 9):
	// the address dialog must be gone, whatever reports the failure.
	s.waitSoft("Enter submits the address", 5*time.Second, func(tr *tree) bool { return overlayTitled(tr, dialogs[0].title) == nil })
	for tr := s.tree(); tr.overlay() != nil; tr = s.tree() {
		b := tr.find(anyOf(text("OK"), text("Close"), text("Discard"), text("Cancel")), typ("Button"), inLayer("overlay"), shown())
		if b == nil {
			break
		}
		s.click(b)
		time.Sleep(300 * time.Millisecond)
	}
	s.menu("Help", "Keyboard shortcuts")
	s.do("read the keyboard shortcuts")
	s.waitNode("the keyboard shortcuts dialog", typ("Label"), text("Ctrl+O"), inLayer("overlay"))
	// Each key is its own cell, left of its action on the same row, with
	// a gap between them: never "Ctrl+KSearch".
	tr := s.tree()
	for k, action := range map[string]string{"Ctrl+L": "Import from web address", "Ctrl+,": "Settings", "Ctrl+Q": "Quit"} {
		key := tr.find(typ("Label"), text(k), inLayer("overlay"))
		act := tr.find(typ("Label"), text(action), inLayer("overlay"))
		switch {
		case key == nil || act == nil:
			s.errorf("the keyboard shortcuts dialog does not list %s for %s", k, action)
		case key.X+key.W >= act.X || key.Y+key.H <= act.Y || act.Y+act.H <= key.Y:
			s.errorf("the keyboard shortcuts dialog does not set %s (%s) beside %s (%s) with a gap", k, key, action, act)
		}
	}
}

// The keys of dialogs whatever has the focus in them, under a real
// keyboard: Escape from a drop-down just used and from a dialog opened by
// the menu, Tab out of a multi-line field, Ctrl+Enter to save from it,
// and Enter to close an information.
func TestDialogsByKeyboardWhateverHasFocus(t *testing.T) {
	s := start(t, importChips)

	s.do("open Settings, use the Theme drop-down, then press Escape")
	s.key("ctrl+comma")
	s.waitFor("the Settings dialog", 5*time.Second, func(tr *tree) bool { return overlayTitled(tr, "Settings") != nil })
	var th *node
	s.waitFor("the Theme drop-down", 5*time.Second, func(tr *tree) bool { th = entryBeside(tr, "Theme", "Select"); return th != nil })
	s.click(th)
	s.clickOn("the theme already chosen in the drop-down's list", typ("Text"), text(th.Text), inLayer("overlay"), func(n *node) bool { return n.Y > th.Y+th.H/2 || n.Y+n.H < th.Y })
	s.waitFor("the drop-down closed, with the focus", 5*time.Second, func(tr *tree) bool {
		f := tr.find(focused())
		return f != nil && f.is("Select") && len(tr.all(anyOf(typ("Label"), typ("Text")), text("Dark"), inLayer("overlay"), shown())) == 0
	})
	s.key("Escape")
	if !s.waitSoft("Escape from the Theme drop-down closes Settings", 2*time.Second, func(tr *tree) bool { return tr.overlay() == nil }) {
		s.errorf("Escape with the focus on a drop-down left Settings open")
		s.clickOn("the dialog's Cancel", append(button("Cancel"), inLayer("overlay"))...)
	}

	s.do("move the source to the trash with the command line")
	s.cli("source", "delete", "1")
	s.menu("View", "Trash")
	s.waitFor("the Trash dialog", 5*time.Second, func(tr *tree) bool { return overlayTitled(tr, "Trash") != nil })
	s.clickOn("the source in the trash", typ("Label"), textContains("Chip Export Controls"), inLayer("overlay"), shown())
	s.clickOn("the Restore button", append(button("Restore"), enabled(), inLayer("overlay"))...)
	s.waitNode("the Trash empty after the restore", typ("Label"), textPrefix("The trash is empty"), inLayer("overlay"))
	s.do("close the Trash with one Escape")
	s.key("Escape")
	if !s.waitSoft("one Escape closes the Trash", 2*time.Second, func(tr *tree) bool { return tr.overlay() == nil }) {
		s.errorf("one Escape did not close the Trash")
		s.key("Escape")
		s.noOverlay("the Trash closed")
	}

	s.openSource(chipsTitle, "export controls")
	s.clickOn("Edit details", append(button("Edit details"), inLayer("content"))...)
	s.waitFor("the Source details form", 5*time.Second, func(tr *tree) bool { return overlayTitled(tr, "Source details") != nil })
	notes := s.fieldBeside("Notes")
	s.do("type a note, Tab out of it, Shift+Tab back, save with Ctrl+Enter")
	s.key("ctrl+End")
	s.typeText("Checked by phone")
	s.key("Tab")
	s.waitFor("Tab moves the focus out of Notes", 3*time.Second, func(tr *tree) bool {
		f := tr.find(focused())
		return f != nil && (f.X != notes.X || f.Y != notes.Y)
	})
	s.key("shift+Tab")
	s.waitFor("Shift+Tab comes back to Notes", 3*time.Second, func(tr *tree) bool {
		f := tr.find(focused())
		return f != nil && f.X == notes.X && f.Y == notes.Y
	})
	s.key("ctrl+Return")
	if !s.waitSoft("Ctrl+Enter saves the details", 3*time.Second, func(tr *tree) bool { return tr.overlay() == nil }) {
		s.errorf("Ctrl+Enter in Notes did not save the form")
		s.clickOn("Save", append(button("Save"), inLayer("overlay"))...)
	}
	var srcs []struct {
		Title string `json:"title"`
		Notes string `json:"notes"`
	}
	s.cliJSON(&srcs, "sources")
	if len(srcs) != 1 || !strings.HasSuffix(srcs[0].Notes, "Checked by phone") || strings.Contains(srcs[0].Notes, "\t") {
		s.errorf("the library holds notes %q, want them to end in the typed text, with no tab", srcs)
	}

	s.menu("Help", "About")
	s.waitFor("the About dialog", 5*time.Second, func(tr *tree) bool { return overlayTitled(tr, "About Attaché") != nil })
	s.do("close About with Enter")
	s.key("Return")
	if !s.waitSoft("Enter closes About", 2*time.Second, func(tr *tree) bool { return tr.overlay() == nil }) {
		s.errorf("Enter did not close an information")
	}
}

// The composer's excerpt picker works by keyboard: Down moves, Enter
// adds; and at 800×600 a long form (Source details) keeps its buttons in
// the window and clear of its fields, which scroll.
func TestDialogsByKeyboardAt800x600(t *testing.T) {
	s := start(t, nil)
	s.withSample()
	s.openSampleBriefing()
	before := len(s.briefing(s.briefings()[0].ID).Blocks)
	s.clickOn("the Excerpt… button", append(button("Excerpt…"), enabled(), inLayer("content"))...)
	s.waitFor("the excerpt picker", 5*time.Second, func(tr *tree) bool { return overlayTitled(tr, "Add an excerpt") != nil })
	s.waitFor("the picker's search has the focus", 3*time.Second, func(tr *tree) bool {
		f := tr.find(focused(), typ("Entry"))
		return f != nil && f.root().Layer == "overlay"
	})
	s.do("choose an excerpt with Down and add it with Enter")
	s.key("Down")
	s.key("Return")
	if !s.waitSoft("Enter adds the excerpt and closes the picker", 3*time.Second, func(tr *tree) bool { return tr.overlay() == nil }) {
		s.errorf("Enter in the picker's search did not add the excerpt")
		s.key("Escape")
		s.noOverlay("the picker closed")
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(s.briefing(s.briefings()[0].ID).Blocks) != before+1 && time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
	}
	if got := len(s.briefing(s.briefings()[0].ID).Blocks); got != before+1 {
		s.errorf("the briefing has %d blocks after Enter in the picker, want %d", got, before+1)
	}

	s.do("resize the window to 800×600")
	s.xdotool("windowsize", s.windowID(), "800", "600")
	s.waitFor("the window is 800×600", 5*time.Second, func(tr *tree) bool { return tr.win.W == 800 && tr.win.H == 600 })
	srcs := s.sources()
	s.showView("Library")
	s.openSource(srcs[0].Title, "")
	s.do("open Edit details from the reader's toolbar, folded into its more menu at 800×600")
	if tr := s.tree(); tr.find(append(button("Edit details"), inLayer("content"))...) != nil {
		s.clickOn("Edit details", append(button("Edit details"), inLayer("content"))...)
	} else {
		ex := s.waitNode("the Excerpt selection button", append(button("Excerpt selection"), inLayer("content"))...)
		var more *node
		for _, b := range tr.all(typ("Button"), text(""), inLayer("content"), shown()) {
			if mid := b.Y + b.H/2; mid > ex.Y && mid < ex.Y+ex.H && b.X > ex.X && (more == nil || b.X > more.X) {
				more = b
			}
		}
		if more == nil {
			s.fail("the reader's toolbar has neither Edit details nor a more button")
		}
		s.click(more)
		s.clickOn("Edit details in the more menu", anyOf(typ("Text"), typ("Label")), text("Edit details"), inLayer("overlay"), shown())
	}
	s.waitFor("the Source details form", 5*time.Second, func(tr *tree) bool { return overlayTitled(tr, "Source details") != nil })
	time.Sleep(300 * time.Millisecond) // its layout
	s.do("check the form's buttons and fields at 800×600")
	s.keepShot("800x600-source-details")
	tr := s.tree()
	win := rect{0, 0, tr.win.W, tr.win.H}
	fields := tr.all(typeAmong("Entry", "Select"), inLayer("overlay"), shown())
	for _, label := range []string{"Save", "Cancel"} {
		b := tr.find(append(button(label), inLayer("overlay"))...)
		if b == nil {
			s.errorf("the form shows no %s button at 800×600", label)
			continue
		}
		if v := b.visible(); v.intersect(win) != v {
			s.errorf("the %s button %s leaves the 800×600 window", label, b)
		}
		for _, f := range fields {
			if o := f.visible().intersect(b.visible()); o.W > 1 && o.H > 1 {
				s.errorf("the %s button %s lies over the field %s", label, b, f)
			}
		}
	}
	s.key("Escape")
	s.noOverlay("Escape closes the unchanged form")
}
