package store

import (
	"context"
	"testing"
	"time"

	"github.com/attache/attache/domain"
)

// Another program's commit is seen; the store's own are not.
func TestChangedElsewhereSeesOnlyOtherWriters(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if _, err := s.ChangedElsewhere(ctx); err != nil {
		t.Fatal(err)
	}
	addSource(t, s, "Ours", chipsText)
	if changed, err := s.ChangedElsewhere(ctx); err != nil || changed {
		t.Fatalf("our own import counted as a change elsewhere: %v %v", changed, err)
	}
	other, err := Open(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.CreateBriefing(ctx, &domain.Briefing{Title: "From the command line"}); err != nil {
		t.Fatal(err)
	}
	if changed, err := changedWithin(ctx, s); err != nil || !changed {
		t.Fatalf("another writer's briefing went unseen: %v %v", changed, err)
	}
	if changed, _ := s.ChangedElsewhere(ctx); changed {
		t.Fatal("the same change was reported twice")
	}
}

// A reading command (open, read, close) is no change: its closing used to
// checkpoint the log, which moved data_version, and an open Trash window
// reloaded under the analyst's click.
func TestReadingElsewhereIsNoChange(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	addSource(t, s, "Ours", chipsText)
	if _, err := s.ChangedElsewhere(ctx); err != nil {
		t.Fatal(err)
	}
	r, err := OpenExisting(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Sources(ctx, domain.SourceFilter{}); err != nil {
		t.Fatal(err)
	}
	r.Close()
	if changed, _ := s.ChangedElsewhere(ctx); changed {
		t.Fatal("a reading command counted as a change")
	}
}

// A commit elsewhere before the first look is seen too: the look starts
// from the library as it was opened, not from the first poll.
func TestChangedElsewhereBeforeTheFirstLook(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	other, err := Open(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.CreateBriefing(ctx, &domain.Briefing{Title: "Typed as the window came up"}); err != nil {
		t.Fatal(err)
	}
	if changed, err := changedWithin(ctx, s); err != nil || !changed {
		t.Fatalf("a briefing written before the first look went unseen: %v %v", changed, err)
	}
}

// changedWithin polls ChangedElsewhere for up to 2 s, the time an open
// window has to show another analyst's change: a team library's notices
// arrive a moment after the commit, a file's data_version at once.
func changedWithin(ctx context.Context, s *Store) (bool, error) {
	deadline := time.Now().Add(2 * time.Second)
	for {
		changed, err := s.ChangedElsewhere(ctx)
		if changed || err != nil || time.Now().After(deadline) {
			return changed, err
		}
		time.Sleep(20 * time.Millisecond)
	}
}
