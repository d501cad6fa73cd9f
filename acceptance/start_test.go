package acceptance

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Scenario 1: the first start offers the sample library; accepting loads
// it; every view is reachable from the sidebar and by Ctrl+1/2/3.
func TestFirstStartSampleAndViews(t *testing.T) {
	s := start(t, nil)
	s.do("see the welcome offer")
	s.waitNode("the welcome dialog offers the sample library", typ("Label"), textContains("sample library"), inLayer("overlay"))
	s.withSample()
	s.do("see the sample's sources in the library")
	for _, src := range s.sources() {
		s.waitNode("the sample source "+src.Title+" listed in the library", typ("Label"), text(src.Title), inLayer("content"), shown())
	}
	for _, v := range []string{"Excerpts", "Briefings", "Library"} {
		s.sidebar(v)
	}
	for _, v := range []string{"Excerpts", "Briefings", "Library", "Briefings"} {
		s.showView(v)
	}
	s.do("see the sample briefing in the Briefings view")
	s.waitNode("the sample briefing listed", typ("Label"), textPrefix(sampleBriefing), inLayer("content"), shown())
	s.showView("Excerpts")
	s.do("see the sample's excerpts in the Excerpts view")
	n := len(s.excerpts())
	if n == 0 {
		s.fail("the sample library has no excerpts")
	}
	s.waitFor("the Excerpts view lists excerpts", 5*time.Second, func(tr *tree) bool {
		return strings.Contains(statusOf(tr), "excerpt") || len(tr.all(typ("Label"), textPrefix("“"), shown())) > 0
	})
}

// statusOf joins the texts of the visible labels, for loose checks.
func statusOf(t *tree) string {
	var b strings.Builder
	for _, n := range t.all(typ("Label"), shown()) {
		b.WriteString(n.Text + "\n")
	}
	return b.String()
}

// Scenario 2: import a text article through File → Import files…, check
// the details form, save an edit there, and read the article.
func TestImportThroughDialog(t *testing.T) {
	s := start(t, nil)
	s.do("decline the welcome offer")
	s.clickOn("the welcome dialog's No", append(button("No"), inLayer("overlay"))...)
	s.noOverlay("the welcome dialog closes")
	article := copyInto(t, chipsPath(t), s.dir)
	s.importThroughDialog(article)
	s.do("check the details form")
	s.waitNode("the details form after the import", typ("Label"), textPrefix("Imported"), inLayer("overlay"))
	title := s.waitNode("the Title field holds the detected title", typ("Entry"), text(chipsTitle), inLayer("overlay"))
	_ = title
	s.fieldBeside("Publisher")
	s.replaceText("Acceptance Desk")
	s.clickOn("the form's Save details", append(button("Save details"), inLayer("overlay"))...)
	s.noOverlay("the details form closes")
	s.do("check the library holds the source with its edited details")
	s.waitLibrary("the imported source with publisher Acceptance Desk", func() bool {
		for _, src := range s.sources() {
			if src.Title == chipsTitle && src.Publisher == "Acceptance Desk" {
				return true
			}
		}
		return false
	})
	s.do("read the article")
	s.waitReader("the reader shows the article's text", "export controls")
	s.waitNode("the reader's title", typ("Label"), text(chipsTitle), inLayer("content"), shown())
	s.waitNode("the source in the library list", typ("Label"), text(chipsTitle), inLayer("content"), shown())
}

// TestProbeOffWithoutVariable checks that the app listens on nothing when
// ATTACHE_TEST_PROBE is not set.
func TestProbeOffWithoutVariable(t *testing.T) {
	s := newSession(t, 1280, 800)
	s.do("start the app without the probe variable")
	cmd := exec.Command(attacheBin, "--db", s.lib)
	cmd.Env = s.env()
	cmd.Dir = s.dir
	s.appOut = &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = s.appOut, s.appOut
	if err := cmd.Start(); err != nil {
		s.fail("starting: %v", err)
	}
	s.app = cmd
	s.appDone = make(chan error, 1)
	go func() { s.appDone <- cmd.Wait() }()
	s.waitWindow()
	time.Sleep(time.Second)
	s.do("look for a listening socket")
	if socks := unixListeners(t, cmd.Process.Pid); len(socks) > 0 {
		s.fail("the app listens on %v although %s is unset", socks, "ATTACHE_TEST_PROBE")
	}
	if entries, _ := os.ReadDir(s.dir); len(entries) > 0 {
		for _, e := range entries {
			if e.Type()&os.ModeSocket != 0 {
				s.fail("the app made a socket %s in its home", e.Name())
			}
		}
	}
}

// unixListeners lists the listening Unix sockets that pid holds open, from
// /proc/net/unix (state 01 with the listening flag) and its descriptors.
func unixListeners(t *testing.T, pid int) []string {
	t.Helper()
	inodes := map[string]bool{}
	fds, err := os.ReadDir(filepath.Join("/proc", itoa(pid), "fd"))
	if err != nil {
		t.Fatalf("reading the app's descriptors: %v", err)
	}
	for _, fd := range fds {
		l, err := os.Readlink(filepath.Join("/proc", itoa(pid), "fd", fd.Name()))
		if err == nil && strings.HasPrefix(l, "socket:[") {
			inodes[strings.TrimSuffix(strings.TrimPrefix(l, "socket:["), "]")] = true
		}
	}
	data, err := os.ReadFile("/proc/net/unix")
	if err != nil {
		t.Fatalf("reading /proc/net/unix: %v", err)
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n")[1:] {
		f := strings.Fields(line)
		// Num RefCount Protocol Flags Type St Inode Path; flag 00010000 is
		// __SO_ACCEPTCON, a listening socket.
		if len(f) >= 7 && inodes[f[6]] && f[3] == "00010000" {
			path := "(unnamed)"
			if len(f) >= 8 {
				path = f[7]
			}
			out = append(out, path)
		}
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }
