// Package store keeps the library in one SQLite file: sources, excerpts,
// briefings, their history and a full-text index over all of them.
//
// Every operation runs in one transaction, so a failure leaves nothing half
// written. Writes go through a single connection that begins transactions
// IMMEDIATE, which avoids SQLITE_BUSY deadlocks when a reader would upgrade
// to a writer; reads use a small pool of query-only connections, which WAL
// lets run beside the writer.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/attache/attache/domain"
	sqlite3 "github.com/mattn/go-sqlite3"
)

// Store is an open library. It implements domain.Library.
type Store struct {
	path     string
	w, r     *sql.DB
	now      func() time.Time
	readOnly bool
	dialect  dialect  // the database the library lives in
	ident    identity // which library this is (see identity)

	mu     sync.Mutex
	damage string // what was found damaged; "" while none is known (see damage.go)

	copyDir   string    // a private copy being read instead (see openCopy)
	copyOwner *os.File  // held open while the copy is read (see claimCopy)
	copyTaken time.Time // when it was taken

	dataVersion atomic.Int64 // the writer's data_version at the last look (see changes.go)
	wrote       atomic.Bool  // a transaction was committed through this store

	user       string      // who the changes made through this store are kept as (see SetUser)
	session    string      // names this store's writes in a team library's notices
	elsewhere  atomic.Bool // another session wrote to the team library (see listen)
	stopListen func()      // ends the team library's listener
}

var _ domain.Library = (*Store)(nil)

// Open opens (creating if needed, with mode 0600) the library at path and
// brings its schema up to date. A library on a read-only disk, or whose
// file or folder cannot be written, opens read-only: ReadOnly reports it and
// every change is refused with a message saying why. A symbolic link is
// followed: Path is the library file itself.
func Open(ctx context.Context, path string) (*Store, error) { return open(ctx, path, true) }

// OpenExisting opens the library at path as Open does, but never makes one:
// a command that only reads, given a mistyped path, must say so rather than
// leave a new empty library there.
func OpenExisting(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, false)
}

func open(ctx context.Context, path string, create bool) (*Store, error) {
	if IsServer(path) {
		return openPostgres(ctx, path, create)
	}
	cleanStaleCopiesOnce()
	real, err := resolvePath(path)
	if err != nil {
		return nil, pathProblem("open the library "+path, path, err)
	}
	path = real
	writable, err := prepareFile(path, create)
	if err != nil {
		return nil, err
	}
	if !writable {
		return openReadOnly(ctx, path)
	}
	s := &Store{path: path, now: utcNow, user: osUser()}
	if s.w, err = sql.Open("sqlite3", dsn(path, "immediate", false)); err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	s.w.SetMaxOpenConns(1)
	if s.r, err = sql.Open("sqlite3", dsn(path, "deferred", true)); err != nil {
		s.w.Close()
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	s.r.SetMaxOpenConns(4)
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, damagedHint(path, err)
	}
	// Checkpoint the log every 16 MB rather than every 4 MB: with the
	// default, importing 1,000 articles spent half its commit time copying
	// the same search-index pages into the library again and again. Close
	// still empties the log.
	if _, err := s.w.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 4000"); err != nil {
		s.Close()
		return nil, dbError("open library", err)
	}
	// Look at data_version now, as the library opens: the first look
	// used to wait for the window's first poll, a second later, so a
	// command that wrote in between (an import typed as the window came
	// up) became the baseline and was never shown.
	if _, err := s.ChangedElsewhere(ctx); err != nil {
		s.Close()
		return nil, err
	}
	s.loadDamage()
	return s, nil
}

// ErrDamaged marks a library file SQLite cannot read as a database.
var ErrDamaged = errors.New("damaged library")

// damagedHint adds to a damaged-library error where the newest automatic
// backup is and how to restore it.
func damagedHint(path string, err error) error {
	if !isDamage(err) {
		return err
	}
	return damagedf("the library %s is damaged or is not an Attaché library%s", path, backupAdvice(path))
}

// backupAdvice is the way out of a damaged library, for the command line.
func backupAdvice(path string) string {
	if b := NewestBackup(path); b != "" {
		return fmt.Sprintf(": restore the newest backup with `%s` (the damaged file is kept beside it)", restoreCommand(b, path))
	}
	return fmt.Sprintf(": restore a backup with `%s`, or open another library with --db", restoreCommand("FILE", path))
}

// restoreCommand is the command line restoring backup into the library at
// path: with --db, since path need not be the default library.
func restoreCommand(backup, path string) string {
	return fmt.Sprintf("attache restore %s --db %s", domain.ShellQuote(backup), domain.ShellQuote(path))
}

// isDamage tells whether err shows the library file is damaged.
func isDamage(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB
	}
	return errors.Is(err, ErrDamaged)
}

// damagedError is a user-facing error that also matches ErrDamaged.
type damagedError struct{ user *domain.Error }

func (e *damagedError) Error() string   { return e.user.Message }
func (e *damagedError) Unwrap() []error { return []error{e.user, ErrDamaged} }

// damagedf is a user-facing damaged-library error (EINVALID).
func damagedf(format string, args ...any) error {
	return &damagedError{domain.Errorf(domain.EINVALID, format, args...)}
}

