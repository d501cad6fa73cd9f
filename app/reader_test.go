package app

import (
	"context"
	"regexp"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/attache/attache/domain"
)

func TestFindInSourceCountsMatchesAndStartsAfreshInTheNextSource(t *testing.T) {
	u, lib := newTestUI(t)
	fyne.DoAndWait(u.onLoadSample)
	eventually(t, "the sample", func() bool { st, _ := lib.Stats(context.Background()); return st.Sources == 3 })
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
