package acceptance

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestLayoutProblemsFindsOverlapAndOverflow checks the 800×600 check itself
// on a made-up tree: a button over a tab and a label past the right edge
// are reported; a label inside a scroller, cut by it, and a text inside its
// own button are not.
func TestLayoutProblemsFindsOverlapAndOverflow(t *testing.T) {
	root := &node{Type: "*fyne.Container", Layer: "content", rect: rect{0, 0, 800, 600}, Children: []*node{
		{Type: "*container.tabButton", Text: "Compose", rect: rect{300, 40, 100, 36}},
		{Type: "*widget.Button", Text: "Trash", rect: rect{350, 40, 90, 36}, Children: []*node{
			{Type: "*widget.Label", Text: "Trash", rect: rect{360, 45, 50, 20}}}},
		{Type: "*widget.Label", Text: "Delete", rect: rect{760, 100, 80, 30}},
		{Type: "*widget.Label", Text: "long row", rect: rect{10, 500, 400, 200}, Clip: &rect{0, 400, 800, 200}},
	}}
	tr := &tree{win: &window{W: 800, H: 600, Layers: []*node{root}}}
	flatten(root, nil, 0, &tr.nodes)
	got := strings.Join(layoutProblems(tr), "\n")
	for _, want := range []string{`*container.tabButton "Compose" at 300,40 100x36 overlaps *widget.Button "Trash" at 350,40 90x36`,
		`*widget.Label "Delete" at 760,100 80x30 leaves the 800x600 window`} {
		if !strings.Contains(got, want) {
			t.Errorf("layoutProblems missed %q; it found:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "\n") + 1; n != 2 {
		t.Errorf("layoutProblems found %d problems, want 2:\n%s", n, got)
	}
}

// The composer with everything shown — the details open under the US
// scheme (authority lines, REL TO on every marking) and a marked judgment
// selected — stays on an 800×600 screen. With no window manager a Fyne
// window grows to its content's minimum: #14's trial saw 800×875, the
// block list and the footer off the screen. (The library holds a source,
// so no welcome dialog: the empty library's hint is another matter.)
func TestComposerWithDetailsStaysOnA800x600Screen(t *testing.T) {
	s := newSession(t, 800, 600)
	s.do("prepare a US briefing with every marking field in use, and a source")
	rel := "S//REL TO USA, GBR"
	s.cli("briefing", "new", "--title", "Everything shown", "--scheme", "us", "--marking", rel, "--title-marking", rel,
		"--subtitle", "Options", "--subtitle-marking", rel, "--summary", "The bottom line.", "--summary-marking", rel,
		"--classified-by", "J. Analyst", "--derived-from", "Guide", "--declassify-on", "20401231")
	s.cli("briefing", "add", "1", "--judgment", "Controls will tighten.", "--confidence", "high", "--marking", rel)
	s.cli("briefing", "add", "1", "--commentary", "The 2026 tightening is expected to cover memory.", "--marking", rel)
	importChips(s)
	s.startApp()
	s.showView("Briefings")
	s.clickOn("the briefing's row", typ("Label"), text("Everything shown"), inLayer("content"), shown())
	s.do("select the judgment, then open the details")
	s.clickOn("the judgment in the document", typ("Text"), textContains("Controls will tighten."), inLayer("content"), shown())
	s.waitNode("the judgment's editor", typ("Entry"), text("Controls will tighten."), inLayer("content"), shown())
	s.screenFits("with the judgment selected")
	s.clickOn("the Details section", typ("Text"), textPrefix("Details"), inLayer("content"), shown())
	s.waitNode("the details' Subtitle", typ("Label"), text("Subtitle"), inLayer("content"), shown())
	time.Sleep(500 * time.Millisecond) // layout after the last change
	s.keepShot("800x600-composer-details")
	s.screenFits("with the details open")
	tr := s.tree()
	// The details scroll with the document: the document keeps its room.
	if d := tr.find(typ("Document"), inLayer("content"), shown()); d == nil || d.visible().H < 250 {
		s.errorf("the document is not on the screen with the details open: %v", d)
	}
	if tr.find(typ("Label"), textContains("in PDF"), inLayer("content"), shown()) == nil {
		s.errorf("the composer's footer is not on the screen with the details open")
	}
	if p := layoutProblems(tr); len(p) > 0 {
		s.errorf("at 800×600 with the details open:\n  %s", strings.Join(p, "\n  "))
	}
}

// screenFits checks, with xdotool, that the main window has not grown
// past the session's 800×600 screen.
func (s *session) screenFits(when string) {
	s.t.Helper()
	s.do("check the window stays on the 800×600 screen %s", when)
	time.Sleep(500 * time.Millisecond) // a window grows a moment after its content
	out, err := s.xdotoolOut("getwindowgeometry", "--shell", s.windowID())
	if err != nil {
		s.fail("xdotool getwindowgeometry: %v", err)
	}
	size := map[string]int{}
	for _, line := range strings.Split(out, "\n") {
		k, v, _ := strings.Cut(line, "=")
		size[k], _ = strconv.Atoi(strings.TrimSpace(v))
	}
	if size["WIDTH"] == 0 || size["WIDTH"] > 800 || size["HEIGHT"] > 600 {
		s.errorf("%s the window is %dx%d on an 800x600 screen", when, size["WIDTH"], size["HEIGHT"])
	}
}
