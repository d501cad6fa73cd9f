package app

import (
	"io"
	"sync/atomic"
	"time"
	"unicode"

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
	ctx     context.Context
	app     fyne.App
	win     fyne.Window
	lib     Library
	nav     *widget.List
	body    *fyne.Container
	sidebar *sidebarLayout // folds the sidebar to icons in a narrow window

	library   *libraryScreen
	excerpts  *excerptsScreen
	briefings *briefingsScreen
	trashWin  *trashWindow               // the Trash window while it is open, to follow changes made elsewhere
	root      context.Context            // the app's context; ctx is this UI's, cancelled when its library is swapped
	cancel    context.CancelFunc         // stops this UI's background work when its library is swapped
	quitOut   io.Writer                  // where the last save at quit reports (set by lastSave)
	decided   bool                       // the analyst chose to close over unsaved edits
	closing   bool                       // the saves before closing the window are under way
	current   view                       // the view showing
	stale     [viewBriefings + 1]changes // what changed in the library since each view last loaded
	onQuit    func()                     // called as the main window closes (Run's watchdog)
	scale     atomic.Uint32              // the canvas's scale (float32 bits), for trackWindow
	sess      *session                   // what to show again at the next start
	libScheme domain.SchemeID            // the library's default marking scheme, as last read
}

// New builds the main window on lib without showing it.
func New(ctx context.Context, a fyne.App, lib Library) *UI {
	// Read before the window is built, which shows the Library and so
	// notes it as the view.
	sess := loadSession()
	v := sess.View
	uiGoroutine() // for good: the window is built where its events run (see uicheck.go)
	a, settingsErr := withSettings(a)
	u := newUI(ctx, a, lib, a.NewWindow("Attaché"), sess)
	u.watchSettings(settingsErr)
	u.fitWindow()
	u.restoreSession(v)
	return u
}

// newUI builds the screens on lib into win, which may already have shown
// another library (after restoring a backup).
func newUI(ctx context.Context, a fyne.App, lib Library, win fyne.Window, sess *session) *UI {
	u := &UI{app: a, lib: checked(lib), win: win, root: ctx, sess: sess}
	u.ctx, u.cancel = context.WithCancel(ctx)
	// The theme first: rows built under the system's variant and not
	// refreshed after a change of theme kept its text colour.
	u.applyTheme()
	u.library = newLibraryScreen(u)
	u.excerpts = newExcerptsScreen(u)
	u.briefings = newBriefingsScreen(u)
	go u.follow(u.ctx, followEvery)
	u.body = container.NewStack(u.library.content)
	u.nav = u.newNav()
	// The sidebar keeps its own width in every view; the views share one
	// divider position (see onShowView).
	u.sidebar = &sidebarLayout{u: u}
	main := container.New(u.sidebar, u.nav, widget.NewSeparator(), u.body)
	var banner fyne.CanvasObject
	if lib.ReadOnly() {
		banner = u.readOnlyBanner()
		u.win.SetTitle("Attaché — read-only")
	}
	u.win.SetContent(container.NewBorder(banner, nil, nil, nil, u.withNotices(main)))
	u.win.SetMainMenu(u.mainMenu())
	u.win.SetOnDropped(u.onDropped)
	u.library.reload()
	u.loadLibraryScheme(nil)
	u.offerSample()
	// Pending composer edits are saved before the window goes (and by Run
	// after the event loop ends: a lifecycle stop hook would deadlock Fyne
	// 2.7's shutdown, which queues it for a main loop that has finished).
	u.win.SetCloseIntercept(u.onCloseRequested)
	return u
}

// onCloseRequested saves pending edits before the window goes; edits that
// cannot be saved stop it closing until the analyst chooses what to do.
// The saves run off the UI goroutine, the window showing "Saving…" where
// the typing is; it closes once they land.
func (u *UI) onCloseRequested() {
	if u.closing {
		return // already saving to close
	}
	u.closing = true
	u.saveAllThen(func(left []unsavedEdit, err error) {
		u.closing = false
		if len(left) > 0 && !u.decided {
			u.onCloseUnsaved(left, err)
			return
		}
		u.closeWindow()
	})
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
			u.setNavRow(o.(*fyne.Container), icons[i], viewNames[i])
		})
	l.OnSelected = func(i widget.ListItemID) { u.onShowView(view(i)) }
	l.Select(0)
	return l
}

// onShowView switches the screen and reloads what it shows. Typing in
// the excerpts view's form is saved at once on the way out.
func (u *UI) onShowView(v view) {
	if u.body == nil {
		return
	}
	if u.current == viewExcerpts && v != viewExcerpts {
		u.excerpts.saveNow()
	}
	if from, to := u.splitOf(u.current), u.splitOf(v); from != to {
		to.SetOffset(from.Offset) // the list keeps its width from view to view
	}
	u.current = v
	var c fyne.CanvasObject
	switch v {
	case viewExcerpts:
		c = u.excerpts.content
	case viewBriefings:
		c = u.briefings.content
	default:
		c = u.library.content
	}
	u.rememberView(v)
	u.body.Objects = []fyne.CanvasObject{c}
	u.body.Refresh()
	u.stale[v] = changedEverything // shown again: whatever it shows may be old
	u.refresh(v)
	if u.nav != nil && u.nav.Length() > int(v) {
		u.nav.Select(widget.ListItemID(v))
	}
}

// listOffset is where each view's list ends and its detail begins, as a
// share of the room beside the sidebar, until the analyst drags it.
const listOffset = 0.38

