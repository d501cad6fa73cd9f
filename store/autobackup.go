package store

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// keepBackups is how many automatic backups are kept; older ones go.
const keepBackups = 7

// BackupDir is where automatic backups of the library at path are kept.
func BackupDir(path string) string { return filepath.Join(filepath.Dir(path), "backups") }

// AutoBackup backs the library up into BackupDir when the newest automatic
// backup is older than a day (or there is none), then keeps the newest
// seven. It returns the new file, or "" when none was due.
//
// A read-only library is not backed up (nothing can change it), and a
// damaged one is refused: rotating it in would push out the good backups.
func (s *Store) AutoBackup(ctx context.Context) (string, error) {
	if s.readOnly {
		return "", nil
	}
	if at, ok := backupTime(NewestBackup(s.path)); ok && s.now().Sub(at) < 24*time.Hour {
		return "", nil
	}
	if err := s.Check(ctx); err != nil {
		return "", err
	}
	return s.backupInto(ctx, BackupDir(s.path), "daily")
}

func (s *Store) backupInto(ctx context.Context, dir, why string) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	name := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path)) + "-" + s.now().UTC().Format(backupStampLayout) + "-" + why + ".db"
	dest := filepath.Join(dir, name)
	if err := s.Backup(ctx, dest); err != nil {
		return "", err
	}
	list := backups(dir)
	for len(list) > keepBackups {
		_ = os.Remove(list[0])
		list = list[1:]
	}
	return dest, nil
}

// backups lists the automatic backups, oldest first (names sort by time).
func backups(dir string) []string {
	names, _ := filepath.Glob(filepath.Join(dir, "*.db"))
	sort.Strings(names)
	return names
}

// backupStampLayout is the time in a backup's name; backupStamp finds it.
const backupStampLayout = "20060102-150405"

var backupStamp = regexp.MustCompile(`-(\d{8}-\d{6})-[a-z-]+\.db$`)

// backupTime reads the time a backup was taken from its name.
func backupTime(name string) (time.Time, bool) {
	m := backupStamp.FindStringSubmatch(name)
	if m == nil {
		return time.Time{}, false
	}
	t, err := time.Parse(backupStampLayout, m[1])
	return t, err == nil
}
