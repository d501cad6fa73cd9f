package store

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/attache/attache/domain"
)

// A library of schema 5 with data: excerpts and blocks under the old
// CHECK constraints, tags, a trashed excerpt, numbers deleted for good
// above the highest kept, versions and the search index.
func markedLibraryV5(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "v5.db")
	db := oldLibrary(t, path, 5)
	for _, q := range []string{
		`INSERT INTO sources (id, kind, title, sha256, imported_at) VALUES (1, 'article', 'Chips', 'h1', 'x'), (2, 'article', 'Grid', 'h2', 'x')`,
		`INSERT INTO source_texts (source_id, text) VALUES (1, 'export controls on advanced chips'), (2, 'the power grid is ageing')`,
		`INSERT INTO excerpts (id, source_id, start, "end", quote, note, credibility, marking, created_at, updated_at) VALUES
			(1, 1, 0, 15, 'export controls', 'key', 2, 'S', 'x', 'x'),
			(2, 2, 4, 14, 'power grid', '', 0, '', 'x', 'x'),
			(3, 1, 19, 33, 'advanced chips', '', 0, 'U', 'x', 'x'),
			(7, 2, 18, 24, 'ageing', '', 0, '', 'x', 'x')`,
		`DELETE FROM excerpts WHERE id = 7`, // its number stays retired
		`UPDATE excerpts SET trashed_at = 'y' WHERE id = 3`,
		`INSERT INTO tags (id, name) VALUES (1, 'chips')`,
		`INSERT INTO excerpt_tags VALUES (1, 1)`,
		`INSERT INTO briefings (id, title, classification, created_at, updated_at) VALUES
			(1, 'Typed', 'OFFICIAL', 'x', 'x'), (2, 'Block marked', '', 'x', 'x'),
			(3, 'Quotes a marked excerpt', '', 'x', 'x'), (4, 'Unmarked', '', 'x', 'x')`,
		`INSERT INTO blocks (id, briefing_id, position, type, text, marking) VALUES
			(1, 1, 0, 'heading', 'Intro', ''), (2, 2, 0, 'commentary', 'Note', 'C'), (9, 4, 1, 'heading', 'Gone', '')`,
		`INSERT INTO blocks (id, briefing_id, position, type, excerpt_id) VALUES (3, 3, 0, 'excerpt', 1), (4, 4, 0, 'excerpt', 2)`,
		`DELETE FROM blocks WHERE id = 9`,
		`INSERT INTO snapshots (briefing_id, label, created_at, data) VALUES (2, 'v', 'x', '{}')`,
		`INSERT INTO search (rowid, title, body, meta) VALUES (1 * 4 + 2, 'Chips', 'export controls', 'key chips'),
			(2 * 4 + 2, 'Grid', 'power grid', '')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	return path
}

func TestMigration006KeepsEveryRowLinkAndNumber(t *testing.T) {
	s, err := Open(context.Background(), markedLibraryV5(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()

	e1, err := s.Excerpt(ctx, 1)
	if err != nil || e1.Quote != "export controls" || e1.Note != "key" || e1.Credibility != 2 ||
		e1.Marking != "S" || e1.MarkingReason != "" || !slices.Equal(e1.Tags, []string{"chips"}) {
		t.Fatalf("excerpt 1 after the migration: %+v, %v", e1, err)
	}
	if e3, err := s.Excerpt(ctx, 3); err != nil || e3.TrashedAt == nil {
		t.Fatalf("excerpt 3 left the trash: %+v, %v", e3, err)
	}
	for id, want := range map[int64]int{1: 1, 2: 1} {
		if src, err := s.Source(ctx, id); err != nil || src.ExcerptCount != want || src.Marking != "" {
			t.Fatalf("source %d: %+v, %v", id, src, err)
		}
	}
	b3, err := s.Briefing(ctx, 3)
	if err != nil || len(b3.Blocks) != 1 || b3.Blocks[0].ID != 3 || b3.Blocks[0].Excerpt.Quote != "export controls" {
		t.Fatalf("briefing 3: %+v, %v", b3, err)
	}
	if snaps, err := s.Snapshots(ctx, 2); err != nil || len(snaps) != 1 {
		t.Fatalf("versions of briefing 2: %v, %v", snaps, err)
	}
	hits, err := s.Search(ctx, "controls", domain.SearchOptions{})
	if err != nil || len(hits) != 1 || hits[0].Kind != domain.HitExcerpt || hits[0].ID != 1 {
		t.Fatalf("search after the migration: %+v, %v", hits, err)
	}

	if err := s.Check(ctx); err != nil {
		t.Fatalf("the library after the migration: %v", err)
	}
	if _, err := s.wt().Exec(`INSERT INTO search (search) VALUES ('integrity-check')`); err != nil {
		t.Fatalf("the search index after the migration: %v", err)
	}
	var fk int
	if err := s.wt().QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Fatalf("foreign keys %d after the migration", fk)
	}
	rows, err := s.wt().Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Fatal("broken links after the migration")
	}
	rows.Close()
	var objects []string
	rows, err = s.wt().Query(`SELECT name FROM sqlite_schema WHERE type IN ('index', 'trigger') AND tbl_name IN
		('excerpts', 'blocks', 'briefings', 'marking_log') AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		objects = append(objects, n)
	}
	rows.Close()
	want := []string{"blocks_briefing", "blocks_excerpt", "blocks_revision_delete", "blocks_revision_insert",
		"blocks_revision_update", "briefings_revision", "excerpts_count_delete", "excerpts_count_insert",
		"excerpts_count_trash", "excerpts_figure", "excerpts_figure_delete", "excerpts_source", "excerpts_trashed",
		"marking_log_excerpt"} // excerpts_figure*: 007 rebuilt excerpts again, for figures
	if !slices.Equal(objects, want) {
		t.Fatalf("indexes and triggers after the migration:\n%v\nwant\n%v", objects, want)
	}

	// Numbers deleted for good before the migration stay retired.
	e := &domain.Excerpt{SourceID: 2, Quote: "ageing"}
	if err := s.CreateExcerpt(ctx, e); err != nil {
		t.Fatal(err)
	}
	if e.ID <= 7 {
		t.Fatalf("new excerpt took number %d, retired before the migration", e.ID)
	}
	if err := s.AddBlock(ctx, 4, &domain.Block{Type: domain.BlockHeading, Text: "New"}, -1); err != nil {
		t.Fatal(err)
	}
	if b4, _ := s.Briefing(ctx, 4); b4.Blocks[len(b4.Blocks)-1].ID <= 9 {
		t.Fatalf("new block took number %d, retired before the migration", b4.Blocks[len(b4.Blocks)-1].ID)
	}
	// The excerpt count triggers are back.
	if err := s.TrashExcerpt(ctx, e.ID, false); err != nil {
		t.Fatal(err)
	}
	if src, _ := s.Source(ctx, 2); src.ExcerptCount != 1 {
		t.Fatalf("source 2 counts %d excerpts after one was added and trashed", src.ExcerptCount)
	}
	// The US-only constraint is gone: an excerpt may be marked under any scheme.
	e1.Marking = "uk:OS"
	if _, err := s.UpdateExcerpt(ctx, nil, e1); err != nil {
		t.Fatalf("a UK marking after the migration: %v", err)
	}
}

