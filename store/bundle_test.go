package store

import (
	"context"
	"reflect"
	"strings"
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

// TestBundleReadsBlocksAsEachAlone checks the bundle, read in a few queries
// for the whole briefing, gives each block the excerpt and each source the
// text and pages that reading them one by one gives.
func TestBundleReadsBlocksAsEachAlone(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	chips := &domain.Source{Kind: domain.KindReport, Title: "Chips", Text: chipsText, Pages: []int{0, 70}}
	if _, err := s.CreateSource(ctx, chips); err != nil {
		t.Fatal(err)
	}
	fiveG := addSource(t, s, "5G", fiveGText)
	tagged := addExcerpt(t, s, chips.ID, "small yard, high fence", "zeta", "alpha", "mid")
	plain := addExcerpt(t, s, fiveG.ID, "high-risk vendors")
	other := addExcerpt(t, s, chips.ID, "Allies’ firms worried", "beta")
	b := &domain.Briefing{Title: "Order", Blocks: []*domain.Block{
		{Type: domain.BlockExcerpt, ExcerptID: plain.ID},
		{Type: domain.BlockCommentary, Text: "Between."},
		{Type: domain.BlockExcerpt, ExcerptID: tagged.ID},
		{Type: domain.BlockExcerpt, ExcerptID: other.ID},
		{Type: domain.BlockExcerpt, ExcerptID: tagged.ID},
	}}
	if err := s.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	got, err := s.Bundle(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, blk := range got.Briefing.Blocks {
		if blk.Type != domain.BlockExcerpt {
			if blk.Excerpt != nil {
				t.Fatalf("block %d (%s) has an excerpt", i, blk.Type)
			}
			continue
		}
		alone, err := s.Excerpt(ctx, blk.ExcerptID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(blk.Excerpt, alone) {
			t.Fatalf("block %d: excerpt\n%+v\nread alone\n%+v", i, blk.Excerpt, alone)
		}
	}
	if tags := got.Briefing.Blocks[2].Excerpt.Tags; !sameList(tags, []string{"alpha", "mid", "zeta"}) {
		t.Fatalf("tags %v", tags)
	}
	if got.Briefing.Blocks[2].Excerpt == got.Briefing.Blocks[4].Excerpt {
		t.Fatal("two blocks share one excerpt value: editing one would change the other")
	}
	if len(got.Sources) != 2 || got.Sources[0].ID != fiveG.ID || got.Sources[1].ID != chips.ID {
		t.Fatalf("sources not in order of first citation: %+v", got.Sources)
	}
	for _, src := range got.Sources {
		alone, err := s.Source(ctx, src.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(src, alone) {
			t.Fatalf("source\n%+v\nread alone\n%+v", src, alone)
		}
	}
	if !reflect.DeepEqual(got.Sources[1].Pages, []int{0, 70}) {
		t.Fatalf("pages %v", got.Sources[1].Pages)
	}
}

// TestBundleWithoutTextsIsBundleLessTheTexts checks the lighter bundle the
// PDF and Markdown exports read differs from Bundle only in the texts.
func TestBundleWithoutTextsIsBundleLessTheTexts(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, err := s.ImportBundle(ctx, fileBundle())
	if err != nil {
		t.Fatal(err)
	}
	full, err := s.Bundle(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	light, err := s.BundleWithoutTexts(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, src := range light.Sources {
		if src.Text != "" || src.SHA256 == "" || src.SHA256 != full.Sources[i].SHA256 {
			t.Fatalf("source %d: text %q, hash %q (full bundle: %q)", src.ID, src.Text, src.SHA256, full.Sources[i].SHA256)
		}
		src.Text = full.Sources[i].Text
	}
	if !reflect.DeepEqual(light, full) {
		t.Fatalf("without texts\n%+v\nfull\n%+v", light, full)
	}
}

// A file's judgment brings its evidence: an excerpt the body quotes too is
// the same excerpt, one it does not is added; the scale comes along.
func TestImportBundleBringsEvidenceAndScale(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	fb := fileBundle()
	fb.Briefing.Scale = domain.ScaleICD203
	fb.Briefing.Blocks[3].Evidence = []domain.Evidence{
		{ExcerptID: 1, Stance: domain.StanceSupports, Excerpt: &domain.Excerpt{SourceID: 2, Quote: "high-risk vendors", Note: "n", Tags: []string{"5g"}}},
		{ExcerptID: 2, Stance: domain.StanceContradicts, Note: "Cost only", Excerpt: &domain.Excerpt{SourceID: 2, Quote: "cost billions", Credibility: 2}},
	}
	b, err := s.ImportBundle(ctx, fb)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Briefing(ctx, b.ID)
	evs := got.Blocks[3].Evidence
	if got.Scale != domain.ScaleICD203 || len(evs) != 2 {
		t.Fatalf("scale %q, evidence %+v", got.Scale, evs)
	}
	if evs[0].ExcerptID != got.Blocks[1].ExcerptID || evs[1].Excerpt.Quote != "cost billions" || evs[1].Excerpt.Credibility != 2 ||
		evs[1].Stance != domain.StanceContradicts || evs[1].Note != "Cost only" {
		t.Fatalf("evidence %+v / %+v", evs[0], evs[1].Excerpt)
	}
	if exs, _ := s.Excerpts(ctx, domain.ExcerptFilter{}); len(exs) != 3 {
		t.Fatalf("%d excerpts, want 3 (the quoted one shared)", len(exs))
	}

	// Two links of one judgment that are one excerpt are refused, whole.
	dup := fileBundle()
	same := func() *domain.Excerpt { return &domain.Excerpt{SourceID: 1, Quote: "Washington"} }
	dup.Briefing.Blocks[3].Evidence = []domain.Evidence{{ExcerptID: 1, Excerpt: same()}, {ExcerptID: 2, Excerpt: same()}}
	_, err = s.ImportBundle(ctx, dup)
	wantCode(t, err, domain.EINVALID)
	if msg := domain.ErrorMessage(err); !strings.Contains(msg, "block 4 (judgment): evidence 2 is the same excerpt as evidence 1") {
		t.Fatalf("message %q", msg)
	}
	if list, _ := s.Briefings(ctx, domain.BriefingFilter{}); len(list) != 1 {
		t.Fatalf("%d briefings after a refused import", len(list))
	}
}
