package app

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/integrity"
	"github.com/attache/attache/widgets"
)

// The composer's checks: the estimative-language checker's findings,
// marked on the words in the document and listed under it; the export
// model's warnings (the basis of key judgments among them); and the
// blocks resting on sources with a concern. The checker and the
// concerns run off the UI goroutine once typing pauses.

// checkDelay is how long the composer waits after the last change before
// checking the draft's language again.
var checkDelay = 400 * time.Millisecond

// checkLanguage is the checker (a variable so that tests can give the
// words it flags).
var checkLanguage = integrity.CheckLanguage

// checkRisks finds the blocks resting on sources with a concern (a
// variable for the tests, as checkLanguage).
var checkRisks = integrity.Risks

// checksPanel is the list under the document.
type checksPanel struct {
	c       *composer
	content *fyne.Container
	icon    *widget.Icon
	head    *widget.Label
	toggle  *widget.Button
	showDis *widget.Check
	list    *fyne.Container
	scroll  *container.Scroll
	// fold is the analyst's choice: +1 open, -1 folded, 0 not chosen
	// (then open but in a small window, where the document needs the room).
	fold    int
	roomy   bool            // the last layout found room for the list
	outer   *fyne.Container // the Compose tab (around)
	laidFor float32         // the list's height when the tab was last laid out for it

	timer *time.Timer
	gen   int   // bumped by every change; an older check is not shown
	forID int64 // the briefing the findings are of

	findings  []integrity.Finding
	dismissed []*domain.Dismissal
	risks     []integrity.Risk
	warnings  []export.Warning
	failed    string // why the last check could not read the library, "" when it could
}

func newChecksPanel(c *composer) *checksPanel {
	p := &checksPanel{c: c}
	p.icon = widget.NewIcon(theme.ConfirmIcon())
	p.head = widget.NewLabel("No findings")
	p.head.Truncation = fyne.TextTruncateEllipsis
	p.toggle = widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), func() {
		if p.open() {
			p.fold = -1
		} else {
			p.fold = 1
		}
		p.laidFor = -1 // lay out again
		p.show()
	})
	p.toggle.Importance = widget.LowImportance
	p.showDis = widget.NewCheck("Show dismissed", func(bool) { p.show() })
	p.list = container.NewVBox()
	p.scroll = container.NewVScroll(p.list)
	bar := container.NewBorder(nil, nil, p.icon, container.NewHBox(p.showDis, p.toggle), p.head)
	c.doc.MarkTip = p.tipFor
	p.content = container.NewBorder(canvas.NewLine(theme.Color(theme.ColorNameSeparator)), nil, nil, nil,
		container.NewBorder(bar, nil, nil, nil, p.scroll))
	return p
}

// update takes the draft's new model (its warnings) after a change: the
// marks follow the words they were on while the next check waits for
// typing to pause.
func (p *checksPanel) update(doc *export.Document) {
	c := p.c
	if c.d == nil {
		return
	}
	p.warnings = doc.Warnings()
	if c.d.b.ID != p.forID {
		p.forID = c.d.b.ID
		p.findings, p.dismissed, p.risks, p.failed = nil, nil, nil, ""
	}
	p.show()
	p.checkLater()
}

// checkLater checks the draft once typing pauses.
func (p *checksPanel) checkLater() {
	p.gen++
	gen := p.gen
	if p.timer != nil {
		p.timer.Stop()
	}
	p.timer = time.AfterFunc(checkDelay, func() { p.c.ui.do(func() { p.check(gen) }) })
}

// check runs the checker on a copy of the draft, with the briefing's
// dismissals and the library's source concerns read afresh.
func (p *checksPanel) check(gen int) {
	c := p.c
	if gen != p.gen || c.d == nil {
		return
	}
	b := c.d.b.Clone()
	var srcs []*domain.Source
	for _, s := range c.sources {
		if s != nil {
			srcs = append(srcs, s)
		}
	}
	u := c.ui
	background(func() {
		var failed []string
		dis, err := u.lib.Dismissals(u.ctx, b.ID)
		if err != nil {
			failed = append(failed, "the dismissed findings ("+domain.ErrorMessage(err)+")")
		}
		keys := map[string]bool{}
		for _, d := range dis {
			keys[d.Key] = true
		}
		concerns, err := u.lib.SourceConcerns(u.ctx)
		if err != nil {
			failed = append(failed, "the sources' concerns ("+domain.ErrorMessage(err)+")")
		}
		byID := map[int64]*domain.SourceConcern{}
		for _, sc := range concerns {
			byID[sc.SourceID] = sc
		}
		fs := checkLanguage(b, keys)
		risks := checkRisks(&domain.Bundle{Briefing: b, Sources: srcs}, byID)
		u.do(func() {
			if gen != p.gen || c.d == nil || c.d.b.ID != b.ID {
				return // typed into, or another briefing, meanwhile
			}
			p.findings, p.dismissed, p.risks = fs, dis, risks
			p.failed = ""
			if len(failed) > 0 {
				p.failed = "Attaché could not read " + strings.Join(failed, " nor ") + ": the checks may be incomplete. Edit the briefing to try again."
			}
			p.show()
		})
	})
}

