package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/attache/attache/domain"
)

// A draft is saved against the library's copy it was edited from (base):
// the store merges what changed elsewhere meanwhile (the command line, a
// second window, another analyst on a team library) and refuses a save
// where both sides changed the same thing, saying who did and when. The
// analyst then chooses how to go on (draftclash.go): nothing is written
// over silently, nothing is lost.
//
// New blocks get temporary negative numbers until their first save gives
// them their own; the draft, its undo history and later saves are
// renumbered as saves land, so a block is stored once and keeps its number.

// saveResult is one save's outcome, handed to the UI goroutine.
type saveResult struct {
	seq     int              // which save this was, in order
	version int              // the draft's version it saved
	snap    *domain.Briefing // what was sent, with stored block numbers
	ids     map[int64]int64  // every temporary number given a stored one so far
	saved   *domain.Saved
	clash   *clash // the save was refused: both sides changed the same things
}

// newDraft starts editing b as loaded from the library.
func newDraft(u *UI, b *domain.Briefing) *draft {
	return &draft{ui: u, b: b, base: b.Clone(), ids: map[int64]int64{}}
}

// numberNewBlocks gives blocks added by an edit a temporary number of
// their own, so saves and merges can tell them apart until stored.
func (d *draft) numberNewBlocks() {
	for _, blk := range d.b.Blocks {
		if blk.ID == 0 {
			d.temp--
			blk.ID = d.temp
		}
	}
}

// save writes the current state off the UI goroutine. One save runs at a
// time: a second one would store the same new blocks again before the
// first one's numbers are known.
func (d *draft) save() {
	d.due.saving()
	if d.stopped || d.isSaved() || d.held != nil {
		return // a clash waits for the analyst's choice (draftclash.go)
	}
	if d.saving {
		d.again = true
		return
	}
	d.saving = true
	snap, base, version := d.snapshot(), d.base.Clone(), d.version
	d.status("Saving…")
	background(func() {
		r, err := d.write(snap, base, version)
		d.ui.do(func() {
			d.saving = false
			d.saveDone(r, err)
			if d.again && !d.stopped {
				d.again = false
				d.save()
			}
		})
	})
}

// write saves snap, edited from base, unless a newer version is already
// saved; the lock keeps an older save from landing after a newer one.
func (d *draft) write(snap, base *domain.Briefing, version int) (*saveResult, error) {
	d.saveMu.Lock()
	defer d.saveMu.Unlock()
	if int64(version) <= d.saved.Load() {
		return nil, nil
	}
	renumber(snap, d.ids)
	renumber(base, d.ids)
	// Not cancelled by a quit signal: this is the analyst's work.
	ctx := context.WithoutCancel(d.ui.ctx)
	r := &saveResult{version: version, snap: snap}
	var err error
	r.saved, err = d.ui.lib.SaveBriefing(ctx, base, snap)
	var refused *domain.MergeConflict
	if errors.As(err, &refused) {
		if d.final.Load() {
			// The last save at quit: nobody is there to choose, so
			// both are kept (see keepBothAtQuit).
			return d.keepBothAtQuit(ctx, r, snap, refused)
		}
		r.clash = &clash{base: base, mine: snap, theirs: refused.Theirs, conflicts: refused.Conflicts, by: refused.ByWhom()}
		return r, nil
	}
	if err != nil {
		return nil, err
	}
	for sent, stored := range r.saved.IDs {
		d.ids[sent] = stored
	}
	r.ids = make(map[int64]int64, len(d.ids))
	for k, v := range d.ids {
		r.ids[k] = v
	}
	d.seq++
	r.seq = d.seq
	d.last = r
	d.saved.Store(int64(version))
	return r, nil
}

// snapshot is the draft as it is written: a copy without its blank
// blocks (domain.Block.Blank), which the library refuses. A block just
// added and not yet typed into, or emptied, never stops the rest being
// saved; it is written once it has text.
func (d *draft) snapshot() *domain.Briefing {
	c := d.b.Clone()
	c.Blocks = domain.WithoutBlank(c.Blocks)
	return c
}

func hasBlank(b *domain.Briefing) bool {
	return slices.ContainsFunc(b.Blocks, (*domain.Block).Blank)
}

// lastWritten is the newest save's result, which may not have landed yet.
func (d *draft) lastWritten() *saveResult {
	d.saveMu.Lock()
	defer d.saveMu.Unlock()
	return d.last
}

// renumber gives blocks the numbers the library stored them under.
func renumber(b *domain.Briefing, ids map[int64]int64) {
	for _, blk := range b.Blocks {
		if id, ok := ids[blk.ID]; ok {
			blk.ID = id
		}
	}
}

