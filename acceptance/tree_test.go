package acceptance

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net"
	"strings"
	"time"
)

// The probe's answer (app/probe.go), decoded here without importing the app
// so that this test binary needs no Fyne.
type probeReply struct {
	Windows []*window `json:"windows"`
	Error   string    `json:"error"`
}

type window struct {
	Title  string  `json:"title"`
	Scale  float64 `json:"scale"`
	W      int     `json:"w"`
	H      int     `json:"h"`
	Focus  string  `json:"focus"`
	Layers []*node `json:"layers"`
}

type rect struct {
	X int `json:"x"`
	Y int `json:"y"`
	W int `json:"w"`
	H int `json:"h"`
}

type node struct {
	Type        string `json:"type"`
	Base        string `json:"base"`
	Layer       string `json:"layer"`
	Text        string `json:"text"`
	Placeholder string `json:"placeholder"`
	Checked     bool   `json:"checked"`
	Selected    bool   `json:"selected"`
	rect
	Clip      *rect    `json:"clip"`
	Focused   bool     `json:"focused"`
	Disabled  bool     `json:"disabled"`
	Fill      string   `json:"fill"`
	Selection []int    `json:"selection"`
	Points    [][2]int `json:"points"`
	LineH     int      `json:"line_h"`
	Children  []*node  `json:"children"`

	parent *node
	layer  int // index of its layer in the window; overlays come last
}

