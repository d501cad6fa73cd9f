package widgets

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
)

// span is a byte range [start, end) of a string: one wrapped line.
type span struct{ start, end int }

// docFace is one text look (size and style) with its measured advances.
// Wrapping sums rune advances, as the Reader does: shaping every word
// with fyne.MeasureText would cost seconds for a long briefing.
type docFace struct {
	size, lineH, spaceW float32
	style               fyne.TextStyle
	ascii               [128]float32
	adv                 map[rune]float32
}

func newDocFace(size, spacing, px float32, style fyne.TextStyle) *docFace {
	f := &docFace{size: size, style: style, adv: map[rune]float32{}}
	f.lineH = snapUp(fyne.MeasureText("M", size, style).Height+spacing, px)
	f.spaceW = f.advance(' ')
	return f
}

func (f *docFace) advance(c rune) float32 {
	if c < 128 && f.ascii[c] > 0 {
		return f.ascii[c]
	}
	if v, ok := f.adv[c]; ok {
		return v
	}
	v := fyne.MeasureText(displayString([]rune{c}), f.size, f.style).Width
	if c < 128 && v > 0 {
		f.ascii[c] = v
	} else {
		f.adv[c] = v
	}
	return v
}

// wrap appends the lines of s wrapped to width; a newline in s always
// breaks. An empty s is one empty line.
func (f *docFace) wrap(s string, width float32, out []span) []span {
	for start := 0; ; {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			return f.wrapPara(s, start, len(s), width, out)
		}
		out = f.wrapPara(s, start, start+end, width, out)
		start += end + 1
	}
}

// wrapPara greedily fills lines with the words of s[ps:pe]; spaces stay at
// the end of the line they follow.
func (f *docFace) wrapPara(s string, ps, pe int, width float32, out []span) []span {
	lineStart, used, spaces, hasWord := ps, float32(0), float32(0), false
	for i := ps; i < pe; {
		c, n := utf8.DecodeRuneInString(s[i:pe])
		if isBreakSpace(c) {
			spaces += f.spaceW
			i += n
			continue
		}
		j, ww := f.word(s, i, pe)
		if hasWord && used+spaces+ww > width {
			out = append(out, span{lineStart, i})
			lineStart, used, spaces = i, 0, 0
		}
		if used+spaces+ww > width {
			lineStart, used, out = f.breakWord(s, lineStart, i, j, used+spaces, width, out)
		} else {
			used += spaces + ww
		}
		spaces, hasWord, i = 0, true, j
	}
	return append(out, span{lineStart, pe})
}

// word returns the end and width of the word starting at i: up to the next
// break space, or just after a dash inside it.
func (f *docFace) word(s string, i, pe int) (int, float32) {
	var w float32
	j := i
	for j < pe {
		c, n := utf8.DecodeRuneInString(s[j:pe])
		if isBreakSpace(c) {
			break
		}
		w += f.advance(c)
		j += n
		if isDash(c) && j-n > i && j < pe {
			if next, _ := utf8.DecodeRuneInString(s[j:pe]); !isBreakSpace(next) {
				break
			}
		}
	}
	return j, w
}

// breakWord splits a word s[i:j] too long for a line into pieces that fit.
func (f *docFace) breakWord(s string, lineStart, i, j int, used, width float32, out []span) (int, float32, []span) {
	for k := i; k < j; {
		c, n := utf8.DecodeRuneInString(s[k:j])
		a := f.advance(c)
		if used+a > width && k > lineStart {
			out = append(out, span{lineStart, k})
			lineStart, used = k, 0
		}
		used += a
		k += n
	}
	return lineStart, used, out
}
