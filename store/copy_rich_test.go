package store

import (
	"context"
	"testing"
	"time"

	"github.com/attache/attache/domain"
)

// richLibrary fills s with one of everything a library keeps: sources
// with original files, page maps, page breaks, a path that is not UTF-8,
// a previous version, checks and standings; excerpts with grades, tags,
// figures and marking history; briefings with every kind of block,
// evidence, versions and dismissals; the trash; a default scheme; and a
// source, excerpt, briefing and block deleted for good, whose numbers
// must never be handed out again.
func richLibrary(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.SetDefaultScheme(ctx, domain.SchemeUS))
	chips := &domain.Source{Title: "Chips", Text: chipsText, Authors: []string{"Jane Q. Analyst", "Li Wei"},
		FileName: "chips.pdf", Original: pdfBytes("chips"), TextMap: mapFor(chipsText), Pages: []int{70, 150},
		Location: "/data/r\xe9sum\xe9/chips.pdf", Reliability: "B", Notes: "Wire copy", Publisher: "Desk",
		Published: domain.Date{Year: 2025, Month: 10, Day: 3}}
	_, err := s.CreateSource(ctx, chips)
	must(err)
	fiveG := &domain.Source{Title: "5G", Text: fiveGText, PreviousID: chips.ID, Language: "en"}
	_, err = s.CreateSource(ctx, fiveG)
	must(err)
	cable := &domain.Source{Title: "Cable", Text: chipsText + "\n\nAddendum.", Marking: "S//NOFORN"}
	_, err = s.CreateSource(ctx, cable)
	must(err)

	yard := addExcerpt(t, s, chips.ID, "small yard", "policy", "chips")
	yard.Note, yard.Credibility = "Key phrase", 2
	_, err = s.UpdateExcerpt(ctx, nil, yard)
	must(err)
	fig := &domain.Excerpt{SourceID: chips.ID, Start: 0, End: 10, Figure: testFigure(t, 40, 20, 30, "Exports by quarter"), Tags: []string{"charts"}}
	must(s.CreateExcerpt(ctx, fig))
	cost := addExcerpt(t, s, fiveG.ID, "cost billions", "5g")
	alone := addExcerpt(t, s, fiveG.ID, "take years")
	must(s.TrashExcerpt(ctx, alone.ID, false))
	low := &domain.Excerpt{SourceID: cable.ID, Quote: "Export controls alone", Marking: "U", MarkingReason: "Published in the press release"}
	must(s.CreateExcerpt(ctx, low))
	lowered, _ := s.Excerpt(ctx, low.ID)
	form := lowered.Clone()
	form.Marking, form.MarkingReason = "C", "Paraphrased"
	_, err = s.UpdateExcerpt(ctx, lowered, form)
	must(err)

	richBriefings(t, s, yard, fig, cost, low)
	richIntegrity(t, s, chips, fiveG, cost)
	richGone(t, s)
}

// richBriefings adds a briefing with every kind of block and evidence, two
// versions and a dismissal; a marked one; and one in the trash.
func richBriefings(t *testing.T, s *Store, yard, fig, cost, low *domain.Excerpt) {
	t.Helper()
	ctx := context.Background()
	judgment := &domain.Block{Type: domain.BlockJudgment, Text: "Controls will widen", Confidence: domain.ConfidenceHigh,
		Evidence: []domain.Evidence{{ExcerptID: cost.ID, Stance: "against", Note: "Cost cuts the other way"}, {ExcerptID: yard.ID}}}
	b := &domain.Briefing{Title: "Controls", Subtitle: "Q4", Author: "Desk", Audience: "Minister", Summary: "They widen.",
		Scale: "UK", IncludeNotes: true, Date: domain.Date{Year: 2026, Month: 1, Day: 5}, Blocks: []*domain.Block{
			{Type: domain.BlockHeading, Text: "Outlook"}, {Type: domain.BlockExcerpt, ExcerptID: yard.ID},
			{Type: domain.BlockExcerpt, ExcerptID: fig.ID}, judgment, {Type: domain.BlockCommentary, Text: "More to come."}}}
	if err := s.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateSnapshot(ctx, b.ID, "first draft"); err != nil {
		t.Fatal(err)
	}
	b.Summary = "They widen, slowly."
	b.Blocks = append(b.Blocks, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: cost.ID})
	if err := saveBriefing(ctx, s, b); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateSnapshot(ctx, b.ID, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.Dismiss(ctx, &domain.Dismissal{BriefingID: b.ID, Key: "k1", Code: "no-scale", Words: "may well", Note: "House style"}); err != nil {
		t.Fatal(err)
	}
	marked := &domain.Briefing{Title: "Cable summary", Scheme: domain.SchemeUS, Classification: "C",
		Authority: domain.Authority{ClassifiedBy: "J. Analyst", DerivedFrom: "Cable 12", DeclassifyOn: "20500101"},
		Blocks:    []*domain.Block{{Type: domain.BlockExcerpt, ExcerptID: low.ID}, {Type: domain.BlockCommentary, Text: "Routine.", Marking: "U"}}}
	if err := s.CreateBriefing(ctx, marked); err != nil {
		t.Fatal(err)
	}
	old := &domain.Briefing{Title: "Old draft", Blocks: []*domain.Block{{Type: domain.BlockCommentary, Text: "Stale."}}}
	if err := s.CreateBriefing(ctx, old); err != nil {
		t.Fatal(err)
	}
	if err := s.TrashBriefing(ctx, old.ID); err != nil {
		t.Fatal(err)
	}
}

