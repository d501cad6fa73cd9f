package store

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/attache/attache/internal/atomicfile"
)

// identity tells libraries apart, so a library is only ever offered, and
// restored from, its own backups: by name alone, a library renamed or copied
// into another's place was given the other's. It is the random id migration
// 005 stores in the library and the moment the library was made (when its
// first migration was applied, to the nanosecond), which backups taken
// before ids existed carry as well. A copy of the file, a backup or a
// restore, has the same identity: it is the same library.
type identity struct{ id, created string }

func (a identity) known() bool { return a.id != "" || a.created != "" }

// same tells whether two files are copies of one library: their ids decide
// when both have one, their creation times otherwise.
func (a identity) same(b identity) bool {
	if a.id != "" && b.id != "" {
		return a.id == b.id
	}
	return a.created != "" && a.created == b.created
}

// errEmptyFile marks a library file of 0 bytes, which holds no identity.
var errEmptyFile = errors.New("the file is empty")

// readIdentity reads the identity of the library or backup at path,
// without changing the file or making one.
func readIdentity(ctx context.Context, path string) (identity, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return identity{}, err
	}
	if fi.Size() == 0 {
		return identity{}, errEmptyFile
	}
	db, err := sql.Open("sqlite3", fileURI(path, "mode=ro&_busy_timeout=5000"))
	if err != nil {
		return identity{}, err
	}
	defer db.Close()
	return queryIdentity(ctx, db)
}

type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// queryIdentity reads the identity of an open library; one from before
// migration 005 has only its creation time.
func queryIdentity(ctx context.Context, db rowQuerier) (identity, error) {
	return queryIdentityIn(ctx, db, sqliteDialect)
}

// queryIdentityIn is queryIdentity for a library in dialect d: on a
// server the schema starts with library_meta.
func queryIdentityIn(ctx context.Context, db rowQuerier, d dialect) (identity, error) {
	var id identity
	if err := db.QueryRowContext(ctx, `SELECT applied_at FROM schema_migrations WHERE version = 1`).Scan(&id.created); err != nil {
		return identity{}, err
	}
	var tables int
	if d == sqliteDialect {
		err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'library_meta'`).Scan(&tables)
		if err != nil || tables == 0 {
			return id, err
		}
	}
	err := db.QueryRowContext(ctx, `SELECT value FROM library_meta WHERE key = 'library_id'`).Scan(&id.id)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return identity{}, err
	}
	return id, nil
}

// libraryIdentity is the identity of the library at path: read from the file
// when it can be, else, for a file too damaged to read or emptied, the one
// its backups folder recorded when the last backup was taken. Unknown (the
// zero identity) when neither is there.
func libraryIdentity(ctx context.Context, path string) identity {
	if id, err := readIdentity(ctx, path); err == nil && id.known() {
		return id
	}
	return recordedIdentity(path)
}

// identityFile, in a library's backups folder, names the library the
// backups there belong to, for when the library itself cannot be read.
const identityFile = "library-id.txt"

// recordIdentity writes down, in the backups folder, which library the
// backups there belong to; best effort, and only when it changed.
func recordIdentity(path string, id identity) {
	if !id.known() || recordedIdentity(path) == id {
		return
	}
	text := fmt.Sprintf("# The library whose automatic backups this folder holds; Attaché reads this\n# only when the library file itself cannot be read.\nid %s\ncreated %s\n", id.id, id.created)
	dest := filepath.Join(BackupDir(path), identityFile)
	_ = atomicfile.Write(context.Background(), dest, 0o600, func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	})
}

// recordedIdentity reads what recordIdentity wrote; zero if nothing.
func recordedIdentity(path string) identity {
	f, err := os.Open(filepath.Join(BackupDir(path), identityFile))
	if err != nil {
		return identity{}
	}
	defer f.Close()
	var id identity
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		key, value, _ := strings.Cut(sc.Text(), " ")
		switch key {
		case "id":
			id.id = strings.TrimSpace(value)
		case "created":
			id.created = strings.TrimSpace(value)
		}
	}
	return id
}
