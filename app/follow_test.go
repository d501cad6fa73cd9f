package app

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/store"
)

// A source imported by the command line while the window is open shows
// in the Library within two seconds, without the analyst doing anything.
func TestLibraryViewFollowsAnotherProgram(t *testing.T) {
	u, lib := newTestUI(t)
	dismissOverlays(u)
	fyne.DoAndWait(func() { u.onShowView(viewLibrary) })
	eventually(t, "the empty library", func() bool { return len(u.library.sources) == 0 })
	sleepUI(followEvery + 100*time.Millisecond) // the window has looked once
	other, err := store.Open(context.Background(), lib.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	start := time.Now()
	src := &domain.Source{Kind: domain.KindArticle, Title: "Imported by the command line", Text: "Some text."}
	if _, err := other.CreateSource(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the source in the list", func() bool {
		return len(u.library.sources) == 1 && u.library.sources[0].Title == src.Title
	})
	// The issue asks for 2 s; the acceptance suite holds the real binary to
	// it. Here, on a loaded machine, a second of slack for the test driver.
	if took := time.Since(start); took > 3*time.Second {
		t.Fatalf("shown after %v", took)
	}
}
