package app

import (
	"context"
	"image"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/integrity"
	"github.com/attache/attache/internal/pdfengine"
	"github.com/attache/attache/store"
)

// previewFast shortens the pause before the preview is laid out.
func previewFast(t *testing.T) {
	old := previewDelay
	previewDelay = 20 * time.Millisecond
	t.Cleanup(func() { previewDelay = old })
}

// libraryPages is the page count of briefing id's PDF as the library has it.
func libraryPages(t *testing.T, lib *store.Store, id int64) int {
	t.Helper()
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

// showPreview selects the Preview tab and waits for its first page.
func showPreview(t *testing.T, c *composer) {
	t.Helper()
	fyne.DoAndWait(func() { c.tabs.SelectIndex(1) })
	eventually(t, "the preview's first page", func() bool { return c.preview.Pages() > 0 && c.preview.Image(0) != nil })
}

// The composer's page count is the PDF's, from the layout the preview
// shows, once changes pause.
func TestComposerCountsThePDFsPages(t *testing.T) {
	setAutosave(t, 20*time.Millisecond)
	previewFast(t)
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	id := c.d.b.ID
	want := libraryPages(t, lib, id)
	eventually(t, "the page count", func() bool {
		return strings.Contains(c.stats.Text, " · "+plural(want, "page")+" in PDF") && c.preview.Pages() == want
	})
	// A long addition moves it, once saved and counted again.
	long := strings.Repeat("A paragraph long enough to fill some lines of the page. ", 60)
	fyne.DoAndWait(func() {
		for range 3 {
			c.insert(&domain.Block{Type: domain.BlockCommentary, Text: long, Marking: domain.MarkingUnclassified})
		}
	})
	eventually(t, "the save", func() bool { return c.d.isSaved() })
	if now := libraryPages(t, lib, id); now <= want {
		t.Fatalf("the long addition left %d pages", now)
	} else {
		want = now
	}
	eventually(t, "the new page count", func() bool {
		return strings.Contains(c.stats.Text, " · "+strconv.Itoa(want)+" pages in PDF") && c.preview.Pages() == want
	})
}

// inkRows counts the rows of img with dark pixels (text).
func inkRows(img image.Image) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, g, bl, _ := img.At(x, y).RGBA(); r+g+bl < 3*0x9000 {
				n++
				break
			}
		}
	}
	return n
}

// The Preview shows the PDF's pages, drawn; an edit redraws them after the
// pause, not at once, and the view stays on the page being read.
func TestPreviewShowsThePDFAndFollowsEdits(t *testing.T) {
	setAutosave(t, 20*time.Millisecond)
	previewFast(t)
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	showPreview(t, c)
	var first image.Image
	fyne.DoAndWait(func() { first = c.preview.Image(0) })
	if n := libraryPages(t, lib, c.d.b.ID); c.preview.Pages() != n {
		t.Fatalf("the preview has %d pages, the PDF %d", c.preview.Pages(), n)
	}
	if rows := inkRows(first); rows < first.Bounds().Dy()/10 {
		t.Fatalf("page 1 has ink on %d of %d rows", rows, first.Bounds().Dy())
	}
	var still bool
	fyne.DoAndWait(func() {
		c.title.SetText("Fab subsidies and the chip race in full")
		still = c.preview.Image(0) == first // no layout before the pause
	})
	if !still {
		t.Error("the preview was redrawn before the pause")
	}
	eventually(t, "page 1 redrawn with the new title", func() bool {
		img := c.preview.Image(0)
		return img != nil && img != first && !samePixels(img, first) &&
			strings.Contains(c.preview.Text, "FAB SUBSIDIES AND THE CHIP RACE IN FULL")
	})
	// On another page, an edit redraws that page where it is.
	last := c.preview.Pages() - 1
	fyne.DoAndWait(func() { c.preview.ShowPage(last) })
	eventually(t, "the last page", func() bool { return c.preview.Image(last) != nil })
	before := c.preview.Image(last)
	fyne.DoAndWait(func() { c.title.SetText("Fab subsidies") })
	eventually(t, "the last page redrawn", func() bool { img := c.preview.Image(last); return img != nil && img != before })
	if c.preview.Page() != last {
		t.Errorf("after the edit the view is on page %d, want %d", c.preview.Page()+1, last+1)
	}
}

