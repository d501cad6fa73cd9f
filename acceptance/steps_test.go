package acceptance

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The library's records as the command line's --json shows them.
type source struct {
	ID        int64    `json:"id"`
	Title     string   `json:"title"`
	Publisher string   `json:"publisher"`
	Authors   []string `json:"authors"`
}

type excerpt struct {
	ID     int64    `json:"id"`
	Source int64    `json:"source"`
	Start  int      `json:"start"`
	End    int      `json:"end"`
	Quote  string   `json:"quote"`
	Note   string   `json:"note"`
	Tags   []string `json:"tags"`
}

type briefingRow struct {
	ID     int64  `json:"id"`
	Title  string `json:"title"`
	Blocks int    `json:"blocks"`
}

type briefing struct {
	ID      int64            `json:"id"`
	Title   string           `json:"title"`
	Summary string           `json:"summary"`
	Blocks  []map[string]any `json:"blocks"`
}

// sampleBriefing is the title of the sample library's briefing (as the
// smoke test knows it).
const sampleBriefing = "Technology statecraft"

// chipsTitle is the title of app/testdata/chips.txt.
const chipsTitle = "Why Chip Export Controls Keep Tightening"

// The views, each told apart by a control only it shows.
var views = []struct {
	name, key string
	marker    []pred
}{
	{"Library", "ctrl+1", []pred{typ("Entry"), placeholder("Search sources"), shown()}},
	{"Excerpts", "ctrl+2", []pred{typ("Entry"), placeholder("Filter excerpts"), shown()}},
	{"Briefings", "ctrl+3", []pred{anyOf(
		func(n *node) bool { return n.is("Button") && n.Text == "New" },
		func(n *node) bool { return n.is("Label") && strings.HasPrefix(n.Text, "Select a briefing") },
		func(n *node) bool { return n.is("Entry") && n.Placeholder == "Title" }), inLayer("content"), shown()}},
}

func viewKey(name string) string {
	for _, v := range views {
		if v.name == name {
			return v.key
		}
	}
	panic("no view " + name)
}

// currentView names the view on screen, or "".
func currentView(t *tree) string {
	for _, v := range views {
		if t.find(v.marker...) != nil {
			return v.name
		}
	}
	return ""
}

// waitView waits for the named view to be on screen.
func (s *session) waitView(name string) {
	s.t.Helper()
	s.waitFor("the "+name+" view is shown", 5*time.Second, func(t *tree) bool { return currentView(t) == name })
}

// sidebar clicks a view's name in the sidebar.
func (s *session) sidebar(name string) {
	s.t.Helper()
	s.do("click %s in the sidebar", name)
	s.clickOn("the sidebar entry "+name, typ("Label"), text(name), inLayer("content"), shown())
	s.waitView(name)
}

// showView switches views by keyboard.
func (s *session) showView(name string) {
	s.t.Helper()
	s.do("press %s for the %s view", viewKey(name), name)
	s.key(viewKey(name))
	s.waitView(name)
}

// menu opens a menu of the menu bar and clicks an item whose text starts
// with item.
func (s *session) menu(top, item string) {
	s.t.Helper()
	s.do("choose %s → %s", top, item)
	s.clickOn("the menu "+top, typ("Text"), text(top), inLayer("menu"))
	// Fyne draws the open menu inside the menu bar's tree.
	n := s.waitNode("the menu item "+item+" in the "+top+" menu", typ("Text"), textPrefix(item), not(text(top)),
		anyOf(inLayer("menu"), inLayer("overlay")), shown())
	s.click(n)
}

// noOverlay waits for every dialog to be gone.
func (s *session) noOverlay(what string) {
	s.t.Helper()
	s.waitFor(what, 10*time.Second, func(t *tree) bool { return t.overlay() == nil })
}

// start makes a session at 1280×800 with the app on its library; prepare,
// if given, sets the library up with the command line first.
func start(t *testing.T, prepare func(s *session)) *session {
	t.Helper()
	s := newSession(t, 1280, 800)
	if prepare != nil {
		s.do("prepare the library")
		prepare(s)
	}
	s.startApp()
	return s
}

