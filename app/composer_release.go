package app

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
)

// releaseCopy is a briefing's copy for readers cleared to a level, made by
// export.Release: what the export form writes instead of the briefing.
type releaseCopy struct {
	id     int64          // the briefing's, whose history records the copy
	bundle *domain.Bundle // the copy
	level  string         // the level in banner form, "OFFICIAL"
}

// onExportRelease asks for the level readers are cleared to, lists the
// portions the copy leaves out and asks, then shows the export form for
// the copy. The library is read and the copy made off the UI goroutine,
// once it holds what is typed.
func (c *composer) onExportRelease() {
	d := c.d
	if d == nil {
		return
	}
	d.flush(func() {
		if c.d != d {
			return
		}
		s := d.b.SchemeDef()
		if !s.Marks() {
			c.ui.showError(userError{"“" + d.b.Title + "” uses no markings, so a release copy has nothing to go by: choose its scheme in the briefing's details and mark its portions first"})
			return
		}
		level := newMarkingField(s, true)
		level.set(d.b.Classification)
		hint := "readers of the copy are cleared to this; portions above it are left out"
		items := []*widget.FormItem{{Text: "Release at", Widget: level.box, HintText: hint}}
		c.ui.showForm("Export for release", "Continue", items, fyne.NewSize(620, 260), func(again func()) {
			at, err := level.value()
			if err == nil && at == "" {
				err = userError{"choose the level the readers are cleared to: " + s.LevelList()}
			}
			if err != nil {
				again()
				c.ui.showError(err)
				return
			}
			c.makeRelease(d.b.ID, at)
		})
	})
}

// makeRelease makes the copy at off the UI goroutine, then asks.
func (c *composer) makeRelease(id int64, at domain.Marking) {
	background(func() {
		b, err := c.ui.lib.Bundle(c.ui.ctx, id)
		var rel *domain.Bundle
		var dropped []export.Dropped
		if err == nil {
			rel, dropped, err = export.Release(b, at)
		}
		c.ui.do(func() {
			var refused *export.Refusal
			switch {
			case errors.As(err, &refused):
				c.ui.showProblems(b.Briefing.Title, refusalProblems(refused), true, nil)
			case err != nil:
				c.ui.showError(err)
			default:
				c.askRelease(&releaseCopy{id: id, bundle: rel, level: at.Banner()}, dropped)
			}
		})
	})
}

// askRelease lists what the copy leaves out and, if the analyst goes on,
// shows the export form for it.
func (c *composer) askRelease(r *releaseCopy, dropped []export.Dropped) {
	lines := make([]string, len(dropped))
	for i, p := range dropped {
		lines[i] = p.Where + " (" + p.Mark + ")"
	}
	intro := "The release copy at " + r.level + " leaves out " + plural(len(dropped), "portion") + ":"
	if len(dropped) == 0 {
		intro = "The release copy at " + r.level + " leaves nothing out."
	}
	question := "Numbering, notes and the sources are recomputed without them; the briefing itself is not changed. Go on to the export?"
	c.ui.askList("Export for release", intro, lines, question, "Continue", "Cancel", func(ok bool) {
		if !ok {
			return
		}
		background(func() {
			folder := c.exportFolder()
			c.ui.do(func() {
				if c.d != nil && c.d.b.ID == r.id {
					c.showExportFormFor(folder, r)
				}
			})
		})
	})
}
