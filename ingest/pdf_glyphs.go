package ingest

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/attache/attache/domain"
)

// pglyph says where one rune of a line's or paragraph's text is drawn: its
// page (from 0) and its box as fractions of the page as PDFium renders it.
// A rune the importer made up (a space between words, a line break) has
// page -1. Every text the importer builds from a PDF carries one pglyph per
// rune, so that the final Text gets its page map (domain.TextMap) exactly.
type pglyph struct {
	page int32
	box  domain.PageRect
}

var madeUp = pglyph{page: -1}

func (g pglyph) drawn() bool { return g.page >= 0 }

// joinGlyphs concatenates glyph slices into a new one.
func joinGlyphs(parts ...[]pglyph) []pglyph {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]pglyph, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// joinSpaced appends b's text to a's with one made-up space between them,
// as words on one row are joined.
func (a *pdfLine) joinSpaced(b *pdfLine) {
	at := strings.TrimRight(a.text, " ")
	bt := strings.TrimLeft(b.text, " ")
	// Spaces are one byte each, so bytes trimmed are runes trimmed.
	ag := a.glyphs[:len(a.glyphs)-(len(a.text)-len(at))]
	bg := b.glyphs[len(b.text)-len(bt):]
	a.text = at + " " + bt
	a.glyphs = joinGlyphs(ag, []pglyph{madeUp}, bg)
}

// nfcGlyphs normalises s to NFC and keeps its glyphs in step: a segment
// that normalisation changes (a letter and its combining accent composed)
// gives its runes the union of the segment's boxes, shared out.
func nfcGlyphs(s string, g []pglyph) (string, []pglyph) {
	if norm.NFC.IsNormalString(s) {
		return s, g
	}
	var b strings.Builder
	out := make([]pglyph, 0, len(g))
	ri := 0
	for len(s) > 0 {
		n := norm.NFC.NextBoundaryInString(s, true)
		if n <= 0 {
			n = len(s)
		}
		seg := s[:n]
		k := utf8.RuneCountInString(seg)
		ns := norm.NFC.String(seg)
		b.WriteString(ns)
		out = append(out, spread(g[ri:ri+k], utf8.RuneCountInString(ns))...)
		ri, s = ri+k, s[n:]
	}
	return b.String(), out
}

// spread maps the glyphs of a segment of len(in) runes to one of k runes:
// one for one when the count is kept, else the union of the drawn boxes
// shared out from left to right.
func spread(in []pglyph, k int) []pglyph {
	if len(in) == k {
		return in
	}
	u, ok := madeUp, false
	for _, g := range in {
		switch {
		case !g.drawn():
		case !ok:
			u, ok = g, true
		case g.page == u.page:
			u.box = union(u.box, g.box)
		}
	}
	out := make([]pglyph, k)
	for i := range out {
		out[i] = u
		if ok {
			out[i].box = shareRect(u.box, i, k, 1, 0)
		}
	}
	return out
}

func union(a, b domain.PageRect) domain.PageRect {
	return domain.PageRect{X0: min(a.X0, b.X0), Y0: min(a.Y0, b.Y0), X1: max(a.X1, b.X1), Y1: max(a.Y1, b.Y1)}
}

// shareRect is the i-th of n equal parts of r along the direction (dx, dy)
// in which the text runs on the rendered page: a ligature's letters, or the
// letters PDFium reads from one glyph, each get a part of its box.
func shareRect(r domain.PageRect, i, n int, dx, dy float64) domain.PageRect {
	if n <= 1 {
		return r
	}
	part := func(lo, hi float32, rev bool) (float32, float32) {
		j := i
		if rev {
			j = n - 1 - i
		}
		w := (hi - lo) / float32(n)
		return lo + w*float32(j), lo + w*float32(j+1)
	}
	if abs(dx) >= abs(dy) {
		r.X0, r.X1 = part(r.X0, r.X1, dx < 0)
	} else {
		r.Y0, r.Y1 = part(r.Y0, r.Y1, dy < 0)
	}
	return r
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// textMap builds the page map of text from its glyphs (one per rune).
func textMap(sizes []domain.PageSize, g []pglyph) *domain.TextMap {
	n := 0
	for _, x := range g {
		if x.drawn() {
			n++
		}
	}
	m := &domain.TextMap{Pages: sizes, Glyphs: make([]domain.Glyph, 0, n)}
	for i, x := range g {
		if x.drawn() && int(x.page) < len(sizes) {
			m.Glyphs = append(m.Glyphs, domain.Glyph{Offset: int32(i), Page: x.page, Box: x.box})
		}
	}
	return m
}
