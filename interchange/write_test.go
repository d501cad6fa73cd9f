package interchange

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/testbundle"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/golden.json")

// The texts are invented for these tests. Source 1 says "lithium exports
// rose" twice, so only offsets can tell which one an excerpt means.
func testBundle(t testing.TB) *domain.Bundle { return testbundle.Bundle(t) }

const textEN = testbundle.TextEN

// canonical is what ReadJSON should return for b: IDs by position, no
// store-only fields, digests of the text.
func canonical(b *domain.Bundle) *domain.Bundle {
	pos := map[int64]int64{}
	out := &domain.Bundle{}
	for i, s := range b.Sources {
		c := *s
		pos[s.ID] = int64(i + 1)
		c.ID, c.SHA256, c.FileName, c.ImportedAt, c.ExcerptCount = int64(i+1), domain.TextSHA256(s.Text), "", time.Time{}, 0
		if len(c.Authors) == 0 {
			c.Authors = nil
		}
		out.Sources = append(out.Sources, &c)
	}
	br := *b.Briefing
	br.ID, br.CreatedAt, br.UpdatedAt, br.TrashedAt, br.Blocks = 0, time.Time{}, time.Time{}, nil, nil
	for _, blk := range b.Briefing.Blocks {
		c := domain.Block{Type: blk.Type, Text: blk.Text, Marking: blk.Marking, Confidence: blk.Confidence}
		if blk.Excerpt != nil {
			e := *blk.Excerpt
			e.ID, e.SourceID, e.Tags, e.SourceTitle = 0, pos[e.SourceID], domain.NormalizeTags(e.Tags), ""
			e.Marking = domain.HighestMarking(e.Marking, blk.Marking)
			c.Text, c.Marking, c.Excerpt = "", "", &e
		}
		br.Blocks = append(br.Blocks, &c)
	}
	out.Briefing = &br
	return out
}

func writeJSON(t testing.TB, b *domain.Bundle) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteJSON(&buf, b); err != nil {
		t.Fatalf("WriteJSON: %v", err)
	}
	return buf.Bytes()
}

func TestJSONRoundTrip(t *testing.T) {
	b := testBundle(t)
	out := writeJSON(t, b)
	got, err := ReadJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("ReadJSON of WriteJSON output: %v\n%s", err, out)
	}
	assertBundle(t, got, canonical(b))
	if ex := got.Briefing.Blocks[1].Excerpt; ex.Start == strings.Index(textEN, "lithium exports rose") {
		t.Errorf("excerpt moved to the first occurrence of its quote")
	}
	if again := writeJSON(t, got); !bytes.Equal(again, out) {
		t.Errorf("writing the read bundle gave different bytes:\n%s\nwant\n%s", again, out)
	}
	if !bytes.Equal(writeJSON(t, b), out) {
		t.Errorf("WriteJSON is not deterministic")
	}
	if !bytes.HasSuffix(out, []byte("}\n")) || bytes.Contains(out, []byte(`\u003c`)) {
		t.Errorf("want a trailing newline and unescaped <, >, &")
	}
	golden := filepath.Join("testdata", "golden.json")
	if *updateGolden {
		if err := os.WriteFile(golden, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestJSONRoundTrip -update to create it)", err)
	}
	if !bytes.Equal(out, want) {
		t.Errorf("output differs from %s; if the change is meant, run with -update and review the diff", golden)
	}
}

func assertBundle(t *testing.T, got, want *domain.Bundle) {
	t.Helper()
	if !reflect.DeepEqual(got.Briefing.Blocks, want.Briefing.Blocks) {
		for i := range max(len(got.Briefing.Blocks), len(want.Briefing.Blocks)) {
			var g, w any
			if i < len(got.Briefing.Blocks) {
				g = got.Briefing.Blocks[i]
			}
			if i < len(want.Briefing.Blocks) {
				w = want.Briefing.Blocks[i]
			}
			if !reflect.DeepEqual(g, w) {
				t.Errorf("block %d:\n got %+v %+v\nwant %+v %+v", i+1, g, excerptOf(g), w, excerptOf(w))
			}
		}
	}
	gb, wb := *got.Briefing, *want.Briefing
	gb.Blocks, wb.Blocks = nil, nil
	if !reflect.DeepEqual(gb, wb) {
		t.Errorf("briefing:\n got %+v\nwant %+v", gb, wb)
	}
	if !reflect.DeepEqual(got.Sources, want.Sources) {
		for i := range min(len(got.Sources), len(want.Sources)) {
			t.Errorf("source %d:\n got %+v\nwant %+v", i+1, *got.Sources[i], *want.Sources[i])
		}
	}
}

func excerptOf(v any) any {
	if b, ok := v.(*domain.Block); ok && b != nil && b.Excerpt != nil {
		return *b.Excerpt
	}
	return nil
}

