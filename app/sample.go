package app

import (
	"bytes"

	"github.com/attache/attache/assets"
	"github.com/attache/attache/domain"
	"github.com/attache/attache/interchange"
)

// offerSample asks, on a library with no sources, whether to load the
// sample library, so a new user sees the whole idea at once.
func (u *UI) offerSample() {
	if u.lib.ReadOnly() {
		return
	}
	background(func() {
		list, err := u.lib.Sources(u.ctx, domain.SourceFilter{Limit: 1})
		if err != nil || len(list) > 0 {
			return
		}
		u.do(func() {
			u.confirm("Welcome to Attaché",
				"Your library is empty. Load a small sample library — three short articles on 5G vendors, chip export controls and AI norms and a news report on all three, with excerpts and a draft briefing whose key judgments are linked to their evidence — to see how it works?\n\nYou can delete the samples at any time.",
				func(ok bool) {
					if ok {
						u.onLoadSample()
					}
				})
		})
	})
}

// onLoadSample imports the embedded sample briefing with its sources;
// when the sample briefing is already there it offers to show it instead
// of adding a second one.
func (u *UI) onLoadSample() {
	if u.refuseReadOnly() {
		return
	}
	background(func() {
		b, err := interchange.ReadJSON(bytes.NewReader(assets.SampleBriefing))
		var there *domain.BriefingSummary
		if err == nil {
			there, err = u.findBriefing(b.Briefing.Title)
		}
		var added *domain.Briefing
		if err == nil && there == nil {
			added, err = u.lib.ImportBundle(u.ctx, b)
		}
		u.do(func() {
			switch {
			case err != nil:
				u.showError(err)
			case there != nil:
				id := there.ID
				u.confirmWith("Sample library", "The sample library is already loaded: its briefing is “"+there.Title+"”. Show it?",
					"Show it", "Cancel", func(ok bool) {
						if ok {
							u.openBriefing(id)
						}
					})
			default:
				u.library.reload()
				u.briefings.reload()
				id := added.ID
				u.notifyAction("Sample library loaded: "+plural(len(b.Sources), "source")+" and the briefing “"+added.Title+"”.", "Open briefing",
					func() { u.openBriefing(id) })
			}
		})
	})
}

// findBriefing is the live briefing titled title, if there is one.
// Runs off the UI goroutine.
func (u *UI) findBriefing(title string) (*domain.BriefingSummary, error) {
	list, err := u.lib.Briefings(u.ctx, domain.BriefingFilter{})
	if err != nil {
		return nil, err
	}
	for _, b := range list {
		if b.Title == title {
			return b, nil
		}
	}
	return nil, nil
}

// openBriefing shows briefing id in the Briefings view.
func (u *UI) openBriefing(id int64) {
	s := u.briefings
	s.selected = id
	s.trash.SetChecked(false)
	u.onShowView(viewBriefings)
}
