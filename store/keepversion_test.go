package store

import (
	"context"
	"testing"

	"github.com/attache/attache/domain"
)

// A copy never stored (the analyst's side of a clash they let go) is kept
// in the briefing's history as it stands, the briefing itself unchanged.
func TestKeepVersionStoresTheCopyGiven(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b := &domain.Briefing{Title: "Chips", Blocks: []*domain.Block{{Type: domain.BlockCommentary, Text: "Theirs"}}}
	if err := s.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Briefing(ctx, b.ID)
	mine := b.Clone()
	mine.Blocks[0].Text = "Mine, never saved"
	mine.Summary = "My bottom line"
	snap, err := s.KeepVersion(ctx, mine, "Your edits before reloading")
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Snapshot(ctx, snap.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Briefing.Blocks[0].Text != "Mine, never saved" || got.Briefing.Summary != "My bottom line" || got.By != s.User() {
		t.Errorf("kept %q / %q by %q", got.Briefing.Blocks[0].Text, got.Briefing.Summary, got.By)
	}
	now, _ := s.Briefing(ctx, b.ID)
	if now.Blocks[0].Text != "Theirs" || now.Revision != before.Revision {
		t.Errorf("keeping a version changed the briefing: %q, revision %d → %d", now.Blocks[0].Text, before.Revision, now.Revision)
	}
	mine.ID = 9999
	_, err = s.KeepVersion(ctx, mine, "x")
	wantCode(t, err, domain.ENOTFOUND)
}
