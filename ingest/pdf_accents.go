package ingest

import "unicode"

// spacingAccents maps the accents that TeX and some other typesetters draw
// as glyphs of their own over (or under) a letter to the combining marks
// that follow a letter in Unicode text: "na¨ıve" drawn so reads "naïve".
var spacingAccents = map[rune]rune{
	'¨': '\u0308', '´': '\u0301', '`': '\u0300', 'ˆ': '\u0302', '^': '\u0302', '˜': '\u0303', '~': '\u0303',
	'¯': '\u0304', '˘': '\u0306', '˙': '\u0307', '˚': '\u030A', '˝': '\u030B', 'ˇ': '\u030C', '¸': '\u0327',
}

// composeAccents turns a spacing accent drawn over the letter beside it
// (before or after it in the content) into a combining mark after that
// letter, with its own box; NFC then makes one letter of the two. A
// dotless i under an accent is an i. ASCII look-alikes (` ^ ~) count only
// when they sit over a letter, as real ones do.
func composeAccents(cs []pdfChar) {
	for i := range cs {
		mark, ok := spacingAccents[cs[i].r]
		if !ok {
			continue
		}
		for _, j := range []int{i + 1, i - 1} {
			if j < 0 || j >= len(cs) || !over(cs[i], cs[j]) {
				continue
			}
			if cs[j].r == 'ı' && mark != '\u0327' {
				cs[j].r = 'i'
			}
			cs[i].r = mark
			if j > i { // the accent came first: the letter goes before its mark
				cs[i], cs[j] = cs[j], cs[i]
			}
			break
		}
	}
}

// over says whether accent a is drawn on letter l: its middle within the
// letter's width, and above the letter's middle (or, for a cedilla, below).
func over(a, l pdfChar) bool {
	if !unicode.IsLetter(l.r) || l.x1 <= l.x0 {
		return false
	}
	mid := (a.x0 + a.x1) / 2
	if mid < l.x0 || mid > l.x1 {
		return false
	}
	if a.r == '¸' {
		return a.top >= (l.top+l.bottom)/2
	}
	return a.bottom <= (l.top+l.bottom)/2+0.1*(l.bottom-l.top)
}
