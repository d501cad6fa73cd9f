package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
)

// The composer's Evidence tab: the open draft's key judgments as rows,
// each with its evidence as cards (the quote's start, the source, its
// publisher and date, the reliability and credibility grades, the stance
// and the note). A judgment with no evidence stands out in the warning
// colour and says so; the basis warnings of export's model show beside
// the judgment they name. A card's stance is changed and its link removed
// there; a double click shows the excerpt in its source beside the draft.
// The excerpts and sources the cards show are read off the UI goroutine.

// evidenceView is the Evidence tab.
type evidenceView struct {
	c        *composer
	content  fyne.CanvasObject
	summary  *widget.Label
	rows     *fyne.Container
	scroll   *container.Scroll
	stale    bool                            // the draft changed while the tab was hidden
	excerpts map[int64]*domain.Excerpt       // read for the cards, by ID; nil: failed
	sources  map[int64]*domain.Source        // their sources, by ID; nil: failed
	concerns map[int64]*domain.SourceConcern // sources in use that changed, went or were retracted, by ID
	loading  bool
	gen      int             // bumped by forget: a read begun before is stale
	forID    int64           // the briefing the caches are of
	picker   *evidencePicker // the Link evidence dialog last shown
}

func newEvidenceView(c *composer) *evidenceView {
	v := &evidenceView{c: c, stale: true, excerpts: map[int64]*domain.Excerpt{}, sources: map[int64]*domain.Source{}}
	v.summary = widget.NewLabel("")
	v.summary.Wrapping = fyne.TextWrapWord
	v.rows = container.NewVBox()
	v.scroll = container.NewVScroll(container.NewPadded(v.rows))
	v.content = container.NewBorder(v.summary, nil, nil, nil, v.scroll)
	return v
}

// evidenceTab is the tab's title, which shows() looks for.
const evidenceTab = "Evidence"

// shown tells whether the Evidence tab is the one on screen.
func (v *evidenceView) shown() bool {
	t := v.c.tabs
	return t != nil && t.Selected() != nil && t.Selected().Text == evidenceTab
}

// evidenceChanged shows a change of the draft in the Evidence tab, now
// if it is on screen, else when it is next selected.
func (c *composer) evidenceChanged() {
	if c.evidence == nil {
		return
	}
	c.evidence.stale = true
	if c.evidence.shown() {
		c.evidence.refresh()
	}
}

// showEvidence brings the Evidence tab of the open briefing into view
// (View → Evidence).
func (c *composer) showEvidence() {
	if c.d == nil {
		c.ui.notify("Open a briefing first: the Evidence tab shows its key judgments and what they rest on.")
		return
	}
	c.ui.onShowView(viewBriefings)
	for _, t := range c.tabs.Items {
		if t.Text == evidenceTab {
			c.tabs.Select(t)
		}
	}
	c.evidence.refresh()
}

// refresh rebuilds the rows from the draft, first reading what the cards
// need and was not read yet.
func (v *evidenceView) refresh() {
	c := v.c
	if c.d == nil {
		v.summary.SetText("Open a briefing: its key judgments and their evidence are listed here.")
		v.rows.RemoveAll()
		return
	}
	if v.forID != c.d.b.ID {
		v.forID = c.d.b.ID
		v.excerpts, v.sources, v.concerns = map[int64]*domain.Excerpt{}, map[int64]*domain.Source{}, nil
	}
	v.stale = false
	v.load()
	v.build()
}

// forget drops what the cards were read with, since a recheck, a
// standing or an edit elsewhere may have changed a source's concerns or
// grades, and shows the tab again, read anew.
func (v *evidenceView) forget() {
	if v == nil {
		return
	}
	v.gen++
	v.excerpts, v.sources, v.concerns = map[int64]*domain.Excerpt{}, map[int64]*domain.Source{}, nil
	v.c.evidenceChanged()
}

