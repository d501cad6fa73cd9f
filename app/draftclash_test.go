package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/store"
)

// clashOnTitle types a title here and another elsewhere, and waits for
// the refused save's question: who changed it, and what clashed.
func clashOnTitle(t *testing.T) (*UI, *store.Store, *composer, int64) {
	t.Helper()
	setAutosave(t, 300*time.Millisecond)
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	id := c.d.b.ID
	if err := lib.SetUser("ben"); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { c.title.SetText("Typed here") })
	retitle(t, lib, id, "Typed elsewhere")
	eventually(t, "the question", func() bool { return overlayButton(u, "Keep both") != nil })
	var msg string
	walkOverlays(u, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "while you were editing") {
			msg = l.Text
		}
	})
	if !strings.Contains(msg, "changed by ben at ") || !strings.Contains(msg, "the title") {
		t.Fatalf("the question says %q", msg)
	}
	if got, _ := lib.Briefing(context.Background(), id); got.Title != "Typed elsewhere" {
		t.Fatalf("the refused save wrote %q over the other side", got.Title)
	}
	if !strings.Contains(c.saved.Text, "Not saved — also changed by ben") {
		t.Errorf("the status reads %q", c.saved.Text)
	}
	return u, lib, c, id
}

// Take theirs: their version shows; what was typed here is in Versions.
func TestClashTakeTheirsKeepsYoursInVersions(t *testing.T) {
	u, lib, c, id := clashOnTitle(t)
	test.Tap(overlayButton(u, "Take theirs"))
	eventually(t, "their title shown", func() bool { return c.title.Text == "Typed elsewhere" && c.d.held == nil })
	vs, _ := lib.Snapshots(context.Background(), id)
	var kept bool
	for _, v := range vs {
		full, _ := lib.Snapshot(context.Background(), v.ID)
		kept = kept || full.Briefing.Title == "Typed here" && strings.HasPrefix(v.Label, "Your edits")
	}
	if !kept {
		t.Fatalf("the analyst's title is in no version: %+v", vs)
	}
	eventually(t, "saved", func() bool { return c.d.isSaved() })
}

// Keep both: theirs stays in the briefing; the analyst's side becomes a
// copy, opened in the composer.
func TestClashKeepBothMakesACopy(t *testing.T) {
	u, lib, c, id := clashOnTitle(t)
	test.Tap(overlayButton(u, "Keep both"))
	eventually(t, "the copy open", func() bool { return c.d != nil && c.d.b.ID != id })
	ctx := context.Background()
	orig, _ := lib.Briefing(ctx, id)
	cp, _ := lib.Briefing(ctx, c.d.b.ID)
	if orig.Title != "Typed elsewhere" || !strings.HasPrefix(cp.Title, "Typed here (") || len(cp.Blocks) != len(orig.Blocks) {
		t.Fatalf("the briefing is %q, the copy %q with %d of %d blocks", orig.Title, cp.Title, len(cp.Blocks), len(orig.Blocks))
	}
}

// Block by block: the analyst picks theirs for the title and keeps a
// block typed here that nobody else touched.
func TestClashBlockByBlock(t *testing.T) {
	setAutosave(t, 300*time.Millisecond)
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	id := c.d.b.ID
	ctx := context.Background()
	cur, _ := lib.Briefing(ctx, id)
	fyne.DoAndWait(func() {
		c.title.SetText("Typed here")
		c.summary.SetText("Bottom line typed here")
	})
	cur.Title, cur.Summary = "Typed elsewhere", "Bottom line typed elsewhere"
	if err := lib.UpdateBriefing(ctx, cur); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the question", func() bool { return overlayButton(u, "Choose block by block…") != nil })
	test.Tap(overlayButton(u, "Choose block by block…"))
	var groups []*widget.RadioGroup
	eventually(t, "the choices", func() bool {
		groups = nil
		walkOverlays(u, func(o fyne.CanvasObject) {
			if r, ok := o.(*widget.RadioGroup); ok {
				groups = append(groups, r)
			}
		})
		return len(groups) == 2
	})
	for _, g := range groups {
		if strings.Contains(g.Options[1], "Theirs: Typed elsewhere") {
			fyne.DoAndWait(func() { g.SetSelected(g.Options[1]) })
		}
	}
	test.Tap(overlayButton(u, "Save my choices"))
	eventually(t, "the choices saved", func() bool {
		b, _ := lib.Briefing(ctx, id)
		return c.d.isSaved() && b.Title == "Typed elsewhere" && b.Summary == "Bottom line typed here"
	})
	if c.title.Text != "Typed elsewhere" || c.summary.Text != "Bottom line typed here" {
		t.Errorf("the composer shows %q and %q", c.title.Text, c.summary.Text)
	}
}

// The last save at quit meets a clash nobody can answer: both are kept.
func TestClashAtQuitKeepsBoth(t *testing.T) {
	u, lib, _, id := clashOnTitle(t)
	dismissOverlays(u)
	var stderr strings.Builder
	u.flushOrRescue(&stderr)
	if !strings.Contains(stderr.String(), "changed by ben at") || !strings.Contains(stderr.String(), "your version is kept as briefing") {
		t.Errorf("stderr: %q", stderr.String())
	}
	list, _ := lib.Briefings(context.Background(), domain.BriefingFilter{})
	var titles []string
	for _, b := range list {
		titles = append(titles, b.Title)
	}
	if len(list) != 2 || !strings.Contains(strings.Join(titles, "|"), "Typed here (") {
		t.Fatalf("after the last save: %q", titles)
	}
	if b, _ := lib.Briefing(context.Background(), id); b.Title != "Typed elsewhere" {
		t.Fatalf("the other side was overwritten: %q", b.Title)
	}
}
