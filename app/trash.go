package app

import (
	"context"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

// The Trash window (View → Trash…) lists the sources, excerpts and
// briefings in the trash, with Restore and Delete for good. Deleting an
// excerpt or a source anywhere in the app moves it there and offers Undo.

// trashKind is what one row of the trash is, with how to restore it and
// delete it for good.
type trashKind struct {
	name    string               // "Source", "Excerpt", "Briefing"
	icon    func() fyne.Resource // called when drawn: the theme is not there while packages initialise
	restore func(ctx context.Context, lib Library, id int64) error
	purge   func(ctx context.Context, lib Library, id int64, force bool) error
}

var (
	trashSource = &trashKind{"Source", theme.FolderIcon,
		func(ctx context.Context, lib Library, id int64) error { return lib.RestoreSource(ctx, id) },
		func(ctx context.Context, lib Library, id int64, force bool) error {
			return lib.PurgeSource(ctx, id, force)
		}}
	trashExcerpt = &trashKind{"Excerpt", theme.ContentCutIcon,
		func(ctx context.Context, lib Library, id int64) error { return lib.RestoreExcerpt(ctx, id) },
		func(ctx context.Context, lib Library, id int64, force bool) error {
			return lib.PurgeExcerpt(ctx, id, force)
		}}
	trashBriefing = &trashKind{"Briefing", theme.DocumentIcon,
		func(ctx context.Context, lib Library, id int64) error { return lib.RestoreBriefing(ctx, id) },
		func(ctx context.Context, lib Library, id int64, _ bool) error { return lib.DeleteBriefing(ctx, id) }}
)

// trashItem is one row of the Trash window.
type trashItem struct {
	kind   *trashKind
	id     int64
	title  string
	detail string
	at     time.Time
}

// trashWindow is the Trash dialog's state.
type trashWindow struct {
	ui       *UI
	dlg      dialog.Dialog
	list     *widget.List
	status   *widget.Label
	restore  *widget.Button
	purge    *widget.Button
	empty    *widget.Button
	items    []trashItem
	selected int // index in items, -1 for none
	loads    int
}

// onShowTrash opens the Trash window.
func (u *UI) onShowTrash() { u.showTrash() }

func (u *UI) showTrash() *trashWindow {
	w := &trashWindow{ui: u, selected: -1}
	list := newDialogList(func() int { return len(w.items) }, trashRow, w.updateRow) // hands Escape on
	w.list = &list.List
	w.list.OnSelected = func(i widget.ListItemID) { w.selected = i; w.syncButtons() }
	w.list.OnUnselected = func(widget.ListItemID) { w.selected = -1; w.syncButtons() }
	w.status = widget.NewLabel("")
	w.status.Wrapping = fyne.TextWrapWord
	// Dialog buttons hand Escape on once Tab has focused them.
	restore := newDialogButton("Restore", theme.ContentUndoIcon(), w.onRestore)
	purge := newDialogButton("Delete for good…", theme.DeleteIcon(), w.onPurge)
	empty := newDialogButton("Empty trash…", theme.DeleteIcon(), w.onEmpty)
	w.restore, w.purge, w.empty = u.writes(&restore.Button), u.writes(&purge.Button), u.writes(&empty.Button)
	w.restore.Importance = widget.HighImportance
	buttons := container.NewHBox(restore, purge, empty)
	body := container.NewBorder(nil, container.NewVBox(w.status, buttons), nil, nil, list)
	w.syncButtons()
	w.dlg = u.showCustom("Trash", "Close", body)
	// Changes made elsewhere (the command line restoring or trashing)
	// show here too, so nothing is deleted that the window does not show.
	u.trashWin = w
	w.dlg.SetOnClosed(func() {
		if u.trashWin == w {
			u.trashWin = nil
		}
	})
	w.dlg.Resize(fitInside(u.win, fyne.NewSize(720, 480)))
	w.reload()
	return w
}

// fitInside is want, shrunk to leave a margin inside the window.
func fitInside(win fyne.Window, want fyne.Size) fyne.Size {
	have := win.Canvas().Size()
	return fyne.NewSize(min(want.Width, have.Width-40), min(want.Height, have.Height-40))
}

func trashRow() fyne.CanvasObject {
	title := widget.NewLabel("title")
	title.TextStyle.Bold = true
	title.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("detail")
	detail.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, widget.NewIcon(theme.DocumentIcon()), nil, container.NewVBox(title, detail))
}

