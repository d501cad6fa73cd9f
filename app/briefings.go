package app

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/widgets"
)

// briefingsScreen lists the briefings (or the trash) beside the composer
// for the selected one, and the source beside the draft (sidereader.go).
type briefingsScreen struct {
	ui        *UI
	atRisk    map[int64]*domain.BriefingRisk // the briefings on troubled sources, for the flags
	content   fyne.CanvasObject
	split     *container.Split // the list beside the draft and side pane
	side      *sidePane
	tools     *widgets.Toolbar
	list      *widget.List
	status    *widget.Label
	trash     *widget.Check
	restore   *widget.Button
	remove    *widget.Button
	empty     *widget.Button
	composer  *composer
	right     *fyne.Container
	hint      *widget.Label
	briefings []*domain.BriefingSummary
	selected  int64
	newID     int64 // a briefing just made: its title gets the cursor when it opens
	loads     int
	counts    wordCounts // the briefings' lengths (see briefingwords.go)
}

func newBriefingsScreen(ui *UI) *briefingsScreen {
	s := &briefingsScreen{ui: ui}
	s.list = widget.NewList(func() int { return len(s.briefings) }, flaggedRow(true), s.updateRow)
	s.list.OnSelected = s.onSelect
	s.status = widget.NewLabel("")
	s.status.Importance = widget.LowImportance
	s.trash = widget.NewCheck("Show the trash", func(bool) { s.reload() })
	newBtn := ui.writes(widget.NewButtonWithIcon("New", theme.ContentAddIcon(), s.onNew))
	newBtn.Importance = widget.HighImportance
	dup := ui.writes(widget.NewButtonWithIcon("Duplicate", theme.ContentCopyIcon(), s.onDuplicate))
	s.remove = ui.writes(widget.NewButtonWithIcon("Trash", theme.DeleteIcon(), s.onTrash))
	s.restore = ui.writes(widget.NewButtonWithIcon("Restore", theme.ContentUndoIcon(), s.onRestore))
	s.empty = ui.writes(widget.NewButtonWithIcon("Empty trash", theme.DeleteIcon(), s.onEmptyTrash))
	s.tools = widgets.NewToolbar()
	s.tools.Add(newBtn, "New briefing")
	s.tools.Add(dup, "")
	s.tools.Add(s.remove, "")
	s.tools.Add(s.restore, "")
	s.tools.AddSeparator()
	s.tools.AddCheck(s.trash)
	s.tools.Add(s.empty, "")
	s.composer = newComposer(ui)
	s.hint = widget.NewLabel("Select a briefing to edit it, or start a new one.")
	if ui.lib.ReadOnly() {
		s.hint.SetText("Select a briefing to read or export it.")
	}
	s.hint.Alignment = fyne.TextAlignCenter
	s.composer.content.Hide()
	s.right = container.NewStack(s.composer.content, s.hint)
	s.side = newSidePane(s)
	s.split = newListSplit(container.NewBorder(s.tools, s.status, nil, nil, s.list), s.side.around(s.right))
	s.side.restore()
	s.content = s.split
	s.syncButtons()
	return s
}

// syncButtons offers Restore and Empty trash in the trash, Trash elsewhere.
func (s *briefingsScreen) syncButtons() {
	showIf(s.trash.Checked, s.restore, s.empty)
	showIf(!s.trash.Checked, s.remove)
	s.tools.Refresh()
}

func (s *briefingsScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.briefings) {
		return
	}
	b := s.briefings[i]
	meta := b.Status.Label() + " · " + plural(b.Blocks, "block") + " · "
	if n, ok := s.words(b); ok {
		meta += plural(n, "word") + " · "
	}
	// Who changed it last goes at the end, so that where the row is cut
	// short (a narrow list) only the name goes.
	meta += "edited " + b.UpdatedAt.Local().Format("2 Jan 2006 15:04") + byName(b.UpdatedBy)
	setFlaggedRow(o, b.Title, meta, riskFlag(s.atRisk[b.ID]))
}

func (s *briefingsScreen) reload() {
	s.loads++
	gen, trash := s.loads, s.trash.Checked
	s.syncButtons()
	background(func() {
		list, err := s.ui.lib.Briefings(s.ui.ctx, domain.BriefingFilter{Trashed: trash})
		risks := s.ui.loadRisks() // the flags (standing.go)
		s.ui.do(func() {
			if gen != s.loads {
				return
			}
			s.atRisk = risks
			if err != nil {
				s.ui.showError(err)
				return
			}
			// The open briefing stays selected (and the list where it was
			// scrolled to): Select does nothing for the row already
			// selected, which is kept if the briefing is still on it.
			at := -1
			for i, b := range list {
				if b.ID == s.selected && !trash {
					at = i
				}
			}
			if at < 0 || at >= len(s.briefings) || s.briefings[at].ID != s.selected {
				s.list.UnselectAll()
			}
			s.briefings = list
			s.list.Refresh()
			s.countWords(list)
			s.status.SetText(plural(len(list), "briefing"))
			if at >= 0 {
				s.list.Select(at)
			}
		})
	})
}

