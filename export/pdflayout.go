package export

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/jung-kurt/gofpdf"
)

// Colours and type. Sizes are points.
var (
	ink      = rgb{28, 28, 30}
	grey     = rgb{96, 96, 102}
	navy     = rgb{31, 58, 95}
	rule     = rgb{190, 196, 204}
	blufFill = rgb{236, 241, 247}
	quoteBar = rgb{160, 170, 184}
	alert    = rgb{150, 30, 30} // what a reader must not miss: a source retracted or changed

	fBody     = face{famSerif, "", 10.5}
	fQuote    = face{famSerif, "", 10}
	fNoteRef  = face{famSerif, "", 6.5}
	fTitle    = face{famSans, "B", 21}
	fSubtitle = face{famSans, "", 12.5}
	fHeading  = face{famSans, "B", 13}
	fLabel    = face{famSans, "B", 7.5}
	fSmall    = face{famSans, "", 8.5}
	fSmallIt  = face{famSans, "I", 8.5}
	fNote     = face{famSerif, "", 9}
)

const (
	lBody  = 15.0
	lQuote = 14.0
	lNote  = 12.5
)

type layout struct {
	ctx            context.Context // build and render stop soon after it is cancelled
	pdf            *gofpdf.Fpdf
	d              *Document
	ts             *typesetter
	pw, ph         float64
	left, width    float64
	blocks         []*block
	anchors        []string // outline text by anchor number - 1
	sectionAnchors []int
	authority      []line // the classification authority block, wrapped
	pages          []*page
	where          string
	missing        map[rune][]string
	missingOrder   []rune
	figureNames    map[*domain.Figure]string // the gofpdf image name of each figure drawn
}

func newLayout(pdf *gofpdf.Fpdf, d *Document, pw, ph float64) *layout {
	l := &layout{ctx: context.Background(), pdf: pdf, d: d, pw: pw, ph: ph, left: 78, missing: map[rune][]string{}}
	l.width = pw - 2*l.left
	l.ts = newTypesetter(pdf)
	l.ts.missing = l.noteMissing
	return l
}

func (l *layout) noteMissing(r rune) {
	places, seen := l.missing[r]
	if !seen {
		l.missingOrder = append(l.missingOrder, r)
	}
	for _, p := range places {
		if p == l.where {
			return
		}
	}
	l.missing[r] = append(places, l.where)
}

func (l *layout) missingChars() []MissingChar {
	out := make([]MissingChar, 0, len(l.missingOrder))
	for _, r := range l.missingOrder {
		out = append(out, MissingChar{Char: r, Code: fmt.Sprintf("U+%04X", r), Where: l.missing[r]})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Char < out[j].Char })
	return out
}

// build turns the document into blocks and flows them onto pages.
func (l *layout) build() {
	l.titleBlock()
	l.bluf()
	l.keyJudgments()
	if l.d.Sections >= 3 {
		l.contents()
	}
	l.body()
	l.linkContents()
	l.notes()
	l.sources()
	l.guide()
	f := newFlow(textTop, l.textBottom())
	f.firstBottom = l.textBottom() - l.layAuthority()
	f.add(l.blocks)
	l.pages = f.pages
}

// textTop is the head of every page's text area, under the running header.
const textTop = 64.0

// textBottom is the foot of every page's text area.
func (l *layout) textBottom() float64 { return l.ph - 72 }

func (l *layout) para(spans []span, x, width, leading, before, after float64) *block {
	b := &block{lines: l.ts.wrap(spans, width), leading: leading, x: x, before: before, after: after}
	l.blocks = append(l.blocks, b)
	return b
}

func sp(text string, f face, c rgb) span { return span{text: text, face: f, color: c} }

func (l *layout) titleBlock() {
	br := l.d.Briefing
	l.where = "the title"
	l.para([]span{sp(l.d.TitlePortion+br.Title, fTitle, navy)}, l.left, l.width, 26, 0, 4).whole = true
	if br.Subtitle != "" {
		l.where = "the subtitle"
		l.para([]span{sp(l.d.SubtitlePortion+br.Subtitle, fSubtitle, grey)}, l.left, l.width, 17, 0, 0)
	}
	l.blocks = append(l.blocks, &block{lines: []line{{}}, leading: 1, x: l.left, before: 10, after: 10,
		deco: decoration{hasFill: true, fill: rule, boxX: l.left, boxW: l.width}})
	l.where = "the title page"
	for _, kv := range [][2]string{{"PREPARED FOR", br.Audience}, {"PREPARED BY", br.Author},
		{"DATE", br.Date.Long()}, {"STATUS", br.Status.Label()}} {
		if strings.TrimSpace(kv[1]) != "" {
			l.labeled(kv[0], []span{sp(kv[1], fBody, ink)})
		}
	}
	if l.d.Definition != "" {
		// TLP: the label's meaning, under the title block of the first page.
		l.where = "the label's definition"
		b := l.para([]span{sp(l.d.Banner+"  ", face{famSans, "B", 8.5}, ink), sp(l.d.Definition, fSmall, grey)}, l.left, l.width, 12, 8, 0)
		b.whole = true
	}
}