func samePixels(a, b image.Image) bool {
	ra, oka := a.(*image.RGBA)
	rb, okb := b.(*image.RGBA)
	return oka && okb && ra.Rect == rb.Rect && string(ra.Pix) == string(rb.Pix)
}

// heldJobs makes background hold its work until run is called, to finish
// a layout or a drawing after the analyst moved on.
type heldJobs struct{ jobs []func() }

func holdBackground(t *testing.T) *heldJobs {
	h := &heldJobs{}
	old := background
	background = func(f func()) { h.jobs = append(h.jobs, f) }
	t.Cleanup(func() { background = old })
	return h
}

func (h *heldJobs) release(t *testing.T, old func(func())) {
	background = old
	for _, f := range h.jobs {
		offUI(f)
	}
	h.jobs = nil
}

// Opening another briefing clears the preview at once, and a layout or a
// drawing of the last one that finishes afterwards is never shown.
func TestPreviewNeverShowsAnotherBriefingsPages(t *testing.T) {
	setAutosave(t, 20*time.Millisecond)
	previewFast(t)
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	showPreview(t, c)
	sample := c.d.b.ID
	inline := background
	// An edit of the sample whose layout, then a drawing, are still under
	// way when the new briefing opens.
	held := holdBackground(t)
	fyne.DoAndWait(func() {
		c.title.SetText("An edit laid out too late")
		c.layOutPreview(c.pc.gen) // as the timer does
	})
	layout := held.jobs
	held.jobs = nil
	fyne.DoAndWait(func() { c.pc.drawer.need([]int{0, 1}, 300) }) // as the view asks
	drawing := held.jobs
	held.jobs = nil
	if len(layout) != 1 || len(drawing) == 0 {
		t.Fatalf("%d layouts and %d drawings held, want 1 and some", len(layout), len(drawing))
	}
	background = inline
	fyne.DoAndWait(u.briefings.onNew)
	eventually(t, "the new briefing", func() bool { return c.d != nil && c.d.b.ID != sample })
	fyne.DoAndWait(func() {
		if len(c.preview.Held()) != 0 && c.preview.Pages() > 1 {
			t.Errorf("on opening the new briefing the preview holds pages %v of %d", c.preview.Held(), c.preview.Pages())
		}
	})
	eventually(t, "the new briefing's page", func() bool {
		return c.preview.Pages() == libraryPages(t, lib, c.d.b.ID) && c.preview.Image(0) != nil
	})
	var page image.Image
	fyne.DoAndWait(func() { page = c.preview.Image(0) })
	h := &heldJobs{jobs: append(layout, drawing...)}
	h.release(t, inline)
	fyne.DoAndWait(pumpUI) // they ran inline: what they handed over runs now
	fyne.DoAndWait(func() {
		if c.preview.Pages() != 1 || c.preview.Image(0) != page || c.pc.forID != c.d.b.ID {
			t.Errorf("after the sample's late work: %d pages, page 1 replaced %v", c.preview.Pages(), c.preview.Image(0) != page)
		}
	})
}

