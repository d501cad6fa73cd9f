package app

import (
	"bufio"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// listeningUnixSockets counts this process's listening Unix sockets.
func listeningUnixSockets(t *testing.T) int {
	t.Helper()
	inodes := map[string]bool{}
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	for _, fd := range fds {
		if l, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name())); err == nil && strings.HasPrefix(l, "socket:[") {
			inodes[strings.TrimSuffix(strings.TrimPrefix(l, "socket:["), "]")] = true
		}
	}
	data, err := os.ReadFile("/proc/net/unix")
	if err != nil {
		t.Skipf("no /proc/net/unix: %v", err)
	}
	n := 0
	for _, line := range strings.Split(string(data), "\n")[1:] {
		f := strings.Fields(line)
		if len(f) >= 7 && inodes[f[6]] && f[3] == "00010000" { // __SO_ACCEPTCON
			n++
		}
	}
	return n
}

func TestProbeListensOnlyWhenAsked(t *testing.T) {
	u, _ := newTestUI(t)
	t.Setenv(ProbeEnv, "")
	before := listeningUnixSockets(t)
	startProbe(u.app)
	if after := listeningUnixSockets(t); after != before {
		t.Fatalf("with %s unset the app listens on %d more Unix sockets", ProbeEnv, after-before)
	}
}

// askProbe sends one request and decodes the reply.
func askProbe(t *testing.T, path string, req ProbeRequest) ProbeReply {
	t.Helper()
	var c net.Conn
	var err error
	for deadline := time.Now().Add(5 * time.Second); ; {
		if c, err = net.Dial("unix", path); err == nil || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("no probe on %s: %v", path, err)
	}
	defer c.Close()
	b, _ := json.Marshal(req)
	if _, err := c.Write(append(b, '\n')); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(c).ReadBytes('\n')
	if err != nil {
		t.Fatalf("reading the probe's answer: %v", err)
	}
	var rep ProbeReply
	if err := json.Unmarshal(line, &rep); err != nil {
		t.Fatalf("the probe's answer is not JSON: %v: %s", err, line)
	}
	return rep
}

// mainWindow is the app's window among the test app's.
func mainWindow(rep ProbeReply) ProbeWindow {
	for _, w := range rep.Windows {
		if w.Title == "Attaché" {
			return w
		}
	}
	return ProbeWindow{Layers: []*ProbeNode{{}}}
}

// selectedRowShows tells whether a selected list row holds text.
func selectedRowShows(n *ProbeNode, text string) bool {
	if n.Selected && findNode(n, func(c *ProbeNode) bool { return c.Text == text }) != nil {
		return true
	}
	for _, c := range n.Children {
		if selectedRowShows(c, text) {
			return true
		}
	}
	return false
}

func findNode(n *ProbeNode, ok func(*ProbeNode) bool) *ProbeNode {
	if ok(n) {
		return n
	}
	for _, c := range n.Children {
		if f := findNode(c, ok); f != nil {
			return f
		}
	}
	return nil
}

func TestProbeDescribesTheWindow(t *testing.T) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	path := filepath.Join(t.TempDir(), "probe.sock")
	t.Setenv(ProbeEnv, path)
	startProbe(u.app)
	u.library.reader.open(src.ID, -1)
	eventually(t, "the reader shows the source", func() bool { return u.library.reader.text.Text() != "" })
	// The welcome dialog (the library was empty at first) would keep the
	// focus in itself.
	for o := u.win.Canvas().Overlays().Top(); o != nil; o = u.win.Canvas().Overlays().Top() {
		u.win.Canvas().Overlays().Remove(o)
	}
	u.library.list.UnselectAll()        // the list follows the reader: start from no selection
	test.RenderToMarkup(u.win.Canvas()) // lays out and renders every object, as a real window does
	u.win.Canvas().Focus(u.library.search)

	rep := askProbe(t, path, ProbeRequest{Offsets: []int{0, 5}})
	w := mainWindow(rep)
	if w.Title != "Attaché" || w.W <= 0 || w.H <= 0 || len(w.Layers) == 0 || w.Layers[0].Layer != "content" {
		t.Fatalf("window %q %dx%d with %d layers", w.Title, w.W, w.H, len(w.Layers))
	}
	root := w.Layers[0]
	search := findNode(root, func(n *ProbeNode) bool {
		return n.Type == "*widget.Entry" && strings.HasPrefix(n.Placeholder, "Search sources")
	})
	if search == nil || !search.Focused || search.W <= 0 || search.H <= 0 {
		t.Fatalf("the search entry is %+v; want it focused with a size", search)
	}
	imp := findNode(root, func(n *ProbeNode) bool { return n.Type == "*widget.Button" && n.Text == "Import…" })
	if imp == nil || imp.X < 0 || imp.Y < 0 || imp.X+imp.W > w.W || imp.Y+imp.H > w.H {
		t.Fatalf("the Import… button is %+v in a %dx%d window", imp, w.W, w.H)
	}
	reader := findNode(root, func(n *ProbeNode) bool { return n.Type == "*widgets.Reader" })
	if reader == nil || reader.Text != u.library.reader.text.Text() || len(reader.Points) != 2 || reader.LineH <= 0 {
		t.Fatalf("the reader is described as %+v", reader)
	}
	if p := reader.Points; p[1][0] <= p[0][0] || p[0][1] != p[1][1] {
		t.Fatalf("offsets 0 and 5 are at %v: want the second right of the first on one line", p)
	}
	if selectedRowShows(mainWindow(rep).Layers[0], src.Title) {
		t.Fatal("the source's row is reported selected before it is")
	}
	u.library.list.Select(0)
	test.RenderToMarkup(u.win.Canvas())
	if !selectedRowShows(mainWindow(askProbe(t, path, ProbeRequest{})).Layers[0], src.Title) {
		t.Fatalf("no selected row shows %q after selecting it", src.Title)
	}
	if rep := askProbe(t, path, ProbeRequest{}); len(rep.Windows) == 0 {
		t.Fatal("a second connection got no answer")
	}
}
