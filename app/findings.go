package app

import (
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
	fold := func() {
		if p.open() {
			p.fold = -1
		} else {
			p.fold = 1
		}
		p.laidFor = -1 // lay out again
		p.show()
	}
	// The bar folds and unfolds the list, as its button does.
	headRow := newCheckRow(theme.ConfirmIcon(), "No findings", fold)
	p.icon, p.head = headRow.icon, headRow.label
	p.head.Wrapping = fyne.TextWrapOff
	p.head.Truncation = fyne.TextTruncateEllipsis
	p.toggle = widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), fold)
	p.toggle.Importance = widget.LowImportance
	p.showDis = widget.NewCheck("Show dismissed", func(bool) { p.show() })
	p.list = container.NewVBox()
	p.scroll = container.NewVScroll(p.list)
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(p.showDis, p.toggle), headRow)
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
		concernsRead := err == nil
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
			if concernsRead {
				c.setConcerns(byID) // the preview's basis lines and sources say them as the PDF does
			}
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
	var summary []widgets.DocMark
	for k, f := range fs {
		if at[k] < 0 {
			summary = append(summary, widgets.DocMark{Start: f.Start, End: f.End})
			continue
		}
		if item := c.blockItem(at[k]); item >= 0 {
			marks[item] = append(marks[item], widgets.DocMark{Start: f.Start, End: f.End})
		}
	}
	c.doc.SetMarks(marks)
	c.setSummaryMarks(summary)
	c.showRisks(p.risks)
	p.list.RemoveAll()
	warns := p.shownWarnings()
	// Most serious first: a judgment that lost its support, then the
	// other blocks on troubled sources, then the words, then the rest.
	for _, lose := range []bool{true, false} {
		for _, r := range p.risks {
			if (r.Kind == integrity.RiskLoseSupport) == lose {
				p.list.Add(p.riskRow(r))
			}
		}
	}
	for k, f := range fs {
		p.list.Add(p.findingRow(f, at[k]))
	}
	for _, w := range warns {
		p.list.Add(p.warningRow(w))
	}
	if p.failed != "" {
		p.list.Add(newCheckRow(theme.ErrorIcon(), p.failed, nil))
	}
	if p.showDis.Checked {
		for _, d := range p.dismissed {
			p.list.Add(p.dismissedRow(d))
		}
	}
	blocks := map[int64]bool{} // a judgment on two troubled sources is one block
	lost := 0
	for _, r := range p.risks {
		blocks[r.Block] = true
		if r.Kind == integrity.RiskLoseSupport {
			lost++
		}
	}
	p.showHead(len(fs), len(warns), len(blocks), lost)
}

// shownWarnings are the model's warnings the panel lists: all but the
// unmarked portions, which the document tags on the blocks themselves,
// and the troubled sources, which the panel lists from its own risks.
func (p *checksPanel) shownWarnings() []export.Warning {
	var out []export.Warning
	for _, w := range export.WorstFirst(p.warnings) {
		switch w.Code {
		case export.WarnUnmarkedPortion: // tagged on the blocks themselves
		case export.WarnSourceConcern, export.WarnBasisLosesSupport: // listed as the risks, first
		default:
			out = append(out, w)
		}
	}
	return out
}
