package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/testfs"
)

// damagedLibrary makes a library with a briefing and a good automatic
// backup, then damages the pages of its sources' text (and their search
// index); it returns the path and the backup.
func damagedLibrary(t *testing.T) (path, backup string) {
	t.Helper()
	ctx := context.Background()
	path = filepath.Join(t.TempDir(), "lib.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 10 {
		addSource(t, s, fmt.Sprintf("Chips %d", i), chipsText+strings.Repeat(" Overflow ZQXJ.", 2000+i))
	}
	if err := s.CreateBriefing(ctx, &domain.Briefing{Title: "Kept"}); err != nil {
		t.Fatal(err)
	}
	if backup, err = s.AutoBackup(ctx); err != nil || backup == "" {
		t.Fatalf("backup %q %v", backup, err)
	}
	s.Close()
	testfs.DamagePages(t, path, "Overflow ZQXJ")
	return path, backup
}

func wantRefusedForDamage(t *testing.T, what string, err error) {
	t.Helper()
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "makes no more changes to it: nothing was changed") {
		t.Fatalf("%s in a library known to be damaged = %v; want a refusal saying so", what, err)
	}
}

// Once a check has found damage, writes are refused, here and in the next
// run, until a backup is restored; a backup is refused as the library's
// fault, not the disk's.
func TestKnownDamageRefusesWrites(t *testing.T) {
	ctx := context.Background()
	path, backup := damagedLibrary(t)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(ctx); !errors.Is(err, ErrDamaged) {
		t.Fatalf("check = %v", err)
	}
	// A version of the briefing touches none of the damaged pages: SQLite
	// alone would take it.
	_, err = s.CreateSnapshot(ctx, 1, "after the check")
	wantRefusedForDamage(t, "a version of a briefing", err)
	if !strings.Contains(err.Error(), "attache restore "+backup) {
		t.Fatalf("the refusal does not name the backup: %v", err)
	}
	dest := filepath.Join(t.TempDir(), "copy.db")
	err = s.Backup(ctx, dest)
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "itself has damaged pages") || strings.Contains(err.Error(), "another disk") {
		t.Fatalf("backup of a damaged library = %v; want it blamed on the library", err)
	}
	if exists(dest) || exists(dest+".part") {
		t.Fatal("the refused backup left a file")
	}
	s.Close()

	// The next run knows too, without checking.
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.CreateSnapshot(ctx, 1, "next run")
	wantRefusedForDamage(t, "a version in the next run", err)
	s.Close()

	if _, err := RestoreFile(ctx, backup, path); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.CreateBriefing(ctx, &domain.Briefing{Title: "After the restore"}); err != nil {
		t.Fatalf("a write after restoring: %v", err)
	}
}

// Damage met by any read counts as known, and a backup of a library not yet
// checked blames the library when its copy reads back damaged.
func TestDamageSeenInPassingRefusesWrites(t *testing.T) {
	ctx := context.Background()
	path, _ := damagedLibrary(t)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.Backup(ctx, filepath.Join(t.TempDir(), "copy.db"))
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "itself has damaged pages") {
		t.Fatalf("backup of an unchecked damaged library = %v", err)
	}
	s.clearDamage()
	if _, err := s.Sources(ctx, domain.SourceFilter{}); err == nil {
		// The listing may not touch the damaged pages; the text does.
		list, _ := s.Sources(ctx, domain.SourceFilter{})
		if _, err = s.Source(ctx, list[0].ID); err == nil {
			t.Fatal("reading a damaged page succeeded")
		}
	}
	wantRefusedForDamage(t, "an excerpt", s.CreateExcerpt(ctx, &domain.Excerpt{SourceID: 1, Quote: "Washington"}))
}

// A check that finds the file sound again (it was replaced) clears it.
func TestASoundCheckClearsKnownDamage(t *testing.T) {
	ctx := context.Background()
	path, backup := damagedLibrary(t)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	_ = s.Check(ctx)
	s.Close()
	if err := writeSynced(backup, path); err != nil { // replaced by hand
		t.Fatal(err)
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.CreateSnapshot(ctx, 1, "before the check")
	wantRefusedForDamage(t, "a write before the check", err)
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateBriefing(ctx, &domain.Briefing{Title: "x"}); err != nil {
		t.Fatalf("a write after a sound check: %v", err)
	}
	if exists(damageFile(path)) {
		t.Fatal("the record of the damage is still there")
	}
}
