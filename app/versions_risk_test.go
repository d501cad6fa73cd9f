package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/widgets"
)

// A version kept before a source it quotes was retracted is flagged in
// the Versions list, and its preview names the source and the note: the
// copy sent out from it is what a reader holds.
func TestVersionsFlagThoseCitingATroubledSource(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	id := c.d.b.ID
	ctx := context.Background()
	var quoted *domain.Excerpt
	for _, blk := range c.d.b.Blocks {
		if blk.Type == domain.BlockExcerpt && blk.Excerpt != nil {
			quoted = blk.Excerpt
			break
		}
	}
	if quoted == nil {
		t.Fatal("the sample briefing quotes no excerpt")
	}
	if _, err := lib.CreateSnapshot(ctx, id, "Sent to the minister"); err != nil {
		t.Fatal(err)
	}
	if err := lib.SetSourceStanding(ctx, quoted.SourceID, domain.StandingRetracted, "withdrawn by its publisher"); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(c.onHistory)
	var list *widget.List
	var view *widgets.Reader
	walkOverlays(u, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *dialogList:
			list = &w.List
		case *widgets.Reader:
			view = w
		}
	})
	if list == nil || view == nil {
		t.Fatal("the versions dialog lacks its list or preview")
	}
	eventually(t, "the flagged version", func() bool {
		found := false
		fyne.DoAndWait(func() {
			walkOverlays(u, func(o fyne.CanvasObject) {
				if l, ok := o.(*widget.Label); ok && strings.HasSuffix(l.Text, " · cites a source retracted") && !strings.HasPrefix(l.Text, "cites") {
					found = found || l.Importance == widget.WarningImportance
				}
			})
		})
		return found
	})
	fyne.DoAndWait(func() { list.Select(0) })
	eventually(t, "the preview's warning", func() bool {
		return strings.Contains(view.Text(), "This version cites 1 source with a concern") &&
			strings.Contains(view.Text(), "retracted: withdrawn by its publisher")
	})
	// Found by a trial: the open dialog kept its flags when the standing
	// changed elsewhere, until it was opened again.
	if err := lib.SetSourceStanding(ctx, quoted.SourceID, domain.StandingSound, ""); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { u.libraryChanged(changedSources | changedExcerpts | changedBriefings) })
	eventually(t, "the flag and the warning gone", func() bool {
		flagged := false
		fyne.DoAndWait(func() {
			walkOverlays(u, func(o fyne.CanvasObject) {
				if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "cites a source") {
					flagged = true
				}
			})
		})
		return !flagged && !strings.Contains(view.Text(), "This version cites")
	})
}

// A version on sound sources carries no flag, and a source in the trash
// is still named, by number.
func TestVersionRiskWords(t *testing.T) {
	sc := &domain.SourceConcern{SourceID: 4, Title: "Chip rules", Concerns: []domain.Concern{domain.ConcernUnavailable},
		Check: &domain.SourceCheck{HTTPStatus: 404}}
	r := versionRiskOf([]int64{4}, map[int64]*domain.SourceConcern{4: sc})
	if r.flag != "cites a source unavailable (HTTP 404)" {
		t.Errorf("flag %q", r.flag)
	}
	r = versionRiskOf([]int64{4, 9}, map[int64]*domain.SourceConcern{4: sc})
	if r.flag != "cites 2 troubled sources" || !strings.Contains(r.detail, "• source 9: changed, gone or discredited") ||
		!strings.Contains(r.detail, "• “Chip rules”: unavailable (HTTP 404)") {
		t.Errorf("flag %q, detail %q", r.flag, r.detail)
	}
}
