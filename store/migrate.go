package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
)

//go:embed migrations/*.sql migrations_pg/*.sql
var migrationFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists SQLite's embedded files NNN_name.sql in version order.
func migrations() ([]migration, error) { return migrationsIn("migrations") }

// migrationsFor lists the dialect's migrations. PostgreSQL's start from
// the schema SQLite's reached at its migration 008, numbered on their own.
func migrationsFor(d dialect) ([]migration, error) {
	if d == postgresDialect {
		return migrationsIn("migrations_pg")
	}
	return migrations()
}

func migrationsIn(dir string) ([]migration, error) {
	names, err := fs.Glob(migrationFS, dir+"/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		base := strings.TrimPrefix(n, dir+"/")
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number", n)
		}
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, base, string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// migrate applies the migrations the library lacks, each in its own
// transaction, and refuses a library written by a newer Attaché rather than
// guess at a schema it does not know.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return dbError("prepare migrations", err)
	}
	var current int
	if err := s.w.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return dbError("read schema version", err)
	}
	ms, err := migrationsFor(s.dialect)
	if err != nil {
		return err
	}
	latest := ms[len(ms)-1].version
	if current > latest {
		return domain.Errorf(domain.EINVALID, "the library %s was written by a newer version of Attaché (schema %d, this version knows %d): update Attaché to open it", s.path, current, latest)
	}
	if current > 0 && current < latest && s.dialect == sqliteDialect {
		// A schema change is the riskiest thing that happens to a library:
		// keep a copy from before it, among its own backups.
		if s.ident, err = queryIdentityIn(ctx, s.w, s.dialect); err != nil {
			return dbError("read the library's identity", err)
		}
		if _, err := s.backupInto(ctx, BackupDir(s.path), "before-migration"); err != nil {
			return err
		}
	}
	for _, m := range ms {
		if m.version <= current {
			continue
		}
		if strings.HasPrefix(m.sql, rebuildMarker) {
			if err := s.rebuild(ctx, m); err != nil {
				return err
			}
			continue
		}
		if err := s.update(ctx, func(tx *Tx) error { return applyMigration(ctx, tx, m, s.stamp()) }); err != nil {
			return err
		}
	}
	if s.ident, err = queryIdentityIn(ctx, s.w, s.dialect); err != nil {
		return dbError("read the library's identity", err)
	}
	if s.dialect != sqliteDialect {
		return nil // a server's library has no backups folder of ours
	}
	if _, err := os.Stat(BackupDir(s.path)); err == nil {
		// A library put in another's place records that its backups
		// folder is now its own, before it is ever damaged.
		recordIdentity(s.path, s.ident)
	}
	return nil
}

func applyMigration(ctx context.Context, tx *Tx, m migration, at string) error {
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`, m.version, m.name, at); err != nil {
		return fmt.Errorf("record migration %s: %w", m.name, err)
	}
	return nil
}

// rebuildMarker starts a migration that rebuilds tables, which SQLite
// allows only with foreign keys off (dropping a table with them on would
// delete the rows that refer to it).
const rebuildMarker = "-- attache:foreign-keys-off"

// rebuild applies a table-rebuilding migration the way SQLite's ALTER
// TABLE documentation prescribes: foreign keys off on the one writing
// connection, the change in one transaction, foreign_key_check before the
// commit, foreign keys back on.
func (s *Store) rebuild(ctx context.Context, m migration) error {
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return dbError("migrate", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return dbError("migrate", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA foreign_keys = ON")
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return dbError("migrate", err)
	}
	defer tx.Rollback()
	if err := applyMigration(ctx, &Tx{tx, s.dialect}, m, s.stamp()); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return dbError("migrate", err)
	}
	broken := rows.Next()
	rows.Close()
	if broken {
		return fmt.Errorf("migration %s: the library's links between tables are inconsistent", m.name)
	}
	if err := tx.Commit(); err != nil {
		return dbError("migrate", err)
	}
	return nil
}
