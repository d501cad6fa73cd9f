package store

import "testing"

// SQLite's parameters, spelt for PostgreSQL: numbered ones keep their
// number, bare ones take the next after the highest seen (SQLite's rule),
// and nothing inside quotes or comments is touched.
func TestRebind(t *testing.T) {
	cases := []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`SELECT * FROM t WHERE a = ? AND b = ?`, `SELECT * FROM t WHERE a = $1 AND b = $2`},
		{`WHERE k = ?1 AND (x = ?1 OR y = ?2)`, `WHERE k = $1 AND (x = $1 OR y = $2)`},
		{`LIMIT ?3 WHERE a = ?1 AND b = ?`, `LIMIT $3 WHERE a = $1 AND b = $4`},
		{`SELECT '?', "a?b", ? -- what?` + "\n" + `, ?`, `SELECT '?', "a?b", $1 -- what?` + "\n" + `, $2`},
		{`SELECT 'it''s ?', ?`, `SELECT 'it''s ?', $1`},
		{`SELECT 'unclosed ?`, `SELECT 'unclosed ?`},
	}
	for _, c := range cases {
		if got := postgresDialect.rebind(c.in); got != c.want {
			t.Errorf("rebind(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := sqliteDialect.rebind(c.in); got != c.in {
			t.Errorf("SQLite's rebind changed %q into %q", c.in, got)
		}
	}
}
