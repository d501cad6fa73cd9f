//go:build linux && cgo

package app

/*
#cgo LDFLAGS: -lX11 -lXrandr
#include <stdlib.h>
#include <X11/Xlib.h>
#include <X11/Xatom.h>
#include <X11/extensions/Xrandr.h>

// attacheWorkArea finds the area a new window may use, in pixels: the
// desktop's work area (the screen less panels and docks) when a window
// manager publishes one, clipped to the primary monitor (a desktop
// spanning two monitors is not one place to open a window); the primary
// monitor, or the whole screen, otherwise. It returns 0 with no display.
static int attacheWorkArea(int *x, int *y, int *w, int *h) {
	Display *d = XOpenDisplay(NULL);
	if (!d) return 0;
	Window root = DefaultRootWindow(d);
	int scr = DefaultScreen(d);
	*x = 0; *y = 0; *w = DisplayWidth(d, scr); *h = DisplayHeight(d, scr);
	int n = 0;
	XRRMonitorInfo *mons = XRRGetMonitors(d, root, True, &n);
	if (mons && n > 0) {
		int k = 0;
		for (int i = 0; i < n; i++) if (mons[i].primary) { k = i; break; }
		*x = mons[k].x; *y = mons[k].y; *w = mons[k].width; *h = mons[k].height;
	}
	if (mons) XRRFreeMonitors(mons);
	Atom wa = XInternAtom(d, "_NET_WORKAREA", True);
	if (wa != None) {
		Atom type; int format; unsigned long items, after; unsigned char *data = NULL;
		if (XGetWindowProperty(d, root, wa, 0, 4, False, XA_CARDINAL, &type, &format, &items, &after, &data) == Success
			&& data && format == 32 && items >= 4) {
			long *v = (long *)data;
			int x0 = *x > v[0] ? *x : v[0], y0 = *y > v[1] ? *y : v[1];
			int x1 = (*x + *w) < (v[0] + v[2]) ? (*x + *w) : (v[0] + v[2]);
			int y1 = (*y + *h) < (v[1] + v[3]) ? (*y + *h) : (v[1] + v[3]);
			if (x1 > x0 && y1 > y0) { *x = x0; *y = y0; *w = x1 - x0; *h = y1 - y0; }
		}
		if (data) XFree(data);
	}
	XCloseDisplay(d);
	return 1;
}
*/
import "C"

// workArea is the screen area, in pixels, that the first window may use;
// ok is false when it cannot be told.
func workArea() (w, h int, ok bool) {
	var x, y, cw, ch C.int
	if C.attacheWorkArea(&x, &y, &cw, &ch) == 0 || cw <= 0 || ch <= 0 {
		return 0, 0, false
	}
	return int(cw), int(ch), true
}
