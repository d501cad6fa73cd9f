package store

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/pgtest"
)

// postgresOnly marks a test about the team library itself.
func postgresOnly(t testing.TB) {
	t.Helper()
	if backend != postgresDialect {
		t.Skip("about the team library on PostgreSQL")
	}
}

// A command that only reads, pointed at a database with no library,
// says so and leaves no tables behind; one that adds sets it up.
func TestServerLibraryIsMadeOnlyByWhatAdds(t *testing.T) {
	postgresOnly(t)
	ctx := context.Background()
	url := newLibrary(t)
	_, err := OpenExisting(ctx, url)
	wantCode(t, err, domain.ENOTFOUND)
	if !strings.Contains(domain.ErrorMessage(err), "attache import FILE --db") {
		t.Errorf("the refusal does not say how to set one up: %v", err)
	}
	db := serverDB(t, url)
	var tables int
	if err := db.QueryRow(`SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()`).Scan(&tables); err != nil || tables != 0 {
		t.Fatalf("a reading open left %d tables (%v)", tables, err)
	}
	s, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = OpenExisting(ctx, url); err != nil {
		t.Fatalf("the library set up is not found again: %v", err)
	}
	s.Close()
}

// Backups of a team library are the server's: Attaché says how to take
// one rather than pretend, and never takes one of its own.
func TestServerBackupPointsToPgDump(t *testing.T) {
	postgresOnly(t)
	s := openTest(t)
	err := s.Backup(context.Background(), t.TempDir()+"/copy.db")
	wantCode(t, err, domain.EINVALID)
	if msg := domain.ErrorMessage(err); !strings.Contains(msg, "pg_dump") || !strings.Contains(msg, "library copy") {
		t.Errorf("the refusal does not point to pg_dump and library copy: %s", msg)
	}
	if f, err := s.AutoBackup(context.Background()); f != "" || err != nil {
		t.Errorf("an automatic backup of a team library: %q %v", f, err)
	}
}

// An account that may only read opens the library read-only, and every
// change is refused saying who can grant more.
func TestServerReadOnlyAccount(t *testing.T) {
	postgresOnly(t)
	ctx := context.Background()
	s := openTest(t)
	addSource(t, s, "Chips", chipsText)
	db := serverDB(t, s.Path())
	for _, q := range []string{`CREATE ROLE reader_only LOGIN`, `GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader_only`} {
		if _, err := db.Exec(q); err != nil && !strings.Contains(err.Error(), "already exists") {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		db.Exec(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM reader_only`)
		db.Exec(`DROP OWNED BY reader_only`)
	})
	r, err := Open(ctx, strings.Replace(s.Path(), "postgres://postgres@", "postgres://reader_only@", 1))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if !r.ReadOnly() {
		t.Fatal("a reading account's library is not read-only")
	}
	if list, err := r.Sources(ctx, domain.SourceFilter{}); err != nil || len(list) != 1 {
		t.Fatalf("reading: %d sources, %v", len(list), err)
	}
	err = r.CreateBriefing(ctx, &domain.Briefing{Title: "Not allowed"})
	wantCode(t, err, domain.EINVALID)
	if !strings.Contains(domain.ErrorMessage(err), "grant") {
		t.Errorf("the refusal does not say who can help: %v", err)
	}
}

// The address a library is known by never shows its password.
func TestServerPathHidesThePassword(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://ana:s3cret@db.example/team":                 "postgres://ana:xxxxx@db.example/team",
		"postgres://ana@db.example/team?password=s3cret":        "postgres://ana@db.example/team?password=xxxxx",
		"postgresql://db.example:5433/team?sslmode=verify-full": "postgresql://db.example:5433/team?sslmode=verify-full",
	} {
		if got := redactURL(in); got != want {
			t.Errorf("redactURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// serverDB is a plain connection to the test database at url, as its
// owner, for setting up what a test needs.
func serverDB(t *testing.T, url string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// A server gone away mid-session: every change is refused with a plain
// message that says nothing was saved and the edits are kept, and the
// library does not count the outage as damage.
func TestServerGoneAwaySaysSo(t *testing.T) {
	postgresOnly(t)
	ctx := context.Background()
	srv := pgtest.New(t)
	url, err := srv.CreateDB(ctx, "gone")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	addSource(t, s, "Chips", chipsText)
	if err := srv.Stop(); err != nil {
		t.Fatal(err)
	}
	err = s.CreateBriefing(ctx, &domain.Briefing{Title: "While the server is down"})
	if msg := domain.ErrorMessage(err); !strings.Contains(msg, "cannot be reached") || !strings.Contains(msg, "nothing was saved") {
		t.Fatalf("with the server gone: %v", err)
	}
	if _, err := s.Sources(ctx, domain.SourceFilter{}); err == nil {
		t.Fatal("reading with the server gone succeeded")
	}
}

// Checking a team library asks the server, and finds it sound; Stats
// counts it as a file's.
func TestServerCheckAndStats(t *testing.T) {
	postgresOnly(t)
	s := openTest(t)
	addSource(t, s, "Chips", chipsText)
	if err := s.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats(context.Background())
	if err != nil || st.Sources != 1 || st.Path != s.Path() {
		t.Fatalf("stats %+v, %v", st, err)
	}
}
