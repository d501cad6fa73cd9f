package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/attache/attache/domain"
)

// ReadOnly tells whether the library was opened read-only because its file
// or folder cannot be written.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Writable tells whether this user can write the library at path (or
// create it there): the desktop app guards only such libraries with Lock,
// so a reader of a colleague's library neither needs the lock file nor
// keeps its owner out.
func Writable(path string) bool {
	path = realPath(path)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		dir := filepath.Dir(path)
		return os.MkdirAll(dir, 0o700) == nil && probeFolder(dir) == nil
	}
	return canWrite(path)
}

// prepareFile creates the library file if it is missing (and create is
// set) and tells whether the library can be written: the file itself and
// its folder, where SQLite keeps the write-ahead log beside it. An empty
// file with a backup is refused: it is a library whose contents were lost,
// not a new one.
func prepareFile(path string, create bool) (writable bool, err error) {
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		return false, domain.Errorf(domain.EINVALID, "the library path %s is a folder: give the path of a library file, e.g. %s", path, filepath.Join(path, "library.db"))
	case err == nil && !fi.Mode().IsRegular():
		// SQLite would wait forever on a pipe, and read nothing from a
		// device: neither can hold a library.
		return false, domain.Errorf(domain.EINVALID, "%s is not a library file but a device, a pipe or a socket: give the path of a library file with --db", path)
	case err == nil && fi.Size() == 0:
		if b := NewestBackup(path); b != "" {
			return false, emptyLibrary(path, b)
		}
		if !create {
			// Setting it up is a write, and it may have been a library.
			return false, domain.Errorf(domain.EINVALID, "the library file %s is empty (0 bytes), and there is no backup of it: if it held a library, look for a copy of it elsewhere; to start a new library in it, import a file into it (attache import FILE --db %s)", path, domain.ShellQuote(path))
		}
		return canWrite(path), nil
	case err == nil:
		return canWrite(path), nil
	case !errors.Is(err, fs.ErrNotExist):
		return false, pathProblem("open the library "+path, path, err)
	case !create:
		return false, missingLibrary(path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return false, cannotCreate(path, err)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return false, cannotCreate(path, err)
	}
	return true, f.Close()
}

// ErrEmpty marks a library file of 0 bytes that has backups: whatever it
// held is gone, and setting it up as a new library would bury that.
var ErrEmpty = errors.New("empty library file")

// emptyLibrary is the error for an emptied library: it matches ErrEmpty
// and ErrDamaged, so the app offers the backup as for a damaged one.
func emptyLibrary(path, backup string) error {
	return &emptyError{damagedError{domain.Errorf(domain.EINVALID, "the library file %s is empty (0 bytes): whatever it held is gone (a full disk, or a copy or download cut short, can do this): restore the newest backup with `%s` (the empty file is kept beside it)", path, restoreCommand(backup, path))}}
}

type emptyError struct{ damagedError }

func (e *emptyError) Unwrap() []error { return []error{e.user, ErrDamaged, ErrEmpty} }

func cannotCreate(path string, err error) error {
	if errors.Is(err, fs.ErrPermission) {
		return domain.Errorf(domain.EINVALID, "cannot create a library at %s: you may not write in its folder (permission denied); choose a folder you can write to with --db", path)
	}
	return pathProblem("create a library at "+path, path, err)
}

// canWrite probes for real: as root, permission bits say nothing.
func canWrite(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return !isReadOnlyErr(err)
	}
	f.Close()
	if err := probeFolder(filepath.Dir(path)); err != nil {
		return !isReadOnlyErr(err)
	}
	return true
}

// probeFolder makes and removes a file in dir, to learn whether new files
// (SQLite's log beside the library) can be made there.
func probeFolder(dir string) error {
	probe, err := os.CreateTemp(dir, ".attache-probe-*")
	if err != nil {
		return err
	}
	probe.Close()
	_ = os.Remove(probe.Name())
	return nil
}

func isReadOnlyErr(err error) bool {
	return errors.Is(err, syscall.EROFS) || errors.Is(err, fs.ErrPermission)
}

// openReadOnly opens the library for reading only. SQLite reads a library
// in WAL mode through a shared-memory file beside it; when that file is
// missing and cannot be made, the library can still be read as immutable,
// but only on a read-only file system, where nobody can change it under
// us (immutable reads of a file another user writes see torn pages).
func openReadOnly(ctx context.Context, path string) (*Store, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, pathProblem("read the library "+path, path, err)
	}
	f.Close()
	s := &Store{path: path, readOnly: true, now: utcNow}
	err = s.openReader(ctx, path, false)
	if isOlderSchema(err) {
		// An earlier Attaché's library cannot be upgraded here; a private
		// copy of it can be, and read instead.
		s.Close()
		return openCopy(ctx, path)
	}
	if err != nil && !isSchemaError(err) && !isDamage(err) {
		switch {
		case !readOnlyFS(path):
			s.Close()
			return openCopy(ctx, path)
		case hasLog(path):
			// Immutable would ignore the log and show an older library.
			s.Close()
			return nil, domain.Errorf(domain.EINVALID, "the library %s is read-only and holds changes not yet merged into it (%s): open it once where it can be written, or copy the library with that file to a folder you can write to", path, filepath.Base(path)+"-wal")
		}
		err = s.openReader(ctx, path, true)
	}
	if err != nil {
		s.Close()
		if isSchemaError(err) {
			return nil, err
		}
		return nil, damagedHint(path, dbError("open the library", err))
	}
	return s, nil
}