// land takes a save's result into the draft (UI goroutine): stored block
// numbers everywhere, and changes made elsewhere merged into what is on
// screen and into the undo history, so undo never brings back what
// someone else changed.
func (d *draft) land(r *saveResult) {
	if r == nil || r.seq <= d.landed {
		return // nothing written, or an older save overtaken by a newer one
	}
	d.landed = r.seq
	old := d.b
	renumber(d.b, r.ids)
	renumber(r.snap, r.ids)
	for _, u := range append(d.undo, d.redo...) {
		renumber(u, r.ids)
	}
	lib := r.saved.Briefing
	changed := r.saved.Merged
	if d.version == r.version && !hasBlank(d.b) {
		changed = d.takeLibrary(r.snap, lib) || changed
	} else {
		// Typed since the save, or holding a blank block the save left
		// out: merged, so that what is on screen stays.
		merged, clashes := domain.MergeBriefing(r.snap, d.b, lib)
		d.b = merged.Clone()
		d.rebaseHistory(r.snap, lib)
		d.base = lib.Clone()
		if len(clashes) > 0 {
			// Typed here since the save, changed elsewhere before it: the
			// next save must meet the clash in the library, which keeps
			// the other side as a version before writing over it.
			d.base = r.snap
		}
	}
	if n := len(r.saved.Dropped); n > 0 {
		d.ui.notify(fmt.Sprintf("%s quoting an excerpt deleted for good elsewhere %s removed from “%s”.",
			plural(n, "block"), map[bool]string{true: "was", false: "were"}[n == 1], d.b.Title))
	}
	if changed && d.onMerged != nil {
		d.onMerged(old)
	}
}

// takeLibrary makes the library's copy lib the draft, when the draft holds
// nothing newer than from, and reports whether that changed what is shown.
func (d *draft) takeLibrary(from, lib *domain.Briefing) bool {
	d.base = lib.Clone()
	if sameContent(d.b, lib) {
		d.b.Revision = lib.Revision
		return false // the usual case: the library holds just what was typed
	}
	d.rebaseHistory(from, lib)
	d.b = lib.Clone()
	return true
}

// rebaseHistory carries the changes between from and lib into every undo
// and redo state.
func (d *draft) rebaseHistory(from, lib *domain.Briefing) {
	if sameContent(from, lib) {
		return
	}
	for i, u := range d.undo {
		m, _ := domain.MergeBriefing(from, u, lib)
		d.undo[i] = m.Clone()
	}
	for i, u := range d.redo {
		m, _ := domain.MergeBriefing(from, u, lib)
		d.redo[i] = m.Clone()
	}
}

// sameContent says whether two copies show the same briefing, block
// numbers included.
func sameContent(a, b *domain.Briefing) bool {
	if a.Title != b.Title || a.Subtitle != b.Subtitle || a.Author != b.Author ||
		a.Audience != b.Audience || a.Date != b.Date || a.Classification != b.Classification ||
		a.Status != b.Status || a.Summary != b.Summary || len(a.Blocks) != len(b.Blocks) ||
		a.Scheme != b.Scheme || a.TitleMarking != b.TitleMarking || a.SubtitleMarking != b.SubtitleMarking ||
		a.SummaryMarking != b.SummaryMarking || a.Authority != b.Authority || a.IncludeNotes != b.IncludeNotes ||
		a.Scale != b.Scale {
		return false
	}
	for i := range a.Blocks {
		x, y := a.Blocks[i], b.Blocks[i]
		if x.ID != y.ID || x.Type != y.Type || x.Text != y.Text || x.ExcerptID != y.ExcerptID ||
			x.Confidence != y.Confidence || x.Marking != y.Marking || !sameExcerptShown(x.Excerpt, y.Excerpt) ||
			!sameLinks(x.Evidence, y.Evidence) {
			return false
		}
	}
	return true
}

// sameExcerptShown says whether two copies of an excerpt block's excerpt show
// the same: its note, grade, marking, tags or a figure's caption edited
// elsewhere (the Excerpts view, the command line) must reach the open
// draft's cards, Preview and counts.
func sameExcerptShown(a, b *domain.Excerpt) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Quote != b.Quote || a.Note != b.Note || a.Credibility != b.Credibility || a.Marking != b.Marking ||
		!slices.Equal(a.Tags, b.Tags) || (a.Figure == nil) != (b.Figure == nil) {
		return false
	}
	return a.Figure == nil || (a.Figure.Caption == b.Figure.Caption && a.Figure.SHA256 == b.Figure.SHA256)
}

func (d *draft) isSaved() bool { return d.saved.Load() == int64(d.version) }

// saveDone reports a save. A failure is shown once, not at every retry,
// and retried until it succeeds; the edits stay in memory meanwhile. A
// briefing deleted for good elsewhere cannot take them: they go to a
// rescue copy, never into another briefing.
func (d *draft) saveDone(r *saveResult, err error) {
	if d.stopped {
		return
	}
	switch {
	case errors.Is(err, domain.ErrGone):
		d.stop()
		d.status("Not saved — briefing deleted")
		d.ui.rescueGone(d)
	case errors.Is(err, errClashPending):
		// The analyst is being asked (askClash); nothing to retry.
	case err != nil:
		d.status("Not saved — retrying")
		if !d.failing {
			d.failing = true
			d.ui.showError(userError{"Your latest changes are not saved yet: " + domain.ErrorMessage(err) +
				"\n\nThey are kept here, and Attaché tries again every few seconds."})
		}
		d.schedule(retryDelay)
	case r != nil && r.clash != nil:
		d.hold(r.clash)
	default:
		d.land(r)
		if d.isSaved() {
			d.failing = false
			d.status("Saved")
			d.ui.libraryChanged(changedBriefings) // the briefings list shows its title and counts
		}
	}
}

