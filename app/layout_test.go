package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/widgets"
)

// layoutSizes are the window sizes every view and dialog must work at.
var layoutSizes = []fyne.Size{{Width: 800, Height: 600}, {Width: 1280, Height: 800}, {Width: 1920, Height: 1080}, {Width: 3840, Height: 2160}}

type rect struct{ x0, y0, x1, y1 float32 }

func rectOf(pos fyne.Position, size fyne.Size) rect {
	return rect{pos.X, pos.Y, pos.X + size.Width, pos.Y + size.Height}
}

// tolerance absorbs float rounding in layouts.
const tolerance = 1

func (r rect) inside(o rect) bool {
	return r.x0 >= o.x0-tolerance && r.y0 >= o.y0-tolerance && r.x1 <= o.x1+tolerance && r.y1 <= o.y1+tolerance
}

func (r rect) overlaps(o rect) bool {
	return r.x0 < o.x1-tolerance && o.x0 < r.x1-tolerance && r.y0 < o.y1-tolerance && o.y0 < r.y1-tolerance
}

func (r rect) empty() bool { return r.x1-r.x0 < 1 || r.y1-r.y0 < 1 }

// isControl tells whether o is something the analyst reads or uses, which
// must be wholly on screen and clear of its neighbours.
func isControl(o fyne.CanvasObject) bool {
	switch o.(type) {
	case *dialogButton, *dialogEntry, *dialogSelect, *dialogList,
		*widget.Button, *widget.Entry, *widget.Select, *widget.Check, *widget.Label, *widget.List,
		*widget.Form, *widgets.Reader, *widgets.Toolbar, *container.AppTabs, *widget.Accordion, *widget.RichText:
		return true
	}
	return false
}

// layoutChecker walks a canvas object tree with absolute positions and
// records every visible control outside the window (or the pane that
// clips it) and every pair of sibling objects drawn over each other.
type layoutChecker struct {
	problems []string
}

func (lc *layoutChecker) add(format string, args ...any) {
	if len(lc.problems) < 20 {
		lc.problems = append(lc.problems, fmt.Sprintf(format, args...))
	}
}

func describe(o fyne.CanvasObject) string {
	switch w := o.(type) {
	case *widget.Button:
		if w.Text == "" {
			return "icon button"
		}
		return "button " + w.Text
	case *dialogButton:
		return describe(&w.Button)
	case *dialogEntry:
		return describe(&w.Entry)
	case *dialogSelect:
		return describe(&w.Select)
	case *widget.Label:
		return "label " + clipRunes(w.Text, 30)
	case *widget.Entry:
		return "entry " + clipRunes(w.PlaceHolder+w.Text, 30)
	case *widget.Check:
		return "check " + w.Text
	case *widget.Select:
		return "select " + w.Selected
	}
	return fmt.Sprintf("%T", o)
}

// walk checks o, at abs, inside clip; within a scroller only overlaps are
// checked, since scrolled content may lie beyond the viewport.
func (lc *layoutChecker) walk(o fyne.CanvasObject, abs fyne.Position, clip rect, scrolled bool) {
	if !o.Visible() {
		return
	}
	r := rectOf(abs, o.Size())
	if r.empty() {
		return
	}
	if isControl(o) && !scrolled && !r.inside(clip) {
		lc.add("%s at %v size %v leaves its area %v", describe(o), abs, o.Size(), clip)
	}
	var children []fyne.CanvasObject
	siblings := false
	switch c := o.(type) {
	case *fyne.Container:
		children = c.Objects
		siblings = !strings.Contains(fmt.Sprintf("%T", c.Layout), "stack")
	case *container.Scroll:
		children = []fyne.CanvasObject{c.Content}
		scrolled = true
	case *container.Split:
		children, siblings = []fyne.CanvasObject{c.Leading, c.Trailing}, true
		if !scrolled && !r.inside(clip) {
			lc.add("split pane at %v size %v leaves its area %v", abs, o.Size(), clip)
		}
	case *widget.List, *dialogList:
		scrolled = true
		children = test.WidgetRenderer(c.(fyne.Widget)).Objects()
	case fyne.Widget:
		children = test.WidgetRenderer(c).Objects()
		// A dialog's title, fields and buttons must not overlap either.
		siblings = strings.HasPrefix(fmt.Sprintf("%T", c), "*dialog.")
	}
	if siblings {
		lc.checkSiblings(children, abs)
	}
	for _, ch := range children {
		lc.walk(ch, abs.Add(ch.Position()), clip, scrolled)
	}
}

