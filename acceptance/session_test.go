package acceptance

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"
)

// errorf records a failed check with a screenshot and carries on.
func (s *session) errorf(format string, args ...any) {
	s.t.Helper()
	s.t.Errorf("step %q failed: %s\nscreenshot: %s", s.step, fmt.Sprintf(format, args...), s.failureShot())
}

// expectRestored checks, after a reopen, the view and (for Briefings) the
// open briefing that were on screen when the app was quit.
func (s *session) expectRestored(how, view string) {
	s.t.Helper()
	s.do("reopen after %s: %s view restored", how, view)
	time.Sleep(time.Second) // let the first layout settle before judging
	tr := s.tree()
	if got := currentView(tr); got != view {
		s.errorf("after %s the app reopened on the %q view, not %s", how, got, view)
		return
	}
	if view == "Briefings" && tr.find(typ("Entry"), placeholder("Title"), textPrefix(sampleBriefing), shown()) == nil {
		s.errorf("after %s the app reopened without the open briefing %q", how, sampleBriefing)
	}
}

// Scenario 8: Ctrl+Q, the window's close button and SIGTERM each quit
// cleanly; reopening restores the last view and briefing. Each way is
// checked even when another fails.
func TestQuitAndReopen(t *testing.T) {
	s := start(t, nil)
	s.withSample()
	s.openSampleBriefing()
	s.do("quit with Ctrl+Q")
	s.key("ctrl+q")
	s.quitOrKill("Ctrl+Q", 15*time.Second) // above the app's 10 s quit watchdog
	s.startApp()
	s.expectRestored("Ctrl+Q", "Briefings")

	s.showView("Excerpts")
	s.do("close the window as a window manager does")
	if err := closeWindow(s.display, s.windowID()); err != nil {
		s.fail("sending WM_DELETE_WINDOW: %v", err)
	}
	s.quitOrKill("closing the window", 15*time.Second)
	s.startApp()
	s.expectRestored("closing the window", "Excerpts")

	s.openSampleBriefing()
	s.do("move the window, then stop the app with SIGTERM")
	s.xdotool("windowmove", s.windowID(), "37", "23")
	s.waitPosition("the moved window", "37,23")
	// The app notes its place every second (a signal's quit can end the
	// event loop before the window is measured): give it that second.
	time.Sleep(1500 * time.Millisecond)
	s.signal(syscall.SIGTERM)
	s.quitOrKill("SIGTERM", 15*time.Second)
	s.startApp()
	s.expectRestored("SIGTERM", "Briefings")
	s.waitPosition("the window back where it was", "37,23")
}

// waitPosition waits for the main window's top-left to be at want ("x,y").
func (s *session) waitPosition(what, want string) {
	s.t.Helper()
	got := ""
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		out, err := s.xdotoolOut("getwindowgeometry", "--shell", s.windowID())
		if err != nil {
			continue
		}
		var x, y string
		for _, l := range strings.Split(out, "\n") {
			if v, ok := strings.CutPrefix(l, "X="); ok {
				x = v
			}
			if v, ok := strings.CutPrefix(l, "Y="); ok {
				y = v
			}
		}
		if got = x + "," + y; got == want {
			return
		}
	}
	s.errorf("%s: the window is at %s, want %s", what, got, want)
}

// quitOrKill waits for the app to exit cleanly after how; if it does not,
// the failure is recorded and the app killed, so the next way can be tried.
func (s *session) quitOrKill(how string, timeout time.Duration) {
	s.t.Helper()
	select {
	case err := <-s.appDone:
		s.app = nil
		if err != nil {
			s.errorf("after %s the app exited with %v; its output:\n%s", how, err, tail(s.appOut.String(), 1500))
		}
	case <-time.After(timeout):
		s.errorf("%s did not quit the app within %s", how, timeout)
		s.signal(syscall.SIGKILL)
		<-s.appDone
		s.app = nil
	}
}

// controlTypes are what an analyst reads or operates; two of them must not
// overlap, and none may leave the window.
var controlTypes = []string{"Button", "Entry", "Select", "SelectEntry", "Check", "RadioGroup", "Slider",
	"Hyperlink", "Label", "tabButton", "Reader", "menuBarItem", "Toolbar"}

// layoutProblems lists controls of the window's content and menu that leave
// the window or overlap one another (neither inside the other).
func layoutProblems(tr *tree) []string {
	win := rect{0, 0, tr.win.W, tr.win.H}
	var controls []*node
	for _, n := range tr.all(typeAmong(controlTypes...), not(inLayer("overlay")), shown()) {
		if n.is("Label") && strings.TrimSpace(n.Text) == "" {
			continue
		}
		controls = append(controls, n)
	}
	// A label drawn inside a button is part of it: only outermost controls.
	var outer []*node
	for _, n := range controls {
		inner := false
		for _, m := range controls {
			inner = inner || (m != n && n.within(m))
		}
		if !inner {
			outer = append(outer, n)
		}
	}
	controls = outer
	var out []string
	for i, a := range controls {
		va := a.visible()
		if va.intersect(win) != va {
			out = append(out, fmt.Sprintf("%s leaves the %dx%d window", a, win.W, win.H))
		}
		for _, b := range controls[i+1:] {
			if a.within(b) || b.within(a) {
				continue
			}
			if o := va.intersect(b.visible()); o.W > 1 && o.H > 1 {
				out = append(out, fmt.Sprintf("%s overlaps %s", a, b))
			}
		}
	}
	return out
}

