package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/atomicfile"
)

// Backup writes a consistent copy of the library to dest with SQLite's
// online backup API while writers carry on. The copy goes to a temporary
// name beside dest (private to this user), is checked, and takes its
// name only when complete (internal/atomicfile).
func (s *Store) Backup(ctx context.Context, dest string) error {
	if s.dialect == postgresDialect {
		return serverBackupAdvice(s.path)
	}
	if fi, err := os.Stat(dest); err == nil && fi.IsDir() {
		return domain.Errorf(domain.EINVALID, "%s is a folder: give the backup a file name, e.g. %s", dest, filepath.Join(dest, "attache-backup.db"))
	}
	if err := s.knownDamage(); err != nil {
		return s.damagedBackup(dest)
	}
	f, err := atomicfile.Create(ctx, dest, 0o600)
	if err != nil {
		return backupFileError(dest, err)
	}
	defer f.Abort()
	if err := s.copyLibrary(ctx, f.Name()); err != nil {
		return err
	}
	if err := CheckBackup(ctx, f.Name()); err != nil {
		// A copy of a damaged library reads back damaged: blame the
		// library, not the disk the copy went to.
		if cerr := s.Check(ctx); isDamage(cerr) {
			return s.damagedBackup(dest)
		}
		return domain.Errorf(domain.EINVALID, "the backup %s did not read back after writing (%s): try again, or back up to another disk", dest, domain.ErrorMessage(err))
	}
	if err := f.Commit(ctx); err != nil {
		return fmt.Errorf("back up: %w", err)
	}
	return nil
}

// CheckBackup opens a file read-only and tells whether it is an intact
// Attaché library this version can read.
func CheckBackup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return domain.Errorf(domain.EINVALID, "there is no backup file %s: check its name (automatic backups are kept in a folder beside the library, named after it with .backups)", path)
	} else if err != nil {
		return pathProblem("read the backup "+path, path, err)
	}
	db, err := sql.Open("sqlite3", fileURI(path, "mode=ro"))
	if err != nil {
		return fmt.Errorf("open backup: %w", err)
	}
	defer db.Close()
	if problems, err := quickCheck(ctx, db); err != nil || len(problems) > 0 {
		if len(problems) == 0 {
			problems = []string{err.Error()}
		}
		return domain.Errorf(domain.EINVALID, "%s is damaged or not an Attaché library (%s): choose another backup", path, strings.TrimSpace(problems[0]))
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

// damagedBackup is the refusal to back up a library with damaged pages: the
// copy would hold the same damage, and as an automatic backup it could push
// a good one out.
func (s *Store) damagedBackup(dest string) error {
	s.mu.Lock()
	found := s.damage
	s.mu.Unlock()
	return &damageRefusal{damagedError{domain.Errorf(domain.EINVALID, "%s was not written: the library %s itself has damaged pages (%s), and a copy would hold the same damage. To keep the damaged file as it is, copy the file itself (with its -wal file, if any)%s", dest, s.path, found, backupAdvice(s.path))}}
}

func backupFileError(dest string, err error) error {
	switch {
	case isReadOnlyErr(err):
		return domain.Errorf(domain.EINVALID, "cannot write the backup %s: the folder is read-only; choose another place", dest)
	case errors.Is(err, syscall.ENOSPC):
		return domain.Errorf(domain.EINVALID, "cannot write the backup %s: the disk is full; free some space or choose another disk", dest)
	}
	return fmt.Errorf("back up to %s: %w", dest, err)
}

// RestoreFile replaces the library at libPath with the backup, keeping the
// current library beside it as libPath + ".before-restore". The library
// must not be open.
func RestoreFile(ctx context.Context, backup, libPath string) (kept string, err error) {
	libPath = realPath(libPath)
	if err := CheckBackup(ctx, backup); err != nil {
		return "", err
	}
	if err := checkBelongs(ctx, backup, libPath); err != nil {
		return "", err
	}
	// The backup's copy takes the library's name only at the end, whole
	// (internal/atomicfile); Abort removes it on every other way out.
	f, err := atomicfile.Create(ctx, libPath, 0o600)
	if err != nil {
		return "", pathProblem("restore the backup into "+libPath, libPath, err)
	}
	defer f.Abort()
	if err := copyFrom(backup, f.Writer()); err != nil {
		return "", pathProblem("restore the backup into "+libPath, libPath, err)
	}
	if exists(libPath) {
		// Never over an earlier kept library: it may be the only copy of
		// the damaged original that a first restore set aside.
		kept = libPath + ".before-restore"
		for i := 2; exists(kept); i++ {
			kept = fmt.Sprintf("%s.before-restore-%d", libPath, i)
		}
		// A second name for the current file, so that at no moment is
		// there no library: the rename below replaces it in one step.
		if err := os.Link(libPath, kept); err != nil {
			if err := writeSynced(libPath, kept); err != nil {
				return "", pathProblem("keep the current library aside as "+kept+", so nothing was restored", libPath, err)
			}
		}
		// Its log belongs to it, not to the backup: left in place, SQLite
		// would replay the old log into the restored library.
		if err := moveLog(libPath, kept); err != nil {
			_ = os.Remove(kept)
			return "", pathProblem("move the current library's log aside (to "+kept+"-wal), so nothing was restored", libPath, err)
		}
	}
	// Not to be cancelled now: the current library's log went with it.
	if err := f.Commit(context.WithoutCancel(ctx)); err != nil {
		return kept, pathProblem("restore the backup into "+libPath, libPath, err)
	}
	// The damage found was the set-aside file's; the backup is sound.
	_ = os.Remove(damageFile(libPath))
	return kept, nil
}

// moveLog renames the library's write-ahead log and shared-memory index
// to go with kept. A file that is not there is fine; any other failure
// puts back what was moved, so the library and its log stay together.
func moveLog(libPath, kept string) error {
	var moved []string
	for _, ext := range []string{"-wal", "-shm"} {
		err := os.Rename(libPath+ext, kept+ext)
		if errors.Is(err, fs.ErrNotExist) {
			if _, serr := os.Lstat(libPath + ext); errors.Is(serr, fs.ErrNotExist) {
				continue // no log: nothing to replay
			}
		}
		if err != nil {
			for _, e := range moved {
				_ = os.Rename(kept+e, libPath+e)
			}
			return err
		}
		moved = append(moved, ext)
	}
	return nil
}

// checkBelongs refuses to put a backup of another library in the place of
// the library at libPath: by mistake, that swaps one body of work for
// another. A library that is not there, or whose identity is unknown (see
// libraryIdentity), takes any backup.
func checkBelongs(ctx context.Context, backup, libPath string) error {
	if !exists(libPath) {
		return nil
	}
	lib := libraryIdentity(ctx, libPath)
	if !lib.known() {
		return nil
	}
	if b, err := readIdentity(ctx, backup); err == nil && !lib.same(b) {
		return domain.Errorf(domain.EINVALID, "%s is a backup of another library, not of %s: restoring it would put that library in this one's place. Choose a backup of this library (in %s); to replace the library with the other one all the same, move %s aside first, then restore", backup, libPath, BackupDir(libPath), libPath)
	}
	return nil
}

// writeSynced copies from to a new file to, on disk before it returns.
func writeSynced(from, to string) error {
	out, err := os.OpenFile(to, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if err := copyFrom(from, out); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// copyFrom copies the file from to w.
func copyFrom(from string, w io.Writer) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	_, err = io.Copy(w, in)
	return err
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
