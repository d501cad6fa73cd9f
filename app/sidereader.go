package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The source beside the draft: in the Briefings view the draft shares its
// room with a side pane holding a source (the Source tab, a reader) and
// the library's excerpts (the Excerpts tab). A passage selected in the
// source, or an excerpt row, is dragged into the draft (or inserted with
// Ctrl+Enter, Enter or a double click) as an excerpt block: see
// sidereader_drop.go. Either the briefings list or the side pane can be
// folded away to give the draft the width; the choice is remembered.

// Preferences remembering which panes the Briefings view shows.
const (
	prefSideShown  = "briefings.sideShown"   // the side pane is out (folded away until a source is opened in it)
	prefListHidden = "briefings.listHidden"  // the briefings list is folded away
	prefSideSource = "briefings.sideSource." // and the library's key: the source open beside the draft
)

// sideOffset is the draft's share of the room it shares with the side
// pane, until the analyst drags the divider.
const sideOffset = 0.58

// sidePane is the side pane with the bar that folds the panes. It starts
// folded away, leaving the composer its width, until the analyst opens a
// source beside the draft (Open source…, an excerpt card's source).
type sidePane struct {
	s        *briefingsScreen
	ui       *UI
	content  fyne.CanvasObject // the side pane itself
	split    *container.Split  // the draft beside the side pane
	tabs     *container.AppTabs
	source   *container.TabItem
	reader   *sideReader
	excerpts *sideExcerpts
	listBtn  *widget.Button // folds or unfolds the briefings list
	sideBtn  *widget.Button // folds or unfolds the side pane
	over     bool           // a drag from the side pane is over the draft, showing where it would land
}

func newSidePane(s *briefingsScreen) *sidePane {
	p := &sidePane{s: s, ui: s.ui}
	p.reader = newSideReader(p)
	p.excerpts = newSideExcerpts(p)
	p.source = container.NewTabItem("Source", p.reader.content)
	p.tabs = container.NewAppTabs(p.source, container.NewTabItem("Excerpts", p.excerpts.content))
	p.tabs.OnSelected = func(t *container.TabItem) {
		if t != p.source {
			p.excerpts.show()
		}
	}
	p.content = p.tabs
	p.listBtn = widget.NewButton("", p.toggleList)
	p.sideBtn = widget.NewButton("", p.toggleSide)
	for _, b := range []*widget.Button{p.listBtn, p.sideBtn} {
		b.Importance = widget.LowImportance
	}
	return p
}

// around lays the draft out beside the side pane, under the bar that
// folds them; it is the briefings list's neighbour.
func (p *sidePane) around(draft fyne.CanvasObject) fyne.CanvasObject {
	p.split = container.NewHSplit(draft, p.content)
	p.split.Offset = sideOffset
	open := widget.NewButtonWithIcon("Open source…", theme.FolderOpenIcon(), p.onOpenSource)
	open.Importance = widget.LowImportance
	bar := container.NewBorder(nil, nil, p.listBtn, container.NewHBox(open, p.sideBtn))
	return container.NewBorder(bar, nil, nil, nil, p.split)
}

// restore folds away the panes folded when the app was last used, once
// the briefings list's split is built, and opens the source that was
// open beside the draft.
func (p *sidePane) restore() {
	prefs := p.ui.app.Preferences()
	p.showSide(prefs.Bool(prefSideShown))
	p.showList(!prefs.Bool(prefListHidden))
	if id := prefs.Int(p.sourceKey()); id > 0 {
		p.reader.openQuietly(int64(id))
	}
}

// sourceKey is the preference remembering the source beside the draft,
// per library: another library's source 3 is another source.
func (p *sidePane) sourceKey() string { return prefSideSource + p.ui.libraryKey() }

// rememberSource notes the source open beside the draft (0 for none).
func (p *sidePane) rememberSource(id int64) {
	prefs := p.ui.app.Preferences()
	if int64(prefs.Int(p.sourceKey())) != id {
		prefs.SetInt(p.sourceKey(), int(id))
	}
}

// sideShown and listShown tell whether the side pane and the briefings
// list are on screen (not folded away).
func (p *sidePane) sideShown() bool { return p.content.Visible() }
func (p *sidePane) listShown() bool { return p.s.split.Leading.Visible() }

func (p *sidePane) toggleList() {
	p.showList(!p.listShown())
	p.ui.app.Preferences().SetBool(prefListHidden, !p.listShown())
}

func (p *sidePane) toggleSide() {
	p.showSide(!p.sideShown())
	p.ui.app.Preferences().SetBool(prefSideShown, p.sideShown())
}

// unfold shows the side pane if it was folded away, remembering it.
func (p *sidePane) unfold() {
	if !p.sideShown() {
		p.toggleSide()
	}
}

// showList folds the briefings list away (the draft takes its room) or
// brings it back.
func (p *sidePane) showList(on bool) {
	showIf(on, p.s.split.Leading)
	p.s.split.Refresh()
	if on {
		p.listBtn.SetText("Hide list")
		p.listBtn.SetIcon(theme.NavigateBackIcon())
	} else {
		p.listBtn.SetText("Show list")
		p.listBtn.SetIcon(theme.NavigateNextIcon())
	}
}

// showSide folds the side pane away or brings it back.
func (p *sidePane) showSide(on bool) {
	showIf(on, p.content)
	p.split.Refresh()
	if on {
		p.sideBtn.SetText("Hide side pane") // it holds the Excerpts tab too
		p.sideBtn.SetIcon(theme.NavigateNextIcon())
	} else {
		p.sideBtn.SetText("Source beside draft")
		p.sideBtn.SetIcon(theme.NavigateBackIcon())
	}
}

// refresh shows what changed in the library: the open source's excerpts,
// the excerpts listed.
func (p *sidePane) refresh() {
	p.reader.refresh()
	p.excerpts.refresh()
}

// showInSide opens source sourceID in the reader beside the draft, with
// excerpt excerptID (> 0) highlighted and scrolled to, showing the reader
// if it was folded away.
func (s *briefingsScreen) showInSide(sourceID, excerptID int64) {
	p := s.side
	p.unfold()
	p.tabs.Select(p.source)
	p.reader.open(sourceID, excerptID, "")
}
