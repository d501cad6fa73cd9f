package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/widgets"
)

// The Compose tab shows the draft as one document (widgets.Document) in
// export's reading order: the key judgments gathered up front, then the
// body. Its items are built from export's model once per change, never
// per item drawn, and map to the draft's blocks both ways.

// docModel is the draft as the document shows it.
type docModel struct {
	items  []widgets.DocItem
	block  []int // item → block index; -1 for the "Key judgments" label
	item   []int // block index → item
	jStart int   // the first judgment's item (after the label); jEnd its end
	jEnd   int
	// pictures are the figures' PNGs by key (their SHA-256), which the
	// document asks for as it draws them.
	pictures map[string][]byte
}

// newDocModel lays out the items of doc, the model of b, with the blocks
// flagged tagged.
func newDocModel(b *domain.Briefing, doc *export.Document, flags docFlags) *docModel {
	m := &docModel{item: make([]int, len(b.Blocks))}
	n := len(doc.Body) + len(doc.Judgments)
	if len(doc.Judgments) > 0 {
		n++
	}
	m.items, m.block = make([]widgets.DocItem, 0, n), make([]int, 0, n)
	add := func(it widgets.DocItem, blk int) {
		if blk >= 0 {
			m.item[blk] = len(m.items)
			if flags.unmarked[blk] {
				it.Tag = joinTags("unmarked", it.Tag)
			}
			if r := flags.risks[blk]; r != "" {
				it.Tag = joinTags(it.Tag, r)
			}
		}
		m.items = append(m.items, it)
		m.block = append(m.block, blk)
	}
	if len(doc.Judgments) > 0 {
		add(widgets.DocItem{Kind: widgets.DocLabel, Text: "Key judgments"}, -1)
	}
	m.jStart = len(m.items)
	for _, j := range doc.Judgments {
		add(judgmentItem(j, b.Blocks[j.Block]), j.Block)
	}
	m.jEnd = len(m.items)
	for _, it := range doc.Body {
		switch it.Type {
		case domain.BlockHeading:
			add(widgets.DocItem{Kind: widgets.DocHeading, Mark: it.Portion, Number: it.Number, Text: it.Text}, it.Block)
		case domain.BlockExcerpt:
			if it.Figure != nil {
				add(m.figureItem(it), it.Block)
				continue
			}
			add(widgets.DocItem{Kind: widgets.DocQuote, Mark: it.Portion, Text: it.Text, Meta: quoteMeta(it),
				Action: "Show in source"}, it.Block)
		default:
			add(widgets.DocItem{Kind: widgets.DocBody, Mark: it.Portion, Text: it.Text}, it.Block)
		}
	}
	return m
}

// figureItem is a figure excerpt's card: its picture, "Figure N:
// caption" after its portion mark, and the source line with its page.
func (m *docModel) figureItem(it export.Item) widgets.DocItem {
	f := it.Figure
	key := f.SHA256
	if key == "" { // a figure not yet stored has no hash; the picture is its identity
		key = domain.FigureSHA256(f.PNG)
	}
	if m.pictures == nil {
		m.pictures = map[string][]byte{}
	}
	m.pictures[key] = f.PNG
	return widgets.DocItem{Kind: widgets.DocFigure, Mark: it.Portion, Text: it.FigureLabel(), Meta: quoteMeta(it), Action: "Show in source",
		Image: widgets.DocImage{Key: key, Width: f.Width, Height: f.Height, Fraction: float32(it.FigureFraction())}}
}

// quoteMeta is the line under a quote or a figure: its source's short
// title, the page, and the grades (the source's reliability, the
// excerpt's credibility: "B2").
func quoteMeta(it export.Item) string {
	e := it.Excerpt
	title := e.SourceTitle
	if it.Source != nil {
		title = it.Source.Title
	}
	if i := strings.IndexAny(title, ":—"); i > 12 {
		title = title[:i]
	}
	parts := []string{clipRunes(strings.TrimSpace(title), 60)}
	if parts[0] == "" {
		parts[0] = "Source not available"
	}
	if it.Figure != nil && it.Figure.Page > 0 {
		parts = append(parts, "p. "+strconv.Itoa(it.Figure.Page))
	} else if it.Source != nil {
		if first, last := it.Source.PageRange(e.Start, e.End); first > 0 && first == last {
			parts = append(parts, "p. "+strconv.Itoa(first))
		} else if first > 0 {
			parts = append(parts, "pp. "+strconv.Itoa(first)+"–"+strconv.Itoa(last))
		}
	}
	grade := ""
	if it.Source != nil {
		grade = string(it.Source.Reliability)
	}
	if e.Credibility > 0 {
		grade += strconv.Itoa(int(e.Credibility))
	}
	if grade != "" {
		parts = append(parts, grade)
	}
	return strings.Join(parts, " · ")
}

// showDocument shows doc, the draft's model just built, in the document:
// only the items that changed are redrawn when none was added, removed
// or moved (typing into a block).
func (c *composer) showDocument(doc *export.Document) {
	old := c.model
	c.lastDoc = doc
	c.model = newDocModel(c.d.b, doc, c.flagsOf())
	c.showOutline()
	c.evidenceChanged() // the Evidence tab follows every change too
	if old == nil || len(old.items) != len(c.model.items) {
		c.doc.Refresh()
		return
	}
	for i, it := range c.model.items {
		if it != old.items[i] || c.model.block[i] != old.block[i] {
			c.doc.RefreshItem(i)
		}
	}
}

