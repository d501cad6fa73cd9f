package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/attache/attache/internal/pgtest"
)

// The store's tests are its contract: the whole suite runs once on a
// library file (SQLite) and once more on a PostgreSQL server of its own
// (see runBackends). Tests open their library through newLibrary, which
// gives the run's backend; the few about SQLite's file handling say so
// with sqliteOnly and sit the PostgreSQL run out.
var (
	backend  = sqliteDialect
	pgServer *pgtest.Server
	pgDBs    atomic.Int64
)

// skipPostgresEnv lets a developer without PostgreSQL run the SQLite half;
// CI never sets it, so there a missing server fails the run.
const skipPostgresEnv = "ATTACHE_SKIP_POSTGRES"

// runBackends runs the tests on SQLite, then on PostgreSQL, and returns
// the worse exit code.
func runBackends(m *testing.M) int {
	code := m.Run()
	if os.Getenv(skipPostgresEnv) != "" {
		fmt.Fprintf(os.Stderr, "store: the PostgreSQL run of the contract tests was left out (%s is set)\n", skipPostgresEnv)
		return code
	}
	srv, err := pgtest.Start(context.Background())
	if err != nil {
		fmt.Fprintf(os.Stderr, "store: the PostgreSQL run of the contract tests could not start: %v\n", err)
		return 1
	}
	defer srv.Stop()
	pgServer, backend = srv, postgresDialect
	fmt.Fprintln(os.Stderr, "store: the contract tests again, on PostgreSQL")
	if c := m.Run(); c != 0 {
		code = c
	}
	return code
}

// newLibrary is where a test's library lives on this run's backend: a
// file in the test's folder, or a database of its own on the server,
// dropped after the test.
func newLibrary(t testing.TB) string {
	t.Helper()
	if backend == sqliteDialect {
		return filepath.Join(t.TempDir(), "library.db")
	}
	name := fmt.Sprintf("attache_test_%d", pgDBs.Add(1))
	url, err := pgServer.CreateDB(context.Background(), name)
	if err != nil {
		t.Fatalf("make a database on the test server: %v\n%s", err, pgServer.Log())
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("backend: PostgreSQL, database %s", name)
		}
		_ = pgServer.DropDB(context.Background(), name)
	})
	return url
}

// sqliteOnly marks a test about SQLite's library file (its folder, its
// backups, its damage): it has no meaning on a server.
func sqliteOnly(t testing.TB) {
	t.Helper()
	if backend != sqliteDialect {
		t.Skip("about the SQLite library file")
	}
}