// checkSiblings reports visible children of one container laid over each
// other (a stack excepted, whose children are layers by design).
func (lc *layoutChecker) checkSiblings(children []fyne.CanvasObject, abs fyne.Position) {
	var shown []fyne.CanvasObject
	for _, ch := range children {
		if ch.Visible() && !rectOf(ch.Position(), ch.Size()).empty() && !isDecoration(ch) {
			shown = append(shown, ch)
		}
	}
	for i, a := range shown {
		for _, b := range shown[i+1:] {
			if rectOf(a.Position(), a.Size()).overlaps(rectOf(b.Position(), b.Size())) {
				lc.add("%s at %v size %v overlaps %s at %v size %v", describe(a), abs.Add(a.Position()), a.Size(),
					describe(b), abs.Add(b.Position()), b.Size())
			}
		}
	}
}

// isDecoration is drawn under or between controls: backgrounds, lines.
func isDecoration(o fyne.CanvasObject) bool {
	switch o.(type) {
	case *widget.Separator:
		return true
	}
	if name := fmt.Sprintf("%T", o); strings.Contains(name, "ackground") || strings.Contains(name, "hadow") {
		return true // a dialog's background and shadow lie under its content
	}
	_, isWidget := o.(fyne.Widget)
	_, isContainer := o.(*fyne.Container)
	return !isWidget && !isContainer // canvas rectangles, lines, text in a widget's renderer
}

// checkWindowLayout checks the window's content and its dialogs.
func checkWindowLayout(t *testing.T, u *UI, what string) {
	t.Helper()
	var lc layoutChecker
	fyne.DoAndWait(func() {
		c := u.win.Canvas()
		win := rectOf(fyne.NewPos(0, 0), c.Size())
		// A real window never shrinks below its content's minimum: it
		// would grow past the screen (there may be no window manager).
		if m := c.Content().MinSize(); m.Width > c.Size().Width+tolerance || m.Height > c.Size().Height+tolerance {
			lc.add("the content needs %v, more than the window", m)
		}
		lc.walk(c.Content(), c.Content().Position(), win, false)
		for _, o := range c.Overlays().List() {
			if m := o.MinSize(); m.Width > c.Size().Width+tolerance || m.Height > c.Size().Height+tolerance {
				lc.add("a dialog needs %v, more than the window", m)
			}
			lc.walk(o, o.Position(), win, false)
		}
	})
	if len(lc.problems) > 0 {
		t.Errorf("%s at %v:\n\t%s", what, u.win.Canvas().Size(), strings.Join(lc.problems, "\n\t"))
	}
}

// resize sets the window's size and lets the layout settle.
func resize(u *UI, s fyne.Size) {
	fyne.DoAndWait(func() {
		u.win.Resize(s)
		u.win.Content().Refresh()
	})
}