// richIntegrity adds source checks and standings, and a source in the
// trash with its excerpt.
func richIntegrity(t *testing.T, s *Store, chips, fiveG *domain.Source, cost *domain.Excerpt) {
	t.Helper()
	ctx := context.Background()
	record(t, s, domain.SourceCheck{SourceID: chips.ID, Status: domain.CheckChanged, Where: "/data/chips.pdf",
		Detail: "2 paragraphs differ", SHA256: "b3" + chipsSHA[2:],
		Quotes: []domain.QuoteCheck{{ExcerptID: cost.ID, State: domain.QuoteMoved, Start: 12, End: 20}}})
	record(t, s, domain.SourceCheck{SourceID: fiveG.ID, Status: domain.CheckUnavailable, HTTPStatus: 404, Detail: "HTTP 404"})
	if err := s.SetSourceStanding(ctx, fiveG.ID, domain.StandingRetracted, "Withdrawn by the publisher"); err != nil {
		t.Fatal(err)
	}
	gone := addSource(t, s, "Trashed", "A source in the trash, with an excerpt that went with it.")
	addExcerpt(t, s, gone.ID, "went with it")
	if err := s.TrashSource(ctx, gone.ID, false); err != nil {
		t.Fatal(err)
	}
}

// chipsSHA is some SHA-256 in hex, for a check's record.
const chipsSHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

// richGone deletes for good the newest source, excerpt, briefing and
// block, so each table's highest number is one no row has.
func richGone(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	src := addSource(t, s, "Deleted", "Deleted for good, its number retired.")
	e := addExcerpt(t, s, src.ID, "its number retired")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.TrashExcerpt(ctx, e.ID, true))
	must(s.PurgeExcerpt(ctx, e.ID, true))
	must(s.TrashSource(ctx, src.ID, true))
	must(s.PurgeSource(ctx, src.ID, true))
	b := &domain.Briefing{Title: "Deleted", Blocks: []*domain.Block{{Type: domain.BlockHeading, Text: "Gone"}}}
	must(s.CreateBriefing(ctx, b))
	must(s.TrashBriefing(ctx, b.ID))
	must(s.DeleteBriefing(ctx, b.ID))
	list, err := s.Briefings(ctx, domain.BriefingFilter{})
	must(err)
	blk := &domain.Block{Type: domain.BlockCommentary, Text: "Removed again."}
	must(s.AddBlock(ctx, list[0].ID, blk, -1))
	must(s.RemoveBlock(ctx, blk.ID))
}

// fileCopyEnd opens a new library file in the test's folder, whatever the
// run's backend, with the fixed clock openTest gives.
func fileCopyEnd(t *testing.T, name string) *Store {
	t.Helper()
	return openCopyEnd(t, t.TempDir()+"/"+name)
}

// openCopyEnd opens the library at path (a file or a server's address).
func openCopyEnd(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	clock := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	s.SetClock(func() time.Time { clock = clock.Add(time.Second); return clock })
	t.Cleanup(func() { s.Close() })
	return s
}
