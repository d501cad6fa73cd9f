package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/widgets"
)

func TestVersionsPreviewShowsExcerptsAndRestoreWaitsForASelection(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	id := c.d.b.ID
	ctx := context.Background()
	if _, err := lib.CreateSnapshot(ctx, id, "Before cuts"); err != nil {
		t.Fatal(err)
	}
	var kept, gone *domain.Excerpt
	for _, blk := range c.d.b.Blocks {
		if blk.Type == domain.BlockExcerpt && blk.Excerpt != nil {
			if kept == nil {
				kept = blk.Excerpt
			} else if gone == nil && blk.ExcerptID != kept.ID {
				gone = blk.Excerpt
			}
		}
	}
	if kept == nil || gone == nil {
		t.Fatal("the sample briefing has fewer than two excerpts")
	}
	if err := lib.DeleteExcerpt(ctx, gone.ID, true); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(c.onHistory)
	var list *widget.List
	var restore *widget.Button
	var view *widgets.Reader
	walkOverlays(u, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.List:
			list = w
		case *dialogList:
			list = &w.List
		case *widget.Button:
			if w.Text == "Restore this version" {
				restore = w
			}
		case *dialogButton:
			if w.Text == "Restore this version" {
				restore = &w.Button
			}
		case *widgets.Reader:
			view = w
		}
	})
	if list == nil || restore == nil || view == nil {
		t.Fatal("the versions dialog lacks its list, preview or restore button")
	}
	eventually(t, "the versions", func() bool { return list.Length() == 1 })
	if !restore.Disabled() {
		t.Fatal("Restore this version is enabled with nothing selected")
	}
	fyne.DoAndWait(func() { list.Select(0) })
	eventually(t, "the preview", func() bool { return strings.Contains(view.Text(), string([]rune(kept.Quote)[:30])) })
	if !strings.Contains(view.Text(), "An excerpt deleted since") {
		t.Error("the preview does not show the deleted excerpt as such")
	}
	if restore.Disabled() {
		t.Fatal("Restore this version stays disabled with a version selected")
	}
	fyne.DoAndWait(func() { list.UnselectAll() })
	if !restore.Disabled() {
		t.Fatal("Restore this version is enabled again with nothing selected")
	}
}

// A new block is blank, its field showing a hint: what the analyst types
// is its whole text, and no filler such as "Your judgment." is left in
// the briefing.
func TestTypingIntoANewBlockReplacesItsFiller(t *testing.T) {
	setAutosave(t, time.Hour)
	u, _ := openSampleBriefing(t)
	c := u.briefings.composer
	eventually(t, "the composer", func() bool { return c.d != nil && c.blockCount() == sampleBlocks })
	for _, kind := range []domain.BlockType{domain.BlockJudgment, domain.BlockCommentary, domain.BlockHeading} {
		fyne.DoAndWait(func() { c.onAdd(kind) })
		typeOnUI(c.editor.text, "Tokyo will extend controls")
		if got := c.d.b.Blocks[c.selected].Text; got != "Tokyo will extend controls" {
			t.Errorf("a new %s block holds %q", kind, got)
		}
	}
}
