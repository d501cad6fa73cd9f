package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/attache/attache/domain"
)

// CopySummary is what CopyLibrary copied.
type CopySummary struct {
	From, To  string         // the two libraries, as Path names them
	Tables    map[string]int // rows copied per table, the trash's included
	Sources   int
	Excerpts  int
	Briefings int
	Versions  int // kept versions of briefings (snapshots)
	Rows      int // in every table
	Indexed   int // entries of the search index rebuilt
	// Notes says what the copy could not carry exactly, and why.
	Notes []string
}

// CopyLibrary copies the whole library from into to, which must hold no
// library yet (a new file, an empty database): every row of every table,
// the trash's included, with its numbers, spans, times, revisions and
// counts as they are, so links, scripts and exports give the same
// results. It reads one snapshot of from and writes to in one
// transaction: stopped (ctx cancelled) or failed, to is left as it was.
// The search index is rebuilt, not copied; to keeps its own identity, a
// new library with its own backups. The two may be in different
// databases (a library file, a team library on a server) and must be at
// the same version of Attaché's schema. progress, if not nil, is told
// each step's rows as they go.
func CopyLibrary(ctx context.Context, from, to *Store, progress func(step string, done, total int)) (*CopySummary, error) {
	if err := distinctLibraries(from, to); err != nil {
		return nil, err
	}
	c := &libraryCopy{from: from, to: to, report: progress,
		sum: &CopySummary{From: from.Path(), To: to.Path(), Tables: map[string]int{}}}
	if err := c.run(ctx); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%w: %w", domain.Errorf(domain.EINVALID, "the copy was stopped before it finished: nothing was written to %s", to.Path()), ctx.Err())
		}
		return nil, err
	}
	return c.sum, nil
}

// distinctLibraries refuses to copy a library into itself, or into a copy
// of its file (the same identity, see identity).
func distinctLibraries(from, to *Store) error {
	same := from == to || (from.dialect == to.dialect && from.Path() == to.Path()) ||
		(from.ident.id != "" && from.ident.id == to.ident.id)
	if same {
		return domain.Errorf(domain.EINVALID, "%s and %s are the same library: copy it to a new file (--to NEW.db) or to an empty database", from.Path(), to.Path())
	}
	return nil
}

// libraryCopy is one run of CopyLibrary.
type libraryCopy struct {
	from, to   *Store
	report     func(step string, done, total int)
	sum        *CopySummary
	afterwards []later // columns set once every row is in
	srcErr     error   // the source's own failure (see readFailed)
}

// errSourceFailed stands, inside the target's transaction, for a failure
// to read the source.
var errSourceFailed = errors.New("reading the library to copy failed")

// run reads from inside one read transaction, writes to inside one write
// transaction. Each store judges only its own errors: one showing a
// damaged page marks that library damaged (see damaged) and writes it
// down beside its file, so a failed read of the source must not reach the
// target's judgement, nor the target's failure the source's.
func (c *libraryCopy) run(ctx context.Context) error {
	var writeErr error
	readErr := c.from.view(ctx, func(src *Tx) error {
		writeErr = c.to.update(ctx, func(dst *Tx) error { return c.copy(ctx, src, dst) })
		return c.srcErr
	})
	if c.srcErr != nil || readErr != nil {
		return readErr
	}
	return writeErr
}

// readFailed keeps a failure to read the source for the source's store
// to judge (see run).
func (c *libraryCopy) readFailed(err error) error {
	c.srcErr = dbError("read the library "+c.from.Path(), err)
	return errSourceFailed
}

// writeFailed says what went wrong writing the table into the target.
func (c *libraryCopy) writeFailed(table string, err error) error {
	if isForeignKey(err) {
		return domain.Errorf(domain.EINVALID, "cannot copy the %s: one refers to a row %s lacks (its links between tables are broken): %v; nothing was copied", stepName(table), c.from.Path(), err)
	}
	return dbError("copy the "+stepName(table)+" into "+c.to.Path(), err)
}

func (c *libraryCopy) progress(step string, done, total int) {
	if c.report != nil {
		c.report(step, done, total)
	}
}

// copy is the whole copy, inside both transactions.
func (c *libraryCopy) copy(ctx context.Context, src, dst *Tx) error {
	from, err := readCatalog(ctx, src)
	if err != nil {
		return c.readFailed(err)
	}
	to, err := readCatalog(ctx, dst)
	if err != nil {
		return dbError("read the tables of "+c.to.Path(), err)
	}
	plans, err := planCopy(from, to, c.from.Path(), c.to.Path())
	if err != nil {
		return err
	}
	if err := checkEmpty(ctx, dst, to, c.to.describe()); err != nil {
		return err
	}
	seqs, err := c.countSource(ctx, src, plans, from)
	if err != nil {
		return err
	}
	if err := c.copyRows(ctx, src, dst, plans); err != nil {
		return err
	}
	if err := c.carrySequences(ctx, dst, seqs, to); err != nil {
		return err
	}
	if err := c.checkCounts(ctx, dst, plans); err != nil {
		return err
	}
	return c.reindex(ctx, dst)
}

// countSource counts each table's rows, for progress and for checkCounts,
// and reads the source's sequences.
func (c *libraryCopy) countSource(ctx context.Context, src *Tx, plans []*tablePlan, from map[string]*tableShape) (map[string]int64, error) {
	for _, t := range plans {
		q := `SELECT count(*) FROM ` + quoteName(t.name)
		if keep, ok := copySettings[t.name]; ok {
			q += ` WHERE NOT (` + keep + `)`
		}
		if err := src.QueryRowContext(ctx, q).Scan(&t.rows); err != nil {
			return nil, c.readFailed(err)
		}
	}
	seqs, err := c.sourceSequences(ctx, src, plans, from)
	if err != nil {
		return nil, c.readFailed(err)
	}
	return seqs, nil
}

// copyRows copies every table in order, then sets what had to wait.
func (c *libraryCopy) copyRows(ctx context.Context, src, dst *Tx, plans []*tablePlan) error {
	if err := c.clearSettings(ctx, dst, plans); err != nil {
		return err
	}
	for _, t := range plans {
		if err := c.copyTable(ctx, src, dst, t); err != nil {
			return err
		}
		c.sum.Rows += c.sum.Tables[t.name]
	}
	for _, l := range c.afterwards {
		if err := c.setLater(ctx, dst, l); err != nil {
			return err
		}
	}
	s := c.sum
	s.Sources, s.Excerpts, s.Briefings, s.Versions = s.Tables["sources"], s.Tables["excerpts"], s.Tables["briefings"], s.Tables["snapshots"]
	return nil
}