// flush saves at once, off the UI goroutine, then runs next on it: what
// needs the library to hold the typing (a version, an export) waits for
// the save to land, with "Saving…" showing meanwhile. A failure is shown
// and the edits stay in memory to be retried; next runs all the same.
func (d *draft) flush(next func()) {
	d.flushThen(func(err error) {
		if err != nil {
			d.saveDone(nil, err)
		}
		next()
	})
}

// flushThen saves what is typed now off the UI goroutine, and then calls
// next with what went wrong on the UI goroutine. Typing carries on
// meanwhile, into the draft: a later change is saved by the next autosave.
// next is not called if the window's library is swapped or the app quits
// first (the last save at quit takes the typing).
func (d *draft) flushThen(next func(error)) {
	if d == nil || d.stopped || d.isSaved() {
		next(nil)
		return
	}
	if d.held != nil {
		next(errClashPending)
		return
	}
	d.stopTimer()
	// A background save may have written without its result taken in
	// yet: take it first, or this save would start from an older copy
	// and undo what was typed since.
	d.land(d.lastWritten())
	snap, base, version := d.snapshot(), d.base.Clone(), d.version
	d.status("Saving…")
	background(func() {
		r, err := d.write(snap, base, version)
		d.ui.do(func() { next(d.flushed(r, err)) })
	})
}

// flushed takes in a flush's result on the UI goroutine.
func (d *draft) flushed(r *saveResult, err error) error {
	if err == nil && r != nil && r.clash != nil {
		d.hold(r.clash)
		err = errClashPending
	}
	if errors.Is(err, errClashPending) {
		return err
	}
	if err != nil {
		if !errors.Is(err, domain.ErrGone) && !d.stopped {
			d.schedule(retryDelay) // still retried if the window stays open
		}
		return err
	}
	d.land(r)
	if d.isSaved() && !d.stopped {
		d.failing = false
		d.status("Saved")
	}
	return nil
}

// tryFlush saves at once, waiting, and returns what went wrong. It runs
// only after the event loop has ended (the last save at quit): on the UI
// goroutine, flushThen.
func (d *draft) tryFlush() error {
	if d == nil || d.stopped || d.isSaved() {
		return nil
	}
	d.final.Store(true) // a clash now keeps both: nobody is there to choose
	d.stopTimer()
	// A background save may have written without its result taken in
	// yet: take it first, or this save would start from an older copy
	// and undo what was typed since.
	d.land(d.lastWritten())
	r, err := d.write(d.snapshot(), d.base.Clone(), d.version)
	if err != nil {
		if !errors.Is(err, domain.ErrGone) {
			d.schedule(retryDelay) // still retried if the window stays open
		}
		return err
	}
	d.land(r)
	return nil
}

// rescueGone keeps the edits of a briefing deleted for good elsewhere in a
// rescue copy and tells the analyst where.
func (u *UI) rescueGone(d *draft) {
	title := d.b.Title
	if u.briefings.composer.d == d {
		u.briefings.closeComposer()
	}
	u.rescueLater([]unsavedEdit{d}, func(paths []string, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		// A notice, not a dialog: a dialog would take the keys still
		// being typed, and Enter would close it unread.
		full := "“" + title + "” was deleted for good elsewhere, so your latest changes could not be saved into it.\n\n" + rescueNote(paths)
		u.notifyAction("“"+title+"” was deleted for good elsewhere: your latest changes are kept in "+strings.Join(paths, ", ")+".",
			"Show", func() { u.inform("Changes kept", full) })
	})
}

// checkElsewhere reads the open briefing's revision off the UI goroutine
// and reacts on it.
func (c *composer) checkElsewhere() {
	d := c.d
	if d == nil || d.stopped || d.saving || !d.isSaved() || c.checking {
		return
	}
	c.checking = true
	id, known := d.b.ID, d.base.Revision
	background(func() {
		rev, trashed, err := c.ui.lib.BriefingRevision(c.ui.ctx, id)
		c.ui.do(func() {
			c.checking = false
			if c.d != d || d.stopped {
				return
			}
			switch {
			case errors.Is(err, domain.ErrGone):
				c.ui.briefings.closeComposer()
				c.ui.libraryChanged(changedBriefings)
				c.ui.notify("“" + d.b.Title + "” was deleted for good elsewhere.")
			case err != nil:
				return // a busy or closing library: next time
			case trashed:
				c.ui.briefings.closeComposer()
				c.ui.libraryChanged(changedBriefings)
				c.ui.notifyTrashed(id)
			case rev != known:
				c.refresh()
			}
		})
	})
}
