package app

import (
	"time"

	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

// view names the screens the sidebar switches between.
type view int

const (
	viewLibrary view = iota
	viewExcerpts
	viewBriefings
)

var viewNames = []string{"Library", "Excerpts", "Briefings"}

// UI is the main window: a sidebar of views beside the current screen.
type UI struct {
	ctx  context.Context
	app  fyne.App
	win  fyne.Window
	lib  Library
	nav  *widget.List
	body *fyne.Container

	library   *libraryScreen
	excerpts  *excerptsScreen
	briefings *briefingsScreen
	root      context.Context    // the app's context; ctx is this UI's, cancelled when its library is swapped
	cancel    context.CancelFunc // stops this UI's background work when its library is swapped
	decided   bool               // the analyst chose to close over unsaved edits
	onQuit    func()             // called as the main window closes (Run's watchdog)
}

// New builds the main window on lib without showing it.
func New(ctx context.Context, a fyne.App, lib Library) *UI {
	v := lastView(a)
	u := newUI(ctx, a, lib, a.NewWindow("Attaché"))
	u.fitWindow()
	u.restoreSession(v)
	return u
}

// newUI builds the screens on lib into win, which may already have shown
// another library (after restoring a backup).
func newUI(ctx context.Context, a fyne.App, lib Library, win fyne.Window) *UI {
	u := &UI{app: a, lib: lib, win: win, root: ctx}
	u.ctx, u.cancel = context.WithCancel(ctx)
	// The theme first: rows built under the system's variant and not
	// refreshed after a change of theme kept its text colour.
	u.applyTheme()
	u.library = newLibraryScreen(u)
	u.excerpts = newExcerptsScreen(u)
	u.briefings = newBriefingsScreen(u)
	u.body = container.NewStack(u.library.content)
	u.nav = u.newNav()
	split := container.NewHSplit(u.nav, u.body)
	split.Offset = 0.14
	var banner fyne.CanvasObject
	if lib.ReadOnly() {
		banner = u.readOnlyBanner()
		u.win.SetTitle("Attaché — read-only")
	}
	u.win.SetContent(container.NewBorder(banner, nil, nil, nil, u.withNotices(split)))
	u.win.SetMainMenu(u.mainMenu())
	u.win.SetOnDropped(u.onDropped)
	u.library.reload()
	u.offerSample()
	// Pending composer edits are saved before the window goes (and by Run
	// after the event loop ends: a lifecycle stop hook would deadlock Fyne
	// 2.7's shutdown, which queues it for a main loop that has finished).
	u.win.SetCloseIntercept(u.onCloseRequested)
	return u
}

// onCloseRequested saves pending edits before the window goes; edits that
// cannot be saved stop it closing until the analyst chooses what to do.
func (u *UI) onCloseRequested() {
	if left, err := u.unsaved(); len(left) > 0 && !u.decided {
		u.onCloseUnsaved(left, err)
		return
	}
	u.closeWindow()
}

// closeWindow closes the main window, which quits the app.
func (u *UI) closeWindow() {
	u.rememberWindow()
	if u.onQuit != nil {
		u.onQuit()
	}
	u.win.Close()
}

// Window is the main window, for tests and the caller.
func (u *UI) Window() fyne.Window { return u.win }

func (u *UI) newNav() *widget.List {
	icons := []fyne.Resource{theme.FolderOpenIcon(), theme.ContentCutIcon(), theme.DocumentIcon()}
	l := widget.NewList(func() int { return len(viewNames) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.FolderOpenIcon()), widget.NewLabel("Briefings"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(icons[i])
			row.Objects[1].(*widget.Label).SetText(viewNames[i])
		})
	l.OnSelected = func(i widget.ListItemID) { u.onShowView(view(i)) }
	l.Select(0)
	return l
}

// onShowView switches the screen and refreshes what it shows.
func (u *UI) onShowView(v view) {
	if u.body == nil {
		return
	}
	var c fyne.CanvasObject
	switch v {
	case viewExcerpts:
		c = u.excerpts.content
		u.excerpts.reload()
	case viewBriefings:
		c = u.briefings.content
		u.briefings.reload()
	default:
		c = u.library.content
	}
	u.rememberView(v)
	u.body.Objects = []fyne.CanvasObject{c}
	u.body.Refresh()
	if u.nav != nil && u.nav.Length() > int(v) {
		u.nav.Select(widget.ListItemID(v))
	}
}

// showError tells the analyst what went wrong; nothing they typed is lost,
// since every form stays open or keeps its contents.
func (u *UI) showError(err error) {
	if err == nil || u.ctx.Err() != nil {
		return // nothing, or the screens were replaced (a restored backup)
	}
	u.showDialog(dialog.NewError(errorForUser(err), u.win), nil, nil, nil)
}

// showForm shows a form dialog of the given size; submit runs when it is
// confirmed, with again to bring the form back as it was typed (after a
// failed save, say). Cancelling a form with changes asks first.
func (u *UI) showForm(title, confirm string, items []*widget.FormItem, size fyne.Size, submit func(again func())) {
	var d *dialog.FormDialog
	content := formContent(items)
	start := formState(content)
	show := func() { u.showDialog(d, content, nil, d.Submit) }
	d = dialog.NewForm(title, confirm, "Cancel", items, func(ok bool) {
		if ok {
			submit(show)
		} else {
			u.askDiscard(content, start, func() {}, show) // Cancel or Escape
		}
	}, u.win)
	d.Resize(size)
	show()
}

// showIf shows the objects if visible is true, and hides them otherwise.
func showIf(visible bool, objects ...fyne.CanvasObject) {
	for _, o := range objects {
		if visible {
			o.Show()
		} else {
			o.Hide()
		}
	}
}

type userError struct{ msg string }

func (e userError) Error() string { return e.msg }

func errorForUser(err error) error { return userError{domain.ErrorMessage(err)} }

// background runs work off the UI goroutine; its results come back through
// UI.do. Tests run it inline, since the test driver has no UI goroutine
// and runs fyne.Do on the caller's.
var background = func(f func()) { go f() }

// do hands the result of background work to the UI goroutine (fyne.Do),
// unless this UI's screens have been replaced (a restored backup) or the
// app is quitting: an old screen's late result then shows nothing.
func (u *UI) do(f func()) {
	fyne.Do(func() {
		if u.ctx.Err() == nil {
			f()
		}
	})
}

// timeNow is the clock for new briefings' dates.
var timeNow = time.Now
