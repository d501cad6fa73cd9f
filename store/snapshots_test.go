package store

import (
	"context"
	"testing"

	"github.com/attache/attache/domain"
)

func TestSnapshotAndRestore(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, e := newBriefing(t, s)
	b.Blocks = []*domain.Block{{Type: domain.BlockHeading, Text: "One"}, {Type: domain.BlockExcerpt, ExcerptID: e.ID}}
	if err := saveBriefing(ctx, s, b); err != nil {
		t.Fatal(err)
	}
	v1, err := s.CreateSnapshot(ctx, b.ID, "first draft")
	if err != nil {
		t.Fatal(err)
	}
	b.Title, b.Blocks = "Changed", []*domain.Block{{Type: domain.BlockCommentary, Text: "Rewritten"}}
	if err := saveBriefing(ctx, s, b); err != nil {
		t.Fatal(err)
	}
	skipped, err := s.RestoreSnapshot(ctx, b.ID, v1.ID)
	if err != nil || skipped != 0 {
		t.Fatalf("restore: %v, skipped %d", err, skipped)
	}
	got, _ := s.Briefing(ctx, b.ID)
	if got.Title != "Chip controls" || !sameList(blockTexts(got), []string{"One", "«small yard»"}) {
		t.Fatalf("restored %q %v", got.Title, blockTexts(got))
	}
	// Restored blocks have the numbers they had in the version: scripts
	// holding them keep working (a trial found every number changed).
	v1b, _ := s.Snapshot(ctx, v1.ID)
	for i, blk := range got.Blocks {
		if blk.ID != v1b.Briefing.Blocks[i].ID {
			t.Fatalf("block %d restored as %d", v1b.Briefing.Blocks[i].ID, blk.ID)
		}
	}
	list, _ := s.Snapshots(ctx, b.ID)
	if len(list) != 2 || list[0].Label != "Before restoring version "+itoa(v1.ID) {
		t.Fatalf("history %+v", list)
	}
	old, err := s.Snapshot(ctx, list[0].ID)
	if err != nil || old.Briefing.Title != "Changed" {
		t.Fatalf("the pre-restore version: %+v %v", old, err)
	}
	// An excerpt deleted since the version was taken is left out.
	if err := s.DeleteExcerpt(ctx, e.ID, true); err != nil {
		t.Fatal(err)
	}
	if skipped, err := s.RestoreSnapshot(ctx, b.ID, v1.ID); err != nil || skipped != 1 {
		t.Fatalf("restore after delete: %v, skipped %d", err, skipped)
	}
	_, err = s.RestoreSnapshot(ctx, b.ID+100, v1.ID)
	wantCode(t, err, domain.EINVALID)
	_, err = s.Snapshot(ctx, 999)
	wantCode(t, err, domain.ENOTFOUND)
}

func TestEmptyTrash(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, _ := newBriefing(t, s)
	keep := &domain.Briefing{Title: "Keep"}
	if err := s.CreateBriefing(ctx, keep); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateSnapshot(ctx, b.ID, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.TrashBriefing(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if n, err := s.EmptyTrash(ctx); err != nil || n != 1 {
		t.Fatalf("emptied %d, %v", n, err)
	}
	if _, err := s.Briefing(ctx, b.ID); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("trashed briefing still there: %v", err)
	}
	if _, err := s.Briefing(ctx, keep.ID); err != nil {
		t.Fatal(err)
	}
}
