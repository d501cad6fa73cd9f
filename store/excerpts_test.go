package store

import (
	"context"
	"testing"

	"github.com/attache/attache/domain"
)

func TestExcerptStoresSourceCharacters(t *testing.T) {
	s := openTest(t)
	src := addSource(t, s, "Chips", chipsText)
	e := addExcerpt(t, s, src.ID, `a "small yard, high fence" - narrow`, "Export Controls", "chips", "chips")
	want := "a “small yard, high fence”—narrow"
	if e.Quote != want {
		t.Fatalf("quote = %q, want %q", e.Quote, want)
	}
	if got, _ := domain.RuneSpan(chipsText, e.Start, e.End); got != e.Quote {
		t.Fatalf("span %d-%d is %q", e.Start, e.End, got)
	}
	if len(e.Tags) != 2 || e.Tags[0] != "chips" || e.Tags[1] != "export controls" {
		t.Fatalf("tags = %v", e.Tags)
	}
	got, err := s.Excerpt(context.Background(), e.ID)
	if err != nil || got.Quote != want || got.SourceTitle != "Chips" || len(got.Tags) != 2 {
		t.Fatalf("read back %+v, %v", got, err)
	}
}

func TestExcerptByOffsetsTellsRepeatedWordsApart(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	spans, _ := domain.FindQuote(chipsText, "Allies’ firms")
	if len(spans) != 2 {
		t.Fatalf("fixture should repeat the phrase: %v", spans)
	}
	e := &domain.Excerpt{SourceID: src.ID, Start: spans[1].Start, End: spans[1].End}
	if err := s.CreateExcerpt(ctx, e); err != nil {
		t.Fatal(err)
	}
	if e.Start != spans[1].Start || e.Quote != "Allies’ firms" {
		t.Fatalf("excerpt %+v", e)
	}
	bad := &domain.Excerpt{SourceID: src.ID, Start: spans[1].Start, End: spans[1].End, Quote: "something else"}
	wantCode(t, s.CreateExcerpt(ctx, bad), domain.EINVALID)
	tolerant := &domain.Excerpt{SourceID: src.ID, Start: spans[1].Start, End: spans[1].End, Quote: "allies' firms"}
	if err := s.CreateExcerpt(ctx, tolerant); err != nil {
		t.Fatalf("typed variant of the span refused: %v", err)
	}
}

func TestExcerptErrorsLeaveNothingBehind(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	cases := []*domain.Excerpt{
		{SourceID: src.ID, Quote: "words the source never says"},
		{SourceID: src.ID, Start: 5, End: 5000},
		{SourceID: src.ID, Start: 10, End: 4},
		{SourceID: 42, Quote: "chips"},
		{SourceID: src.ID, Quote: "chips", Credibility: 9},
		{SourceID: src.ID, Quote: "chips", Marking: "SECRETISH"},
	}
	for i, e := range cases {
		if err := s.CreateExcerpt(ctx, e); err == nil {
			t.Errorf("case %d accepted: %+v", i, e)
		}
	}
	if list, _ := s.Excerpts(ctx, domain.ExcerptFilter{}); len(list) != 0 {
		t.Fatalf("%d excerpts stored by failed calls", len(list))
	}
}

func TestExcerptUpdateFilterAndTags(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addSource(t, s, "Chips", chipsText)
	b := addSource(t, s, "5G", fiveGText)
	e1 := addExcerpt(t, s, a.ID, "Export controls alone", "chips")
	addExcerpt(t, s, a.ID, "small yard", "chips", "doctrine")
	addExcerpt(t, s, b.ID, "high-risk vendors", "5g")

	e1.Note, e1.Credibility, e1.Marking, e1.Tags = "key line", 2, "u", []string{"lead"}
	if _, err := s.UpdateExcerpt(ctx, nil, e1); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Excerpt(ctx, e1.ID)
	if got.Note != "key line" || got.Credibility != 2 || got.Marking != domain.MarkingUnclassified || len(got.Tags) != 1 || got.Tags[0] != "lead" {
		t.Fatalf("update: %+v", got)
	}
	check := func(f domain.ExcerptFilter, want int) {
		t.Helper()
		list, err := s.Excerpts(ctx, f)
		if err != nil || len(list) != want {
			t.Fatalf("filter %+v: %d excerpts, %v", f, len(list), err)
		}
	}
	check(domain.ExcerptFilter{SourceID: a.ID}, 2)
	check(domain.ExcerptFilter{Tag: "CHIPS"}, 1)
	check(domain.ExcerptFilter{Query: "vendors"}, 1)
	check(domain.ExcerptFilter{Query: "lead"}, 1) // tags are searchable
	check(domain.ExcerptFilter{IDs: []int64{e1.ID}}, 1)
	tags, _ := s.Tags(ctx)
	if len(tags) != 4 {
		t.Fatalf("tags: %+v", tags)
	}
}

func TestDeleteExcerptInUse(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	e := addExcerpt(t, s, src.ID, "small yard", "doctrine")
	b := &domain.Briefing{Title: "Brief", Blocks: []*domain.Block{{Type: domain.BlockExcerpt, ExcerptID: e.ID}}}
	if err := s.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.DeleteExcerpt(ctx, e.ID, false), domain.ECONFLICT)
	if err := s.DeleteExcerpt(ctx, e.ID, true); err != nil {
		t.Fatal(err)
	}
	_, err := s.Excerpt(ctx, e.ID)
	wantCode(t, err, domain.ENOTFOUND)
	if tags, _ := s.Tags(ctx); len(tags) != 0 {
		t.Fatalf("orphan tags: %+v", tags)
	}
	got, _ := s.Briefing(ctx, b.ID)
	if len(got.Blocks) != 0 {
		t.Fatal("block of deleted excerpt remains")
	}
}
