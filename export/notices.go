package export

import (
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

// NoticesOf lays b out with ctx and lists its notices; dismissed are the
// keys of the language findings the analyst dismissed.
func NoticesOf(b *domain.Bundle, ctx Context, dismissed map[string]bool) Notices {
	var n Notices
	var rest [3][]string
	for _, w := range NewDocumentWith(b, ctx).Warnings() {
		if w.Refuse {
			n.Refusals = append(n.Refusals, w.Message)
			continue
		}
		r, ok := noticeRank[w.Code]
		if !ok {
			r = 2
		}
		rest[r] = append(rest[r], w.Message)
	}
	for _, ms := range rest {
		n.Notices = append(n.Notices, ms...)
	}
	for _, f := range integrity.CheckLanguage(b.Briefing, dismissed) {
		n.Notices = append(n.Notices, integrity.FindingLine(b.Briefing, f))
	}
	return n
}
