package store

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/attache/attache/domain"
)

// The integrity service (domain.IntegrityService): source rechecks and
// standings, and the checker's findings dismissed (migration 008). A
// recheck never replaces a source's text; it is recorded beside it.

// Limits on what the analyst or a recheck gives, beside domain's.
var (
	checkDetail    = domain.Field{Name: "the recheck's detail", Max: 2_000, Advice: ""}
	checkWhere     = domain.Field{Name: "the place a recheck read", Max: 8_192, Advice: ""}
	dismissalKey   = domain.Field{Name: "the finding's key", Max: 1_000, Advice: ""}
	dismissalWords = domain.Field{Name: "the words of the finding", Max: 2_000, Advice: ""}
	dismissalNote  = domain.Field{Name: "the note on the dismissal", Max: 2_000, Advice: ""}
)

// checkLocation holds a source's location to what a file's path can be:
// up to PATH_MAX (4,096) bytes with no NUL. Any other byte is a file
// name's right, control characters and text that is not UTF-8 among them:
// the path is kept exactly, so a recheck opens the same file.
func checkLocation(loc string) error {
	if len(loc) > 4_096 || strings.IndexByte(loc, 0) >= 0 {
		return domain.Errorf(domain.EINVALID, "the source file's location is not a path a file can have (over 4,096 bytes, or holding a NUL): import the file from where it is")
	}
	return nil
}

// checkPrevious refuses a previous version that names no source the
// library has.
func checkPrevious(ctx context.Context, tx *Tx, id int64) error {
	if id == 0 {
		return nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sources WHERE id = ?`, id).Scan(&n); err != nil {
		return dbError("find source", err)
	}
	if n == 0 {
		return domain.Errorf(domain.EINVALID, "the source this is a new version of, source %d, is not in the library: import it as a source of its own, or name the right one", id)
	}
	return nil
}

// sourceExists refuses an id no source has, in the trash or not.
func sourceExists(ctx context.Context, tx *Tx, id int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sources WHERE id = ?`, id).Scan(&n); err != nil {
		return dbError("find source", err)
	}
	if n == 0 {
		return domain.Errorf(domain.ENOTFOUND, "there is no source %d: list the sources with `attache sources`", id)
	}
	return nil
}

// quoteRecord is a QuoteCheck as source_checks.quotes stores it.
type quoteRecord struct {
	ExcerptID int64  `json:"excerpt"`
	State     string `json:"state"`
	Start     int    `json:"start,omitempty"`
	End       int    `json:"end,omitempty"`
}

func checkStatus(st domain.CheckStatus) error {
	switch st {
	case domain.CheckUnchanged, domain.CheckChanged, domain.CheckUnavailable:
		return nil
	}
	return domain.Errorf(domain.EINVALID, "%q is not what a recheck finds: use unchanged, changed or unavailable", st)
}

func quotesJSON(qs []domain.QuoteCheck) (string, error) {
	recs := make([]quoteRecord, len(qs))
	for i, q := range qs {
		switch q.State {
		case domain.QuoteSame, domain.QuoteMoved, domain.QuoteGone:
		default:
			return "", domain.Errorf(domain.EINVALID, "%q is not where a quote stands: use same, moved or gone", q.State)
		}
		if q.Start < 0 || q.End < q.Start {
			return "", domain.Errorf(domain.EINVALID, "excerpt %d: %d–%d is not a span of the new text", q.ExcerptID, q.Start, q.End)
		}
		recs[i] = quoteRecord{q.ExcerptID, string(q.State), q.Start, q.End}
	}
	b, err := json.Marshal(recs)
	return string(b), err
}

func decodeQuotes(s string) []domain.QuoteCheck {
	var recs []quoteRecord
	_ = json.Unmarshal([]byte(s), &recs) // the column holds valid JSON (CHECK); anything else reads as none
	if len(recs) == 0 {
		return nil
	}
	qs := make([]domain.QuoteCheck, len(recs))
	for i, r := range recs {
		qs[i] = domain.QuoteCheck{ExcerptID: r.ExcerptID, State: domain.QuoteState(r.State), Start: r.Start, End: r.End}
	}
	return qs
}

