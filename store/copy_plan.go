package store

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/attache/attache/domain"
)

// notCopied tells the tables a copy leaves alone: the search index, which
// is rebuilt (FTS5's table and a tsvector do not travel between the two),
// and each database's own bookkeeping.
func notCopied(name string) bool {
	return name == "search" || name == "schema_migrations" || strings.HasPrefix(name, "sqlite_")
}

// copyComputed lists the columns the target's triggers move while the
// rows go in (an excerpt inserted counts on its source, a block or a link
// moves its briefing's revision): they are set to the source's values
// again once every row is in. TestCopyKnowsEveryComputedColumn reads the
// triggers of both schemas and fails when one moves a column not listed.
var copyComputed = map[string][]string{
	"sources":   {"excerpt_count"},
	"briefings": {"revision"},
}

// copySettings are the tables that hold the library's settings rather
// than its content, with the rows that stay the target's own: a copy is a
// new library, with its own identity and so its own backups (see
// identity), and takes every other setting from the source.
var copySettings = map[string]string{
	"library_meta": `key = 'library_id'`,
}

// tablePlan is how one table is copied.
type tablePlan struct {
	name     string
	cols     []column // the columns copied, as the target keeps them
	key      []string // the source's primary key, which orders the reading
	selfRefs []int    // columns naming a row of the same table: set after
	computed []int    // columns the target's triggers move: set again after
	rows     int      // how many the source holds
}

// indexOf is the position of the column named name in cols, -1 if none.
func (t *tablePlan) indexOf(name string) int {
	return slices.IndexFunc(t.cols, func(c column) bool { return c.name == name })
}

// planCopy compares the two catalogs and orders the tables so that each
// comes after those its rows refer to.
func planCopy(from, to map[string]*tableShape, fromName, toName string) ([]*tablePlan, error) {
	if err := sameShape(from, to, fromName, toName); err != nil {
		return nil, err
	}
	var plans []*tablePlan
	for _, name := range insertOrder(to) {
		if from[name] == nil {
			continue
		}
		plans = append(plans, newTablePlan(from[name], to[name]))
	}
	return plans, nil
}

// newTablePlan takes the target's columns (their kinds decide how values
// are written) in the source's order.
func newTablePlan(src, dst *tableShape) *tablePlan {
	p := &tablePlan{name: src.name, key: src.key}
	for _, c := range src.cols {
		tc, _ := dst.column(c.name)
		p.cols = append(p.cols, tc)
	}
	for _, f := range dst.refs {
		if f.parent == dst.name {
			p.selfRefs = append(p.selfRefs, p.indexOf(f.col))
		}
	}
	for _, name := range copyComputed[dst.name] {
		if i := p.indexOf(name); i >= 0 {
			p.computed = append(p.computed, i)
		}
	}
	return p
}

// sameShape refuses libraries whose tables or columns differ: both were
// brought up to date when opened, so a difference means the two kinds of
// library are at different versions of the schema, and a column one has
// and the other lacks would be lost, or left at a default its migration
// would not have given.
func sameShape(from, to map[string]*tableShape, fromName, toName string) error {
	if extra := missingFrom(from, to); len(extra) > 0 {
		return domain.Errorf(domain.EINVALID, "the library %s holds %s that %s has no place for: it was written by a newer version of Attaché. Update Attaché, then copy again; nothing was copied", fromName, strings.Join(extra, ", "), toName)
	}
	if extra := missingFrom(to, from); len(extra) > 0 {
		return domain.Errorf(domain.EINVALID, "the library %s lacks %s, which %s has: the two are at different versions of Attaché's schema. Open %s once with the newest Attaché so it is brought up to date (or update Attaché), then copy again; nothing was copied", fromName, strings.Join(extra, ", "), toName, fromName)
	}
	return nil
}

// missingFrom lists the tables and columns of a that b lacks, sorted.
func missingFrom(a, b map[string]*tableShape) []string {
	var out []string
	for name, t := range a {
		if notCopied(name) {
			continue
		}
		other := b[name]
		if other == nil {
			out = append(out, "the table "+name)
			continue
		}
		for _, c := range t.cols {
			if _, ok := other.column(c.name); !ok {
				out = append(out, "the column "+name+"."+c.name)
			}
		}
	}
	sort.Strings(out)
	return out
}

// insertOrder lists the tables to copy so that every table comes after
// the tables its foreign keys refer to; ties in name order, so every copy
// goes the same way. A reference of a table to itself is set after its
// rows are in (see tablePlan.selfRefs) and does not order anything.
func insertOrder(tables map[string]*tableShape) []string {
	var names []string
	for name := range tables {
		if !notCopied(name) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	placed := map[string]bool{}
	var order []string
	for len(order) < len(names) {
		progress := false
		for _, name := range names {
			if !placed[name] && parentsPlaced(tables[name], tables, placed) {
				placed[name], progress = true, true
				order = append(order, name)
			}
		}
		if !progress { // a cycle, which no schema of Attaché's has: keep the rest in name order
			for _, name := range names {
				if !placed[name] {
					placed[name] = true
					order = append(order, name)
				}
			}
		}
	}
	return order
}

func parentsPlaced(t *tableShape, tables map[string]*tableShape, placed map[string]bool) bool {
	for _, f := range t.refs {
		if f.parent != t.name && tables[f.parent] != nil && !notCopied(f.parent) && !placed[f.parent] {
			return false
		}
	}
	return true
}

// checkEmpty refuses a target that already holds content: a copy into it
// would mix two libraries, numbers clashing. Its settings do not count
// (the source's replace them). toName names the target as describe does:
// a team library says so.
func checkEmpty(ctx context.Context, dst *Tx, to map[string]*tableShape, toName string) error {
	held := map[string]int{}
	var other []string
	for _, name := range insertOrder(to) {
		if _, setting := copySettings[name]; setting {
			continue
		}
		var n int
		if err := dst.QueryRowContext(ctx, `SELECT count(*) FROM `+quoteName(name)).Scan(&n); err != nil {
			return dbError("look into "+toName, err)
		}
		if held[name] = n; n > 0 {
			other = append(other, describeRows(name, n))
		}
	}
	if len(other) == 0 {
		return nil
	}
	// What the analyst knows a library by, when it has any of them.
	var main []string
	for _, name := range []string{"sources", "excerpts", "briefings"} {
		if held[name] > 0 {
			main = append(main, describeRows(name, held[name]))
		}
	}
	if len(main) == 0 {
		main = other
	}
	return domain.Errorf(domain.ECONFLICT, "%s already holds a library (%s): copying into it would mix two libraries. Copy to a new file instead (--to NEW.db; the copy creates it), or to an empty database on the server (ask whoever runs it for a new one); nothing was copied", toName, strings.Join(main, ", "))
}

// describeRows is "3 sources", "1 excerpt tag": n rows of the table in words.
func describeRows(table string, n int) string {
	word := stepName(table)
	if n == 1 {
		word = strings.TrimSuffix(word, "s")
	}
	return fmt.Sprintf("%s %s", domain.Thousands(n), word)
}

// stepNames are the tables as the analyst knows what they hold.
var stepNames = map[string]string{
	"snapshots":          "versions",
	"evidence":           "evidence links",
	"marking_log":        "marking changes",
	"finding_dismissals": "dismissals",
	"files":              "original files",
	"library_meta":       "library settings",
}

// stepName is what the table holds, in words.
func stepName(table string) string {
	if w, ok := stepNames[table]; ok {
		return w
	}
	return strings.ReplaceAll(table, "_", " ")
}

// quoteName quotes an identifier for either database ("end", "key" and
// "where" are column names).
func quoteName(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