// load reads, off the UI goroutine, the excerpts linked and their sources
// not read yet, then shows them. One that fails to load is not tried
// again until the briefing is reopened; its card says it is not found.
func (v *evidenceView) load() {
	if v.loading {
		return
	}
	var ids []int64
	for _, blk := range v.c.d.b.Blocks {
		for _, ev := range blk.Evidence {
			if _, tried := v.excerpts[ev.ExcerptID]; !tried {
				v.excerpts[ev.ExcerptID] = nil
				ids = append(ids, ev.ExcerptID)
			}
		}
	}
	known := map[int64]bool{}
	for id, s := range v.sources {
		known[id] = s != nil
	}
	if len(ids) == 0 && v.concerns != nil {
		return
	}
	v.loading = true
	u, briefing, gen := v.c.ui, v.forID, v.gen
	background(func() {
		exs, srcs := readEvidence(u, ids, known)
		concerns := map[int64]*domain.SourceConcern{}
		if cs, err := u.lib.SourceConcerns(u.ctx); err == nil {
			for _, c := range cs {
				concerns[c.SourceID] = c
			}
		}
		u.do(func() {
			v.loading = false
			if v.gen != gen {
				v.c.evidenceChanged() // forgotten meanwhile: read again
				return
			}
			if v.forID != briefing {
				return
			}
			v.concerns = concerns
			for _, e := range exs {
				v.excerpts[e.ID] = e
			}
			for _, s := range srcs {
				v.sources[s.ID] = s
			}
			v.stale = true
			if v.shown() {
				v.refresh()
			}
		})
	})
}

// readEvidence reads the excerpts and the sources of those not in known
// (off the UI goroutine).
func readEvidence(u *UI, ids []int64, known map[int64]bool) ([]*domain.Excerpt, []*domain.Source) {
	var exs []*domain.Excerpt
	var srcs []*domain.Source
	for _, id := range ids {
		e, err := u.lib.Excerpt(u.ctx, id)
		if err != nil {
			continue
		}
		exs = append(exs, e)
		if known[e.SourceID] {
			continue
		}
		known[e.SourceID] = true
		if s, err := u.lib.Source(u.ctx, e.SourceID); err == nil {
			s.Text, s.TextMap, s.Pages = "", nil, nil // the cards need its details, not its text
			srcs = append(srcs, s)
		}
	}
	return exs, srcs
}

// build lays out one row per key judgment of the draft.
func (v *evidenceView) build() {
	b := v.c.d.b
	warnings := v.basisWarnings()
	var rows []fyne.CanvasObject
	var n judgmentCounts
	for i, blk := range b.Blocks {
		if blk.Type != domain.BlockJudgment || blk.Blank() {
			continue
		}
		n.all++
		if len(blk.Evidence) == 0 {
			n.bare++
		}
		if losesSupport(warnings[i]) {
			n.lost++
		}
		rows = append(rows, v.judgmentRow(i, blk, warnings[i]))
	}
	v.summary.SetText(evidenceSummary(b, n))
	v.rows.Objects = rows
	v.rows.Refresh()
}

// judgmentCounts are the draft's key judgments: all, those with no
// evidence linked, those whose supporting evidence is all unsound now.
type judgmentCounts struct{ all, bare, lost int }

// losesSupport says whether a judgment's warnings say it lost its support.
func losesSupport(ws []export.Warning) bool {
	for _, w := range ws {
		if w.Code == export.WarnBasisLosesSupport {
			return true
		}
	}
	return false
}

// evidenceSummary heads the tab: the scale and how many judgments show
// their basis.
func evidenceSummary(b *domain.Briefing, n judgmentCounts) string {
	if n.all == 0 {
		return "This briefing has no key judgments yet: add one in Compose (Edit → Add key judgment), then link the excerpts it rests on."
	}
	s := plural(n.all, "key judgment")
	var trouble []string
	if n.bare > 0 {
		trouble = append(trouble, strconv.Itoa(n.bare)+" with no evidence linked")
	}
	if n.lost > 0 {
		trouble = append(trouble, strconv.Itoa(n.lost)+" that lost "+itsTheir(n.lost)+" support")
	}
	if len(trouble) > 0 {
		s += ": " + strings.Join(trouble, ", ")
	} else {
		s += ", each with evidence linked"
	}
	s += ". Drag an excerpt onto a judgment in Compose or use Link evidence…; double-click a card to read it."
	if sc := domain.ScaleOf(b.Scale); sc != nil {
		s = "Scale: " + sc.Short + ". " + s
	}
	return s
}

