package widgets

import (
	"sort"
	"unicode"
)

// Find returns the rune spans of all non-overlapping matches of query, in
// order. Matching ignores case (simple Unicode case folding, so Greek and
// Cyrillic fold too) and treats typographic variants alike: ’ ‘ and ' match,
// as do “ ” and ", and a no-break space matches a space. Each text rune
// matches one query rune, so the spans are exact offsets into the text.
func (r *Reader) Find(query string) []Span {
	q := foldRunes([]rune(query))
	if len(q) == 0 {
		return nil
	}
	if r.folded == nil {
		r.folded = foldRunes(append([]rune(nil), r.runes...))
	}
	t := r.folded
	var out []Span
	for i := 0; i+len(q) <= len(t); i++ {
		if t[i] == q[0] && equalRunes(t[i:i+len(q)], q) {
			out = append(out, Span{i, i + len(q)})
			i += len(q) - 1
		}
	}
	return out
}

// FindNext selects the next match of query after the current selection (or
// the previous one when forward is false), wrapping around the text, and
// scrolls it into view. It reports false when there is no match.
func (r *Reader) FindNext(query string, forward bool) bool {
	_, of := r.FindMatch(query, forward)
	return of > 0
}

// FindMatch is FindNext reporting which match it selected, counting from
// 1, of how many: 0 of 0 when there is none.
func (r *Reader) FindMatch(query string, forward bool) (n, of int) {
	ms := r.Find(query)
	if len(ms) == 0 {
		return 0, 0
	}
	s, e := r.Selection()
	var i int
	if forward {
		i = sort.Search(len(ms), func(i int) bool {
			return ms[i].Start > s || (s == e && ms[i].Start >= s)
		})
		if i == len(ms) {
			i = 0
		}
	} else {
		i = sort.Search(len(ms), func(i int) bool { return ms[i].Start >= s }) - 1
		if i < 0 {
			i = len(ms) - 1
		}
	}
	m := ms[i]
	r.Select(m.Start, m.End)
	if !r.lineInView(r.lineOf(m.Start)) || !r.lineInView(r.lineOf(m.End)) {
		r.ScrollToOffset(m.Start)
	}
	return i + 1, len(ms)
}

// lineInView reports whether a line is wholly inside the viewport.
func (r *Reader) lineInView(li int) bool {
	if r.wrap.lines == nil {
		return false
	}
	top := r.wrap.lineTop(li)
	vpTop := r.scroll.Offset.Y
	return top >= vpTop && top+r.wrap.lineH <= vpTop+r.scroll.Size().Height
}

func equalRunes(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// foldRunes folds rs in place for matching and returns it.
func foldRunes(rs []rune) []rune {
	for i, c := range rs {
		rs[i] = foldRune(c)
	}
	return rs
}

// foldRune maps a rune to a representative of its case-folding orbit (the
// smallest code point in it) after unifying quotes and spaces.
func foldRune(c rune) rune {
	switch c {
	case '’', '‘', 'ʼ', '′':
		return '\''
	case '“', '”', '„', '″':
		return '"'
	case '\u00a0', '\u202f', '\u2007', '\t', '\n', '\r':
		return ' '
	}
	if c < 0x80 {
		if 'a' <= c && c <= 'z' {
			return c - 'a' + 'A'
		}
		return c
	}
	m := c
	for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	return m
}