// Scenario 9: at 800×600 no control of any view overlaps another or leaves
// the window.
func TestLayoutAt800x600(t *testing.T) {
	s := start(t, nil)
	s.withSample()
	s.do("check the first window fits the 1280×800 screen")
	if tr := s.tree(); tr.win.W > 1280 || tr.win.H > 800 {
		s.errorf("the first window is %dx%d on a 1280x800 screen: its edge is cut off", tr.win.W, tr.win.H)
	}
	s.do("resize the window to 800×600")
	s.xdotool("windowsize", s.windowID(), "800", "600")
	s.waitFor("the window is 800×600", 5*time.Second, func(tr *tree) bool {
		return tr.win.W == 800 && tr.win.H == 600
	})
	check := func(view string) {
		s.do("check the %s view's layout at 800×600", view)
		time.Sleep(500 * time.Millisecond) // layout after the last change
		s.keepShot("800x600-" + strings.ToLower(view))
		tr := s.tree()
		if tr.win.W > 800 || tr.win.H > 600 {
			// Fyne grows a window back to its content's minimum size.
			s.errorf("the window cannot stay 800×600 in the %s view: it grew to %dx%d", view, tr.win.W, tr.win.H)
			return
		}
		if p := layoutProblems(tr); len(p) > 0 {
			if len(p) > 12 {
				p = append(p[:12], fmt.Sprintf("… and %d more", len(p)-12))
			}
			s.errorf("at 800×600 in the %s view:\n  %s", view, strings.Join(p, "\n  "))
		}
	}
	srcs := s.sources()
	s.openSource(srcs[0].Title, "")
	check("Library")
	s.showView("Excerpts")
	s.clickOn("an excerpt's row", typ("Label"), textContains("“"), inLayer("content"), shown())
	s.waitFor("the excerpt's note field", 5*time.Second, func(tr *tree) bool { return entryBeside(tr, "Note") != nil })
	check("Excerpts")
	s.openSampleBriefing()
	check("Briefings")
}

// Scenario 10: an excerpt and a source go to the trash and come back.
func TestTrashAndRestore(t *testing.T) {
	s := start(t, prepareExcerpt)
	ex := s.excerpts()[0]
	s.showView("Excerpts")
	s.do("delete the excerpt")
	s.clickOn("the excerpt's row", typ("Label"), textContains(ex.Quote), inLayer("content"), shown())
	s.clickOn("the Delete button", append(button("Delete"), enabled(), inLayer("content"))...)
	s.confirmIfAsked()
	s.waitLibrary("the excerpt gone from the excerpts", func() bool { return len(s.excerpts()) == 0 })
	// A row of the list, not the notice saying it went to the trash.
	listed := func(tr *tree) bool {
		return tr.find(typ("Label"), textContains(ex.Quote), not(textContains("in the trash")), inLayer("content"), shown()) != nil
	}
	s.waitSoft("the deleted excerpt gone from the Excerpts view", within, func(tr *tree) bool { return !listed(tr) })
	s.inTrash("the excerpt", fmt.Sprint(ex.ID), ex.Quote)
	s.restoreFromTrash("the excerpt", ex.Quote)
	s.waitLibrary("the excerpt back", func() bool {
		es := s.excerpts()
		return len(es) == 1 && es[0].ID == ex.ID && es[0].Note == ex.Note
	})
	s.showView("Excerpts")
	s.waitSoft("the restored excerpt back in the Excerpts view", within, listed)

	s.showView("Library")
	reader := s.openSource(chipsTitle, "export controls")
	_ = reader
	s.do("delete the source")
	s.clickOn("the reader's Delete button", append(button("Delete"), enabled(), inLayer("content"))...)
	s.confirmIfAsked()
	s.waitLibrary("the source gone from the sources", func() bool { return len(s.sources()) == 0 })
	s.inTrash("the source", "1", chipsTitle)
	s.restoreFromTrash("the source", chipsTitle)
	s.waitLibrary("the source and its excerpt back", func() bool {
		return len(s.sources()) == 1 && len(s.excerpts()) == 1
	})
}

// confirmIfAsked answers yes to a confirmation, if one comes.
func (s *session) confirmIfAsked() {
	s.t.Helper()
	deadline := time.Now().Add(1500 * time.Millisecond)
	for time.Now().Before(deadline) {
		tr := s.tree()
		for _, label := range []string{"Yes", "Delete", "Move to trash", "Move to the trash", "OK"} {
			if b := tr.find(append(button(label), inLayer("overlay"))...); b != nil {
				s.click(b)
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// inTrash checks `attache trash --json` lists the item.
func (s *session) inTrash(what, id, text string) {
	s.t.Helper()
	s.do("find %s in `attache trash --json`", what)
	out, err := s.tryCLI("trash", "--json")
	if err != nil {
		s.fail("the library shows no trash to find %s in: %v", what, err)
	}
	if !strings.Contains(out, text) {
		s.fail("attache trash --json does not list %s (id %s): %s", what, id, clip(out, 400))
	}
}

// restoreFromTrash opens View → Trash…, selects the item and restores it.
func (s *session) restoreFromTrash(what, text string) {
	s.t.Helper()
	s.menu("View", "Trash")
	s.do("restore %s from the trash", what)
	s.clickOn(what+" in the trash", typ("Label"), textContains(clip(text, 40)[:min(len(text), 30)]), shown())
	s.clickOn("the Restore button", append(button("Restore"), enabled())...)
	s.confirmIfAsked()
	if tr := s.tree(); tr.overlay() != nil {
		if c := tr.find(append(button("Close"), inLayer("overlay"))...); c != nil {
			s.click(c)
		}
	}
}
