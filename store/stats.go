package store

import (
	"context"
)

// Stats counts what the library holds outside the trash.
type Stats struct {
	Path        string
	Sources     int
	Excerpts    int
	Briefings   int
	ReadOnly    bool
	ReadingCopy string // when the private copy being read was taken (RFC 3339)
	Damaged     string // what a check found damaged; changes are refused meanwhile
}

// Stats implements a cheap summary for `attache library` and the About box.
func (s *Store) Stats(ctx context.Context) (st Stats, err error) {
	st.Path, st.ReadOnly = s.path, s.readOnly
	s.mu.Lock()
	st.Damaged = s.damage
	s.mu.Unlock()
	if at, ok := s.ReadingCopy(); ok {
		st.ReadingCopy = formatTime(at)
	}
	err = s.view(ctx, func(tx *Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM sources WHERE trashed_at IS NULL),
			(SELECT count(*) FROM excerpts WHERE trashed_at IS NULL),
			(SELECT count(*) FROM briefings WHERE trashed_at IS NULL)`).Scan(&st.Sources, &st.Excerpts, &st.Briefings)
		if err != nil {
			return dbError("count library", err)
		}
		return nil
	})
	return st, err
}