func TestMigration006GivesMarkedBriefingsTheUSScheme(t *testing.T) {
	s, err := Open(context.Background(), markedLibraryV5(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for id, want := range map[int64]domain.SchemeID{1: domain.SchemeUS, 2: domain.SchemeUS, 3: domain.SchemeUS, 4: domain.SchemeNone} {
		b, err := s.Briefing(ctx, id)
		if err != nil || b.Scheme != want {
			t.Fatalf("briefing %d: scheme %q (%v), want %q", id, b.Scheme, err, want)
		}
		if b.Authority != (domain.Authority{}) || b.IncludeNotes || b.TitleMarking+b.SubtitleMarking+b.SummaryMarking != "" {
			t.Fatalf("briefing %d has marking details it never had: %+v", id, b)
		}
	}
	// The classification typed as free text stays, and never blocks saving
	// the rest, by any path.
	b1, _ := s.Briefing(ctx, 1)
	if b1.Classification != "OFFICIAL" {
		t.Fatalf("classification %q after the migration", b1.Classification)
	}
	b1.Audience = "The minister"
	if err := s.UpdateBriefing(ctx, b1); err != nil {
		t.Fatalf("UpdateBriefing of a briefing typed OFFICIAL: %v", err)
	}
	b1, _ = s.Briefing(ctx, 1)
	base, _ := s.Briefing(ctx, 1)
	b1.Summary = "Bottom line"
	b1.Blocks = append(b1.Blocks, &domain.Block{Type: domain.BlockCommentary, Text: "More", Marking: "U"})
	if _, err := s.SaveBriefing(ctx, base, b1); err != nil {
		t.Fatalf("SaveBriefing of a briefing typed OFFICIAL: %v", err)
	}
	if err := s.AddBlock(ctx, 1, &domain.Block{Type: domain.BlockHeading, Text: "End"}, -1); err != nil {
		t.Fatalf("AddBlock to a briefing typed OFFICIAL: %v", err)
	}
	if err := s.MoveBlock(ctx, 1, 2); err != nil {
		t.Fatalf("MoveBlock in a briefing typed OFFICIAL: %v", err)
	}
	dup, err := s.DuplicateBriefing(ctx, 1)
	if err != nil || dup.Classification != "OFFICIAL" || dup.Scheme != domain.SchemeUS {
		t.Fatalf("DuplicateBriefing of a briefing typed OFFICIAL: %+v, %v", dup, err)
	}
	if _, err := s.CreateSnapshot(ctx, 1, "v"); err != nil {
		t.Fatal(err)
	}
	snaps, _ := s.Snapshots(ctx, 1)
	if _, err := s.RestoreSnapshot(ctx, 1, snaps[0].ID); err != nil {
		t.Fatalf("RestoreSnapshot of a briefing typed OFFICIAL: %v", err)
	}
	got, _ := s.Briefing(ctx, 1)
	if got.Classification != "OFFICIAL" || got.Summary != "Bottom line" || got.Audience != "The minister" {
		t.Fatalf("after the saves: %+v", got)
	}
	// Typing a new one is held to the scheme.
	got.Classification = "OFFICIAL-SENSITIVE"
	if err := s.UpdateBriefing(ctx, got); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("a new free-text classification under US: %v", err)
	}
}

// The details added by migration 006 move the revision like the others, so
// a save from an older copy is merged, never written over them.
func TestMarkingDetailsMoveTheRevision(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, _ := newBriefing(t, s)
	for _, col := range []string{"scheme = 'uk'", "title_marking = 'U'", "subtitle_marking = 'U'", "summary_marking = 'U'",
		"classified_by = 'x'", "derived_from = 'x'", "declassify_on = 'x'", "include_notes = 1"} {
		before, _, _ := s.BriefingRevision(ctx, b.ID)
		if _, err := s.wt().Exec(`UPDATE briefings SET `+col+` WHERE id = ?`, b.ID); err != nil {
			t.Fatal(err)
		}
		if after, _, _ := s.BriefingRevision(ctx, b.ID); after <= before {
			t.Fatalf("%s left the revision at %d", col, after)
		}
	}
}
