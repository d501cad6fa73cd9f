package app

import (
	"context"
	"strings"
	"testing"

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
