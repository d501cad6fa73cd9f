package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/attache/attache/domain"
)

// Backup writes a consistent, compact copy of the library to dest with
// VACUUM INTO, which reads one snapshot while writers carry on. The copy
// goes to a temporary name beside dest and is renamed only when complete.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if fi, err := os.Stat(dest); err == nil && fi.IsDir() {
		return domain.Errorf(domain.EINVALID, "%s is a folder: give the backup a file name, e.g. %s", dest, filepath.Join(dest, "attache-backup.db"))
	}
	tmp := dest + ".part"
	_ = os.Remove(tmp)
	// The writer: query-only readers may not create the copy.
	if _, err := s.w.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		_ = os.Remove(tmp)
		return dbError("back up the library to "+dest, err)
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("back up: %w", err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("back up: %w", err)
	}
	return nil
}

// CheckBackup opens a file read-only and tells whether it is an intact
// Attaché library this version can read.
func CheckBackup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err != nil {
		return domain.Errorf(domain.EINVALID, "cannot read the backup %s: %v", path, err)
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return fmt.Errorf("open backup: %w", err)
	}
	defer db.Close()
	var check string
	if err := db.QueryRowContext(ctx, `PRAGMA quick_check`).Scan(&check); err != nil || check != "ok" {
		return domain.Errorf(domain.EINVALID, "%s is damaged or not an Attaché library (%s): choose another backup", path, strings.TrimSpace(check+errText(err)))
	}
	var version int
	if err := db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&version); err != nil {
		return domain.Errorf(domain.EINVALID, "%s is not an Attaché library: choose a file made by `attache backup`", path)
	}
	ms, err := migrations()
	if err != nil {
		return err
	}
	if latest := ms[len(ms)-1].version; version > latest {
		return domain.Errorf(domain.EINVALID, "%s was written by a newer version of Attaché: update Attaché to restore it", path)
	}
	return nil
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// RestoreFile replaces the library at libPath with the backup, keeping the
// current library beside it as libPath + ".before-restore". The library
// must not be open.
func RestoreFile(ctx context.Context, backup, libPath string) (kept string, err error) {
	if err := CheckBackup(ctx, backup); err != nil {
		return "", err
	}
	data, err := os.ReadFile(backup)
	if err != nil {
		return "", fmt.Errorf("read backup: %w", err)
	}
	tmp := libPath + ".restoring"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	if _, err := os.Stat(libPath); err == nil {
		kept = libPath + ".before-restore"
		if err := os.Rename(libPath, kept); err != nil {
			_ = os.Remove(tmp)
			return "", fmt.Errorf("restore: keep the current library: %w", err)
		}
		for _, ext := range []string{"-wal", "-shm"} {
			_ = os.Rename(libPath+ext, kept+ext)
		}
	}
	if err := os.Rename(tmp, libPath); err != nil {
		return kept, fmt.Errorf("restore: %w", err)
	}
	return kept, nil
}
