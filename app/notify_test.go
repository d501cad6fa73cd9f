package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/attache/attache/domain"
)

// tapNotice taps the notice's button, which must read label.
func tapNotice(t *testing.T, u *UI, label string) {
	t.Helper()
	b := notices[u.win]
	if !b.action.Visible() || b.action.Text != label {
		t.Fatalf("the notice offers %q (shown %v), want %q", b.action.Text, b.action.Visible(), label)
	}
	test.Tap(b.action)
}

func TestNoticeGoesAfterAWhile(t *testing.T) {
	u, _ := newTestUI(t)
	d := noticeDelay
	noticeDelay = 30 * time.Millisecond
	t.Cleanup(func() { noticeDelay = d })
	fyne.DoAndWait(func() { u.notify("Done.") })
	if u.notice() != "Done." {
		t.Fatalf("notice %q", u.notice())
	}
	b := notices[u.win]
	if y := b.content.Position().Y; y <= 0 || y+b.content.Size().Height != b.frame.Size().Height {
		t.Fatalf("the notice is at y %v, height %v, not at the bottom of %v", y, b.content.Size().Height, b.frame.Size())
	}
	if u.win.Canvas().Focused() != nil || len(u.win.Canvas().Overlays().List()) > 1 {
		t.Fatal("the notice took focus or opened a dialog") // the welcome dialog may show
	}
	eventually(t, "the notice to go", func() bool { return u.notice() == "" })
}

func TestTrashSaysSoAndUndoRestores(t *testing.T) {
	u, lib := openSampleBriefing(t)
	id := u.briefings.composer.d.b.ID
	fyne.DoAndWait(u.briefings.onTrash)
	eventually(t, "the notice", func() bool { return strings.Contains(u.notice(), "is in the trash") })
	if st, _ := lib.Stats(context.Background()); st.Briefings != 0 {
		t.Fatal("not trashed")
	}
	tapNotice(t, u, "Undo")
	eventually(t, "the restore", func() bool { st, _ := lib.Stats(context.Background()); return st.Briefings == 1 })
	eventually(t, "the briefing open again", func() bool {
		c := u.briefings.composer
		return c.d != nil && c.d.b.ID == id
	})
}

func TestSampleLoadSaysSoAndIsNotLoadedTwice(t *testing.T) {
	u, lib := newTestUI(t)
	dismissOverlays(u)
	fyne.DoAndWait(u.onLoadSample)
	eventually(t, "the notice", func() bool {
		return strings.HasPrefix(u.notice(), "Sample library loaded: "+plural(sampleSources, "source"))
	})
	fyne.DoAndWait(u.onLoadSample)
	eventually(t, "the offer", func() bool { return overlayContains(u, "already loaded") })
	if st, _ := lib.Stats(context.Background()); st.Briefings != 1 || st.Sources != sampleSources {
		t.Fatalf("a second load added: %+v", st)
	}
	confirmForm(t, u, "Show it")
	eventually(t, "the sample briefing", func() bool { return u.briefings.composer.d != nil })
}

func TestAddToBriefingAndDeleteSaySo(t *testing.T) {
	u, lib := newTestUI(t)
	fyne.DoAndWait(u.onLoadSample)
	eventually(t, "the sample", func() bool { st, _ := lib.Stats(context.Background()); return st.Briefings == 1 })
	dismissOverlays(u)
	ctx := context.Background()
	b, _ := lib.Briefings(ctx, domain.BriefingFilter{})
	exs, _ := lib.Excerpts(ctx, domain.ExcerptFilter{})
	fyne.DoAndWait(func() { u.addExcerptTo(b[0].ID, exs[0]) })
	eventually(t, "the notice", func() bool { return strings.HasPrefix(u.notice(), "Excerpt added to") })
	tapNotice(t, u, "Open")
	eventually(t, "the briefing", func() bool {
		c := u.briefings.composer
		return c.d != nil && c.d.b.ID == b[0].ID
	})

	srcs, _ := lib.Sources(ctx, domain.SourceFilter{})
	src, _ := lib.Source(ctx, srcs[0].ID)
	e := &domain.Excerpt{SourceID: src.ID, Start: 0, End: 12, Quote: string([]rune(src.Text)[:12])}
	if err := lib.CreateExcerpt(ctx, e); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { u.onShowView(viewExcerpts) })
	eventually(t, "the excerpts", func() bool { return len(u.excerpts.excerpts) > len(exs) })
	fyne.DoAndWait(func() { u.excerpts.selected = e; u.excerpts.onDelete() })
	eventually(t, "the notice", func() bool { return strings.Contains(u.notice(), "is in the trash") })
	tapNotice(t, u, "Undo")
	eventually(t, "the excerpt back", func() bool { x, err := lib.Excerpt(ctx, e.ID); return err == nil && x.TrashedAt == nil })
}