// itemCount and docItem feed the document.
func (c *composer) itemCount() int {
	if c.model == nil || c.d == nil {
		return 0
	}
	return len(c.model.items)
}

func (c *composer) docItem(i int) widgets.DocItem {
	if c.model == nil || i < 0 || i >= len(c.model.items) {
		return widgets.DocItem{}
	}
	return c.model.items[i]
}

// itemBlock is the block of item i, -1 for none (the label).
func (c *composer) itemBlock(i int) int {
	if c.model == nil || i < 0 || i >= len(c.model.block) {
		return -1
	}
	return c.model.block[i]
}

// blockItem is the item that shows block i, -1 for none.
func (c *composer) blockItem(i int) int {
	if c.model == nil || i < 0 || i >= len(c.model.item) {
		return -1
	}
	return c.model.item[i]
}

// newDocumentView makes the document and wires its callbacks.
func (c *composer) newDocumentView() *widgets.Document {
	d := widgets.NewDocument(c.itemCount, c.docItem)
	d.SetPost(func(f func()) { c.ui.do(f) }) // as every hand-over to the UI goroutine
	d.FigureImage = func(key string) []byte {
		if c.model == nil {
			return nil
		}
		return c.model.pictures[key]
	}
	d.OnTapped = func(i int) {
		if b := c.itemBlock(i); b >= 0 {
			c.editBlock(b)
		}
	}
	d.OnAction = func(i int) {
		if b := c.itemBlock(i); b >= 0 && c.d != nil {
			if c.judgmentBlock(b) >= 0 {
				c.pickEvidence(c.d.b.Blocks[b].ID)
			} else if e := c.d.b.Blocks[b].Excerpt; e != nil {
				c.ui.briefings.showInSide(e.SourceID, e.ID)
			}
		}
	}
	d.OnMove = c.onDocMove
	d.DropPoint = c.dropPoint
	d.DropOnto = c.dropOnto
	d.OnTappedAt = c.onDocTappedAt
	d.OnResized = c.refitEditor
	d.OnInsert = c.onDocInsert
	return d
}

// inJudgments tells whether insertion point at lies among the key
// judgments (the label's own point counts as their first).
func (m *docModel) inJudgments(at int) bool {
	return m.jEnd > m.jStart && at <= m.jEnd
}

// insertBlockIndex is the block index for insertion point at: before
// the block of the item there; past the last judgment's block for the
// end of the judgments; the end of the draft past the last item.
func (m *docModel) insertBlockIndex(at, blocks int) int {
	if m.inJudgments(at) {
		at = max(at, m.jStart)
		if at == m.jEnd {
			return m.block[m.jEnd-1] + 1
		}
		return m.block[at]
	}
	if at >= len(m.block) {
		return blocks
	}
	return m.block[at]
}

// onDocInsert offers what may be inserted at insertion point at: a key
// judgment among the judgments, anything in the body.
func (c *composer) onDocInsert(at int, pos fyne.Position) {
	if c.d == nil || c.model == nil || c.ui.lib.ReadOnly() {
		return
	}
	blk := c.model.insertBlockIndex(at, len(c.d.b.Blocks))
	var items []*fyne.MenuItem
	add := func(label string, fn func()) { items = append(items, fyne.NewMenuItem(label, fn)) }
	if !c.model.inJudgments(at) {
		add("Heading", func() { c.addAt(blk, domain.BlockHeading) })
		add("Commentary", func() { c.addAt(blk, domain.BlockCommentary) })
	}
	add("Key judgment", func() { c.addAt(blk, domain.BlockJudgment) })
	if !c.model.inJudgments(at) {
		add("Excerpt…", func() { c.pickExcerptAt(blk) })
	}
	c.insertMenu = fyne.NewMenu("", items...)
	widget.ShowPopUpMenuAtPosition(c.insertMenu, c.ui.win.Canvas(), pos)
}

// docHeader stacks the document's header: the title row, the details and
// the bottom line. Opening the details (or a marking scheme showing more
// rows) changes its height, which the document reads only when
// refreshed: its layout, run again by Fyne when a row's minimum changes,
// tells resized so, rather than letting the items overlap the taller
// header.
type docHeader struct {
	vbox    fyne.Layout
	height  float32
	width   float32
	resized func()
	widened func() // called when the width changed (the text fields wrap anew)
}

func newDocHeader(resized, widened func(), rows ...fyne.CanvasObject) *fyne.Container {
	return container.New(&docHeader{vbox: layout.NewVBoxLayout(), height: -1, resized: resized, widened: widened}, rows...)
}

func (h *docHeader) MinSize(objects []fyne.CanvasObject) fyne.Size { return h.vbox.MinSize(objects) }

func (h *docHeader) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	h.vbox.Layout(objects, size)
	if size.Width != h.width {
		h.width = size.Width
		h.widened()
	}
	if mh := h.MinSize(objects).Height; mh != h.height {
		known := h.height >= 0
		h.height = mh
		if known {
			h.resized()
		}
	}
}
