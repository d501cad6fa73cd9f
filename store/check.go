package store

import (
	"context"
	"database/sql"
	"strings"
)

// Check runs SQLite's quick_check over the whole library. A damaged file
// gives an error that matches ErrDamaged and names the newest backup.
// It reads every page (about a second for a 200 MB library), so the app
// runs it in the background at start rather than on every command.
func (s *Store) Check(ctx context.Context) error {
	if s.dialect == postgresDialect {
		return s.checkServer(ctx)
	}
	problems, err := quickCheck(ctx, s.r)
	if err != nil {
		if !isDamage(err) {
			return dbError("check the library", err)
		}
		// SQLite stopped on a page it could not read at all.
		problems = append(problems, err.Error())
	}
	if len(problems) == 0 {
		s.clearDamage()
		return nil
	}
	var lines []string
	for _, p := range problems {
		for _, l := range strings.Split(p, "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "*** in database") {
				lines = append(lines, l)
			}
		}
	}
	found := strings.Join(lines, "; ")
	if r := []rune(found); len(r) > 200 {
		found = string(r[:200]) + "…"
	}
	s.markDamaged("SQLite's check found: " + found)
	return damagedf("the library %s has damaged pages (SQLite's check found: %s)%s", s.path, found, backupAdvice(s.path))
}

// quickCheck runs SQLite's quick_check on db and returns the first few
// problems it reports; none when the file is sound.
func quickCheck(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `PRAGMA quick_check(5)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return problems, err
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	return problems, rows.Err()
}