// newListSplit puts a view's list beside its detail.
func newListSplit(list, detail fyne.CanvasObject) *container.Split {
	s := container.NewHSplit(list, detail)
	s.Offset = listOffset
	return s
}

// splitOf is view v's divider between list and detail.
func (u *UI) splitOf(v view) *container.Split {
	switch v {
	case viewExcerpts:
		return u.excerpts.split
	case viewBriefings:
		return u.briefings.split
	}
	return u.library.split
}

// changes say which parts of the library a write changed.
type changes uint8

const (
	changedSources changes = 1 << iota
	changedExcerpts
	changedBriefings

	changedEverything = changedSources | changedExcerpts | changedBriefings
)

// libraryChanged is called on the UI goroutine after every successful
// write: the view showing reloads what it shows at once, keeping its
// selection; the hidden ones reload when they are shown.
func (u *UI) libraryChanged(what changes) {
	for v := range u.stale {
		u.stale[v] |= what
	}
	u.refresh(u.current)
}

// refresh reloads the parts of view v that depend on what changed since
// it last loaded.
func (u *UI) refresh(v view) {
	what := u.stale[v]
	u.stale[v] = 0
	content := what&(changedSources|changedExcerpts) != 0 // source titles and excerpt counts show everywhere
	switch v {
	case viewLibrary:
		if content {
			u.library.refresh()
		}
	case viewExcerpts:
		if content {
			u.excerpts.reload()
		}
	case viewBriefings:
		if content {
			u.briefings.forgetCounts() // an excerpt's note counts in its briefings' words
			u.briefings.side.refresh() // the source beside the draft and its excerpts
		}
		if what != 0 {
			u.briefings.reload()
		}
		if content {
			u.briefings.composer.refresh() // its excerpt blocks may have changed
		}
	}
}

// showError tells the analyst what went wrong; nothing they typed is lost,
// since every form stays open or keeps its contents.
func (u *UI) showError(err error) {
	if err == nil || u.ctx.Err() != nil {
		return // nothing, or the screens were replaced (a restored backup)
	}
	msg := []rune(errorForUser(err).Error())
	if len(msg) > 0 {
		msg[0] = unicode.ToUpper(msg[0]) // as Fyne's error dialog shows it
	}
	u.inform("Error", string(msg))

}

// showForm shows a form dialog of the given size; submit runs when it is
// confirmed, with again to bring the form back as it was typed (after a
// failed save, say). Cancelling a form with changes asks first. The form
// is returned for a dialog whose fields come and go with a choice: its
// labels are greyed as their fields are only when it is refreshed.
func (u *UI) showForm(title, confirm string, items []*widget.FormItem, size fyne.Size, submit func(again func())) *widget.Form {
	return u.showFormLosing(title, confirm, items, size, submit, nil)
}

// showFormLosing is showForm whose Cancel asks only if lost names what
// would be lost ("" closes the form at once); nil asks, as showForm does,
// when any field was changed. A form whose fields are only choices, not
// the analyst's writing, need not ask about them.
func (u *UI) showFormLosing(title, confirm string, items []*widget.FormItem, size fyne.Size, submit func(again func()), lost func() string) *widget.Form {
	for _, it := range items {
		if sel, ok := it.Widget.(*widget.Select); ok {
			it.Widget = dialogSelectFor(sel) // hands Escape and Enter on
		}
	}
	form := widget.NewForm(items...)
	if lost == nil {
		start := formState(form)
		lost = func() string { return changesLost(form, start) }
	}
	var d *dialog.CustomDialog
	var show func()
	ok := newDialogButton(confirm, theme.ConfirmIcon(), nil)
	ok.Importance = widget.HighImportance
	send := func() {
		if ok.Disabled() {
			return // a field's error is showing under it
		}
		d.Hide()
		submit(show)
	}
	cancel := func() {
		d.Hide()
		u.askDiscardLosing(lost(), func() {}, show)
	}
	ok.OnTapped = send
	cancelBtn := newDialogButton("Cancel", theme.CancelIcon(), cancel)
	for _, b := range []*dialogButton{cancelBtn, ok} {
		b.setKeys(u.escape, nil) // Enter presses the focused button
	}
	if form.Validate() != nil {
		ok.Disable()
	}
	form.SetOnValidationChanged(func(err error) {
		if err != nil {
			ok.Disable()
		} else {
			ok.Enable()
		}
	})
	d = dialog.NewCustomWithoutButtons(title, fitScroll(form), u.win)
	d.SetButtons([]fyne.CanvasObject{cancelBtn, ok})
	d.Resize(fitInside(u.win, size))
	show = func() { u.showDialog(d, form, cancel, send) }
	show()
	return form
}

// fitScroll scrolls a dialog's fields vertically, so that the dialog fits
// a small window with its buttons in view, however many fields it has.
func fitScroll(fields fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVScroll(fields)
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
	uiDo(func() {
		if u.ctx.Err() == nil {
			f()
		}
	})
}

// uiDo runs f on the UI goroutine, as UI work (see uicheck.go). Every
// hand-over to the UI goroutine goes through it.
func uiDo(f func()) {
	uiPost(func() { runAs(roleUI, f) })
}

// uiPost is fyne.Do. Fyne's test driver runs fyne.Do on the caller's
// goroutine, so a timer or a goroutine would touch widgets beside the
// test; tests queue such work for the test's goroutine instead (see
// uiqueue_test.go), as the event loop does in a real run.
var uiPost = fyne.Do

// timeNow is the clock for new briefings' dates.
var timeNow = time.Now
