package store

import (
	"context"
	"database/sql"
	"slices"
	"sort"

	"github.com/attache/attache/domain"
)

// Concerns: which sources no longer stand as they did when imported (their
// latest recheck found them changed or unavailable, or the analyst marked
// them retracted or discredited), and which briefings rest on them.

// readConcerns reads the concerns of the sources picked by cond (a
// condition on s, with args) that have one, by source ID: one query, the
// latest check found through the index on (source_id, at).
func readConcerns(ctx context.Context, tx *Tx, cond string, args ...any) (map[int64]*domain.SourceConcern, error) {
	rows, err := tx.QueryContext(ctx, `SELECT s.id, s.title, s.standing, s.standing_note, s.standing_at,
		c.id, c.source_id, c.at, c.status, c."where", c.http_status, c.detail, c.sha256, c.quotes
		FROM sources s LEFT JOIN source_checks c ON c.id = (SELECT c2.id FROM source_checks c2
			WHERE c2.source_id = s.id ORDER BY julianday(c2.at) DESC, c2.id DESC LIMIT 1)
		WHERE (s.standing <> '' OR c.status IN ('changed', 'unavailable')) AND `+cond, args...)
	if err != nil {
		return nil, dbError("read sources' concerns", err)
	}
	defer rows.Close()
	out := map[int64]*domain.SourceConcern{}
	for rows.Next() {
		sc, err := scanConcern(rows)
		if err != nil {
			return nil, err
		}
		out[sc.SourceID] = sc
	}
	if err := rows.Err(); err != nil {
		return nil, dbError("read sources' concerns", err)
	}
	return out, nil
}

// scanConcern reads a row of readConcerns: the source's standing, then
// its latest check (NULL when it has none).
func scanConcern(row scanner) (*domain.SourceConcern, error) {
	sc := &domain.SourceConcern{}
	var standingAt sql.NullString
	var id, source, httpStatus sql.NullInt64
	var at, status, where, detail, sum, quotes sql.NullString
	if err := row.Scan(&sc.SourceID, &sc.Title, &sc.Standing, &sc.Note, &standingAt,
		&id, &source, &at, &status, &where, &httpStatus, &detail, &sum, &quotes); err != nil {
		return nil, dbError("read sources' concerns", err)
	}
	switch domain.CheckStatus(status.String) {
	case domain.CheckChanged:
		sc.Concerns = append(sc.Concerns, domain.ConcernChanged)
	case domain.CheckUnavailable:
		sc.Concerns = append(sc.Concerns, domain.ConcernUnavailable)
	}
	if len(sc.Concerns) > 0 {
		sc.Check = &domain.SourceCheck{ID: id.Int64, SourceID: source.Int64, At: parseTime(at.String),
			Status: domain.CheckStatus(status.String), Where: where.String, HTTPStatus: int(httpStatus.Int64),
			Detail: detail.String, SHA256: sum.String, Quotes: decodeQuotes(quotes.String)}
		sc.At = sc.Check.At
	}
	switch sc.Standing {
	case domain.StandingRetracted:
		sc.Concerns = append(sc.Concerns, domain.ConcernRetracted)
	case domain.StandingDiscredited:
		sc.Concerns = append(sc.Concerns, domain.ConcernDiscredited)
	}
	if standingAt.Valid && sc.Standing != domain.StandingSound {
		if t := parseTime(standingAt.String); t.After(sc.At) {
			sc.At = t
		}
	}
	return sc, nil
}

// manyConcerns is the listing size above which concernsOf reads every
// source with a concern rather than looking up the listed ones.
const manyConcerns = 200

// concernsOf gives the sources their concerns (nil for those without),
// in one query whatever their number.
func concernsOf(ctx context.Context, tx *Tx, sources []*domain.Source) (map[int64]*domain.SourceConcern, error) {
	if len(sources) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(sources))
	for i, src := range sources {
		ids[i] = src.ID
	}
	cond, args := "s.id IN (SELECT value FROM json_each(?))", []any{idsJSON(ids)}
	if len(sources) > manyConcerns {
		// A long listing: the few sources with a concern are found from
		// their side, not looked up one by one (10,000 lookups were a
		// third of listing 10,000 sources on a server).
		cond, args = `s.id IN (SELECT id FROM sources WHERE standing <> ''
			UNION SELECT source_id FROM source_checks WHERE status IN ('changed', 'unavailable'))`, nil
	}
	concerns, err := readConcerns(ctx, tx, cond, args...)
	if err != nil {
		return nil, err
	}
	mine := map[int64]*domain.SourceConcern{}
	for _, src := range sources {
		if src.Concern = concerns[src.ID]; src.Concern != nil {
			mine[src.ID] = src.Concern
		}
	}
	return mine, nil
}

