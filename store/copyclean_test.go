//go:build linux

package store

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/attache/attache/internal/testfs"
)

// copyReaderEnv makes this test binary a reader of the library it names,
// through a private copy, until it is killed (see TestMain).
const copyReaderEnv = "ATTACHE_COPY_READER"

func copyReader(path string) {
	s, err := Open(context.Background(), path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println("copy", s.copyDir)
	time.Sleep(time.Minute)
	os.Exit(1)
}

// A reading copy left by a killed Attaché is removed by the next start;
// one a running Attaché reads is kept.
func TestAReadingCopyLeftByACrashIsRemoved(t *testing.T) {
	dir := testfs.Tmpfs(t, "8m")
	path := filepath.Join(dir, "library.db")
	// A library an earlier Attaché made, on a read-only disk: it can only
	// be read from an upgraded private copy.
	oldLibrary(t, path, 1).Close()
	testfs.ReadOnly(t, dir)
	defer testfs.Writable(t, dir)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)

	first, firstCmd := startCopyReader(t, path, tmp)
	if n := cleanStaleCopies(); n != 0 || !exists(first) {
		t.Fatalf("a copy in use was removed (%d removed)", n)
	}
	if err := firstCmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	firstCmd.Wait()
	if !exists(filepath.Join(first, "library.db")) {
		t.Fatal("the killed reader left no copy: nothing to test")
	}
	// The next Attaché to start removes it.
	second, secondCmd := startCopyReader(t, path, tmp)
	defer func() { secondCmd.Process.Kill(); secondCmd.Wait() }()
	if exists(first) {
		t.Fatalf("the copy a crash left, %s, is still there after the next start", first)
	}
	if !exists(second) {
		t.Fatal("the next reader has no copy")
	}
}

// startCopyReader starts this test binary reading the library at path
// from a private copy, and returns the copy's folder.
func startCopyReader(t *testing.T, path, tmp string) (string, *exec.Cmd) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), copyReaderEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	copyDir, ok := strings.CutPrefix(strings.TrimSpace(line), "copy ")
	if !ok || filepath.Dir(copyDir) != tmp || !strings.HasPrefix(filepath.Base(copyDir), fmt.Sprintf("%s%d-", copyPrefix, cmd.Process.Pid)) {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the reader said %q; want its copy in %s named after its process", line, tmp)
	}
	return copyDir, cmd
}

// Only this user's copy folders, and only ones no process holds, go; a
// folder from an earlier version (no owner lock) goes once a day old.
func TestStaleCopyCleaningTouchesOnlyAbandonedCopies(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	held, owner, err := makeCopyDir()
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	crashed, gone, err := makeCopyDir()
	if err != nil {
		t.Fatal(err)
	}
	gone.Close() // as the system does when its process ends
	mk := func(name string, age time.Duration) string {
		d := filepath.Join(tmp, name)
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
		at := time.Now().Add(-age)
		if err := os.Chtimes(d, at, at); err != nil {
			t.Fatal(err)
		}
		return d
	}
	oldUnclaimed := mk(copyPrefix+"OLD1", 2*unclaimedAge)
	newUnclaimed := mk(copyPrefix+"NEW1", time.Minute)
	if err := os.Symlink(oldUnclaimed, filepath.Join(tmp, copyPrefix+"link")); err != nil {
		t.Fatal(err)
	}
	var others string
	if os.Geteuid() == 0 {
		others = mk(copyPrefix+"NOBODY", 2*unclaimedAge)
		if err := os.Chown(others, 65534, 65534); err != nil {
			t.Fatal(err)
		}
	}
	if n := cleanStaleCopies(); n != 2 {
		t.Fatalf("%d copies removed, want 2", n)
	}
	for _, d := range []string{crashed, oldUnclaimed} {
		if exists(d) {
			t.Errorf("%s is still there", d)
		}
	}
	for _, d := range []string{held, newUnclaimed, filepath.Join(tmp, copyPrefix+"link"), others} {
		if d != "" && !exists(d) {
			t.Errorf("%s was removed", d)
		}
	}
}
