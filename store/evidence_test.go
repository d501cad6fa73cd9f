package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// evidenceFixture is a briefing whose judgment links two excerpts of two
// sources, neither quoted in the body but for the first.
type evidenceFixture struct {
	b                *domain.Briefing
	judgment         *domain.Block
	chips, operators *domain.Excerpt
}

func newEvidenceFixture(t *testing.T, s *Store) evidenceFixture {
	t.Helper()
	chips := addExcerpt(t, s, addSource(t, s, "Chips", chipsText).ID, "small yard")
	ops := addExcerpt(t, s, addSource(t, s, "5G", fiveGText).ID, "cost billions")
	j := &domain.Block{Type: domain.BlockJudgment, Text: "Controls will widen", Confidence: domain.ConfidenceHigh,
		Evidence: []domain.Evidence{{ExcerptID: ops.ID, Stance: "against", Note: "Cost cuts the other way"}, {ExcerptID: chips.ID}}}
	b := &domain.Briefing{Title: "Controls", Scale: "UK", Blocks: []*domain.Block{
		{Type: domain.BlockExcerpt, ExcerptID: chips.ID}, j}}
	if err := s.CreateBriefing(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	return evidenceFixture{b, j, chips, ops}
}

// describeEvidence writes a briefing's links as "block:excerpt/stance/note
// from source", in order.
func describeEvidence(b *domain.Briefing) string {
	var out []string
	for i, blk := range b.Blocks {
		for _, ev := range blk.Evidence {
			from := "?"
			if ev.Excerpt != nil {
				from = ev.Excerpt.SourceTitle + " «" + ev.Excerpt.Quote + "»"
			}
			out = append(out, itoa(int64(i+1))+":"+itoa(ev.ExcerptID)+"/"+string(ev.Stance)+"/"+ev.Note+" "+from)
		}
	}
	return strings.Join(out, "; ")
}

func TestEvidenceIsStoredAndReadWithItsExcerpts(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	f := newEvidenceFixture(t, s)
	got, err := s.Briefing(ctx, f.b.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := "2:" + itoa(f.operators.ID) + "/contradicts/Cost cuts the other way 5G «cost billions»; " +
		"2:" + itoa(f.chips.ID) + "/supports/ Chips «small yard»"
	if d := describeEvidence(got); d != want {
		t.Fatalf("evidence %q\nwant     %q", d, want)
	}
	if got.Scale != domain.ScalePHIA {
		t.Fatalf("scale %q, want phia (given as UK)", got.Scale)
	}
	if got.Blocks[0].Evidence != nil {
		t.Fatalf("the excerpt block has evidence: %v", got.Blocks[0].Evidence)
	}
	// Each link has its own copy of the excerpt, as each block has.
	if got.Blocks[1].Evidence[1].Excerpt == got.Blocks[0].Excerpt {
		t.Fatal("the link shares the block's excerpt")
	}
}

func TestEvidenceIsRefusedWhereItCannotBe(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	f := newEvidenceFixture(t, s)
	cases := []struct {
		name string
		blk  *domain.Block
		code string
	}{
		{"on commentary", &domain.Block{Type: domain.BlockCommentary, Text: "x",
			Evidence: []domain.Evidence{{ExcerptID: f.chips.ID}}}, domain.EINVALID},
		{"an excerpt twice", &domain.Block{Type: domain.BlockJudgment, Text: "x",
			Evidence: []domain.Evidence{{ExcerptID: f.chips.ID}, {ExcerptID: f.chips.ID, Stance: "contradicts"}}}, domain.EINVALID},
		{"an unknown stance", &domain.Block{Type: domain.BlockJudgment, Text: "x",
			Evidence: []domain.Evidence{{ExcerptID: f.chips.ID, Stance: "maybe"}}}, domain.EINVALID},
		{"an excerpt the library lacks", &domain.Block{Type: domain.BlockJudgment, Text: "x",
			Evidence: []domain.Evidence{{ExcerptID: 999}}}, domain.ENOTFOUND},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantCode(t, s.AddBlock(ctx, f.b.ID, c.blk, -1), c.code)
			got, _ := s.Briefing(ctx, f.b.ID)
			if len(got.Blocks) != 2 {
				t.Fatalf("%d blocks after a refused add", len(got.Blocks))
			}
		})
	}
}

