//go:build linux && cgo

package app

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>

extern void attacheDisplayLost(void);

static int attacheOnIOError(Display *d) {
	attacheDisplayLost();
	return 0; // not reached: attacheDisplayLost exits
}

static void attacheWatchDisplay(void) {
	XSetIOErrorHandler(attacheOnIOError);
}
*/
import "C"

import (
	"os"
	"sync/atomic"
)

// displayLost runs when the X server goes away under the app, as it does
// when a session ends before its programs are signalled. Xlib would
// otherwise exit the process on the spot and lose the last autosave.
var displayLost atomic.Pointer[func()]

// watchDisplay saves pending edits (through lost) if the display dies.
func watchDisplay(lost func()) {
	displayLost.Store(&lost)
	C.attacheWatchDisplay()
}

//export attacheDisplayLost
func attacheDisplayLost() {
	// Xlib calls this on the thread that found the connection gone, which
	// is the UI's own: the draft can be read here without a race.
	if f := displayLost.Load(); f != nil {
		(*f)()
	}
	os.Exit(0)
}
