package ingest

import (
	"github.com/attache/attache/domain"
)

const (
	topWindow  = 8 // non-empty lines searched for title, byline and dates
	dateWindow = 6 // a date-only line this near the top is metadata
)

// topMeta is what the first lines of a pasted article say about it. The
// *Line fields keep the original wording for the report.
type topMeta struct {
	section, title, subtitle string
	byline                   byline
	bylineLine               string
	pub, upd                 dateLine
	pubLine, updLine         string
	removed                  int // lines taken out of the body
}

// topOptions: with knownTitle set (from front matter or HTML metadata) a
// leading line repeating it is removed instead of guessing a title.
type topOptions struct {
	knownTitle string
	guessTitle bool
}

// detectTop finds the kicker, title, subtitle, byline and date lines at the
// top of a document and returns the lines that remain for the body. When
// nothing would remain, every line stays: a one-line note is still text.
func detectTop(lines []string, o topOptions) (topMeta, []string) {
	var m topMeta
	var ne []int // indices of the first non-empty lines
	for i, l := range lines {
		if !isBlank(l) {
			ne = append(ne, i)
			if len(ne) == topWindow {
				break
			}
		}
	}
	if len(ne) == 0 {
		return m, lines
	}
	drop := map[int]bool{}
	line := func(k int) string { return lines[ne[k]] }
	isMeta := func(k int) bool {
		if k >= len(ne) {
			return false
		}
		_, isBy := parseByline(line(k))
		_, _, isDate := parseDateLine(line(k))
		return isBy || isDate
	}
	// A title must stand on its own line: otherwise it is the first line of
	// a hard-wrapped paragraph. The one exception is a subtitle line that is
	// itself followed by a byline or date.
	alone := func(k int) bool {
		next := ne[k] + 1
		if next >= len(lines) || isBlank(lines[next]) || isMeta(k+1) {
			return true
		}
		return k+2 < len(ne) && isMeta(k+2) && subtitleLike(line(k+1))
	}
	k := 0
	titleAt := -1
	switch {
	case o.knownTitle != "":
		if sameText(line(0), o.knownTitle) {
			k = 1
		} else if kk, rest, ok := splitGluedKicker(line(0)); ok && sameText(rest, o.knownTitle) {
			m.section, k = kk, 1
		} else if len(ne) > 1 && isKickerLine(line(0)) && sameText(line(1), o.knownTitle) {
			m.section, k = oneLine(line(0)), 2
		}
	case o.guessTitle:
		if kk, rest, ok := splitGluedKicker(line(0)); ok && titleLike(rest) && alone(0) {
			m.section, m.title, k, titleAt = kk, oneLine(rest), 1, 0
		} else if len(ne) > 1 && isKickerLine(line(0)) && hasLower(line(1)) && titleLike(line(1)) &&
			!isMeta(0) && !isMeta(1) && alone(1) {
			m.section, m.title, k, titleAt = oneLine(line(0)), oneLine(line(1)), 2, 1
		} else if titleLike(line(0)) && !isMeta(0) && alone(0) {
			m.title, k, titleAt = oneLine(line(0)), 1, 0
		}
	}
	for i := 0; i < k; i++ {
		drop[ne[i]] = true
	}
	// Conservative subtitle: one line right under the title that is itself
	// followed by a byline or a date.
	if titleAt >= 0 && k+1 < len(ne) && !isMeta(k) && subtitleLike(line(k)) && isMeta(k+1) {
		m.subtitle = oneLine(line(k))
		drop[ne[k]] = true
		k++
	}
	for ; k < len(ne); k++ {
		l := line(k)
		if b, ok := parseByline(l); ok && m.bylineLine == "" {
			m.byline, m.bylineLine = b, oneLine(l)
			m.takeDates(b.pub, b.upd, oneLine(l))
		} else if p, u, ok := parseDateLine(l); !ok || !m.takeDates(p, u, oneLine(l)) {
			break
		}
		drop[ne[k]] = true
	}
	for ; k < len(ne) && k < dateWindow; k++ {
		if p, u, ok := parseDateLine(line(k)); ok && m.takeDates(p, u, oneLine(line(k))) {
			drop[ne[k]] = true
		}
	}
	var rest []string
	body := false
	for i, l := range lines {
		if drop[i] {
			continue
		}
		rest = append(rest, l)
		body = body || !isBlank(l)
	}
	if !body {
		return m, lines
	}
	m.removed = len(drop)
	return m, rest
}

// takeDates records dates not yet known and reports whether it used any.
func (m *topMeta) takeDates(p, u dateLine, from string) bool {
	used := false
	if !p.date.IsZero() && m.pub.date.IsZero() {
		m.pub, m.pubLine, used = p, from, true
	}
	if !u.date.IsZero() && m.upd.date.IsZero() {
		m.upd, m.updLine, used = u, from, true
	}
	return used
}

// published is the publication date, or the update date when that is all
// the page gives.
func (m *topMeta) published() (domain.Date, string) {
	if !m.pub.date.IsZero() {
		return m.pub.date, m.pubLine
	}
	return m.upd.date, m.updLine
}
