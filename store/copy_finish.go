package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
)

// setLater sets the columns kept for afterwards (see later), in batches:
// UPDATE … FROM a list of values, which both databases take.
func (c *libraryCopy) setLater(ctx context.Context, dst *Tx, l later) error {
	per := min(batchRows, batchParams/(len(l.cols)+1))
	for start := 0; start < len(l.rows); start += per {
		rows := l.rows[start:min(start+per, len(l.rows))]
		var args []any
		for _, r := range rows {
			args = append(args, r...)
		}
		if _, err := dst.Tx.ExecContext(ctx, updateRows(dst.d, l, len(rows)), args...); err != nil {
			return c.writeFailed(l.t.name, err)
		}
	}
	return nil
}

// updateRows is the UPDATE of n rows of l: WITH v(k, c1, …) AS (VALUES
// …) UPDATE t SET c1 = v.c1 … FROM v WHERE t.key = v.k, skipping rows
// already right. PostgreSQL is told each value's type: it takes an
// untyped value in a list of VALUES as text.
func updateRows(d dialect, l later, n int) string {
	t := l.t
	keyCol := t.cols[t.indexOf(t.key[0])]
	cols := append([]column{keyCol}, colsAt(t, l.cols)...)
	names := []string{"k"}
	for j := range l.cols {
		names = append(names, "c"+strconv.Itoa(j))
	}
	var b strings.Builder
	b.WriteString("WITH v(" + strings.Join(names, ", ") + ") AS (VALUES ")
	p := 0
	for r := range n {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for i, c := range cols {
			if i > 0 {
				b.WriteString(", ")
			}
			p++
			b.WriteString(typed(d, d.param(p), c))
		}
		b.WriteByte(')')
	}
	var set, differs []string
	for j, c := range colsAt(t, l.cols) {
		set = append(set, quoteName(c.name)+" = v."+names[j+1])
		differs = append(differs, quoteName(t.name)+"."+quoteName(c.name)+" IS DISTINCT FROM v."+names[j+1])
	}
	b.WriteString(") UPDATE " + quoteName(t.name) + " SET " + strings.Join(set, ", ") + " FROM v WHERE " +
		quoteName(t.name) + "." + quoteName(keyCol.name) + " = v.k AND (" + strings.Join(differs, " OR ") + ")")
	return b.String()
}

func colsAt(t *tablePlan, at []int) []column {
	out := make([]column, len(at))
	for j, i := range at {
		out[j] = t.cols[i]
	}
	return out
}

// typed is the parameter p cast to c's type on PostgreSQL.
func typed(d dialect, p string, c column) string {
	if d != postgresDialect {
		return p
	}
	return "CAST(" + p + " AS " + c.typ + ")"
}

// sourceSequences reads the highest number the source ever handed out in
// each table that keeps count (SQLite's AUTOINCREMENT tables; every
// identity on PostgreSQL), deleted rows' included.
func (c *libraryCopy) sourceSequences(ctx context.Context, src *Tx, plans []*tablePlan, from map[string]*tableShape) (map[string]int64, error) {
	seqs := map[string]int64{}
	if src.d == postgresDialect {
		return seqs, c.pgSequences(ctx, src, plans, seqs)
	}
	if from["sqlite_sequence"] == nil {
		return seqs, nil
	}
	return seqs, eachRow(ctx, src, `SELECT name, seq FROM sqlite_sequence`, nil, func(r *sql.Rows) error {
		var name string
		var n int64
		err := r.Scan(&name, &n)
		seqs[name] = max(seqs[name], n)
		return err
	})
}

// pgSequences reads the sequence of each table with an id into seqs. An
// account that may only read the tables may not read their sequences:
// the copy then carries the highest number kept, and a note says so.
func (c *libraryCopy) pgSequences(ctx context.Context, src *Tx, plans []*tablePlan, seqs map[string]int64) error {
	var unread []string
	for _, t := range plans {
		if t.indexOf("id") < 0 {
			continue
		}
		var n sql.NullInt64
		var denied bool
		err := src.QueryRowContext(ctx, `SELECT CASE WHEN has_sequence_privilege(q, 'SELECT, USAGE') THEN pg_sequence_last_value(q) END,
			q IS NOT NULL AND NOT has_sequence_privilege(q, 'SELECT, USAGE')
			FROM (SELECT pg_get_serial_sequence(?, 'id')::regclass AS q) AS s`, quoteName(t.name)).Scan(&n, &denied)
		if err != nil {
			return err
		}
		if n.Valid {
			seqs[t.name] = n.Int64
		}
		if denied {
			unread = append(unread, stepName(t.name))
		}
	}
	if unread != nil {
		c.sum.Notes = append(c.sum.Notes, fmt.Sprintf("your account may not read the sequences of %s, so the copy may hand out again numbers of %s deleted there for good (above the highest kept); for an exact copy, ask whoever runs the database to grant SELECT on the library's sequences, and copy again", c.from.Path(), strings.Join(unread, ", ")))
	}
	return nil
}

