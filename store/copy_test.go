package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/attache/attache/domain"
)

// A library copied from a file to this run's backend (a server in the
// PostgreSQL run) and back to a file reads the same through every reader
// of the store, and hands out no number the original ever did.
func TestCopyLibraryKeepsEverything(t *testing.T) {
	ctx := context.Background()
	orig := fileCopyEnd(t, "original.db")
	richLibrary(t, orig)
	want := viewLibrary(t, orig)
	mid := openCopyEnd(t, newLibrary(t))
	var steps []string
	sum, err := CopyLibrary(ctx, orig, mid, func(step string, done, total int) {
		if done == total && (len(steps) == 0 || steps[len(steps)-1] != step) {
			steps = append(steps, step)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Sources != 4 || sum.Excerpts != 6 || sum.Briefings != 3 || sum.Versions != 2 || sum.From != orig.Path() || sum.To != mid.Path() {
		t.Errorf("summary %+v", sum)
	}
	for _, want := range []string{"copying sources", "copying excerpts", "copying versions", "indexing for search"} {
		if !strings.Contains(strings.Join(steps, "|"), want) {
			t.Errorf("progress %q lacks %q", steps, want)
		}
	}
	everyTableCopied(t, mid, sum)
	sameView(t, "copy from the file", want, viewLibrary(t, mid))
	final := fileCopyEnd(t, "final.db")
	if _, err := CopyLibrary(ctx, mid, final, nil); err != nil {
		t.Fatal(err)
	}
	sameView(t, "copy of the copy", want, viewLibrary(t, final))
	// Between two databases of the same kind, too (two servers' in the
	// PostgreSQL run).
	again := openCopyEnd(t, newLibrary(t))
	if _, err := CopyLibrary(ctx, mid, again, nil); err != nil {
		t.Fatal(err)
	}
	sameView(t, "copy within the backend", want, viewLibrary(t, again))
	for _, s := range []*Store{mid, final, again} {
		if s.ident.id == orig.ident.id || s.ident.id == "" {
			t.Errorf("%s has the identity %q of the original %q: a copy is a library of its own", s.Path(), s.ident.id, orig.ident.id)
		}
		freshNumbers(t, orig, s)
	}
}

// everyTableCopied fails when the rich library leaves a table empty: a
// table added to the schema must be filled there, so the round trip
// covers it.
func everyTableCopied(t *testing.T, s *Store, sum *CopySummary) {
	t.Helper()
	var tables map[string]*tableShape
	err := s.view(context.Background(), func(tx *Tx) (err error) {
		tables, err = readCatalog(context.Background(), tx)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name := range tables {
		if !notCopied(name) && sum.Tables[name] == 0 {
			t.Errorf("no row of %s was copied: add some to richLibrary", name)
		}
	}
}

// freshNumbers adds a source, excerpt, briefing and block to the copy and
// checks each number is above every one the original handed out.
func freshNumbers(t *testing.T, orig, s *Store) {
	t.Helper()
	src := addSource(t, s, "New", "A source added to the copy.")
	e := addExcerpt(t, s, src.ID, "added to the copy")
	b := &domain.Briefing{Title: "New", Blocks: []*domain.Block{{Type: domain.BlockHeading, Text: "New"}}}
	if err := s.CreateBriefing(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	for table, id := range map[string]int64{"sources": src.ID, "excerpts": e.ID, "briefings": b.ID, "blocks": b.Blocks[0].ID} {
		if top := highestEver(t, orig, table); id <= top {
			t.Errorf("%s: the copy %s handed out %d, the original had handed out up to %d", table, s.Path(), id, top)
		}
	}
}

func TestCopyRefusesATargetHoldingALibrary(t *testing.T) {
	ctx := context.Background()
	from := fileCopyEnd(t, "from.db")
	addSource(t, from, "Chips", chipsText)
	to := openTest(t)
	addSource(t, to, "5G", fiveGText)
	_, err := CopyLibrary(ctx, from, to, nil)
	wantCode(t, err, domain.ECONFLICT)
	msg := domain.ErrorMessage(err)
	for _, want := range []string{to.Path() + " already holds a library (1 source)", "would mix two libraries", "new file", "empty database"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the refusal lacks %q: %s", want, msg)
		}
	}
	if list, _ := to.Sources(ctx, domain.SourceFilter{}); len(list) != 1 || list[0].Title != "5G" {
		t.Fatalf("the target changed: %+v", list)
	}
	_, err = CopyLibrary(ctx, from, from, nil)
	wantCode(t, err, domain.EINVALID)
	if !strings.Contains(domain.ErrorMessage(err), "the same library") {
		t.Fatalf("copy into itself: %v", err)
	}
}

// Settings are not a library: a target that holds only its own takes the
// source's (its identity kept).
func TestCopyReplacesTheTargetsSettings(t *testing.T) {
	ctx := context.Background()
	from := fileCopyEnd(t, "from.db")
	addSource(t, from, "Chips", chipsText)
	to := openTest(t)
	if err := to.SetDefaultScheme(ctx, domain.SchemeUK); err != nil {
		t.Fatal(err)
	}
	if _, err := CopyLibrary(ctx, from, to, nil); err != nil {
		t.Fatal(err)
	}
	want, _ := from.DefaultScheme(ctx)
	if got, err := to.DefaultScheme(ctx); err != nil || got != want {
		t.Fatalf("default scheme %q, %v; want the source's %q", got, err, want)
	}
}

func TestCopyStoppedLeavesTheTargetUntouched(t *testing.T) {
	from := fileCopyEnd(t, "from.db")
	richLibrary(t, from)
	to := openTest(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stopped time.Time
	_, err := CopyLibrary(ctx, from, to, func(step string, done, total int) {
		if step == "copying excerpts" && stopped.IsZero() {
			stopped = time.Now()
			cancel()
		}
	})
	if took := time.Since(stopped); stopped.IsZero() || took > time.Second {
		t.Errorf("stopped after %v (cancelled: %v)", took, !stopped.IsZero())
	}
	if !errors.Is(err, context.Canceled) || !strings.Contains(domain.ErrorMessage(err), "stopped before it finished: nothing was written to "+to.Path()) {
		t.Fatalf("error %v", err)
	}
	for _, table := range []string{"sources", "source_texts", "files", "excerpts", "briefings", "search"} {
		if n := countRows(t, to, table); n != 0 {
			t.Errorf("%d rows in %s after a stopped copy", n, table)
		}
	}
	if _, err := CopyLibrary(context.Background(), from, to, nil); err != nil {
		t.Fatalf("a copy after the stopped one: %v", err)
	}
}

// Columns are read from the catalogs: one the target lacks is refused,
// either way, and one both have is copied, though the store's code never
// names it.
func TestCopyComparesColumns(t *testing.T) {
	ctx := context.Background()
	addColumn := func(s *Store) {
		t.Helper()
		if _, err := s.wt().Exec(`ALTER TABLE sources ADD COLUMN changed_by TEXT NOT NULL DEFAULT ''`); err != nil {
			t.Fatal(err)
		}
	}
	newer := fileCopyEnd(t, "newer.db")
	addColumn(newer)
	src := addSource(t, newer, "Chips", chipsText)
	if _, err := newer.wt().Exec(`UPDATE sources SET changed_by = 'ana' WHERE id = ?`, src.ID); err != nil {
		t.Fatal(err)
	}
	older := openTest(t)
	_, err := CopyLibrary(ctx, newer, older, nil)
	wantCode(t, err, domain.EINVALID)
	if msg := domain.ErrorMessage(err); !strings.Contains(msg, "the column sources.changed_by") || !strings.Contains(msg, "Update Attaché") {
		t.Errorf("a column the target lacks: %s", msg)
	}
	plain := fileCopyEnd(t, "plain.db")
	addSource(t, plain, "Chips", chipsText)
	newerTarget := openTest(t)
	addColumn(newerTarget)
	_, err = CopyLibrary(ctx, plain, newerTarget, nil)
	if msg := domain.ErrorMessage(err); !strings.Contains(msg, "lacks the column sources.changed_by") {
		t.Errorf("a column the source lacks: %v", err)
	}
	if _, err := CopyLibrary(ctx, newer, newerTarget, nil); err != nil {
		t.Fatal(err)
	}
	var who string
	if err := newerTarget.rt().QueryRow(`SELECT changed_by FROM sources WHERE id = ?`, src.ID).Scan(&who); err != nil || who != "ana" {
		t.Fatalf("changed_by %q, %v", who, err)
	}
}

// An account that may only read a team library copies it into a file;
// the numbers deleted for good there, which it may not read, are named
// in a note.
func TestCopyByAnAccountThatMayOnlyRead(t *testing.T) {
	postgresOnly(t)
	ctx := context.Background()
	s := openTest(t)
	richLibrary(t, s)
	db := serverDB(t, s.Path())
	for _, q := range []string{`CREATE ROLE copy_reader LOGIN`, `GRANT SELECT ON ALL TABLES IN SCHEMA public TO copy_reader`} {
		if _, err := db.Exec(q); err != nil && !strings.Contains(err.Error(), "already exists") {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		db.Exec(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM copy_reader`)
		db.Exec(`DROP OWNED BY copy_reader`)
	})
	reader := openCopyEnd(t, strings.Replace(s.Path(), "postgres://postgres@", "postgres://copy_reader@", 1))
	if !reader.ReadOnly() {
		t.Fatal("the reading account's library is not read-only")
	}
	to := fileCopyEnd(t, "copy.db")
	sum, err := CopyLibrary(ctx, reader, to, nil)
	if err != nil {
		t.Fatal(err)
	}
	sameView(t, "copy by a reader", viewLibrary(t, s), viewLibrary(t, to))
	if len(sum.Notes) != 1 || !strings.Contains(sum.Notes[0], "may not read the sequences of "+reader.Path()) {
		t.Errorf("notes %q", sum.Notes)
	}
}

// Text a file keeps and a server cannot (a NUL) is refused by name, the
// server left as it was.
func TestCopyRefusesTextAServerCannotKeep(t *testing.T) {
	postgresOnly(t)
	from := fileCopyEnd(t, "from.db")
	src := addSource(t, from, "Chips", chipsText)
	if _, err := from.wt().Exec(`UPDATE sources SET notes = 'a' || char(0) || 'b' WHERE id = ?`, src.ID); err != nil {
		t.Fatal(err)
	}
	to := openTest(t)
	_, err := CopyLibrary(context.Background(), from, to, nil)
	wantCode(t, err, domain.EINVALID)
	if msg := domain.ErrorMessage(err); !strings.Contains(msg, "sources id "+itoa(src.ID)+", column notes") || !strings.Contains(msg, "Correct it in "+from.Path()) {
		t.Errorf("refusal: %s", msg)
	}
	if n := countRows(t, to, "sources"); n != 0 {
		t.Errorf("%d sources in the target after a refused copy", n)
	}
}
