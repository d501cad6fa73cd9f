package app

import (
	"crypto/sha256"
	"encoding/hex"
	"time"

	"fyne.io/fyne/v2"
)

// Preference keys for what the window looked like when it was last closed.
const (
	prefWindowWidth  = "windowWidth"
	prefWindowHeight = "windowHeight"
	prefLastView     = "lastView"
	prefLastBriefing = "lastBriefing:" // + a digest of the library's path
	prefLastSource   = "lastSource:"   // likewise
)

// preferredSize is the first window's size where the screen allows it.
var preferredSize = fyne.NewSize(1280, 820)

// screenSize is the usable screen in pixels; a variable for tests.
var screenSize = workArea

// fitWindow sizes the window: the size it had when last closed, or the
// preferred size, shrunk to fit the screen. There is no window manager to
// do this under Xvfb or in a kiosk session, and a window taller than the
// screen has its bottom (the status line, the last buttons) cut off.
func (u *UI) fitWindow() {
	p := u.app.Preferences()
	size := preferredSize
	if w, h := p.Float(prefWindowWidth), p.Float(prefWindowHeight); w >= 200 && h >= 150 {
		size = fyne.NewSize(float32(w), float32(h))
	}
	u.win.Resize(fitTo(size, u.app.Settings().Scale()))
	// The canvas's own scale (the monitor's density times the user's
	// setting) is known once the window is on screen: fit again with it.
	go func() {
		time.Sleep(300 * time.Millisecond)
		fyne.Do(func() {
			if u.ctx.Err() != nil {
				return
			}
			if s := u.win.Canvas().Scale(); s > 0 {
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

// rememberWindow keeps the window's size for the next start.
func (u *UI) rememberWindow() {
	s := u.win.Canvas().Size()
	if s.Width < 200 || s.Height < 150 {
		return // not laid out yet
	}
	p := u.app.Preferences()
	p.SetFloat(prefWindowWidth, float64(s.Width))
	p.SetFloat(prefWindowHeight, float64(s.Height))
}

// rememberView keeps the view on screen for the next start.
func (u *UI) rememberView(v view) { u.app.Preferences().SetInt(prefLastView, int(v)) }

// rememberBriefing keeps the open briefing (0 for none) for the next
// start, per library: another library's briefing 3 is another briefing.
func (u *UI) rememberBriefing(id int64) {
	u.app.Preferences().SetInt(u.lastBriefingKey(), int(id))
}

// rememberSource keeps the source open in the reader (0 for none), per
// library like the briefing.
func (u *UI) rememberSource(id int64) {
	u.app.Preferences().SetInt(u.libraryKey(prefLastSource), int(id))
}

func (u *UI) lastBriefingKey() string { return u.libraryKey(prefLastBriefing) }

// libraryKey is a preference key of this library's: prefix and a digest
// of its path.
func (u *UI) libraryKey(prefix string) string {
	sum := sha256.Sum256([]byte(u.lib.Path()))
	return prefix + hex.EncodeToString(sum[:8])
}

// lastView is the view on screen when the app was last closed. It is read
// before the window is built, which shows the Library and so records it.
func lastView(a fyne.App) view {
	v := view(a.Preferences().IntWithFallback(prefLastView, int(viewLibrary)))
	if v < viewLibrary || int(v) >= len(viewNames) {
		return viewLibrary
	}
	return v
}

// restoreSession shows the view, and opens the briefing, that were on
// screen when the app was last closed. A briefing deleted since is not
// found in the list, and nothing opens.
func (u *UI) restoreSession(v view) {
	p := u.app.Preferences()
	if id := p.Int(u.lastBriefingKey()); id > 0 {
		u.briefings.selected = int64(id)
	}
	if id := p.Int(u.libraryKey(prefLastSource)); id > 0 {
		u.library.reader.openQuietly(int64(id))
	}
	u.onShowView(v)
}
