package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/attache/attache/domain"
)

// A rectangle dragged again while the first is still being cut out is the
// one the form opens with: found by the re-trial, where the first drag's
// form opened late and the second, meant one was lost.
func TestTheLastRectangleDraggedIsTheFigure(t *testing.T) {
	u, lib := newTestUI(t)
	dismissOverlays(u)
	src, _ := openPaged(t, u, lib)
	p := u.library.reader.pages
	first := domain.PageRect{X0: 0.1, Y0: 0.4, X1: 1, Y1: 0.7}
	second := domain.PageRect{X0: 0.15, Y0: 0.42, X1: 0.6, Y1: 0.6}
	inline := background
	held := holdBackground(t)
	fyne.DoAndWait(func() {
		p.onFigure(1, first.X0, first.Y0, first.X1, first.Y1)
		p.onFigure(1, second.X0, second.Y0, second.X1, second.Y1)
	})
	if len(held.jobs) != 2 {
		t.Fatalf("%d cuts under way, want 2", len(held.jobs))
	}
	held.release(t, inline)
	eventually(t, "the figure form", func() bool { return overlayContains(u, "New figure excerpt") })
	confirmForm(t, u, "Save figure")
	var got []*domain.Excerpt
	eventually(t, "the figure excerpt", func() bool {
		got, _ = lib.Excerpts(context.Background(), domain.ExcerptFilter{SourceID: src.ID})
		return len(got) >= 1
	})
	if len(got) != 1 || got[0].Figure == nil || got[0].Figure.Rect != second {
		t.Fatalf("saved %d excerpts, the first with figure %+v; want one, of the second rectangle %+v", len(got), got[0].Figure, second)
	}
}
