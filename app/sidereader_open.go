package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

// sourceChoice is one row of the Open source dialog: a source, or a
// search result in a source or an excerpt.
type sourceChoice struct {
	title, line string
	source      int64  // the source to open (0 for an excerpt hit, looked up on opening)
	excerpt     int64  // the excerpt to show, for an excerpt hit
	find        string // the words the search found, to show in the source
}

// onOpenSource offers the library's sources, newest first, or what a
// search of the sources and excerpts finds (as the Library's search box
// does), to open one beside the draft: by a click, or from the search
// field with Down and Up to move the highlighted row and Enter to open it.
func (p *sidePane) onOpenSource() {
	var list []sourceChoice
	cursor := 0
	search := newDialogEntry()
	search.SetPlaceHolder("Search sources and excerpts — Down and Up choose, Enter opens")
	status := widget.NewLabel("")
	status.Importance = widget.LowImportance
	var d *dialog.CustomDialog
	picker := newDialogList(func() int { return len(list) }, twoLineRow(true), func(i widget.ListItemID, o fyne.CanvasObject) {
		if i >= len(list) {
			return
		}
		box := o.(*fyne.Container)
		title := box.Objects[0].(*widget.Label)
		title.Importance = widget.MediumImportance
		if i == cursor {
			title.Importance = widget.HighImportance
		}
		title.SetText(list[i].title)
		box.Objects[1].(*widget.Label).SetText(list[i].line)
	})
	open := func(i int) {
		if i < 0 || i >= len(list) {
			return
		}
		d.Hide()
		p.openChoice(list[i])
	}
	picker.OnSelected = open
	search.onKey = func(ev *fyne.KeyEvent) bool {
		step := map[fyne.KeyName]int{fyne.KeyDown: 1, fyne.KeyUp: -1}[ev.Name]
		if step == 0 {
			return false
		}
		if next := cursor + step; next >= 0 && next < len(list) {
			old := cursor
			cursor = next
			picker.RefreshItem(old)
			picker.RefreshItem(cursor)
			picker.ScrollTo(cursor)
		}
		return true
	}
	search.OnChanged = func(q string) {
		background(func() {
			found, err := p.findSources(strings.TrimSpace(q))
			p.ui.do(func() {
				if search.Text != q {
					return // typed on meanwhile
				}
				if err != nil {
					status.SetText(domain.ErrorMessage(err))
					return
				}
				list, cursor = found, 0
				picker.Refresh()
				picker.ScrollToTop()
				status.SetText(choicesText(strings.TrimSpace(q), len(found)))
			})
		})
	}
	d = dialog.NewCustomWithoutButtons("Open a source beside the draft", container.NewBorder(search, status, nil, nil, picker), p.ui.win)
	cancel := newDialogButton("Cancel", theme.CancelIcon(), d.Hide)
	cancel.setKeys(p.ui.escape, nil)
	d.SetButtons([]fyne.CanvasObject{cancel})
	d.Resize(fitInside(p.ui.win, fyne.NewSize(760, 560)))
	p.ui.showDialog(d, search, nil, func() { open(cursor) })
	search.OnChanged("")
}

// choicesText says how many rows the Open source dialog lists.
func choicesText(q string, n int) string {
	switch {
	case q != "" && n == 0:
		return "Nothing found for “" + q + "”."
	case q != "":
		return plural(n, "result")
	case n == 0:
		return "No sources yet: import some in the Library (Ctrl+1)."
	}
	return plural(n, "source")
}

// findSources lists the sources, newest first, or searches the sources
// and excerpts for q (off the UI goroutine).
func (p *sidePane) findSources(q string) ([]sourceChoice, error) {
	var out []sourceChoice
	if q == "" {
		srcs, err := p.ui.lib.Sources(p.ui.ctx, domain.SourceFilter{Sort: "imported", Desc: true})
		for _, s := range srcs {
			out = append(out, sourceChoice{title: s.Title, line: sourceLine(s), source: s.ID})
		}
		return out, err
	}
	hits, err := p.ui.lib.Search(p.ui.ctx, q, domain.SearchOptions{Kinds: []domain.HitKind{domain.HitSource, domain.HitExcerpt}, Limit: 200})
	for _, h := range hits {
		ch := sourceChoice{title: kindLabel(h.Kind) + h.Title, line: h.Snippet}
		if h.Kind == domain.HitExcerpt {
			ch.excerpt = h.ID
		} else {
			ch.source, ch.find = h.ID, firstHighlight(h)
		}
		out = append(out, ch)
	}
	return out, err
}

// firstHighlight is the first word a search hit's snippet highlights.
func firstHighlight(h domain.SearchHit) string {
	rs := []rune(h.Snippet)
	for _, sp := range h.Highlights {
		if sp.Start >= 0 && sp.Start < sp.End && sp.End <= len(rs) {
			return string(rs[sp.Start:sp.End])
		}
	}
	return ""
}

// openChoice opens a row of the Open source dialog in the side reader.
func (p *sidePane) openChoice(ch sourceChoice) {
	p.unfold()
	p.tabs.Select(p.source)
	if ch.excerpt == 0 {
		p.reader.open(ch.source, 0, ch.find)
		return
	}
	background(func() {
		e, err := p.ui.lib.Excerpt(p.ui.ctx, ch.excerpt)
		p.ui.do(func() {
			if err != nil {
				p.ui.showError(err)
				return
			}
			p.reader.open(e.SourceID, e.ID, "")
		})
	})
}
