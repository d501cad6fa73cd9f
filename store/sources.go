package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/attache/attache/domain"
)

// sourceColumns counts, for a source in the trash, the excerpts that went
// with it (excerpt_count counts those in use).
const sourceColumns = `s.id, s.kind, s.title, s.subtitle, s.section, s.authors, s.publisher,
	s.published, s.url, s.accessed, s.language, s.sha256, s.file_name, s.imported_at,
	s.reliability, s.notes, s.marking, coalesce(s.file_sha256, ''), s.location, coalesce(s.previous_id, 0),
	s.standing, s.standing_note, s.standing_at, s.added_by, s.trashed_at, CASE WHEN s.trashed_at IS NULL THEN s.excerpt_count
	ELSE (SELECT count(*) FROM excerpts x WHERE x.source_id = s.id AND x.trashed_at = s.trashed_at) END`

// CreateSource implements domain.SourceService.
func (s *Store) CreateSource(ctx context.Context, src *domain.Source) (existing bool, err error) {
	err = s.update(ctx, func(tx *Tx) error {
		existing, err = s.createSource(ctx, tx, src)
		return err
	})
	return existing, err
}

func (s *Store) createSource(ctx context.Context, tx *Tx, src *domain.Source) (existing bool, err error) {
	if src.Kind == "" {
		src.Kind = domain.KindArticle
	}
	if err := src.Validate(); err != nil {
		return false, err
	}
	if err := checkSourceMarking(src); err != nil {
		return false, err
	}
	if err := checkTextMap(src); err != nil {
		return false, err
	}
	if err := checkLocation(src.Location); err != nil {
		return false, err
	}
	src.SHA256 = domain.TextSHA256(src.Text)
	var id int64
	err = tx.QueryRowContext(ctx, `SELECT id FROM sources WHERE sha256 = ?`, src.SHA256).Scan(&id)
	if err == nil {
		given := *src
		if err := existingSource(ctx, tx, id, src); err != nil {
			return true, err
		}
		return true, completeExisting(ctx, tx, src, &given)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return false, dbError("find source", err)
	}
	if err := checkPrevious(ctx, tx, src.PreviousID); err != nil {
		return false, err
	}
	src.ImportedAt = s.now()
	// A new source has no standing of its own yet: SetSourceStanding gives it.
	src.Standing, src.StandingNote, src.StandingAt, src.Concern = domain.StandingSound, "", nil, nil
	id, err = tx.insert(ctx, `INSERT INTO sources (kind, title, subtitle, section, authors,
		publisher, published, url, accessed, language, sha256, file_name, imported_at,
		reliability, notes, marking, location, previous_id, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		src.Kind, src.Title, src.Subtitle, src.Section, authorsJSON(src.Authors), src.Publisher,
		src.Published.String(), src.URL, src.Accessed.String(), src.Language, src.SHA256,
		src.FileName, formatTime(src.ImportedAt), src.Reliability, src.Notes, src.Marking,
		tx.d.path(src.Location), nullID(src.PreviousID), s.user)
	if err != nil {
		return false, dbError("insert source", err)
	}
	src.ID = id
	blob, err := textMapBlob(src.TextMap)
	if err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO source_texts (source_id, text, pages, text_map) VALUES (?, ?, ?, ?)`,
		src.ID, src.Text, pagesJSON(src.Pages), blob); err != nil {
		return false, dbError("insert source", err)
	}
	if src.Original != nil {
		if err := keepOriginal(ctx, tx, src); err != nil {
			return false, err
		}
	}
	return false, indexSource(ctx, tx, src.ID)
}

// existingSource loads the source with the same text into src. Importing
// the text of a source in the trash is asking for it back: it is restored.
func existingSource(ctx context.Context, tx *Tx, id int64, src *domain.Source) error {
	got, err := getSource(ctx, tx, id, true)
	if err != nil {
		return err
	}
	if got.TrashedAt != nil {
		if err := restoreSource(ctx, tx, id); err != nil {
			return err
		}
		if got, err = getSource(ctx, tx, id, true); err != nil {
			return err
		}
	}
	*src = *got
	return nil
}

