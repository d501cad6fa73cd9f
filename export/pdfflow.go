package export

import "github.com/attache/attache/domain"

// opKind says what a drawing operation does.
type opKind int

const (
	opText    opKind = iota // a piece of text at a baseline
	opRect                  // a filled rectangle
	opTarget                // where a heading is: link target and bookmark
	opTOCLine               // a contents entry whose page number is known only when drawing
	opImage                 // a figure's picture, w by h points
)

// op is one drawing operation on a page; coordinates are points from the
// page's top left.
type op struct {
	kind       opKind
	x, y, w, h float64
	piece      piece // for text
	fill       rgb
	anchor     int    // heading index for targets and contents entries
	bookmark   string // outline text for targets
	figure     *domain.Figure
}

// block is a unit of the flow: wrapped lines plus how they may break.
type block struct {
	lines        []line
	leading      float64
	x            float64 // left edge of the lines
	before       float64 // space above, dropped at the top of a page
	after        float64
	keepWithNext bool // headings: never last on a page
	whole        bool // never split (title block rows, short items)
	deco         decoration
	target       *op // heading anchor, placed with the first line
	image        *op // a figure's picture, drawn over the block's one line
	tocAnchor    int // >0: this block is a contents entry for that anchor
	// reserve is the height this block and those after it need on one
	// page (a heading with a short table under it): when less is left,
	// the block starts a page. 0 for none.
	reserve float64
}

// decoration is drawn behind each page's share of a block.
type decoration struct {
	fill      rgb
	bar       rgb // a vertical rule at the left, for quotes and the BLUF box
	barX      float64
	boxX      float64 // box left and width; zero width = no box
	boxW      float64
	pad       float64
	hasFill   bool
	hasBar    bool
	barWeight float64
}

// page is the laid-out content of one page.
type page struct{ ops []op }

// flow places blocks on pages of the given content area, keeping headings
// with what follows and leaving no single line of a paragraph alone at the
// bottom or the top of a page.
type flow struct {
	top, bottom float64
	firstBottom float64 // the first page's bottom, above its authority block
	pages       []*page
	y           float64
}

func newFlow(top, bottom float64) *flow {
	f := &flow{top: top, bottom: bottom, firstBottom: bottom}
	f.newPage()
	return f
}

func (f *flow) newPage() {
	f.pages = append(f.pages, &page{})
	f.y = f.top
}

func (f *flow) cur() *page { return f.pages[len(f.pages)-1] }

func (f *flow) atTop() bool { return f.y == f.top }

func (f *flow) room() float64 {
	if len(f.pages) == 1 {
		return f.firstBottom - f.y
	}
	return f.bottom - f.y
}

// add places blocks in order; next is consulted for keep-with-next.
func (f *flow) add(blocks []*block) {
	for i, b := range blocks {
		f.place(b, blocks[i+1:])
	}
}

// keptHeight is the room a keep-with-next block must leave under it for
// the blocks after it (rest): the next one's head, and when that one
// moves whole and keeps with its own next, that one's too, and so on (a
// heading, a source's citation, its details). A chain taller than a page
// asks only for the next block's head, or it would take a page each.
func (f *flow) keptHeight(rest []*block) float64 {
	if len(rest) == 0 {
		return 0
	}
	h := 0.0
	for i, b := range rest {
		h += b.before + b.headHeight()
		if !b.keepWithNext || !(b.whole || len(b.lines) <= 3) || i+1 == len(rest) {
			break
		}
		h += b.after // b moves whole: all of it is its head
	}
	if h > f.bottom-f.top {
		return rest[0].before + rest[0].headHeight()
	}
	return h
}

func (f *flow) place(b *block, rest []*block) {
	if b.reserve > 0 && b.reserve > f.room() && b.reserve <= f.bottom-f.top {
		f.breakPage()
	}
	if !f.atTop() {
		f.y += b.before
	}
	n := len(b.lines)
	need := float64(n) * b.leading
	if b.keepWithNext && len(rest) > 0 {
		need += b.after + f.keptHeight(rest)
	}
	switch {
	case need <= f.room():
		f.emit(b, 0, n)
	case b.whole || n <= 3:
		f.breakPage()
		f.emit(b, 0, n)
	default:
		f.split(b)
	}
	f.y += b.after
}

// headHeight is how much of b must go on the page it starts on: all of
// it when it moves whole (see place), else its first two lines (see
// split). What keeps with b must find that much room under it.
func (b *block) headHeight() float64 {
	if b.whole || len(b.lines) <= 3 {
		return float64(len(b.lines)) * b.leading
	}
	return 2 * b.leading
}

func (f *flow) breakPage() {
	if !f.atTop() {
		f.newPage()
	}
}

// split spreads a long block over pages, at least two lines on each side of
// every break.
func (f *flow) split(b *block) {
	n, start := len(b.lines), 0
	for start < n {
		fit := int(f.room() / b.leading)
		left := n - start
		switch {
		case fit >= left:
			fit = left
		case fit < 2 && !f.atTop():
			f.newPage()
			continue
		case left-fit < 2:
			fit = max(left-2, 1)
		}
		fit = max(fit, 1)
		f.emit(b, start, start+fit)
		start += fit
		if start < n {
			f.newPage()
		}
	}
}

// emit draws lines [from, to) of b at the cursor with b's decoration.
func (f *flow) emit(b *block, from, to int) {
	p := f.cur()
	y0 := f.y
	h := float64(to-from) * b.leading
	d := b.deco
	if d.hasFill {
		p.ops = append(p.ops, op{kind: opRect, x: d.boxX, y: y0 - d.pad, w: d.boxW, h: h + 2*d.pad, fill: d.fill})
	}
	if d.hasBar {
		p.ops = append(p.ops, op{kind: opRect, x: d.barX, y: y0 - d.pad, w: d.barWeight, h: h + 2*d.pad, fill: d.bar})
	}
	if from == 0 && b.target != nil {
		t := *b.target
		t.y = y0
		p.ops = append(p.ops, t)
	}
	if b.image != nil {
		im := *b.image
		im.y = y0
		p.ops = append(p.ops, im)
	}
	for i := from; i < to; i++ {
		base := f.y + b.leading*0.76
		for _, pc := range b.lines[i].pieces {
			p.ops = append(p.ops, op{kind: opText, x: b.x + pc.x, y: base - pc.rise, piece: pc})
		}
		if b.tocAnchor > 0 {
			p.ops = append(p.ops, op{kind: opTOCLine, x: b.x + b.lines[i].w, y: base, anchor: b.tocAnchor})
		}
		f.y += b.leading
	}
	if d.hasFill || d.hasBar {
		f.y += d.pad
	}
}