// Links change through every path a block does, and each change moves
// the briefing's revision, so a save from an older copy is merged.
func TestEvidenceChangesMoveTheRevision(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	f := newEvidenceFixture(t, s)
	rev := func() int64 {
		r, _, err := s.BriefingRevision(ctx, f.b.ID)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	steps := []struct {
		name string
		edit func(j *domain.Block)
		want string
	}{
		{"unlink", func(j *domain.Block) { j.Unlink(f.operators.ID) }, itoa(f.chips.ID) + "/supports/"},
		{"note changed", func(j *domain.Block) {
			j.Link(domain.Evidence{ExcerptID: f.chips.ID, Stance: domain.StanceSupports, Note: "Named policy"})
		}, itoa(f.chips.ID) + "/supports/Named policy"},
		{"stance changed", func(j *domain.Block) {
			j.Link(domain.Evidence{ExcerptID: f.chips.ID, Stance: domain.StanceContradicts, Note: "Named policy"})
		}, itoa(f.chips.ID) + "/contradicts/Named policy"},
		{"link again", func(j *domain.Block) { j.Link(domain.Evidence{ExcerptID: f.operators.ID, Stance: "for"}) },
			itoa(f.chips.ID) + "/contradicts/Named policy, " + itoa(f.operators.ID) + "/supports/"},
	}
	for i, st := range steps {
		before := rev()
		cur, _ := s.Briefing(ctx, f.b.ID)
		j := cur.Blocks[1]
		st.edit(j)
		var err error
		if i%2 == 0 { // through the block, then through a save of the whole briefing
			err = s.UpdateBlock(ctx, j)
		} else {
			err = saveBriefing(ctx, s, cur)
		}
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		got, _ := s.Briefing(ctx, f.b.ID)
		var links []string
		for _, ev := range got.Blocks[1].Evidence {
			links = append(links, itoa(ev.ExcerptID)+"/"+string(ev.Stance)+"/"+ev.Note)
		}
		if strings.Join(links, ", ") != st.want {
			t.Errorf("%s: links %q, want %q", st.name, strings.Join(links, ", "), st.want)
		}
		if rev() <= before {
			t.Errorf("%s: the revision stayed at %d", st.name, before)
		}
	}
}

// Two copies edited from the same revision, each linking other evidence:
// the later save merges, keeping both.
func TestEvidenceLinkedInTwoCopiesIsMerged(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	f := newEvidenceFixture(t, s)
	third := addExcerpt(t, s, f.chips.SourceID, "Export controls alone")
	base, _ := s.Briefing(ctx, f.b.ID)
	mine, _ := s.Briefing(ctx, f.b.ID)
	theirs, _ := s.Briefing(ctx, f.b.ID)
	theirs.Blocks[1].Unlink(f.operators.ID)
	if err := saveBriefing(ctx, s, theirs); err != nil {
		t.Fatal(err)
	}
	mine.Blocks[1].Link(domain.Evidence{ExcerptID: third.ID, Stance: domain.StanceSupports})
	saved, err := s.SaveBriefing(ctx, base, mine)
	if err != nil {
		t.Fatal(err)
	}
	if !saved.Merged {
		t.Fatal("not merged")
	}
	got, _ := s.Briefing(ctx, f.b.ID)
	var ids []string
	for _, ev := range got.Blocks[1].Evidence {
		ids = append(ids, itoa(ev.ExcerptID))
	}
	if want := itoa(f.chips.ID) + " " + itoa(third.ID); strings.Join(ids, " ") != want {
		t.Fatalf("links %v, want %s", ids, want)
	}
}

func TestDuplicateAndVersionsKeepEvidenceAndScale(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	f := newEvidenceFixture(t, s)
	orig, _ := s.Briefing(ctx, f.b.ID)
	dup, err := s.DuplicateBriefing(ctx, f.b.ID)
	if err != nil {
		t.Fatal(err)
	}
	copied, _ := s.Briefing(ctx, dup.ID)
	if describeEvidence(copied) != describeEvidence(orig) || copied.Scale != domain.ScalePHIA {
		t.Fatalf("copy: %q scale %q, want %q", describeEvidence(copied), copied.Scale, describeEvidence(orig))
	}
	if copied.Blocks[1].ID == orig.Blocks[1].ID {
		t.Fatal("the copy shares the judgment's block")
	}

	v, err := s.CreateSnapshot(ctx, f.b.ID, "v1")
	if err != nil {
		t.Fatal(err)
	}
	cur, _ := s.Briefing(ctx, f.b.ID)
	cur.Scale = domain.ScaleICD203
	cur.Blocks[1].Evidence = nil
	if err := saveBriefing(ctx, s, cur); err != nil {
		t.Fatal(err)
	}
	if skipped, err := s.RestoreSnapshot(ctx, f.b.ID, v.ID); err != nil || skipped != 0 {
		t.Fatalf("restore: skipped %d, %v", skipped, err)
	}
	back, _ := s.Briefing(ctx, f.b.ID)
	if describeEvidence(back) != describeEvidence(orig) || back.Scale != domain.ScalePHIA {
		t.Fatalf("restored %q scale %q, want %q", describeEvidence(back), back.Scale, describeEvidence(orig))
	}
}

// A version restored after one of its evidence excerpts was deleted for
// good keeps the judgment and its other links.
func TestRestoringAVersionLeavesOutLinksToDeletedExcerpts(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	f := newEvidenceFixture(t, s)
	v, err := s.CreateSnapshot(ctx, f.b.ID, "v1")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteExcerpt(ctx, f.operators.ID, true); err != nil {
		t.Fatal(err)
	}
	skipped, err := s.RestoreSnapshot(ctx, f.b.ID, v.ID)
	if err != nil || skipped != 0 {
		t.Fatalf("restore: skipped %d, %v", skipped, err)
	}
	got, _ := s.Briefing(ctx, f.b.ID)
	if want := "2:" + itoa(f.chips.ID) + "/supports/ Chips «small yard»"; describeEvidence(got) != want || len(got.Blocks) != 2 {
		t.Fatalf("restored %q (%d blocks), want %q", describeEvidence(got), len(got.Blocks), want)
	}
}

// A copy loaded before an evidence excerpt was deleted for good elsewhere
// still saves, without that link.
func TestSavingACopyDropsLinksToExcerptsDeletedElsewhere(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	f := newEvidenceFixture(t, s)
	old, _ := s.Briefing(ctx, f.b.ID)
	if err := s.DeleteExcerpt(ctx, f.operators.ID, true); err != nil {
		t.Fatal(err)
	}
	edit, _ := s.Briefing(ctx, f.b.ID) // what the window still shows: the old copy, edited
	*edit = *old
	edit.Title = "Typed meanwhile"
	if _, err := s.SaveBriefing(ctx, old, edit); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Briefing(ctx, f.b.ID)
	if got.Title != "Typed meanwhile" || len(got.Blocks[1].Evidence) != 1 || got.Blocks[1].Evidence[0].ExcerptID != f.chips.ID {
		t.Fatalf("title %q, links %v", got.Title, got.Blocks[1].Evidence)
	}
	if len(old.Blocks[1].Evidence) != 2 {
		t.Fatal("the caller's copy lost its link")
	}
}

// Evidence counts as a use of its excerpt: listed, guarded against the
// trash and deletion, removed only when forced (with a version kept when
// trashed).
func TestExcerptsUsedAsEvidenceCountAsUsed(t *testing.T) {
	ctx := context.Background()
	type op struct {
		name  string
		act   func(s *Store, f evidenceFixture, force bool) error
		links string // what is left of the judgment's links after the forced act
		kept  bool   // whether a version was kept
	}
	ops := []op{
		{"trash the excerpt", func(s *Store, f evidenceFixture, force bool) error {
			return s.TrashExcerpt(ctx, f.operators.ID, force)
		}, "chips", true},
		{"trash the source", func(s *Store, f evidenceFixture, force bool) error {
			return s.TrashSource(ctx, f.operators.SourceID, force)
		}, "chips", true},
		{"delete the excerpt for good", func(s *Store, f evidenceFixture, force bool) error {
			return s.DeleteExcerpt(ctx, f.operators.ID, force)
		}, "chips", false},
		{"delete the source for good", func(s *Store, f evidenceFixture, force bool) error {
			return s.DeleteSource(ctx, f.operators.SourceID, force)
		}, "chips", false},
	}
	for _, o := range ops {
		t.Run(o.name, func(t *testing.T) {
			s := openTest(t)
			f := newEvidenceFixture(t, s)
			for name, usage := range map[string]func() ([]domain.BriefingRef, error){
				"excerpt": func() ([]domain.BriefingRef, error) { return s.ExcerptUsage(ctx, f.operators.ID) },
				"source":  func() ([]domain.BriefingRef, error) { return s.SourceUsage(ctx, f.operators.SourceID) },
			} {
				refs, err := usage()
				if err != nil || len(refs) != 1 || refs[0].ID != f.b.ID {
					t.Fatalf("%s usage %v, %v", name, refs, err)
				}
			}
			err := o.act(s, f, false)
			wantCode(t, err, domain.ECONFLICT)
			if !strings.Contains(domain.ErrorMessage(err), "Controls") {
				t.Fatalf("the refusal does not name the briefing: %v", err)
			}
			if got, _ := s.Briefing(ctx, f.b.ID); len(got.Blocks[1].Evidence) != 2 {
				t.Fatalf("a refused act removed links: %v", got.Blocks[1].Evidence)
			}
			if err := o.act(s, f, true); err != nil {
				t.Fatal(err)
			}
			got, _ := s.Briefing(ctx, f.b.ID)
			if len(got.Blocks[1].Evidence) != 1 || got.Blocks[1].Evidence[0].ExcerptID != f.chips.ID {
				t.Fatalf("links after: %v", got.Blocks[1].Evidence)
			}
			snaps, _ := s.Snapshots(ctx, f.b.ID)
			if (len(snaps) == 1) != o.kept {
				t.Fatalf("%d versions kept", len(snaps))
			}
			if o.kept {
				v, _ := s.Snapshot(ctx, snaps[0].ID)
				if len(v.Briefing.Blocks[1].Evidence) != 2 {
					t.Fatalf("the version kept lacks the link: %v", v.Briefing.Blocks[1].Evidence)
				}
			}
			if refs, _ := s.ExcerptUsage(ctx, f.operators.ID); len(refs) != 0 {
				t.Fatalf("still used in %v", refs)
			}
		})
	}
}

// The trash rule holds for evidence: a briefing restored from the trash
// brings back the excerpts it links; emptying the trash deletes a linked
// excerpt only with the briefing linking it.
func TestTrashKeepsEvidenceWhole(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	f := newEvidenceFixture(t, s)
	if err := s.TrashBriefing(ctx, f.b.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.TrashExcerpt(ctx, f.operators.ID, false); err != nil {
		t.Fatalf("a trashed briefing's link held the excerpt: %v", err)
	}
	if err := s.RestoreBriefing(ctx, f.b.ID); err != nil {
		t.Fatal(err)
	}
	if e, _ := s.Excerpt(ctx, f.operators.ID); e.TrashedAt != nil {
		t.Fatal("restoring the briefing left its evidence in the trash")
	}

	if err := s.TrashBriefing(ctx, f.b.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.TrashExcerpt(ctx, f.operators.ID, false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.EmptyTrash(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Excerpt(ctx, f.operators.ID); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("the excerpt outlived the emptied trash: %v", err)
	}
}

// Should the trash rule ever be broken (an excerpt in the trash that a
// briefing outside it links), emptying the trash still works, and leaves
// that excerpt and its source: the link holds them (RESTRICT).
func TestEmptyingTheTrashSurvivesABrokenRuleForEvidence(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	f := newEvidenceFixture(t, s)
	other := addExcerpt(t, s, f.chips.SourceID, "Export controls alone") // trashed and unused: goes
	if _, err := s.wt().Exec(`UPDATE excerpts SET trashed_at = '2020-01-01T00:00:00Z' WHERE id IN (?, ?)`, f.operators.ID, other.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.wt().Exec(`UPDATE sources SET trashed_at = '2020-01-01T00:00:00Z' WHERE id = ?`, f.operators.SourceID); err != nil {
		t.Fatal(err)
	}
	n, err := s.EmptyTrash(ctx)
	if err != nil || n != 1 {
		t.Fatalf("emptied %d, %v; want the unused excerpt alone", n, err)
	}
	if _, err := s.Excerpt(ctx, f.operators.ID); err != nil {
		t.Fatalf("the linked excerpt went: %v", err)
	}
	if got, _ := s.Briefing(ctx, f.b.ID); len(got.Blocks[1].Evidence) != 2 {
		t.Fatalf("links %v", got.Blocks[1].Evidence)
	}
}

func TestScaleIsStoredCheckedAndMovesTheRevision(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b := &domain.Briefing{Title: "Scales"}
	if err := s.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		given string
		want  domain.ScaleID
		code  string
	}{
		{"ICD 203", domain.ScaleICD203, ""},
		{"phia", domain.ScalePHIA, ""},
		{"none", domain.ScaleNone, ""},
		{"kent", "", domain.EINVALID},
	} {
		cur, _ := s.Briefing(ctx, b.ID)
		rev := cur.Revision
		cur.Scale = domain.ScaleID(c.given)
		err := s.UpdateBriefing(ctx, cur)
		if c.code != "" {
			wantCode(t, err, c.code)
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.given, err)
		}
		got, _ := s.Briefing(ctx, b.ID)
		if got.Scale != c.want || got.Revision <= rev {
			t.Errorf("%s: scale %q revision %d (was %d), want %q", c.given, got.Scale, got.Revision, rev, c.want)
		}
	}
}

// A library of schema 7 opens with its briefings on no scale and takes
// evidence and the integrity tables at once.
func TestMigration008OpensAnOlderLibrary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v7.db")
	db := oldLibrary(t, path, 7)
	for _, q := range []string{
		`INSERT INTO sources (id, kind, title, sha256, imported_at) VALUES (1, 'article', 'Chips', 'h1', 'x')`,
		`INSERT INTO source_texts (source_id, text) VALUES (1, 'export controls on advanced chips')`,
		`INSERT INTO excerpts (id, source_id, start, "end", quote, created_at, updated_at) VALUES (1, 1, 0, 15, 'export controls', 'x', 'x')`,
		`INSERT INTO briefings (id, title, created_at, updated_at) VALUES (1, 'Old', 'x', 'x')`,
		`INSERT INTO blocks (id, briefing_id, position, type, text) VALUES (1, 1, 0, 'judgment', 'Likely')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, err := s.Briefing(ctx, 1)
	if err != nil || b.Scale != domain.ScaleNone || b.Blocks[0].Evidence != nil {
		t.Fatalf("briefing %+v, %v", b, err)
	}
	src, err := s.Source(ctx, 1)
	if err != nil || src.Standing != domain.StandingSound || src.Location != "" || src.PreviousID != 0 || src.Concern != nil {
		t.Fatalf("source %+v, %v", src, err)
	}
	b.Blocks[0].Link(domain.Evidence{ExcerptID: 1, Stance: domain.StanceSupports})
	if err := s.UpdateBlock(ctx, b.Blocks[0]); err != nil {
		t.Fatal(err)
	}
	if refs, _ := s.ExcerptUsage(ctx, 1); len(refs) != 1 {
		t.Fatalf("usage %v", refs)
	}
}
