package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/testfs"
)

func TestBackupAndRestoreFile(t *testing.T) {
	sqliteOnly(t)
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

	// A backup of another library is not restored over this one.
	lib := filepath.Join(t.TempDir(), "library.db")
	other, err := Open(ctx, lib)
	if err != nil {
		t.Fatal(err)
	}
	other.Close()
	if _, err := RestoreFile(ctx, dest, lib); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("another library's backup restored: %v", err)
	}
	// Restore over the same library, changed since: it is kept aside.
	if err := writeSynced(dest, lib); err != nil {
		t.Fatal(err)
	}
	if other, err = Open(ctx, lib); err != nil {
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

func TestAutoBackupIsDailyAndRotated(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	s := openTest(t)
	addSource(t, s, "Chips", chipsText)
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return now })
	first, err := s.AutoBackup(ctx)
	if err != nil || first == "" {
		t.Fatalf("first backup %q %v", first, err)
	}
	if again, _ := s.AutoBackup(ctx); again != "" {
		t.Fatal("a second backup on the same day")
	}
	for i := 0; i < 9; i++ {
		now = now.Add(25 * time.Hour)
		f, err := s.AutoBackup(ctx)
		if err != nil || f == "" {
			t.Fatalf("day %d: %q %v", i, f, err)
		}
	}
	if n := len(backups(s.Path())); n != keepBackups {
		t.Fatalf("%d backups kept", n)
	}
}

func TestMigrationKeepsABackupFirst(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "lib.db")
	// A library from before the last migration.
	ms, _ := migrations()
	oldLibrary(t, path, ms[len(ms)-1].version-1).Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list := backups(path)
	if len(list) != 1 || !strings.Contains(list[0], "before-migration") {
		t.Fatalf("backups %v", list)
	}
}

func TestDamagedLibraryPointsAtTheNewestBackup(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "lib.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	addSource(t, s, "Chips", chipsText)
	backup, err := s.AutoBackup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	data, _ := os.ReadFile(path)
	copy(data[:16], "garbage header!!")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = Open(ctx, path)
	if !errors.Is(err, ErrDamaged) || domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(err.Error(), backup) {
		t.Fatalf("open damaged: %v", err)
	}
	if _, err := RestoreFile(ctx, NewestBackup(path), path); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("after restore: %v", err)
	}
	s.Close()
}

func TestCheckFindsDamageAndAutoBackupKeepsTheGoodOnes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "lib.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		addSource(t, s, fmt.Sprintf("Chips %d", i), chipsText+strings.Repeat(" Overflow ZQXJ.", 2000+i))
	}
	if err := s.Check(ctx); err != nil {
		t.Fatalf("check a sound library: %v", err)
	}
	good, err := s.AutoBackup(ctx)
	if err != nil || good == "" {
		t.Fatalf("first backup = %q, %v", good, err)
	}
	s.Close()
	testfs.DamagePages(t, path, "Overflow ZQXJ")

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("open a library damaged where open does not look: %v", err)
	}
	defer s.Close()
	err = s.Check(ctx)
	if !errors.Is(err, ErrDamaged) || !strings.Contains(domain.ErrorMessage(err), filepath.Base(good)) {
		t.Fatalf("check a damaged library = %v; want ErrDamaged naming %s", err, good)
	}
	s.SetClock(func() time.Time { return time.Now().Add(48 * time.Hour) })
	if b, err := s.AutoBackup(ctx); err == nil || b != "" {
		t.Fatalf("automatic backup of a damaged library = %q, %v; want a refusal", b, err)
	}
	if list := backups(path); len(list) != 1 || list[0] != good {
		t.Fatalf("backups after refusing = %v, want only %s", list, good)
	}
}

// openAt opens a library at path with a clock the test moves.
func openAt(t *testing.T, path string, now *time.Time) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.SetClock(func() time.Time { return *now })
	return s
}

