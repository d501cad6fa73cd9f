package assets_test

import (
	"bytes"
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/attache/attache/assets"
	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/integrity"
	"github.com/attache/attache/interchange"
	"github.com/attache/attache/store"
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
	if len(b.Sources) != 4 {
		t.Errorf("want 4 sources, got %d", len(b.Sources))
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

// TestSampleBriefingShowsItsBasis imports the sample into a new library,
// as File → Load sample library does, and checks the briefing shows off
// the analytic features: every key judgment has a confidence level and
// supporting evidence from more than one publisher, one contradicting
// excerpt is quoted in the body and answered by the commentary after it,
// the briefing holds its words to an estimative scale, and the export
// prints each judgment's basis with no warning at all (in particular not
// the notice that no evidence is linked) and the checker finds nothing
// wrong with its language.
func TestSampleBriefingShowsItsBasis(t *testing.T) {
	ctx := context.Background()
	lib, err := store.Open(ctx, filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	br, err := lib.ImportBundle(ctx, readSample(t))
	if err != nil {
		t.Fatalf("importing the sample: %v", err)
	}
	b, err := lib.Bundle(ctx, br.ID)
	if err != nil {
		t.Fatal(err)
	}
	if domain.ScaleOf(b.Briefing.Scale) == nil {
		t.Errorf("the sample chooses no estimative scale (%q)", b.Briefing.Scale)
	}

	doc := export.NewDocument(b)
	for _, w := range doc.Warnings() {
		t.Errorf("export warns: %s: %s (%s)", w.Where, w.Message, w.Code)
	}
	if !doc.ShowBasis {
		t.Errorf("the export does not print the judgments' basis")
	}
	if len(doc.Judgments) < 2 {
		t.Fatalf("want at least 2 key judgments, got %d", len(doc.Judgments))
	}
	contradicting := 0
	for _, j := range doc.Judgments {
		if j.Confidence == "" {
			t.Errorf("%s has no confidence level", j.Where)
		}
		publishers := map[string]bool{}
		for _, r := range j.Evidence {
			if r.Source != nil {
				publishers[r.Source.Publisher] = true
			}
			if r.Note == 0 {
				t.Errorf("%s: excerpt %d has no note in the printed basis", j.Where, r.ExcerptID)
			}
		}
		if j.Basis.Supporting == 0 || len(publishers) < 2 {
			t.Errorf("%s: %d supporting excerpts from %d publishers", j.Where, j.Basis.Supporting, len(publishers))
		}
		contradicting += j.Basis.Contradicting
	}
	if contradicting == 0 {
		t.Errorf("no key judgment has contradicting evidence")
	}
	if !contradictionAnswered(b.Briefing) {
		t.Errorf("no contradicting excerpt is quoted in the body with commentary right after it")
	}
	for _, f := range integrity.CheckLanguage(b.Briefing, nil) {
		t.Errorf("the estimative-language checker flags %q in block %d: %s", f.Words, f.Index, f.Message)
	}
}

// contradictionAnswered tells whether an excerpt linked to a key judgment
// as contradicting it is quoted in the body and followed by commentary.
func contradictionAnswered(br *domain.Briefing) bool {
	against := map[int64]bool{}
	for _, blk := range br.Blocks {
		for _, ev := range blk.Evidence {
			if ev.Stance == domain.StanceContradicts {
				against[ev.ExcerptID] = true
			}
		}
	}
	for i, blk := range br.Blocks {
		if blk.Type == domain.BlockExcerpt && against[blk.ExcerptID] && i+1 < len(br.Blocks) &&
			br.Blocks[i+1].Type == domain.BlockCommentary && strings.TrimSpace(br.Blocks[i+1].Text) != "" {
			return true
		}
	}
	return false
}
