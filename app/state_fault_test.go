//go:build linux

package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/attache/attache/internal/testfs"
)

// A failed save of the excerpt form keeps the typing, says so, retries,
// and on close offers a rescue copy.
func TestExcerptFormOnAFullDiskKeepsTheTypingAndRescuesIt(t *testing.T) {
	withDelays(t, 20*time.Millisecond, 50*time.Millisecond)
	ctx := context.Background()
	dir := testfs.Tmpfs(t, "16m")
	u, lib := newTestUIAt(t, filepath.Join(dir, "library.db"))
	fyne.DoAndWait(u.onLoadSample)
	eventually(t, "the sample", func() bool { st, _ := lib.Stats(ctx); return st.Excerpts >= 8 })
	dismissOverlays(u)
	fyne.DoAndWait(func() { u.onShowView(viewExcerpts) })
	eventually(t, "the excerpts", func() bool { return len(u.excerpts.excerpts) >= 8 })
	fyne.DoAndWait(func() { u.excerpts.list.Select(0) })
	id := u.excerpts.excerpts[0].ID
	if err := lib.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	free := testfs.Fill(t, dir)
	defer free()
	note := strings.Repeat("An hour of careful reading went into this note. ", 20)
	fyne.DoAndWait(func() { u.excerpts.fields.note.SetText(note) })
	eventually(t, "the failure", func() bool { return u.excerpts.saving.Text == "Not saved — retrying" })
	eventually(t, "the message", func() bool { return overlayContains(u, "not saved yet: the disk is full") })
	// Away and back: the typing is still there.
	fyne.DoAndWait(func() { u.excerpts.list.Select(1) })
	fyne.DoAndWait(func() { u.onShowView(viewLibrary); u.onShowView(viewExcerpts) })
	eventually(t, "the list", func() bool { return len(u.excerpts.excerpts) >= 8 })
	fyne.DoAndWait(func() {
		for i, e := range u.excerpts.excerpts {
			if e.ID == id {
				u.excerpts.list.Select(i)
			}
		}
	})
	if u.excerpts.fields.note.Text != note {
		t.Fatalf("after leaving it the form shows %.40q", u.excerpts.fields.note.Text)
	}
	// Closing asks, and the rescue copy holds the note.
	fyne.DoAndWait(u.onCloseRequested)
	eventually(t, "the question", func() bool { return overlayContains(u, "the note on the excerpt") })
	tmp := filepath.Join(os.TempDir(), fmt.Sprintf("attache-rescue-%d", os.Getuid()))
	_, statErr := os.Stat(tmp)
	confirmForm(t, u, "Save a copy elsewhere and close")
	eventually(t, "the note", func() bool { return overlayContains(u, "copy them back in the Excerpts view") })
	matches, _ := filepath.Glob(filepath.Join(tmp, fmt.Sprintf("excerpt-%d-unsaved-*.txt", id)))
	found := false
	for _, m := range matches {
		b, err := os.ReadFile(m)
		found = found || err == nil && strings.Contains(string(b), strings.TrimSpace(note))
		os.Remove(m)
	}
	if os.IsNotExist(statErr) {
		os.Remove(tmp) // only if empty: leave the temporary folder as found
	}
	if !found {
		t.Fatal("no rescue copy holds the note")
	}
	// Once the disk has room the retry lands.
	free()
	eventually(t, "the retry", func() bool {
		e, err := lib.Excerpt(ctx, id)
		return err == nil && e.Note == strings.TrimSpace(note)
	})
}
