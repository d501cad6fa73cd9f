package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/widgets"
)

// onHistory lists the briefing's versions: look at one, restore one (the
// current state is saved as a version first), or save one now.
func (c *composer) onHistory() {
	if c.d == nil {
		return
	}
	c.d.flush()
	id := c.d.b.ID
	var versions []*domain.Snapshot
	var d dialog.Dialog
	view := widgets.NewReader()
	selected := -1
	list := widget.NewList(func() int { return len(versions) }, twoLineRow(false), func(i widget.ListItemID, o fyne.CanvasObject) {
		box := o.(*fyne.Container)
		label := versions[i].Label
		if label == "" {
			label = "Saved version"
		}
		box.Objects[0].(*widget.Label).SetText(label)
		box.Objects[1].(*widget.Label).SetText(versions[i].CreatedAt.Local().Format("2 Jan 2006 15:04:05"))
	})
	load := func() {
		background(func() {
			vs, err := c.ui.lib.Snapshots(c.ui.ctx, id)
			c.ui.do(func() {
				if err != nil {
					c.ui.showError(err)
					return
				}
				versions = vs
				list.Refresh()
			})
		})
	}
	list.OnSelected = func(i widget.ListItemID) {
		selected = i
		background(func() {
			snap, err := c.ui.lib.Snapshot(c.ui.ctx, versions[i].ID)
			c.ui.do(func() {
				if err != nil {
					c.ui.showError(err)
					return
				}
				view.SetText(briefingText(snap.Briefing))
			})
		})
	}
	save := c.ui.writes(widget.NewButton("Save a version now", func() {
		background(func() {
			_, err := c.ui.lib.CreateSnapshot(c.ui.ctx, id, "Saved by hand")
			c.ui.do(func() { c.ui.showError(err); load() })
		})
	}))
	restore := c.ui.writes(widget.NewButton("Restore this version", func() {
		if selected < 0 || selected >= len(versions) {
			return
		}
		v := versions[selected].ID
		c.ui.confirm("Restore version", "Put the briefing back as it was in this version? Its current state is kept as a version first.", func(ok bool) {
			if ok {
				d.Hide()
				c.restore(id, v)
			}
		})
	}))
	restore.Importance = widget.HighImportance
	split := container.NewHSplit(list, view)
	split.Offset = 0.35
	d = dialog.NewCustom("Versions", "Close", container.NewBorder(nil, container.NewHBox(save, restore), nil, nil, split), c.ui.win)
	d.Resize(fyne.NewSize(980, 640))
	c.ui.showDialog(d, nil, nil, nil)
	load()
}

func (c *composer) restore(briefingID, version int64) {
	if err := c.d.tryFlush(); err != nil {
		c.ui.showError(userError{"The version was not restored: your latest changes are not saved yet (" + domain.ErrorMessage(err) + "). Restore it once they are saved."})
		return
	}
	background(func() {
		skipped, err := c.ui.lib.RestoreSnapshot(c.ui.ctx, briefingID, version)
		var b *domain.Briefing
		if err == nil {
			b, err = c.ui.lib.Briefing(c.ui.ctx, briefingID)
		}
		c.ui.do(func() {
			if err != nil {
				c.ui.showError(err)
				return
			}
			c.open(b)
			if skipped > 0 {
				c.ui.inform("Restored", plural(skipped, "block")+" left out: their excerpts have been deleted since.")
			}
		})
	})
}
