package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/attache/attache/domain"
)

// CreateExcerpt implements domain.ExcerptService.
func (s *Store) CreateExcerpt(ctx context.Context, e *domain.Excerpt) error {
	return s.update(ctx, func(tx *Tx) error { return s.createExcerpt(ctx, tx, e) })
}

func (s *Store) createExcerpt(ctx context.Context, tx *Tx, e *domain.Excerpt) error {
	if err := checkExcerptGrades(e); err != nil {
		return err
	}
	src, err := excerptSource(ctx, tx, e.SourceID)
	if err != nil {
		return err
	}
	if err := locateExcerpt(src.text, e); err != nil {
		return err
	}
	return s.insertExcerpt(ctx, tx, e, src)
}

// excerptSourceInfo is what an excerpt needs of its source: the text to
// take its span from, the title listings show, the marking it takes.
type excerptSourceInfo struct {
	text, title string
	marking     domain.Marking
}

// excerptSource reads the source an excerpt is taken from.
func excerptSource(ctx context.Context, tx *Tx, sourceID int64) (excerptSourceInfo, error) {
	var src excerptSourceInfo
	var trashed sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT t.text, s.title, s.marking, s.trashed_at FROM sources s
		JOIN source_texts t ON t.source_id = s.id WHERE s.id = ?`, sourceID).Scan(&src.text, &src.title, &src.marking, &trashed)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return src, domain.Errorf(domain.ENOTFOUND, "there is no source %d to excerpt from: list the sources with `attache sources`", sourceID)
	case err != nil:
		return src, dbError("read source", err)
	case trashed.Valid:
		return src, domain.Errorf(domain.ECONFLICT, "source %d is in the trash: restore it first (`attache source restore %d`)", sourceID, sourceID)
	}
	return src, nil
}

// insertExcerpt stores e, already checked and located in its source's
// text. An excerpt given no marking takes its source's; one marked below
// it needs a reason, which the marking history keeps.
func (s *Store) insertExcerpt(ctx context.Context, tx *Tx, e *domain.Excerpt, src excerptSourceInfo) error {
	if e.Marking == "" {
		e.Marking = src.marking
	}
	below, err := markAgainstSource(e, src.marking, "the excerpt")
	if err != nil {
		return err
	}
	e.Tags = domain.NormalizeTags(e.Tags)
	now := s.now()
	e.CreatedAt, e.UpdatedAt, e.SourceTitle = now, now, src.title
	e.CreatedBy, e.UpdatedBy = s.user, s.user
	if err := keepFigureImage(ctx, tx, e.Figure); err != nil {
		return err
	}
	fig := newFigureRow(e.Figure)
	id, err := tx.insert(ctx, `INSERT INTO excerpts (source_id, start, "end", quote, note,
		credibility, marking, marking_reason, created_at, updated_at, figure_page, figure_x0, figure_y0,
		figure_x1, figure_y1, figure_width, figure_height, figure_caption, figure_sha256, created_by, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.SourceID, e.Start, e.End, e.Quote, e.Note, e.Credibility, e.Marking, e.MarkingReason,
		formatTime(now), formatTime(now), fig.page, fig.x0, fig.y0, fig.x1, fig.y1, fig.width, fig.height,
		fig.caption, fig.sha256, s.user, s.user)
	if err != nil {
		return dbError("insert excerpt", err)
	}
	e.ID = id
	if below {
		if err := s.logMarking(ctx, tx, e.ID, "", e.Marking, src.marking, e.MarkingReason); err != nil {
			return err
		}
	}
	if err := setTags(ctx, tx, e.ID, e.Tags); err != nil {
		return err
	}
	return indexExcerpt(ctx, tx, e.ID)
}

// locateExcerpt fixes e's span and quote to the source's own characters:
// from the offsets when given, else by finding the quote in the text.
func locateExcerpt(text string, e *domain.Excerpt) error {
	return locateIn(domain.NewRuneIndex(text), e)
}

