package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/attache/attache/domain"
)

// IsServer tells whether db names a team library on a PostgreSQL server
// (a postgres:// or postgresql:// address) rather than a library file.
func IsServer(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// writeLock is the advisory lock every write transaction takes first, so
// writers to a team library take turns as they do on a library file: the
// store's rules (a save merged against the revision it read, numbers
// renumbered) were written for one writer at a time, and stay true. Reads
// never wait for it. The number is "Attaché" in ASCII, rounded to 63 bits.
const writeLock = 0x4174746163686500

// changesChannel is where every write announces itself (see listen).
const changesChannel = "attache_changes"

// openPostgres opens the team library at the address addr. The password,
// TLS settings and service name come the ways libpq takes them
// (PGPASSFILE, PGPASSWORD, PGSSLMODE, a service file); none is kept.
func openPostgres(ctx context.Context, addr string, create bool) (*Store, error) {
	cfg, err := pgx.ParseConfig(addr)
	if err != nil {
		return nil, domain.Errorf(domain.EINVALID, "the team library address %s cannot be read: %s; write it as postgres://USER@HOST:PORT/DATABASE", redactURL(addr), plainPgError(err))
	}
	s := &Store{path: redactURL(addr), dialect: postgresDialect, now: utcNow, session: newSession(), user: osUser()}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(8)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s.w, s.r = db, db
	pingCtx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := db.PingContext(pingCtx); err != nil {
		db.Close()
		return nil, unreachable(s.path, err)
	}
	if err := s.prepareServer(ctx, create); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.listen(ctx, cfg); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// newSession names this open library in the notices it sends, so it can
// tell its own writes from other analysts'.
func newSession() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// beginWrite starts a write transaction in the library's dialect.
func (s *Store) beginWrite(ctx context.Context) (*sql.Tx, error) {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil || s.dialect != postgresDialect {
		return tx, err
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(writeLock)); err != nil {
		tx.Rollback()
		return nil, err
	}
	return tx, nil
}

// beginRead starts a read transaction: on a server one snapshot for all
// its queries (REPEATABLE READ), as SQLite's WAL gives a reader.
func (s *Store) beginRead(ctx context.Context) (*sql.Tx, error) {
	if s.dialect != postgresDialect {
		return s.r.BeginTx(ctx, nil)
	}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return nil, err
	}
	// pgx prepares every statement; after five runs PostgreSQL would plan
	// a search generically, blind to how common its words are, and a
	// phrase took 100 ms instead of 1. Reads are planned for their
	// values; writes, many small statements, keep cached plans.
	if _, err := tx.ExecContext(ctx, `SET LOCAL plan_cache_mode = force_custom_plan`); err != nil {
		tx.Rollback()
		return nil, err
	}
	return tx, nil
}

// announce tells other open windows, at commit, that this session wrote.
func (s *Store) announce(ctx context.Context, tx *sql.Tx) error {
	if s.dialect != postgresDialect {
		return nil
	}
	_, err := tx.ExecContext(ctx, `SELECT pg_notify($1, $2)`, changesChannel, s.session)
	return err
}

// redactURL is addr without its password, for messages and Path.
func redactURL(addr string) string {
	u, err := url.Parse(addr)
	if err != nil {
		return "(an address that cannot be read)"
	}
	if u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// unreachable says why the server could not be reached and what to do.
func unreachable(where string, err error) error {
	return domain.Errorf(domain.EINVALID, "cannot reach the team library %s: %s. Check the address, that the server is running and that your password is in PGPASSFILE (~/.pgpass) or PGPASSWORD", where, plainPgError(err))
}

// plainPgError is err's message without pgx's prefixes.
func plainPgError(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Message
	}
	msg := err.Error()
	if i := strings.LastIndex(msg, "): "); i >= 0 && strings.Contains(msg[:i], "failed to connect") {
		msg = msg[i+3:]
	}
	return msg
}

// pgCode is the SQLSTATE of a PostgreSQL error; "" for any other.
func pgCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// describe names the library for messages: its file or its server.
func (s *Store) describe() string {
	if s.dialect == postgresDialect {
		return fmt.Sprintf("team library %s", s.path)
	}
	return s.path
}

// closeServer ends the listener and the connections to the server.
func (s *Store) closeServer() error {
	if s.stopListen != nil {
		s.stopListen()
	}
	return s.w.Close()
}

// serverError turns the PostgreSQL failures a user can act on into plain
// messages; nil for the rest.
func serverError(err error) error {
	switch code := pgCode(err); {
	case code == "42501": // insufficient_privilege
		return domain.Errorf(domain.EINVALID, "the team library refused: %s. Ask whoever runs the database to grant your account read and write (see the team library page of the documentation); nothing was changed", plainPgError(err))
	case strings.HasPrefix(code, "53"): // insufficient resources: disk full, out of memory, too many connections
		return domain.Errorf(domain.EINVALID, "the team library's server is out of resources (%s): nothing was saved; try again in a while or tell whoever runs the database", plainPgError(err))
	case code == "" && isConnectionLoss(err):
		return domain.Errorf(domain.EINVALID, "the team library's server cannot be reached (%s): nothing was saved; Attaché keeps your edits and tries again", plainPgError(err))
	}
	return nil
}

// isConnectionLoss tells whether err is the server going away or never
// answering, rather than a refusal.
func isConnectionLoss(err error) bool {
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) || pgconn.SafeToRetry(err) || errors.Is(err, sql.ErrConnDone) {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "connection refused") || strings.Contains(msg, "broken pipe") ||
		strings.Contains(msg, "unexpected EOF") || strings.Contains(msg, "conn closed")
}