// SourceConcerns lists the sources outside the trash that have a
// concern, the latest raised first.
func (s *Store) SourceConcerns(ctx context.Context) (list []*domain.SourceConcern, err error) {
	err = s.view(ctx, func(tx *Tx) error {
		concerns, err := readConcerns(ctx, tx, "s.trashed_at IS NULL")
		if err != nil {
			return err
		}
		list = make([]*domain.SourceConcern, 0, len(concerns))
		for _, sc := range concerns {
			list = append(list, sc)
		}
		sort.Slice(list, func(i, j int) bool {
			if !list[i].At.Equal(list[j].At) {
				return list[i].At.After(list[j].At)
			}
			return list[i].SourceID < list[j].SourceID
		})
		return nil
	})
	return list, err
}

// BriefingsAtRisk lists the briefings outside the trash that rest on a
// source with a concern (in the trash or not: a discredited source stays
// so), through an excerpt quoted or linked as evidence: now, or in a
// version in their history. Versions are read in SQL from their records
// (every format names a block's excerpt "excerpt", and format 3 its
// evidence's); an excerpt deleted for good since no longer names its
// source and is not counted. Most recently edited briefings first.
func (s *Store) BriefingsAtRisk(ctx context.Context) (list []*domain.BriefingRisk, err error) {
	err = s.view(ctx, func(tx *Tx) error {
		concerns, err := readConcerns(ctx, tx, "TRUE")
		if err != nil {
			return err
		}
		list = []*domain.BriefingRisk{}
		if len(concerns) == 0 {
			return nil
		}
		ids := make([]int64, 0, len(concerns))
		for id := range concerns {
			ids = append(ids, id)
		}
		risks := riskSet{byID: map[int64]*domain.BriefingRisk{}}
		if err := risks.current(ctx, tx, idsJSON(ids)); err != nil {
			return err
		}
		if err := risks.versions(ctx, tx, idsJSON(ids)); err != nil {
			return err
		}
		list = risks.list
		return nil
	})
	return list, err
}

// riskSet gathers the briefings at risk in the order first met (the
// queries meet them most recently edited first).
type riskSet struct {
	list []*domain.BriefingRisk
	byID map[int64]*domain.BriefingRisk
}

func (r *riskSet) get(id int64, title string) *domain.BriefingRisk {
	if b := r.byID[id]; b != nil {
		return b
	}
	b := &domain.BriefingRisk{BriefingID: id, Title: title, Sources: []int64{}, Versions: []domain.VersionRisk{}}
	r.byID[id] = b
	r.list = append(r.list, b)
	return b
}

// live orders the briefings outside the trash, most recently edited first.
const live = `b.trashed_at IS NULL ORDER BY b.updated_at DESC, b.id DESC`