// What is wrong with the draft's PDF is said above its pages: characters
// the fonts lack, markings Export would refuse.
func TestPreviewSaysWhatIsWrong(t *testing.T) {
	setAutosave(t, 20*time.Millisecond)
	previewFast(t)
	u, _ := openSampleBriefing(t)
	c := u.briefings.composer
	showPreview(t, c)
	fyne.DoAndWait(func() {
		c.insert(&domain.Block{Type: domain.BlockCommentary, Text: "Markets reacted 📉 at once.", Marking: domain.MarkingUnclassified})
	})
	eventually(t, "the missing character", func() bool {
		return strings.Contains(c.preview.Message(), "U+1F4C9") && c.preview.Pages() > 0
	})
	fyne.DoAndWait(func() {
		c.d.edit(func(b *domain.Briefing) {
			b.Scheme, b.Classification = domain.SchemeUK, "uk:O"
			for _, blk := range b.Blocks {
				blk.Marking = domain.MarkingUnclassified // a US marking under the UK scheme
			}
		})
		c.updateStats()
	})
	eventually(t, "the refusal", func() bool {
		return strings.HasPrefix(c.preview.Message(), "Export will refuse this briefing until its markings are fixed") &&
			strings.Contains(c.preview.Message(), "UNCLASSIFIED is a US marking") && c.preview.Pages() > 0
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
	got := problemsOf(b, export.Context{}, nil)
	all := strings.Join(got.refusals, "\n")
	if !strings.Contains(all, "commentary “Unmarked.” has no portion mark") || !strings.Contains(all, "commentary “Also unmarked.” has no portion mark") {
		t.Fatalf("refusals %q", got.refusals)
	}
	if !slices.Contains(got.notices, "The section “Outlook” is empty: add to it or remove its heading.") {
		t.Fatalf("notices %q", got.notices)
	}
}

// While the PDF engine starts (seconds, the first time on a computer) the
// preview says so instead of showing blank pages; the first page drawn
// puts the layout's own message back.
func TestPreviewSaysWhileTheEngineStarts(t *testing.T) {
	setAutosave(t, 20*time.Millisecond)
	previewFast(t)
	u, _ := openSampleBriefing(t)
	c := u.briefings.composer
	eventually(t, "the layout", func() bool { return c.pc.shown != nil })
	if err := pdfengine.Close(); err != nil {
		t.Fatal(err)
	}
	inline := background
	held := holdBackground(t)
	fyne.DoAndWait(func() { c.tabs.SelectIndex(1) })
	if len(held.jobs) == 0 || !strings.HasPrefix(c.preview.Message(), "Starting the PDF engine") {
		t.Fatalf("%d drawings held; message %q, want the engine starting", len(held.jobs), c.preview.Message())
	}
	held.release(t, inline)
	eventually(t, "the first page", func() bool { return c.preview.Image(0) != nil })
	if m := c.preview.Message(); m != "" {
		t.Errorf("after the first page the message is %q", m)
	}
}

// "Before you export" holds the basis thresholds the analyst set in
// Settings, as the composer's checks and the command line do: evidence
// five months old is stale at three months and fine at the default 18.
func TestExportChecksHoldTheSettingsThresholds(t *testing.T) {
	date := func(s string) domain.Date { d, _ := domain.ParseDate(s); return d }
	src := &domain.Source{ID: 1, Title: "Port calls", Publisher: "Lloyd's List", Published: date("2026-01-15"), Reliability: "A", Text: "t"}
	ex := &domain.Excerpt{ID: 11, SourceID: 1, Credibility: 1, Quote: "Ship calls doubled."}
	b := &domain.Bundle{Sources: []*domain.Source{src}, Briefing: &domain.Briefing{Title: "Ports", Date: date("2026-06-01"), Blocks: []*domain.Block{
		{Type: domain.BlockJudgment, Text: "Port traffic is rising.", Confidence: domain.ConfidenceModerate,
			Evidence: []domain.Evidence{{ExcerptID: 11, Stance: domain.StanceSupports, Excerpt: ex}}}}}}
	stale := func(p exportProblems) bool {
		for _, n := range p.notices {
			if strings.Contains(n, "month") {
				return true
			}
		}
		return false
	}
	if p := problemsOf(b, export.Context{}, nil); stale(p) {
		t.Errorf("the default 18 months found stale evidence: %q", p.notices)
	}
	rules := integrity.BasisRules{MinReliability: "B", MinCredibility: 2, MaxAgeMonths: 3}
	if p := problemsOf(b, export.Context{Rules: &rules}, nil); !stale(p) {
		t.Errorf("3 months from Settings found no stale evidence: %q", p.notices)
	}
}
