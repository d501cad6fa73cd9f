package domain

import "unicode/utf8"

// runeStride is how many runes lie between two of a RuneIndex's marks: a
// lookup walks at most this many.
const runeStride = 64

// RuneIndex finds spans of one text by rune offset, for the many excerpts
// of one source (a briefing's import or export): RuneSpan walks the text
// from its start on every call, which for thousands of excerpts of a long
// report made an import take a minute.
type RuneIndex struct {
	text  string
	n     int   // runes in text
	marks []int // byte offset of every runeStride-th rune; nil for ASCII
}

// NewRuneIndex indexes text in one pass.
func NewRuneIndex(text string) *RuneIndex {
	x := &RuneIndex{text: text}
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		x.n = len(text)
		return x
	}
	i := 0
	for b := range text {
		if i%runeStride == 0 {
			x.marks = append(x.marks, b)
		}
		i++
	}
	x.n = i
	return x
}

// Text is the indexed text.
func (x *RuneIndex) Text() string { return x.text }

// Len is the number of runes in the text.
func (x *RuneIndex) Len() int { return x.n }

// Byte is the byte offset of rune r (0 ≤ r ≤ Len()).
func (x *RuneIndex) Byte(r int) int {
	switch {
	case r >= x.n:
		return len(x.text)
	case x.marks == nil:
		return r
	}
	b := x.marks[r/runeStride]
	for k := r % runeStride; k > 0; k-- {
		_, size := utf8.DecodeRuneInString(x.text[b:])
		b += size
	}
	return b
}

// Span is RuneSpan over the indexed text: the same answer and error.
func (x *RuneIndex) Span(start, end int) (string, error) {
	if start < 0 || end > x.n || start >= end {
		return "", Errorf(EINVALID, "offsets %d–%d are outside the source text, which has %d characters: the start must be before the end and both within 0–%d", start, end, x.n, x.n)
	}
	return x.text[x.Byte(start):x.Byte(end)], nil
}