func (w *trashWindow) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(w.items) {
		return
	}
	it := w.items[i]
	row := o.(*fyne.Container)
	lines := row.Objects[0].(*fyne.Container)
	lines.Objects[0].(*widget.Label).SetText(it.title)
	lines.Objects[1].(*widget.Label).SetText(it.kind.name + " · " + it.detail + " · trashed " + it.at.Local().Format("2 Jan 2006 15:04"))
	row.Objects[1].(*widget.Icon).SetResource(it.kind.icon())
}

func (w *trashWindow) syncButtons() {
	for _, b := range []*widget.Button{w.restore, w.purge} {
		if w.selected >= 0 && w.selected < len(w.items) && !w.ui.lib.ReadOnly() {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if len(w.items) > 0 && !w.ui.lib.ReadOnly() {
		w.empty.Enable()
	} else {
		w.empty.Disable()
	}
}

// reload reads the trash off the UI goroutine.
func (w *trashWindow) reload() {
	w.loads++
	gen := w.loads
	background(func() {
		items, err := readTrash(w.ui.ctx, w.ui.lib)
		w.ui.do(func() {
			if gen != w.loads {
				return
			}
			if err != nil {
				w.ui.showError(err)
				return
			}
			// The same item stays selected if it is still there: reloads
			// also come from changes made elsewhere, under a click.
			var was *trashItem
			if w.selected >= 0 && w.selected < len(w.items) {
				was = &w.items[w.selected]
			}
			w.items, w.selected = items, -1
			w.list.UnselectAll()
			w.list.Refresh()
			for i, it := range items {
				if was != nil && it.kind == was.kind && it.id == was.id {
					w.list.Select(i)
				}
			}
			if len(items) == 0 {
				w.status.SetText("The trash is empty. Deleted sources, excerpts and briefings wait here until you empty it.")
			} else {
				w.status.SetText(plural(len(items), "item") + " in the trash. Restore puts one back where it was; Delete for good cannot be undone.")
			}
			w.syncButtons()
		})
	})
}

// readTrash lists the trash, most recently trashed first.
func readTrash(ctx context.Context, lib Library) ([]trashItem, error) {
	srcs, err := lib.Sources(ctx, domain.SourceFilter{Trashed: true})
	if err != nil {
		return nil, err
	}
	exs, err := lib.Excerpts(ctx, domain.ExcerptFilter{Trashed: true})
	if err != nil {
		return nil, err
	}
	brs, err := lib.Briefings(ctx, domain.BriefingFilter{Trashed: true})
	if err != nil {
		return nil, err
	}
	items := []trashItem{}
	for _, s := range srcs {
		items = append(items, trashItem{trashSource, s.ID, s.Title, "with " + plural(s.ExcerptCount, "excerpt"), trashedAt(s.TrashedAt)})
	}
	for _, e := range exs {
		items = append(items, trashItem{trashExcerpt, e.ID, excerptHeadline(e, 120), "from " + e.SourceTitle, trashedAt(e.TrashedAt)})
	}
	for _, b := range brs {
		items = append(items, trashItem{trashBriefing, b.ID, b.Title, plural(b.Blocks, "block"), trashedAt(b.TrashedAt)})
	}
	// Most recently trashed first, whatever the kind.
	slices.SortStableFunc(items, func(a, b trashItem) int { return b.at.Compare(a.at) })
	return items, nil
}

func trashedAt(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}

func (w *trashWindow) current() (trashItem, bool) {
	if w.selected < 0 || w.selected >= len(w.items) {
		return trashItem{}, false
	}
	return w.items[w.selected], true
}

func (w *trashWindow) onRestore() {
	it, ok := w.current()
	if !ok || w.ui.refuseReadOnly() {
		return
	}
	background(func() {
		err := it.kind.restore(w.ui.ctx, w.ui.lib, it.id)
		w.ui.do(func() {
			w.ui.showError(err)
			w.reload()
			w.ui.refreshAfterTrash()
			if err == nil {
				w.status.SetText("Restored the " + strings.ToLower(it.kind.name) + " " + quoted(it.title) + ".")
			}
		})
	})
}

func (w *trashWindow) onPurge() {
	it, ok := w.current()
	if !ok || w.ui.refuseReadOnly() {
		return
	}
	msg := "Delete the " + strings.ToLower(it.kind.name) + " " + quoted(it.title) + " for good?"
	if it.kind == trashSource {
		msg = "Delete the source " + quoted(it.title) + " and its excerpts for good?"
	}
	w.ui.confirm("Delete for good", msg+" This cannot be undone.", func(ok bool) {
		if ok {
			w.purgeItem(it, false)
		}
	})
}

// purgeItem deletes it for good. An excerpt that a briefing in the trash
// still quotes is only deleted with that block, once the analyst agrees.
func (w *trashWindow) purgeItem(it trashItem, force bool) {
	background(func() {
		err := it.kind.purge(w.ui.ctx, w.ui.lib, it.id, force)
		w.ui.do(func() {
			if domain.ErrorCode(err) == domain.ECONFLICT && !force && it.kind != trashBriefing {
				w.ui.confirm("Delete for good", domain.ErrorMessage(err)+"\n\nDelete it for good together with those blocks?", func(ok bool) {
					if ok {
						w.purgeItem(it, true)
					}
				})
				return
			}
			w.ui.showError(err)
			w.reload()
			w.ui.refreshAfterTrash()
		})
	})
}

func (w *trashWindow) onEmpty() {
	if w.ui.refuseReadOnly() {
		return
	}
	// Only what the window shows goes: anything trashed elsewhere since
	// (or restored and trashed again) is newer than the newest shown.
	var upTo time.Time
	for _, it := range w.items {
		if it.at.After(upTo) {
			upTo = it.at
		}
	}
	if len(w.items) == 0 {
		return
	}
	w.ui.confirm("Empty the trash", "Delete the "+plural(len(w.items), "item")+" in the trash for good, with the excerpts of its sources and the versions of its briefings? This cannot be undone.", func(ok bool) {
		if !ok {
			return
		}
		background(func() {
			_, err := w.ui.lib.EmptyTrashUpTo(w.ui.ctx, upTo)
			w.ui.do(func() {
				w.ui.showError(err)
				w.reload()
				w.ui.refreshAfterTrash()
			})
		})
	})
}

// refreshAfterTrash reloads every screen after something went to or came
// back from the trash: a source's excerpts and the briefings quoting them
// change with it.
func (u *UI) refreshAfterTrash() { u.libraryChanged(changedEverything) }

// movedToTrash tells the analyst that what they deleted is in the trash and
// offers to bring it straight back; View → Trash… keeps it until emptied.
// When it was taken out of briefings too (forced), Undo does not put it
// back into them, and says so.
func (u *UI) movedToTrash(what string, forced bool, restore func(ctx context.Context) error) {
	undo := "Undo brings it back now"
	if forced {
		undo += " (not into the briefings it was taken out of: their Versions… keep them as they were)"
	}
	u.notifyAction(what+" is in the trash. "+undo+"; View → Trash… has it until you empty the trash.", "Undo", func() {
		background(func() {
			err := restore(u.ctx)
			u.do(func() {
				u.showError(err)
				u.refreshAfterTrash()
			})
		})
	})
}

// excerptTrashed follows moving an excerpt to the trash; forced, it was
// taken out of the briefings that quoted it.
func (u *UI) excerptTrashed(id int64, quote string, forced bool) {
	u.refreshAfterTrash()
	u.reloadComposerQuoting(func(blk *domain.Block) bool { return blk.ExcerptID == id })
	u.movedToTrash("The excerpt "+quoted(clipRunes(quote, 80)), forced, func(ctx context.Context) error { return u.lib.RestoreExcerpt(ctx, id) })
}

// sourceTrashed follows moving a source (with its excerpts) to the trash.
func (u *UI) sourceTrashed(src *domain.Source, forced bool) {
	u.refreshAfterTrash()
	u.reloadComposerQuoting(func(blk *domain.Block) bool { return blk.Excerpt != nil && blk.Excerpt.SourceID == src.ID })
	u.movedToTrash("The source “"+clipRunes(src.Title, 80)+"” with its excerpts", forced, func(ctx context.Context) error { return u.lib.RestoreSource(ctx, src.ID) })
}

// reloadComposerQuoting reopens the composer's briefing from the library
// when one of its blocks quotes what just went to the trash: the forced
// trash removed those blocks there, and the composer's copy would put them
// back (and the excerpt with them) at its next save.
func (u *UI) reloadComposerQuoting(quotes func(*domain.Block) bool) {
	c := u.briefings.composer
	if c.d == nil || !slices.ContainsFunc(c.d.b.Blocks, quotes) {
		return
	}
	id := c.d.b.ID
	background(func() {
		b, err := u.lib.Briefing(u.ctx, id)
		u.do(func() {
			if err != nil {
				u.showError(err)
			} else if c.d != nil && c.d.b.ID == id {
				c.open(b)
			}
		})
	})
}
