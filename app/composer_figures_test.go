package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/attache/attache/domain"
)

// A figure excerpt picked from a list (which leaves pictures out) gets its
// picture in the draft, so its card and the Preview show it: found by a
// new-user trial, where the Preview said the image was damaged.
func TestAFigureAddedFromAListGetsItsPicture(t *testing.T) {
	previewFast(t)
	u, lib := newTestUI(t)
	ctx := context.Background()
	src := importFixture(t, u, lib)
	dismissOverlays(u)
	fig := testFigure(t, 1, 400, 200, "Faults by year")
	if err := lib.CreateExcerpt(ctx, &domain.Excerpt{SourceID: src.ID, Figure: fig}); err != nil {
		t.Fatal(err)
	}
	listed, err := lib.Excerpts(ctx, domain.ExcerptFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var e *domain.Excerpt
	for _, x := range listed {
		if x.Figure != nil {
			e = x
		}
	}
	if e == nil || len(e.Figure.PNG) != 0 {
		t.Fatalf("the listing's figure %+v: want one without its picture, as lists give it", e)
	}
	fyne.DoAndWait(func() { u.onShowView(viewBriefings); u.briefings.onNew() })
	c := u.briefings.composer
	eventually(t, "the new briefing", func() bool { return c.d != nil })
	fyne.DoAndWait(func() { c.insertExcerpt(-1, e) })
	eventually(t, "the figure's picture in the draft", func() bool {
		var ok bool
		fyne.DoAndWait(func() {
			for _, blk := range c.d.b.Blocks {
				if blk.Excerpt != nil && blk.Excerpt.Figure != nil {
					ok = string(blk.Excerpt.Figure.PNG) == string(fig.PNG)
				}
			}
		})
		return ok
	})
	showPreview(t, c)
	eventually(t, "the preview laid out", func() bool { return c.pc.shown != nil })
	if m := c.preview.Message(); strings.Contains(m, "damaged") || strings.Contains(m, "could not be laid out") {
		t.Fatalf("the Preview says %q", m)
	}
}

// A caption or note edited elsewhere (the Excerpts view, the command line)
// reaches the open draft's card: found by the re-trial, where the
// composer and Preview kept the old caption until the app restarted.
func TestAnExcerptEditedElsewhereReachesTheOpenDraft(t *testing.T) {
	previewFast(t)
	setAutosave(t, 20*time.Millisecond)
	u, lib := newTestUI(t)
	ctx := context.Background()
	src := importFixture(t, u, lib)
	dismissOverlays(u)
	e := &domain.Excerpt{SourceID: src.ID, Figure: testFigure(t, 1, 400, 200, "Faults by year")}
	if err := lib.CreateExcerpt(ctx, e); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { u.onShowView(viewBriefings); u.briefings.onNew() })
	c := u.briefings.composer
	eventually(t, "the new briefing", func() bool { return c.d != nil })
	fyne.DoAndWait(func() { c.insertExcerpt(-1, e.Clone()) })
	eventually(t, "the draft saved", func() bool {
		var ok bool
		fyne.DoAndWait(func() { ok = c.d.isSaved() && c.d.b.Blocks[len(c.d.b.Blocks)-1].ID > 0 })
		return ok
	})
	base, err := lib.Excerpt(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	edited := base.Clone()
	edited.Figure.Caption, edited.Note = "Faults by year, 2015–2025", "Counted by the operator."
	if _, err := lib.UpdateExcerpt(ctx, base, edited); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { u.libraryChanged(changedExcerpts) })
	eventually(t, "the new caption and note in the draft", func() bool {
		var ok bool
		fyne.DoAndWait(func() {
			for _, blk := range c.d.b.Blocks {
				if x := blk.Excerpt; x != nil && x.Figure != nil {
					ok = x.Figure.Caption == "Faults by year, 2015–2025" && x.Note == "Counted by the operator."
				}
			}
		})
		return ok
	})
}
