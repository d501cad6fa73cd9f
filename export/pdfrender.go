package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
)

// render draws the laid-out pages with their furniture: banners, running
// header, page numbers, draft mark, outline and links.
func (l *layout) render() {
	pdf := l.pdf
	links := make([]int, len(l.anchors)+1)
	pageOf := make([]int, len(l.anchors)+1)
	for i := range l.anchors {
		links[i+1] = pdf.AddLink()
	}
	for pi, pg := range l.pages {
		for _, o := range pg.ops {
			if o.kind == opTarget {
				pageOf[o.anchor] = pi + 1
			}
		}
	}
	total := len(l.pages)
	for pi, pg := range l.pages {
		if l.ctx.Err() != nil {
			return // buildPDF returns the cancellation
		}
		pdf.AddPage()
		l.ts.reset()
		l.furniture(pi+1, total)
		for _, o := range pg.ops {
			l.draw(o, links, pageOf)
		}
	}
}

func (l *layout) draw(o op, links, pageOf []int) {
	pdf := l.pdf
	switch o.kind {
	case opText:
		l.text(o.piece, o.x, o.y)
	case opRect:
		pdf.SetFillColor(o.fill.r, o.fill.g, o.fill.b)
		pdf.Rect(o.x, o.y, o.w, o.h, "F")
	case opTarget:
		pdf.SetLink(links[o.anchor], o.y, -1)
		l.ts.use(fBody) // Bookmark encodes its text for the current font
		pdf.Bookmark(o.bookmark, 0, o.y)
	case opImage:
		l.image(o)
	case opTOCLine:
		l.tocLeader(o, pageOf[o.anchor])
		pdf.Link(l.left, o.y-11, l.width, lBody, links[o.anchor])
	}
}

func (l *layout) text(p piece, x, y float64) {
	l.ts.use(p.face)
	l.ts.setColor(p.color)
	l.pdf.Text(x, y, p.text)
}

// tocLeader draws the dots and the page number of a contents entry.
func (l *layout) tocLeader(o op, page int) {
	num := strconv.Itoa(page)
	right := l.left + l.width
	nw := l.ts.width(fBody, num)
	l.text(piece{span: sp(num, fBody, ink)}, right-nw, o.y)
	dot := l.ts.width(fBody, " .")
	for x := o.x + 6; x+dot < right-nw-6; x += dot {
		l.text(piece{span: sp(" .", fBody, grey)}, x, o.y)
	}
}

// furniture draws what every page carries.
func (l *layout) furniture(n, total int) {
	br := l.d.Briefing
	if mark := draftMark(br.Status); mark != "" {
		l.watermark(mark)
		// Also in words at the top left, where a reader (and a text
		// extractor) meets it on every page.
		l.text(piece{span: sp(mark, face{famSans, "B", 8}, rgb{170, 30, 30})}, l.left, 26)
	}
	l.where = "the classification banner"
	if l.d.Banner != "" {
		f := l.bannerFace(l.d.Banner, draftMark(br.Status))
		l.banner(f, 26)
		l.banner(f, l.ph-22)
	}
	if n == 1 {
		l.drawAuthority()
	}
	l.where = "the running header"
	if n > 1 {
		room := l.width
		if d := br.Date.Long(); d != "" {
			w := l.ts.width(fSmall, d)
			l.text(piece{span: sp(d, fSmall, grey)}, l.left+l.width-w, 46)
			room -= w + 12
		}
		l.textAt(sp(l.fitWidth(shortTitle(br.Title), fSmall, room), fSmall, grey), l.left, 46)
		l.pdf.SetFillColor(rule.r, rule.g, rule.b)
		l.pdf.Rect(l.left, 51, l.width, 0.5, "F")
	}
	l.centered(fmt.Sprintf("Page %d of %d", n, total), fSmall, grey, l.ph-44)
}

// bannerFace is the banner's face: 9 pt, or the scheme's size (TLP asks
// for 12 pt or larger), or smaller for a long banner, so that it stays on
// the page, clear of the draft mark beside it, rather than run off both
// edges (a US banner with a long release list).
func (l *layout) bannerFace(text, mark string) face {
	f := face{famSans, "B", max(9, l.d.Scheme.BannerPoints)}
	room := l.width
	if mark != "" {
		clear := l.ts.width(face{famSans, "B", 8}, mark) + 8
		if l.bannerAlign() == domain.AlignRight {
			room -= clear
		} else {
			room -= 2 * clear
		}
	}
	if w := l.spanWidth(text, f); w > room {
		f.size *= room / w
	}
	return f
}

