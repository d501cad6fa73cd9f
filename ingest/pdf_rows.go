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
	// Decide every split before joining anything: a joined fragment spans
	// the gutter and would hide it from the rows around it.
	split := make([][]bool, len(rows)) // split[ri][i]: a new line starts at row[i]
	for ri, row := range rows {
		sort.SliceStable(row, func(i, j int) bool { return row[i].x0 < row[j].x0 })
		split[ri] = make([]bool, len(row))
		reach := row[0].x1
		for i := 1; i < len(row); i++ {
			prev := *row[i-1]
			prev.x1 = reach
			split[ri][i] = row[i].x0 < reach-0.5*prev.size || gutter(rows, ri, &prev, row[i])
			if split[ri][i] {
				reach = row[i].x1
			} else {
				reach = math.Max(reach, row[i].x1)
			}
		}
	}
	var out []*pdfLine
	for ri, row := range rows {
		cur := row[0]
		for i, f := range row[1:] {
			if split[ri][i+1] {
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
// open in the nearest rows around it: in all of them, or in the two below
// or the two above (a centred title or date over two columns closes the
// gutter on one side only).
func gutter(rows [][]*pdfLine, ri int, a, b *pdfLine) bool {
	em := math.Max(a.size, b.size)
	if b.x0-a.x1 < 0.8*em {
		return false
	}
	gap := [][2]float64{{a.x1, b.x0}}
	all, above, below := gap, gap, gap
	var nAbove, nBelow int
	for k := ri - 2; k <= ri+2; k++ {
		if k < 0 || k >= len(rows) || k == ri || math.Abs(rows[k][0].base-a.base) > 3*em {
			continue
		}
		for _, f := range rows[k] {
			all = subtract(all, f.x0, f.x1)
			if k < ri {
				above = subtract(above, f.x0, f.x1)
			} else {
				below = subtract(below, f.x0, f.x1)
			}
		}
		if k < ri {
			nAbove++
		} else {
			nBelow++
		}
	}
	wide := func(set [][2]float64) bool {
		for _, o := range set {
			if o[1]-o[0] >= 0.3*em {
				return true
			}
		}
		return false
	}
	return nAbove+nBelow > 0 && wide(all) || nAbove == 2 && wide(above) || nBelow == 2 && wide(below)
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
