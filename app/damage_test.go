//go:build linux

package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/testfs"
	"github.com/attache/attache/store"
)

// sampleWithBackup opens a library at path holding the sample briefing and
// returns it with its automatic backup.
func sampleWithBackup(t *testing.T, path string) (*UI, *store.Store, string) {
	t.Helper()
	ctx := context.Background()
	u, lib := newTestUIAt(t, path)
	fyne.DoAndWait(u.onLoadSample)
	eventually(t, "the sample", func() bool { st, _ := lib.Stats(ctx); return st.Briefings == 1 })
	dismissOverlays(u)
	backup, err := lib.AutoBackup(ctx)
	if err != nil || backup == "" {
		t.Fatalf("backup = %q, %v", backup, err)
	}
	return u, lib, backup
}

// otherLibrarysBackup makes another library beside path and plants its
// backup among path's, named as path's newest, in the library's backups
// folder and in the shared one earlier versions used.
func otherLibrarysBackup(t *testing.T, path string) []string {
	t.Helper()
	ctx := context.Background()
	zeta, err := store.Open(ctx, filepath.Join(filepath.Dir(path), "zeta.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer zeta.Close()
	planted := []string{
		filepath.Join(store.BackupDir(path), "library-20300101-000000-daily.db"),
		filepath.Join(filepath.Dir(path), "backups", "library-20300102-000000-daily.db"),
	}
	for _, p := range planted {
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := zeta.Backup(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	return planted
}

// The damage dialog offers, and restores, this library's own backup, never
// another library's, however its file is named.
func TestDamageDialogOffersOnlyThisLibrarysBackup(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	_, lib, own := sampleWithBackup(t, path)
	planted := otherLibrarysBackup(t, path)
	lib.Close()
	testfs.DamagePages(t, path, "who builds the radio")

	u, lib := newTestUIAt(t, path)
	var restored *UI
	fyne.DoAndWait(func() {
		u.checkLibrary(storeOpener(path), func(r *UI, closeFn func()) { restored = r; t.Cleanup(closeFn) }, func() { lib.Close() })
	})
	eventually(t, "the damage dialog", func() bool {
		return overlayContains(u, "Restore the newest automatic backup of this library, "+filepath.Base(own))
	})
	for _, p := range planted {
		if overlayContains(u, filepath.Base(p)) {
			t.Fatalf("the dialog offers another library's backup %s", p)
		}
	}
	if !overlayContains(u, "makes no more changes to it") {
		t.Fatal("the dialog does not say the library takes no more changes")
	}
	confirmForm(t, u, "Restore the backup")
	eventually(t, "the restored library", func() bool { return restored != nil })
	if st, _ := unwrapLibrary(restored.lib).(*store.Store).Stats(ctx); st.Briefings != 1 || st.Sources != sampleSources {
		t.Fatalf("restored library holds %+v, want the sample", st)
	}
}

// A library file emptied to 0 bytes is not opened as a new library: the
// window says the file was empty and offers its newest backup.
func TestAnEmptiedLibraryOffersItsBackupAtStart(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	_, lib, own := sampleWithBackup(t, path)
	otherLibrarysBackup(t, path)
	lib.Close()
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	op := storeOpener(path)
	opened, _, err := op.Open(ctx)
	if err == nil {
		opened.(*store.Store).Close()
		t.Fatal("the emptied library opened as a new one")
	}
	if !op.Damaged(err) {
		t.Fatalf("the emptied library is not offered a backup: %v", err)
	}
	backup := op.NewestBackup()
	if backup != own {
		t.Fatalf("offered %q, want this library's %q", backup, own)
	}
	a := fyne.CurrentApp()
	var started Library
	fyne.DoAndWait(func() {
		showRecovery(ctx, a, op, backup, err, func(l Library, closeFn func()) { started = l; t.Cleanup(closeFn) })
	})
	w := a.Driver().AllWindows()[len(a.Driver().AllWindows())-1]
	var restore *widget.Button
	found := false
	walk(w.Content(), func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			found = found || strings.Contains(x.Text, "is empty (0 bytes)") && strings.Contains(x.Text, filepath.Base(own))
		case *widget.Button:
			if x.Text == "Restore the backup" {
				restore = x
			}
		}
	})
	if !found || restore == nil {
		t.Fatal("the window does not say the file was empty and offer the backup")
	}
	test.Tap(restore)
	eventually(t, "the restored library", func() bool { return started != nil })
	if st, _ := started.(*store.Store).Stats(ctx); st.Briefings != 1 {
		t.Fatalf("restored library holds %+v, want the sample", st)
	}
}

// Once the check at start has found damage, the composer's saves are
// refused with the reason and the typing stays on screen; the library
// keeps what it had.
func TestEditsAfterDamageIsFoundAreRefusedAndKept(t *testing.T) {
	withDelays(t, 20*time.Millisecond, time.Hour)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	_, lib, _ := sampleWithBackup(t, path)
	// A long source of its own, so the damage spares what the briefing
	// list and the composer read.
	long := &domain.Source{Kind: domain.KindArticle, Title: "Long", Text: strings.Repeat("Overflow ZQXJ. ", 30000)}
	if _, err := lib.CreateSource(ctx, long); err != nil {
		t.Fatal(err)
	}
	lib.Close()
	testfs.DamagePages(t, path, "Overflow ZQXJ")

	u, lib := newTestUIAt(t, path)
	fyne.DoAndWait(func() { u.checkLibrary(storeOpener(path), func(*UI, func()) {}, func() {}) })
	eventually(t, "the damage dialog", func() bool { return overlayContains(u, "has damaged pages") })
	dismissOverlays(u)
	fyne.DoAndWait(func() { u.onShowView(viewBriefings) })
	eventually(t, "the list", func() bool { return u.briefings.list.Length() == 1 })
	fyne.DoAndWait(func() { u.briefings.list.Select(0) })
	c := u.briefings.composer
	eventually(t, "the composer", func() bool { return c.d != nil })
	id, before := c.d.b.ID, c.d.b.Title
	fyne.DoAndWait(func() { c.title.SetText("Typed after the damage was found") })
	eventually(t, "the refusal", func() bool { return overlayContains(u, "so Attaché makes no more changes to it") })
	if c.title.Text != "Typed after the damage was found" {
		t.Fatalf("the typing is gone: %q", c.title.Text)
	}
	if b, err := lib.Briefing(ctx, id); err != nil || b.Title != before {
		t.Fatalf("the library now holds %q (%v), want %q", b.Title, err, before)
	}
}
