package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// copyLibrary copies the library page by page into the empty file dest with
// SQLite's online backup API. One step copies every page under a single
// read transaction, so the copy is one consistent state while the writer
// carries on in the write-ahead log (smaller steps would restart whenever
// an autosave lands between them).
func (s *Store) copyLibrary(ctx context.Context, dest string) error {
	src, err := s.r.Conn(ctx)
	if err != nil {
		return dbError("back up: open the library", err)
	}
	defer src.Close()
	db, err := sql.Open("sqlite3", "file:"+dest)
	if err != nil {
		return fmt.Errorf("back up: %w", err)
	}
	defer db.Close()
	dst, err := db.Conn(ctx)
	if err != nil {
		return dbError("back up: open the copy", err)
	}
	defer dst.Close()
	return src.Raw(func(sc any) error {
		return dst.Raw(func(dc any) error {
			b, err := dc.(*sqlite3.SQLiteConn).Backup("main", sc.(*sqlite3.SQLiteConn), "main")
			if err != nil {
				return dbError("back up", err)
			}
			if _, err := b.Step(-1); err != nil {
				b.Finish()
				return dbError("back up", err)
			}
			if err := b.Finish(); err != nil {
				return dbError("back up", err)
			}
			return nil
		})
	})
}

// createEmpty makes dest as a new private file, so the copy is never
// readable by others even for a moment.
func createEmpty(dest string) error {
	f, err := os.OpenFile(dest, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	return f.Close()
}
