package store

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/attache/attache/domain"
)

// What one INSERT carries: hundreds of rows, so a round trip to a server
// is paid once per batch, not per row; never more than a few megabytes,
// so a library of long texts is streamed through, not held in memory.
const (
	batchRows   = 500
	batchParams = 30000 // under SQLite's 32,766 parameters (PostgreSQL's 65,535)
	batchBytes  = 4 << 20
)

// later is a column set once every row is in: a reference to a row of
// the same table, which may come after it, or a value triggers move.
type later struct {
	t    *tablePlan
	cols []int   // positions in t.cols
	rows [][]any // each the key, then the values of cols
}

// tableWriter writes one table's rows to the target in batches.
type tableWriter struct {
	c         *libraryCopy
	t         *tablePlan
	dst       *Tx
	key       int  // position of the single-column key, -1 if none
	convert   bool // the two libraries are in different databases
	checkText bool // the target's text takes neither NUL nor bytes that are not UTF-8
	args      []any
	n, size   int
	done      int
	refs      later
	computed  later
}

// copyTable streams the table's rows from the source's snapshot into the
// target, in primary-key order.
func (c *libraryCopy) copyTable(ctx context.Context, src, dst *Tx, t *tablePlan) error {
	if t.rows == 0 {
		return nil
	}
	w := c.newWriter(dst, src.d, t)
	rows, err := src.QueryContext(ctx, selectRows(t))
	if err != nil {
		return c.readFailed(err)
	}
	defer rows.Close()
	vals := make([]any, len(t.cols))
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return c.readFailed(err)
		}
		if err := w.add(ctx, vals); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return c.readFailed(err)
	}
	if err := w.flush(ctx); err != nil {
		return err
	}
	c.afterwards = append(c.afterwards, w.refs, w.computed)
	c.sum.Tables[t.name] = w.done
	return nil
}

func (c *libraryCopy) newWriter(dst *Tx, from dialect, t *tablePlan) *tableWriter {
	w := &tableWriter{c: c, t: t, dst: dst, key: -1, convert: from != dst.d, checkText: from != dst.d && dst.d == postgresDialect}
	if len(t.key) == 1 {
		w.key = t.indexOf(t.key[0])
	}
	w.refs = later{t: t, cols: t.selfRefs}
	w.computed = later{t: t, cols: t.computed}
	return w
}

// selectRows reads the table's rows, those the target keeps as its own
// left out (see copySettings).
func selectRows(t *tablePlan) string {
	names := make([]string, len(t.cols))
	for i, c := range t.cols {
		names[i] = quoteName(c.name)
	}
	q := "SELECT " + strings.Join(names, ", ") + " FROM " + quoteName(t.name)
	if keep, ok := copySettings[t.name]; ok {
		q += " WHERE NOT (" + keep + ")"
	}
	if len(t.key) > 0 {
		keys := make([]string, len(t.key))
		for i, k := range t.key {
			keys[i] = quoteName(k)
		}
		q += " ORDER BY " + strings.Join(keys, ", ")
	}
	return q
}

// add takes one row, writing the batch when it is full.
func (w *tableWriter) add(ctx context.Context, vals []any) error {
	for i, v := range vals {
		if w.convert {
			v = w.t.cols[i].kind.convert(v)
		}
		if s, ok := v.(string); ok && w.checkText && (strings.IndexByte(s, 0) >= 0 || !utf8.ValidString(s)) {
			return w.badText(vals, i)
		}
		w.args = append(w.args, v)
		w.size += valueSize(v)
	}
	if err := w.keep(vals); err != nil {
		return err
	}
	w.n++
	if w.n >= batchRows || (w.n+1)*len(vals) > batchParams || w.size >= batchBytes {
		return w.flush(ctx)
	}
	return nil
}

// keep notes the row's values set afterwards; a reference to the same
// table goes in as NULL, its row perhaps not in yet.
func (w *tableWriter) keep(vals []any) error {
	if len(w.refs.cols)+len(w.computed.cols) == 0 {
		return nil
	}
	if w.key < 0 {
		return domain.Errorf(domain.EINTERNAL, "cannot copy the table %s: it has no single-column primary key to set its columns by", w.t.name)
	}
	row := w.args[len(w.args)-len(vals):]
	if len(w.computed.cols) > 0 {
		w.computed.rows = append(w.computed.rows, pick(row, w.key, w.computed.cols))
	}
	if slices.ContainsFunc(w.refs.cols, func(i int) bool { return row[i] != nil }) {
		w.refs.rows = append(w.refs.rows, pick(row, w.key, w.refs.cols))
		for _, i := range w.refs.cols {
			row[i] = nil
		}
	}
	return nil
}

// pick is the row's key, then its values of cols.
func pick(row []any, key int, cols []int) []any {
	out := make([]any, 0, len(cols)+1)
	out = append(out, row[key])
	for _, i := range cols {
		out = append(out, row[i])
	}
	return out
}

// flush writes the batch as one multi-row INSERT.
func (w *tableWriter) flush(ctx context.Context) error {
	if w.n == 0 {
		return nil
	}
	q := insertRows(w.dst.d, w.t, w.n)
	// The raw transaction: the statement is spelt for the dialect here,
	// and its shapes (any number of rows) are not to fill Tx's cache.
	if _, err := w.dst.Tx.ExecContext(ctx, q, w.args...); err != nil {
		return w.c.writeFailed(w.t.name, err)
	}
	w.done += w.n
	w.args, w.n, w.size = w.args[:0], 0, 0
	w.c.progress("copying "+stepName(w.t.name), w.done, w.t.rows)
	return nil
}

// insertRows is the INSERT of n rows of t, with d's parameters.
func insertRows(d dialect, t *tablePlan, n int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO " + quoteName(t.name) + " (")
	for i, c := range t.cols {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(quoteName(c.name))
	}
	b.WriteString(") VALUES ")
	p := 0
	for r := range n {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for i := range t.cols {
			if i > 0 {
				b.WriteString(", ")
			}
			p++
			b.WriteString(d.param(p))
		}
		b.WriteByte(')')
	}
	return b.String()
}

// param is the n-th parameter as the dialect writes it.
func (d dialect) param(n int) string {
	if d == postgresDialect {
		return "$" + strconv.Itoa(n)
	}
	return "?"
}

// convert is v as a column of kind k in the other database takes it: a
// path read as bytea becomes text, and text becomes bytea, byte for byte.
func (k colKind) convert(v any) any {
	switch x := v.(type) {
	case []byte:
		if k == kindText {
			return string(x)
		}
	case string:
		if k == kindBlob {
			return []byte(x)
		}
	case int64:
		if k == kindReal {
			return float64(x)
		}
	}
	return v
}

func valueSize(v any) int {
	switch x := v.(type) {
	case string:
		return len(x)
	case []byte:
		return len(x)
	}
	return 8
}

// badText refuses a value PostgreSQL's text cannot hold, naming where it is.
func (w *tableWriter) badText(vals []any, col int) error {
	where := w.t.name
	if w.key >= 0 {
		where += " " + w.t.key[0] + " " + formatValue(vals[w.key])
	}
	return domain.Errorf(domain.EINVALID, "the library %s holds text a team library cannot store (a NUL character, or bytes that are not UTF-8): %s, column %s. Correct it in %s, then copy again; nothing was copied", w.c.from.Path(), where, w.t.cols[col].name, w.c.from.Path())
}

func formatValue(v any) string {
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
	case string:
		return strconv.Quote(x)
	}
	return "?"
}
