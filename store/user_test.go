package store

import (
	"context"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// Every change keeps who made it: two analysts on one library, each
// seen in lists and versions under their own name, and a refusal to
// delete what another's briefing uses names that briefing's owner.
func TestChangesKeepWhoMadeThem(t *testing.T) {
	ctx := context.Background()
	ana := openTest(t)
	if err := ana.SetUser("  Ana   Ruiz "); err != nil || ana.User() != "Ana Ruiz" {
		t.Fatalf("SetUser: %q %v", ana.User(), err)
	}
	ben, err := Open(ctx, ana.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer ben.Close()
	if err := ben.SetUser("ben"); err != nil {
		t.Fatal(err)
	}
	src := addSource(t, ana, "Chips", chipsText)
	e := addExcerpt(t, ana, src.ID, "Export controls alone")
	b := &domain.Briefing{Title: "Chips", Blocks: []*domain.Block{{Type: domain.BlockExcerpt, ExcerptID: e.ID}}}
	if err := ana.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	got, _ := ben.Source(ctx, src.ID)
	if got.AddedBy != "Ana Ruiz" {
		t.Errorf("source added by %q", got.AddedBy)
	}
	ex, _ := ben.Excerpt(ctx, e.ID)
	ex.Note = "Ben's reading"
	if _, err := ben.UpdateExcerpt(ctx, nil, ex); err != nil {
		t.Fatal(err)
	}
	ex, _ = ana.Excerpt(ctx, e.ID)
	if ex.CreatedBy != "Ana Ruiz" || ex.UpdatedBy != "ben" {
		t.Errorf("excerpt made by %q, changed by %q", ex.CreatedBy, ex.UpdatedBy)
	}
	theirs, _ := ben.Briefing(ctx, b.ID)
	edited := theirs.Clone()
	edited.Summary = "Controls will tighten."
	if _, err := ben.SaveBriefing(ctx, theirs, edited); err != nil {
		t.Fatal(err)
	}
	if _, err := ben.CreateSnapshot(ctx, b.ID, "before review"); err != nil {
		t.Fatal(err)
	}
	list, _ := ana.Briefings(ctx, domain.BriefingFilter{})
	if len(list) != 1 || list[0].CreatedBy != "Ana Ruiz" || list[0].UpdatedBy != "ben" {
		t.Errorf("briefing list: %+v", list[0])
	}
	versions, _ := ana.Snapshots(ctx, b.ID)
	if len(versions) != 1 || versions[0].By != "ben" {
		t.Errorf("version kept by %q", versions[0].By)
	}
	err = ben.DeleteExcerpt(ctx, e.ID, false)
	wantCode(t, err, domain.ECONFLICT)
	if msg := domain.ErrorMessage(err); !strings.Contains(msg, `"Chips" (Ana Ruiz's)`) {
		t.Errorf("the refusal does not name the briefing's owner: %s", msg)
	}
	if err := ana.SetUser(strings.Repeat("x", maxUserName+1)); err == nil {
		t.Error("a name longer than the limit was taken")
	}
}