// withSample accepts the welcome dialog's offer of the sample library and
// waits for the library to hold it.
func (s *session) withSample() {
	s.t.Helper()
	s.do("accept the welcome dialog's sample library")
	s.waitNode("the welcome dialog", typ("Label"), textContains("Load a small sample library"), inLayer("overlay"))
	s.clickOn("the welcome dialog's Yes", append(button("Yes"), inLayer("overlay"))...)
	s.do("wait for the sample library")
	s.waitLibrary("the sample's four sources and its briefing", func() bool {
		var srcs []source
		var bs []briefingRow
		s.cliJSON(&srcs, "sources")
		s.cliJSON(&bs, "briefing", "list")
		return len(srcs) == 4 && len(bs) == 1
	})
	s.noOverlay("the welcome dialog closes")
}

// waitLibrary polls the library (through the command line) until ok.
func (s *session) waitLibrary(what string, ok func() bool) {
	s.t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !ok(); {
		if time.Now().After(deadline) {
			s.fail("the library never showed %s", what)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// importChips imports app/testdata/chips.txt with the command line.
func importChips(s *session) {
	s.cli("import", chipsPath(s.t))
}

func chipsPath(t *testing.T) string {
	p, err := filepath.Abs("../app/testdata/chips.txt")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// copyInto copies a file into dir and returns the copy's path.
func copyInto(t *testing.T, src, dir string) string {
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, filepath.Base(src))
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// openSource clicks a source's title in the library list and waits for the
// reader to show it.
func (s *session) openSource(title, sentence string) *node {
	s.t.Helper()
	s.do("open the source %q", title)
	s.clickOn("the source "+title+" in the library list", typ("Label"), text(title), inLayer("content"), shown())
	return s.waitReader("the reader shows "+title, sentence)
}

// waitReader waits for a visible reader whose text holds sentence.
func (s *session) waitReader(what, sentence string) *node {
	s.t.Helper()
	var r *node
	s.waitFor(what, 10*time.Second, func(t *tree) bool {
		r = t.find(typ("Reader"), textContains(sentence), shown())
		return r != nil
	})
	return r
}

// entryBeside finds the entry (or select) on the same row as a form label,
// right of it, in the top overlay or the content.
func entryBeside(t *tree, label string, kinds ...string) *node {
	if len(kinds) == 0 {
		kinds = []string{"Entry"}
	}
	l := t.find(anyOf(typ("Label"), typ("Text")), text(label), shown())
	if l == nil {
		return nil
	}
	mid := l.Y + min(l.H, 36)/2 // its first line: a form label stands as tall as its row
	var best *node
	for _, n := range t.all(typeAmong(kinds...), shown()) {
		if n.layer != l.layer || n.X < l.X+l.W-2 || mid < n.Y || mid > n.Y+n.H {
			continue
		}
		if best == nil || n.X < best.X {
			best = n
		}
	}
	return best
}

// fieldBeside waits for the field beside a form label and clicks into it.
func (s *session) fieldBeside(label string, kinds ...string) *node {
	s.t.Helper()
	var n *node
	s.waitFor("a field labelled "+label, 10*time.Second, func(t *tree) bool {
		n = entryBeside(t, label, kinds...)
		return n != nil
	})
	s.click(n)
	s.waitFor("the field labelled "+label+" has the keyboard focus", 5*time.Second, func(t *tree) bool {
		f := t.find(focused())
		return f != nil && f.X == n.X && f.Y == n.Y
	})
	return n
}

// replaceText selects everything in the focused entry and types text over
// it.
func (s *session) replaceText(text string) {
	s.t.Helper()
	s.key("ctrl+a")
	s.typeText(text)
}

// briefingShown returns the open briefing from the command line.
func (s *session) briefing(id int64) briefing {
	s.t.Helper()
	var b briefing
	s.cliJSON(&b, "briefing", "show", fmt.Sprint(id))
	return b
}

// blockSummary lists a briefing's blocks as type:text.
func blockSummary(b briefing) string {
	var parts []string
	for _, blk := range b.Blocks {
		p := fmt.Sprint(blk["type"])
		if t, ok := blk["text"].(string); ok && t != "" && p != "excerpt" {
			p += ":" + t
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " | ")
}

// briefings lists the briefings from the command line.
func (s *session) briefings() []briefingRow {
	s.t.Helper()
	var bs []briefingRow
	s.cliJSON(&bs, "briefing", "list")
	return bs
}

func (s *session) excerpts() []excerpt {
	s.t.Helper()
	var es []excerpt
	s.cliJSON(&es, "excerpts")
	return es
}

func (s *session) sources() []source {
	s.t.Helper()
	var ss []source
	s.cliJSON(&ss, "sources")
	return ss
}
