package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/store"
)

// trashFixture is a library with one source and two excerpts of it.
func trashFixture(t *testing.T) (*UI, *store.Store, *domain.Source, []*domain.Excerpt) {
	t.Helper()
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	dismissOverlays(u)
	var exs []*domain.Excerpt
	for _, q := range []string{"small yard, high fence", "worried about lost sales"} {
		e := &domain.Excerpt{SourceID: src.ID, Quote: q}
		if err := lib.CreateExcerpt(context.Background(), e); err != nil {
			t.Fatal(err)
		}
		exs = append(exs, e)
	}
	return u, lib, src, exs
}

func trashed(lib *store.Store, id int64) bool {
	e, err := lib.Excerpt(context.Background(), id)
	return err == nil && e.TrashedAt != nil
}

func TestDeletingAnExcerptMovesItToTheTrashWithUndo(t *testing.T) {
	u, lib, _, exs := trashFixture(t)
	fyne.DoAndWait(func() { u.onShowView(viewExcerpts) })
	eventually(t, "the excerpts", func() bool { return len(u.excerpts.excerpts) == 2 })
	fyne.DoAndWait(func() { u.excerpts.list.Select(0) })
	id := u.excerpts.selected.ID
	fyne.DoAndWait(u.excerpts.onDelete)
	eventually(t, "the trash notice", func() bool { return strings.Contains(u.notice(), "is in the trash") })
	if !trashed(lib, id) {
		t.Fatal("the excerpt is not in the trash")
	}
	eventually(t, "the list without it", func() bool { return len(u.excerpts.excerpts) == 1 })
	if !strings.Contains(u.notice(), "View → Trash…") {
		t.Error("the notice does not say where the excerpt went")
	}
	tapNotice(t, u, "Undo")
	eventually(t, "the excerpt back", func() bool { return !trashed(lib, id) })
	eventually(t, "the list with it", func() bool { return len(u.excerpts.excerpts) == 2 })
	if trashed(lib, exs[0].ID) || trashed(lib, exs[1].ID) {
		t.Fatal("an excerpt stayed in the trash")
	}
}

