//go:build linux

package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/cli"
	"github.com/attache/attache/internal/testfs"
	"github.com/attache/attache/store"
)

func TestReadOnlyLibraryReadsButRefusesChanges(t *testing.T) {
	dir := testfs.Tmpfs(t, "8m")
	db := filepath.Join(dir, "library.db")
	mustRun(t, db, "import", chipsFile)
	mustRun(t, db, "briefing", "new", "--title", "Chip controls")
	testfs.ReadOnly(t, dir)
	defer testfs.Writable(t, dir)

	if out := mustRun(t, db, "library"); !strings.Contains(out, "Read-only: yes") {
		t.Fatalf("library on a read-only disk:\n%s", out)
	}
	if out := mustRun(t, db, "search", "semiconductors"); !strings.Contains(out, "semiconductors") {
		t.Fatalf("search in a read-only library:\n%s", out)
	}
	_, errOut, code := run(t, db, "import", fiveGFile)
	if code != cli.ExitError || !strings.Contains(errOut, "read-only") || !strings.Contains(errOut, "copy it to a folder you can write to") {
		t.Fatalf("import into a read-only library: exit %d, %q", code, errOut)
	}
	pdf := filepath.Join(t.TempDir(), "x.pdf")
	mustRun(t, db, "export", "1", "--out", pdf)
	if fi, err := os.Stat(pdf); err != nil || fi.Size() == 0 {
		t.Fatalf("export from a read-only library wrote nothing: %v", err)
	}
}

func TestFullDiskImportFailsAndKeepsTheLibrary(t *testing.T) {
	dir := testfs.Tmpfs(t, "8m")
	db := filepath.Join(dir, "library.db")
	mustRun(t, db, "import", chipsFile)
	before := mustRun(t, db, "library", "--json")
	big := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(big, []byte(strings.Repeat("Fabs need water, power and trained engineers.\n\n", 40_000)), 0o600); err != nil {
		t.Fatal(err)
	}
	free := testfs.Fill(t, dir)
	_, errOut, code := run(t, db, "import", big)
	if code != cli.ExitError || !strings.Contains(errOut, "disk is full") {
		t.Fatalf("import onto a full disk: exit %d, %q", code, errOut)
	}
	free()
	if after := mustRun(t, db, "library", "--json", "--check"); strings.Replace(after, "false,\n  \"check\": \"ok\"", "false", 1) != before {
		t.Fatalf("library after a failed import on a full disk:\n%s\nwant\n%s", after, before)
	}
}

func TestLibraryCheckNamesTheBackupOfADamagedLibrary(t *testing.T) {
	db := newDB(t)
	mustRun(t, db, "import", chipsFile)
	if out := mustRun(t, db, "library", "--check"); !strings.Contains(out, "Check:     ok") {
		t.Fatalf("check of a sound library:\n%s", out)
	}
	backup := filepath.Join(store.BackupDir(db), "library-20260101-000000-daily.db")
	if err := os.MkdirAll(filepath.Dir(backup), 0o700); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, "backup", "--out", backup)
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	copy(data[:16], "not a database!!")
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := run(t, db, "library", "--check")
	if code != cli.ExitError || !strings.Contains(errOut, "damaged") || !strings.Contains(errOut, "attache restore "+backup) {
		t.Fatalf("check of a damaged library: exit %d, %q", code, errOut)
	}
	mustRun(t, db, "restore", backup)
	if out := mustRun(t, db, "library", "--check"); !strings.Contains(out, "Sources:   1") {
		t.Fatalf("after restore:\n%s", out)
	}
}

func TestRestoreIsRefusedWhileTheAppHasTheLibrary(t *testing.T) {
	db := newDB(t)
	mustRun(t, db, "import", chipsFile)
	backup := filepath.Join(t.TempDir(), "b.db")
	mustRun(t, db, "backup", "--out", backup)
	unlock, err := store.Lock(db)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	_, errOut, code := run(t, db, "restore", backup)
	if code != cli.ExitError || !strings.Contains(errOut, "is open in the Attaché app: quit the app first, then restore") {
		t.Fatalf("restore under a running app: exit %d, %q", code, errOut)
	}
}
