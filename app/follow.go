package app

import (
	"context"
	"time"
)

// followEvery is how often the window looks for changes other programs
// made to the library; they show within about twice that.
var followEvery = time.Second

// follow keeps the window in step with changes made elsewhere (the
// command line, a second window on the same library): every view reloads
// what changed, and the open briefing takes them in (see checkElsewhere).
// It looks every `every`, read by the caller as the window is built: a
// test that changes followEvery then never races a window still starting.
func (u *UI) follow(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if changed, err := u.lib.ChangedElsewhere(ctx); err == nil && changed {
			u.do(func() {
				u.libraryChanged(changedEverything)
				if u.trashWin != nil {
					u.trashWin.reload()
				}
			})
		}
		u.do(u.briefings.composer.checkElsewhere)
	}
}
