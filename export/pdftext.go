package export

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"
)

// face is a font at a size.
type face struct {
	fam, style string
	size       float64
}

type rgb struct{ r, g, b int }

// span is styled input text; rise lifts it above the baseline (note
// numbers).
type span struct {
	text  string
	face  face
	color rgb
	rise  float64
}

// piece is a run of text in one face, measured.
type piece struct {
	span
	w float64
	x float64 // position in its line, set by wrap
}

// token is a word: pieces with no break opportunity between them.
type token struct {
	pieces []piece
	w      float64
}

type line struct {
	pieces []piece
	w      float64
}

// typesetter measures and wraps text with the embedded fonts, registering
// each font with gofpdf on first use and remembering word widths.
type typesetter struct {
	pdf     *gofpdf.Fpdf
	current face // gofpdf's font; SetFont is costly, so only on change
	color   rgb  // gofpdf's text colour, valid while colorSet
	// colorSet: SetTextColor formats the colour anew on every call, a
	// twentieth of a long PDF's time, so it too is called only on change.
	colorSet bool
	loaded   map[string]bool
	missing  func(r rune)

	// widths remembers word widths by face; widthsOf is the last face's
	// table, as runs of words share a face: hashing the face with every
	// word was a tenth of a long PDF's time.
	widths   map[face]map[string]float64
	lastFace face
	widthsOf map[string]float64
}

func newTypesetter(pdf *gofpdf.Fpdf) *typesetter {
	return &typesetter{pdf: pdf, loaded: map[string]bool{}, widths: map[face]map[string]float64{}, missing: func(rune) {}}
}

// use makes f the current gofpdf font.
func (t *typesetter) use(f face) {
	file := fontFile(f.fam, f.style)
	if !t.loaded[file] {
		// A copy per document: gofpdf pads each font table it subsets by
		// appending to a slice of the bytes it was given, which writes
		// into a shared buffer from every export running at once.
		t.pdf.AddUTF8FontFromBytes(file, "", slices.Clone(assetFont(file)))
		t.loaded[file] = true
	}
	if f != t.current {
		t.pdf.SetFont(file, "", f.size)
		t.current = f
	}
}

// reset forgets the current font, which gofpdf drops at every new page,
// and the text colour.
func (t *typesetter) reset() { t.current, t.colorSet = face{}, false }

// setColor makes c gofpdf's text colour.
func (t *typesetter) setColor(c rgb) {
	if !t.colorSet || c != t.color {
		t.pdf.SetTextColor(c.r, c.g, c.b)
		t.color, t.colorSet = c, true
	}
}

func (t *typesetter) width(f face, s string) float64 {
	if t.widthsOf == nil || f != t.lastFace {
		if t.widths[f] == nil {
			t.widths[f] = map[string]float64{}
		}
		t.lastFace, t.widthsOf = f, t.widths[f]
	}
	if w, ok := t.widthsOf[s]; ok {
		return w
	}
	t.use(f)
	w := t.pdf.GetStringWidth(s)
	t.widthsOf[s] = w
	return w
}

// pieces splits s into runs each drawable by one embedded font. A character
// no font has is shown as its code, e.g. [U+1F600], and reported, never
// dropped or drawn as an empty box.
func (t *typesetter) pieces(sp span) []piece { return t.appendPieces(nil, sp) }

func (t *typesetter) appendPieces(out []piece, sp span) []piece {
	if sp.text == "" {
		return out
	}
	if glyphs.hasAll(fontFile(sp.face.fam, sp.face.style), sp.text) {
		return append(out, piece{span: sp, w: t.width(sp.face, sp.text)})
	}
	var b strings.Builder
	cur := sp.face
	flush := func() {
		if b.Len() > 0 {
			p := piece{span: sp}
			p.text, p.face = b.String(), cur
			p.w = t.width(p.face, p.text)
			out = append(out, p)
			b.Reset()
		}
	}
	for _, r := range sp.text {
		fam, style, ok := faceFor(sp.face.fam, sp.face.style, r)
		f := face{fam, style, sp.face.size}
		text := string(r)
		if !ok {
			t.missing(r)
			f, text = sp.face, fmt.Sprintf("[U+%04X]", r)
		}
		if f != cur {
			flush()
			cur = f
		}
		b.WriteString(text)
	}
	flush()
	return out
}

// wrapper fills lines greedily. A word is what lies between spaces, even
// across spans (a note number glued to the last word stays with it); a
// no-break space does not break.
type wrapper struct {
	t     *typesetter
	width float64
	lines []line
	cur   line
	word  token   // the word being collected; its pieces buffer is reused
	space float64 // width of the space before the word being collected
}