// current are the findings whose words still stand where the checker
// found them (typing since may have moved them), with their block's index
// in the draft now (-1 for the bottom line).
func (p *checksPanel) current() ([]integrity.Finding, []int) {
	c := p.c
	var out []integrity.Finding
	var at []int
	for _, f := range p.findings {
		i, text := -1, c.d.b.Summary
		if f.Index >= 0 {
			i = blockIndexByID(c.d.b, f.Block)
			if i < 0 {
				continue
			}
			text = c.d.b.Blocks[i].Text
		}
		if r := []rune(text); f.Start < 0 || f.End > len(r) || f.Start >= f.End || string(r[f.Start:f.End]) != f.Words {
			continue
		}
		out = append(out, f)
		at = append(at, i)
	}
	return out, at
}

// tipFor is what the document shows over marked words: the finding.
func (p *checksPanel) tipFor(item int, m widgets.DocMark) string {
	fs, at := p.current()
	for k, f := range fs {
		if at[k] >= 0 && p.c.blockItem(at[k]) == item && f.Start == m.Start && f.End == m.End {
			return f.Message
		}
	}
	return ""
}

func blockIndexByID(b *domain.Briefing, id int64) int {
	for i, blk := range b.Blocks {
		if blk.ID == id {
			return i
		}
	}
	return -1
}

// show marks the findings' words in the document and lists the checks.
func (p *checksPanel) show() {
	c := p.c
	if c.d == nil {
		return
	}
	fs, at := p.current()
	marks := map[int][]widgets.DocMark{}
	for k, f := range fs {
		if at[k] < 0 {
			continue // the bottom line is a field above the document: listed only
		}
		if item := c.blockItem(at[k]); item >= 0 {
			marks[item] = append(marks[item], widgets.DocMark{Start: f.Start, End: f.End})
		}
	}
	c.doc.SetMarks(marks)
	p.list.RemoveAll()
	warns := p.shownWarnings()
	for k, f := range fs {
		p.list.Add(p.findingRow(f, at[k]))
	}
	for _, w := range warns {
		p.list.Add(p.warningRow(w))
	}
	for _, r := range p.risks {
		p.list.Add(p.riskRow(r))
	}
	if p.failed != "" {
		p.list.Add(newCheckRow(theme.ErrorIcon(), p.failed, nil))
	}
	if p.showDis.Checked {
		for _, d := range p.dismissed {
			p.list.Add(p.dismissedRow(d))
		}
	}
	p.showHead(len(fs), len(warns), len(p.risks))
}

// shownWarnings are the model's warnings the panel lists: all but the
// unmarked portions, which the document tags on the blocks themselves.
func (p *checksPanel) shownWarnings() []export.Warning {
	var out []export.Warning
	for _, w := range p.warnings {
		if w.Code != export.WarnUnmarkedPortion {
			out = append(out, w)
		}
	}
	return out
}

// showHead sums the checks up in the panel's bar, and sizes the list.
func (p *checksPanel) showHead(findings, warnings, risks int) {
	var parts []string
	if findings > 0 {
		parts = append(parts, plural(findings, "language finding"))
	}
	if warnings > 0 {
		parts = append(parts, plural(warnings, "warning"))
	}
	if risks > 0 {
		parts = append(parts, plural(risks, "block")+" on troubled sources")
	}
	text := "No findings"
	p.icon.SetResource(theme.ConfirmIcon())
	if len(parts) > 0 {
		text = "Checks: " + strings.Join(parts, " · ")
		p.icon.SetResource(theme.WarningIcon())
	}
	if n := len(p.dismissed); n > 0 {
		text += " (" + strconv.Itoa(n) + " dismissed)"
	}
	p.head.SetText(text)
	p.showToggle()
	// The list's height is the Compose tab's to give: lay it out again
	// when the list's needs changed.
	if need := p.list.MinSize().Height; need != p.laidFor && p.outer != nil {
		p.laidFor = need
		p.outer.Refresh()
		return
	}
	p.content.Refresh()
}

// showToggle points the fold button as an accordion's: ▸ folded, ▾ open.
func (p *checksPanel) showToggle() {
	icon := theme.MenuExpandIcon()
	if p.open() {
		icon = theme.MenuDropDownIcon()
	}
	if p.toggle.Icon != icon {
		p.toggle.SetIcon(icon)
	}
}

// smallEdit is the height of the Compose tab under which the list starts
// folded: the document needs the room.
const smallEdit = 560

// open says whether the list is shown: as the analyst chose, else as the
// last layout found room for it.
func (p *checksPanel) open() bool {
	if p.fold != 0 {
		return p.fold > 0
	}
	return p.roomy
}

