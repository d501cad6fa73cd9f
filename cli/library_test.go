//go:build linux

package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/cli"
	"github.com/attache/attache/internal/testfs"
	"github.com/attache/attache/store"
)

// A command that only reads, at a mistyped --db, says there is no library
// there and how to start one, and leaves nothing behind.
func TestReadingCommandsNeverMakeALibrary(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "libary.db")
	for _, args := range [][]string{
		{"library"}, {"library", "--check"}, {"sources"}, {"search", "chips"}, {"briefing", "list"},
		{"excerpts"}, {"tags"}, {"trash"}, {"source", "show", "1"}, {"briefing", "show", "1"},
		{"export", "1", "--out", filepath.Join(dir, "x.pdf")}, {"backup", "--out", filepath.Join(dir, "b.db")},
		{"source", "edit", "1", "--title", "X"}, {"trash", "empty"},
	} {
		errOut := fails(t, db, cli.ExitError, args...)
		wantContains(t, errOut, "there is no library at "+db, "check the path given with --db", "attache import FILE --db "+db)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("reading commands left %v", entries)
	}
	// The commands that add the first thing start the library.
	mustRun(t, db, "briefing", "new", "--title", "First")
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("briefing new made no library: %v", err)
	}
}

// An emptied library file is refused, naming the newest backup and the
// command that restores it; that command then works.
func TestAnEmptiedLibraryNamesTheBackupToRestore(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "My Library.db")
	mustRun(t, db, "import", chipsFile)
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	backup, err := s.AutoBackup(context.Background())
	if err != nil || backup == "" {
		t.Fatalf("backup %q %v", backup, err)
	}
	s.Close()
	if err := os.Truncate(db, 0); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"sources"}, {"import", fiveGFile}} {
		errOut := fails(t, db, cli.ExitError, args...)
		restore := "attache restore '" + backup + "' --db '" + db + "'"
		wantContains(t, errOut, "is empty (0 bytes)", restore)
	}
	if fi, _ := os.Stat(db); fi.Size() != 0 {
		t.Fatal("the emptied file was written to")
	}
	mustRun(t, db, "restore", backup)
	if out := mustRun(t, db, "sources"); !strings.Contains(out, "Chip Export Rules") {
		t.Fatalf("after restoring:\n%s", out)
	}
}

// `attache restore` through a link to the library sees the app's lock on
// the library itself, and problems reaching the file are said in words.
func TestLinksToTheLibrary(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	link := filepath.Join(dir, "current.db")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, "import", chipsFile)
	backup := filepath.Join(t.TempDir(), "b.db")
	mustRun(t, link, "backup", "--out", backup)
	unlock, err := store.Lock(db)
	if err != nil {
		t.Fatal(err)
	}
	wantContains(t, fails(t, link, cli.ExitError, "restore", backup), "is open in the Attaché app")
	unlock()

	loop := filepath.Join(dir, "loop.db")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"sources"}, {"import", chipsFile}, {"restore", backup}} {
		errOut := fails(t, loop, cli.ExitError, args...)
		wantContains(t, errOut, "leads round in a circle", "--db")
		if strings.Contains(errOut, "too many levels") || strings.Contains(errOut, "stat /") {
			t.Fatalf("%v: the system's words reach the analyst: %s", args, errOut)
		}
	}
}

// Once `library --check` has found damage, later commands refuse to write
// and a backup blames the library, not the disk; a restore ends it.
func TestKnownDamageRefusesWritesFromTheCommandLine(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	text := filepath.Join(dir, "long.txt")
	if err := os.WriteFile(text, []byte("Fabs need water.\n\n"+strings.Repeat("Overflow ZQXJ. ", 20000)), 0o600); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, "import", text)
	mustRun(t, db, "briefing", "new", "--title", "Kept")
	good := filepath.Join(dir, "good.db")
	mustRun(t, db, "backup", "--out", good)
	testfs.DamagePages(t, db, "Overflow ZQXJ")

	wantContains(t, fails(t, db, cli.ExitError, "library", "--check"), "has damaged pages")
	wantContains(t, mustRun(t, db, "library"), "Damaged:   yes (SQLite's check found: ", "changes are refused")
	wantContains(t, fails(t, db, cli.ExitError, "briefing", "snapshot", "1"), "makes no more changes to it: nothing was changed")
	errOut := fails(t, db, cli.ExitError, "backup", "--out", filepath.Join(dir, "copy.db"))
	wantContains(t, errOut, "itself has damaged pages")
	if strings.Contains(errOut, "another disk") {
		t.Fatalf("the backup blamed the disk: %s", errOut)
	}
	mustRun(t, db, "restore", good)
	mustRun(t, db, "briefing", "snapshot", "1")
}