// locateIn is locateExcerpt over an indexed text, for the many excerpts
// of one source that an import brings.
func locateIn(x *domain.RuneIndex, e *domain.Excerpt) error {
	text := x.Text()
	if e.Figure != nil && e.Start == e.End && (e.Start != 0 || e.Quote == "") {
		return locateEmptyFigure(x, e)
	}
	if e.Start != 0 || e.End != 0 {
		quote, err := x.Span(e.Start, e.End)
		if err != nil {
			return err
		}
		if e.Quote != "" && e.Quote != quote {
			if spans, _ := domain.FindQuote(quote, e.Quote); len(spans) != 1 || spans[0] != (domain.Span{Start: 0, End: len([]rune(quote))}) {
				return domain.Errorf(domain.EINVALID, "the text at %d–%d is %q, not the quote given: give either the offsets or the quote", e.Start, e.End, quote)
			}
		}
		e.Quote = quote
		return nil
	}
	spans, err := domain.FindQuote(text, e.Quote)
	if err != nil {
		return err
	}
	e.Start, e.End = spans[0].Start, spans[0].End
	e.Quote, _ = x.Span(e.Start, e.End)
	return nil
}

func checkExcerptGrades(e *domain.Excerpt) error {
	if err := e.Validate(); err != nil { // note and tags within limits
		return err
	}
	if err := domain.CheckCredibility(e.Credibility); err != nil {
		return err
	}
	k, err := e.Marking.Read()
	if err != nil {
		return err
	}
	e.Marking = k.Marking()
	return nil
}

// excerptFields are excerptColumns but the tags, for a query that reads the
// tags of many excerpts at once (see attachExcerpts).
const excerptFields = `e.id, e.source_id, e.start, e."end", e.quote, e.note, e.credibility,
	e.marking, e.marking_reason, e.created_at, e.updated_at, e.created_by, e.updated_by, e.trashed_at, ` + figureFields + `, s.title`

const excerptColumns = excerptFields + `,
	coalesce((SELECT json_group_array(name) FROM (SELECT t.name FROM excerpt_tags et
		JOIN tags t ON t.id = et.tag_id WHERE et.excerpt_id = e.id ORDER BY t.name) AS n), '[]')`

func scanExcerpt(row scanner) (*domain.Excerpt, error) {
	var e domain.Excerpt
	var created, updated, tags string
	var trashed sql.NullString
	var fig figureRow
	if err := row.Scan(&e.ID, &e.SourceID, &e.Start, &e.End, &e.Quote, &e.Note, &e.Credibility,
		&e.Marking, &e.MarkingReason, &created, &updated, &e.CreatedBy, &e.UpdatedBy, &trashed, &fig.page, &fig.x0, &fig.y0, &fig.x1, &fig.y1,
		&fig.width, &fig.height, &fig.caption, &fig.sha256, &e.SourceTitle, &tags); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		return nil, dbError("read excerpt", err)
	}
	e.CreatedAt, e.UpdatedAt = parseTime(created), parseTime(updated)
	e.Tags = decodeTags(tags)
	e.TrashedAt = trashedTime(trashed)
	e.Figure = fig.figure()
	return &e, nil
}

// Excerpt implements domain.ExcerptService.
func (s *Store) Excerpt(ctx context.Context, id int64) (e *domain.Excerpt, err error) {
	err = s.view(ctx, func(tx *Tx) error {
		if e, err = getExcerpt(ctx, tx, id); err != nil {
			return err
		}
		return loadFigureImages(ctx, tx, []*domain.Excerpt{e})
	})
	return e, err
}