// serverBackupAdvice refuses to back up a team library file by file: its
// backups are the database's own, taken by whoever runs the server, and
// pg_dump takes one on demand.
func serverBackupAdvice(where string) error {
	return domain.Errorf(domain.EINVALID, "the team library %s is backed up by its database server, not by Attaché: ask whoever runs the server, or take a copy yourself with `pg_dump --format=custom --file=attache.dump %s` (restore it with pg_restore); `attache library copy --from %s --to FILE.db` makes a single-file library from it", where, domain.ShellQuote(where), domain.ShellQuote(where))
}

// prepareServer finds out what this account may do in the team library
// and brings its schema up to date. A database with no library is set up
// only when create is true: a command that only reads, pointed at the
// wrong database, says so rather than leave tables behind. An account
// that may only read opens the library read-only, if it is up to date.
func (s *Store) prepareServer(ctx context.Context, create bool) error {
	var exists, writable, canCreate bool
	err := s.w.QueryRowContext(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL,
		to_regclass('briefings') IS NULL OR has_table_privilege('briefings', 'INSERT, UPDATE, DELETE'),
		has_schema_privilege(current_schema(), 'CREATE')`).Scan(&exists, &writable, &canCreate)
	if err != nil {
		return unreachable(s.path, err)
	}
	switch {
	case !exists && !create:
		return domain.Errorf(domain.ENOTFOUND, "the database %s holds no Attaché library yet: import a file into it (attache import FILE --db %s) to set one up", s.path, domain.ShellQuote(s.path))
	case !exists && !canCreate:
		return domain.Errorf(domain.EINVALID, "the database %s holds no Attaché library yet, and your account may not set one up: ask whoever runs the database to run `attache library init` with the account that owns the schema (see the team library page of the documentation)", s.path)
	case exists:
		// Up to date, there is nothing to do; older, only an account
		// that may change the schema upgrades it.
		s.readOnly = !writable
		err := s.checkServerSchema(ctx)
		if err == nil || !errors.Is(err, errOlderSchema) || !canCreate || s.readOnly {
			return err
		}
	}
	// Two windows opening a new team library at once would both set it
	// up: the second waits for the first, then finds nothing to do.
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return unreachable(s.path, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, int64(migrateLock)); err != nil {
		return dbError("set up the library", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, int64(migrateLock))
	return s.migrate(ctx)
}

// migrateLock is held while a team library's schema is brought up to
// date ("Attaché" + 1, as writeLock).
const migrateLock = writeLock + 1

// checkServerSchema accepts a read-only team library only at this
// version's schema: an older one needs an account that may change it.
func (s *Store) checkServerSchema(ctx context.Context) error {
	var current int
	if err := s.r.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return dbError("read the schema version", err)
	}
	ms, err := migrationsFor(postgresDialect)
	if err != nil {
		return err
	}
	switch latest := ms[len(ms)-1].version; {
	case current > latest:
		return domain.Errorf(domain.EINVALID, "the team library %s was set up by a newer version of Attaché (schema %d, this version knows %d): update Attaché to open it", s.path, current, latest)
	case current < latest:
		return &olderSchemaError{domain.Errorf(domain.EINVALID, "the team library %s must be upgraded for this version of Attaché (schema %d to %d), and your account may not change it: ask whoever runs the database to run `attache library init` with the account that owns the schema", s.path, current, latest)}
	}
	return nil
}

// errOlderSchema marks a team library older than this Attaché: an owner's
// account upgrades it on opening, anyone else's is told to ask for that.
var errOlderSchema = errors.New("older schema")

type olderSchemaError struct{ user *domain.Error }

func (e *olderSchemaError) Error() string   { return e.user.Message }
func (e *olderSchemaError) Unwrap() []error { return []error{e.user, errOlderSchema} }

// checkServer is Check for a team library: its pages are the server's to
// look after (PostgreSQL checks and logs them itself), so this says only
// whether the server answers with a library this Attaché reads.
func (s *Store) checkServer(ctx context.Context) error {
	if err := s.r.PingContext(ctx); err != nil {
		return unreachable(s.path, err)
	}
	return s.checkServerSchema(ctx)
}
