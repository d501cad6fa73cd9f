package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// Found by a trial: with no excerpt selected the Excerpts view's right
// half was blank. It says what selecting one offers, and gives way to
// the excerpt's form.
func TestExcerptsViewSaysWhatSelectingOffers(t *testing.T) {
	u, _ := openSampleBriefing(t)
	fyne.DoAndWait(func() { u.onShowView(viewExcerpts) })
	eventually(t, "the excerpts", func() bool { return len(u.excerpts.excerpts) > 0 })
	fyne.DoAndWait(func() {
		if !u.excerpts.hint.Visible() || u.excerpts.detail.Visible() {
			t.Error("with none selected, the hint does not show in the form's place")
		}
		u.excerpts.list.Select(0)
	})
	eventually(t, "the form", func() bool {
		ok := false
		fyne.DoAndWait(func() { ok = u.excerpts.detail.Visible() && !u.excerpts.hint.Visible() })
		return ok
	})
}
