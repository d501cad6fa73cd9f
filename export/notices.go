package export

import (
	"slices"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/integrity"
)

// Notices are what stands between a briefing and its reader, as the app
// lists them under "Before you export" and the command line after it
// writes: the model's refusals (wrong markings), then what does not
// refuse, worst first: a judgment that lost its support, blocks on
// troubled sources, the other warnings, then the estimative-language
// findings not dismissed, each naming its place.
type Notices struct {
	Refusals []string
	Notices  []string
}

// noticeRank orders the warnings that do not refuse: lower comes first.
var noticeRank = map[WarningCode]int{WarnBasisLosesSupport: 0, WarnSourceConcern: 1}

// WorstFirst orders warnings as the notices list them: refusals, a
// judgment that lost its support, troubled sources, then the rest, each
// kind in reading order.
func WorstFirst(ws []Warning) []Warning {
	rank := func(w Warning) int {
		if w.Refuse {
			return -1
		}
		if r, ok := noticeRank[w.Code]; ok {
			return r
		}
		return 2
	}
	out := slices.Clone(ws)
	slices.SortStableFunc(out, func(a, b Warning) int { return rank(a) - rank(b) })
	return out
}

// NoticesOf lays b out with ctx and lists its notices; dismissed are the
// keys of the language findings the analyst dismissed.
func NoticesOf(b *domain.Bundle, ctx Context, dismissed map[string]bool) Notices {
	var n Notices
	for _, w := range WorstFirst(NewDocumentWith(b, ctx).Warnings()) {
		if w.Refuse {
			n.Refusals = append(n.Refusals, w.Message)
		} else {
			n.Notices = append(n.Notices, w.Message)
		}
	}
	for _, f := range integrity.CheckLanguage(b.Briefing, dismissed) {
		n.Notices = append(n.Notices, integrity.FindingLine(b.Briefing, f))
	}
	return n
}
