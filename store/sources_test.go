package store

import (
	"context"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

func TestCreateSourceFindsExistingText(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	first := addSource(t, s, "Chip controls", chipsText)
	if first.ID == 0 || first.SHA256 != domain.TextSHA256(chipsText) || first.ImportedAt.IsZero() {
		t.Fatalf("source not filled in: %+v", first)
	}
	again := &domain.Source{Title: "Another title", Text: chipsText}
	existing, err := s.CreateSource(ctx, again)
	if err != nil || !existing || again.ID != first.ID || again.Title != "Chip controls" {
		t.Fatalf("existing=%v err=%v again=%+v", existing, err, again)
	}
	list, _ := s.Sources(ctx, domain.SourceFilter{})
	if len(list) != 1 {
		t.Fatalf("%d sources after duplicate import", len(list))
	}
}

func TestSourceRoundTripsEveryField(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	pub, _ := domain.ParseDate("2024-05-11")
	src := &domain.Source{Kind: domain.KindWebPage, Title: "Τεχνολογία", Subtitle: "Sub", Section: "TECH",
		Authors: []string{"A. One", " ", "B. Two"}, Publisher: "Institute", Published: pub,
		URL: "https://example.org/a", Accessed: pub, Language: "el", Text: "Κείμενο — “text”.",
		FileName: "a.html", Reliability: domain.ReliabilityB, Notes: "checked"}
	if _, err := s.CreateSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	got, err := s.Source(ctx, src.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != src.Text || got.Title != src.Title || got.Published != pub || got.Accessed != pub ||
		len(got.Authors) != 2 || got.Authors[1] != "B. Two" || got.Reliability != "B" ||
		got.Section != "TECH" || got.Kind != domain.KindWebPage || got.Language != "el" {
		t.Fatalf("round trip lost data: %+v", got)
	}
	got.Title, got.Reliability, got.Notes = "New", "E", "downgraded"
	if _, err := s.UpdateSource(ctx, nil, got); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Source(ctx, src.ID)
	if again.Title != "New" || again.Reliability != "E" || again.Text != src.Text {
		t.Fatalf("update: %+v", again)
	}
	got.Reliability = "Z"
	_, err = s.UpdateSource(ctx, nil, got)
	wantCode(t, err, domain.EINVALID)
	_, err = s.Source(ctx, 999)
	wantCode(t, err, domain.ENOTFOUND)
}

func TestCreateSourceRejectsEmptyTextAndTitle(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	_, err := s.CreateSource(ctx, &domain.Source{Title: "x", Text: " \n "})
	wantCode(t, err, domain.EINVALID)
	_, err = s.CreateSource(ctx, &domain.Source{Title: "", Text: "text"})
	wantCode(t, err, domain.EINVALID)
}

func TestSourcesSortFilterAndCount(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addSource(t, s, "b chips", chipsText)
	b := addSource(t, s, "A 5G", fiveGText)
	addExcerpt(t, s, a.ID, "small yard, high fence")
	addExcerpt(t, s, a.ID, "Export controls alone")
	list, err := s.Sources(ctx, domain.SourceFilter{Sort: "title"})
	if err != nil || len(list) != 2 || list[0].ID != b.ID || list[1].ExcerptCount != 2 || list[1].Text != "" {
		t.Fatalf("sorted list: %v %+v", err, list)
	}
	list, _ = s.Sources(ctx, domain.SourceFilter{Query: "vendors"})
	if len(list) != 1 || list[0].ID != b.ID {
		t.Fatalf("query filter: %+v", list)
	}
	list, _ = s.Sources(ctx, domain.SourceFilter{Limit: 1, Offset: 1})
	if len(list) != 1 || list[0].ID != b.ID {
		t.Fatalf("paging: %+v", list)
	}
	_, err = s.Sources(ctx, domain.SourceFilter{Sort: "colour"})
	wantCode(t, err, domain.EINVALID)
}

func TestDeleteSourceWarnsWhenUsedInBriefing(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	e := addExcerpt(t, s, src.ID, "Export controls alone")
	b := &domain.Briefing{Title: "Chip brief", Blocks: []*domain.Block{{Type: domain.BlockExcerpt, ExcerptID: e.ID}}}
	if err := s.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	err := s.DeleteSource(ctx, src.ID, false)
	wantCode(t, err, domain.ECONFLICT)
	if !strings.Contains(err.Error(), "Chip brief") {
		t.Fatalf("message does not name the briefing: %v", err)
	}
	if refs, _ := s.SourceUsage(ctx, src.ID); len(refs) != 1 || refs[0].ID != b.ID {
		t.Fatalf("usage: %+v", refs)
	}
	if err := s.DeleteSource(ctx, src.ID, true); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Briefing(ctx, b.ID)
	if len(got.Blocks) != 0 {
		t.Fatalf("blocks left: %+v", got.Blocks)
	}
	if hits, _ := s.Search(ctx, "semiconductors", domain.SearchOptions{}); len(hits) != 0 {
		t.Fatalf("deleted source still found: %+v", hits)
	}
}

func TestPagesRoundTrip(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := &domain.Source{Title: "Report", Kind: domain.KindReport, Text: chipsText, Pages: []int{40, 120}}
	if _, err := s.CreateSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	got, err := s.Source(ctx, src.ID)
	if err != nil || len(got.Pages) != 2 || got.Pages[1] != 120 || got.PageAt(130) != 3 {
		t.Fatalf("pages %v, %v", got.Pages, err)
	}
	b := &domain.Briefing{Title: "B"}
	if err := s.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	e := addExcerpt(t, s, src.ID, "Export controls alone")
	if err := s.AddBlock(ctx, b.ID, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: e.ID}, -1); err != nil {
		t.Fatal(err)
	}
	bundle, _ := s.Bundle(ctx, b.ID)
	if len(bundle.Sources[0].Pages) != 2 {
		t.Fatalf("bundle lost the pages: %+v", bundle.Sources[0])
	}
}
