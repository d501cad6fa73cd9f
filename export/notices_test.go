package export

import (
	"strings"
	"testing"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/integrity"
)

// Found by a trial: "Before you export" and the command line's list left
// out the language findings, and listed a judgment that lost its support
// after lesser warnings. The lost support comes first, then the troubled
// sources, then the rest, then the words, each naming its place; a
// dismissed finding is left out.
func TestNoticesPutTheWorstFirstAndTheWordsLast(t *testing.T) {
	b := basisBundle()
	b.Concerns = map[int64]*domain.SourceConcern{2: {SourceID: 2, Title: "Port Calls in the South China Sea",
		Concerns: []domain.Concern{domain.ConcernDiscredited}, Note: "fabricated"}}
	b.Briefing.Scale = domain.ScaleICD203
	b.Briefing.Blocks = append(b.Briefing.Blocks, &domain.Block{ID: 120, Type: domain.BlockCommentary, Text: "Talks may well fail."})
	n := NoticesOf(b, Context{}, nil)
	if len(n.Refusals) != 0 {
		t.Fatalf("refusals %q", n.Refusals)
	}
	if len(n.Notices) < 4 || !strings.Contains(n.Notices[0], "Key judgment 2") || !strings.Contains(n.Notices[0], "support") {
		t.Fatalf("the lost support is not first: %q", n.Notices)
	}
	last := n.Notices[len(n.Notices)-1]
	if !strings.HasPrefix(last, "Commentary “Talks may well fail.”") || !strings.Contains(last, "may well") {
		t.Errorf("the words are not listed last with their place: %q", last)
	}
	var key string
	for _, f := range integrity.CheckLanguage(b.Briefing, nil) {
		if f.Words == "may well" {
			key = f.Key
		}
	}
	for _, s := range NoticesOf(b, Context{}, map[string]bool{key: true}).Notices {
		if strings.Contains(s, "may well") {
			t.Errorf("a dismissed finding is listed: %q", s)
		}
	}
}

// The check's list and the checks panel order the warnings as the
// notices do: refusals, lost support, troubled sources, the rest.
func TestWorstFirstKeepsReadingOrderWithinAKind(t *testing.T) {
	ws := []Warning{{Code: WarnEmptySection, Where: "a"}, {Code: WarnSourceConcern, Where: "b"},
		{Code: WarnBasisLosesSupport, Where: "c"}, {Code: WarnUnmarkedPortion, Where: "d", Refuse: true},
		{Code: WarnSourceConcern, Where: "e"}, {Code: WarnBasisStale, Where: "f"}}
	var got []string
	for _, w := range WorstFirst(ws) {
		got = append(got, w.Where)
	}
	if strings.Join(got, "") != "dcbeaf" {
		t.Errorf("order %v", got)
	}
	if ws[0].Where != "a" {
		t.Error("the warnings given were reordered in place")
	}
}