// RecordSourceCheck stores a recheck, filling in its ID and, when zero,
// its time.
func (s *Store) RecordSourceCheck(ctx context.Context, c *domain.SourceCheck) error {
	if c == nil {
		return domain.Errorf(domain.EINVALID, "there is no recheck to record")
	}
	if err := checkStatus(c.Status); err != nil {
		return err
	}
	for _, f := range []struct {
		field domain.Field
		v     string
	}{{checkWhere, c.Where}, {checkDetail, c.Detail}} {
		if err := f.field.Check(f.v); err != nil {
			return err
		}
	}
	quotes, err := quotesJSON(c.Quotes)
	if err != nil {
		return err
	}
	return s.update(ctx, func(tx *Tx) error {
		if err := sourceExists(ctx, tx, c.SourceID); err != nil {
			return err
		}
		if c.At.IsZero() {
			c.At = s.now()
		}
		id, err := tx.insert(ctx, `INSERT INTO source_checks (source_id, at, status, "where", http_status,
			detail, sha256, quotes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, c.SourceID, formatTime(c.At), c.Status,
			c.Where, c.HTTPStatus, c.Detail, strings.ToLower(c.SHA256), quotes)
		if err != nil {
			return dbError("record the recheck", err)
		}
		c.ID = id
		return nil
	})
}

// checkColumns are a source_checks row's, read by scanCheck. The stored
// stamps drop trailing zeros of the fraction and so do not order as text:
// julianday orders them, the id breaks ties.
const (
	checkColumns = `c.id, c.source_id, c.at, c.status, c."where", c.http_status, c.detail, c.sha256, c.quotes`
	newestFirst  = `julianday(c.at) DESC, c.id DESC`
)

func scanCheck(row scanner) (*domain.SourceCheck, error) {
	var c domain.SourceCheck
	var at, quotes string
	if err := row.Scan(&c.ID, &c.SourceID, &at, &c.Status, &c.Where, &c.HTTPStatus, &c.Detail, &c.SHA256, &quotes); err != nil {
		return nil, dbError("read rechecks", err)
	}
	c.At = parseTime(at)
	c.Quotes = decodeQuotes(quotes)
	return &c, nil
}

// SourceChecks lists a source's rechecks, newest first.
func (s *Store) SourceChecks(ctx context.Context, sourceID int64) (list []*domain.SourceCheck, err error) {
	err = s.view(ctx, func(tx *Tx) error {
		if err := sourceExists(ctx, tx, sourceID); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+checkColumns+` FROM source_checks c
			WHERE c.source_id = ? ORDER BY `+newestFirst, sourceID)
		if err != nil {
			return dbError("read rechecks", err)
		}
		defer rows.Close()
		list = []*domain.SourceCheck{}
		for rows.Next() {
			c, err := scanCheck(rows)
			if err != nil {
				return err
			}
			list = append(list, c)
		}
		return rows.Err()
	})
	return list, err
}

// SetSourceStanding marks a source retracted or discredited with a note,
// or sound again, and keeps every change in the source's history. Like
// every commit, it is seen by other windows (ChangedElsewhere).
func (s *Store) SetSourceStanding(ctx context.Context, sourceID int64, st domain.Standing, note string) error {
	st, err := domain.ParseStanding(string(st))
	if err != nil {
		return err
	}
	note = strings.TrimSpace(note)
	if err := domain.StandingNote.Check(note); err != nil {
		return err
	}
	return s.update(ctx, func(tx *Tx) error {
		if err := sourceExists(ctx, tx, sourceID); err != nil {
			return err
		}
		at := s.stamp()
		if _, err := tx.ExecContext(ctx, `INSERT INTO source_standings (source_id, standing, note, at) VALUES (?, ?, ?, ?)`,
			sourceID, st, note, at); err != nil {
			return dbError("record the standing", err)
		}
		// Sound again: the note stays in the history only.
		var keptNote, keptAt any = note, at
		if st == domain.StandingSound {
			keptNote, keptAt = "", nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sources SET standing = ?, standing_note = ?, standing_at = ? WHERE id = ?`,
			st, keptNote, keptAt, sourceID); err != nil {
			return dbError("set the standing", err)
		}
		return nil
	})
}

