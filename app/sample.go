package app

import (
	"bytes"

	"github.com/attache/attache/assets"
	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
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
				"Your library is empty. Load a small sample library — three short articles on 5G vendors, chip export controls and AI norms, with excerpts and a draft briefing — to see how it works?\n\nYou can delete the samples at any time.",
				func(ok bool) {
					if ok {
						u.onLoadSample()
					}
				})
		})
	})
}

// onLoadSample imports the embedded sample briefing with its sources.
func (u *UI) onLoadSample() {
	if u.refuseReadOnly() {
		return
	}
	background(func() {
		b, err := export.ReadJSON(bytes.NewReader(assets.SampleBriefing))
		if err == nil {
			_, err = u.lib.ImportBundle(u.ctx, b)
		}
		u.do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			u.library.reload()
			u.briefings.reload()
		})
	})
}
