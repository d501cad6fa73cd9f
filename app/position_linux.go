//go:build linux && cgo

package app

/*
#cgo LDFLAGS: -lX11
#include <unistd.h>
#include <X11/Xlib.h>
#include <X11/Xatom.h>

// attacheLong reads the first n CARDINALs of property name on w; it
// returns how many it read.
static int attacheLong(Display *d, Window w, const char *name, long *out, int n) {
	Atom a = XInternAtom(d, name, True), type;
	if (a == None) return 0;
	int format; unsigned long items = 0, after; unsigned char *data = NULL;
	if (XGetWindowProperty(d, w, a, 0, n, False, XA_CARDINAL, &type, &format, &items, &after, &data) != Success || !data) return 0;
	int got = 0;
	if (format == 32) for (; got < n && got < (int)items; got++) out[got] = ((long *)data)[got];
	XFree(data);
	return got;
}

// attacheFind finds this process's largest mapped top-level window (the
// main window; Fyne draws its dialogs inside it) by _NET_WM_PID, which
// GLFW sets.
static Window attacheFind(Display *d, Window w, long pid, long *best, int depth) {
	Window found = 0, root, parent, *kids = NULL;
	unsigned int n = 0;
	long p;
	XWindowAttributes at;
	if (attacheLong(d, w, "_NET_WM_PID", &p, 1) == 1 && p == pid &&
		XGetWindowAttributes(d, w, &at) && at.map_state == IsViewable && (long)at.width * at.height > *best) {
		*best = (long)at.width * at.height;
		found = w;
	}
	if (depth < 3 && XQueryTree(d, w, &root, &parent, &kids, &n)) {
		for (unsigned int i = 0; i < n; i++) {
			Window f = attacheFind(d, kids[i], pid, best, depth + 1);
			if (f) found = f;
		}
		if (kids) XFree(kids);
	}
	return found;
}

// attacheWindowPos gives the outer top-left of the main window (its frame
// included, so that moving it there puts it back where it was) and its
// inner size.
static int attacheWindowPos(int *x, int *y, int *width, int *height) {
	Display *d = XOpenDisplay(NULL);
	if (!d) return 0;
	long best = 0;
	Window root = DefaultRootWindow(d), w = attacheFind(d, root, (long)getpid(), &best, 0), child;
	XWindowAttributes at;
	int ok = 0;
	if (w && XGetWindowAttributes(d, w, &at) && XTranslateCoordinates(d, w, root, 0, 0, x, y, &child)) {
		*width = at.width; *height = at.height;
		long ext[4] = {0, 0, 0, 0}; // left, right, top, bottom
		attacheLong(d, w, "_NET_FRAME_EXTENTS", ext, 4);
		*x -= ext[0]; *y -= ext[2];
		ok = 1;
	}
	XCloseDisplay(d);
	return ok;
}

static int attacheMoveWindow(int x, int y) {
	Display *d = XOpenDisplay(NULL);
	if (!d) return 0;
	long best = 0;
	Window w = attacheFind(d, DefaultRootWindow(d), (long)getpid(), &best, 0);
	if (w) { XMoveWindow(d, w, x, y); XFlush(d); }
	XCloseDisplay(d);
	return w != 0;
}
*/
import "C"

// windowGeometry is where the main window is on the screen and its size,
// in pixels; ok is false where that cannot be told (Fyne has no call for
// it). Any goroutine may ask: it uses a connection of its own.
func windowGeometry() (x, y, w, h int, ok bool) {
	var cx, cy, cw, ch C.int
	if C.attacheWindowPos(&cx, &cy, &cw, &ch) == 0 {
		return 0, 0, 0, 0, false
	}
	return int(cx), int(cy), int(cw), int(ch), true
}

// moveWindow puts the main window at x, y on the screen, in pixels.
func moveWindow(x, y int) bool { return C.attacheMoveWindow(C.int(x), C.int(y)) != 0 }
