package app

import "fyne.io/fyne/v2"

// dropToolkitStopHook removes the stop hook Fyne 2.7 installs to flush its
// own preferences file. The GLFW driver hands that hook to its event-queue
// goroutine while the main loop drains and closes its function queue; when
// the goroutine loses that race it sends on the closed queue and the
// process dies with "panic: send on closed channel" (exit status 2, the
// last save cut short), seen after SIGTERM on a busy machine. Attaché keeps
// its settings in a file of its own (prefs.go) and never writes Fyne's, so
// the hook saves nothing: without it no event is queued at shutdown and
// there is no race. A lifecycle without the hook (the test driver's) is
// left as it is.
func dropToolkitStopHook(a fyne.App) bool {
	l, ok := a.Lifecycle().(interface{ SetOnStoppedHookExecuted(func()) })
	if ok {
		l.SetOnStoppedHookExecuted(nil)
	}
	return ok
}
