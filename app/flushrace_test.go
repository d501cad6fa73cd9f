package app

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/attache/attache/domain"
)

// Found in review: a save at quit, export or switch (flushThen) waited
// behind a background save whose result had not been taken in, and sent
// an older base: what the analyst had undone since came back.
func TestFlushBehindABackgroundSaveKeepsTheUndo(t *testing.T) {
	setAutosave(t, time.Hour)
	quietFollow(t)
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	ctx := context.Background()
	var id int64
	var orig string
	fyne.DoAndWait(func() {
		d := c.d
		id, orig = d.b.ID, d.b.Title
		d.edit(func(b *domain.Briefing) {
			b.Title = orig + " (typo)"
			b.Blocks = append(b.Blocks, &domain.Block{Type: domain.BlockCommentary, Text: "added then removed"})
		})
		// What save does, the write done and its result not yet landed.
		if err := asBackground(func() error {
			_, err := d.write(d.b.Clone(), d.base.Clone(), d.version)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		d.edit(func(b *domain.Briefing) {
			b.Title = orig
			b.Blocks = b.Blocks[:len(b.Blocks)-1]
		})
		if err := flushNow(t, d); err != nil {
			t.Fatal(err)
		}
	})
	b, _ := lib.Briefing(ctx, id)
	if b.Title != orig || b.Blocks[len(b.Blocks)-1].Text == "added then removed" {
		t.Fatalf("the flush wrote back what was undone: %q, last block %q", b.Title, b.Blocks[len(b.Blocks)-1].Text)
	}
	if vs, _ := lib.Snapshots(ctx, id); len(vs) > 0 {
		t.Fatalf("the app's own earlier save counted as a clash: %d versions", len(vs))
	}
}

// The same with typing going on: no clash with the app's own save.
func TestFlushBehindABackgroundSaveIsNoClash(t *testing.T) {
	setAutosave(t, time.Hour)
	quietFollow(t)
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	ctx := context.Background()
	var id int64
	fyne.DoAndWait(func() {
		d := c.d
		id = d.b.ID
		d.edit(func(b *domain.Briefing) { b.Title = "AB" })
		if err := asBackground(func() error {
			_, err := d.write(d.b.Clone(), d.base.Clone(), d.version)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		d.edit(func(b *domain.Briefing) { b.Title = "ABC" })
		if err := flushNow(t, d); err != nil {
			t.Fatal(err)
		}
	})
	b, _ := lib.Briefing(ctx, id)
	vs, _ := lib.Snapshots(ctx, id)
	if b.Title != "ABC" || len(vs) > 0 {
		t.Fatalf("title %q, %d versions", b.Title, len(vs))
	}
}

// The excerpt form's flush behind a background save: the undone note and
// tag stay undone.
func TestExcerptFlushBehindABackgroundSaveKeepsTheUndo(t *testing.T) {
	setAutosave(t, time.Hour)
	u, lib := sampleInExcerpts(t)
	ctx := context.Background()
	list, _ := lib.Excerpts(ctx, domain.ExcerptFilter{})
	e := list[0]
	orig, origTags := e.Note, append([]string{}, e.Tags...)
	fyne.DoAndWait(func() {
		x := newExcerptEdit(u, e)
		x.change(func(e *domain.Excerpt) { e.Note = orig + " typo"; e.Tags = append(e.Tags, "oops") })
		if err := asBackground(func() error {
			_, err := x.write(x.e.Clone(), x.base, x.version)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		x.change(func(e *domain.Excerpt) { e.Note = orig; e.Tags = origTags })
		if err := flushNow(t, x); err != nil {
			t.Fatal(err)
		}
		x.stop()
	})
	got, _ := lib.Excerpt(ctx, e.ID)
	if got.Note != orig || len(got.Tags) != len(origTags) {
		t.Fatalf("library note %q tags %v, want %q %v", got.Note, got.Tags, orig, origTags)
	}
}
