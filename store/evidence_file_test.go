package store

import (
	"bytes"
	"context"
	"testing"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/interchange"
)

// A briefing's evidence and scale go through a briefing file into another
// library whole: the sources of evidence the body does not quote too.
func TestEvidenceTravelsThroughABriefingFile(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	f := newEvidenceFixture(t, s)
	bu, err := s.Bundle(ctx, f.b.ID)
	if err != nil {
		t.Fatal(err)
	}
	var file bytes.Buffer
	if err := interchange.WriteJSON(&file, bu); err != nil {
		t.Fatal(err)
	}
	read, err := interchange.ReadJSON(&file)
	if err != nil {
		t.Fatal(err)
	}
	other := openTest(t)
	b, err := other.ImportBundle(ctx, read)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := other.Briefing(ctx, b.ID)
	orig, _ := s.Briefing(ctx, f.b.ID)
	// The ids are the other library's: compare what they name.
	if got.Scale != domain.ScalePHIA || describeLinks(got) != describeLinks(orig) {
		t.Fatalf("imported %q scale %q\nwant     %q", describeLinks(got), got.Scale, describeLinks(orig))
	}
}

// describeLinks is describeEvidence without the excerpts' numbers.
func describeLinks(b *domain.Briefing) string {
	var out string
	for _, blk := range b.Blocks {
		for _, ev := range blk.Evidence {
			out += string(ev.Stance) + "/" + ev.Note + "/" + ev.Excerpt.SourceTitle + "/" + ev.Excerpt.Quote + "; "
		}
	}
	return out
}
