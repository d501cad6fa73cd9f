package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// noticeDelay is how long a notice stays; one with a button (Undo) stays
// longer, so there is time to reach it.
var noticeDelay = 5 * time.Second

// noticeBar is the strip at the bottom of the window where what just
// happened is said without a dialog to dismiss: it takes no focus and
// goes by itself after a few seconds.
type noticeBar struct {
	frame   *fyne.Container // the screens with the bar under them
	content *fyne.Container
	text    *widget.Label
	action  *widget.Button
	run     func() // the action button's work
	shown   int    // counts notices, so an older one's timer leaves a newer one be
}

// notices are the notice bars of the windows (UI goroutine only).
var notices = map[fyne.Window]*noticeBar{}

// withNotices puts the window's notice bar under screens.
func (u *UI) withNotices(screens fyne.CanvasObject) fyne.CanvasObject {
	b := &noticeBar{text: widget.NewLabel("")}
	b.text.Wrapping = fyne.TextWrapWord
	b.action = widget.NewButton("", func() {
		run := b.run
		b.hide()
		if run != nil {
			run()
		}
	})
	b.action.Importance = widget.HighImportance
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), b.hide)
	closeBtn.Importance = widget.LowImportance
	b.content = container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil,
		widget.NewIcon(theme.InfoIcon()), container.NewHBox(b.action, closeBtn), b.text))
	b.content.Hide()
	b.frame = container.NewBorder(nil, b.content, nil, nil, screens)
	notices[u.win] = b
	return b.frame
}

// notify says msg at the bottom of the window for a few seconds.
func (u *UI) notify(msg string) { u.notifyAction(msg, "", nil) }

// notifyAction is notify with a button labelled label that runs fn and
// closes the notice.
func (u *UI) notifyAction(msg, label string, fn func()) {
	b := notices[u.win]
	if b == nil || u.ctx.Err() != nil {
		return // no bar (a window built without one) or the screens replaced
	}
	b.shown++
	n := b.shown
	b.text.SetText(msg)
	b.run = fn
	b.action.SetText(label)
	showIf(label != "" && fn != nil, b.action)
	b.content.Show()
	b.frame.Refresh() // lay the screens out again above it
	stay := noticeDelay
	if fn != nil {
		stay *= 2
	}
	time.AfterFunc(stay, func() {
		uiDo(func() {
			if b.shown == n {
				b.hide()
			}
		})
	})
}

func (b *noticeBar) hide() {
	b.run = nil
	b.content.Hide()
	b.frame.Refresh()
}

// notice is the message showing, "" when none, for tests.
func (u *UI) notice() string {
	if b := notices[u.win]; b != nil && b.content.Visible() {
		return b.text.Text
	}
	return ""
}

// notifyTrashed says briefing id went to the trash, offering Undo; call it
// before the composer showing it closes, for its title.
func (u *UI) notifyTrashed(id int64) {
	title := "The briefing"
	if d := u.briefings.composer.d; d != nil && d.b.ID == id {
		title = "“" + d.b.Title + "”"
	}
	u.notifyAction(title+" is in the trash.", "Undo", func() {
		background(func() {
			err := u.lib.RestoreBriefing(u.ctx, id)
			u.do(func() {
				if err != nil {
					u.showError(err)
					return
				}
				u.openBriefing(id)
			})
		})
	})
}

// notifyAdded says an excerpt was added to briefing id, offering to open
// it unless it is open already.
func (u *UI) notifyAdded(id int64) {
	c := u.briefings.composer
	if c.d != nil && c.d.b.ID == id && shownOn(u.win.Canvas(), c.content) {
		u.notify("Excerpt added to “" + c.d.b.Title + "”.")
		return
	}
	title := "the briefing"
	for _, b := range u.briefings.briefings {
		if b.ID == id {
			title = "“" + b.Title + "”"
		}
	}
	u.notifyAction("Excerpt added to "+title+".", "Open", func() { u.openBriefing(id) })
}
