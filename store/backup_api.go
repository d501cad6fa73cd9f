package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// copyLibrary copies the library page by page into the empty file dest with
// SQLite's online backup API, in steps of backupStep pages so that quitting
// can stop it. A write by another connection between steps restarts the
// copy; at 64 MiB a step a 200 MB library takes four steps, so autosaves
// rarely land in between, and after backupRestarts restarts the rest is
// copied in one step, which no writer can interrupt. The copy is switched
// out of WAL mode, so it can be read, and restored, from read-only media.
func (s *Store) copyLibrary(ctx context.Context, dest string) error {
	src, err := s.r.Conn(ctx)
	if err != nil {
		return dbError("back up: open the library", err)
	}
	defer src.Close()
	db, err := sql.Open("sqlite3", fileURI(dest, ""))
	if err != nil {
		return fmt.Errorf("back up: %w", err)
	}
	defer db.Close()
	dst, err := db.Conn(ctx)
	if err != nil {
		return dbError("back up: open the copy", err)
	}
	defer dst.Close()
	err = src.Raw(func(sc any) error {
		return dst.Raw(func(dc any) error {
			b, err := dc.(*sqlite3.SQLiteConn).Backup("main", sc.(*sqlite3.SQLiteConn), "main")
			if err != nil {
				return dbError("back up", err)
			}
			if err := stepBackup(ctx, b); err != nil {
				b.Finish()
				return err
			}
			if err := b.Finish(); err != nil {
				return dbError("back up", err)
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	if _, err := dst.ExecContext(ctx, `PRAGMA journal_mode=DELETE`); err != nil {
		return dbError("back up", err)
	}
	return nil
}

const (
	backupStep     = 16384 // pages of 4 KiB
	backupRestarts = 3
)

func stepBackup(ctx context.Context, b *sqlite3.SQLiteBackup) error {
	last, restarts := -1, 0
	for {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("back up: %w", err)
		}
		n := backupStep
		if restarts >= backupRestarts {
			n = -1
		}
		done, err := b.Step(n)
		if err != nil {
			return dbError("back up", err)
		}
		if done {
			return nil
		}
		if left := b.Remaining(); last >= 0 && left >= last {
			restarts++
		} else {
			last = left
		}
	}
}

// fileURI is the SQLite URI of path with query q: the path escaped, so a
// ? or # in a file name is part of the name.
func fileURI(path, q string) string {
	u := "file:" + (&url.URL{Path: path}).EscapedPath()
	if q != "" {
		u += "?" + q
	}
	return u
}