func (n *node) String() string {
	s := n.Type
	if n.Text != "" {
		s += fmt.Sprintf(" %q", clip(n.Text, 60))
	}
	if n.Placeholder != "" {
		s += fmt.Sprintf(" (placeholder %q)", clip(n.Placeholder, 40))
	}
	return s + fmt.Sprintf(" at %d,%d %dx%d", n.X, n.Y, n.W, n.H)
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// is tells whether n's Go type, or the Fyne widget it is built on, is the
// named one ("Entry" matches *widget.Entry and the app's own fields).
func (n *node) is(typ string) bool {
	return strings.HasSuffix(n.Type, "."+typ) || strings.HasSuffix(n.Base, "."+typ)
}

// visible is the part of n a scroller lets show.
func (n *node) visible() rect {
	r := n.rect
	if n.Clip != nil {
		r = r.intersect(*n.Clip)
	}
	return r
}

func (r rect) intersect(o rect) rect {
	x0, y0 := max(r.X, o.X), max(r.Y, o.Y)
	x1, y1 := min(r.X+r.W, o.X+o.W), min(r.Y+r.H, o.Y+o.H)
	return rect{x0, y0, max(0, x1-x0), max(0, y1-y0)}
}

func (r rect) empty() bool { return r.W <= 0 || r.H <= 0 }

// within tells whether n is inside anc's subtree.
func (n *node) within(anc *node) bool {
	for p := n; p != nil; p = p.parent {
		if p == anc {
			return true
		}
	}
	return false
}

// tree is one answer of the probe, flattened.
type tree struct {
	win   *window
	nodes []*node // depth first, layer by layer
}

func (t *tree) window() *window { return t.win }

// overlay is the topmost overlay's root, or nil.
func (t *tree) overlay() *node {
	if t.win == nil {
		return nil
	}
	for i := len(t.win.Layers) - 1; i >= 0; i-- {
		if t.win.Layers[i].Layer == "overlay" {
			return t.win.Layers[i]
		}
	}
	return nil
}

// all returns the nodes matching every predicate, topmost layer first.
func (t *tree) all(preds ...pred) []*node {
	var out []*node
	if t.win == nil {
		return nil
	}
	for li := len(t.win.Layers) - 1; li >= 0; li-- {
		for _, n := range t.nodes {
			if n.layer == li && matches(n, preds) {
				out = append(out, n)
			}
		}
	}
	return out
}

func (t *tree) find(preds ...pred) *node {
	if all := t.all(preds...); len(all) > 0 {
		return all[0]
	}
	return nil
}

func matches(n *node, preds []pred) bool {
	for _, p := range preds {
		if !p(n) {
			return false
		}
	}
	return true
}

// pred selects nodes.
type pred func(*node) bool

func typ(name string) pred       { return func(n *node) bool { return n.is(name) } }
func text(s string) pred         { return func(n *node) bool { return n.Text == s } }
func textPrefix(s string) pred   { return func(n *node) bool { return strings.HasPrefix(n.Text, s) } }
func textContains(s string) pred { return func(n *node) bool { return strings.Contains(n.Text, s) } }
func placeholder(s string) pred {
	return func(n *node) bool { return strings.HasPrefix(n.Placeholder, s) }
}
func inLayer(kind string) pred    { return func(n *node) bool { return n.root().Layer == kind } }
func inside(anc *node) pred       { return func(n *node) bool { return n.within(anc) } }
func enabled() pred               { return func(n *node) bool { return !n.Disabled } }
func shown() pred                 { return func(n *node) bool { return !n.visible().empty() } }
func focused() pred               { return func(n *node) bool { return n.Focused } }
func not(p pred) pred             { return func(n *node) bool { return !p(n) } }
func anyOf(ps ...pred) pred       { return func(n *node) bool { return matchesAny(n, ps) } }
func typeAmong(ts ...string) pred { return func(n *node) bool { return n.isAny(ts) } }

func matchesAny(n *node, ps []pred) bool {
	for _, p := range ps {
		if p(n) {
			return true
		}
	}
	return false
}

func (n *node) isAny(ts []string) bool {
	for _, t := range ts {
		if n.is(t) {
			return true
		}
	}
	return false
}

func (n *node) root() *node {
	for n.parent != nil {
		n = n.parent
	}
	return n
}

// button matches a button (or a menu item, tab) showing label.
func button(label string) []pred {
	return []pred{typ("Button"), text(label), shown()}
}

// probe asks the app for its widget tree; req may ask for reader offsets.
func (s *session) probe(offsets ...int) (*tree, error) {
	c, err := net.DialTimeout("unix", s.probePath(), 2*time.Second)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	req, _ := json.Marshal(map[string]any{"offsets": offsets})
	if _, err := c.Write(append(req, '\n')); err != nil {
		return nil, err
	}
	line, err := bufio.NewReaderSize(c, 1<<20).ReadBytes('\n')
	if err != nil {
		return nil, err
	}
	var rep probeReply
	if err := json.Unmarshal(line, &rep); err != nil {
		return nil, err
	}
	if rep.Error != "" {
		return nil, fmt.Errorf("probe: %s", rep.Error)
	}
	t := &tree{}
	for _, w := range rep.Windows {
		// The main window; the recovery and error windows have other titles.
		if strings.HasPrefix(w.Title, "Attaché") {
			t.win = w
			break
		}
	}
	if t.win != nil {
		for i, l := range t.win.Layers {
			flatten(l, nil, i, &t.nodes)
		}
	}
	return t, nil
}

func flatten(n, parent *node, layer int, out *[]*node) {
	n.parent, n.layer = parent, layer
	*out = append(*out, n)
	for _, c := range n.Children {
		flatten(c, n, layer, out)
	}
}

// tree returns the probe's answer now; failing to get one fails the step.
func (s *session) tree(offsets ...int) *tree {
	s.t.Helper()
	t, err := s.probe(offsets...)
	if err != nil {
		s.fail("the test probe did not answer: %v", err)
	}
	return t
}

// waitFor polls the probe until cond holds, failing the step with what
// after timeout.
func (s *session) waitFor(what string, timeout time.Duration, cond func(*tree) bool) *tree {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	var lastErr error
	for {
		t, err := s.probe()
		if err == nil && cond(t) {
			return t
		}
		lastErr = err
		if s.appExited() {
			s.fail("the app exited while waiting for: %s", what)
		}
		if time.Now().After(deadline) {
			msg := "not within " + timeout.String() + ": " + what
			if lastErr != nil {
				msg += fmt.Sprintf(" (probe: %v)", lastErr)
			}
			s.fail("%s", msg)
		}
		time.Sleep(80 * time.Millisecond)
	}
}

// waitSoft is waitFor for a check that later steps do not depend on: a
// timeout is recorded (with a screenshot) and the test goes on.
func (s *session) waitSoft(what string, timeout time.Duration, cond func(*tree) bool) bool {
	s.t.Helper()
	for deadline := time.Now().Add(timeout); ; {
		if t, err := s.probe(); err == nil && cond(t) {
			return true
		}
		if s.appExited() {
			s.fail("the app exited while waiting for: %s", what)
		}
		if time.Now().After(deadline) {
			s.errorf("not within %s: %s", timeout, what)
			return false
		}
		time.Sleep(80 * time.Millisecond)
	}
}

// waitNode waits for a node matching preds and returns it.
func (s *session) waitNode(what string, preds ...pred) *node {
	s.t.Helper()
	var found *node
	s.waitFor(what, 10*time.Second, func(t *tree) bool {
		found = t.find(preds...)
		return found != nil
	})
	return found
}

// click moves the pointer to the middle of n's visible part and clicks.
func (s *session) click(n *node) {
	s.t.Helper()
	r := n.visible()
	if r.empty() {
		s.fail("cannot click %s: it is scrolled out of sight", n)
	}
	s.clickAt(r.X+r.W/2, r.Y+r.H/2)
}

// clickAt clicks at a canvas position (pixels from the window's top left).
func (s *session) clickAt(x, y int) {
	s.t.Helper()
	s.xdotool("mousemove", "--sync", fmt.Sprint(s.winX+x), fmt.Sprint(s.winY+y), "sleep", "0.05", "click", "1")
	// Fyne tells a click from a double click by time: leave a gap.
	time.Sleep(120 * time.Millisecond)
}

// clickOn waits for a node matching preds and clicks it.
func (s *session) clickOn(what string, preds ...pred) *node {
	s.t.Helper()
	n := s.waitNode(what, preds...)
	s.click(n)
	return n
}

// key presses a key combination (xdotool names: ctrl+n, alt+Up, Return).
func (s *session) key(keys ...string) {
	s.t.Helper()
	s.xdotool(append([]string{"key", "--clearmodifiers", "--delay", "60"}, keys...)...)
	time.Sleep(100 * time.Millisecond)
}

// typeText types text as keystrokes into whatever has the focus.
func (s *session) typeText(text string) {
	s.t.Helper()
	s.xdotool("type", "--delay", "25", "--", text)
	time.Sleep(100 * time.Millisecond)
}

// focusEntry clicks into the entry matching preds and waits for it to take
// the focus.
func (s *session) focusEntry(what string, preds ...pred) *node {
	s.t.Helper()
	n := s.clickOn(what, append(preds, shown())...)
	s.waitFor(what+" has the keyboard focus", 5*time.Second, func(t *tree) bool {
		f := t.find(focused())
		return f != nil && f.X == n.X && f.Y == n.Y
	})
	return n
}
