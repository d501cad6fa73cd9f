package ingest

import (
	"math"
	"sort"
)

// readingOrder sorts the lines of a page with a recursive XY cut: a page is
// split at a column gutter when it has one, otherwise at its widest
// horizontal gap, so columns are read one after the other and headings
// that span them come first.
func readingOrder(lines []*pdfLine, width float64) []*pdfLine {
	out := make([]*pdfLine, 0, len(lines))
	var cut func(ls []*pdfLine, depth int)
	cut = func(ls []*pdfLine, depth int) {
		if len(ls) <= 1 || depth > 64 {
			sort.SliceStable(ls, func(i, j int) bool { return lineBefore(ls[i], ls[j]) })
			out = append(out, ls...)
			return
		}
		if left, right, ok := columnCut(ls, width); ok {
			cut(left, depth+1)
			cut(right, depth+1)
			return
		}
		sort.SliceStable(ls, func(i, j int) bool { return ls[i].top < ls[j].top })
		gaps := make([]float64, len(ls))
		best, reach := 0.0, ls[0].bottom
		for i := 1; i < len(ls); i++ {
			gaps[i] = ls[i].top - reach
			best = math.Max(best, gaps[i])
			reach = math.Max(reach, ls[i].bottom)
		}
		if best <= 0 {
			sort.SliceStable(ls, func(i, j int) bool { return lineBefore(ls[i], ls[j]) })
			out = append(out, ls...)
			return
		}
		// Cut at every gap about as wide as the widest, so a page of evenly
		// spaced lines is not peeled one line per level.
		start := 0
		for i := 1; i <= len(ls); i++ {
			if i == len(ls) || gaps[i] >= 0.9*best {
				cut(append([]*pdfLine(nil), ls[start:i]...), depth+1)
				start = i
			}
		}
	}
	cut(lines, 0)
	return out
}

// lineBefore orders lines of one block: top to bottom, then left to right
// for lines on the same baseline.
func lineBefore(a, b *pdfLine) bool {
	if math.Abs(a.base-b.base) < 0.3*math.Min(a.size, b.size) {
		return a.x0 < b.x0
	}
	return a.top < b.top
}

// columnCut looks for a gutter: an empty vertical band crossing the whole
// block with lines of running text on both sides. Narrow table cells do not
// count, so tables are read row by row.
func columnCut(ls []*pdfLine, width float64) (left, right []*pdfLine, ok bool) {
	byX := append([]*pdfLine(nil), ls...)
	sort.Slice(byX, func(i, j int) bool { return byX[i].x0 < byX[j].x0 })
	sizes := make([]float64, len(ls))
	for i, l := range ls {
		sizes[i] = l.size
	}
	sort.Float64s(sizes)
	minGap := math.Max(6, 0.8*sizes[len(sizes)/2])
	best, at, reach := 0.0, -1, byX[0].x1
	for i := 1; i < len(byX); i++ {
		if g := byX[i].x0 - reach; g >= minGap && g > best && textColumn(byX[:i], width) && textColumn(byX[i:], width) {
			best, at = g, i
		}
		reach = math.Max(reach, byX[i].x1)
	}
	if at < 0 {
		return nil, nil, false
	}
	return byX[:at], byX[at:], true
}

// textColumn says whether lines look like a column of running text: at
// least two of them, mostly wider than a narrow table cell.
func textColumn(ls []*pdfLine, width float64) bool {
	if len(ls) < 2 {
		return false
	}
	wide := 0
	for _, l := range ls {
		if l.x1-l.x0 >= 0.15*width {
			wide++
		}
	}
	return wide*2 >= len(ls)
}

// sameBaseline joins lines that follow each other in reading order on one
// baseline, such as a list number and its item, or the cells of a table row.
func sameBaseline(lines []*pdfLine) []*pdfLine {
	var out []*pdfLine
	for _, l := range lines {
		if n := len(out); n > 0 {
			a := out[n-1]
			if l.x0 >= a.x1 && math.Abs(l.base-a.base) < 0.3*math.Min(a.size, l.size) {
				a.joinSpaced(l)
				a.x1, a.top, a.bottom = l.x1, math.Min(a.top, l.top), math.Max(a.bottom, l.bottom)
				a.size = math.Max(a.size, l.size)
				continue
			}
		}
		out = append(out, l)
	}
	return out
}