// labeled is a row with a small label in a left column and wrapped text.
func (l *layout) labeled(label string, text []span) {
	const col = 92.0
	b := l.para(text, l.left+col, l.width-col, 14.5, 0, 1.5)
	lab := l.ts.pieces(sp(label, fLabel, grey))
	x := -col
	for i := range lab {
		lab[i].x = x
		x += lab[i].w
	}
	b.lines[0].pieces = append(lab, b.lines[0].pieces...)
}

func (l *layout) bluf() {
	if strings.TrimSpace(l.d.Briefing.Summary) == "" {
		return
	}
	l.where = "the bottom line"
	const pad, inset = 9.0, 14.0
	deco := decoration{hasFill: true, fill: blufFill, boxX: l.left, boxW: l.width, pad: pad,
		hasBar: true, bar: navy, barX: l.left, barWeight: 3}
	head := l.para([]span{sp("BOTTOM LINE UP FRONT", fLabel, navy)}, l.left+inset, l.width-2*inset, 13, 22, 0)
	head.deco, head.keepWithNext, head.target = deco, true, l.anchor("Bottom line up front", "")
	paras := paragraphs(l.d.Briefing.Summary)
	paras[0] = l.d.SummaryPortion + paras[0]
	for i, p := range paras {
		b := l.para([]span{sp(p, face{famSerif, "", 11}, ink)}, l.left+inset, l.width-2*inset, 15.5, 0, 0)
		b.deco = deco
		if i == len(paras)-1 {
			b.after = 8
		}
	}
}

// anchor registers a heading for the outline and contents; number is ""
// for headings outside the numbered sections.
func (l *layout) anchor(text, number string) *op {
	outline := text
	if number != "" {
		outline = number + ". " + text
	}
	l.anchors = append(l.anchors, outline)
	return &op{kind: opTarget, anchor: len(l.anchors), bookmark: outline}
}

// heading sets a heading, its portion mark (if any) before its text; the
// outline and the contents name it without the mark, as navigation.
func (l *layout) heading(text, number, portion string) *block {
	l.where = "heading “" + clipText(text, 40) + "”"
	spans := []span{sp(portion+text, fHeading, navy)}
	x, w := l.left, l.width
	if number != "" {
		spans = []span{sp(number+"  ", fHeading, navy), sp(portion+text, fHeading, navy)}
	}
	b := l.para(spans, x, w, 18, 20, 6)
	b.keepWithNext = true
	b.whole = true
	b.target = l.anchor(text, number)
	return b
}

func (l *layout) keyJudgments() {
	if len(l.d.Judgments) == 0 {
		return
	}
	l.heading("Key judgments", "", "")
	for _, j := range l.d.Judgments {
		l.where = fmt.Sprintf("key judgment %d", j.Number)
		spans := []span{sp(j.Portion+j.Text, fBody, ink)}
		if j.Confidence != "" {
			// A no-break space keeps "(high confidence)" on one line.
			spans = append(spans, sp(" ("+strings.ReplaceAll(strings.ToLower(j.Confidence), " ", "\u00a0")+")", fSmallIt, grey))
		}
		b := l.listItem(strconv.Itoa(j.Number)+".", spans, fBody, lBody, 4)
		if l.d.ShowBasis {
			b.after, b.keepWithNext = 1, true
			l.where = fmt.Sprintf("the basis of key judgment %d", j.Number)
			l.para(basisSpans(j), l.left+20, l.width-20, 12, 0, 6).whole = true
		}
	}
}

// basisSpans are the basis line under a key judgment, each half followed
// by the numbers of the notes citing its evidence.
func basisSpans(j Judgment) []span {
	support, contra := j.Basis.Parts()
	sn, cn := j.basisNotes()
	out := []span{sp("Basis: ", fSmallIt, grey), sp(support, fSmall, grey)}
	ref := func(ns []int) {
		if len(ns) > 0 {
			out = append(out, span{text: noteRange(ns), face: fNoteRef, color: navy, rise: 3})
		}
	}
	ref(sn)
	if contra != "" {
		out = append(out, sp("; "+contra, fSmall, grey))
		ref(cn)
	}
	if c := j.Basis.ConcernPart(); c != "" {
		out = append(out, sp("; "+c, fSmall, alert))
	}
	return out
}

// listItem is a paragraph with a hanging label such as "3.".
func (l *layout) listItem(label string, spans []span, lf face, leading, after float64) *block {
	const hang = 20
	b := l.para(spans, l.left+hang, l.width-hang, leading, 0, after)
	lab := l.ts.pieces(sp(label, lf, grey))
	for i := range lab {
		lab[i].x = -hang
	}
	b.lines[0].pieces = append(lab, b.lines[0].pieces...)
	return b
}

func (l *layout) contents() {
	l.heading("Contents", "", "")
	for _, it := range l.d.Body {
		if it.Type != domain.BlockHeading {
			continue
		}
		l.where = "the contents"
		b := l.para([]span{sp(it.Number+"   "+it.Text, fBody, ink)}, l.left, l.width-40, lBody, 0, 1)
		b.tocAnchor = -1 // resolved in linkContents, once the sections have anchors
		b.whole = true
	}
}

// linkContents points the contents entries at their sections' anchors.
func (l *layout) linkContents() {
	i := 0
	for _, b := range l.blocks {
		if b.tocAnchor == -1 && i < len(l.sectionAnchors) {
			b.tocAnchor = l.sectionAnchors[i]
			i++
		}
	}
}
