package app

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/attache/attache/domain"
)

func TestFindInSourceCountsMatchesAndStartsAfreshInTheNextSource(t *testing.T) {
	u, lib := newTestUI(t)
	fyne.DoAndWait(u.onLoadSample)
	eventually(t, "the sample", func() bool { st, _ := lib.Stats(context.Background()); return st.Sources == sampleSources })
	dismissOverlays(u)
	srcs, _ := lib.Sources(context.Background(), domain.SourceFilter{})
	r := u.library.reader
	r.open(srcs[0].ID, -1)
	eventually(t, "the source", func() bool { return r.source != nil && r.source.ID == srcs[0].ID })
	focus(t, u, r.find)
	test.Type(r.find, "the")
	count := regexp.MustCompile(`^1 of ([0-9]+)$`).FindStringSubmatch(r.found.Text)
	if count == nil || count[1] == "1" {
		t.Fatalf("after typing a common word the count reads %q", r.found.Text)
	}
	pressKey(u, fyne.KeyReturn)
	if r.found.Text != "2 of "+count[1] {
		t.Fatalf("Enter moved to %q, want 2 of %s", r.found.Text, count[1])
	}
	if r.found.Size().Width < r.found.MinSize().Width {
		t.Fatalf("the count is cut short: %v wide, needs %v", r.found.Size().Width, r.found.MinSize().Width)
	}
	fyne.DoAndWait(func() { r.find.SetText("zzqx") })
	if r.found.Text != "No matches" {
		t.Fatalf("an absent word reads %q", r.found.Text)
	}
	r.open(srcs[1].ID, -1)
	eventually(t, "the next source", func() bool { return r.source.ID == srcs[1].ID })
	if r.find.Text != "" || r.found.Text != "" {
		t.Fatalf("the find box carried %q (%q) to the next source", r.find.Text, r.found.Text)
	}
}

func TestExcerptingTheSamePassageTwiceOffersTheFirst(t *testing.T) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	dismissOverlays(u)
	r := u.library.reader
	r.open(src.ID, -1)
	eventually(t, "the text", func() bool { return r.text.Text() != "" })
	fyne.DoAndWait(func() { r.text.Select(10, 40) })
	fyne.DoAndWait(r.onExcerptSelection)
	eventually(t, "the form", func() bool { return overlayContains(u, "New excerpt") })
	confirmForm(t, u, "Save excerpt")
	eventually(t, "the excerpt", func() bool {
		got, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{SourceID: src.ID})
		return len(got) == 1
	})
	fyne.DoAndWait(func() { r.text.Select(10, 40) })
	fyne.DoAndWait(r.onExcerptSelection)
	eventually(t, "the notice", func() bool { return strings.HasPrefix(u.notice(), "This passage is already an excerpt") })
	if overlays(u) != 0 {
		t.Fatal("a second form opened for the same passage")
	}
	if s, e := r.text.Selection(); s != 10 || e != 40 {
		t.Fatalf("the existing excerpt is not selected: %d–%d", s, e)
	}
	got, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{SourceID: src.ID})
	if len(got) != 1 {
		t.Fatalf("%d excerpts of one passage", len(got))
	}
	// A different span is excerpted as usual.
	fyne.DoAndWait(func() { r.text.Select(10, 41) })
	fyne.DoAndWait(r.onExcerptSelection)
	eventually(t, "the form", func() bool { return overlayContains(u, "New excerpt") })
}