func getExcerpt(ctx context.Context, tx *Tx, id int64) (*domain.Excerpt, error) {
	e, err := scanExcerpt(tx.QueryRowContext(ctx, `SELECT `+excerptColumns+`
		FROM excerpts e JOIN sources s ON s.id = e.source_id WHERE e.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENOTFOUND, "there is no excerpt %d: list the excerpts with `attache excerpts`", id)
	}
	return e, err
}

// Excerpts implements domain.ExcerptService, in source order, then by
// position in the source; a query orders by relevance instead, and the
// trash most recently trashed first.
func (s *Store) Excerpts(ctx context.Context, f domain.ExcerptFilter) (list []*domain.Excerpt, err error) {
	where, args := []string{"e.trashed_at IS NULL"}, []any{}
	order := "e.source_id, e.start, e.id"
	if f.Trashed {
		where[0] = "e.trashed_at IS NOT NULL AND s.trashed_at IS NULL"
		order = "e.trashed_at DESC, e.id DESC"
	}
	if f.SourceID != 0 {
		where, args = append(where, "e.source_id = ?"), append(args, f.SourceID)
	}
	if tag := domain.NormalizeTags([]string{f.Tag}); len(tag) == 1 {
		where = append(where, `e.id IN (SELECT et.excerpt_id FROM excerpt_tags et
			JOIN tags t ON t.id = et.tag_id WHERE t.name = ?)`)
		args = append(args, tag[0])
	}
	if len(f.IDs) > 0 {
		where = append(where, "e.id IN (SELECT value FROM json_each(?))")
		args = append(args, idsJSON(f.IDs))
	}
	from := "excerpts e"
	if f.Query != "" {
		match := s.dialect.matchQuery(f.Query)
		if match == "" {
			return []*domain.Excerpt{}, nil
		}
		from = `(SELECT rowid / 4 AS id, ` + s.dialect.rank("?1") + ` AS rank FROM search
			WHERE ` + s.dialect.match("?1") + ` AND rowid % 4 = 2
			AND ` + s.dialect.rankWindow("?1", "?2") + `) h JOIN excerpts e ON e.id = h.id`
		args = append([]any{match, rankedMatches - 1}, args...)
		order = "h.rank, e.id"
	}
	q := `SELECT ` + excerptColumns + ` FROM ` + from + ` JOIN sources s ON s.id = e.source_id
		WHERE ` + strings.Join(where, " AND ") + ` ORDER BY ` + order + limitClause(f.Offset, f.Limit)
	err = s.view(ctx, func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return dbError("list excerpts", err)
		}
		defer rows.Close()
		list = []*domain.Excerpt{}
		for rows.Next() {
			e, err := scanExcerpt(rows)
			if err != nil {
				return err
			}
			list = append(list, e)
		}
		return rows.Err()
	})
	return list, err
}

// UpdateExcerpt implements domain.ExcerptService. The merge with changes
// made elsewhere happens in the same transaction as the write.
func (s *Store) UpdateExcerpt(ctx context.Context, base, e *domain.Excerpt) (clashes []domain.Conflict, err error) {
	chk := *e
	if base != nil && chk.Note == base.Note {
		chk.Note = "" // stored before the length rules, perhaps: it may stay
	}
	// The figure's page, rectangle and image never change with an update
	// (an excerpt from a listing has no image): only its caption is checked.
	chk.Figure = nil
	if err := checkExcerptGrades(&chk); err != nil {
		return nil, err
	}
	if e.Figure != nil {
		if err := domain.FigureCaption.Check(e.Figure.Caption); err != nil {
			return nil, err
		}
	}
	e.Credibility, e.Marking = chk.Credibility, chk.Marking
	e.Tags = domain.NormalizeTags(e.Tags)
	err = s.update(ctx, func(tx *Tx) error {
		cur, err := getExcerpt(ctx, tx, e.ID)
		if err != nil {
			return err
		}
		if base != nil {
			var merged *domain.Excerpt
			merged, clashes = domain.MergeExcerpt(base, e, cur)
			e.Note, e.Tags, e.Credibility, e.Marking = merged.Note, merged.Tags, merged.Credibility, merged.Marking
			e.MarkingReason = merged.MarkingReason
		}
		if err := s.remark(ctx, tx, cur, e); err != nil {
			return err
		}
		if err := recaption(ctx, tx, base, cur, e); err != nil {
			return err
		}
		e.UpdatedAt, e.UpdatedBy = s.now(), s.user
		if _, err := tx.ExecContext(ctx, `UPDATE excerpts SET note = ?, credibility = ?, marking = ?,
			marking_reason = ?, updated_at = ?, updated_by = ? WHERE id = ?`, e.Note, e.Credibility, e.Marking, e.MarkingReason,
			formatTime(e.UpdatedAt), e.UpdatedBy, e.ID); err != nil {
			return dbError("update excerpt", err)
		}
		if err := setTags(ctx, tx, e.ID, e.Tags); err != nil {
			return err
		}
		return indexExcerpt(ctx, tx, e.ID)
	})
	return clashes, err
}

// DeleteExcerpt implements domain.ExcerptService.
func (s *Store) DeleteExcerpt(ctx context.Context, id int64, force bool) error {
	return s.deleteExcerpt(ctx, id, force, false)
}

// PurgeExcerpt deletes for good an excerpt that is in the trash, and
// refuses one that is not (restored elsewhere since the trash was listed).
func (s *Store) PurgeExcerpt(ctx context.Context, id int64, force bool) error {
	return s.deleteExcerpt(ctx, id, force, true)
}

func (s *Store) deleteExcerpt(ctx context.Context, id int64, force, trashedOnly bool) error {
	return s.update(ctx, func(tx *Tx) error {
		e, err := getExcerpt(ctx, tx, id)
		if err != nil {
			return err
		}
		if trashedOnly && e.TrashedAt == nil {
			return domain.Errorf(domain.ENOTFOUND, "excerpt %d is no longer in the trash (restored elsewhere?): nothing was deleted", id)
		}
		used, err := allUsage(ctx, tx, "e.id = ?", id)
		if err != nil {
			return err
		}
		if len(used) > 0 && !force {
			return domain.Errorf(domain.ECONFLICT, "excerpt %d is used in %s: remove it from those briefings (their blocks and evidence) first, or delete it together with those blocks and links", id, refList(used))
		}
		for _, q := range []string{
			`DELETE FROM evidence WHERE excerpt_id = ?`,
			`DELETE FROM blocks WHERE excerpt_id = ?`,
			`DELETE FROM search WHERE rowid = ? * 4 + 2`,
			`DELETE FROM excerpts WHERE id = ?`,
		} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return dbError("delete excerpt", err)
			}
		}
		return reindexBriefings(ctx, tx, used)
	})
}

// remark holds a change of the excerpt's marking (from cur's to e's) to
// its source's marking, and logs a marking below it. An unchanged marking
// is not checked again: a source marked higher since never blocks saving
// the excerpt's note.
func (s *Store) remark(ctx context.Context, tx *Tx, cur, e *domain.Excerpt) error {
	if e.Marking == cur.Marking {
		return nil
	}
	var src domain.Marking
	if err := tx.QueryRowContext(ctx, `SELECT marking FROM sources WHERE id = ?`, cur.SourceID).Scan(&src); err != nil {
		return dbError("read source", err)
	}
	below, err := markAgainstSource(e, src, "excerpt "+itoa(e.ID))
	if err != nil || !below {
		return err
	}
	return s.logMarking(ctx, tx, e.ID, cur.Marking, e.Marking, src, e.MarkingReason)
}

// markAgainstSource holds the excerpt's marking to its source's: under the
// same scheme, and not below it (a lower level, or fewer of its
// restrictive caveats) unless e gives a reason; below tells that it was
// given and the marking is to be logged. A reason is dropped when the
// marking is not below the source, so an old one never stands for a
// later lowering. what names the excerpt in messages.
func markAgainstSource(e *domain.Excerpt, source domain.Marking, what string) (below bool, err error) {
	e.MarkingReason = strings.TrimSpace(e.MarkingReason)
	if source == "" {
		e.MarkingReason = ""
		return false, nil
	}
	sm, err := source.Read()
	if err != nil {
		return false, domain.Errorf(domain.EINVALID, "the source's marking: %s", domain.ErrorMessage(err))
	}
	em, err := e.Marking.Read()
	if err != nil {
		return false, err
	}
	if !em.IsZero() && em.Scheme != sm.Scheme {
		return false, domain.Errorf(domain.EINVALID, "%s is marked %s, a %s marking, and its source is marked %s, a %s one: mark the excerpt under the %s scheme, or change the source's marking",
			what, em.Banner(), em.Scheme.Short, sm.Banner(), sm.Scheme.Short, sm.Scheme.Short)
	}
	if ok, _ := sm.Scheme.Covers(em, sm); ok {
		e.MarkingReason = ""
		return false, nil
	}
	if e.MarkingReason == "" {
		marked := "is unmarked"
		if !em.IsZero() {
			marked = "is marked " + em.Portion()
		}
		why, fix := belowSource(em, sm)
		return false, domain.Errorf(domain.EINVALID, "%s %s%s: %s (--marking-reason in the command line, the excerpt form's Reason field)",
			what, marked, why, fix)
	}
	return true, nil
}

// belowSource says how the excerpt's mark em falls short of its source's
// sm, which it does not cover, and what to do: a lower level is "below";
// at the source's level or above, it lacks a restrictive caveat the
// source carries, or releases to more than the source does.
func belowSource(em, sm domain.Mark) (why, fix string) {
	if em.IsZero() || em.Rank() < sm.Rank() {
		return ", below its source's " + sm.Portion(), "give a reason to mark it lower"
	}
	var lacks []string
	for _, c := range sm.Caveats {
		if !c.Release && !em.Has(c.Code) {
			lacks = append(lacks, c.Banner)
		}
	}
	if len(lacks) > 0 {
		list := strings.Join(lacks, " and ")
		return " but lacks " + list + ", which its source's " + sm.Portion() + " carries", "add " + list + " to its marking, or give a reason to leave it off"
	}
	return " but is releasable more widely than its source's " + sm.Portion(), "release it as its source is, or give a reason to release it more widely"
}
