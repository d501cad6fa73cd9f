package store

import (
	"context"
	"database/sql"
	"strings"
)

// The copy reads each library's tables, columns and keys from the
// database's own catalog when it runs, not from a list in the code: the
// schema grows (a column saying who changed a row, a new table) while this
// code stays the same, and a column the copy did not know of must be
// copied, or refused, never dropped.

// colKind is how a column stores its values, which decides how a value
// read from one database is written to the other: a file path is text in
// SQLite and bytea on PostgreSQL (see dialect.path), and each driver gives
// back the type its own column has.
type colKind int

const (
	kindNumber colKind = iota // INTEGER, bigint: an int64 either way
	kindText
	kindBlob
	kindReal
)

// column is one column of a table as a catalog describes it.
type column struct {
	name string
	kind colKind
	typ  string // the declared type, for casts PostgreSQL needs
}

// tableShape is one table as a catalog describes it.
type tableShape struct {
	name string
	cols []column
	key  []string // the primary key's columns, in order
	refs []fkRef  // its foreign keys
	// autoincrement: SQLite counts the numbers it handed out in
	// sqlite_sequence (AUTOINCREMENT), so deleted ones are not reused.
	autoincrement bool
}

// fkRef is one column of a foreign key: col names a row of parent.
type fkRef struct{ col, parent string }

func (t *tableShape) column(name string) (column, bool) {
	for _, c := range t.cols {
		if c.name == name {
			return c, true
		}
	}
	return column{}, false
}

// readCatalog describes every ordinary table of the library tx reads or
// writes, by name.
func readCatalog(ctx context.Context, tx *Tx) (map[string]*tableShape, error) {
	if tx.d == postgresDialect {
		return readPgCatalog(ctx, tx)
	}
	return readSQLiteCatalog(ctx, tx)
}

// readSQLiteCatalog lists the tables with pragma_table_list, which tells
// FTS5's virtual table and its shadow tables from ordinary ones.
func readSQLiteCatalog(ctx context.Context, tx *Tx) (map[string]*tableShape, error) {
	tables := map[string]*tableShape{}
	err := eachRow(ctx, tx, `SELECT l.name, coalesce(m.sql, '') LIKE '%AUTOINCREMENT%' FROM pragma_table_list l
		LEFT JOIN sqlite_schema m ON m.type = 'table' AND m.name = l.name
		WHERE l.schema = 'main' AND l.type = 'table'`, nil, func(r *sql.Rows) error {
		t := &tableShape{}
		if err := r.Scan(&t.name, &t.autoincrement); err != nil {
			return err
		}
		tables[t.name] = t
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, t := range tables {
		if err := readSQLiteTable(ctx, tx, t); err != nil {
			return nil, err
		}
	}
	return tables, nil
}

// readSQLiteTable fills in t's columns (generated ones, hidden, left
// out: they cannot be written), primary key and foreign keys.
func readSQLiteTable(ctx context.Context, tx *Tx, t *tableShape) error {
	var keyed []struct {
		name string
		pk   int
	}
	err := eachRow(ctx, tx, `SELECT name, type, pk FROM pragma_table_xinfo(?) WHERE hidden = 0 ORDER BY cid`,
		[]any{t.name}, func(r *sql.Rows) error {
			var c column
			var pk int
			if err := r.Scan(&c.name, &c.typ, &pk); err != nil {
				return err
			}
			c.kind = sqliteKind(c.typ)
			t.cols = append(t.cols, c)
			if pk > 0 {
				keyed = append(keyed, struct {
					name string
					pk   int
				}{c.name, pk})
			}
			return nil
		})
	if err != nil {
		return err
	}
	t.key = make([]string, len(keyed))
	for _, k := range keyed {
		t.key[k.pk-1] = k.name
	}
	return eachRow(ctx, tx, `SELECT "from", "table" FROM pragma_foreign_key_list(?)`, []any{t.name}, func(r *sql.Rows) error {
		var f fkRef
		if err := r.Scan(&f.col, &f.parent); err != nil {
			return err
		}
		t.refs = append(t.refs, f)
		return nil
	})
}

// sqliteKind is the storage a declared type gives, by SQLite's rules of
// type affinity.
func sqliteKind(typ string) colKind {
	t := strings.ToUpper(typ)
	switch {
	case strings.Contains(t, "INT"):
		return kindNumber
	case strings.Contains(t, "CHAR"), strings.Contains(t, "CLOB"), strings.Contains(t, "TEXT"):
		return kindText
	case t == "" || strings.Contains(t, "BLOB"):
		return kindBlob
	case strings.Contains(t, "REAL"), strings.Contains(t, "FLOA"), strings.Contains(t, "DOUB"):
		return kindReal
	}
	return kindNumber
}

// pgSchema is the namespace of the connection's current schema, where the
// library lives (openPostgres names no schema).
const pgSchema = `(SELECT oid FROM pg_namespace WHERE nspname = current_schema())`

// readPgCatalog reads columns from information_schema, which lists what
// the account may read; keys from pg_catalog, whose constraint views in
// information_schema hide the tables an account may only read.
func readPgCatalog(ctx context.Context, tx *Tx) (map[string]*tableShape, error) {
	tables := map[string]*tableShape{}
	err := eachRow(ctx, tx, `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
		JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
		WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.is_generated <> 'ALWAYS'
		ORDER BY c.table_name, c.ordinal_position`, nil, func(r *sql.Rows) error {
		var name string
		var c column
		if err := r.Scan(&name, &c.name, &c.typ); err != nil {
			return err
		}
		c.kind = pgKind(c.typ)
		if tables[name] == nil {
			tables[name] = &tableShape{name: name}
		}
		tables[name].cols = append(tables[name].cols, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := readPgKeys(ctx, tx, tables); err != nil {
		return nil, err
	}
	return tables, readPgRefs(ctx, tx, tables)
}

func readPgKeys(ctx context.Context, tx *Tx, tables map[string]*tableShape) error {
	return eachRow(ctx, tx, `SELECT c.relname, a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
		JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
		WHERE i.indisprimary AND c.relnamespace = `+pgSchema+`
		ORDER BY c.relname, array_position(i.indkey::int2[], a.attnum)`, nil, func(r *sql.Rows) error {
		var name, col string
		if err := r.Scan(&name, &col); err != nil {
			return err
		}
		if t := tables[name]; t != nil {
			t.key = append(t.key, col)
		}
		return nil
	})
}

func readPgRefs(ctx context.Context, tx *Tx, tables map[string]*tableShape) error {
	return eachRow(ctx, tx, `SELECT c.relname, a.attname, p.relname FROM pg_constraint k
		JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
		JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
		WHERE k.contype = 'f' AND c.relnamespace = `+pgSchema+`
		ORDER BY c.relname, k.conname, a.attnum`, nil, func(r *sql.Rows) error {
		var name string
		var f fkRef
		if err := r.Scan(&name, &f.col, &f.parent); err != nil {
			return err
		}
		if t := tables[name]; t != nil {
			t.refs = append(t.refs, f)
		}
		return nil
	})
}

// pgKind is the storage of a PostgreSQL type, as information_schema
// names it.
func pgKind(typ string) colKind {
	switch typ {
	case "text", "character varying", "character", "json", "jsonb":
		return kindText
	case "bytea":
		return kindBlob
	case "double precision", "real", "numeric":
		return kindReal
	}
	return kindNumber
}

// eachRow runs q and calls fn on each row.
func eachRow(ctx context.Context, tx *Tx, q string, args []any, fn func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
