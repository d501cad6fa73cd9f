package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/attache/attache/domain"
)

// DefaultScheme reads the library's default marking scheme, "" for none.
func (s *Store) DefaultScheme(ctx context.Context) (id domain.SchemeID, err error) {
	err = s.view(ctx, func(tx *Tx) error {
		id, err = defaultScheme(ctx, tx)
		return err
	})
	return id, err
}

func defaultScheme(ctx context.Context, tx *Tx) (domain.SchemeID, error) {
	var v string
	err := tx.QueryRowContext(ctx, `SELECT value FROM library_meta WHERE key = 'default_scheme'`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", dbError("read the default scheme", err)
	}
	return domain.SchemeID(v), nil
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
	return s.update(ctx, func(tx *Tx) error {
		var err error
		if id == "" {
			_, err = tx.ExecContext(ctx, `DELETE FROM library_meta WHERE key = 'default_scheme'`)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO library_meta (key, value) VALUES ('default_scheme', ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, string(id))
		}
		if err != nil {
			return dbError("set the default scheme", err)
		}
		return nil
	})
}

// MarkingHistory implements domain.ExcerptService: the times the excerpt
// was marked below its source, with the reasons given, oldest first.
func (s *Store) MarkingHistory(ctx context.Context, excerptID int64) (list []domain.MarkingChange, err error) {
	err = s.view(ctx, func(tx *Tx) error {
		if _, err := getExcerpt(ctx, tx, excerptID); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT from_marking, to_marking, source_marking, reason, at
			FROM marking_log WHERE excerpt_id = ? ORDER BY id`, excerptID)
		if err != nil {
			return dbError("read the marking history", err)
		}
		defer rows.Close()
		list = []domain.MarkingChange{}
		for rows.Next() {
			c := domain.MarkingChange{ExcerptID: excerptID}
			var at string
			if err := rows.Scan(&c.From, &c.To, &c.Source, &c.Reason, &at); err != nil {
				return dbError("read the marking history", err)
			}
			c.At = parseTime(at)
			list = append(list, c)
		}
		return rows.Err()
	})
	return list, err
}

// logMarking records that excerpt id was marked to, below its source's
// marking, for the reason given.
func (s *Store) logMarking(ctx context.Context, tx *Tx, id int64, from, to, source domain.Marking, reason string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO marking_log (excerpt_id, from_marking, to_marking, source_marking, reason, at)
		VALUES (?, ?, ?, ?, ?, ?)`, id, from, to, source, reason, s.stamp())
	if err != nil {
		return dbError("record the marking", err)
	}
	return nil
}