// basisWarnings are export's warnings about each key judgment's basis,
// by block index: the model's checks before export, run on the draft with
// the evidence read so far. Marking and layout warnings are the Compose
// tab's and the export's, not listed here.
func (v *evidenceView) basisWarnings() map[int][]export.Warning {
	b := v.c.d.b.Clone()
	var srcs []*domain.Source
	for _, s := range v.sources {
		if s != nil {
			srcs = append(srcs, s)
		}
	}
	for _, blk := range b.Blocks {
		for k := range blk.Evidence {
			if e := v.excerpts[blk.Evidence[k].ExcerptID]; e != nil && blk.Evidence[k].Excerpt == nil {
				blk.Evidence[k].Excerpt = e
			}
		}
	}
	b.Blocks = domain.WithoutBlank(b.Blocks)
	out := map[int][]export.Warning{}
	rules := v.c.ui.basisRules() // the thresholds in Settings
	bundle := &domain.Bundle{Briefing: b, Sources: srcs, Concerns: v.concerns}
	for _, w := range export.WorstFirst(export.NewDocumentWith(bundle, export.Context{Rules: &rules}).Warnings()) {
		if w.Block < 0 || w.Block >= len(b.Blocks) || b.Blocks[w.Block].Type != domain.BlockJudgment || notBasis[w.Code] {
			continue
		}
		i := v.c.judgmentIndex(b.Blocks[w.Block].ID)
		out[i] = append(out[i], w)
	}
	return out
}

// notBasis are export's warnings about markings and layout.
var notBasis = map[export.WarningCode]bool{export.WarnUnmarkedPortion: true, export.WarnAboveOverall: true,
	export.WarnForeignMarking: true, export.WarnMissingAuthority: true, export.WarnBelowSource: true,
	export.WarnSourceAbove: true, export.WarnEmptySection: true, export.WarnNotesIncluded: true}

// judgmentRow is judgment block i: its text and confidence, how much
// evidence it has (flagged when none), its basis warnings, a button to
// link more, and its evidence as cards.
func (v *evidenceView) judgmentRow(i int, blk *domain.Block, warnings []export.Warning) fyne.CanvasObject {
	c := v.c
	title := widget.NewLabel(c.judgmentNumber(i) + ". " + marked(blk.Marking) + blk.Text)
	title.Wrapping = fyne.TextWrapWord
	title.TextStyle.Bold = true
	count := widget.NewLabel(joinMeta(confidenceText(blk.Confidence), "Evidence: "+evidenceCount(blk)))
	count.Importance = widget.LowImportance
	count.Wrapping = fyne.TextWrapWord
	id := blk.ID
	link := widget.NewButtonWithIcon("Link evidence…", theme.ContentAddIcon(), func() { c.pickEvidence(id) })
	c.ui.writes(link)
	parts := []fyne.CanvasObject{title, container.NewBorder(nil, nil, nil, link, count)}
	// The basis checks say so of a judgment without support when export
	// has them; the tab says it otherwise.
	switch {
	case len(warnings) > 0:
	case len(blk.Evidence) == 0:
		parts = append(parts, warningLine("No evidence linked: this judgment shows no basis. Link the excerpts it rests on."))
	case !hasSupport(blk):
		parts = append(parts, warningLine("No supporting evidence: only evidence against this judgment is linked. Link what it rests on, or reconsider it."))
	}
	for _, w := range warnings {
		parts = append(parts, warningLine(w.Message))
	}
	if len(blk.Evidence) > 0 {
		cards := make([]fyne.CanvasObject, 0, len(blk.Evidence))
		for _, ev := range blk.Evidence {
			cards = append(cards, v.card(id, ev))
		}
		parts = append(parts, container.New(&cardFlow{width: 320}, cards...))
	}
	rule := theme.ColorNameSeparator
	if !hasSupport(blk) || losesSupport(warnings) {
		rule = theme.ColorNameWarning
	}
	return container.NewBorder(nil, widget.NewSeparator(), newRule(rule), nil, container.NewVBox(parts...))
}

// warningLine is a warning beside a judgment: an icon and the text, in
// the warning colour, so that it shows by more than its colour.
func warningLine(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	return container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, l)
}

// hasSupport tells whether any of the judgment's evidence supports it.
func hasSupport(b *domain.Block) bool {
	for _, ev := range b.Evidence {
		if ev.Stance != domain.StanceContradicts {
			return true
		}
	}
	return false
}