func (s *briefingsScreen) onSelect(i widget.ListItemID) {
	if i >= len(s.briefings) {
		return
	}
	id := s.briefings[i].ID
	if s.trash.Checked {
		s.selected = id
		return
	}
	if s.composer.d != nil && s.composer.d.b.ID == id {
		return
	}
	background(func() {
		b, err := s.ui.lib.Briefing(s.ui.ctx, id)
		s.ui.do(func() {
			if err != nil {
				s.ui.showError(err)
				return
			}
			s.selected = id
			s.ui.rememberBriefing(id)
			s.composer.open(b)
			s.showComposer(true)
			if s.newID == id {
				s.newID = 0
				s.focusNewTitle()
			}
		})
	})
}

// focusNewTitle puts the cursor in a new briefing's title with its
// placeholder text selected, so typing at once names it.
func (s *briefingsScreen) focusNewTitle() {
	t := s.composer.title
	s.ui.win.Canvas().Focus(t)
	t.TypedShortcut(&fyne.ShortcutSelectAll{})
}

func (s *briefingsScreen) onNew() {
	if s.ui.refuseReadOnly() {
		return
	}
	p := s.ui.app.Preferences()
	b := &domain.Briefing{Title: "Untitled briefing", Author: p.String(prefAuthor), Date: domain.DateOf(timeNow())}
	setting, class := s.ui.settingScheme(), domain.Marking(p.String(prefClassification))
	background(func() {
		// The library's default scheme, else the settings', else none.
		lib, err := s.ui.lib.DefaultScheme(s.ui.ctx)
		if err == nil {
			newBriefingMarking(b, lib, setting, class)
			err = s.ui.lib.CreateBriefing(s.ui.ctx, b)
		}
		s.ui.do(func() {
			s.ui.libScheme = lib
			if err != nil {
				s.ui.showError(err)
				return
			}
			s.selected, s.newID = b.ID, b.ID
			s.trash.SetChecked(false) // reloads the list, which opens b
			s.ui.libraryChanged(changedBriefings)
		})
	})
}

// newBriefingMarking gives a new briefing the library's scheme lib, else
// setting, and the settings' default marking class if it is a marking of
// that scheme (one typed before schemes may not be).
func newBriefingMarking(b *domain.Briefing, lib domain.SchemeID, setting *domain.Scheme, class domain.Marking) {
	sc := setting
	if lib != "" {
		sc = domain.SchemeOf(lib)
	}
	b.Scheme = sc.ID
	if k, err := sc.Admit(class); err == nil {
		b.Classification = k.Marking()
	}
}

func (s *briefingsScreen) act(fn func(id int64) error) {
	if s.selected == 0 {
		return
	}
	id := s.selected
	s.composer.d.flush(func() {
		background(func() {
			err := fn(id)
			s.ui.do(func() {
				s.ui.showError(err)
				s.ui.libraryChanged(changedBriefings)
			})
		})
	})
}

func (s *briefingsScreen) onDuplicate() {
	s.act(func(id int64) error {
		b, err := s.ui.lib.DuplicateBriefing(s.ui.ctx, id)
		if err == nil {
			s.ui.do(func() { s.selected = b.ID })
		}
		return err
	})
}

func (s *briefingsScreen) onTrash() {
	s.act(func(id int64) error {
		err := s.ui.lib.TrashBriefing(s.ui.ctx, id)
		if err == nil {
			s.ui.do(func() { s.ui.notifyTrashed(id); s.closeComposer() })
		}
		return err
	})
}

func (s *briefingsScreen) closeComposer() {
	s.composer.opening = nil // a switch waiting on a save opens nothing
	if d := s.composer.d; d != nil {
		s.ui.saveThenLetGo(d)
	}
	s.composer.d = nil
	s.selected = 0
	s.ui.rememberBriefing(0)
	s.showComposer(false)
}

// showComposer shows the composer, or the hint in its place.
func (s *briefingsScreen) showComposer(on bool) {
	showIf(on, s.composer.content)
	showIf(!on, s.hint)
	s.right.Refresh()
}

func (s *briefingsScreen) onRestore() {
	s.act(func(id int64) error { return s.ui.lib.RestoreBriefing(s.ui.ctx, id) })
}

func (s *briefingsScreen) onEmptyTrash() {
	s.ui.confirm("Empty the trash", "Delete everything in the trash for good: its briefings with their versions, and its sources and excerpts (View → Trash… lists them)? This cannot be undone.", func(ok bool) {
		if !ok {
			return
		}
		background(func() {
			_, err := s.ui.lib.EmptyTrash(s.ui.ctx)
			s.ui.do(func() { s.ui.showError(err); s.ui.libraryChanged(changedBriefings) })
		})
	})
}

// twoLineRow makes list rows of a main line (bold or not) over a quieter
// line of details, both cut short with an ellipsis.
func twoLineRow(bold bool) func() fyne.CanvasObject {
	return func() fyne.CanvasObject {
		a := widget.NewLabel("title")
		a.TextStyle.Bold = bold
		a.Truncation = fyne.TextTruncateEllipsis
		b := widget.NewLabel("meta")
		b.Importance = widget.LowImportance
		b.Truncation = fyne.TextTruncateEllipsis
		return container.NewVBox(a, b)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
