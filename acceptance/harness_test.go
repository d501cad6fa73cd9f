package acceptance

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// attacheBin is the attache binary under test, set by TestMain.
var attacheBin string

// tools the suite drives the X server and reads results with.
var tools = []string{"Xvfb", "xdotool", "import", "pdftotext"}

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	bin := os.Getenv("ATTACHE_BIN")
	if bin == "" && os.Getenv("ATTACHE_ACCEPT") == "" {
		fmt.Println("acceptance: skipped; `make accept` runs it (or set ATTACHE_ACCEPT=1, or ATTACHE_BIN to a binary)")
		return 0
	}
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			fmt.Fprintf(os.Stderr, "acceptance: %s is missing: run make deps\n", tool)
			return 1
		}
	}
	if os.Getenv("ATTACHE_WASM_CACHE") == "" {
		// One compiled PDF engine for every app the suite starts (each has
		// its own HOME): compiling it takes 10 s or more, loading it 0.4 s.
		dir, err := os.MkdirTemp("", "attache-accept-wasm-")
		if err != nil {
			fmt.Fprintln(os.Stderr, "acceptance:", err)
			return 1
		}
		defer os.RemoveAll(dir)
		os.Setenv("ATTACHE_WASM_CACHE", dir)
	}
	if bin == "" {
		dir, err := os.MkdirTemp("", "attache-accept-bin-")
		if err != nil {
			fmt.Fprintln(os.Stderr, "acceptance:", err)
			return 1
		}
		defer os.RemoveAll(dir)
		bin = filepath.Join(dir, "attache")
		start := time.Now()
		cmd := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, ".")
		cmd.Dir = ".."
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "acceptance: building attache:", err)
			return 1
		}
		fmt.Printf("acceptance: built attache in %.0f s\n", time.Since(start).Seconds())
	} else if !filepath.IsAbs(bin) {
		// Relative to the repository (make passes bin/attache), not to
		// this package's folder where go test runs.
		bin = filepath.Join("..", bin)
	}
	abs, err := filepath.Abs(bin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "acceptance:", err)
		return 1
	}
	if _, err := os.Stat(abs); err != nil {
		fmt.Fprintln(os.Stderr, "acceptance: ATTACHE_BIN:", err)
		return 1
	}
	attacheBin = abs
	return m.Run()
}

// session is one scenario's world: an X server, a temporary home with a
// library, and the app (when running).
type session struct {
	t       *testing.T
	dir     string // temporary home; the library is dir/library.db
	lib     string
	display int
	xvfb    *exec.Cmd
	xvfbEnd chan struct{} // closed when Xvfb has exited
	app     *exec.Cmd
	appOut  *lockedBuffer
	appDone chan error
	runs    int
	step    string
	shots   int
	winX    int // the window's top left on the screen
	winY    int
	appEnv  []string // more environment for the app (FYNE_THEME)
}