func TestDeletingAnExcerptABriefingUsesAsksThenTrashesIt(t *testing.T) {
	u, lib, _, exs := trashFixture(t)
	b := &domain.Briefing{Title: "Fence notes", Blocks: []*domain.Block{{Type: domain.BlockExcerpt, ExcerptID: exs[0].ID}}}
	if err := lib.CreateBriefing(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { u.onShowView(viewExcerpts) })
	eventually(t, "the excerpts", func() bool { return len(u.excerpts.excerpts) == 2 })
	fyne.DoAndWait(func() { u.excerpts.list.Select(0) })
	fyne.DoAndWait(u.excerpts.onDelete)
	eventually(t, "the question", func() bool { return overlayContains(u, "Fence notes") })
	if trashed(lib, exs[0].ID) {
		t.Fatal("trashed before the analyst agreed")
	}
	// A question in words, naming what is quoted where: no numbers.
	if overlayContains(u, "excerpt 1") || overlayContains(u, "briefing 1") || !overlayContains(u, "is quoted in “Fence notes”") {
		t.Error("the question is not put in the analyst's words")
	}
	confirmForm(t, u, "Move to the trash")
	eventually(t, "the trash notice", func() bool { return strings.Contains(u.notice(), "is in the trash") })
	if !trashed(lib, exs[0].ID) {
		t.Fatal("the excerpt is not in the trash")
	}
	got, _ := lib.Briefing(context.Background(), b.ID)
	if len(got.Blocks) != 0 {
		t.Fatalf("the block quoting it stayed: %+v", got.Blocks)
	}
	// The briefing as it was is a version away.
	vs, _ := lib.Snapshots(context.Background(), b.ID)
	if len(vs) == 0 || !strings.HasPrefix(vs[0].Label, "Before excerpt") {
		t.Fatalf("no version kept before the excerpt was taken out: %+v", vs)
	}
	if _, err := lib.RestoreSnapshot(context.Background(), b.ID, vs[0].ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := lib.Briefing(context.Background(), b.ID); len(got.Blocks) != 1 || got.Blocks[0].ExcerptID != exs[0].ID {
		t.Fatalf("restoring the version did not bring the block back: %+v", got.Blocks)
	}
}

func TestDeletingASourceMovesItToTheTrash(t *testing.T) {
	u, lib, src, exs := trashFixture(t)
	u.library.reader.open(src.ID, -1)
	eventually(t, "the reader", func() bool { return u.library.reader.source != nil })
	fyne.DoAndWait(u.library.reader.onDeleteSource)
	eventually(t, "the confirmation", func() bool { return overlayContains(u, "to the trash?") })
	confirmForm(t, u, "Yes")
	eventually(t, "the trash notice", func() bool { return strings.Contains(u.notice(), "with its excerpts is in the trash") })
	got, err := lib.Source(context.Background(), src.ID)
	if err != nil || got.TrashedAt == nil || !trashed(lib, exs[1].ID) {
		t.Fatalf("source after delete: %+v, %v", got, err)
	}
	eventually(t, "the library list without it", func() bool { return u.library.list.Length() == 0 })
	tapNotice(t, u, "Undo")
	eventually(t, "the source back", func() bool {
		got, _ := lib.Source(context.Background(), src.ID)
		return got.TrashedAt == nil && got.ExcerptCount == 2
	})
	eventually(t, "the library list with it", func() bool { return u.library.list.Length() == 1 })
}

// trashRowIndex finds the row of the Trash window showing the item.
func trashRowIndex(w *trashWindow, kind *trashKind, id int64) int {
	for i, it := range w.items {
		if it.kind == kind && it.id == id {
			return i
		}
	}
	return -1
}

func TestTrashWindowRestoresDeletesForGoodAndEmpties(t *testing.T) {
	u, lib, src, exs := trashFixture(t)
	ctx := context.Background()
	b := &domain.Briefing{Title: "Old draft"}
	if err := lib.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{lib.TrashExcerpt(ctx, exs[0].ID, false), lib.TrashBriefing(ctx, b.ID)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	var w *trashWindow
	fyne.DoAndWait(func() { w = u.showTrash() })
	eventually(t, "the trash listed", func() bool { return len(w.items) == 2 })
	if !overlayContains(u, "Old draft") || !overlayContains(u, "“small yard, high fence”") {
		t.Fatal("the Trash window does not show the excerpt and the briefing")
	}
	if !w.restore.Disabled() || !w.purge.Disabled() {
		t.Fatal("Restore and Delete for good are offered with nothing selected")
	}

	fyne.DoAndWait(func() { w.list.Select(trashRowIndex(w, trashExcerpt, exs[0].ID)) })
	test.Tap(w.restore)
	eventually(t, "the excerpt restored", func() bool { return !trashed(lib, exs[0].ID) })
	eventually(t, "the trash without it", func() bool { return len(w.items) == 1 })

	fyne.DoAndWait(func() { w.list.Select(trashRowIndex(w, trashBriefing, b.ID)) })
	test.Tap(w.purge)
	eventually(t, "the confirmation", func() bool { return overlayContains(u, "This cannot be undone") })
	confirmForm(t, u, "Yes")
	eventually(t, "the briefing gone", func() bool {
		_, err := lib.Briefing(ctx, b.ID)
		return domain.ErrorCode(err) == domain.ENOTFOUND
	})

	if err := lib.TrashSource(ctx, src.ID, false); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(w.reload)
	eventually(t, "the source listed", func() bool { return len(w.items) == 1 && w.items[0].kind == trashSource })
	if !overlayContains(u, "with 2 excerpts") {
		t.Error("the trashed source does not say its excerpts went with it")
	}
	test.Tap(w.empty)
	confirmForm(t, u, "Yes")
	eventually(t, "the source gone", func() bool {
		_, err := lib.Source(ctx, src.ID)
		return domain.ErrorCode(err) == domain.ENOTFOUND
	})
	eventually(t, "an empty trash", func() bool { return len(w.items) == 0 && w.empty.Disabled() })
}

func TestTrashIsInTheViewMenu(t *testing.T) {
	u, _ := newTestUI(t)
	dismissOverlays(u)
	var found *fyne.MenuItem
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if m.Label == "View" && it.Label == "Trash…" {
				found = it
			}
		}
	}
	if found == nil {
		t.Fatal("no View → Trash…")
	}
	fyne.DoAndWait(found.Action)
	eventually(t, "the Trash window", func() bool { return overlayContains(u, "The trash is empty.") })
}

// A briefing open in the composer that quotes an excerpt trashed with
// "remove it from those briefings" loses the block there too: the
// composer's next save must not put it back (and the excerpt with it).
func TestForcedTrashReachesTheOpenComposer(t *testing.T) {
	u, lib, _, exs := trashFixture(t)
	ctx := context.Background()
	b := &domain.Briefing{Title: "Fence notes", Blocks: []*domain.Block{
		{Type: domain.BlockHeading, Text: "Background"}, {Type: domain.BlockExcerpt, ExcerptID: exs[0].ID}}}
	if err := lib.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	full, _ := lib.Briefing(ctx, b.ID)
	c := u.briefings.composer
	fyne.DoAndWait(func() { c.open(full) })
	fyne.DoAndWait(func() { u.onShowView(viewExcerpts) })
	eventually(t, "the excerpts", func() bool { return len(u.excerpts.excerpts) == 2 })
	fyne.DoAndWait(func() { u.excerpts.list.Select(0) })
	fyne.DoAndWait(u.excerpts.onDelete)
	eventually(t, "the question", func() bool { return overlayContains(u, "Fence notes") })
	confirmForm(t, u, "Move to the trash")
	eventually(t, "the trash notice", func() bool { return strings.Contains(u.notice(), "not into the briefings it was taken out of") })
	eventually(t, "the composer without the block", func() bool { return c.d != nil && len(c.d.b.Blocks) == 1 })
	fyne.DoAndWait(func() { c.summary.SetText("Edited after the trash.") })
	fyne.DoAndWait(func() { c.d.flush(func() {}) })
	got, _ := lib.Briefing(ctx, b.ID)
	if got.Summary != "Edited after the trash." || len(got.Blocks) != 1 {
		t.Fatalf("briefing after the edit: %q, %d blocks", got.Summary, len(got.Blocks))
	}
	if !trashed(lib, exs[0].ID) {
		t.Fatal("the composer's save brought the excerpt back from the trash")
	}
}