// Dismissals lists a briefing's dismissed findings, oldest first.
func (s *Store) Dismissals(ctx context.Context, briefingID int64) (list []*domain.Dismissal, err error) {
	err = s.view(ctx, func(tx *Tx) error {
		if err := briefingExists(ctx, tx, briefingID); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT "key", code, words, note, at FROM finding_dismissals
			WHERE briefing_id = ? ORDER BY julianday(at), "key"`, briefingID)
		if err != nil {
			return dbError("read dismissals", err)
		}
		defer rows.Close()
		list = []*domain.Dismissal{}
		for rows.Next() {
			d := &domain.Dismissal{BriefingID: briefingID}
			var at string
			if err := rows.Scan(&d.Key, &d.Code, &d.Words, &d.Note, &at); err != nil {
				return dbError("read dismissals", err)
			}
			d.At = parseTime(at)
			list = append(list, d)
		}
		return rows.Err()
	})
	return list, err
}

// Dismiss keeps a dismissal; dismissing the same finding again replaces
// it (its note and time).
func (s *Store) Dismiss(ctx context.Context, d *domain.Dismissal) error {
	if d == nil || strings.TrimSpace(d.Key) == "" {
		return domain.Errorf(domain.EINVALID, "a dismissal needs the finding's key: dismiss a finding the checker listed")
	}
	d.Note = strings.TrimSpace(d.Note)
	for _, f := range []struct {
		field domain.Field
		v     string
	}{{dismissalKey, d.Key}, {dismissalWords, d.Words}, {dismissalNote, d.Note}, {dismissalKey, d.Code}} {
		if err := f.field.Check(f.v); err != nil {
			return err
		}
	}
	return s.update(ctx, func(tx *Tx) error {
		if err := briefingExists(ctx, tx, d.BriefingID); err != nil {
			return err
		}
		if d.At.IsZero() {
			d.At = s.now()
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO finding_dismissals (briefing_id, "key", code, words, note, at)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (briefing_id, "key") DO UPDATE SET code = excluded.code,
			words = excluded.words, note = excluded.note, at = excluded.at`,
			d.BriefingID, d.Key, d.Code, d.Words, d.Note, formatTime(d.At))
		if err != nil {
			return dbError("keep the dismissal", err)
		}
		return nil
	})
}

// Undismiss brings a dismissed finding back; one not dismissed is
// ENOTFOUND.
func (s *Store) Undismiss(ctx context.Context, briefingID int64, key string) error {
	return s.update(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM finding_dismissals WHERE briefing_id = ? AND "key" = ?`, briefingID, key)
		if err != nil {
			return dbError("bring the finding back", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if err := briefingExists(ctx, tx, briefingID); err != nil {
				return err
			}
			return domain.Errorf(domain.ENOTFOUND, "briefing %d has no dismissed finding %q: list them with `attache check %d --json`", briefingID, key, briefingID)
		}
		return nil
	})
}

// briefingExists refuses an id no briefing has, in the trash or not.
func briefingExists(ctx context.Context, tx *Tx, id int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM briefings WHERE id = ?`, id).Scan(&n); err != nil {
		return dbError("find briefing", err)
	}
	if n == 0 {
		return domain.Errorf(domain.ENOTFOUND, "there is no briefing %d: list them with `attache briefing list`", id)
	}
	return nil
}