func TestWriteJSONNonNFCText(t *testing.T) {
	// "Café" spelt with a combining accent: the file carries NFC text, so the
	// offsets after it must shrink by one.
	text := "Cafe\u0301 society met. The café owners agreed."
	s := &domain.Source{ID: 1, Title: "Decomposed", Text: text}
	quote := "society met"
	start := strings.Index(text, quote) - 1 // one two-byte rune before it
	ex := &domain.Excerpt{SourceID: 1, Start: start, End: start + len(quote), Quote: quote}
	b := &domain.Bundle{Sources: []*domain.Source{s}, Briefing: &domain.Briefing{Title: "T",
		Blocks: []*domain.Block{{Type: domain.BlockExcerpt, Excerpt: ex}}}}
	got, err := ReadJSON(bytes.NewReader(writeJSON(t, b)))
	if err != nil {
		t.Fatal(err)
	}
	e := got.Briefing.Blocks[0].Excerpt
	if got.Sources[0].Text != "Café society met. The café owners agreed." || e.Start != start-1 || e.Quote != quote {
		t.Errorf("got text %q, excerpt %d–%d %q", got.Sources[0].Text, e.Start, e.End, e.Quote)
	}
}

func TestWriteJSONErrors(t *testing.T) {
	ok := func() *domain.Bundle { return testBundle(t) }
	tests := []struct {
		name   string
		bundle func() *domain.Bundle
		want   string
	}{
		{"nil", func() *domain.Bundle { return nil }, "no briefing"},
		{"unknown source", func() *domain.Bundle {
			b := ok()
			b.Sources = b.Sources[:1]
			return b
		}, "block 5 quotes source #7, which is not among the briefing's sources"},
		{"no excerpt", func() *domain.Bundle {
			b := ok()
			b.Briefing.Blocks[1].Excerpt = nil
			return b
		}, "block 2 is an excerpt block without its excerpt"},
		{"offsets off", func() *domain.Bundle {
			b := ok()
			b.Briefing.Blocks[1].Excerpt.Start++
			return b
		}, "block 2 (excerpt of \"Quarterly Trade Note\"): its offsets"},
	}
	for _, tt := range tests {
		err := WriteJSON(&bytes.Buffer{}, tt.bundle())
		if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), tt.want) {
			t.Errorf("%s: got %v, want EINVALID containing %q", tt.name, err, tt.want)
		}
	}
}

func TestReadJSONHandWritten(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "handwritten.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := ReadJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	src := b.Sources[0]
	if src.ID != 1 || b.Sources[1].ID != 2 || src.Text != "Le café « Étoile » a fermé.\nThe board said: “We will not reopen — not this year.” Then it said: “We will not reopen.”\n" {
		t.Errorf("source 1: ID %d, text %q (want NFC, untrimmed)", src.ID, src.Text)
	}
	wantQuotes := []struct{ quote, tags string }{
		{"“We will not reopen — not this year.”", "board,closure"},
		{"We will not reopen", ""},
		{"Кафе закрылось", "russia"},
	}
	var got []*domain.Excerpt
	for _, blk := range b.Briefing.Blocks {
		if blk.Excerpt != nil {
			got = append(got, blk.Excerpt)
		}
	}
	if len(got) != len(wantQuotes) {
		t.Fatalf("got %d excerpts, want %d", len(got), len(wantQuotes))
	}
	for i, w := range wantQuotes {
		e := got[i]
		text := b.Source(e.SourceID).Text
		span, err := domain.RuneSpan(text, e.Start, e.End)
		if err != nil || span != e.Quote || e.Quote != w.quote || strings.Join(e.Tags, ",") != w.tags {
			t.Errorf("excerpt %d: %d–%d %q tags %q, want %q tags %q (%v)", i+1, e.Start, e.End, e.Quote, e.Tags, w.quote, w.tags, err)
		}
	}
	if got[1].Start != 45 { // the first of two occurrences, counted in runes after NFC
		t.Errorf("excerpt 2 starts at %d, want 45", got[1].Start)
	}
	blocks := b.Briefing.Blocks
	if blocks[0].Marking != domain.MarkingSecret || got[0].Marking != domain.MarkingUnclassified || blocks[4].Confidence != domain.ConfidenceModerate {
		t.Errorf("markings/confidence not parsed: %+v %+v %+v", blocks[0], got[0], blocks[4])
	}
	if b.Briefing.Status != domain.StatusDraft || b.Sources[1].Kind != "" || got[0].Credibility != 3 {
		t.Errorf("defaults: status %q kind %q credibility %d", b.Briefing.Status, b.Sources[1].Kind, got[0].Credibility)
	}
}
