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

// ExecContext runs q with args, spelt for the database (see spell).
func (t *Tx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	q, args = t.d.spell(q, args)
	return t.Tx.ExecContext(ctx, q, args...)
}

// QueryContext runs q with args, spelt for the database (see spell).
func (t *Tx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	q, args = t.d.spell(q, args)
	return t.Tx.QueryContext(ctx, q, args...)
}

// QueryRowContext runs q with args, spelt for the database (see spell).
func (t *Tx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	q, args = t.d.spell(q, args)
	return t.Tx.QueryRowContext(ctx, q, args...)
}

// spell is the query and arguments as the dialect takes them: for
// PostgreSQL the SQL rewritten (see rebind), the arguments it does not use
// left out (PostgreSQL cannot tell the type of a parameter nothing uses,
// where SQLite ignores it) and flags as numbers (see values).
func (d dialect) spell(q string, args []any) (string, []any) {
	if d != postgresDialect {
		return q, args
	}
	r := d.rebound(q)
	switch {
	case r.used != nil:
		kept := make([]any, 0, len(r.used))
		for _, n := range r.used {
			if n <= len(args) {
				kept = append(kept, args[n-1])
			}
		}
		args = kept
	case len(args) > r.count:
		args = args[:r.count]
	}
	return r.q, d.values(args)
}

// values passes args as the dialect stores them: the library keeps flags
// as 0 and 1 in both databases (SQLite has no boolean type), and pgx will
// not write a Go bool into an integer column.
func (d dialect) values(args []any) []any {
	if d != postgresDialect {
		return args
	}
	for i, a := range args {
		if b, ok := a.(bool); ok {
			args[i] = 0
			if b {
				args[i] = 1
			}
		}
	}
	return args
}

// rebinding is a query spelt for PostgreSQL: used lists, in order, the
// SQLite parameter numbers it takes, which leaves out those it never
// names; nil when it takes 1..len(args), the usual case.
type rebinding struct {
	q     string
	used  []int
	count int // how many parameters q takes
}

// rebound caches PostgreSQL spellings: the store's queries are a few
// hundred constant strings, rebound once each.
var rebound sync.Map // string → rebinding

// rebind spells q's parameters for the dialect (see rebound).
func (d dialect) rebind(q string) string {
	if d != postgresDialect {
		return q
	}
	return d.rebound(q).q
}

// rebound is q for PostgreSQL: SQLite-only fragments rewritten (see
// pgSpelling), ?N become $N and each bare ? the next number after the
// highest seen, as SQLite numbers them; numbers nothing uses are closed
// up. Quoted text, quoted names and comments are left alone.
func (d dialect) rebound(q string) rebinding {
	if v, ok := rebound.Load(q); ok {
		return v.(rebinding)
	}
	out, seen := toDollars(pgSpelling.Replace(q))
	r := rebinding{q: out, count: len(seen)}
	if used := usedNumbers(seen); used != nil {
		renumber := make(map[int]int, len(used))
		for i, n := range used {
			renumber[n] = i + 1
		}
		r.q, _ = toDollarsMapped(pgSpelling.Replace(q), renumber)
		r.used = used
	}
	rebound.Store(q, r)
	return r
}

// usedNumbers is the sorted parameter numbers in seen when they leave a
// gap below the highest; nil when 1..highest are all used.
func usedNumbers(seen map[int]bool) []int {
	highest := 0
	for n := range seen {
		highest = max(highest, n)
	}
	if len(seen) == highest {
		return nil
	}
	used := make([]int, 0, len(seen))
	for n := 1; n <= highest; n++ {
		if seen[n] {
			used = append(used, n)
		}
	}
	return used
}

// toDollars rewrites SQLite parameters as PostgreSQL ones, and says which
// numbers were used.
func toDollars(q string) (string, map[int]bool) { return toDollarsMapped(q, nil) }

// toDollarsMapped is toDollars with each number n written as renumber[n]
// when renumber is given.
func toDollarsMapped(q string, renumber map[int]int) (string, map[int]bool) {
	var b strings.Builder
	b.Grow(len(q) + 8)
	seen := map[int]bool{}
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
			seen[n] = true
			if m, ok := renumber[n]; ok {
				n = m
			}
			b.WriteString("$" + strconv.Itoa(n))
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), seen
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

// path is a file path as the dialect keeps it: a Linux path is bytes,
// not always UTF-8, which SQLite's text keeps as given and PostgreSQL's
// refuses; the team library keeps paths as bytea.
func (d dialect) path(p string) any {
	if d == postgresDialect {
		return []byte(p)
	}
	return p
}
