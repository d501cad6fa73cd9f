package store

import (
	"context"
	"encoding/json"
	"slices"

	"github.com/attache/attache/domain"
)

// Bundle loads a briefing with every source it cites, in order of first
// citation, texts included: what exporters need, in one read transaction.
// It takes four queries whatever the briefing's length: the briefing, its
// blocks with their excerpts and their tags (see readBlocks), the sources.
func (s *Store) Bundle(ctx context.Context, briefingID int64) (*domain.Bundle, error) {
	return s.bundle(ctx, briefingID, true)
}

// BundleWithoutTexts is Bundle with the sources' texts left empty (their
// hashes and page breaks are there): the PDF and Markdown exporters cite a
// source by its metadata and never print its text, and reading the texts
// was a quarter of the time of loading a 1,000-excerpt briefing. The
// interchange file carries the texts: it needs Bundle.
func (s *Store) BundleWithoutTexts(ctx context.Context, briefingID int64) (*domain.Bundle, error) {
	return s.bundle(ctx, briefingID, false)
}

func (s *Store) bundle(ctx context.Context, briefingID int64, texts bool) (bundle *domain.Bundle, err error) {
	err = s.view(ctx, func(tx *Tx) error {
		b, err := getBriefing(ctx, tx, briefingID)
		if err != nil {
			return err
		}
		if err := briefingFigures(ctx, tx, b); err != nil {
			return err
		}
		sources, err := citedSources(ctx, tx, b.Blocks, texts)
		if err != nil {
			return err
		}
		concerns, err := concernsOf(ctx, tx, sources)
		if err != nil {
			return err
		}
		bundle = &domain.Bundle{Briefing: b, Sources: sources, Concerns: concerns}
		return nil
	})
	return bundle, err
}

// citedSources loads the sources the blocks' excerpts cite, in order of
// first citation, with their texts or not; then those of evidence
// excerpts the body does not quote, in order of first link.
func citedSources(ctx context.Context, tx *Tx, blocks []*domain.Block, texts bool) ([]*domain.Source, error) {
	var ids []int64
	seen := map[int64]bool{}
	cite := func(e *domain.Excerpt) {
		if e != nil && !seen[e.SourceID] {
			seen[e.SourceID] = true
			ids = append(ids, e.SourceID)
		}
	}
	for _, blk := range blocks {
		cite(blk.Excerpt)
	}
	for _, blk := range blocks {
		for _, ev := range blk.Evidence {
			cite(ev.Excerpt)
		}
	}
	sources := make([]*domain.Source, 0, len(ids))
	if len(ids) == 0 {
		return sources, nil
	}
	text := "t.text"
	if !texts {
		text = "''"
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+sourceColumns+`, `+text+`, t.pages FROM sources s
		JOIN source_texts t ON t.source_id = s.id WHERE s.id IN (SELECT value FROM json_each(?))`, idsJSON(ids))
	if err != nil {
		return nil, dbError("read sources", err)
	}
	defer rows.Close()
	byID := make(map[int64]*domain.Source, len(ids))
	for rows.Next() {
		var pages string
		src, err := scanSource(pagesScanner{rows, &pages})
		if err != nil {
			return nil, err
		}
		_ = json.Unmarshal([]byte(pages), &src.Pages)
		byID[src.ID] = src
	}
	if err := rows.Err(); err != nil {
		return nil, dbError("read sources", err)
	}
	for _, id := range ids {
		src := byID[id]
		if src == nil {
			return nil, domain.Errorf(domain.ENOTFOUND, "there is no source %d: list the sources with `attache sources`", id)
		}
		sources = append(sources, src)
	}
	return sources, nil
}

// pagesScanner scans a row of scanSource's columns followed by one more,
// the source's page breaks, into pages.
type pagesScanner struct {
	row   scanner
	pages *string
}

func (p pagesScanner) Scan(dest ...any) error { return p.row.Scan(append(dest, p.pages)...) }

