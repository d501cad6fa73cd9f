package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"sync"
)

// dialect is the database a library lives in. The store keeps one body of
// Go and SQL for both: the rules (what the trash refuses, how a stale save
// is merged, which versions are kept) are written once, and only where the
// two databases' SQL differs does the code ask which one it talks to.
type dialect int

const (
	sqliteDialect   dialect = iota // the single-file library, the default
	postgresDialect                // the team library on a PostgreSQL server
)

func (d dialect) String() string {
	if d == postgresDialect {
		return "PostgreSQL"
	}
	return "SQLite"
}

// Tx is a transaction in the library's dialect: the store's queries are
// written with SQLite's parameters (? and ?N), which PostgreSQL spells $N.
type Tx struct {
	*sql.Tx
	d dialect
}

// ExecContext runs q with args, its parameters spelt for the database.
func (t *Tx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.Tx.ExecContext(ctx, t.d.rebind(q), args...)
}

// QueryContext runs q with args, its parameters spelt for the database.
func (t *Tx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.Tx.QueryContext(ctx, t.d.rebind(q), args...)
}

// QueryRowContext runs q with args, its parameters spelt for the database.
func (t *Tx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return t.Tx.QueryRowContext(ctx, t.d.rebind(q), args...)
}

// rebound caches PostgreSQL spellings: the store's queries are a few
// hundred constant strings, rebound once each.
var rebound sync.Map // string → string

// rebind spells q's parameters for the dialect: unchanged for SQLite; for
// PostgreSQL ?N becomes $N and each bare ? the next number after the
// highest seen, as SQLite numbers them. Quoted text, quoted names and
// comments are left alone.
func (d dialect) rebind(q string) string {
	if d != postgresDialect || !strings.Contains(q, "?") {
		return q
	}
	if v, ok := rebound.Load(q); ok {
		return v.(string)
	}
	out := toDollars(pgSpelling.Replace(q))
	rebound.Store(q, out)
	return out
}

// toDollars rewrites SQLite parameters as PostgreSQL ones.
func toDollars(q string) string {
	var b strings.Builder
	b.Grow(len(q) + 8)
	highest := 0
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'' || c == '"':
			j := closing(q, i+1, c)
			b.WriteString(q[i:j])
			i = j - 1
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			j := strings.IndexByte(q[i:], '\n')
			if j < 0 {
				j = len(q) - i
			}
			b.WriteString(q[i : i+j])
			i += j - 1
		case c == '?':
			j := i + 1
			for j < len(q) && q[j] >= '0' && q[j] <= '9' {
				j++
			}
			n := highest + 1
			if j > i+1 {
				n, _ = strconv.Atoi(q[i+1 : j])
			}
			highest = max(highest, n)
			b.WriteString("$" + strconv.Itoa(n))
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// closing is the index just past the quote q (' or ") that closes the
// quoted run starting at i; a doubled quote inside is part of the run.
func closing(s string, i int, q byte) int {
	for i < len(s) {
		if s[i] == q {
			if i+1 < len(s) && s[i+1] == q {
				i += 2
				continue
			}
			return i + 1
		}
		i++
	}
	return len(s)
}

// insert runs the INSERT q and returns the new row's id: RETURNING, which
// both databases know, where SQLite's driver alone has LastInsertId.
func (t *Tx) insert(ctx context.Context, q string, args ...any) (int64, error) {
	var id int64
	err := t.QueryRowContext(ctx, q+" RETURNING id", args...).Scan(&id)
	return id, err
}

// keepNumbering makes sure the numbers table hands out next come after id,
// a row just inserted under a number of its own. SQLite's AUTOINCREMENT
// does this by itself; a PostgreSQL identity column does not, and would
// later hand out id again.
func (t *Tx) keepNumbering(ctx context.Context, table string, id int64) error {
	if t.d != postgresDialect {
		return nil
	}
	_, err := t.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence(?1, 'id'), ?2)
		WHERE ?2 > coalesce(pg_sequence_last_value(pg_get_serial_sequence(?1, 'id')::regclass), 0)`, table, id)
	return err
}