// current adds the sources with a concern (ids, JSON) each briefing's
// body or evidence rests on now.
func (r *riskSet) current(ctx context.Context, tx *Tx, ids string) error {
	rows, err := tx.QueryContext(ctx, `SELECT b.id, b.title, u.source_id FROM briefings b JOIN (
			SELECT k.briefing_id, e.source_id FROM blocks k JOIN excerpts e ON e.id = k.excerpt_id
			UNION SELECT k.briefing_id, e.source_id FROM evidence v JOIN blocks k ON k.id = v.block_id
				JOIN excerpts e ON e.id = v.excerpt_id
		) u ON u.briefing_id = b.id
		WHERE u.source_id IN (SELECT value FROM json_each(?)) AND `+live+`, u.source_id`, ids)
	if err != nil {
		return dbError("find briefings at risk", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, source int64
		var title string
		if err := rows.Scan(&id, &title, &source); err != nil {
			return dbError("find briefings at risk", err)
		}
		b := r.get(id, title)
		b.Sources = append(b.Sources, source)
	}
	return rows.Err()
}

// versionsUsing lists, per dialect, the excerpts each kept version quotes
// or cites as evidence, read from the versions' JSON records.
var versionsUsing = map[dialect]string{
	sqliteDialect: `WITH kept AS (
			SELECT sn.id, sn.data FROM snapshots sn JOIN briefings b ON b.id = sn.briefing_id WHERE b.trashed_at IS NULL
		), used (snapshot, excerpt) AS (
			SELECT sn.id, CASE k.type WHEN 'object' THEN json_extract(k.value, '$.excerpt') END
				FROM kept sn, json_each(sn.data, '$.blocks') k
			UNION SELECT sn.id, CASE v.type WHEN 'object' THEN json_extract(v.value, '$.excerpt') END
				FROM kept sn, json_each(sn.data, '$.blocks') k,
				json_each(CASE k.type WHEN 'object' THEN k.value ELSE '{}' END, '$.evidence') v
		)`,
	postgresDialect: `WITH kept AS (
			SELECT sn.id, sn.data::jsonb AS data FROM snapshots sn JOIN briefings b ON b.id = sn.briefing_id WHERE b.trashed_at IS NULL
		), kept_blocks AS (
			SELECT sn.id, k.value FROM kept sn, jsonb_array_elements(CASE jsonb_typeof(sn.data->'blocks')
				WHEN 'array' THEN sn.data->'blocks' ELSE '[]' END) k
		), used (snapshot, excerpt) AS (
			SELECT id, CASE jsonb_typeof(value->'excerpt') WHEN 'number' THEN (value->>'excerpt')::numeric::bigint END
				FROM kept_blocks WHERE jsonb_typeof(value) = 'object'
			UNION SELECT k.id, CASE WHEN jsonb_typeof(v.value) = 'object' AND jsonb_typeof(v.value->'excerpt') = 'number'
				THEN (v.value->>'excerpt')::numeric::bigint END
				FROM kept_blocks k, jsonb_array_elements(CASE WHEN jsonb_typeof(k.value) = 'object'
					AND jsonb_typeof(k.value->'evidence') = 'array' THEN k.value->'evidence' ELSE '[]' END) v
		)`,
}

// versions adds the versions that rested on sources with a concern.
func (r *riskSet) versions(ctx context.Context, tx *Tx, ids string) error {
	// k.type guards a record whose blocks are not objects (a newer format
	// is refused on reading, never misread here).
	rows, err := tx.QueryContext(ctx, versionsUsing[tx.d]+`
		SELECT id, title, snap, label, created_at, source_id FROM (
			SELECT DISTINCT b.id, b.title, sn.id AS snap, sn.label, sn.created_at, e.source_id,
				b.updated_at, julianday(sn.created_at) AS made
			FROM used u JOIN snapshots sn ON sn.id = u.snapshot JOIN briefings b ON b.id = sn.briefing_id
			JOIN excerpts e ON e.id = u.excerpt
			WHERE e.source_id IN (SELECT value FROM json_each(?)) AND b.trashed_at IS NULL
		) AS v ORDER BY updated_at DESC, id DESC, made DESC, snap DESC, source_id`, ids)
	if err != nil {
		return dbError("find versions at risk", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, snap, source int64
		var title, label, at string
		if err := rows.Scan(&id, &title, &snap, &label, &at, &source); err != nil {
			return dbError("find versions at risk", err)
		}
		b := r.get(id, title)
		if n := len(b.Versions); n > 0 && b.Versions[n-1].SnapshotID == snap {
			b.Versions[n-1].Sources = append(b.Versions[n-1].Sources, source)
			continue
		}
		b.Versions = append(b.Versions, domain.VersionRisk{SnapshotID: snap, Label: label, CreatedAt: parseTime(at), Sources: []int64{source}})
	}
	if err := rows.Err(); err != nil {
		return err
	}
	// The current sources were met first; versions may add briefings out
	// of edit order, which one more pass restores.
	return r.sortByEdit(ctx, tx)
}

// sortByEdit puts the briefings back in edit order once both passes met
// them.
func (r *riskSet) sortByEdit(ctx context.Context, tx *Tx) error {
	ids := make([]int64, len(r.list))
	for i, b := range r.list {
		ids[i] = b.BriefingID
	}
	order, err := queryIDs(ctx, tx, `SELECT b.id FROM briefings b WHERE b.id IN (SELECT value FROM json_each(?))
		AND `+live, idsJSON(ids))
	if err != nil {
		return err
	}
	rank := make(map[int64]int, len(order))
	for i, id := range order {
		rank[id] = i
	}
	slices.SortStableFunc(r.list, func(a, b *domain.BriefingRisk) int { return rank[a.BriefingID] - rank[b.BriefingID] })
	return nil
}