func TestLibrariesSharingAFolderKeepTheirBackupsApart(t *testing.T) {
	ctx := context.Background()
	reports := filepath.Join(t.TempDir(), "reports")
	if err := os.Mkdir(reports, 0o700); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	a := openAt(t, filepath.Join(reports, "x.db"), &now)
	b := openAt(t, filepath.Join(reports, "y.db"), &now)
	bFirst, err := b.AutoBackup(ctx)
	if err != nil || filepath.Dir(bFirst) != filepath.Join(reports, "y.db.backups") {
		t.Fatalf("y's backup = %q, %v; want it in reports/y.db.backups", bFirst, err)
	}
	for range keepBackups + 2 {
		got, err := a.AutoBackup(ctx)
		if err != nil || filepath.Dir(got) != filepath.Join(reports, "x.db.backups") {
			t.Fatalf("x's backup = %q, %v; want it in reports/x.db.backups", got, err)
		}
		now = now.Add(25 * time.Hour)
	}
	if _, err := os.Stat(filepath.Join(reports, "backups")); !os.IsNotExist(err) {
		t.Fatalf("a shared backups folder was made: %v", err)
	}
	if n := len(backups(a.Path())); n != keepBackups {
		t.Fatalf("x keeps %d backups, want %d", n, keepBackups)
	}
	// x's rotation never touches y's backups, and each newest is its own.
	if got := NewestBackup(b.Path()); got != bFirst {
		t.Fatalf("y's newest backup = %q, want %q", got, bFirst)
	}
	if got := NewestBackup(a.Path()); !strings.HasPrefix(filepath.Base(got), "x-") {
		t.Fatalf("x's newest backup = %q", got)
	}
}

func TestBackupsInTheOldSharedFolderAreFoundOnlyByName(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	s := openAt(t, path, &now)
	old := filepath.Join(dir, "backups")
	if err := os.Mkdir(old, 0o700); err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(old, "library-20260228-120000-daily.db")
	for _, n := range []string{mine, filepath.Join(old, "other-20260301-080000-daily.db"), filepath.Join(old, "library-notes.db")} {
		if err := s.Backup(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	if got := NewestBackup(path); got != mine {
		t.Fatalf("newest backup = %q, want this library's old one %q", got, mine)
	}
	// Less than a day old: no new backup is due yet.
	if got, err := s.AutoBackup(ctx); got != "" || err != nil {
		t.Fatalf("backup due a day after the old one = %q, %v", got, err)
	}
	now = now.Add(24 * time.Hour)
	fresh, err := s.AutoBackup(ctx)
	if err != nil || filepath.Dir(fresh) != BackupDir(path) {
		t.Fatalf("new backup = %q, %v", fresh, err)
	}
	if got := NewestBackup(path); got != fresh {
		t.Fatalf("newest backup = %q, want %q", got, fresh)
	}
	// A file of the analyst's in the new folder is neither a backup nor rotated.
	stray := filepath.Join(BackupDir(path), "keep-me.db")
	if err := os.WriteFile(stray, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	for range keepBackups + 1 {
		now = now.Add(25 * time.Hour)
		if _, err := s.AutoBackup(ctx); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{stray, mine} {
		if _, err := os.Stat(f); err != nil {
			t.Fatalf("rotation removed %s: %v", f, err)
		}
	}
}

// A write-ahead log that cannot be moved aside stops the restore: left
// beside the restored file, SQLite would replay the old library's log
// into it.
func TestRestoreStopsWhenTheOldLogCannotMove(t *testing.T) {
	ctx := context.Background()
	lib := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(ctx, lib)
	if err != nil {
		t.Fatal(err)
	}
	addSource(t, s, "Chips", chipsText)
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, err := os.ReadFile(lib)
	if err != nil {
		t.Fatal(err)
	}
	wal := []byte("the old library's log, which must stay with it")
	if err := os.WriteFile(lib+"-wal", wal, 0o600); err != nil {
		t.Fatal(err)
	}
	// A folder with something in it where the log would go.
	blocker := lib + ".before-restore-wal"
	if err := os.MkdirAll(filepath.Join(blocker, "x"), 0o700); err != nil {
		t.Fatal(err)
	}
	kept, err := RestoreFile(ctx, backup, lib)
	if err == nil {
		t.Fatalf("restored (kept %q) with the old log left beside the library", kept)
	}
	if !strings.Contains(domain.ErrorMessage(err), "log") {
		t.Errorf("the message does not say what stopped it: %v", err)
	}
	if got, _ := os.ReadFile(lib); string(got) != string(before) {
		t.Error("the library was replaced though its log stayed")
	}
	if got, _ := os.ReadFile(lib + "-wal"); string(got) != string(wal) {
		t.Errorf("the library's log is %q, want it untouched", got)
	}
	for _, leftover := range []string{lib + ".restoring", lib + ".before-restore"} {
		if exists(leftover) {
			t.Errorf("%s left behind", leftover)
		}
	}
	// With the way clear, the same restore goes through.
	if err := os.RemoveAll(blocker); err != nil {
		t.Fatal(err)
	}
	if kept, err = RestoreFile(ctx, backup, lib); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(kept + "-wal"); string(got) != string(wal) {
		t.Errorf("the old log did not go with the kept library: %q", got)
	}
}
