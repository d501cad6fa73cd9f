package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/attache/attache/domain"
)

// DefaultScheme reads the library's default marking scheme, "" for none.
func (s *Store) DefaultScheme(ctx context.Context) (domain.SchemeID, error) {
	var v string
	err := s.view(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT value FROM library_meta WHERE key = 'default_scheme'`).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return dbError("read the default scheme", err)
	})
	return domain.SchemeID(v), err
}

// SetDefaultScheme sets the library's default marking scheme; "" clears it.
func (s *Store) SetDefaultScheme(ctx context.Context, id domain.SchemeID) error {
	if id != "" {
		sch, err := domain.LookupScheme(string(id))
		if err != nil {
			return err
		}
		id = sch.ID
	}
	return s.update(ctx, func(tx *sql.Tx) error {
		var err error
		if id == "" {
			_, err = tx.ExecContext(ctx, `DELETE FROM library_meta WHERE key = 'default_scheme'`)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO library_meta (key, value) VALUES ('default_scheme', ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, string(id))
		}
		return dbError("set the default scheme", err)
	})
}

// MarkingHistory lists the excerpt's markings below its source.
// TODO(store helper): read the marking log once migration 006 adds it.
func (s *Store) MarkingHistory(ctx context.Context, excerptID int64) ([]domain.MarkingChange, error) {
	return nil, nil
}
