package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"github.com/attache/attache/internal/atomicfile"
)

// session is what the window looked like when it was last closed: its
// size and place, the view, and per library the open briefing and source.
// It is kept in a file of its own, written as the app ends: Fyne's
// preferences are written a moment after a change, which a quit right
// after never waits for (the window's size was lost at every quit).
type session struct {
	Width    float32          `json:"width,omitempty"`
	Height   float32          `json:"height,omitempty"`
	X        int              `json:"x"`
	Y        int              `json:"y"`
	Placed   bool             `json:"placed,omitempty"` // X and Y are known
	View     view             `json:"view"`
	Briefing map[string]int64 `json:"briefing,omitempty"` // by libraryKey
	Source   map[string]int64 `json:"source,omitempty"`

	// mu guards the fields: the window's place is noted from a goroutine
	// of its own (see trackWindow).
	mu sync.Mutex
}

// sessionFile is where the session is kept; "" when there is no
// configuration folder.
func sessionFile() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "attache", "window.json")
}

// loadSession reads the last session; a missing or unreadable file is a
// first start.
func loadSession() *session {
	s := &session{}
	if data, err := os.ReadFile(sessionFile()); err == nil {
		_ = json.Unmarshal(data, s) // a damaged file: start afresh
	}
	if s.View < viewLibrary || int(s.View) >= len(viewNames) {
		s.View = viewLibrary
	}
	if s.Briefing == nil {
		s.Briefing = map[string]int64{}
	}
	if s.Source == nil {
		s.Source = map[string]int64{}
	}
	return s
}

// save writes the session, replacing the file whole.
func (s *session) save() error {
	path := sessionFile()
	if path == "" {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	s.mu.Lock()
	data, err := json.MarshalIndent(s, "", "  ")
	s.mu.Unlock()
	if err != nil {
		return err
	}
	return atomicfile.Write(context.Background(), path, 0o600, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// preferredSize is the first window's size where the screen allows it.
var preferredSize = fyne.NewSize(1280, 820)

// screenSize is the usable screen in pixels; a variable for tests.
var screenSize = workArea

// fitWindow sizes the window: the size it had when last closed, or the
// preferred size, shrunk to fit the screen. There is no window manager to
// do this under Xvfb or in a kiosk session, and a window taller than the
// screen has its bottom (the status line, the last buttons) cut off.
func (u *UI) fitWindow() {
	size := preferredSize
	if u.sess.Width >= 200 && u.sess.Height >= 150 {
		size = fyne.NewSize(u.sess.Width, u.sess.Height)
	}
	u.win.Resize(fitTo(size, u.app.Settings().Scale()))
	x, y, placed := u.sess.X, u.sess.Y, u.sess.Placed
	// The canvas's own scale (the monitor's density times the user's
	// setting) is known once the window is on screen: fit again with it.
	go func() {
		time.Sleep(300 * time.Millisecond)
		if placed {
			placeWindow(x, y)
		}
		go u.trackWindow()
		uiDo(func() {
			if u.ctx.Err() != nil {
				return
			}
			if s := u.win.Canvas().Scale(); s > 0 {
				u.scale.Store(math.Float32bits(s))
				if fitted := fitTo(u.win.Canvas().Size(), s); fitted != u.win.Canvas().Size() {
					u.win.Resize(fitted)
				}
			}
		})
	}()
}

// fitTo shrinks size (in Fyne units) to the usable screen at the given
// scale (pixels per unit).
func fitTo(size fyne.Size, scale float32) fyne.Size {
	w, h, ok := screenSize()
	if !ok || scale <= 0 {
		return size
	}
	maxW, maxH := float32(w)/scale, float32(h)/scale
	return fyne.NewSize(min(size.Width, maxW), min(size.Height, maxH))
}

// rememberWindow notes the window's size and place, as it closes (UI
// goroutine).
func (u *UI) rememberWindow() {
	s := u.win.Canvas().Size()
	if s.Width < 200 || s.Height < 150 {
		return // not laid out yet
	}
	u.sess.mu.Lock()
	defer u.sess.mu.Unlock()
	u.sess.Width, u.sess.Height = s.Width, s.Height
	if x, y, _, _, ok := windowGeometry(); ok {
		u.sess.X, u.sess.Y, u.sess.Placed = x, y, true
	}
}

// trackWindow notes the window's place and size every second, from the
// X server, until the screens go: a quit by signal races Fyne's own
// handler of it, which can end the event loop before the window could be
// measured.
func (u *UI) trackWindow() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-u.ctx.Done():
			return
		case <-t.C:
		}
		x, y, w, h, ok := windowGeometry()
		scale := math.Float32frombits(u.scale.Load())
		if !ok || scale <= 0 || w < 200 || h < 150 {
			continue
		}
		u.sess.mu.Lock()
		u.sess.X, u.sess.Y, u.sess.Placed = x, y, true
		u.sess.Width, u.sess.Height = float32(w)/scale, float32(h)/scale
		u.sess.mu.Unlock()
	}
}

// saveSession writes what was noted for the next start; Run calls it once
// the event loop has ended, off the screen's way.
func (u *UI) saveSession() error { return u.sess.save() }

// placeWindow puts the window where it was when last closed, if that is
// still on the screen (a monitor unplugged since, say, it is not): Fyne
// has no call for a window's position, so it goes through the X server.
// The window may not be on screen yet on a busy machine: it is looked
// for during a few seconds.
func placeWindow(x, y int) {
	if w, h, ok := screenSize(); !ok || !onScreen(x, y, w, h) {
		return
	}
	for range 50 {
		if moveWindow(x, y) {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// onScreen tells whether a window at x, y keeps its title bar on a w×h
// screen.
func onScreen(x, y, w, h int) bool { return x >= 0 && y >= 0 && x < w-100 && y < h-50 }

// rememberView notes the view on screen.
func (u *UI) rememberView(v view) { u.sess.mu.Lock(); u.sess.View = v; u.sess.mu.Unlock() }

// rememberBriefing notes the open briefing (0 for none), per library:
// another library's briefing 3 is another briefing.
func (u *UI) rememberBriefing(id int64) {
	u.sess.mu.Lock()
	u.sess.Briefing[u.libraryKey()] = id
	u.sess.mu.Unlock()
}

// rememberSource notes the source open in the reader (0 for none), per
// library like the briefing.
func (u *UI) rememberSource(id int64) {
	u.sess.mu.Lock()
	u.sess.Source[u.libraryKey()] = id
	u.sess.mu.Unlock()
}

// libraryKey names this library in the session: a digest of its path.
func (u *UI) libraryKey() string {
	sum := sha256.Sum256([]byte(u.lib.Path()))
	return hex.EncodeToString(sum[:8])
}

// restoreSession shows the view, and opens the briefing and source, that
// were on screen when the app was last closed. A briefing deleted since
// is not found in the list, and nothing opens.
func (u *UI) restoreSession(v view) {
	if id := u.sess.Briefing[u.libraryKey()]; id > 0 {
		u.briefings.selected = id
	}
	if id := u.sess.Source[u.libraryKey()]; id > 0 {
		u.library.reader.openQuietly(id)
	}
	u.onShowView(v)
}
