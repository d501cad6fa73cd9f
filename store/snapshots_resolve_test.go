package store

import (
	"context"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/integrity"
)

// A version reads with its excerpts and evidence resolved, the sources
// they cite and their concerns, so its basis line is the briefing's; an
// excerpt deleted since is left unresolved and named as deleted.
func TestSnapshotResolvesEvidenceAndSources(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	f := newEvidenceFixture(t, s)
	base, _ := s.Source(ctx, f.chips.SourceID)
	chips := *base
	chips.Reliability = "B"
	if _, err := s.UpdateSource(ctx, base, &chips); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSourceStanding(ctx, f.chips.SourceID, domain.StandingRetracted, "withdrawn"); err != nil {
		t.Fatal(err)
	}
	v, err := s.CreateSnapshot(ctx, f.b.ID, "v1")
	if err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot(ctx, v.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := "2:" + itoa(f.operators.ID) + "/contradicts/Cost cuts the other way 5G «cost billions»; " +
		"2:" + itoa(f.chips.ID) + "/supports/ Chips «small yard»"; describeEvidence(snap.Briefing) != want {
		t.Fatalf("evidence %q\nwant     %q", describeEvidence(snap.Briefing), want)
	}
	if snap.Briefing.Blocks[0].Excerpt == nil || snap.Briefing.Blocks[0].Excerpt == snap.Briefing.Blocks[1].Evidence[1].Excerpt {
		t.Fatal("the excerpt block is unresolved, or shares the link's excerpt")
	}
	b := snap.Bundle()
	if got := integrity.BasisOf(snap.Briefing.Blocks[1], b).Line(); got != "Basis: 1 source (B?); 1 contradicting; 1 on a retracted source" {
		t.Errorf("basis %q", got)
	}
	if len(b.Sources) != 2 || b.Concerns[f.chips.SourceID] == nil {
		t.Errorf("sources %d, concerns %v", len(b.Sources), b.Concerns)
	}
	// Deleted since: the link stays, unresolved.
	if err := s.DeleteExcerpt(ctx, f.chips.ID, true); err != nil {
		t.Fatal(err)
	}
	if snap, err = s.Snapshot(ctx, v.ID); err != nil {
		t.Fatal(err)
	}
	j := snap.Briefing.Blocks[1]
	if len(j.Evidence) != 2 || j.Evidence[1].Excerpt != nil || snap.Briefing.Blocks[0].Excerpt != nil {
		t.Fatalf("after the delete: %+v", j.Evidence)
	}
	if got := integrity.BasisOf(j, snap.Bundle()).Line(); got != "Basis: an excerpt since deleted; 1 contradicting" {
		t.Errorf("basis %q", got)
	}
}

// What changed since a version names a link removed since by its quote
// and source, read from the version, even once the excerpt is deleted
// from the library it is named as such, never by a bare number.
func TestChangesSinceAVersionNameTheUnlinkedExcerpt(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	f := newEvidenceFixture(t, s)
	v, err := s.CreateSnapshot(ctx, f.b.ID, "v1")
	if err != nil {
		t.Fatal(err)
	}
	cur, _ := s.Briefing(ctx, f.b.ID)
	cur.Blocks[1].Unlink(f.operators.ID)
	if err := s.UpdateBlock(ctx, cur.Blocks[1]); err != nil {
		t.Fatal(err)
	}
	compare := func() string {
		t.Helper()
		snap, err := s.Snapshot(ctx, v.ID)
		if err != nil {
			t.Fatal(err)
		}
		now, _ := s.Briefing(ctx, f.b.ID)
		return integrity.Compare(snap.Briefing, now).Markdown()
	}
	if md := compare(); !strings.Contains(md, "- Removed from “Controls will widen”: contradicting excerpt “cost billions” (5G)") {
		t.Errorf("the note:\n%s", md)
	}
	if err := s.DeleteExcerpt(ctx, f.operators.ID, true); err != nil {
		t.Fatal(err)
	}
	if md := compare(); !strings.Contains(md, "- Removed from “Controls will widen”: a contradicting excerpt since deleted") {
		t.Errorf("the note once the excerpt is deleted:\n%s", md)
	}
}
