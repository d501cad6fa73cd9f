package app

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/logx"
)

// clash is a save the library refused: the briefing was changed elsewhere
// (another analyst, the command line) in the same places as here. Saving
// stops until the analyst chooses (askClash): take theirs (theirs shown,
// this side kept in Versions), keep both (this side becomes a copy), or
// settle it block by block. Typing is safe meanwhile: it stays in the
// draft, and the last save at quit keeps both.
type clash struct {
	base      *domain.Briefing // what the refused save was edited from
	mine      *domain.Briefing // what it tried to save
	theirs    *domain.Briefing // the library's copy now
	conflicts []domain.Conflict
	by        string // who changed it and when: "by ben at 14:02 on 3 Dec"
}

// errClashPending answers a flush while the analyst is being asked: the
// dialog already says everything.
var errClashPending = userError{"your latest changes wait for your choice about the briefing changed elsewhere"}

// what lists the clashing places for a sentence.
func (c *clash) what() string {
	seen := map[string]bool{}
	var parts []string
	for _, x := range c.conflicts {
		if d := x.Describe(); !seen[d] {
			seen[d] = true
			parts = append(parts, d)
		}
	}
	return strings.Join(parts, "; ")
}

// hold stops saving and asks the analyst (UI goroutine). A second refusal
// while the first is being answered only refreshes what it holds.
func (d *draft) hold(c *clash) {
	asking := d.held != nil
	d.held = c
	d.status("Not saved — also changed " + c.by)
	if !asking {
		d.ui.askClash(d)
	}
}

// copyTitle names the copy that keeps this side of a clash.
func (d *draft) copyTitle() string {
	who := "your"
	if u, ok := d.ui.lib.(interface{ User() string }); ok && u.User() != "" {
		who = u.User() + "’s"
	}
	t, _ := domain.BriefingTitle.Fit(d.b.Title + " (" + who + " copy)")
	return t
}

// asCopy is b as a new briefing titled title: its blocks new, their
// excerpts and evidence kept.
func asCopy(b *domain.Briefing, title string) *domain.Briefing {
	c := b.Clone()
	c.ID, c.Revision, c.Title = 0, 0, title
	for _, blk := range c.Blocks {
		blk.ID = 0
	}
	return c
}

// keepBothAtQuit settles a clash met by the last save at quit, when
// nobody is there to choose: the library keeps the other side, and this
// one is saved as a copy, said on standard error.
func (d *draft) keepBothAtQuit(ctx context.Context, r *saveResult, mine *domain.Briefing, refused *domain.MergeConflict) (*saveResult, error) {
	cp := asCopy(mine, d.copyTitle())
	if err := d.ui.lib.CreateBriefing(ctx, cp); err != nil {
		return nil, err
	}
	out := d.ui.quitOut
	if out == nil {
		out = os.Stderr
	}
	logx.Printf(out, "“%s” was changed %s while you were editing it: your version is kept as briefing %d “%s”",
		mine.Title, refused.ByWhom(), cp.ID, cp.Title)
	r.saved = &domain.Saved{Briefing: refused.Theirs}
	return r, nil
}

// settled ends a clash with the draft now showing b, which the library
// already holds when stored is true, else to be saved (UI goroutine).
func (d *draft) settled(b *domain.Briefing, theirs *domain.Briefing, stored bool) {
	c := d.held
	d.held = nil
	old := d.b
	d.rebaseHistory(c.base, theirs)
	d.base = theirs.Clone()
	d.b = b.Clone()
	if stored {
		d.saved.Store(int64(d.version))
		d.status("Saved")
	} else {
		d.changed()
	}
	if d.onMerged != nil {
		d.onMerged(old)
	}
	d.ui.libraryChanged(changedBriefings)
}

// takeTheirs shows the library's copy; what was typed here is kept in
// the briefing's Versions first.
func (d *draft) takeTheirs() {
	c, mine := d.held, d.snapshot()
	label := fmt.Sprintf("Your edits, replaced by the version changed %s", c.by)
	background(func() {
		_, err := d.ui.lib.KeepVersion(context.WithoutCancel(d.ui.ctx), mine, label)
		d.ui.do(func() {
			if err != nil {
				d.ui.showError(fmt.Errorf("your edits could not be kept in Versions, so their version was not loaded: %s", domain.ErrorMessage(err)))
				d.ui.askClash(d)
				return
			}
			d.settled(c.theirs, c.theirs, true)
			d.ui.notify("“" + c.theirs.Title + "” shows the version changed " + c.by + ". Yours is in Versions as “" + label + "”.")
		})
	})
}

// keepBoth leaves the library's copy in the briefing and saves this side
// as a copy, which the composer then opens.
func (d *draft) keepBoth(open func(*domain.Briefing)) {
	c := d.held
	cp := asCopy(d.snapshot(), d.copyTitle())
	background(func() {
		err := d.ui.lib.CreateBriefing(context.WithoutCancel(d.ui.ctx), cp)
		d.ui.do(func() {
			if err != nil {
				d.ui.showError(fmt.Errorf("your version could not be saved as a copy: %s", domain.ErrorMessage(err)))
				d.ui.askClash(d)
				return
			}
			d.settled(c.theirs, c.theirs, true)
			d.ui.notify("“" + c.theirs.Title + "” keeps the version changed " + c.by + "; yours is now “" + cp.Title + "”.")
			open(cp)
		})
	})
}

// resolve saves the clash settled choice by choice: keepMine says, for
// each clashing place, whether this side's is kept.
func (d *draft) resolve(keepMine func(domain.Conflict) bool) {
	c := d.held
	merged, _ := domain.ResolveBriefing(c.base, d.snapshot(), c.theirs, keepMine)
	d.settled(merged, c.theirs, false)
	d.save()
}
