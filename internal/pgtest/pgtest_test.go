package pgtest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/attache/attache/internal/testfs"
	"github.com/jackc/pgx/v5"
)

// TestMain keeps the tests' temporary files in a private 0700 folder, as
// the other packages do; as root that also exercises the fall back on
// /tmp for the server's folder.
func TestMain(m *testing.M) { os.Exit(testfs.Main(m)) }

// Stop leaves no folder and no process, and may be called again.
func TestStopLeavesNothing(t *testing.T) {
	s, err := Start(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	pidFile, err := os.ReadFile(filepath.Join(s.data(), "postmaster.pid"))
	if err != nil {
		t.Fatal(err, s.Stop())
	}
	pid, err := strconv.Atoi(strings.SplitN(string(pidFile), "\n", 2)[0])
	if err != nil {
		t.Fatal(err, s.Stop())
	}
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(s.dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s after Stop: %v, want it gone", s.dir, err)
	}
	if p, err := os.FindProcess(pid); err == nil {
		if err := p.Signal(syscall.Signal(0)); !errors.Is(err, os.ErrProcessDone) {
			t.Errorf("postgres (pid %d) after Stop: signal 0 gives %v, want it gone", pid, err)
		}
	}
	if err := s.Stop(); err != nil {
		t.Errorf("second Stop: %v", err)
	}
	if !strings.Contains(s.Log(), "database system is ready") {
		t.Errorf("Log after Stop lacks the start:\n%s", s.Log())
	}
	if _, err := pgx.Connect(context.Background(), s.URL("postgres")); err == nil {
		t.Error("the server accepts connections after Stop")
	}
}

// Without the server programs the error says what is missing and how to
// get it, so a test failing on it tells the reader what to do.
func TestMissingPrograms(t *testing.T) {
	t.Setenv(BinEnv, t.TempDir())
	s, err := Start(context.Background())
	if err == nil {
		_ = s.Stop()
		t.Fatal("Start succeeded with no programs")
	}
	for _, want := range []string{"initdb", "postgres", "make deps", BinEnv} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

// ATTACHE_PG_BIN wins, and when it lacks the programs the error says what
// is missing and how to get it.
func TestBinFromEnv(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(BinEnv, dir)
	_, err := findBin()
	if err == nil {
		t.Fatal("findBin succeeded on an empty folder")
	}
	for _, want := range []string{"initdb", "postgres", "make deps", BinEnv, dir} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	for _, p := range []string{"initdb", "postgres"} {
		if err := os.WriteFile(filepath.Join(dir, p), nil, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := findBin(); got != dir || err != nil {
		t.Errorf("findBin = %q, %v; want %s", got, err, dir)
	}
}

// The newest version wins, compared as numbers, among those holding both
// programs.
func TestNewestDebian(t *testing.T) {
	root := t.TempDir()
	for ver, progs := range map[string][]string{
		"9.6": {"initdb", "postgres"},
		"12":  {"initdb", "postgres"},
		"15":  {"initdb"}, // a client-only install
		"old": {"initdb", "postgres"},
	} {
		bin := filepath.Join(root, ver, "bin")
		if err := os.MkdirAll(bin, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, p := range progs {
			if err := os.WriteFile(filepath.Join(bin, p), nil, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	if got, want := newestDebian(root), filepath.Join(root, "12", "bin"); got != want {
		t.Errorf("newestDebian = %s, want %s", got, want)
	}
}

// nobody cannot pass a 0700 folder of another user's.
func TestCanReach(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the server runs as another user on Linux only")
	}
	if os.Getuid() == 65534 {
		t.Skip("running as nobody")
	}
	nobody := account{other: true, uid: 65534, gid: 65534}
	if !nobody.canReach("/tmp") {
		t.Error("nobody cannot reach /tmp")
	}
	closed := filepath.Join(t.TempDir(), "closed")
	if err := os.Mkdir(closed, 0o700); err != nil {
		t.Fatal(err)
	}
	if nobody.canReach(closed) {
		t.Errorf("nobody can reach %s (0700, uid %d)", closed, os.Getuid())
	}
}

// A Start that fails leaves nothing behind and says why.
func TestFailedStartLeavesNothing(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s, err := start(ctx)
	if err == nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("Start with a cancelled context: %v", err)
	}
	if s == nil {
		t.Fatal("no server folder was made")
	}
	if !strings.Contains(err.Error(), "server log") {
		t.Errorf("error %q lacks the server log", err)
	}
	if _, err := os.Stat(s.dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s after a failed Start: %v, want it gone", s.dir, err)
	}
}
