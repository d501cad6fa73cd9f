package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/attache/attache/store"
)

// withScreen pretends the usable screen is w×h pixels.
func withScreen(t *testing.T, w, h int) {
	t.Helper()
	old := screenSize
	screenSize = func() (int, int, bool) { return w, h, true }
	t.Cleanup(func() { screenSize = old })
}

// On a 1280×800 screen the first window used to be 1280×820: its bottom,
// with the status line, was off the screen.
func TestFirstWindowFitsTheScreen(t *testing.T) {
	for _, tc := range []struct {
		w, h  int
		scale float32
		want  fyne.Size
	}{
		{1280, 800, 1, fyne.NewSize(1280, 800)},
		{800, 600, 1, fyne.NewSize(800, 600)},
		{3840, 2160, 1, preferredSize},
		{2560, 1600, 2, fyne.NewSize(1280, 800)},
	} {
		withScreen(t, tc.w, tc.h)
		if got := fitTo(preferredSize, tc.scale); got != tc.want {
			t.Errorf("screen %d×%d at scale %v: window %v, want %v", tc.w, tc.h, tc.scale, got, tc.want)
		}
	}
	withScreen(t, 1024, 700)
	u, _ := newTestUI(t)
	var s fyne.Size
	fyne.DoAndWait(func() { u.fitWindow(); s = u.win.Canvas().Size() })
	if s.Width > 1024 || s.Height > 700 {
		t.Errorf("on a 1024×700 screen the window is %v", s)
	}
}

// Size, view and open briefing come back at the next start; the briefing
// only for the same library.
func TestWindowViewAndBriefingRememberedBetweenRuns(t *testing.T) {
	withScreen(t, 1920, 1080)
	u, lib := openSampleBriefing(t)
	id := u.briefings.composer.d.b.ID
	fyne.DoAndWait(func() {
		u.win.Resize(fyne.NewSize(1000, 700))
		u.rememberWindow() // as closing the window does
	})
	if err := u.saveSession(); err != nil { // as the app does once its loop ends
		t.Fatal(err)
	}
	next := New(context.Background(), u.app, lib)
	next.win.Show()
	t.Cleanup(func() { next.cancel() })
	eventually(t, "the briefing reopened", func() bool {
		c := next.briefings.composer
		return c.d != nil && c.d.b.ID == id
	})
	var s fyne.Size
	var shown fyne.CanvasObject
	fyne.DoAndWait(func() {
		s = next.win.Canvas().Size()
		shown = next.body.Objects[0]
	})
	if s != fyne.NewSize(1000, 700) {
		t.Errorf("window came back at %v, want 1000×700", s)
	}
	if shown != next.briefings.content {
		t.Error("the Briefings view was not shown again")
	}

	// Another library at the same settings opens no briefing.
	olib, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "other.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { olib.Close() })
	third := New(context.Background(), u.app, olib)
	t.Cleanup(func() { third.cancel() })
	if third.briefings.selected != 0 {
		t.Errorf("another library's start selected briefing %d", third.briefings.selected)
	}
}

// Closing the briefing (trash) forgets it.
func TestClosedBriefingIsNotReopened(t *testing.T) {
	u, _ := openSampleBriefing(t)
	fyne.DoAndWait(func() { u.briefings.closeComposer() })
	if got := u.sess.Briefing[u.libraryKey()]; got != 0 {
		t.Errorf("closed briefing still remembered: %d", got)
	}
}

// The source open in the reader comes back too; one moved to the trash
// since does not, and is forgotten.
func TestOpenSourceRememberedBetweenRuns(t *testing.T) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	dismissOverlays(u)
	fyne.DoAndWait(func() { u.library.reader.open(src.ID, -1) })
	eventually(t, "the source open", func() bool { return u.library.reader.source != nil })
	if err := u.saveSession(); err != nil {
		t.Fatal(err)
	}
	next := New(context.Background(), u.app, lib)
	t.Cleanup(func() { next.cancel() })
	eventually(t, "the source reopened", func() bool {
		r := next.library.reader
		return r.source != nil && r.source.ID == src.ID && r.text.Text() != ""
	})
	if err := lib.TrashSource(context.Background(), src.ID, false); err != nil {
		t.Fatal(err)
	}
	third := New(context.Background(), u.app, lib)
	t.Cleanup(func() { third.cancel() })
	eventually(t, "the trashed source forgotten", func() bool {
		var id int64
		fyne.DoAndWait(func() { id = third.sess.Source[third.libraryKey()] })
		return id == 0
	})
	if third.library.reader.source != nil {
		t.Fatal("a source in the trash was reopened")
	}
}

func TestSavedPositionMustBeOnTheScreen(t *testing.T) {
	for _, tc := range []struct {
		x, y int
		want bool
	}{{0, 0, true}, {300, 200, true}, {-1, 0, false}, {1900, 10, false}, {10, 1060, false}, {1819, 1029, true}} {
		if got := onScreen(tc.x, tc.y, 1920, 1080); got != tc.want {
			t.Errorf("onScreen(%d, %d) on 1920×1080 = %v", tc.x, tc.y, got)
		}
	}
}

// The session file round-trips; a damaged one is a first start, not an
// error, and a view number out of range shows the Library.
func TestSessionFile(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	s := loadSession()
	if s.View != viewLibrary || s.Width != 0 {
		t.Fatalf("a first start has %+v", s)
	}
	s.Width, s.Height, s.X, s.Y, s.Placed, s.View = 900, 640, 12, 34, true, viewExcerpts
	s.Briefing["k"] = 7
	if err := s.save(); err != nil {
		t.Fatal(err)
	}
	if got := loadSession(); got.Width != 900 || got.Height != 640 || got.X != 12 || got.Y != 34 || !got.Placed ||
		got.View != viewExcerpts || got.Briefing["k"] != 7 {
		t.Fatalf("read back %+v", got)
	}
	if fi, err := os.Stat(sessionFile()); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("session file: %v %v", fi.Mode(), err)
	}
	for _, bad := range []string{"{not json", `{"view": 9}`} {
		if err := os.WriteFile(sessionFile(), []byte(bad), 0o600); err != nil {
			t.Fatal(err)
		}
		if got := loadSession(); got.View != viewLibrary || got.Briefing == nil {
			t.Errorf("%q read as %+v", bad, got)
		}
	}
}
