package app

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/store"
)

// countingBriefing stores, beside the open sample, a briefing with what
// counts differ on: headings, judgments with and without a confidence,
// dashes, and excerpts, one with the analyst's note.
func countingBriefing(t *testing.T, u *UI, lib *store.Store) int64 {
	t.Helper()
	ctx := context.Background()
	exs, err := lib.Excerpts(ctx, domain.ExcerptFilter{})
	if err != nil || len(exs) < 2 {
		t.Fatalf("sample excerpts: %v %d", err, len(exs))
	}
	b := &domain.Briefing{Title: "Counting – the words", Subtitle: "A test", Summary: "Bottom line — here.", Scheme: domain.SchemeUS, Classification: "U"}
	if err := lib.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	for _, blk := range []*domain.Block{
		{Type: domain.BlockHeading, Text: "First section"},
		{Type: domain.BlockJudgment, Text: "No confidence is given here."},
		{Type: domain.BlockJudgment, Text: "Some is.", Confidence: domain.ConfidenceHigh},
		{Type: domain.BlockCommentary, Text: "Words – and dashes – count once."},
		{Type: domain.BlockExcerpt, ExcerptID: exs[0].ID},
		{Type: domain.BlockHeading, Text: "Second"},
		{Type: domain.BlockExcerpt, ExcerptID: exs[1].ID},
	} {
		if err := lib.AddBlock(ctx, b.ID, blk, -1); err != nil {
			t.Fatal(err)
		}
	}
	fyne.DoAndWait(func() { u.libraryChanged(changedBriefings) })
	eventually(t, "the list of two", func() bool { return u.briefings.list.Length() == 2 })
	return b.ID
}

var wordsRe = regexp.MustCompile(`(?:^| · )(\d+) words?(?: · |$)`)

// wordsIn reads the word count out of a line such as the list's details
// or the composer's statistics; -1 when it shows none.
func wordsIn(s string) int {
	m := wordsRe.FindStringSubmatch(s)
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// listedWords is the count the Briefings list shows for briefing id.
func listedWords(u *UI, id int64) int {
	s := u.briefings
	for i, b := range s.briefings {
		if b.ID == id {
			row := flaggedRow(true)()
			s.updateRow(i, row)
			return wordsIn(flaggedMeta(row))
		}
	}
	return -1
}

func modelWords(t *testing.T, lib *store.Store, id int64) int {
	t.Helper()
	b, err := lib.Bundle(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return export.NewDocument(b).Words()
}

// The finding: the list counted the search index's text and the composer
// its own plain text, so one briefing had two lengths, neither the
// exported document's.
func TestWordCountsAreTheModelsInTheListAndTheComposer(t *testing.T) {
	setAutosave(t, 20*time.Millisecond)
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	sample := c.d.b.ID
	id := countingBriefing(t, u, lib)
	want := modelWords(t, lib, id)
	if want < 20 {
		t.Fatalf("the model counts only %d words", want)
	}
	// Not open: counted in the background from the library.
	eventually(t, "the list's count", func() bool { return listedWords(u, id) >= 0 })
	var listed int
	fyne.DoAndWait(func() { listed = listedWords(u, id) })
	if listed != want {
		t.Fatalf("the list shows %d words, the model counts %d", listed, want)
	}
	// Open: the composer's count is the same.
	fyne.DoAndWait(func() {
		for i, b := range u.briefings.briefings {
			if b.ID == id {
				u.briefings.list.Select(i)
			}
		}
	})
	eventually(t, "the briefing in the composer", func() bool { return c.d != nil && c.d.b.ID == id })
	var shown, sampleListed int
	fyne.DoAndWait(func() {
		shown, listed, sampleListed = wordsIn(c.stats.Text), listedWords(u, id), listedWords(u, sample)
	})
	if shown != want || listed != want {
		t.Fatalf("the composer shows %d words (%q), the list %d, the model %d", shown, c.stats.Text, listed, want)
	}
	// The sample, no longer open, is listed with the model's count too.
	if w := modelWords(t, lib, sample); sampleListed != w {
		t.Fatalf("the sample is listed with %d words, the model counts %d", sampleListed, w)
	}
	// Typing changes the composer's count and, once saved, the list's.
	fyne.DoAndWait(func() { c.summary.SetText(c.summary.Text + " Three more words.") })
	eventually(t, "the saved count in the list", func() bool {
		return wordsIn(c.stats.Text) == want+3 && listedWords(u, id) == want+3
	})
	eventually(t, "the save", func() bool { return modelWords(t, lib, id) == want+3 })
}

// An analyst's note on an excerpt is read in the briefings that quote it,
// though editing it moves no briefing's revision: the list counts again.
func TestListCountFollowsAnExcerptsNote(t *testing.T) {
	setAutosave(t, 20*time.Millisecond)
	u, lib := openSampleBriefing(t)
	id := countingBriefing(t, u, lib)
	want := modelWords(t, lib, id)
	eventually(t, "the list's count", func() bool { return listedWords(u, id) == want })
	ctx := context.Background()
	b, _ := lib.Briefing(ctx, id)
	e := *b.Blocks[len(b.Blocks)-1].Excerpt
	base := e
	e.Note = strings.TrimSpace(e.Note + " Four words are added.")
	if _, err := lib.UpdateExcerpt(ctx, &base, &e); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { u.libraryChanged(changedExcerpts) })
	want = modelWords(t, lib, id)
	eventually(t, "the recount", func() bool { return listedWords(u, id) == want })
}

// The finding: the Preview printed "( confidence)" for a judgment given
// no confidence.
func TestPreviewShowsNoConfidenceForAJudgmentWithoutOne(t *testing.T) {
	setAutosave(t, 20*time.Millisecond)
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	id := countingBriefing(t, u, lib)
	fyne.DoAndWait(func() {
		for i, b := range u.briefings.briefings {
			if b.ID == id {
				u.briefings.list.Select(i)
			}
		}
	})
	eventually(t, "the briefing in the composer", func() bool { return c.d != nil && c.d.b.ID == id })
	fyne.DoAndWait(func() { c.tabs.SelectIndex(1) })
	var text string
	fyne.DoAndWait(func() { text = c.document().Text() })
	if strings.Contains(text, "confidence)") && !strings.Contains(text, "(high confidence)") || strings.Contains(text, "( confidence)") {
		t.Fatalf("the preview shows an empty confidence:\n%s", text)
	}
	for _, want := range []string{"1. No confidence is given here.\n", "2. Some is. (high confidence)\n", "1  FIRST SECTION", "NOTES", "SOURCES"} {
		if !strings.Contains(text, want) {
			t.Errorf("the preview lacks %q:\n%s", want, text)
		}
	}
	// The preview is the model's text, sources and all.
	bundle, _ := lib.Bundle(context.Background(), id)
	if want := export.NewDocument(bundle).Text(); text != want {
		t.Errorf("the preview is not the model's text:\n%s\n--- want\n%s", text, want)
	}
}
