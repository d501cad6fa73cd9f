package store

import (
	"context"
	"testing"

	"github.com/attache/attache/domain"
)

func fileBundle() *domain.Bundle {
	return &domain.Bundle{
		Sources: []*domain.Source{{ID: 1, Title: "Chip controls", Text: chipsText}, {ID: 2, Title: "5G", Text: fiveGText}},
		Briefing: &domain.Briefing{Title: "Imported", Summary: "Bottom line.", Blocks: []*domain.Block{
			{Type: domain.BlockHeading, Text: "Background"},
			{Type: domain.BlockExcerpt, Excerpt: &domain.Excerpt{SourceID: 2, Quote: "high-risk vendors", Note: "n", Tags: []string{"5g"}}},
			{Type: domain.BlockExcerpt, Excerpt: &domain.Excerpt{SourceID: 1, Start: 0, End: 10}},
			{Type: domain.BlockJudgment, Text: "Costs will rise", Confidence: domain.ConfidenceHigh},
		}},
	}
}

func TestImportBundleThenBundleRoundTrips(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	existing := addSource(t, s, "Already here", fiveGText)
	b, err := s.ImportBundle(ctx, fileBundle())
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Bundle(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Sources) != 2 || got.Sources[0].ID != existing.ID || got.Sources[0].Text != fiveGText || got.Sources[1].Title != "Chip controls" {
		t.Fatalf("sources in citation order, reusing the existing one: %+v", got.Sources)
	}
	want := []string{"Background", "«high-risk vendors»", "«Washington»", "Costs will rise"}
	if !sameList(blockTexts(got.Briefing), want) {
		t.Fatalf("blocks %v", blockTexts(got.Briefing))
	}
	// The same file again reuses sources and excerpts.
	if _, err := s.ImportBundle(ctx, fileBundle()); err != nil {
		t.Fatal(err)
	}
	srcs, _ := s.Sources(ctx, domain.SourceFilter{})
	exs, _ := s.Excerpts(ctx, domain.ExcerptFilter{})
	if len(srcs) != 2 || len(exs) != 2 {
		t.Fatalf("second import duplicated: %d sources, %d excerpts", len(srcs), len(exs))
	}
}

func TestImportBundleIsAllOrNothing(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	bad := fileBundle()
	bad.Briefing.Blocks[2].Excerpt.Quote = "not in the text"
	bad.Briefing.Blocks[2].Excerpt.Start, bad.Briefing.Blocks[2].Excerpt.End = 0, 0
	_, err := s.ImportBundle(ctx, bad)
	wantCode(t, err, domain.EINVALID)
	st, _ := s.Stats(ctx)
	if st.Sources+st.Excerpts+st.Briefings != 0 {
		t.Fatalf("failed import left %+v", st)
	}
	_, err = s.ImportBundle(ctx, &domain.Bundle{})
	wantCode(t, err, domain.EINVALID)
}