// checkSourceMarking refuses a source marking no scheme can read. A
// source may be marked under any scheme: its excerpts take its marking,
// and a briefing admits them only under the same scheme.
func checkSourceMarking(src *domain.Source) error {
	k, err := src.Marking.Read()
	if err != nil {
		return domain.Errorf(domain.EINVALID, "the source's marking: %s", domain.ErrorMessage(err))
	}
	src.Marking = k.Marking()
	return nil
}

func authorsJSON(a []string) string {
	clean := []string{}
	for _, x := range a {
		if x = strings.TrimSpace(x); x != "" {
			clean = append(clean, x)
		}
	}
	b, _ := json.Marshal(clean)
	return string(b)
}

// Source implements domain.SourceService; the result includes the text
// and the source's concern, if it has one.
func (s *Store) Source(ctx context.Context, id int64) (src *domain.Source, err error) {
	err = s.view(ctx, func(tx *Tx) error {
		if src, err = getSource(ctx, tx, id, true); err != nil {
			return err
		}
		_, err = concernsOf(ctx, tx, []*domain.Source{src})
		return err
	})
	return src, err
}

func getSource(ctx context.Context, tx *Tx, id int64, withText bool) (*domain.Source, error) {
	src, err := scanSource(tx.QueryRowContext(ctx, `SELECT `+sourceColumns+`, '' FROM sources s WHERE s.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENOTFOUND, "there is no source %d: list the sources with `attache sources`", id)
	}
	if err != nil || !withText {
		return src, err
	}
	var pages string
	var textMap []byte
	if err := tx.QueryRowContext(ctx, `SELECT text, pages, text_map FROM source_texts WHERE source_id = ?`, id).Scan(&src.Text, &pages, &textMap); err != nil {
		return nil, dbError("read source", err)
	}
	_ = json.Unmarshal([]byte(pages), &src.Pages)
	src.TextMap = readTextMap(textMap)
	return src, nil
}

type scanner interface{ Scan(dest ...any) error }

func scanSource(row scanner) (*domain.Source, error) {
	var src domain.Source
	var authors, published, accessed, imported string
	var trashed, standingAt sql.NullString
	err := row.Scan(&src.ID, &src.Kind, &src.Title, &src.Subtitle, &src.Section, &authors,
		&src.Publisher, &published, &src.URL, &accessed, &src.Language, &src.SHA256,
		&src.FileName, &imported, &src.Reliability, &src.Notes, &src.Marking, &src.FileSHA256,
		&src.Location, &src.PreviousID, &src.Standing, &src.StandingNote, &standingAt, &src.AddedBy,
		&trashed, &src.ExcerptCount, &src.Text)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		return nil, dbError("read source", err)
	}
	src.Authors = decodeAuthors(authors)
	src.Published = parseDay(published)
	src.Accessed = parseDay(accessed)
	src.ImportedAt = parseTime(imported)
	src.TrashedAt = trashedTime(trashed)
	src.StandingAt = trashedTime(standingAt) // a stamp or NULL, read alike
	return &src, nil
}

// decodeAuthors reads the JSON list. Names rarely need escapes, so the
// common shape is split by hand: the JSON decoder was an eighth of the time
// of a 10,000-source listing.
func decodeAuthors(s string) []string {
	if len(s) < 4 || s[:2] != `["` || s[len(s)-2:] != `"]` || strings.IndexByte(s, '\\') >= 0 {
		var a []string
		_ = json.Unmarshal([]byte(s), &a)
		if a == nil {
			a = []string{}
		}
		return a
	}
	return strings.Split(s[2:len(s)-2], `","`)
}

var sourceSorts = map[string]string{
	"":          "s.imported_at",
	"imported":  "s.imported_at",
	"title":     "s.title COLLATE NOCASE",
	"published": "s.published",
	"author":    "s.authors COLLATE NOCASE",
	"excerpts":  "s.excerpt_count",
}

// Sources implements domain.SourceService; texts are left out of listings,
// concerns are in (one more query for the whole page).
func (s *Store) Sources(ctx context.Context, f domain.SourceFilter) (list []*domain.Source, err error) {
	order, ok := sourceSorts[f.Sort]
	if !ok {
		return nil, domain.Errorf(domain.EINVALID, "cannot sort sources by %q: use title, author, published, imported or excerpts", f.Sort)
	}
	dir := "ASC"
	if f.Desc {
		dir = "DESC"
	}
	if f.Trashed && f.Sort == "" {
		order, dir = "s.trashed_at", "DESC" // the trash lists what went last first
	}
	where, args := []string{"s.trashed_at IS NULL"}, []any{}
	if f.Trashed {
		where[0] = "s.trashed_at IS NOT NULL"
	}
	if f.Kind != "" {
		where, args = append(where, "s.kind = ?"), append(args, f.Kind)
	}
	if f.Query != "" {
		match := s.dialect.matchQuery(f.Query)
		if match == "" {
			return []*domain.Source{}, nil
		}
		where = append(where, "s.id * 4 + 1 IN (SELECT rowid FROM search WHERE "+s.dialect.match("?")+")")
		args = append(args, match)
	}
	q := `SELECT ` + sourceColumns + `, '' FROM sources s WHERE ` + strings.Join(where, " AND ") +
		fmt.Sprintf(" ORDER BY %s %s, s.id %s", order, dir, dir) + limitClause(f.Offset, f.Limit)
	err = s.view(ctx, func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return dbError("list sources", err)
		}
		defer rows.Close()
		list = []*domain.Source{}
		for rows.Next() {
			src, err := scanSource(rows)
			if err != nil {
				return err
			}
			list = append(list, src)
		}
		if err := rows.Err(); err != nil {
			return dbError("list sources", err)
		}
		_, err = concernsOf(ctx, tx, list)
		return err
	})
	return list, err
}

func limitClause(offset, limit int) string {
	if limit <= 0 {
		limit = -1
	}
	return fmt.Sprintf(" LIMIT %d OFFSET %d", limit, max(offset, 0))
}

// UpdateSource implements domain.SourceService. The text, and so its hash and
// every excerpt offset, never changes. The merge with changes made
// elsewhere happens in the same transaction as the write.
func (s *Store) UpdateSource(ctx context.Context, base, src *domain.Source) (clashes []domain.Conflict, err error) {
	if err := src.ValidateMetadata(); err != nil {
		return nil, err
	}
	if err := checkSourceMarking(src); err != nil {
		return nil, err
	}
	err = s.update(ctx, func(tx *Tx) error {
		cur, err := getSource(ctx, tx, src.ID, false)
		if err != nil {
			return err
		}
		if base != nil {
			var merged *domain.Source
			merged, clashes = domain.MergeSource(base, src, cur)
			merged.Text, merged.Pages, merged.TextMap = src.Text, src.Pages, src.TextMap
			merged.FileSHA256 = cur.FileSHA256 // the file never changes with the metadata
			*src = *merged
		}
		_, err = tx.ExecContext(ctx, `UPDATE sources SET kind = ?, title = ?, subtitle = ?,
			section = ?, authors = ?, publisher = ?, published = ?, url = ?, accessed = ?,
			language = ?, file_name = ?, reliability = ?, notes = ?, marking = ? WHERE id = ?`,
			src.Kind, src.Title, src.Subtitle, src.Section, authorsJSON(src.Authors), src.Publisher,
			src.Published.String(), src.URL, src.Accessed.String(), src.Language, src.FileName,
			src.Reliability, src.Notes, src.Marking, src.ID)
		if err != nil {
			return dbError("update source", err)
		}
		return indexSource(ctx, tx, src.ID)
	})
	return clashes, err
}

// DeleteSource implements domain.SourceService.
func (s *Store) DeleteSource(ctx context.Context, id int64, force bool) error {
	return s.deleteSource(ctx, id, force, false)
}

// PurgeSource deletes for good a source that is in the trash, and refuses
// one that is not (restored elsewhere since the trash was listed).
func (s *Store) PurgeSource(ctx context.Context, id int64, force bool) error {
	return s.deleteSource(ctx, id, force, true)
}

func (s *Store) deleteSource(ctx context.Context, id int64, force, trashedOnly bool) error {
	return s.update(ctx, func(tx *Tx) error {
		src, err := getSource(ctx, tx, id, false)
		if err != nil {
			return err
		}
		if trashedOnly && src.TrashedAt == nil {
			return domain.Errorf(domain.ENOTFOUND, "source %d is no longer in the trash (restored elsewhere?): nothing was deleted", id)
		}
		used, err := allUsage(ctx, tx, "e.source_id = ?", id)
		if err != nil {
			return err
		}
		if len(used) > 0 && !force {
			return domain.Errorf(domain.ECONFLICT, "excerpts of source %d are used in %s: remove them from those briefings (their blocks and evidence) first, or delete together with those blocks and links", id, refList(used))
		}
		stmts := []string{
			`DELETE FROM evidence WHERE excerpt_id IN (SELECT id FROM excerpts WHERE source_id = ?)`,
			`DELETE FROM blocks WHERE excerpt_id IN (SELECT id FROM excerpts WHERE source_id = ?)`,
			`DELETE FROM search WHERE rowid IN (SELECT id * 4 + 2 FROM excerpts WHERE source_id = ?)`,
			`DELETE FROM search WHERE rowid = ? * 4 + 1`,
			`DELETE FROM sources WHERE id = ?`,
		}
		for _, q := range stmts {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return dbError("delete source", err)
			}
		}
		return reindexBriefings(ctx, tx, used)
	})
}

// SourceUsage implements domain.SourceService.
func (s *Store) SourceUsage(ctx context.Context, id int64) (refs []domain.BriefingRef, err error) {
	err = s.view(ctx, func(tx *Tx) error {
		refs, err = liveUsage(ctx, tx, "e.source_id = ?", id)
		return err
	})
	return refs, err
}

// allUsage names every briefing, in the trash or not, that quotes the
// excerpts picked by cond (a condition on e) or links them as evidence:
// what deleting them for good takes from.
func allUsage(ctx context.Context, tx *Tx, cond string, args ...any) ([]domain.BriefingRef, error) {
	return briefingRefs(ctx, tx, `SELECT b.id, b.title, b.created_by FROM briefings b WHERE b.id IN (
		SELECT k.briefing_id FROM blocks k JOIN excerpts e ON e.id = k.excerpt_id WHERE `+cond+`
		UNION SELECT k.briefing_id FROM evidence v JOIN blocks k ON k.id = v.block_id
		JOIN excerpts e ON e.id = v.excerpt_id WHERE `+cond+`) ORDER BY b.id`, append(args, args...)...)
}

func briefingRefs(ctx context.Context, tx *Tx, q string, args ...any) ([]domain.BriefingRef, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, dbError("find briefings", err)
	}
	defer rows.Close()
	refs := []domain.BriefingRef{}
	for rows.Next() {
		var r domain.BriefingRef
		if err := rows.Scan(&r.ID, &r.Title, &r.Owner); err != nil {
			return nil, dbError("find briefings", err)
		}
		refs = append(refs, r)
	}
	return refs, rows.Err()
}

func refList(refs []domain.BriefingRef) string {
	parts := make([]string, len(refs))
	for i, r := range refs {
		parts[i] = fmt.Sprintf("briefing %d %q", r.ID, r.Title)
		if r.Owner != "" {
			parts[i] += " (" + r.Owner + "'s)"
		}
	}
	return strings.Join(parts, ", ")
}

func pagesJSON(p []int) string {
	if len(p) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(p)
	return string(b)
}
