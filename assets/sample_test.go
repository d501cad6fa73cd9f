package assets_test

import (
	"bytes"
	"reflect"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/attache/attache/assets"
	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/interchange"
)

func readSample(t *testing.T) *domain.Bundle {
	t.Helper()
	if len(assets.SampleBriefing) == 0 {
		t.Fatal("the sample briefing is not embedded")
	}
	b, err := interchange.ReadJSON(bytes.NewReader(assets.SampleBriefing))
	if err != nil {
		t.Fatalf("ReadJSON of the sample briefing: %v", err)
	}
	return b
}

func TestSampleBriefingReads(t *testing.T) {
	b := readSample(t)
	if len(b.Sources) != 3 {
		t.Errorf("want 3 sources, got %d", len(b.Sources))
	}
	for i, s := range b.Sources {
		if !norm.NFC.IsNormalString(s.Text) {
			t.Errorf("source %d %q: text is not NFC", i+1, s.Title)
		}
		if s.Reliability == domain.ReliabilityUngraded {
			t.Errorf("source %d %q: not graded", i+1, s.Title)
		}
	}
	if b.Briefing.Title == "" || b.Briefing.Summary == "" {
		t.Errorf("the sample briefing needs a title and a bottom line")
	}
	count := map[domain.BlockType]int{}
	for i, blk := range b.Briefing.Blocks {
		count[blk.Type]++
		if blk.Type != domain.BlockExcerpt {
			continue
		}
		ex := blk.Excerpt
		if ex == nil {
			t.Errorf("block %d: excerpt block without an excerpt", i+1)
			continue
		}
		src := b.Source(ex.SourceID)
		if src == nil {
			t.Errorf("block %d: excerpt cites source %d, which is not in the bundle", i+1, ex.SourceID)
			continue
		}
		span, err := domain.RuneSpan(src.Text, ex.Start, ex.End)
		if err != nil {
			t.Errorf("block %d: %v", i+1, err)
			continue
		}
		if span != ex.Quote {
			t.Errorf("block %d: offsets %d–%d give %q, not the quote %q", i+1, ex.Start, ex.End, span, ex.Quote)
		}
	}
	if count[domain.BlockExcerpt] < 8 {
		t.Errorf("want at least 8 excerpts, got %d", count[domain.BlockExcerpt])
	}
	if count[domain.BlockHeading] != 3 {
		t.Errorf("want 3 headings, got %d", count[domain.BlockHeading])
	}
	if count[domain.BlockJudgment] < 2 {
		t.Errorf("want at least 2 key judgments, got %d", count[domain.BlockJudgment])
	}
}

func TestSampleBriefingRoundTrips(t *testing.T) {
	b := readSample(t)
	var out bytes.Buffer
	if err := interchange.WriteJSON(&out, b); err != nil {
		t.Fatalf("WriteJSON: %v", err)
	}
	again, err := interchange.ReadJSON(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatalf("ReadJSON of WriteJSON output: %v", err)
	}
	if !reflect.DeepEqual(again.Briefing, b.Briefing) { // blocks and their excerpts too
		t.Errorf("the briefing changed on a round trip:\n got %+v\nwant %+v", again.Briefing, b.Briefing)
	}
	if !reflect.DeepEqual(again.Sources, b.Sources) {
		t.Errorf("the sources changed on a round trip")
	}
}

// TestSampleBriefingFitsPDFFonts checks the briefing as it prints, and also
// the whole text of every source, since a new user may quote any of it.
func TestSampleBriefingFitsPDFFonts(t *testing.T) {
	b := readSample(t)
	whole := *b.Briefing
	whole.Blocks = append([]*domain.Block(nil), b.Briefing.Blocks...)
	for _, s := range b.Sources {
		whole.Blocks = append(whole.Blocks, &domain.Block{Type: domain.BlockCommentary, Text: s.Text})
	}
	for _, bundle := range []*domain.Bundle{b, {Briefing: &whole, Sources: b.Sources}} {
		missing, err := export.CheckPDF(bundle)
		if err != nil {
			t.Fatalf("CheckPDF: %v", err)
		}
		for _, m := range missing {
			t.Errorf("no PDF font has %+v", m)
		}
	}
}
