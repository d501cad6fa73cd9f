package store

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

func TestOpenCreatesPrivateFileWithPragmasOnEveryConnection(t *testing.T) {
	sqliteOnly(t)
	s := openTest(t)
	fi, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("library mode %v, want 0600", fi.Mode().Perm())
	}
	ctx := context.Background()
	// Hold several reader connections at once so the pool must open more
	// than one, and check each has the settings.
	var conns []*sql.Conn
	for range 3 {
		c, err := s.r.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	conns = append(conns, mustConn(t, s.w))
	for i, c := range conns {
		var mode string
		var fk, timeout int
		if err := c.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&timeout); err != nil {
			t.Fatal(err)
		}
		if mode != "wal" || fk != 1 || timeout != 5000 {
			t.Errorf("conn %d: journal_mode=%s foreign_keys=%d busy_timeout=%d", i, mode, fk, timeout)
		}
		c.Close()
	}
}

func TestMigrationsAreRecordedAndIdempotent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lib.db")
	ctx := context.Background()
	for range 2 {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		var n, v int
		if err := s.rt().QueryRow(`SELECT count(*), max(version) FROM schema_migrations`).Scan(&n, &v); err != nil {
			t.Fatal(err)
		}
		ms, _ := migrations()
		if n != len(ms) || v != ms[len(ms)-1].version {
			t.Fatalf("recorded %d migrations up to %d", n, v)
		}
		s.Close()
	}
}

func TestNewerLibraryIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lib.db")
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.wt().Exec(`INSERT INTO schema_migrations VALUES (999, '999_future.sql', 'x')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(ctx, path)
	wantCode(t, err, domain.EINVALID)
}

func TestOpenRefusesFolderAndGarbage(t *testing.T) {
	ctx := context.Background()
	_, err := Open(ctx, t.TempDir())
	wantCode(t, err, domain.EINVALID)

	junk := filepath.Join(t.TempDir(), "junk.db")
	if err := os.WriteFile(junk, []byte("this is not a database, just some text that is long enough to have a header......"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = Open(ctx, junk)
	wantCode(t, err, domain.EINVALID)
}

func mustConn(t *testing.T, db *sql.DB) *sql.Conn {
	t.Helper()
	c, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestStatsCountsLiveBriefings(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, _ := newBriefing(t, s)
	other := &domain.Briefing{Title: "Other"}
	if err := s.CreateBriefing(ctx, other); err != nil {
		t.Fatal(err)
	}
	if err := s.TrashBriefing(ctx, other.ID); err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Sources != 1 || st.Excerpts != 1 || st.Briefings != 1 || st.Path != s.Path() {
		t.Fatalf("stats %+v, %v (briefing %d)", st, err, b.ID)
	}
}

func TestLibraryFromANewerAttacheIsRefusedUntouched(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	addSource(t, s, "Chips", chipsText)
	if _, err := s.wt().ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '999_future.sql', 'x')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	_, err = Open(ctx, path)
	if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), "written by a newer version of Attaché (schema 999") {
		t.Fatalf("open a newer library: %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("refusing a newer library changed its file")
	}
	if list := backups(path); len(list) != 0 {
		t.Fatalf("a newer library was backed up as if migrating: %v", list)
	}
}
