package store

import (
	"context"
	"database/sql"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/pgtest"
)

// The roles docs/team-library.md asks a DBA for, run as written: the
// owner sets the library up, an analyst reads and writes everything the
// app does (a block brought back under its old number moves the
// sequence), and a reader opens it read-only.
func TestTheDocumentedRolesWork(t *testing.T) {
	postgresOnly(t)
	ctx := context.Background()
	srv := pgtest.New(t)
	runRecipe(t, srv, documentedSQL(t))
	as := func(role string) string { return strings.Replace(srv.URL("attache"), "postgres@", role+"@", 1) }

	owner, err := Open(ctx, as("attache_owner"))
	if err != nil {
		t.Fatalf("the owner sets the library up: %v", err)
	}
	owner.Close()
	ana, err := Open(ctx, as("ana"))
	if err != nil {
		t.Fatal(err)
	}
	defer ana.Close()
	if ana.ReadOnly() {
		t.Fatal("an analyst's library is read-only")
	}
	src := addSource(t, ana, "Chips", chipsText)
	e := addExcerpt(t, ana, src.ID, "Export controls alone", "chips")
	b := &domain.Briefing{Title: "Chips", Blocks: []*domain.Block{
		{Type: domain.BlockCommentary, Text: "One"}, {Type: domain.BlockExcerpt, ExcerptID: e.ID}}}
	if err := ana.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	before, _ := ana.Briefing(ctx, b.ID)
	if _, err := ana.CreateSnapshot(ctx, b.ID, "v1"); err != nil {
		t.Fatal(err)
	}
	if err := ana.RemoveBlock(ctx, before.Blocks[0].ID); err != nil {
		t.Fatal(err)
	}
	now, _ := ana.Briefing(ctx, b.ID)
	if _, err := ana.SaveBriefing(ctx, now, before); err != nil {
		t.Fatalf("bringing a block back under its number: %v", err)
	}
	if _, err := ana.Search(ctx, "export", domain.SearchOptions{}); err != nil {
		t.Fatal(err)
	}
	reader, err := Open(ctx, as("reader"))
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	if !reader.ReadOnly() {
		t.Error("a reader's library can be written")
	}
	if list, err := reader.Briefings(ctx, domain.BriefingFilter{}); err != nil || len(list) != 1 {
		t.Errorf("the reader sees %d briefings (%v)", len(list), err)
	}
}

// documentedSQL is the SQL block of the DBA's recipe in the docs.
func documentedSQL(t *testing.T) string {
	doc, err := os.ReadFile("../docs/team-library.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)## What to ask your DBA for.*?```sql\n(.*?)```").FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/team-library.md has no SQL recipe under “What to ask your DBA for”")
	}
	return string(m[1])
}

// runRecipe runs psql-style SQL: statements end with a semicolon, and
// \connect DB switches database (the role stays the superuser's).
func runRecipe(t *testing.T, srv *pgtest.Server, recipe string) {
	t.Helper()
	db := openAs(t, srv.URL("postgres"))
	var stmt strings.Builder
	for _, line := range strings.Split(recipe, "\n") {
		if name, ok := strings.CutPrefix(strings.TrimSpace(line), `\connect `); ok {
			db = openAs(t, srv.URL(strings.TrimSpace(name)))
			continue
		}
		stmt.WriteString(line + "\n")
		if strings.HasSuffix(strings.TrimSpace(line), ";") {
			if _, err := db.Exec(stmt.String()); err != nil {
				t.Fatalf("%s: %v", strings.TrimSpace(stmt.String()), err)
			}
			stmt.Reset()
		}
	}
}

func openAs(t *testing.T, url string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1) // SET ROLE holds on the one connection
	t.Cleanup(func() { db.Close() })
	return db
}
