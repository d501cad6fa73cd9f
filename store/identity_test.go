package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/attache/attache/domain"
)

// A library put in another's place (zeta.db renamed to alpha.db) is a
// different library: it is never offered, nor restored from, alpha's
// backups, gets its own first backup, and its rotation leaves alpha's alone.
func TestBackupsBelongToTheirLibraryNotToItsName(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	alpha, zeta := filepath.Join(dir, "alpha.db"), filepath.Join(dir, "zeta.db")
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	a := openAt(t, alpha, &now)
	addSource(t, a, "Alpha's own work", chipsText)
	alphaBackup, err := a.AutoBackup(ctx)
	if err != nil || alphaBackup == "" {
		t.Fatalf("alpha's backup = %q, %v", alphaBackup, err)
	}
	a.Close()
	z := openAt(t, zeta, &now)
	addSource(t, z, "Zeta's work", fiveGText)
	z.Close()
	if err := os.Rename(zeta, alpha); err != nil {
		t.Fatal(err)
	}

	if got := NewestBackup(alpha); got != "" {
		t.Fatalf("the library now at alpha.db is offered %q, a backup of the old alpha", got)
	}
	if _, err := RestoreFile(ctx, alphaBackup, alpha); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("restoring another library's backup over alpha.db = %v, want a refusal", err)
	}
	s := openAt(t, alpha, &now)
	first, err := s.AutoBackup(ctx)
	if err != nil || first == "" {
		t.Fatalf("the library now at alpha.db got no backup of its own: %q, %v", first, err)
	}
	for range keepBackups + 2 {
		now = now.Add(25 * time.Hour)
		if _, err := s.AutoBackup(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(alphaBackup); err != nil {
		t.Fatalf("rotation deleted the other library's backup: %v", err)
	}
	if n := len(backupsOf(ctx, alpha, s.ident, BackupDir(alpha))); n != keepBackups {
		t.Fatalf("the library keeps %d of its own backups, want %d", n, keepBackups)
	}
	newest := NewestBackup(alpha)
	if newest == "" || newest == alphaBackup {
		t.Fatalf("newest backup = %q", newest)
	}

	// A copy of old alpha's backup under a newer name, in either folder, is
	// still not this library's, even when the library cannot be read and
	// only the backups folder's record says which library it is.
	planted := []string{
		filepath.Join(BackupDir(alpha), "alpha-20300101-000000-daily.db"),
		filepath.Join(dir, "backups", "alpha-20300102-000000-daily.db"),
	}
	for _, p := range planted {
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := writeSynced(alphaBackup, p); err != nil {
			t.Fatal(err)
		}
	}
	if got := NewestBackup(alpha); got != newest {
		t.Fatalf("newest backup with planted ones = %q, want %q", got, newest)
	}
	s.Close()
	data, _ := os.ReadFile(alpha)
	copy(data[:16], "garbage header!!")
	if err := os.WriteFile(alpha, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if got := NewestBackup(alpha); got != newest {
		t.Fatalf("newest backup of the unreadable library = %q, want %q", got, newest)
	}
	if _, err := RestoreFile(ctx, planted[0], alpha); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("restoring another library's backup over the damaged one = %v, want a refusal", err)
	}
	if _, err := RestoreFile(ctx, newest, alpha); err != nil {
		t.Fatalf("restoring its own backup: %v", err)
	}
}

// A backup taken before ids existed (before migration 005) still belongs to
// its library, by the time the library was made.
func TestBackupsFromBeforeIDsStillBelong(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "lib.db")
	ms, _ := migrations()
	db := oldLibrary(t, path, 3)
	if _, err := db.Exec(`UPDATE schema_migrations SET applied_at = '2025-01-02T03:04:05.123456789Z'`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.ident.id == "" || s.ident.created != "2025-01-02T03:04:05.123456789Z" {
		t.Fatalf("identity after upgrading to %d = %+v", ms[len(ms)-1].version, s.ident)
	}
	b := NewestBackup(path)
	if id, err := readIdentity(ctx, b); err != nil || id.id != "" {
		t.Fatalf("the backup before migrating = %q (%+v, %v), want one without an id", b, id, err)
	}
}