func (l *layout) bannerAlign() domain.Align {
	if l.d.Mark.Level == nil {
		return domain.AlignCentre
	}
	return l.d.Scheme.Align
}

// banner draws the banner at baseline y in its scheme's form: the level's
// ink, on its fill when the guide prints one (TLP's labels on black),
// centred or at the right margin. A banner the scheme cannot read (which
// export refuses) is drawn as typed, plain.
func (l *layout) banner(f face, y float64) {
	c := ink
	var fill *domain.RGB
	if lv := l.d.Mark.Level; lv != nil {
		c, fill = fromRGB(lv.Ink), lv.Fill
	}
	pieces := l.ts.pieces(sp(l.d.Banner, f, c))
	w := 0.0
	for _, p := range pieces {
		w += p.w
	}
	x := (l.pw - w) / 2
	if l.bannerAlign() == domain.AlignRight {
		x = l.left + l.width - w
	}
	if fill != nil {
		pad := f.size * 0.4
		l.pdf.SetFillColor(int(fill.R), int(fill.G), int(fill.B))
		l.pdf.Rect(x-pad, y-f.size*0.9, w+2*pad, f.size*1.25, "F")
	}
	l.drawPieces(pieces, x, y)
}

func fromRGB(c domain.RGB) rgb { return rgb{int(c.R), int(c.G), int(c.B)} }

// authorityLead is the leading of the classification authority block.
const authorityLead = 11.0

// layAuthority wraps the classification authority block's lines (each
// may be 200 characters) and returns the room the block takes at the foot
// of the first page's text area, space above it included; 0 without one.
func (l *layout) layAuthority() float64 {
	l.where = "the classification authority block"
	for _, a := range l.d.Authority {
		l.authority = append(l.authority, l.ts.wrap([]span{sp(a, fSmall, ink)}, l.width)...)
	}
	if len(l.authority) == 0 {
		return 0
	}
	return float64(len(l.authority))*authorityLead + 10
}

// drawAuthority draws the classification authority block at the bottom
// left of the first page's text area, where US marking guides put it; the
// flow keeps that room free (layout.build).
func (l *layout) drawAuthority() {
	y := l.textBottom() - float64(len(l.authority))*authorityLead
	for _, ln := range l.authority {
		y += authorityLead
		for _, p := range ln.pieces {
			l.text(p, l.left+p.x, y-2.5)
		}
	}
}

// fitWidth cuts text with "…" to at most room points wide in f: the
// character count says little about width ("WWW" against "iii").
func (l *layout) fitWidth(text string, f face, room float64) string {
	if l.spanWidth(text, f) <= room {
		return text
	}
	r := []rune(text)
	lo, hi := 0, len(r) // the longest prefix that fits with its "…"
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if l.spanWidth(string(r[:mid])+"…", f) <= room {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimSpace(string(r[:lo])) + "…"
}

// spanWidth is the width of text in f, fallback fonts included.
func (l *layout) spanWidth(text string, f face) float64 {
	w := 0.0
	for _, p := range l.ts.pieces(sp(text, f, ink)) {
		w += p.w
	}
	return w
}

// textAt draws user text through the font fallback, so no character
// reaches gofpdf in a font that lacks it.
func (l *layout) textAt(s span, x, y float64) { l.drawPieces(l.ts.pieces(s), x, y) }

func (l *layout) centered(text string, f face, c rgb, y float64) {
	pieces := l.ts.pieces(sp(text, f, c))
	w := 0.0
	for _, p := range pieces {
		w += p.w
	}
	l.drawPieces(pieces, (l.pw-w)/2, y)
}

// drawPieces draws measured pieces one after another from x.
func (l *layout) drawPieces(pieces []piece, x, y float64) {
	for _, p := range pieces {
		l.text(p, x, y)
		x += p.w
	}
}

func draftMark(s interface{ Label() string }) string {
	switch s.Label() {
	case "Draft":
		return "DRAFT"
	case "In review":
		return "DRAFT · IN REVIEW"
	}
	return ""
}

// watermark sets the draft mark diagonally across the page, faint, behind
// the text.
func (l *layout) watermark(mark string) {
	pdf := l.pdf
	f := face{famSans, "B", 84}
	if len(mark) > 6 {
		f.size = 52
	}
	w := l.ts.width(f, mark)
	pdf.TransformBegin()
	pdf.TransformRotate(50, l.pw/2, l.ph/2)
	pdf.SetAlpha(0.07, "Normal")
	l.text(piece{span: sp(mark, f, navy)}, (l.pw-w)/2, l.ph/2+f.size*0.35)
	pdf.SetAlpha(1, "Normal")
	pdf.TransformEnd()
}
