package pgtest

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/jackc/pgx/v5"
)

// New starts a server for one test and stops it when the test ends; it
// fails the test if the server cannot start. Tests sharing a server
// should Start one in TestMain instead.
func New(t testing.TB) *Server {
	t.Helper()
	s, err := Start(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Stop(); err != nil {
			t.Error(err)
		}
	})
	return s
}

// dbName is what CreateDB accepts: a name that needs no quoting or
// escaping anywhere (URLs, SQL, shell), within PostgreSQL's 63 bytes.
var dbName = regexp.MustCompile(`^[a-z0-9_]{1,63}$`)

// CreateDB creates an empty database and returns its URL.
func (s *Server) CreateDB(ctx context.Context, name string) (string, error) {
	if err := s.admin(ctx, name, "CREATE DATABASE %s"); err != nil {
		return "", err
	}
	return s.URL(name), nil
}

// DropDB drops a database, closing its connections first (WITH (FORCE)),
// so a test that leaked a connection cannot block it. A database that does
// not exist is no error.
func (s *Server) DropDB(ctx context.Context, name string) error {
	return s.admin(ctx, name, "DROP DATABASE IF EXISTS %s WITH (FORCE)")
}

// admin runs a statement about database name (put in for %s) from the
// postgres database; CREATE and DROP DATABASE cannot take parameters.
func (s *Server) admin(ctx context.Context, name, stmt string) error {
	if !dbName.MatchString(name) {
		return fmt.Errorf("pgtest: database name %q: want 1 to 63 of a-z, 0-9 and _", name)
	}
	conn, err := pgx.Connect(ctx, s.URL("postgres"))
	if err != nil {
		return fmt.Errorf("pgtest: %w", err)
	}
	defer conn.Close(context.Background())
	sql := fmt.Sprintf(stmt, pgx.Identifier{name}.Sanitize())
	if _, err := conn.Exec(ctx, sql); err != nil {
		return fmt.Errorf("pgtest: %s: %w", sql, err)
	}
	return nil
}
