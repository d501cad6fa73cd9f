package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// TestMain lets a test run the real program: the test binary started with
// ATTACHE_MAIN_CHILD=1 is attache itself.
func TestMain(m *testing.M) {
	if os.Getenv("ATTACHE_MAIN_CHILD") == "1" {
		main()
	}
	os.Exit(m.Run())
}

func TestQuitSignalsKeepWhatWasIgnored(t *testing.T) {
	none := func(os.Signal) bool { return false }
	if got := quitSignals(none); !slices.Contains(got, os.Signal(syscall.SIGHUP)) || !slices.Contains(got, os.Signal(syscall.SIGTERM)) {
		t.Fatalf("quitSignals() = %v, want SIGHUP and SIGTERM among them", got)
	}
	// As under nohup: SIGHUP ignored stays ignored.
	hup := func(s os.Signal) bool { return s == syscall.SIGHUP }
	if got := quitSignals(hup); slices.Contains(got, os.Signal(syscall.SIGHUP)) || !slices.Contains(got, os.Signal(syscall.SIGTERM)) {
		t.Errorf("quitSignals() = %v with SIGHUP ignored", got)
	}
}

// runWithoutDisplay runs attache with no command in a fresh home, with the
// given DISPLAY ("" for none) and no Wayland, and returns its exit status,
// its standard error and the home folder.
func runWithoutDisplay(t *testing.T, display string) (int, string, string) {
	t.Helper()
	home := t.TempDir()
	cmd := exec.Command(os.Args[0])
	cmd.Env = []string{"ATTACHE_MAIN_CHILD=1", "HOME=" + home, "PATH=" + os.Getenv("PATH"), "LANG=C.UTF-8",
		"XDG_CONFIG_HOME=" + filepath.Join(home, "config"), "XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"XDG_CACHE_HOME=" + filepath.Join(home, "cache"), "XDG_RUNTIME_DIR=" + filepath.Join(home, "run")}
	if display != "" {
		cmd.Env = append(cmd.Env, "DISPLAY="+display)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, stderr.String(), home
}

func TestWithoutADisplayTheAppSaysSoAndCreatesNothing(t *testing.T) {
	for _, tt := range []struct{ name, display, why string }{
		{"unset", "", "DISPLAY is not set"},
		{"dead", ":987", `the X display ":987" does not answer`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, stderr, home := runWithoutDisplay(t, tt.display)
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			if code != 1 || len(lines) != 1 {
				t.Fatalf("exit %d, stderr:\n%s\nwant exit 1 and one line", code, stderr)
			}
			for _, want := range []string{"no display found", tt.why, "needs a desktop session", "every library command works without one", "attache --help"} {
				if !strings.Contains(lines[0], want) {
					t.Errorf("message %q lacks %q", lines[0], want)
				}
			}
			entries, err := os.ReadDir(home)
			if err != nil || len(entries) != 0 {
				t.Errorf("files created without a display: %v %v", entries, err)
			}
		})
	}
}
