package app

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
)

// The test driver runs fyne.Do on the calling goroutine, so a page count
// started by its timer would run beside the test: tests count by calling
// countPages, as the timer does.
func init() { pageCountDelay = time.Hour }

// countPagesNow is what the timer does once changes pause.
func countPagesNow(c *composer) {
	fyne.DoAndWait(func() {
		if c.pc.timer == nil {
			panic("no page count was scheduled")
		}
		c.countPages(c.pc.gen)
	})
}

// The composer's page count is the PDF's, laid out once changes pause,
// where it was an estimate from the words.
func TestComposerCountsThePDFsPages(t *testing.T) {
	setAutosave(t, 20*time.Millisecond)
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	id := c.d.b.ID
	pages := func() int {
		b, err := lib.Bundle(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		n, err := export.NewDocument(b).Pages("a4")
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	want := pages()
	countPagesNow(c)
	eventually(t, "the page count", func() bool {
		return strings.Contains(c.stats.Text, " · "+plural(want, "page")+" in PDF")
	})
	// A long addition moves it, once saved and counted again.
	long := strings.Repeat("A paragraph long enough to fill some lines of the page. ", 60)
	fyne.DoAndWait(func() {
		for range 3 {
			c.insert(&domain.Block{Type: domain.BlockCommentary, Text: long})
		}
	})
	eventually(t, "the save", func() bool { return c.d.isSaved() })
	if now := pages(); now <= want {
		t.Fatalf("the long bottom line left %d pages", now)
	} else {
		want = now
	}
	countPagesNow(c)
	eventually(t, "the new page count", func() bool {
		return strings.Contains(c.stats.Text, " · "+strconv.Itoa(want)+" pages in PDF")
	})
}

// The checks before export are the model's: a section whose only blocks
// are key judgments is empty in the document, since they move to the
// front, which the composer's own check missed; unmarked portions are
// refusals, each named.
func TestExportChecksAreTheModels(t *testing.T) {
	b := &domain.Bundle{Briefing: &domain.Briefing{Title: "T", Scheme: domain.SchemeUS, Blocks: []*domain.Block{
		{Type: domain.BlockHeading, Text: "Outlook"},
		{Type: domain.BlockJudgment, Text: "More will fail.", Marking: domain.MarkingUnclassified},
		{Type: domain.BlockHeading, Text: "Detail"},
		{Type: domain.BlockCommentary, Text: "Unmarked."},
		{Type: domain.BlockCommentary, Text: "Also unmarked."},
	}}}
	got := problemsOf(b)
	all := strings.Join(got.refusals, "\n")
	if !strings.Contains(all, "commentary “Unmarked.” has no portion mark") || !strings.Contains(all, "commentary “Also unmarked.” has no portion mark") {
		t.Fatalf("refusals %q", got.refusals)
	}
	if !slices.Contains(got.notices, "The section “Outlook” is empty: add to it or remove its heading.") {
		t.Fatalf("notices %q", got.notices)
	}
}
