package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

// libraryScreen lists the sources, or search results when the search box
// has a query, beside the reader for the selected one.
type libraryScreen struct {
	ui      *UI
	content fyne.CanvasObject
	split   *container.Split
	search  *widget.Entry
	sortBy  *widget.Select
	list    *widget.List
	status  *widget.Label
	reader  *readerScreen

	sources []*domain.Source
	hits    []domain.SearchHit
	loads   int  // generation of the newest load; older results are dropped
	keeping bool // set while a reload reselects the open source, which is not reopened
}

var (
	sortLabels  = []string{"Newest first", "Title", "Author", "Date published", "Most excerpted"}
	sortChoices = map[string]string{"Newest first": "imported", "Title": "title", "Author": "author", "Date published": "published", "Most excerpted": "excerpts"}
)

func newLibraryScreen(ui *UI) *libraryScreen {
	s := &libraryScreen{ui: ui}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Search sources and excerpts — words, chip*, \"phrases\", -exclude")
	s.search.OnChanged = func(string) { s.reload() }
	s.sortBy = widget.NewSelect(sortLabels, func(string) { s.reload() })
	s.sortBy.SetSelected(sortLabels[0])
	s.list = widget.NewList(s.length, flaggedRow(true), s.updateRow)
	s.list.OnSelected = s.onSelect
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord // long hints must not widen the window past a small screen
	s.status.Importance = widget.LowImportance
	s.reader = newReaderScreen(ui)
	importBtn := ui.writes(widget.NewButtonWithIcon("Import…", theme.ContentAddIcon(), ui.onImportFiles))
	importBtn.Importance = widget.HighImportance
	s.sortBy.PlaceHolder = "Sort"
	recheck := ui.writes(widget.NewButtonWithIcon("Recheck…", theme.ViewRefreshIcon(), ui.onRecheckSources))
	recheck.Importance = widget.LowImportance
	top := container.NewVBox(s.search, container.NewBorder(nil, nil, nil, importBtn, s.sortBy))
	// Under the list, beside the count: the list pane keeps its width.
	left := container.NewBorder(top, container.NewBorder(nil, nil, nil, recheck, s.status), nil, nil, s.list)
	s.split = newListSplit(left, s.reader.content)
	s.content = s.split
	return s
}

func (s *libraryScreen) searching() bool { return strings.TrimSpace(s.search.Text) != "" }

func (s *libraryScreen) length() int {
	if s.searching() {
		return len(s.hits)
	}
	return len(s.sources)
}

func (s *libraryScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if s.searching() {
		if i >= len(s.hits) {
			return
		}
		h := s.hits[i]
		setFlaggedRow(o, kindLabel(h.Kind)+h.Title, h.Snippet, "")
		return
	}
	if i >= len(s.sources) {
		return
	}
	src := s.sources[i]
	setFlaggedRow(o, src.Title, sourceLine(src), concernText(src.Concern)) // the listing fills Concern
}

func kindLabel(k domain.HitKind) string {
	switch k {
	case domain.HitExcerpt:
		return "Excerpt · "
	case domain.HitBriefing:
		return "Briefing · "
	}
	return ""
}

