package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A restore writes the backup's copy through internal/atomicfile: it
// leaves no temporary file beside the library, and the library private.
func TestRestoreLeavesNoTemporaryFile(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	s := openTest(t)
	addSource(t, s, "Chips", chipsText)
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	if err := writeSynced(backup, lib); err != nil {
		t.Fatal(err)
	}
	if kept, err := RestoreFile(ctx, backup, lib); err != nil || kept != lib+".before-restore" {
		t.Fatalf("restore: %q, %v", kept, err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, ","); got != "library.db,library.db.before-restore" {
		t.Errorf("the folder holds %s", got)
	}
	if fi, _ := os.Stat(lib); fi.Mode().Perm() != 0o600 {
		t.Errorf("the restored library is %03o, want 0600", fi.Mode().Perm())
	}
}
