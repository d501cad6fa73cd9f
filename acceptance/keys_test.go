package acceptance

import (
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
