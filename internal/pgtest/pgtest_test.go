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
	"time"

	"github.com/attache/attache/internal/testfs"
	"github.com/jackc/pgx/v5"
)

// TestMain keeps the tests' temporary files in a private 0700 folder, as
// the other packages do; as root that also exercises the fall back on
// /tmp for the server's folder.
func TestMain(m *testing.M) { os.Exit(testfs.Main(m)) }

// Two databases on one server each keep their own table and rows.
func TestTwoDatabases(t *testing.T) {
	ctx := context.Background()
	began := time.Now()
	s := New(t)
	t.Logf("Start: %v", time.Since(began).Round(time.Millisecond))

	for _, name := range []string{"alpha", "beta"} {
		began := time.Now()
		url, err := s.CreateDB(ctx, name)
		if err != nil {
			t.Fatal(err, "\n", s.Log())
		}
		t.Logf("CreateDB(%s): %v", name, time.Since(began).Round(time.Millisecond))
		conn, err := pgx.Connect(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)"); err != nil {
			t.Fatal(err)
		}
		if _, err := conn.Exec(ctx, "INSERT INTO notes VALUES (1, $1)", "note in "+name+" — é"); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"alpha", "beta"} {
		conn, err := pgx.Connect(ctx, s.URL(name))
		if err != nil {
			t.Fatal(err)
		}
		var bodies []string
		rows, _ := conn.Query(ctx, "SELECT body FROM notes ORDER BY id")
		bodies, err = pgx.CollectRows(rows, pgx.RowTo[string])
		conn.Close(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := "note in " + name + " — é"; len(bodies) != 1 || bodies[0] != want {
			t.Errorf("%s holds %q, want [%q]", name, bodies, want)
		}
	}

	// DropDB closes the connection left open above (WITH (FORCE)).
	if err := s.DropDB(ctx, "alpha"); err != nil {
		t.Fatal(err)
	}
	if conn, err := pgx.Connect(ctx, s.URL("alpha")); err == nil {
		conn.Close(ctx)
		t.Error("alpha still accepts connections after DropDB")
	}
	if err := s.DropDB(ctx, "alpha"); err != nil {
		t.Errorf("DropDB of a dropped database: %v", err)
	}
}

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

func TestBadDatabaseName(t *testing.T) {
	var s Server // no server: the name is checked first
	for _, name := range []string{"", "Alpha", "a-b", `a"b`, "a b", strings.Repeat("a", 64)} {
		if _, err := s.CreateDB(context.Background(), name); err == nil || !strings.Contains(err.Error(), "database name") {
			t.Errorf("CreateDB(%q): %v, want a name error", name, err)
		}
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