// sourceLine is the second line of a source row.
func sourceLine(src *domain.Source) string {
	var parts []string
	if src.PreviousID > 0 {
		// Two versions of one page read alike otherwise: say which is newer.
		v := "new version of source " + strconv.FormatInt(src.PreviousID, 10)
		if !src.ImportedAt.IsZero() {
			v += ", imported " + src.ImportedAt.Local().Format("2 Jan 2006")
		}
		parts = append(parts, v)
	}
	for _, p := range []string{src.AuthorList(), src.Publisher, src.Published.String()} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if src.Reliability != "" {
		parts = append(parts, "grade "+string(src.Reliability))
	}
	parts = append(parts, plural(src.ExcerptCount, "excerpt"))
	return strings.Join(parts, " · ")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// reload fetches the list (or runs the search) off the UI goroutine.
func (s *libraryScreen) reload() {
	if s.list == nil || s.sortBy == nil {
		return
	}
	s.loads++
	gen, query, sortKey := s.loads, strings.TrimSpace(s.search.Text), sortChoices[s.sortBy.Selected]
	background(func() {
		var srcs []*domain.Source
		var hits []domain.SearchHit
		var err error
		if query != "" {
			hits, err = s.ui.lib.Search(s.ui.ctx, query, domain.SearchOptions{Kinds: []domain.HitKind{domain.HitSource, domain.HitExcerpt}, Limit: 200})
		} else {
			srcs, err = s.ui.lib.Sources(s.ui.ctx, domain.SourceFilter{Sort: sortKey, Desc: sortKey == "imported" || sortKey == "excerpts" || sortKey == "published"})
		}
		s.ui.do(func() { s.loaded(gen, query, srcs, hits, err) })
	})
}

func (s *libraryScreen) loaded(gen int, query string, srcs []*domain.Source, hits []domain.SearchHit, err error) {
	if gen != s.loads {
		return
	}
	if err != nil {
		s.ui.showError(err)
		return
	}
	before := s.openRow()
	s.sources, s.hits = srcs, hits
	at := s.openRow()
	if at < 0 || at != before {
		s.list.UnselectAll()
	}
	s.list.Refresh()
	if at >= 0 {
		// The open source stays selected, without being opened again;
		// Select does nothing (nor scrolls) for the row already selected.
		s.keeping = true
		s.list.Select(at)
		s.keeping = false
	}
	switch {
	case query != "" && len(hits) == 0:
		s.status.SetText("Nothing found for “" + query + "”.")
	case query != "":
		s.status.SetText(plural(len(hits), "result"))
	case len(srcs) == 0:
		s.status.SetText("No sources yet: import files with Import… or drop them on the window.")
	default:
		s.status.SetText(plural(len(srcs), "source"))
	}
}

// refresh reloads the list and the open source (its details and
// excerpts), after the library changed.
func (s *libraryScreen) refresh() {
	s.reload()
	if src := s.reader.source; src != nil {
		s.reader.open(src.ID, -1)
	}
}

// openRow is the list row of the source open in the reader, or -1.
// followReader selects the row of the source the reader shows, or none:
// a source opened from elsewhere (an import, Show in source) must not
// leave another row highlighted, dead to a click.
func (s *libraryScreen) followReader() {
	if s.list == nil {
		return
	}
	if at := s.openRow(); at >= 0 {
		s.keeping = true
		s.list.Select(at)
		s.keeping = false
		return
	}
	s.list.UnselectAll()
}

func (s *libraryScreen) openRow() int {
	src := s.reader.source
	if src == nil {
		return -1
	}
	for i := 0; i < s.length(); i++ {
		if s.searching() && s.hits[i].Kind == domain.HitSource && s.hits[i].ID == src.ID ||
			!s.searching() && s.sources[i].ID == src.ID {
			return i
		}
	}
	return -1
}

func (s *libraryScreen) onSelect(i widget.ListItemID) {
	if s.keeping {
		return
	}
	if s.searching() {
		if i < len(s.hits) {
			s.openHit(s.hits[i])
		}
		return
	}
	if i < len(s.sources) {
		s.reader.open(s.sources[i].ID, -1)
	}
}

func (s *libraryScreen) openHit(h domain.SearchHit) {
	if h.Kind == domain.HitSource {
		s.reader.open(h.ID, -1)
		return
	}
	background(func() {
		e, err := s.ui.lib.Excerpt(s.ui.ctx, h.ID)
		s.ui.do(func() {
			if err != nil {
				s.ui.showError(err)
				return
			}
			s.reader.open(e.SourceID, e.ID)
		})
	})
}

// showExcerpt switches to the library and opens an excerpt in its source.
func (u *UI) showExcerpt(e *domain.Excerpt) {
	u.onShowView(viewLibrary)
	u.library.reader.open(e.SourceID, e.ID)
}
