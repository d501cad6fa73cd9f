package store

import (
	"context"
	"testing"

	"github.com/attache/attache/domain"
)

// spanBundle is a US briefing of a SECRET//NOFORN source quoting one span
// twice: once lowered to U with a reason and a note, once as its source.
func spanBundle() *domain.Bundle {
	ex := func(e domain.Excerpt) *domain.Block {
		e.SourceID, e.Start, e.End = 1, 0, 10
		return &domain.Block{Type: domain.BlockExcerpt, Excerpt: &e}
	}
	return &domain.Bundle{
		Sources: []*domain.Source{{ID: 1, Title: "5G", Text: fiveGText, Marking: "S//NOFORN"}},
		Briefing: &domain.Briefing{Title: "Dup span", Scheme: domain.SchemeUS, Blocks: []*domain.Block{
			ex(domain.Excerpt{Marking: "U", MarkingReason: "Reported in press", Note: "NOTE-ONE"}),
			ex(domain.Excerpt{Note: "NOTE-TWO keep", Tags: []string{"5g"}}),
			ex(domain.Excerpt{Note: "NOTE-TWO keep", Tags: []string{"5G"}}), // the second again
		}},
	}
}

// Two excerpts of one span, marked and noted differently, come back from a
// file as two excerpts with their own marks and notes; one that is the
// same in everything the analyst set is reused.
func TestImportBundleKeepsExcerptsOfOneSpanApart(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, err := s.ImportBundle(ctx, spanBundle())
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Briefing(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	one, two, again := got.Blocks[0].Excerpt, got.Blocks[1].Excerpt, got.Blocks[2].Excerpt
	if one.Marking != "U" || one.MarkingReason != "Reported in press" || one.Note != "NOTE-ONE" {
		t.Fatalf("first excerpt %+v", one)
	}
	if two.ID == one.ID || two.Marking != "S//NOFORN" || two.Note != "NOTE-TWO keep" {
		t.Fatalf("second excerpt %+v merged into or marked as the first %+v", two, one)
	}
	if again.ID != two.ID {
		t.Fatalf("the same excerpt twice in the file became %d and %d", two.ID, again.ID)
	}
	// The file again: everything reused, nothing duplicated.
	if _, err := s.ImportBundle(ctx, spanBundle()); err != nil {
		t.Fatal(err)
	}
	if exs, _ := s.Excerpts(ctx, domain.ExcerptFilter{}); len(exs) != 2 {
		t.Fatalf("second import: %d excerpts, want 2", len(exs))
	}
}

// An excerpt the library has of the span is not reused for one in the
// file that differs in any mark the analyst set: each field alone.
func TestImportBundleReusesOnlyTheSameExcerpt(t *testing.T) {
	changes := map[string]func(*domain.Excerpt){
		"marking":     func(e *domain.Excerpt) { e.Marking = "C" },
		"reason":      func(e *domain.Excerpt) { e.MarkingReason = "Declassified in 2025" },
		"note":        func(e *domain.Excerpt) { e.Note = "another note" },
		"tags":        func(e *domain.Excerpt) { e.Tags = []string{"other"} },
		"credibility": func(e *domain.Excerpt) { e.Credibility = 2 },
	}
	for name, change := range changes {
		t.Run(name, func(t *testing.T) {
			s := openTest(t)
			ctx := context.Background()
			file := spanBundle()
			file.Briefing.Blocks = file.Briefing.Blocks[:1]
			if _, err := s.ImportBundle(ctx, file); err != nil {
				t.Fatal(err)
			}
			file = spanBundle()
			file.Briefing.Blocks = file.Briefing.Blocks[:1]
			change(file.Briefing.Blocks[0].Excerpt)
			want := *file.Briefing.Blocks[0].Excerpt
			b, err := s.ImportBundle(ctx, file)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := s.Briefing(ctx, b.ID)
			e := got.Blocks[0].Excerpt
			if e.ID == 1 || e.Marking != domain.Marking(want.Marking) || e.MarkingReason != want.MarkingReason ||
				e.Note != want.Note || e.Credibility != want.Credibility || !sameList(e.Tags, domain.NormalizeTags(want.Tags)) {
				t.Fatalf("got excerpt %+v, want a new one as in the file %+v", e, want)
			}
		})
	}
}
