package export

import (
	"fmt"
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
	pieces  []piece
	w       float64
	space   float64 // width of the space before it, 0 at a paragraph start
	newline bool    // a forced line break, not a word
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
	loaded  map[string]bool
	widths  map[widthKey]float64
	missing func(r rune)
}

type widthKey struct {
	f face
	s string
}

func newTypesetter(pdf *gofpdf.Fpdf) *typesetter {
	return &typesetter{pdf: pdf, loaded: map[string]bool{}, widths: map[widthKey]float64{}, missing: func(rune) {}}
}

// use makes f the current gofpdf font.
func (t *typesetter) use(f face) {
	file := fontFile(f.fam, f.style)
	if !t.loaded[file] {
		t.pdf.AddUTF8FontFromBytes(file, "", assetFont(file))
		t.loaded[file] = true
	}
	if f != t.current {
		t.pdf.SetFont(file, "", f.size)
		t.current = f
	}
}

// reset forgets the current font: gofpdf drops it at every new page.
func (t *typesetter) reset() { t.current = face{} }

func (t *typesetter) width(f face, s string) float64 {
	k := widthKey{f, s}
	if w, ok := t.widths[k]; ok {
		return w
	}
	t.use(f)
	w := t.pdf.GetStringWidth(s)
	t.widths[k] = w
	return w
}

// pieces splits s into runs each drawable by one embedded font. A character
// no font has is shown as its code, e.g. [U+1F600], and reported, never
// dropped or drawn as an empty box.
func (t *typesetter) pieces(sp span) []piece {
	var out []piece
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

// tokens breaks spans into words at spaces and forced breaks at newlines.
// A no-break space does not break.
func (t *typesetter) tokens(spans []span) []token {
	var toks []token
	var cur token
	pendingSpace := 0.0
	push := func() {
		if len(cur.pieces) > 0 {
			cur.space = pendingSpace
			toks = append(toks, cur)
			pendingSpace = 0
		}
		cur = token{}
	}
	for _, sp := range spans {
		start := 0
		for i, r := range sp.text + " " {
			if i < len(sp.text) && r != ' ' && r != '\t' && r != '\n' && r != '\r' {
				continue
			}
			if i > start {
				word := sp
				word.text = sp.text[start:i]
				for _, p := range t.pieces(word) {
					cur.pieces = append(cur.pieces, p)
					cur.w += p.w
				}
			}
			start = i + utf8.RuneLen(r)
			if i >= len(sp.text) {
				break
			}
			push()
			if r == '\n' {
				toks = append(toks, token{newline: true})
				pendingSpace = 0
			} else if len(toks) > 0 && !toks[len(toks)-1].newline {
				pendingSpace = t.width(sp.face, " ")
			}
		}
	}
	push()
	return toks
}

// wrap fills lines greedily up to width; a word longer than a line is cut
// between characters so that a URL or a hash never runs off the page.
func (t *typesetter) wrap(spans []span, width float64) []line {
	var lines []line
	var cur line
	for _, tok := range t.tokens(spans) {
		if tok.newline {
			lines, cur = append(lines, cur), line{}
			continue
		}
		space := tok.space
		if len(cur.pieces) == 0 {
			space = 0
		}
		if tok.w > width {
			if len(cur.pieces) > 0 && width-cur.w-space < width/5 {
				lines, cur, space = append(lines, cur), line{}, 0
			}
			for _, soft := range t.softSplit(tok) {
				chunks := []token{soft}
				if soft.w > width {
					chunks = t.cut(soft, width-cur.w-space, width)
				}
				for _, chunk := range chunks {
					if len(cur.pieces) > 0 && cur.w+space+chunk.w > width {
						lines, cur, space = append(lines, cur), line{}, 0
					}
					cur.add(chunk, space)
					space = 0
				}
			}
			continue
		}
		if len(cur.pieces) > 0 && cur.w+space+tok.w > width {
			lines, cur, space = append(lines, cur), line{}, 0
		}
		cur.add(tok, space)
	}
	if len(cur.pieces) > 0 || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
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
				last.text += " "
			}
			last.text += p.text
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
