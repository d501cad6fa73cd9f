package store

import "context"

// ChangedElsewhere reports whether another program (the command line, a
// second window on the same library) committed a change since the last
// call, so an open window can show it. SQLite's data_version moves only
// with commits from other connections, and the writing connection is the
// only one this store commits through, so its own saves never count.
func (s *Store) ChangedElsewhere(ctx context.Context) (bool, error) {
	if s.dialect == postgresDialect {
		return s.elsewhere.Swap(false), nil
	}
	if s.w == nil {
		return false, nil
	}
	var v int64
	if err := s.w.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return false, dbError("look for changes", err)
	}
	last := s.dataVersion.Swap(v)
	return last != 0 && last != v, nil
}
