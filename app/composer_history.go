package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/widgets"
)

// onHistory lists the briefing's versions: look at one, restore one (the
// current state is saved as a version first), or save one now.
func (c *composer) onHistory() {
	if d := c.d; d != nil {
		d.flush(func() {
			if c.d == d {
				c.showHistory()
			}
		})
	}
}

// showHistory is onHistory once the library holds what is typed.
func (c *composer) showHistory() {
	id := c.d.b.ID
	var versions []*domain.Snapshot
	var risks map[int64]versionRisk // by snapshot ID: those citing troubled sources
	var d dialog.Dialog
	view := widgets.NewReader()
	selected := -1
	list := newDialogList(func() int { return len(versions) }, flaggedRow(false), func(i widget.ListItemID, o fyne.CanvasObject) {
		label := versions[i].Label
		if label == "" {
			label = "Saved version"
		}
		// The date first: at 800 wide the flag would push it out of sight.
		line, flag := versionWhen(versions[i]), risks[versions[i].ID].flag
		if flag != "" {
			line += " · " + flag
		}
		markRow(o, label, line, flag != "")
	})
	load := func() {
		background(func() {
			vs, err := c.ui.lib.Snapshots(c.ui.ctx, id)
			var rs map[int64]versionRisk
			if err == nil {
				rs = c.ui.loadVersionRisks(id)
			}
			c.ui.do(func() {
				if err != nil {
					c.ui.showError(err)
					return
				}
				versions, risks = vs, rs
				if len(vs) == 0 {
					view.SetText(noVersionsYet)
				} else {
					view.SetText(pickAVersion) // none selected after a load
				}
				list.UnselectAll()
				list.Refresh()
			})
		})
	}
	var restore *widget.Button
	changesBtn := newDialogButton("What changed…", nil, func() {
		if selected >= 0 && selected < len(versions) {
			c.showChanges(versions, selected)
		}
	})
	changesBtn.Disable() // until a version is selected
	list.OnSelected = func(i widget.ListItemID) {
		selected = i
		changesBtn.Enable()
		if !c.ui.lib.ReadOnly() {
			restore.Enable()
		}
		vid := versions[i].ID
		rules := c.ui.basisRules() // read on the UI goroutine
		background(func() {
			snap, err := c.ui.lib.Snapshot(c.ui.ctx, vid)
			if err == nil {
				err = c.loadExcerpts(snap.Briefing)
			}
			c.ui.do(func() {
				if err != nil {
					c.ui.showError(err)
					return
				}
				if selected == i {
					view.SetText(risks[vid].detail + export.NewDocumentWith(snap.Bundle(), export.Context{Rules: &rules}).Text())
				}
			})
		})
	}
	list.OnUnselected = func(widget.ListItemID) {
		selected = -1
		restore.Disable()
		changesBtn.Disable()
		view.SetText(pickAVersion)
	}
	saveBtn := newDialogButton("Save a version now…", nil, func() { c.askVersionName(id, load) })
	c.ui.writes(&saveBtn.Button)
	restoreBtn := newDialogButton("Restore this version", nil, func() {
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
	})
	restore = &restoreBtn.Button
	restore.Importance = widget.HighImportance
	restore.Disable() // until a version is selected
	split := container.NewHSplit(list, view)
	split.Offset = 0.35
	body := container.NewBorder(nil, container.NewHBox(saveBtn, changesBtn, restoreBtn), nil, nil, split)
	// A recheck or a standing made while the dialog shows changes which
	// versions cite troubled sources: composer.refresh follows it here.
	c.historyFollow = func() {
		background(func() {
			rs := c.ui.loadVersionRisks(id)
			c.ui.do(func() {
				risks = rs
				list.Refresh()
				if selected >= 0 && selected < len(versions) {
					list.OnSelected(selected) // the preview's warning too
				}
			})
		})
	}
	d = dialog.NewCustom("Versions", "Close", body, c.ui.win)
	d.Resize(fitInside(c.ui.win, fyne.NewSize(980, 640)))
	c.ui.showDialogThen(d, body, nil, nil, func() { c.historyFollow = nil })
	load()
}

// pickAVersion is what the preview says with none selected.
const pickAVersion = "Select a version to read it as it was, see what changed since, or restore it."

// noVersionsYet is what the preview says of a briefing with no version.
const noVersionsYet = "No versions yet. Attaché keeps one on every export and every change of status, and when you restore an old one; “Save a version now…” keeps one by hand, with a name."

// loadExcerpts fills in the excerpt of each excerpt block of a version
// (a version keeps only their numbers); one deleted since is shown as
// such, since a restore leaves it out. Runs off the UI goroutine.
func (c *composer) loadExcerpts(b *domain.Briefing) error {
	for _, blk := range b.Blocks {
		if blk.Type != domain.BlockExcerpt || blk.Excerpt != nil {
			continue
		}
		e, err := c.ui.lib.Excerpt(c.ui.ctx, blk.ExcerptID)
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			e, err = &domain.Excerpt{ID: blk.ExcerptID, Quote: "An excerpt deleted since", SourceTitle: "restoring this version leaves it out"}, nil
		}
		if err != nil {
			return err
		}
		blk.Excerpt = e
	}
	return nil
}

// The current state is saved first, off the UI goroutine; the version is
// restored once that has landed.
func (c *composer) restore(briefingID, version int64) {
	c.d.flushThen(func(err error) {
		if err != nil {
			c.ui.showError(userError{"The version was not restored: your latest changes are not saved yet (" + domain.ErrorMessage(err) + "). Restore it once they are saved."})
			return
		}
		c.restoreSaved(briefingID, version)
	})
}

// restoreSaved restores a version over a briefing whose typing is saved.
func (c *composer) restoreSaved(briefingID, version int64) {
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