// dsn puts every per-connection setting in the connection string, so each
// connection the pool opens gets WAL, foreign keys and the busy timeout.
func dsn(path, txlock string, queryOnly bool) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "5000")
	q.Set("_synchronous", "NORMAL")
	q.Set("_cache_size", "-16384") // 16 MiB: a 10,000-source listing then stays in memory
	// Each connection keeps its prepared statements: preparing the search
	// index's insert took a quarter of the time of storing an article.
	q.Set("_stmt_cache_size", "64")
	q.Set("_txlock", txlock)
	if queryOnly {
		q.Set("_query_only", "1")
	}
	return fileURI(path, q.Encode())
}

// Path is the library file.
func (s *Store) Path() string { return s.path }

// Close checkpoints the WAL and closes the library.
func (s *Store) Close() error {
	if s.dialect == postgresDialect {
		return s.closeServer()
	}
	var errs []error
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	if s.w != nil {
		// Only after writing: a checkpoint moves other connections'
		// data_version, and an open window would take a reading command
		// for a change (see ChangedElsewhere).
		if s.wrote.Load() {
			_, _ = s.w.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		}
		errs = append(errs, s.w.Close())
	}
	if s.copyDir != "" {
		errs = append(errs, os.RemoveAll(s.copyDir))
	}
	if s.copyOwner != nil {
		s.copyOwner.Close()
	}
	return errors.Join(errs...)
}

// SetClock replaces the clock, for tests that need fixed times.
func (s *Store) SetClock(now func() time.Time) { s.now = now }

func utcNow() time.Time { return time.Now().UTC() }

func (s *Store) stamp() string { return formatTime(s.now()) }

func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func parseTime(v string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, v)
	return t
}

// parseDay reads the YYYY-MM-DD the store writes, by hand: listings parse
// two per row.
func parseDay(v string) domain.Date {
	if len(v) != 10 || v[4] != '-' || v[7] != '-' {
		d, _ := domain.ParseDate(v)
		return d
	}
	n := func(s string) int {
		x := 0
		for _, c := range s {
			x = x*10 + int(c-'0')
		}
		return x
	}
	return domain.Date{Year: n(v[:4]), Month: time.Month(n(v[5:7])), Day: n(v[8:])}
}

// update runs fn in a write transaction and commits it when fn succeeds.
func (s *Store) update(ctx context.Context, fn func(tx *Tx) error) error {
	if s.readOnly {
		return s.readOnlyError()
	}
	if err := s.knownDamage(); err != nil {
		return err
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return s.damaged(dbError("begin", err))
	}
	defer tx.Rollback()
	if err := fn(&Tx{tx, s.dialect}); err != nil {
		return s.damaged(err)
	}
	if err := s.announce(ctx, tx); err != nil {
		return dbError("commit", err)
	}
	if err := tx.Commit(); err != nil {
		return s.damaged(dbError("commit", err))
	}
	s.wrote.Store(true)
	return nil
}

// view runs fn in a read transaction, so multi-query reads see one state.
func (s *Store) view(ctx context.Context, fn func(tx *Tx) error) error {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return s.damaged(dbError("begin", err))
	}
	defer tx.Rollback()
	return s.damaged(fn(&Tx{tx, s.dialect}))
}

// damaged adds the way out to an error that shows the file is damaged.
func (s *Store) damaged(err error) error {
	if err == nil || !isDamage(err) {
		return err
	}
	var refusal *damageRefusal
	if errors.As(err, &refusal) {
		return err
	}
	s.markDamaged(damageFinding(err))
	return damagedHint(s.path, err)
}

// dbError turns the SQLite failures a user can act on into plain messages
// and wraps the rest.
func dbError(op string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return domain.Errorf(domain.ECONFLICT, "the library is busy in another program (another Attaché?): close it and try again")
		case sqlite3.ErrFull, sqlite3.ErrIoErr, sqlite3.ErrCantOpen, sqlite3.ErrPerm:
			// A full disk shows as SQLITE_FULL, or as an I/O or open
			// error whose system errno is ENOSPC.
			if se.Code == sqlite3.ErrFull || se.SystemErrno == syscall.ENOSPC {
				return domain.Errorf(domain.EINVALID, "the disk is full: free some space and try again; nothing was saved")
			}
			// Other system errors, in words: often the log files SQLite
			// keeps beside the library, left by another user.
			if why, todo := explainFileError(se.SystemErrno); why != "" {
				return domain.Errorf(domain.EINVALID, "cannot use the library file, or the -wal and -shm files SQLite keeps beside it: %s; %s", why, todo)
			}
		case sqlite3.ErrReadonly:
			return domain.Errorf(domain.EINVALID, "the library file is read-only: check its permissions; nothing was saved")
		case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
			return damagedf("the library file is damaged or is not an Attaché library: %v", err)
		}
	}
	if e := serverError(err); e != nil {
		return e
	}
	return fmt.Errorf("%s: %w", op, err)
}

func isForeignKey(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.ExtendedCode == sqlite3.ErrConstraintForeignKey
	}
	return pgCode(err) == "23503" // foreign_key_violation
}

// Checkpoint merges the write-ahead log into the library file and empties
// the log, as Close does; the next write then needs new disk space.
func (s *Store) Checkpoint(ctx context.Context) error {
	if s.readOnly {
		return nil
	}
	if _, err := s.w.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return dbError("checkpoint", err)
	}
	return nil
}
