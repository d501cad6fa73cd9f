package store

import (
	"context"
	"testing"

	"github.com/attache/attache/domain"
)

// An excerpt block's own mark may raise its excerpt's, never lower it:
// the excerpt's prints, so a lower one misleads the briefing's readers.
// Every way a block is added or changed refuses it; blocks stored before
// and unchanged are not held to it again.
func TestBlockMarkedBelowItsExcerptIsRefused(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	secret := &domain.Excerpt{SourceID: src.ID, Quote: "small yard", Marking: "uk:S//UK EYES ONLY"}
	if err := s.CreateExcerpt(ctx, secret); err != nil {
		t.Fatal(err)
	}
	uk := &domain.Briefing{Title: "UK view", Scheme: domain.SchemeUK}
	if err := s.CreateBriefing(ctx, uk); err != nil {
		t.Fatal(err)
	}
	parts := []string{"block 1 (excerpt " + itoa(secret.ID) + ")", "the block is marked (OFFICIAL), below its excerpt's (SECRET - UK EYES ONLY)",
		"attache excerpt edit " + itoa(secret.ID) + " --marking"}
	err := s.AddBlock(ctx, uk.ID, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: secret.ID, Marking: "uk:O"}, -1)
	wantRefusal(t, "AddBlock", err, parts...)
	// SECRET alone lacks UK EYES ONLY: also not covering.
	err = s.AddBlock(ctx, uk.ID, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: secret.ID, Marking: "uk:S"}, -1)
	wantRefusal(t, "AddBlock without the caveat", err, "below its excerpt's")

	if err := s.AddBlock(ctx, uk.ID, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: secret.ID}, -1); err != nil {
		t.Fatalf("an unmarked block: %v", err)
	}
	b, _ := s.Briefing(ctx, uk.ID)
	blk := *b.Blocks[0]
	blk.Excerpt, blk.Marking = nil, "uk:O"
	wantRefusal(t, "UpdateBlock", s.UpdateBlock(ctx, &blk), parts...)
	blk.Marking = "uk:TS//UK EYES ONLY"
	if err := s.UpdateBlock(ctx, &blk); err != nil {
		t.Fatalf("a block raising its excerpt: %v", err)
	}

	base, _ := s.Briefing(ctx, uk.ID)
	mine := base.Clone()
	mine.Blocks[0].Marking = "uk:OS"
	_, err = s.SaveBriefing(ctx, base, mine)
	wantRefusal(t, "SaveBriefing", err, "below its excerpt's")

	// A block stored before (as an older version let it be) is not held
	// to it when the briefing is saved for another reason.
	if _, err := s.wt().ExecContext(ctx, `UPDATE blocks SET marking = 'uk:O' WHERE id = ?`, blk.ID); err != nil {
		t.Fatal(err)
	}
	base, _ = s.Briefing(ctx, uk.ID)
	mine = base.Clone()
	mine.Title = "Renamed"
	if _, err := s.SaveBriefing(ctx, base, mine); err != nil {
		t.Fatalf("saving a title refused for an unchanged block: %v", err)
	}
}

// A version whose excerpt block's mark is now below its excerpt (the
// excerpt raised since) is still put back: its text is never lost to a
// rule about a mark that prints under the excerpt's anyway.
func TestRestoreKeepsABlockMarkedBelowItsExcerpt(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	e := &domain.Excerpt{SourceID: src.ID, Quote: "small yard", Marking: "S"}
	if err := s.CreateExcerpt(ctx, e); err != nil {
		t.Fatal(err)
	}
	b := &domain.Briefing{Title: "US", Scheme: domain.SchemeUS,
		Blocks: []*domain.Block{{Type: domain.BlockExcerpt, ExcerptID: e.ID, Marking: "S"}}}
	if err := s.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	v, err := s.CreateSnapshot(ctx, b.ID, "marked S")
	if err != nil {
		t.Fatal(err)
	}
	base, _ := s.Briefing(ctx, b.ID)
	mine := base.Clone()
	mine.Blocks = nil
	if _, err := s.SaveBriefing(ctx, base, mine); err != nil {
		t.Fatal(err)
	}
	cur, _ := s.Excerpt(ctx, e.ID)
	raised := *cur
	raised.Marking = "TS"
	if _, err := s.UpdateExcerpt(ctx, cur, &raised); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RestoreSnapshot(ctx, b.ID, v.ID); err != nil {
		t.Fatalf("restoring the version: %v", err)
	}
	got, _ := s.Briefing(ctx, b.ID)
	if len(got.Blocks) != 1 || got.Blocks[0].Marking != "S" || got.Blocks[0].Excerpt.Marking != "TS" {
		t.Fatalf("restored blocks %+v", got.Blocks)
	}
}
