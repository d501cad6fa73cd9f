package app

// The actions on the selected excerpt: show it in its source, beside the
// draft, add it to a briefing, delete it.

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

func (s *excerptsScreen) onShowInSource() {
	if s.selected != nil {
		s.ui.showExcerpt(s.selected)
	}
}

// onShowBesideDraft shows the excerpt in its source beside the draft, in
// the Briefings view, to drag it or passages near it into the briefing.
func (s *excerptsScreen) onShowBesideDraft() {
	if e := s.selected; e != nil {
		s.ui.onShowView(viewBriefings)
		s.ui.briefings.showInSide(e.SourceID, e.ID)
	}
}

// onDelete moves the excerpt to the trash, offering Undo; an excerpt used
// in briefings says which first.
func (s *excerptsScreen) onDelete() {
	e := s.selected
	if e == nil {
		return
	}
	background(func() {
		used, err := s.ui.lib.ExcerptUsage(s.ui.ctx, e.ID)
		if err == nil && len(used) == 0 {
			err = s.ui.lib.TrashExcerpt(s.ui.ctx, e.ID, false)
		}
		s.ui.do(func() {
			switch {
			case err != nil:
				s.ui.showError(err)
			case len(used) == 0:
				s.ui.excerptTrashed(e.ID, excerptQuote(e), false)
			default:
				s.ui.confirmWith("Delete excerpt", usedQuestion(e, used), "Move to the trash", "Cancel", func(ok bool) {
					if ok {
						s.forceDelete(e)
					}
				})
			}
		})
	})
}

// usedQuestion asks whether an excerpt that briefings quote may go.
func usedQuestion(e *domain.Excerpt, used []domain.BriefingRef) string {
	names := make([]string, len(used))
	for i, b := range used {
		names[i] = "“" + clipRunes(b.Title, 60) + "”"
	}
	those := "that briefing"
	if len(used) > 1 {
		those = "those briefings"
	}
	return excerptHeadline(e, 80) + " is quoted in " + strings.Join(names, ", ") + ".\n\n" +
		"Move it to the trash and take it out of " + those + "? Their state before is kept as a version (Versions… in the composer brings it back)."
}

func (s *excerptsScreen) forceDelete(e *domain.Excerpt) {
	background(func() {
		err := s.ui.lib.TrashExcerpt(s.ui.ctx, e.ID, true)
		s.ui.do(func() {
			if err != nil {
				s.ui.showError(err)
				s.reload()
				return
			}
			s.ui.excerptTrashed(e.ID, excerptQuote(e), true)
		})
	})
}

// quoted puts typographic quotes around q unless it already starts with one.
func quoted(q string) string {
	if strings.HasPrefix(q, "“") || strings.HasPrefix(q, "\"") {
		return q
	}
	return "“" + q + "”"
}

// onAddToBriefing appends the excerpt to a briefing the analyst picks.
func (s *excerptsScreen) onAddToBriefing() {
	e := s.selected
	if e == nil {
		return
	}
	background(func() {
		list, err := s.ui.lib.Briefings(s.ui.ctx, domain.BriefingFilter{})
		s.ui.do(func() {
			if err != nil {
				s.ui.showError(err)
				return
			}
			if len(list) == 0 {
				s.ui.inform("Add to briefing", "There are no briefings yet: start one in Briefings (Ctrl+N).")
				return
			}
			names := make([]string, len(list))
			for i, b := range list {
				names[i] = clipRunes(b.Title, 70)
			}
			pick := widget.NewSelect(names, nil)
			pick.SetSelectedIndex(0)
			s.ui.showForm("Add to briefing", "Add", []*widget.FormItem{{Text: "Briefing", Widget: pick}}, fyne.NewSize(520, 200), func(func()) {
				if pick.SelectedIndex() >= 0 {
					s.ui.addExcerptTo(list[pick.SelectedIndex()].ID, e)
				}
			})
		})
	})
}
