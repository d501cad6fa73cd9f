package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/attache/attache/domain"
)

func TestBackupAndRestoreFile(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	addSource(t, s, "Chips", chipsText)
	dest := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	if err := CheckBackup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.Backup(ctx, t.TempDir()), domain.EINVALID)

	// Restore over another library, which is kept aside.
	lib := filepath.Join(t.TempDir(), "library.db")
	other, err := Open(ctx, lib)
	if err != nil {
		t.Fatal(err)
	}
	addSource(t, other, "5G", fiveGText)
	other.Close()
	kept, err := RestoreFile(ctx, dest, lib)
	if err != nil || kept == "" {
		t.Fatalf("restore: %q %v", kept, err)
	}
	back, err := Open(ctx, lib)
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	list, _ := back.Sources(ctx, domain.SourceFilter{})
	if len(list) != 1 || list[0].Title != "Chips" {
		t.Fatalf("restored library has %+v", list)
	}
	if _, err := os.Stat(kept); err != nil {
		t.Fatalf("the previous library was not kept: %v", err)
	}
	junk := filepath.Join(t.TempDir(), "junk.db")
	_ = os.WriteFile(junk, []byte("not a database at all, just text that goes on for a while......"), 0o600)
	if _, err := RestoreFile(ctx, junk, lib); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("junk restored: %v", err)
	}
}