func isBreak(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// wrap lays spans out in lines no wider than width; a word longer than a
// line is cut, at / - . ? & = _ where it can, so that a URL or a hash never
// runs off the page.
func (t *typesetter) wrap(spans []span, width float64) []line {
	w := &wrapper{t: t, width: width}
	for _, sp := range spans {
		start := 0
		for i, r := range sp.text {
			if !isBreak(r) {
				continue
			}
			w.collect(sp, sp.text[start:i])
			w.endWord()
			if r == '\n' {
				w.newline()
			} else if len(w.cur.pieces) > 0 {
				w.space = t.width(sp.face, " ")
			}
			start = i + 1
		}
		w.collect(sp, sp.text[start:])
	}
	w.endWord()
	if len(w.cur.pieces) > 0 || len(w.lines) == 0 {
		w.lines = append(w.lines, w.cur)
	}
	return w.lines
}

func (w *wrapper) collect(sp span, text string) {
	if text == "" {
		return
	}
	part := sp
	part.text = text
	before := len(w.word.pieces)
	w.word.pieces = w.t.appendPieces(w.word.pieces, part)
	for _, p := range w.word.pieces[before:] {
		w.word.w += p.w
	}
}

func (w *wrapper) newline() {
	w.lines, w.cur, w.space = append(w.lines, w.cur), line{}, 0
}

// endWord places the collected word.
func (w *wrapper) endWord() {
	tok := w.word
	w.word.pieces, w.word.w = w.word.pieces[:0], 0
	if len(tok.pieces) == 0 {
		return
	}
	space := w.space
	if len(w.cur.pieces) == 0 {
		space = 0
	}
	w.space = 0
	if tok.w > w.width {
		w.placeLong(tok, space)
		return
	}
	if len(w.cur.pieces) > 0 && w.cur.w+space+tok.w > w.width {
		w.newline()
		space = 0
	}
	w.cur.add(tok, space)
}

func (w *wrapper) placeLong(tok token, space float64) {
	tok.pieces = append([]piece(nil), tok.pieces...)
	if len(w.cur.pieces) > 0 && w.width-w.cur.w-space < w.width/5 {
		w.newline()
		space = 0
	}
	for _, soft := range w.t.softSplit(tok) {
		chunks := []token{soft}
		if soft.w > w.width {
			chunks = w.t.cut(soft, w.width-w.cur.w-space, w.width)
		}
		for _, chunk := range chunks {
			if len(w.cur.pieces) > 0 && w.cur.w+space+chunk.w > w.width {
				w.newline()
				space = 0
			}
			w.cur.add(chunk, space)
			space = 0
		}
	}
}

// add appends a word; a word in the same style as the line's last piece
// joins it with a space, so a line is drawn with few text operations. The
// space's width was measured in that same font, so positions stay exact.
func (l *line) add(tok token, space float64) {
	x := l.w + space
	for i, p := range tok.pieces {
		if n := len(l.pieces); n > 0 && sameStyle(l.pieces[n-1].span, p.span) && (i > 0 || space > 0 || l.pieces[n-1].x+l.pieces[n-1].w == x) {
			last := &l.pieces[n-1]
			if i == 0 && space > 0 {
				last.text = last.text + " " + p.text // one string, not two
			} else {
				last.text += p.text
			}
			last.w = x + p.w - last.x
		} else {
			p.x = x
			l.pieces = append(l.pieces, p)
		}
		x += p.w
	}
	l.w = x
}

// softSplit breaks an over-long word such as a URL after the characters
// where a reader expects a break (/ - . ? & = _), so it is cut there rather
// than mid-word where possible.
func (t *typesetter) softSplit(tok token) []token {
	var out []token
	var cur token
	for _, p := range tok.pieces {
		start := 0
		for i, r := range p.text {
			if !strings.ContainsRune("/-.?&=_", r) {
				continue
			}
			end := i + utf8.RuneLen(r)
			cur = appendText(cur, p, p.text[start:end], t.width(p.face, p.text[start:end]))
			out, cur = append(out, cur), token{}
			start = end
		}
		if start < len(p.text) {
			cur = appendText(cur, p, p.text[start:], t.width(p.face, p.text[start:]))
		}
	}
	if len(cur.pieces) > 0 {
		out = append(out, cur)
	}
	return out
}

func appendText(tok token, p piece, text string, w float64) token {
	np := p
	np.text, np.w = text, w
	tok.pieces = append(tok.pieces, np)
	tok.w += w
	return tok
}

// cut splits a token into chunks no wider than full; the first is no wider
// than first, to fill the rest of the current line.
func (t *typesetter) cut(tok token, first, full float64) []token {
	var out []token
	var cur token
	limit := first
	for _, p := range tok.pieces {
		for _, r := range p.text {
			w := t.width(p.face, string(r))
			if cur.w+w > limit && len(cur.pieces) > 0 {
				out = append(out, cur)
				cur, limit = token{}, full
			}
			n := len(cur.pieces)
			if last := n - 1; n > 0 && sameStyle(cur.pieces[last].span, p.span) {
				cur.pieces[last].text += string(r)
				cur.pieces[last].w += w
			} else {
				np := p
				np.text, np.w = string(r), w
				cur.pieces = append(cur.pieces, np)
			}
			cur.w += w
		}
	}
	if len(cur.pieces) > 0 {
		out = append(out, cur)
	}
	return out
}

func sameStyle(a, b span) bool { return a.face == b.face && a.color == b.color && a.rise == b.rise }
