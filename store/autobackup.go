package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// keepBackups is how many automatic backups are kept; older ones go.
const keepBackups = 7

// BackupDir is where automatic backups of the library at path are kept: a
// folder named after the library file, beside it, so libraries that share a
// folder (reports/a.db, reports/b.db) never mix or rotate out each other's.
func BackupDir(path string) string { return path + ".backups" }

// legacyBackupDir is where earlier versions kept every library's
// backups: "backups" beside the library, shared by all libraries there.
func legacyBackupDir(path string) string { return filepath.Join(filepath.Dir(path), "backups") }

// AutoBackup backs the library up into BackupDir when the newest automatic
// backup is older than a day (or there is none), then keeps the newest
// seven. It returns the new file, or "" when none was due.
//
// A read-only library is not backed up (nothing can change it), and a
// damaged one is refused: rotating it in would push out the good backups.
func (s *Store) AutoBackup(ctx context.Context) (string, error) {
	if s.readOnly || s.dialect == postgresDialect { // a server keeps its own backups
		return "", nil
	}
	if at, ok := backupTime(newestBackup(ctx, s.path, s.ident)); ok && s.now().Sub(at) < 24*time.Hour {
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
	name := backupPrefix(s.path) + s.now().UTC().Format(backupStampLayout) + "-" + why
	dest := filepath.Join(dir, name+".db")
	// Never over another file: it may be another library's backup taken in
	// the same second under the same name.
	for i := 2; exists(dest); i++ {
		dest = filepath.Join(dir, fmt.Sprintf("%s-%d.db", name, i))
	}
	if err := s.Backup(ctx, dest); err != nil {
		return "", err
	}
	recordIdentity(s.path, s.ident)
	// Only this library's own backups are rotated out: a file of another
	// library's, or one that cannot be read, is never deleted here.
	list := backupsOf(ctx, s.path, s.ident, BackupDir(s.path))
	for len(list) > keepBackups {
		_ = os.Remove(list[0])
		list = list[1:]
	}
	return dest, nil
}

// backups lists the automatic backups of the library at path in its own
// folder, oldest first (names sort by time).
func backups(path string) []string {
	ctx := context.Background()
	return backupsOf(ctx, path, libraryIdentity(ctx, path), BackupDir(path))
}

// backupsOf lists, oldest first, the files in dirs named as backups of the
// library at path whose identity is ident's. When the library's identity is
// unknown (a file never read by this version, since damaged), the names
// alone decide.
func backupsOf(ctx context.Context, path string, ident identity, dirs ...string) []string {
	var own []string
	for _, dir := range dirs {
		for _, b := range backupsIn(dir, path) {
			if !ident.known() {
				own = append(own, b)
				continue
			}
			if id, err := readIdentity(ctx, b); err == nil && ident.same(id) {
				own = append(own, b)
			}
		}
	}
	return own
}

// backupsIn lists the files in dir named as backups of the library at path.
func backupsIn(dir, path string) []string {
	entries, _ := os.ReadDir(dir)
	prefix := backupPrefix(path)
	var names []string
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && strings.HasPrefix(n, prefix) && backupName.MatchString(n[len(prefix):]) {
			names = append(names, filepath.Join(dir, n))
		}
	}
	sort.Strings(names)
	return names
}

// backupPrefix starts the name of every backup of the library at path:
// reports/x.db's are x-20260301-090000-daily.db and the like.
func backupPrefix(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + "-"
}

// NewestBackup is the newest automatic backup of the library at path, or
// "": only a backup of this very library (see identity) counts. Backups an
// earlier version left in the shared backups folder count when their names
// and identity show they are this library's.
func NewestBackup(path string) string {
	path = realPath(path)
	ctx := context.Background()
	return newestBackup(ctx, path, libraryIdentity(ctx, path))
}

func newestBackup(ctx context.Context, path string, ident identity) string {
	all := backupsOf(ctx, path, ident, BackupDir(path), legacyBackupDir(path))
	newest, newestAt := "", time.Time{}
	for _, b := range all {
		if at, ok := backupTime(b); ok && (newest == "" || !at.Before(newestAt)) {
			newest, newestAt = b, at
		}
	}
	return newest
}

// backupStampLayout is the time in a backup's name; backupStamp finds it.
const backupStampLayout = "20060102-150405"

var backupStamp = regexp.MustCompile(`-(\d{8}-\d{6})-[a-z-]+(-\d+)?\.db$`)

// backupName is what follows the library's prefix in a backup's name.
var backupName = regexp.MustCompile(`^\d{8}-\d{6}-[a-z-]+(-\d+)?\.db$`)

// backupTime reads the time a backup was taken from its name.
func backupTime(name string) (time.Time, bool) {
	m := backupStamp.FindStringSubmatch(name)
	if m == nil {
		return time.Time{}, false
	}
	t, err := time.Parse(backupStampLayout, m[1])
	return t, err == nil
}
