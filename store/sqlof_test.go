package store

import (
	"context"
	"database/sql"
)

// testDB is the library's database as a test reaching for rows directly
// sees it: queries written in the store's spelling (SQLite's), passed on
// in the backend's, as Tx does.
type testDB struct {
	db *sql.DB
	d  dialect
}

// wt is the writing pool, rt the reading one (the same on a server).
func (s *Store) wt() testDB { return testDB{s.w, s.dialect} }
func (s *Store) rt() testDB { return testDB{s.r, s.dialect} }

func (t testDB) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	q, args = t.d.spell(q, args)
	return t.db.ExecContext(ctx, q, args...)
}

func (t testDB) Exec(q string, args ...any) (sql.Result, error) {
	return t.ExecContext(context.Background(), q, args...)
}

func (t testDB) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	q, args = t.d.spell(q, args)
	return t.db.QueryContext(ctx, q, args...)
}

func (t testDB) Query(q string, args ...any) (*sql.Rows, error) {
	return t.QueryContext(context.Background(), q, args...)
}

func (t testDB) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	q, args = t.d.spell(q, args)
	return t.db.QueryRowContext(ctx, q, args...)
}

func (t testDB) QueryRow(q string, args ...any) *sql.Row {
	return t.QueryRowContext(context.Background(), q, args...)
}