func TestViewsFitTheWindow(t *testing.T) {
	u, lib := newTestUI(t)
	fyne.DoAndWait(u.onLoadSample)
	eventually(t, "the sample", func() bool { st, _ := lib.Stats(context.Background()); return st.Briefings == 1 })
	dismissOverlays(u)
	for _, size := range layoutSizes {
		t.Run(fmt.Sprintf("%vx%v", size.Width, size.Height), func(t *testing.T) {
			resize(u, size)
			fyne.DoAndWait(func() { u.onShowView(viewLibrary) })
			eventually(t, "the sources", func() bool { return len(u.library.sources) == sampleSources })
			fyne.DoAndWait(func() { u.library.list.Select(0) })
			eventually(t, "the reader", func() bool { return u.library.reader.source != nil })
			checkWindowLayout(t, u, "Library with a source open")

			fyne.DoAndWait(func() { u.onShowView(viewExcerpts) })
			eventually(t, "the excerpts", func() bool { return len(u.excerpts.excerpts) >= 8 })
			fyne.DoAndWait(func() { u.excerpts.list.Select(0) })
			checkWindowLayout(t, u, "Excerpts with one selected")

			fyne.DoAndWait(func() { u.onShowView(viewBriefings) })
			eventually(t, "the briefings", func() bool { return len(u.briefings.briefings) == 1 })
			fyne.DoAndWait(func() { u.briefings.list.Select(0) })
			c := u.briefings.composer
			eventually(t, "the composer", func() bool { return c.d != nil })
			fyne.DoAndWait(func() { c.editBlock(0) }) // a judgment: its editor shows
			checkWindowLayout(t, u, "Briefings with the composer open")
			fyne.DoAndWait(func() { c.tabs.SelectIndex(1) })
			checkWindowLayout(t, u, "Briefings with the preview")
			fyne.DoAndWait(func() { c.tabs.SelectIndex(0) })
		})
	}
}

func TestDialogsFitTheWindow(t *testing.T) {
	u, lib := newTestUI(t)
	fyne.DoAndWait(u.onLoadSample)
	eventually(t, "the sample", func() bool { st, _ := lib.Stats(context.Background()); return st.Briefings == 1 })
	dismissOverlays(u)
	srcs, _ := lib.Sources(context.Background(), domain.SourceFilter{})
	dialogs := []struct {
		name string
		open func()
	}{
		{"Settings", u.onSettings},
		{"Source details", func() { u.editSource(srcs[0], "Source details", []string{"Title found in the first line"}, nil) }},
		{"New excerpt", func() {
			r := u.library.reader
			src, _ := lib.Source(context.Background(), srcs[0].ID)
			r.loaded(src, nil, -1)
			r.text.Select(0, 60)
			r.onNewExcerpt()
		}},
		{"Import from a web address", u.onImportURL},
		{"Keyboard shortcuts", u.onShortcutsHelp},
		{"Add an excerpt", func() { u.briefings.composer.onPickExcerpt() }},
		{"Export briefing", func() { u.briefings.composer.onExport() }},
		{"Versions", func() { u.briefings.composer.onHistory() }},
		{"Changes not saved", func() {
			u.onCloseUnsaved([]unsavedEdit{u.briefings.composer.d}, userError{"the disk is full"})
		}},
		{"Add to briefing", func() {
			exs, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{})
			u.excerpts.selected = exs[0]
			u.excerpts.onAddToBriefing()
		}},
		{"Discard your changes?", func() { u.askDiscard(container.NewWithoutLayout(), []string{"typed"}, func() {}, nil) }},
		{"Trash", func() { u.showTrash() }},
		{"Keyboard shortcuts", u.onShortcutsHelp},
		{"Imported — check the details, a long source", func() { u.reviewImport(longSource(srcs[0]), longReport) }},
		{"New excerpt of a long passage", func() {
			r := u.library.reader
			src, _ := lib.Source(context.Background(), srcs[0].ID)
			r.loaded(src, nil, -1)
			r.text.Select(0, len([]rune(src.Text)))
			r.onNewExcerpt()
		}},
	}
	for _, size := range layoutSizes {
		t.Run(fmt.Sprintf("%vx%v", size.Width, size.Height), func(t *testing.T) {
			resize(u, size)
			fyne.DoAndWait(func() { u.onShowView(viewBriefings) })
			eventually(t, "the briefings", func() bool { return len(u.briefings.briefings) == 1 })
			fyne.DoAndWait(func() { u.briefings.list.Select(0) })
			eventually(t, "the composer", func() bool { return u.briefings.composer.d != nil })
			for _, d := range dialogs {
				fyne.DoAndWait(d.open)
				eventually(t, d.name, func() bool { return len(u.win.Canvas().Overlays().List()) > 0 })
				checkWindowLayout(t, u, d.name)
				dismissOverlays(u)
			}
		})
	}
}

