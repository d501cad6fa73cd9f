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
		{`LIMIT ?3 WHERE a = ?1 AND b = ?2 AND c = ?`, `LIMIT $3 WHERE a = $1 AND b = $2 AND c = $4`},
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

// A parameter a query leaves unused is dropped for PostgreSQL, which
// cannot type it, and the rest close up; SQLite gets everything as given.
func TestSpellDropsUnusedParameters(t *testing.T) {
	q, args := postgresDialect.spell(`UPDATE t SET a = ?3 WHERE id = ?1 AND ok = ?3`, []any{7, "unused", true})
	if q != `UPDATE t SET a = $2 WHERE id = $1 AND ok = $2` || len(args) != 2 || args[0] != 7 || args[1] != 1 {
		t.Errorf("spell = %q %v, want $1, $2 with [7 1]", q, args)
	}
	q, args = postgresDialect.spell(`UPDATE t SET a = NULL WHERE id = ?1`, []any{7, "unused"})
	if q != `UPDATE t SET a = NULL WHERE id = $1` || len(args) != 1 {
		t.Errorf("spell = %q %v, want $1 with [7]", q, args)
	}
	q, args = sqliteDialect.spell(`SELECT ?2`, []any{1, 2})
	if q != `SELECT ?2` || len(args) != 2 {
		t.Errorf("SQLite's spell changed the query: %q %v", q, args)
	}
}