// carrySequences moves the target's counts up to the source's, so the
// copy never hands out a number the source once did: a window or a
// script may still hold it. Inserting the rows moved them to the highest
// number copied; a row deleted for good above it is what this adds.
func (c *libraryCopy) carrySequences(ctx context.Context, dst *Tx, seqs map[string]int64, to map[string]*tableShape) error {
	for name, n := range seqs {
		t := to[name]
		if t == nil || notCopied(name) {
			continue
		}
		var err error
		switch {
		case dst.d == postgresDialect:
			_, err = dst.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence(?1, 'id'), ?2)
				WHERE CAST(?2 AS bigint) > coalesce(pg_sequence_last_value(pg_get_serial_sequence(?1, 'id')::regclass), 0)`, quoteName(name), n)
		case t.autoincrement:
			// SQLite's plain INTEGER PRIMARY KEY reuses numbers by design
			// and keeps no count: only AUTOINCREMENT tables take one.
			if _, err = dst.ExecContext(ctx, `UPDATE sqlite_sequence SET seq = ?2 WHERE name = ?1 AND seq < ?2`, name, n); err == nil {
				_, err = dst.ExecContext(ctx, `INSERT INTO sqlite_sequence (name, seq) SELECT ?1, ?2
					WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?1)`, name, n)
			}
		}
		if err != nil {
			return c.writeFailed(name, err)
		}
	}
	return nil
}

// checkCounts makes sure every row arrived: a trigger deleting rows as
// others go in would lose them without a word.
func (c *libraryCopy) checkCounts(ctx context.Context, dst *Tx, plans []*tablePlan) error {
	for _, t := range plans {
		q := `SELECT count(*) FROM ` + quoteName(t.name)
		if keep, ok := copySettings[t.name]; ok {
			q += ` WHERE NOT (` + keep + `)`
		}
		var n int
		if err := dst.QueryRowContext(ctx, q).Scan(&n); err != nil {
			return c.writeFailed(t.name, err)
		}
		if n != t.rows {
			return domain.Errorf(domain.EINTERNAL, "the copy of %s has %d rows where %s has %d: nothing was copied", stepName(t.name), n, c.from.Path(), t.rows)
		}
	}
	return nil
}

// clearSettings removes the target's settings the source's replace.
func (c *libraryCopy) clearSettings(ctx context.Context, dst *Tx, plans []*tablePlan) error {
	for _, t := range plans {
		if keep, ok := copySettings[t.name]; ok {
			if _, err := dst.ExecContext(ctx, `DELETE FROM `+quoteName(t.name)+` WHERE NOT (`+keep+`)`); err != nil {
				return c.writeFailed(t.name, err)
			}
		}
	}
	return nil
}

// reindex builds the target's search index with the store's own index
// functions: what is in the trash stays out of it, as they decide, and a
// briefing in the trash stays in (Search leaves it out).
func (c *libraryCopy) reindex(ctx context.Context, dst *Tx) error {
	kinds := []struct {
		q     string
		index func(context.Context, *Tx, int64) error
	}{
		{`SELECT id FROM sources WHERE trashed_at IS NULL ORDER BY id`, indexSource},
		{`SELECT id FROM excerpts WHERE trashed_at IS NULL ORDER BY id`, indexExcerpt},
		{`SELECT id FROM briefings ORDER BY id`, indexBriefing},
	}
	ids := make([][]int64, len(kinds))
	total := 0
	for i, k := range kinds {
		var err error
		if ids[i], err = queryIDs(ctx, dst, k.q); err != nil {
			return err
		}
		total += len(ids[i])
	}
	done := 0
	for i, k := range kinds {
		for _, id := range ids[i] {
			if err := k.index(ctx, dst, id); err != nil {
				return err
			}
			if done++; done%100 == 0 || done == total {
				c.progress("indexing for search", done, total)
			}
		}
	}
	c.sum.Indexed = total
	return nil
}