// longReport is what an import found in a messy file: many lines.
var longReport = []string{"Title taken from the first line", "Authors taken from the byline: Cyber and Critical Tech desk",
	"Date taken from the dateline", "Publisher taken from the footer", "Hyphenation at line ends removed in 42 places",
	"Page headers and footers removed (12)", "Curly quotes kept as typed", "Two columns merged into one"}

// longSource is src with long details, as an import may find them.
func longSource(src *domain.Source) *domain.Source {
	s := *src
	s.Title = strings.Repeat("A very long title of a policy report on export controls ", 4)
	s.Subtitle = strings.Repeat("and its subtitle ", 8)
	s.Notes = strings.Repeat("Notes kept on the source, line after line.\n", 12)
	return &s
}

// The checker itself: a row wider than the window, and two controls laid
// over each other, are both caught.
func TestLayoutCheckerCatchesOverflowAndOverlap(t *testing.T) {
	u, _ := newTestUI(t)
	dismissOverlays(u)
	wide := widget.NewButton(strings.Repeat("Wide ", 60), nil)
	a, b := widget.NewButton("A", nil), widget.NewButton("B", nil)
	over := container.NewWithoutLayout(a, b)
	a.Resize(fyne.NewSize(100, 30))
	b.Resize(fyne.NewSize(100, 30))
	b.Move(fyne.NewPos(50, 0))
	for _, c := range []fyne.CanvasObject{container.NewHBox(wide), over} {
		var lc layoutChecker
		fyne.DoAndWait(func() {
			u.win.SetContent(c)
			u.win.Resize(fyne.NewSize(800, 600))
			lc.walk(c, c.Position(), rectOf(fyne.NewPos(0, 0), u.win.Canvas().Size()), false)
		})
		if len(lc.problems) == 0 {
			t.Errorf("no problem found in %T", c)
		}
	}
}

// The sidebar and the list keep their widths from view to view, also
// after the analyst drags the divider.
func TestSidebarAndListWidthsStayBetweenViews(t *testing.T) {
	u, lib := newTestUI(t)
	fyne.DoAndWait(u.onLoadSample)
	eventually(t, "the sample", func() bool { st, _ := lib.Stats(context.Background()); return st.Briefings == 1 })
	dismissOverlays(u)
	resize(u, fyne.NewSize(1000, 700))
	listX := func(v view) (nav, list float32) {
		var split *container.Split
		fyne.DoAndWait(func() {
			u.onShowView(v)
			u.win.Content().Refresh()
			split = []fyne.CanvasObject{u.library.content, u.excerpts.content, u.briefings.content}[v].(*container.Split)
		})
		return u.nav.Size().Width, split.Trailing.Position().X
	}
	nav0, list0 := listX(viewLibrary)
	for _, v := range []view{viewExcerpts, viewBriefings, viewLibrary} {
		if nav, list := listX(v); nav != nav0 || list != list0 {
			t.Fatalf("%s: sidebar %v, detail at %v; library: %v, %v", viewNames[v], nav, list, nav0, list0)
		}
	}
	fyne.DoAndWait(func() { u.library.content.(*container.Split).SetOffset(0.3) })
	_, dragged := listX(viewLibrary)
	for _, v := range []view{viewExcerpts, viewBriefings} {
		if _, list := listX(v); list != dragged {
			t.Fatalf("after a drag %s's detail is at %v, the library's at %v", viewNames[v], list, dragged)
		}
	}
}

// In a narrow window the sidebar folds to its icons; in a wide one it
// names the views.
func TestSidebarFoldsToIconsInANarrowWindow(t *testing.T) {
	u, _ := newTestUI(t)
	dismissOverlays(u)
	names := func() (shown int) {
		fyne.DoAndWait(func() {
			walk(u.nav, func(o fyne.CanvasObject) {
				if l, ok := o.(*widget.Label); ok && l.Visible() && l.Text == "Briefings" {
					shown++
				}
			})
		})
		return shown
	}
	resize(u, fyne.NewSize(800, 600))
	if n, w := names(), u.nav.Size().Width; n != 0 || w > 60 {
		t.Fatalf("at 800 px the sidebar is %v wide with %d names", w, n)
	}
	resize(u, fyne.NewSize(1280, 800))
	if n := names(); n != 1 {
		t.Fatalf("at 1280 px the sidebar shows %d names", n)
	}
}

