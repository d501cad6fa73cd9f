package store

import (
	"context"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// usBriefing has every marking detail set, under the US scheme.
func usBriefing(excerptID int64) *domain.Briefing {
	return &domain.Briefing{Title: "Chip controls", Subtitle: "Where next", Scheme: domain.SchemeUS,
		Classification: "S//NOFORN", TitleMarking: "U", SubtitleMarking: "C", SummaryMarking: "S//NOFORN",
		Authority:    domain.Authority{ClassifiedBy: "J. Analyst, Desk", DerivedFrom: "Multiple Sources", DeclassifyOn: "20510101"},
		IncludeNotes: true, Summary: "Controls will tighten.",
		Blocks: []*domain.Block{{Type: domain.BlockCommentary, Text: "Why", Marking: "C"},
			{Type: domain.BlockExcerpt, ExcerptID: excerptID, Marking: "U"}}}
}

// sameMarkings says how the marking details of got differ from want.
func sameMarkings(t *testing.T, what string, got, want *domain.Briefing) {
	t.Helper()
	if got.Scheme != want.Scheme || got.Classification != want.Classification || got.TitleMarking != want.TitleMarking ||
		got.SubtitleMarking != want.SubtitleMarking || got.SummaryMarking != want.SummaryMarking ||
		got.Authority != want.Authority || got.IncludeNotes != want.IncludeNotes {
		t.Fatalf("%s: marking details\n%+v\nwant\n%+v", what, got, want)
	}
	if len(got.Blocks) != len(want.Blocks) {
		t.Fatalf("%s: %d blocks, want %d", what, len(got.Blocks), len(want.Blocks))
	}
	for i := range got.Blocks {
		if got.Blocks[i].Marking != want.Blocks[i].Marking {
			t.Fatalf("%s: block %d marked %q, want %q", what, i+1, got.Blocks[i].Marking, want.Blocks[i].Marking)
		}
	}
}

func TestEveryMarkingDetailIsStoredAndReadBack(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	e := addExcerpt(t, s, src.ID, "small yard")
	want := usBriefing(e.ID)
	b := usBriefing(e.ID)
	if err := s.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	got, err := s.Briefing(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameMarkings(t, "Briefing", got, want)
	bundle, err := s.Bundle(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameMarkings(t, "Bundle", bundle.Briefing, want)
	dup, err := s.DuplicateBriefing(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	dupRead, _ := s.Briefing(ctx, dup.ID)
	sameMarkings(t, "DuplicateBriefing", dupRead, want)

	// A version keeps them all, and restoring it brings them back.
	v, err := s.CreateSnapshot(ctx, b.ID, "all set")
	if err != nil {
		t.Fatal(err)
	}
	got.Classification, got.TitleMarking, got.SubtitleMarking, got.SummaryMarking = "TS", "", "", ""
	got.Authority, got.IncludeNotes = domain.Authority{ClassifiedBy: "Someone else"}, false
	if err := s.UpdateBriefing(ctx, got); err != nil {
		t.Fatal(err)
	}
	changed, _ := s.Briefing(ctx, b.ID)
	if changed.Classification != "TS" || changed.Authority.ClassifiedBy != "Someone else" || changed.IncludeNotes || changed.TitleMarking != "" {
		t.Fatalf("UpdateBriefing did not write the details: %+v", changed)
	}
	snap, err := s.Snapshot(ctx, v.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameMarkings(t, "Snapshot", snap.Briefing, want)
	if _, err := s.RestoreSnapshot(ctx, b.ID, v.ID); err != nil {
		t.Fatal(err)
	}
	restored, _ := s.Briefing(ctx, b.ID)
	sameMarkings(t, "RestoreSnapshot", restored, want)

	// SaveBriefing writes them, and merges them with a change made elsewhere.
	base, _ := s.Briefing(ctx, b.ID)
	elsewhere, _ := s.Briefing(ctx, b.ID)
	elsewhere.IncludeNotes = false
	if err := s.UpdateBriefing(ctx, elsewhere); err != nil {
		t.Fatal(err)
	}
	mine := base.Clone()
	mine.Authority.DeclassifyOn = "25X1"
	mine.SubtitleMarking = "U"
	saved, err := s.SaveBriefing(ctx, base, mine)
	if err != nil {
		t.Fatal(err)
	}
	final, _ := s.Briefing(ctx, b.ID)
	if !saved.Merged || final.IncludeNotes || final.Authority.DeclassifyOn != "25X1" || final.SubtitleMarking != "U" ||
		final.Authority.ClassifiedBy != want.Authority.ClassifiedBy {
		t.Fatalf("after the merged save: %+v (merged %v)", final, saved.Merged)
	}
}

// Markings are stored in the library's form, whatever the spelling typed.
func TestMarkingsAreStoredInTheirStoredForm(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := &domain.Source{Title: "Chips", Text: chipsText, Marking: "uk:official-sensitive"}
	if _, err := s.CreateSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	b := &domain.Briefing{Title: "T", Scheme: "UK", Classification: "uk:secret", TitleMarking: "uk:official",
		Blocks: []*domain.Block{{Type: domain.BlockHeading, Text: "H", Marking: "uk:os"}}}
	if err := s.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Briefing(ctx, b.ID)
	gotSrc, _ := s.Source(ctx, src.ID)
	if got.Scheme != domain.SchemeUK || got.Classification != "uk:S" || got.TitleMarking != "uk:O" ||
		got.Blocks[0].Marking != "uk:OS" || gotSrc.Marking != "uk:OS" {
		t.Fatalf("stored %+v, block %q, source %q", got, got.Blocks[0].Marking, gotSrc.Marking)
	}
	bad := &domain.Source{Title: "Other", Text: fiveGText, Marking: "SECRETISH"}
	if _, err := s.CreateSource(ctx, bad); domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(err.Error(), "source's marking") {
		t.Fatalf("an unreadable source marking: %v", err)
	}
}

func TestSourceMarkingIsStoredListedAndMerged(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := &domain.Source{Title: "Chips", Text: chipsText, Marking: "S"}
	if _, err := s.CreateSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	list, err := s.Sources(ctx, domain.SourceFilter{})
	if err != nil || len(list) != 1 || list[0].Marking != "S" {
		t.Fatalf("listed %+v, %v", list, err)
	}
	base, _ := s.Source(ctx, src.ID)
	cli, _ := s.Source(ctx, src.ID)
	cli.Marking = "TS"
	if _, err := s.UpdateSource(ctx, nil, cli); err != nil {
		t.Fatal(err)
	}
	form, _ := s.Source(ctx, src.ID)
	*form = *base
	form.Title = "Chips, revised"
	clashes, err := s.UpdateSource(ctx, base, form)
	if err != nil || len(clashes) != 0 {
		t.Fatalf("UpdateSource: %v, %v", clashes, err)
	}
	got, _ := s.Source(ctx, src.ID)
	if got.Title != "Chips, revised" || got.Marking != "TS" {
		t.Fatalf("after the merge: title %q, marking %q", got.Title, got.Marking)
	}
	// Both changed the marking: mine is saved and the clash named.
	base = got
	other := *got
	other.Marking = "C"
	if _, err := s.UpdateSource(ctx, nil, &other); err != nil {
		t.Fatal(err)
	}
	mine := *base
	mine.Marking = "U"
	clashes, err = s.UpdateSource(ctx, base, &mine)
	if err != nil || len(clashes) != 1 || clashes[0].Field != "marking" {
		t.Fatalf("clash over the marking: %+v, %v", clashes, err)
	}
	if got, _ := s.Source(ctx, src.ID); got.Marking != "U" {
		t.Fatalf("marking %q after the clash, want mine", got.Marking)
	}
}

func TestNewBriefingsTakeTheLibrarysDefaultScheme(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	create := func(b *domain.Briefing) *domain.Briefing {
		t.Helper()
		if err := s.CreateBriefing(ctx, b); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Briefing(ctx, b.ID)
		return got
	}
	if got := create(&domain.Briefing{Title: "No default"}); got.Scheme != domain.SchemeNone {
		t.Fatalf("scheme %q with no default, want none", got.Scheme)
	}
	if err := s.SetDefaultScheme(ctx, "UK"); err != nil {
		t.Fatal(err)
	}
	if def, err := s.DefaultScheme(ctx); err != nil || def != domain.SchemeUK {
		t.Fatalf("DefaultScheme = %q, %v", def, err)
	}
	if got := create(&domain.Briefing{Title: "Default", Classification: "uk:O"}); got.Scheme != domain.SchemeUK || got.Classification != "uk:O" {
		t.Fatalf("scheme %q, classification %q under the UK default", got.Scheme, got.Classification)
	}
	if got := create(&domain.Briefing{Title: "Chosen", Scheme: domain.SchemeTLP}); got.Scheme != domain.SchemeTLP {
		t.Fatalf("scheme %q, want the one chosen", got.Scheme)
	}
	if err := s.SetDefaultScheme(ctx, "klingon"); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("an unknown default scheme: %v", err)
	}
	if err := s.SetDefaultScheme(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if def, err := s.DefaultScheme(ctx); err != nil || def != "" {
		t.Fatalf("DefaultScheme after clearing = %q, %v", def, err)
	}
	if got := create(&domain.Briefing{Title: "Cleared"}); got.Scheme != domain.SchemeNone {
		t.Fatalf("scheme %q after the default was cleared", got.Scheme)
	}
}

// Changing the scheme of a briefing whose marks are of the old one is
// refused with the domain's own message, and nothing is written.
func TestSchemeChangeIsRefusedWithTheDomainsMessage(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, _ := newBriefing(t, s)
	if err := s.AddBlock(ctx, b.ID, &domain.Block{Type: domain.BlockCommentary, Text: "Why", Marking: "S"}, -1); err != nil {
		t.Fatal(err)
	}
	base, _ := s.Briefing(ctx, b.ID)
	mine := base.Clone()
	mine.Scheme = domain.SchemeUK
	want := mine.Clone().Validate()
	if want == nil {
		t.Fatal("the domain accepts a US mark under the UK scheme")
	}
	_, err := s.SaveBriefing(ctx, base, mine)
	if err == nil || err.Error() != want.Error() || domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("SaveBriefing = %v, want the domain's %v", err, want)
	}
	if !strings.Contains(err.Error(), "US") || !strings.Contains(err.Error(), "UK") {
		t.Fatalf("the message names neither scheme: %v", err)
	}
	// UpdateBriefing writes no blocks, but a new scheme holds them too.
	upd := base.Clone()
	upd.Scheme, upd.Blocks = domain.SchemeUK, nil
	if err := s.UpdateBriefing(ctx, upd); err == nil || err.Error() != want.Error() {
		t.Fatalf("UpdateBriefing to the UK scheme = %v, want the domain's %v", err, want)
	}
	upd = base.Clone()
	upd.Scheme, upd.Classification = domain.SchemeUK, "S"
	if err := s.UpdateBriefing(ctx, upd); domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(err.Error(), "UK markings") {
		t.Fatalf("UpdateBriefing = %v", err)
	}
	if got, _ := s.Briefing(ctx, b.ID); got.Scheme != domain.SchemeUS {
		t.Fatalf("scheme %q after the refusals", got.Scheme)
	}
}