// attachExcerpts gives every excerpt block of the briefing its excerpt,
// read in two queries: the excerpts, then their tags (a tags subquery per
// excerpt row took more time than the rest of the query).
func attachExcerpts(ctx context.Context, tx *Tx, briefingID int64, blocks []*domain.Block) error {
	const used = `(SELECT excerpt_id FROM blocks WHERE briefing_id = ? AND excerpt_id IS NOT NULL)`
	byID, err := excerptsIn(ctx, tx, used, briefingID, "read excerpt")
	if err != nil {
		return err
	}
	// Each block gets its own copy, as it did when each was read alone:
	// editing one block's excerpt must not change another's.
	given := map[int64]bool{}
	for _, b := range blocks {
		if b.Type != domain.BlockExcerpt {
			continue
		}
		e := byID[b.ExcerptID]
		if e == nil {
			return domain.Errorf(domain.ENOTFOUND, "there is no excerpt %d: list the excerpts with `attache excerpts`", b.ExcerptID)
		}
		if given[e.ID] {
			e = e.Clone()
		}
		given[e.ID] = true
		b.Excerpt = e
	}
	return nil
}

// excerptsIn reads the excerpts whose IDs the subquery in gives (with
// one argument), tags included, in two queries: the excerpts, then their
// tags (a tags subquery per excerpt row took more time than the rest of
// the query). what names the read in errors.
func excerptsIn(ctx context.Context, tx *Tx, in string, arg any, what string) (map[int64]*domain.Excerpt, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+excerptFields+`, '[]' FROM excerpts e
		JOIN sources s ON s.id = e.source_id WHERE e.id IN `+in, arg)
	if err != nil {
		return nil, dbError(what, err)
	}
	defer rows.Close()
	byID := map[int64]*domain.Excerpt{}
	for rows.Next() {
		e, err := scanExcerpt(rows)
		if err != nil {
			return nil, err
		}
		byID[e.ID] = e
	}
	if err := rows.Err(); err != nil {
		return nil, dbError(what, err)
	}
	err = readTags(ctx, tx, byID, `SELECT et.excerpt_id, t.name FROM excerpt_tags et
		JOIN tags t ON t.id = et.tag_id WHERE et.excerpt_id IN `+in+` ORDER BY t.name`, arg)
	return byID, err
}

// readTags appends to the excerpts the tags query q finds, rows of excerpt
// id and tag name in the order wanted.
func readTags(ctx context.Context, tx *Tx, excerpts map[int64]*domain.Excerpt, q string, args ...any) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return dbError("read tags", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return dbError("read tags", err)
		}
		if e := excerpts[id]; e != nil {
			e.Tags = append(e.Tags, name)
		}
	}
	return rows.Err()
}

// ImportBundle stores a briefing read from an interchange file, with its
// sources and excerpts, all or nothing. Sources whose text the library
// already has are reused, and so are excerpts of the same span on which
// the analyst set the same marks, reason, note, tags and credibility; an
// excerpt that differs in any of them is a new excerpt of that span, so
// no marking or note in the file is lost to one the library has.
func (s *Store) ImportBundle(ctx context.Context, bundle *domain.Bundle) (b *domain.Briefing, err error) {
	if bundle == nil || bundle.Briefing == nil {
		return nil, domain.Errorf(domain.EINVALID, "the file holds no briefing")
	}
	if bundle.Briefing.Scheme == "" && carriesMarks(bundle.Briefing) {
		// A file naming no scheme was written before schemes, when every
		// mark was a US one; one with no marks takes the default scheme.
		bundle.Briefing.Scheme = domain.SchemeUS
	}
	err = s.update(ctx, func(tx *Tx) error {
		ids := map[int64]int64{}
		for _, src := range bundle.Sources {
			local, copySrc := src.ID, *src
			if _, err := s.createSource(ctx, tx, &copySrc); err != nil {
				return err
			}
			ids[local] = copySrc.ID
		}
		b = bundle.Briefing
		texts := map[int64]quotedSource{} // read once per source, not per excerpt
		for i, blk := range b.Blocks {
			if err := s.importBlock(ctx, tx, blk, ids, texts); err != nil {
				return domain.Errorf(domain.ErrorCode(err), "block %d (%s): %s", i+1, blk.Type, domain.ErrorMessage(err))
			}
		}
		for _, blk := range b.Blocks {
			blk.ID = 0
		}
		return s.createBriefing(ctx, tx, b, nil)
	})
	return b, err
}

// quotedSource is a source's text, indexed, and title, as an import reads
// them for each of its excerpts.
type quotedSource struct {
	text *domain.RuneIndex
	info excerptSourceInfo
}