// The composer with everything shown — the details open under the US
// scheme (authority lines, caveats and release lists on every marking
// field) and a marked judgment selected — still fits an 800×600 window:
// a window asks no more than its content's minimum, and, with no window
// manager, one that grew taller than the screen hid the document and
// the footer.
func TestComposerWithDetailsFitsASmallWindow(t *testing.T) {
	u, lib := newTestUI(t)
	dismissOverlays(u)
	rel := domain.Marking("S//REL TO USA, GBR")
	c := newBriefingIn(t, u, lib, &domain.Briefing{Title: "Everything shown", Scheme: domain.SchemeUS,
		Classification: rel, TitleMarking: rel, SubtitleMarking: rel, SummaryMarking: rel, Summary: "The bottom line.",
		Blocks: []*domain.Block{{Type: domain.BlockJudgment, Text: "A judgment", Confidence: domain.ConfidenceHigh, Marking: rel},
			{Type: domain.BlockCommentary, Text: "Commentary", Marking: rel}, {Type: domain.BlockCommentary, Text: "More", Marking: rel}}})
	fyne.DoAndWait(func() {
		c.details.Open(0)
		c.editBlock(0)
	})
	if !c.marking.authRows[1].Visible() || !c.marking.overall.relLine.Visible() || !c.editor.marking.relLine.Visible() {
		t.Fatal("the US fields are not all shown")
	}
	var first fyne.Size
	for _, size := range []fyne.Size{{Width: 800, Height: 600}, {Width: 1280, Height: 800}, {Width: 800, Height: 600}} {
		resize(u, size)
		var minSize, doc, details, form fyne.Size
		var docShown bool
		fyne.DoAndWait(func() {
			minSize = u.win.Canvas().Content().MinSize()
			doc, docShown = c.doc.Size(), c.doc.Visible() && c.edit.Visible()
			details, form = c.details.Size(), c.detailsItem.Detail.MinSize()
		})
		t.Logf("at %v: content minimum %v, document %v, details %v", size, minSize, doc, details)
		if minSize.Height > 600 || minSize.Width > 800 {
			t.Errorf("at %v the window's content needs %v, more than 800×600", size, minSize)
		}
		// A minimum that followed the window let it grow step by step.
		if first == (fyne.Size{}) {
			first = minSize
		} else if minSize != first {
			t.Errorf("at %v the content needs %v, at 800×600 %v", size, minSize, first)
		}
		// The document takes the tab (the outline folded away at 800×600):
		// the details scroll with it.
		if !docShown || doc.Height < size.Height/2 || doc.Width < docLeast*0.8 {
			t.Errorf("at %v the document is %v", size, doc)
		}
		if details.Height < form.Height { // the whole form, scrolling with the document
			t.Errorf("at %v the open details are %v high, their form %v", size, details, form)
		}
		checkWindowLayout(t, u, "The composer with the US details open and a judgment selected")
	}
}

// An empty library's hints wrap: unwrapped, they made the Library view
// 770 points wide, and the window opened wider than an 800×600 screen.
func TestEmptyLibraryFitsASmallWindow(t *testing.T) {
	u, _ := newTestUI(t)
	dismissOverlays(u)
	resize(u, fyne.NewSize(800, 600))
	fyne.DoAndWait(func() { u.onShowView(viewLibrary) })
	eventually(t, "the empty library's hint", func() bool {
		var text string
		fyne.DoAndWait(func() { text = u.library.status.Text })
		return strings.HasPrefix(text, "No sources yet")
	})
	checkWindowLayout(t, u, "an empty Library")
}
