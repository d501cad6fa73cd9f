package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// liveView is what every listing shows of the library outside the trash.
type liveView struct {
	excerpts, sources, sourceCount, hits, tagged int
	stats                                        Stats
}

func look(t *testing.T, s *Store, sourceID int64, word, tag string) liveView {
	t.Helper()
	ctx := context.Background()
	var v liveView
	ex, err := s.Excerpts(ctx, domain.ExcerptFilter{})
	if err != nil {
		t.Fatal(err)
	}
	v.excerpts = len(ex)
	srcs, err := s.Sources(ctx, domain.SourceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	v.sources = len(srcs)
	for _, src := range srcs {
		if src.ID == sourceID {
			v.sourceCount = src.ExcerptCount
		}
	}
	hits, err := s.Search(ctx, word, domain.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	v.hits = len(hits)
	tags, err := s.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tg := range tags {
		if tg.Name == tag {
			v.tagged = tg.Count
		}
	}
	if v.stats, err = s.Stats(ctx); err != nil {
		t.Fatal(err)
	}
	v.stats.Path = ""
	return v
}

func trashedExcerptIDs(t *testing.T, s *Store) []int64 {
	t.Helper()
	list, err := s.Excerpts(context.Background(), domain.ExcerptFilter{Trashed: true})
	if err != nil {
		t.Fatal(err)
	}
	ids := []int64{}
	for _, e := range list {
		if e.TrashedAt == nil {
			t.Fatalf("listed in the trash without a time: %+v", e)
		}
		ids = append(ids, e.ID)
	}
	return ids
}

func TestTrashedExcerptLeavesEveryListingUntilRestored(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	e := addExcerpt(t, s, src.ID, "small yard, high fence", "doctrine")
	addExcerpt(t, s, src.ID, "lost sales", "doctrine")
	before := look(t, s, src.ID, "yard", "doctrine")
	if before.excerpts != 2 || before.sourceCount != 2 || before.tagged != 2 || before.hits != 2 || before.stats.Excerpts != 2 {
		t.Fatalf("before: %+v", before)
	}
	if err := s.TrashExcerpt(ctx, e.ID, false); err != nil {
		t.Fatal(err)
	}
	in := look(t, s, src.ID, "yard", "doctrine")
	// The source still matches "yard"; the excerpt no longer does.
	if in.excerpts != 1 || in.sourceCount != 1 || in.tagged != 1 || in.hits != 1 || in.stats.Excerpts != 1 {
		t.Fatalf("in the trash: %+v", in)
	}
	if got := trashedExcerptIDs(t, s); len(got) != 1 || got[0] != e.ID {
		t.Fatalf("trash lists %v, want [%d]", got, e.ID)
	}
	// The composer's picker searches excerpts by words.
	if found, _ := s.Excerpts(ctx, domain.ExcerptFilter{Query: "yard"}); len(found) != 0 {
		t.Fatalf("the picker finds the trashed excerpt: %+v", found)
	}
	if got, err := s.Excerpt(ctx, e.ID); err != nil || got.TrashedAt == nil {
		t.Fatalf("a trashed excerpt can still be read, marked: %+v %v", got, err)
	}
	wantCode(t, s.TrashExcerpt(ctx, e.ID, false), domain.ECONFLICT)
	if err := s.RestoreExcerpt(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	if after := look(t, s, src.ID, "yard", "doctrine"); after != before {
		t.Fatalf("after restore %+v, want %+v", after, before)
	}
	wantCode(t, s.RestoreExcerpt(ctx, e.ID), domain.ECONFLICT)
	if got := trashedExcerptIDs(t, s); len(got) != 0 {
		t.Fatalf("trash still lists %v", got)
	}
}

func TestTrashingAnExcerptInALiveBriefingIsRefusedUnlessForced(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, e := newBriefing(t, s)
	if err := s.AddBlock(ctx, b.ID, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: e.ID}, -1); err != nil {
		t.Fatal(err)
	}
	err := s.TrashExcerpt(ctx, e.ID, false)
	wantCode(t, err, domain.ECONFLICT)
	if !strings.Contains(err.Error(), `"Chip controls"`) {
		t.Fatalf("refusal does not name the briefing: %v", err)
	}
	if got, _ := s.Excerpt(ctx, e.ID); got.TrashedAt != nil {
		t.Fatal("a refused trash moved the excerpt")
	}
	if err := s.TrashExcerpt(ctx, e.ID, true); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Briefing(ctx, b.ID); len(got.Blocks) != 0 {
		t.Fatalf("forced trash left the block: %+v", got.Blocks)
	}
}

func TestTrashedBriefingsDoNotHoldExcerptsAndBringThemBack(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, e := newBriefing(t, s)
	if err := s.AddBlock(ctx, b.ID, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: e.ID}, -1); err != nil {
		t.Fatal(err)
	}
	if err := s.TrashBriefing(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	// Only a briefing in the trash uses it: no refusal, its block stays.
	if err := s.TrashSource(ctx, e.SourceID, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Briefing(ctx, b.ID); len(got.Blocks) != 1 {
		t.Fatalf("the trashed briefing lost its block: %+v", got.Blocks)
	}
	// Restoring the briefing brings back what it quotes, source included.
	if err := s.RestoreBriefing(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.Excerpt(ctx, e.ID)
	if err != nil || got.TrashedAt != nil {
		t.Fatalf("the briefing's excerpt stayed in the trash: %+v %v", got, err)
	}
	if src, _ := s.Source(ctx, e.SourceID); src.TrashedAt != nil {
		t.Fatal("the excerpt's source stayed in the trash")
	}
	if hits, _ := s.Search(ctx, "yard", domain.SearchOptions{Kinds: []domain.HitKind{domain.HitExcerpt}}); len(hits) != 1 {
		t.Fatalf("the restored excerpt is not searchable: %+v", hits)
	}
}

func TestSavingABriefingBringsBackATrashedExcerpt(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, e := newBriefing(t, s)
	if err := s.TrashExcerpt(ctx, e.ID, false); err != nil {
		t.Fatal(err)
	}
	// The composer's undo may put back a block whose excerpt went meanwhile.
	b.Blocks = []*domain.Block{{Type: domain.BlockExcerpt, ExcerptID: e.ID}}
	if err := saveBriefing(ctx, s, b); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Excerpt(ctx, e.ID); got.TrashedAt != nil {
		t.Fatal("a live briefing uses an excerpt left in the trash")
	}
}

func TestTrashedSourceTakesItsExcerptsAndBringsBackOnlyThose(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	addSource(t, s, "5G", fiveGText) // stays listed throughout
	early := addExcerpt(t, s, src.ID, "small yard", "doctrine")
	late := addExcerpt(t, s, src.ID, "lost sales", "doctrine")
	if err := s.TrashExcerpt(ctx, early.ID, false); err != nil {
		t.Fatal(err)
	}
	if err := s.TrashSource(ctx, src.ID, false); err != nil {
		t.Fatal(err)
	}
	if found, _ := s.Sources(ctx, domain.SourceFilter{Query: "semiconductors"}); len(found) != 0 {
		t.Fatalf("a source search finds the trashed source: %+v", found)
	}
	v := look(t, s, src.ID, "semiconductors", "doctrine")
	if v.sources != 1 || v.excerpts != 0 || v.hits != 0 || v.tagged != 0 || v.stats.Sources != 1 {
		t.Fatalf("with the source in the trash: %+v", v)
	}
	trashed, err := s.Sources(ctx, domain.SourceFilter{Trashed: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(trashed) != 1 || trashed[0].ID != src.ID || trashed[0].TrashedAt == nil || trashed[0].ExcerptCount != 1 {
		t.Fatalf("trashed sources: %+v", trashed)
	}
	// The early excerpt is listed apart only while its source is in use.
	if got := trashedExcerptIDs(t, s); len(got) != 0 {
		t.Fatalf("excerpts of a trashed source listed apart: %v", got)
	}
	wantCode(t, s.CreateExcerpt(ctx, &domain.Excerpt{SourceID: src.ID, Quote: "Washington"}), domain.ECONFLICT)
	if err := s.RestoreSource(ctx, src.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Excerpt(ctx, late.ID); got.TrashedAt != nil {
		t.Fatal("the excerpt that went with the source stayed in the trash")
	}
	if got := trashedExcerptIDs(t, s); len(got) != 1 || got[0] != early.ID {
		t.Fatalf("trash lists %v, want the excerpt trashed before, %d", got, early.ID)
	}
	v = look(t, s, src.ID, "semiconductors", "doctrine")
	if v.sources != 2 || v.excerpts != 1 || v.sourceCount != 1 || v.hits != 1 || v.tagged != 1 {
		t.Fatalf("after restoring the source: %+v", v)
	}
}

func TestRestoringAnExcerptOfATrashedSourceRestoresTheSource(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	e := addExcerpt(t, s, src.ID, "small yard")
	if err := s.TrashSource(ctx, src.ID, false); err != nil {
		t.Fatal(err)
	}
	if err := s.RestoreExcerpt(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Source(ctx, src.ID); got.TrashedAt != nil || got.ExcerptCount != 1 {
		t.Fatalf("source after restoring its excerpt: %+v", got)
	}
}

func TestImportingATrashedSourcesTextRestoresIt(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	addExcerpt(t, s, src.ID, "small yard")
	if err := s.TrashSource(ctx, src.ID, false); err != nil {
		t.Fatal(err)
	}
	again := &domain.Source{Title: "Chips again", Text: chipsText}
	existing, err := s.CreateSource(ctx, again)
	if err != nil || !existing || again.ID != src.ID {
		t.Fatalf("reimport: existing=%v id=%d err=%v", existing, again.ID, err)
	}
	if again.TrashedAt != nil || again.ExcerptCount != 1 {
		t.Fatalf("reimported source still in the trash: %+v", again)
	}
}

func TestTrashingASourceUsedInALiveBriefing(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, e := newBriefing(t, s)
	if err := s.AddBlock(ctx, b.ID, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: e.ID}, -1); err != nil {
		t.Fatal(err)
	}
	err := s.TrashSource(ctx, e.SourceID, false)
	wantCode(t, err, domain.ECONFLICT)
	if !strings.Contains(err.Error(), `"Chip controls"`) {
		t.Fatalf("refusal does not name the briefing: %v", err)
	}
	if err := s.TrashSource(ctx, e.SourceID, true); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Briefing(ctx, b.ID); len(got.Blocks) != 0 {
		t.Fatalf("forced trash left the block: %+v", got.Blocks)
	}
	wantCode(t, s.TrashSource(ctx, e.SourceID, false), domain.ECONFLICT)
}

func TestEmptyTrashPurgesSourcesExcerptsAndBriefings(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, e := newBriefing(t, s)
	keep := addSource(t, s, "5G", fiveGText)
	alone := addExcerpt(t, s, keep.ID, "cost billions")
	kept := addExcerpt(t, s, keep.ID, "high-risk vendors")
	if err := s.TrashExcerpt(ctx, alone.ID, false); err != nil {
		t.Fatal(err)
	}
	if err := s.TrashSource(ctx, e.SourceID, false); err != nil {
		t.Fatal(err)
	}
	if err := s.TrashBriefing(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	n, err := s.EmptyTrash(ctx)
	if err != nil || n != 3 {
		t.Fatalf("EmptyTrash = %d, %v; want 3 (briefing, source, excerpt)", n, err)
	}
	for _, id := range []int64{e.ID, alone.ID} {
		wantCode(t, func() error { _, err := s.Excerpt(ctx, id); return err }(), domain.ENOTFOUND)
	}
	wantCode(t, func() error { _, err := s.Source(ctx, e.SourceID); return err }(), domain.ENOTFOUND)
	if got, err := s.Excerpt(ctx, kept.ID); err != nil || got.TrashedAt != nil {
		t.Fatalf("an excerpt in use went: %+v %v", got, err)
	}
	if got, _ := s.Source(ctx, keep.ID); got.ExcerptCount != 1 {
		t.Fatalf("count after emptying: %d", got.ExcerptCount)
	}
}

func TestDeleteForGoodWorksInAndOutOfTheTrash(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	e := addExcerpt(t, s, src.ID, "small yard")
	addExcerpt(t, s, src.ID, "lost sales")
	if err := s.TrashExcerpt(ctx, e.ID, false); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteExcerpt(ctx, e.ID, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Source(ctx, src.ID); got.ExcerptCount != 1 {
		t.Fatalf("deleting a trashed excerpt changed the count to %d", got.ExcerptCount)
	}
	if err := s.TrashSource(ctx, src.ID, false); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSource(ctx, src.ID, false); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Sources(ctx, domain.SourceFilter{Trashed: true}); len(list) != 0 {
		t.Fatalf("deleted source still in the trash: %+v", list)
	}
}

// A library from before the trash keeps its excerpt counts and can use it.
func TestTrashMigrationKeepsCounts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db := oldLibrary(t, path, 2)
	for _, q := range []string{
		`INSERT INTO sources (id, kind, title, sha256, imported_at) VALUES (1, 'article', 'Old', 'abc', '2025-01-01T00:00:00Z')`,
		`INSERT INTO source_texts (source_id, text) VALUES (1, 'Old words here.')`,
		`INSERT INTO excerpts (source_id, start, "end", quote, created_at, updated_at) VALUES (1, 0, 3, 'Old', 'x', 'x')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if got, _ := s.Source(ctx, 1); got.ExcerptCount != 1 {
		t.Fatalf("count after migrating: %d", got.ExcerptCount)
	}
	if err := s.TrashExcerpt(ctx, 1, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Source(ctx, 1); got.ExcerptCount != 0 {
		t.Fatalf("count after trashing: %d", got.ExcerptCount)
	}
}

func TestTrashListsWhatWentLastFirst(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addSource(t, s, "Chips", chipsText)
	b := addSource(t, s, "5G", fiveGText)
	ea := addExcerpt(t, s, a.ID, "small yard")
	eb := addExcerpt(t, s, a.ID, "lost sales")
	for _, err := range []error{s.TrashExcerpt(ctx, eb.ID, false), s.TrashExcerpt(ctx, ea.ID, false),
		s.TrashSource(ctx, b.ID, false), s.TrashSource(ctx, a.ID, false)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	srcs, err := s.Sources(ctx, domain.SourceFilter{Trashed: true})
	if err != nil || len(srcs) != 2 || srcs[0].ID != a.ID {
		t.Fatalf("trashed sources %+v, %v; want %d first", srcs, err, a.ID)
	}
	if err := s.RestoreSource(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if got := trashedExcerptIDs(t, s); len(got) != 2 || got[0] != ea.ID {
		t.Fatalf("trashed excerpts %v; want %d first", got, ea.ID)
	}
}

func TestDeleteBriefingOnlyFromTheTrash(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, e := newBriefing(t, s)
	if err := s.AddBlock(ctx, b.ID, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: e.ID}, -1); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.DeleteBriefing(ctx, b.ID), domain.ECONFLICT)
	if err := s.TrashBriefing(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteBriefing(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, func() error { _, err := s.Briefing(ctx, b.ID); return err }(), domain.ENOTFOUND)
	// Its excerpt is free to go for good now.
	if err := s.DeleteExcerpt(ctx, e.ID, false); err != nil {
		t.Fatal(err)
	}
}

func TestSourceUsageNamesOnlyBriefingsOutsideTheTrash(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, e := newBriefing(t, s)
	if err := s.AddBlock(ctx, b.ID, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: e.ID}, -1); err != nil {
		t.Fatal(err)
	}
	if refs, _ := s.SourceUsage(ctx, e.SourceID); len(refs) != 1 {
		t.Fatalf("usage %+v", refs)
	}
	if err := s.TrashBriefing(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if refs, err := s.SourceUsage(ctx, e.SourceID); err != nil || len(refs) != 0 {
		t.Fatalf("usage with the briefing in the trash: %+v, %v", refs, err)
	}
}

// A colleague's library from before the trash, readable but in a folder
// this user cannot write, is read from an upgraded private copy; the
// library itself is left as it was.
func TestAnOlderColleaguesLibraryIsReadFromAnUpgradedCopy(t *testing.T) {
	dir := sharedDir(t, "attache-old-")
	path := filepath.Join(dir, "library.db")
	db := oldLibrary(t, path, 2)
	for _, q := range []string{
		`INSERT INTO sources (id, kind, title, sha256, imported_at) VALUES (1, 'article', 'Old', 'abc', '2025-01-01T00:00:00Z')`,
		`INSERT INTO source_texts (source_id, text) VALUES (1, 'Old words here.')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	for p, mode := range map[string]os.FileMode{path: 0o644, dir: 0o755} {
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := asNobody(t, path), "read-only=true copy=true sources=1 err=<nil>"; got != want {
		t.Fatalf("as nobody: %q, want %q", got, want)
	}
	s, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v int
	if err := s.QueryRow(`SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil || v != 2 {
		t.Fatalf("the colleague's library is at schema %d (%v), want it untouched at 2", v, err)
	}
}