// listHeight is the height the list takes in a Compose tab avail high:
// a few rows, a fifth of the tab at most; none when folded.
func (p *checksPanel) listHeight(avail float32) float32 {
	p.roomy = avail >= smallEdit
	if !p.open() || len(p.list.Objects) == 0 {
		return 0
	}
	return min(p.list.MinSize().Height, 5*widget.NewLabel("Mg").MinSize().Height, avail/5)
}

// around lays out the Compose tab: the toolbar on top, the checks at the
// bottom, the document between. The checks' list takes its height from
// the tab at each layout, so that the window's minimum never follows its
// size (a minimum that did would let the window only grow).
func (p *checksPanel) around(bar, doc fyne.CanvasObject) *fyne.Container {
	p.outer = container.New(&checksEditLayout{p}, bar, doc, p.content)
	return p.outer
}

type checksEditLayout struct{ p *checksPanel }

func (l *checksEditLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		m := o.MinSize()
		w, h = max(w, m.Width), h+m.Height
	}
	return fyne.NewSize(w, h)
}

func (l *checksEditLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	bar, doc, panel := objs[0], objs[1], objs[2]
	barH, headH := bar.MinSize().Height, panel.MinSize().Height
	listH := l.p.listHeight(size.Height - barH - headH)
	showIf(listH > 0, l.p.scroll)
	l.p.showToggle()
	bar.Move(fyne.Position{})
	bar.Resize(fyne.NewSize(size.Width, barH))
	panelH := headH + listH
	doc.Move(fyne.NewPos(0, barH))
	doc.Resize(fyne.NewSize(size.Width, size.Height-barH-panelH))
	panel.Move(fyne.NewPos(0, size.Height-panelH))
	panel.Resize(fyne.NewSize(size.Width, panelH))
}

// findingRow lists a finding: where, the words and what to do; tapped,
// it puts the caret on the words.
func (p *checksPanel) findingRow(f integrity.Finding, at int) fyne.CanvasObject {
	text := checkPlace(p.c.d.b, at) + ": " + f.Message
	if !strings.Contains(f.Message, f.Words) { // the checker's messages quote the words; say them if not
		text = checkPlace(p.c.d.b, at) + " — “" + f.Words + "”: " + f.Message
	}
	row := newCheckRow(theme.WarningIcon(), text, func() { p.goTo(f, at) })
	dismiss := widget.NewButton("Dismiss…", func() { p.askDismiss(f) })
	dismiss.Importance = widget.LowImportance
	if p.c.ui.lib.ReadOnly() {
		dismiss.Disable()
	}
	return container.NewBorder(nil, nil, nil, dismiss, row)
}

func (p *checksPanel) warningRow(w export.Warning) fyne.CanvasObject {
	icon := theme.InfoIcon()
	if w.Refuse {
		icon = theme.ErrorIcon()
	}
	var tap func()
	if w.Block >= 0 {
		tap = func() { p.c.editBlock(w.Block) }
	}
	return newCheckRow(icon, w.Message, tap)
}

func (p *checksPanel) riskRow(r integrity.Risk) fyne.CanvasObject {
	tap := func() {
		if i := blockIndexByID(p.c.d.b, r.Block); i >= 0 {
			p.c.editBlock(i)
		}
	}
	return newCheckRow(theme.ErrorIcon(), r.Message, tap)
}

// dismissedRow lists a dismissed finding, with a way to bring it back.
func (p *checksPanel) dismissedRow(d *domain.Dismissal) fyne.CanvasObject {
	text := "Dismissed: “" + d.Words + "”"
	if d.Note != "" {
		text += " — " + d.Note
	}
	row := newCheckRow(theme.VisibilityOffIcon(), text, nil)
	back := widget.NewButton("Bring back", func() { p.undismiss(d) })
	back.Importance = widget.LowImportance
	if p.c.ui.lib.ReadOnly() {
		back.Disable()
	}
	return container.NewBorder(nil, nil, nil, back, row)
}

// checkPlace names a block as the analyst finds it: "Key judgment 2",
// "Commentary “Outages will…”"; at -1 is the bottom line.
func checkPlace(b *domain.Briefing, at int) string {
	if at < 0 || at >= len(b.Blocks) {
		return "Bottom line"
	}
	blk := b.Blocks[at]
	switch blk.Type {
	case domain.BlockJudgment:
		n := 0
		for _, x := range b.Blocks[:at+1] {
			if x.Type == domain.BlockJudgment {
				n++
			}
		}
		return "Key judgment " + strconv.Itoa(n)
	case domain.BlockHeading:
		return "Heading “" + clipRunes(blk.Text, 30) + "”"
	case domain.BlockExcerpt:
		return "Excerpt"
	}
	return "Commentary “" + clipRunes(blk.Text, 30) + "”"
}
