package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/attache/attache/domain"
)

// Check runs SQLite's quick_check over the whole library. A damaged file
// gives an error that matches ErrDamaged and names the newest backup.
// It reads every page (about a second for a 200 MB library), so the app
// runs it in the background at start rather than on every command.
func (s *Store) Check(ctx context.Context) error {
	rows, err := s.r.QueryContext(ctx, `PRAGMA quick_check(5)`)
	if err != nil {
		return s.damaged(dbError("check the library", err))
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return s.damaged(dbError("check the library", err))
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return s.damaged(dbError("check the library", err))
	}
	if len(problems) > 0 {
		cause := &damagedError{domain.Errorf(domain.EINVALID, "quick_check: %s", strings.Join(problems, "; "))}
		return fmt.Errorf("%w", damagedHint(s.path, cause))
	}
	return nil
}