// openCopy reads a private copy of a library this user may read but
// not write, in a folder they cannot write either (a colleague's): SQLite
// cannot read it in place without a shared-memory file beside it, and
// reading it as immutable could show torn pages while its owner writes.
// The copy is checked, and taken once more if it was caught mid-write.
func openCopy(ctx context.Context, path string) (*Store, error) {
	var err error
	for range 2 {
		var s *Store
		if s, err = copyOnce(ctx, path); err == nil {
			return s, nil
		}
		if isSchemaError(err) {
			return nil, err
		}
	}
	if isDamage(err) {
		return nil, err
	}
	return nil, domain.Errorf(domain.EINVALID, "the library %s can only be read here, and a copy of it to read could not be made (%s): copy it to a folder you can write to and open the copy with --db", path, domain.ErrorMessage(err))
}

func copyOnce(ctx context.Context, path string) (*Store, error) {
	dir, owner, err := makeCopyDir()
	if err != nil {
		return nil, err
	}
	s := &Store{path: path, readOnly: true, copyDir: dir, copyOwner: owner, now: utcNow}
	s.copyTaken = s.now()
	copyPath := filepath.Join(dir, "library.db")
	before := fileStamps(path)
	err = writeSynced(path, copyPath)
	if err == nil && hasLog(path) {
		err = writeSynced(path+"-wal", copyPath+"-wal")
	}
	if err == nil && fileStamps(path) != before {
		err = errors.New("the library changed while it was being copied")
	}
	if err == nil {
		err = s.openReader(ctx, copyPath, false)
	}
	if isOlderSchema(err) {
		// The library cannot be upgraded here, but the private copy can.
		if err = upgradeCopy(ctx, copyPath); err == nil {
			err = s.openReader(ctx, copyPath, false)
		}
	}
	if err == nil {
		err = s.Check(ctx)
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// fileStamps is the size and time of the library and its log, which change
// whenever its owner writes.
func fileStamps(path string) string {
	var b strings.Builder
	for _, p := range []string{path, path + "-wal"} {
		if fi, err := os.Stat(p); err == nil {
			fmt.Fprintf(&b, "%d/%d;", fi.Size(), fi.ModTime().UnixNano())
		}
	}
	return b.String()
}

// ReadingCopy tells when the private copy being read was taken, for a library
// opened from a copy (see openCopy); ok is false otherwise.
func (s *Store) ReadingCopy() (taken time.Time, ok bool) {
	return s.copyTaken, s.copyDir != ""
}

func (s *Store) openReader(ctx context.Context, path string, immutable bool) error {
	if s.r != nil {
		s.r.Close()
	}
	var err error
	if s.r, err = sql.Open("sqlite3", readOnlyDSN(path, immutable)); err != nil {
		return fmt.Errorf("open library %s: %w", path, err)
	}
	s.r.SetMaxOpenConns(4)
	return s.checkSchema(ctx)
}

// schemaError is checkSchema's verdict on a library it could read; older
// is set for a library an earlier Attaché wrote, which only needs upgrading.
type schemaError struct {
	user  *domain.Error
	older bool
}

func (e schemaError) Error() string { return e.user.Message }
func (e schemaError) Unwrap() error { return e.user }

func isSchemaError(err error) bool {
	var se schemaError
	return errors.As(err, &se)
}

func isOlderSchema(err error) bool {
	var se schemaError
	return errors.As(err, &se) && se.older
}

// upgradeCopy brings a private copy of a library an earlier Attaché wrote up
// to this version's schema, so a colleague's library is still read after an
// upgrade on this side only.
func upgradeCopy(ctx context.Context, path string) error {
	s, err := Open(ctx, path)
	if err != nil {
		return err
	}
	return s.Close()
}

func hasLog(path string) bool {
	fi, err := os.Stat(path + "-wal")
	return err == nil && fi.Size() > 0
}

func readOnlyDSN(path string, immutable bool) string {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Set("_query_only", "1")
	q.Set("_busy_timeout", "5000")
	q.Set("_foreign_keys", "on")
	if immutable {
		q.Set("immutable", "1")
	}
	return fileURI(path, q.Encode())
}

// checkSchema accepts a read-only library only at this version's schema:
// an older one would need migrating, which cannot be written.
func (s *Store) checkSchema(ctx context.Context) error {
	var current int
	err := s.r.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current)
	if err != nil {
		var n int
		if s.r.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&n) == nil && n == 0 {
			return schemaError{user: domain.Errorf(domain.EINVALID, "the library %s is empty and read-only, so Attaché cannot set it up: choose a folder you can write to with --db", s.path)}
		}
		return err // SQLite's own error, for openReadOnly to judge
	}
	ms, err := migrations()
	if err != nil {
		return err
	}
	switch latest := ms[len(ms)-1].version; {
	case current > latest:
		return schemaError{user: domain.Errorf(domain.EINVALID, "the library %s was written by a newer version of Attaché (schema %d, this version knows %d): update Attaché to open it", s.path, current, latest)}
	case current < latest:
		return schemaError{user: domain.Errorf(domain.EINVALID, "the library %s was made by an older Attaché and must be upgraded, but it is read-only: copy it to a folder you can write to and open the copy with --db", s.path), older: true}
	}
	return nil
}

func (s *Store) readOnlyError() error {
	if s.dialect == postgresDialect {
		return domain.Errorf(domain.EINVALID, "your account may read the team library %s but not change it: nothing was changed. Ask whoever runs the database to grant it write access (see the team library page of the documentation)", s.path)
	}
	return domain.Errorf(domain.EINVALID, "the library %s is read-only (its file or folder cannot be written): nothing was changed. To edit, copy it to a folder you can write to and open the copy with --db", s.path)
}