// lockedBuffer collects a process's output while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// newSession starts an X server of the given screen size with nothing on
// it; everything is undone when the test ends.
func newSession(t *testing.T, width, height int) *session {
	t.Helper()
	dir, err := os.MkdirTemp("", "attache-accept-")
	if err != nil {
		t.Fatal(err)
	}
	s := &session{t: t, dir: dir, lib: filepath.Join(dir, "library.db")}
	t.Cleanup(s.cleanup)
	for _, sub := range []string{"config", "cache", "data", "runtime", "tmp"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	s.startX(width, height)
	return s
}

// firstDisplay is where the search for a free display starts.
func firstDisplay() int {
	if n, err := strconv.Atoi(os.Getenv("ATTACHE_ACCEPT_DISPLAY")); err == nil && n >= 0 {
		return n
	}
	return 50
}

func displayFiles(n int) (lock, sock string) {
	return fmt.Sprintf("/tmp/.X%d-lock", n), fmt.Sprintf("/tmp/.X11-unix/X%d", n)
}

// startX starts Xvfb on the first free display from firstDisplay.
func (s *session) startX(width, height int) {
	s.step = "start Xvfb"
	for n := firstDisplay(); n < firstDisplay()+50; n++ {
		lock, sock := displayFiles(n)
		if exists(lock) || exists(sock) {
			continue
		}
		out := &bytes.Buffer{}
		// -noreset: by default Xvfb resets when its last client leaves
		// (here the readiness check), refusing connections meanwhile, and
		// the app starting at that moment finds no display.
		cmd := exec.Command("Xvfb", fmt.Sprintf(":%d", n), "-screen", "0", fmt.Sprintf("%dx%dx24", width, height),
			"-nolisten", "tcp", "-noreset")
		cmd.Stdout, cmd.Stderr = out, out
		cmd.SysProcAttr = dieWithTest()
		if err := cmd.Start(); err != nil {
			s.t.Fatalf("acceptance: starting Xvfb: %v", err)
		}
		exited := make(chan struct{})
		go func() { _ = cmd.Wait(); close(exited) }()
		s.display, s.xvfb, s.xvfbEnd = n, cmd, exited
		for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); {
			select {
			case <-exited:
				// Taken by someone else in the meantime: try the next.
				s.xvfb = nil
			default:
			}
			if s.xvfb == nil {
				break
			}
			if exists(sock) && s.xdotoolQuiet("getdisplaygeometry") == nil {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
		if s.xvfb != nil {
			s.t.Fatalf("acceptance: Xvfb :%d did not start within 15 s: %s", n, out)
		}
	}
	s.t.Fatalf("acceptance: no free X display from :%d", firstDisplay())
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// env is the environment of every process the suite starts: the temporary
// home and XDG folders, an English UTF-8 locale, the session's display.
func (s *session) env() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "HOME", "DISPLAY", "LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
			"XDG_DATA_HOME", "XDG_RUNTIME_DIR", "TMPDIR", "ATTACHE_DB", "ATTACHE_USER", "ATTACHE_TEST_PROBE", "WAYLAND_DISPLAY", "FYNE_SCALE", "FYNE_THEME":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "HOME="+s.dir, "LANG=en_US.UTF-8", fmt.Sprintf("DISPLAY=:%d", s.display),
		"XDG_CONFIG_HOME="+filepath.Join(s.dir, "config"), "XDG_CACHE_HOME="+filepath.Join(s.dir, "cache"),
		"XDG_DATA_HOME="+filepath.Join(s.dir, "data"), "XDG_RUNTIME_DIR="+filepath.Join(s.dir, "runtime"),
		// The app's temporary files (rescued edits) go with the session.
		"TMPDIR="+filepath.Join(s.dir, "tmp"))
}

func (s *session) probePath() string { return filepath.Join(s.dir, "probe.sock") }

// startApp starts the app on the session's library with the probe on and
// waits for its window to show.
func (s *session) startApp() {
	s.t.Helper()
	s.runs++
	s.do("start the app (run %d)", s.runs)
	s.launch(exec.Command(attacheBin, "--db", s.lib))
}

// launch starts cmd (the app, perhaps through a shell) with the probe on
// and waits for its window to show.
func (s *session) launch(cmd *exec.Cmd) {
	s.t.Helper()
	_ = os.Remove(s.probePath())
	cmd.Env = append(append(s.env(), s.appEnv...), "ATTACHE_TEST_PROBE="+s.probePath())
	cmd.Dir = s.dir
	s.appOut = &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = s.appOut, s.appOut
	cmd.SysProcAttr = dieWithTest()
	if err := cmd.Start(); err != nil {
		s.fail("starting %s: %v", attacheBin, err)
	}
	s.app = cmd
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	s.appDone = done
	s.waitWindow()
	s.waitFor("the probe answers with the main window", 30*time.Second, func(tr *tree) bool {
		return tr.window() != nil
	})
}

// waitWindow waits for the main window to be mapped and notes where it is.
func (s *session) waitWindow() {
	s.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if s.appExited() {
			s.fail("the app exited before showing its window")
		}
		out, err := s.xdotoolOut("search", "--onlyvisible", "--name", "^Attaché")
		if err == nil && strings.TrimSpace(out) != "" {
			s.locateWindow(strings.Fields(out)[0])
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.fail("no window within 60 s")
}

// windowID is the main window's X id.
func (s *session) windowID() string {
	s.t.Helper()
	out, err := s.xdotoolOut("search", "--onlyvisible", "--name", "^Attaché")
	if err != nil || strings.TrimSpace(out) == "" {
		s.fail("the main window is not on the screen")
	}
	return strings.Fields(out)[0]
}

func (s *session) locateWindow(id string) {
	out, err := s.xdotoolOut("getwindowgeometry", "--shell", id)
	if err != nil {
		return
	}
	for _, line := range strings.Split(out, "\n") {
		k, v, _ := strings.Cut(line, "=")
		n, _ := strconv.Atoi(v)
		switch k {
		case "X":
			s.winX = n
		case "Y":
			s.winY = n
		}
	}
}

// appExited tells whether the app has exited (its status kept for
// waitExit).
func (s *session) appExited() bool {
	if s.app == nil {
		return true
	}
	select {
	case err := <-s.appDone:
		s.appDone <- err
		return true
	default:
		return false
	}
}

// signal sends sig to the app.
func (s *session) signal(sig syscall.Signal) {
	if s.app != nil && s.app.Process != nil {
		_ = s.app.Process.Signal(sig)
	}
}

// cleanup stops the app and the X server and removes every file made.
func (s *session) cleanup() {
	if s.app != nil && !s.appExited() {
		s.signal(syscall.SIGTERM)
		select {
		case <-s.appDone:
		case <-time.After(15 * time.Second):
			_ = s.app.Process.Kill()
			<-s.appDone
		}
	}
	if s.xvfb != nil && s.xvfb.Process != nil {
		_ = s.xvfb.Process.Signal(syscall.SIGTERM)
		select {
		case <-s.xvfbEnd:
		case <-time.After(5 * time.Second):
			_ = s.xvfb.Process.Kill()
			<-s.xvfbEnd
		}
		// Xvfb removes these on a clean exit, not after SIGKILL; they were
		// free when it started, so they are its.
		lock, sock := displayFiles(s.display)
		_ = os.Remove(lock)
		_ = os.Remove(sock)
	}
	_ = os.RemoveAll(s.dir)
}

// do names the step under way, for failure messages.
func (s *session) do(format string, args ...any) {
	s.step = fmt.Sprintf(format, args...)
	if testing.Verbose() {
		s.t.Logf("step: %s", s.step)
	}
}

// fail ends the test with the step, the message, a screenshot taken now and
// the end of the app's output.
func (s *session) fail(format string, args ...any) {
	s.t.Helper()
	shot := s.failureShot()
	out := ""
	if s.appOut != nil {
		out = s.appOut.String()
		if len(out) > 3000 {
			out = out[:1200] + "\n…\n" + tail(out, 1500)
		}
	}
	s.t.Fatalf("step %q failed: %s\nscreenshot: %s\napp output:\n%s", s.step, fmt.Sprintf(format, args...), shot, out)
}

// failureShot saves a screenshot and, beside it, the probe's widget tree,
// and says where.
func (s *session) failureShot() string {
	shot := s.screenshot("failed")
	if tr, err := s.probe(); err == nil && tr.win != nil {
		if b, err := json.MarshalIndent(tr.win, "", " "); err == nil && strings.HasSuffix(shot, ".png") {
			if os.WriteFile(strings.TrimSuffix(shot, ".png")+".json", b, 0o644) == nil {
				shot += " (widget tree beside it, .json)"
			}
		}
	}
	return shot
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

var (
	outOnce sync.Once
	outDir  string
	outErr  error
)

// shotDir is where screenshots are kept: ATTACHE_ACCEPT_OUT, or a folder
// made on the first failure.
func shotDir() (string, error) {
	outOnce.Do(func() {
		if d := os.Getenv("ATTACHE_ACCEPT_OUT"); d != "" {
			outDir, outErr = d, os.MkdirAll(d, 0o755)
			return
		}
		outDir, outErr = os.MkdirTemp("", "attache-accept-shots-")
	})
	return outDir, outErr
}

// screenshot saves the whole screen as <test>-<n>-<name>.png and returns its
// path (or why there is none).
func (s *session) screenshot(name string) string {
	dir, err := shotDir()
	if err != nil {
		return "(none: " + err.Error() + ")"
	}
	s.shots++
	test := strings.NewReplacer("/", "-", " ", "_").Replace(s.t.Name())
	path := filepath.Join(dir, fmt.Sprintf("%s-%02d-%s.png", test, s.shots, name))
	cmd := exec.Command("import", "-display", fmt.Sprintf(":%d", s.display), "-window", "root", path)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Sprintf("(none: import: %v %s)", err, out)
	}
	return path
}

// keepShot saves a screenshot only when ATTACHE_ACCEPT_OUT asks for them.
func (s *session) keepShot(name string) {
	if os.Getenv("ATTACHE_ACCEPT_OUT") != "" {
		s.t.Logf("screenshot: %s", s.screenshot(name))
	}
}

// cli runs the binary with --db on the library (the app may have it open)
// and returns its standard output; a failure fails the step.
func (s *session) cli(args ...string) string {
	s.t.Helper()
	out, err := s.tryCLI(args...)
	if err != nil {
		s.fail("%v", err)
	}
	return out
}

// tryCLI runs a command and returns its output or why it failed.
func (s *session) tryCLI(args ...string) (string, error) {
	cmd := exec.Command(attacheBin, append([]string{"--db", s.lib}, args...)...)
	cmd.Env = s.env()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("attache %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(errb.String()))
	}
	return out.String(), nil
}

// cliJSON runs a command with --json and decodes its answer into v.
func (s *session) cliJSON(v any, args ...string) {
	s.t.Helper()
	out := s.cli(append(args, "--json")...)
	if err := json.Unmarshal([]byte(out), v); err != nil {
		s.fail("attache %s --json gave no JSON (%v): %s", strings.Join(args, " "), err, tail(out, 500))
	}
}

// xdotool runs xdotool on the session's display; a failure fails the step.
func (s *session) xdotool(args ...string) {
	s.t.Helper()
	if out, err := s.xdotoolOut(args...); err != nil {
		s.fail("xdotool %s: %v %s", strings.Join(args, " "), err, out)
	}
}

func (s *session) xdotoolOut(args ...string) (string, error) {
	cmd := exec.Command("xdotool", args...)
	cmd.Env = []string{fmt.Sprintf("DISPLAY=:%d", s.display)}
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (s *session) xdotoolQuiet(args ...string) error {
	_, err := s.xdotoolOut(args...)
	return err
}
