package ingest

import (
	"math"
	"sort"
)

// mergeRows joins the fragments of each line of text from left to right,
// except across a column gutter: a gap that the lines above and below leave
// open too. Word gaps in justified text can be as wide as a gutter, but
// they do not line up from one line to the next.
func mergeRows(frags []*pdfLine) []*pdfLine {
	sort.SliceStable(frags, func(i, j int) bool { return frags[i].base < frags[j].base })
	var rows [][]*pdfLine
	for _, f := range frags {
		if n := len(rows); n > 0 && math.Abs(f.base-rows[n-1][0].base) <= 0.3*math.Min(f.size, rows[n-1][0].size) {
			rows[n-1] = append(rows[n-1], f)
			continue
		}
		rows = append(rows, []*pdfLine{f})
	}
	var out []*pdfLine
	for ri, row := range rows {
		sort.SliceStable(row, func(i, j int) bool { return row[i].x0 < row[j].x0 })
		cur := row[0]
		for _, f := range row[1:] {
			if f.x0 < cur.x1-0.5*cur.size || gutter(rows, ri, cur, f) {
				out = append(out, cur)
				cur = f
				continue
			}
			if len(f.text) > len(cur.text) { // the longer part sets the size
				cur.size = f.size
			}
			cur.joinSpaced(f)
			cur.x1 = math.Max(cur.x1, f.x1)
			cur.top, cur.bottom = math.Min(cur.top, f.top), math.Max(cur.bottom, f.bottom)
		}
		out = append(out, cur)
	}
	return out
}

// gutter says whether the gap between fragments a and b of row ri stays
// open in the nearest rows above and below.
func gutter(rows [][]*pdfLine, ri int, a, b *pdfLine) bool {
	em := math.Max(a.size, b.size)
	if b.x0-a.x1 < 0.8*em {
		return false
	}
	open := [][2]float64{{a.x1, b.x0}}
	near := 0
	for k := ri - 2; k <= ri+2; k++ {
		if k < 0 || k >= len(rows) || k == ri || math.Abs(rows[k][0].base-a.base) > 3*em {
			continue
		}
		near++
		for _, f := range rows[k] {
			open = subtract(open, f.x0, f.x1)
		}
	}
	for _, o := range open {
		if near > 0 && o[1]-o[0] >= 0.3*em {
			return true
		}
	}
	return false
}

// subtract removes [x0, x1] from a set of intervals.
func subtract(set [][2]float64, x0, x1 float64) [][2]float64 {
	var out [][2]float64
	for _, o := range set {
		if x1 <= o[0] || x0 >= o[1] {
			out = append(out, o)
			continue
		}
		if x0 > o[0] {
			out = append(out, [2]float64{o[0], x0})
		}
		if x1 < o[1] {
			out = append(out, [2]float64{x1, o[1]})
		}
	}
	return out
}