// importBlock gives an excerpt block, and each of a judgment's links to
// evidence, the library's excerpt: found, or added. Links are numbered
// locally in a file; two of one judgment that come to name the same
// excerpt are refused, as one link each is the rule.
func (s *Store) importBlock(ctx context.Context, tx *Tx, blk *domain.Block, ids map[int64]int64, texts map[int64]quotedSource) error {
	if blk.Type == domain.BlockExcerpt {
		if blk.Excerpt == nil {
			return domain.Errorf(domain.EINVALID, "the block has no excerpt")
		}
		var err error
		blk.ExcerptID, blk.Excerpt, err = s.importExcerpt(ctx, tx, blk.Excerpt, ids, texts)
		return err
	}
	if len(blk.Evidence) == 0 {
		return nil
	}
	evs := make([]domain.Evidence, len(blk.Evidence))
	seen := map[int64]int{}
	for i, ev := range blk.Evidence {
		if ev.Excerpt == nil {
			return domain.Errorf(domain.EINVALID, "evidence %d has no excerpt", i+1)
		}
		id, e, err := s.importExcerpt(ctx, tx, ev.Excerpt, ids, texts)
		if err != nil {
			return domain.Errorf(domain.ErrorCode(err), "evidence %d: %s", i+1, domain.ErrorMessage(err))
		}
		if j, dup := seen[id]; dup {
			return domain.Errorf(domain.EINVALID, "evidence %d is the same excerpt as evidence %d: keep one link to it", i+1, j+1)
		}
		seen[id] = i
		ev.ExcerptID, ev.Excerpt = id, e
		evs[i] = ev
	}
	blk.Evidence = evs
	return nil
}

// importExcerpt finds or adds the library's excerpt for one read from a
// file, and gives its id (and the excerpt, when added).
func (s *Store) importExcerpt(ctx context.Context, tx *Tx, given *domain.Excerpt, ids map[int64]int64, texts map[int64]quotedSource) (int64, *domain.Excerpt, error) {
	e := *given
	real, ok := ids[e.SourceID]
	if !ok {
		return 0, nil, domain.Errorf(domain.EINVALID, "the excerpt names a source that is not in the file")
	}
	e.SourceID = real
	src, ok := texts[real]
	if !ok {
		info, err := excerptSource(ctx, tx, real)
		if err != nil {
			return 0, nil, err
		}
		src = quotedSource{domain.NewRuneIndex(info.text), info}
		texts[real] = src
	}
	if err := locateIn(src.text, &e); err != nil {
		return 0, nil, err
	}
	e.ID = 0
	if err := checkExcerptGrades(&e); err != nil {
		return 0, nil, err
	}
	if e.Marking == "" {
		e.Marking = src.info.marking // as insertExcerpt would mark it
	}
	e.Tags = domain.NormalizeTags(e.Tags)
	if _, err := markAgainstSource(&e, src.info.marking, "the excerpt"); err != nil {
		return 0, nil, err // also settles the reason as insertExcerpt keeps it
	}
	id, err := sameExcerpt(ctx, tx, &e)
	if err != nil || id != 0 {
		e.ID, e.SourceTitle = id, src.info.title // the library's: e in everything the analyst set
		return id, &e, err
	}
	if err := s.insertExcerpt(ctx, tx, &e, src.info); err != nil {
		return 0, nil, err
	}
	return e.ID, &e, nil
}

// sameExcerpt finds an excerpt that is e in everything the analyst set:
// its span, marking and reason, note, tags and credibility; one in the
// trash is taken too, and comes back with the briefing (see reviveUsed).
// 0 when there is none.
func sameExcerpt(ctx context.Context, tx *Tx, e *domain.Excerpt) (int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+excerptColumns+` FROM excerpts e JOIN sources s ON s.id = e.source_id
		WHERE e.source_id = ? AND e.start = ? AND e."end" = ? ORDER BY e.id`, e.SourceID, e.Start, e.End)
	if err != nil {
		return 0, dbError("find excerpt", err)
	}
	defer rows.Close()
	for rows.Next() {
		x, err := scanExcerpt(rows)
		if err != nil {
			return 0, err
		}
		if x.Marking == e.Marking && x.MarkingReason == e.MarkingReason && x.Note == e.Note &&
			x.Credibility == e.Credibility && slices.Equal(x.Tags, e.Tags) && sameFigure(x.Figure, e.Figure) {
			return x.ID, nil
		}
	}
	if err := rows.Err(); err != nil {
		return 0, dbError("find excerpt", err)
	}
	return 0, nil
}

// sameFigure says whether two excerpts of one span show the same figure,
// or are both text excerpts: a figure is never reused for a text excerpt
// of the text inside it, nor for another cut of the page.
func sameFigure(a, b *domain.Figure) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Page == b.Page && a.Rect == b.Rect && a.SHA256 == b.SHA256 && a.Caption == b.Caption
}
