package integrity

import (
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

func TestRisks(t *testing.T) {
	f := standard()
	f.block(1, domain.BlockHeading, "Trade", 0)
	f.block(2, domain.BlockExcerpt, "", 11)
	f.judgment(3, "Exports are rising", domain.ConfidenceModerate, sup(11), sup(21))      // keeps support from source 2
	f.judgment(4, "Exports are rising fast", domain.ConfidenceModerate, sup(11), sup(12)) // all on source 1: lost
	f.judgment(5, "Exports are falling", domain.ConfidenceLow, con(11, ""))               // contradicting only
	f.judgment(6, "Ships call more often", domain.ConfidenceLow, sup(21))                 // changed, quote stands
	retracted := &domain.SourceConcern{SourceID: 1, Title: "Chip report", Concerns: []domain.Concern{domain.ConcernRetracted}, Note: "data error"}
	changed := &domain.SourceConcern{SourceID: 2, Title: "Port data", Concerns: []domain.Concern{domain.ConcernChanged},
		Check: &domain.SourceCheck{Status: domain.CheckChanged, Quotes: []domain.QuoteCheck{{ExcerptID: 21, State: domain.QuoteMoved}}}}
	rs := Risks(f.b, map[int64]*domain.SourceConcern{1: retracted, 2: changed})
	var got []string
	for _, r := range rs {
		got = append(got, string(r.Kind)+"@"+string(rune('0'+r.Block)))
	}
	want := "excerpt@2 support@3 support@3 support@4 loses-support@4 support@5 support@6"
	if strings.Join(got, " ") != want {
		t.Fatalf("risks = %v, want %s\n%v", got, want, rs)
	}
	if m := rs[0].Message; m != "The excerpt “Exports rose sharply” quotes “Chip report”, which was retracted (“data error”): replace the excerpt with one from a sound source." {
		t.Errorf("excerpt: %s", m)
	}
	if rs[0].SourceID != 1 || rs[0].ExcerptID != 11 || rs[0].Index != 1 {
		t.Errorf("excerpt risk %+v", rs[0])
	}
	if m := rs[2].Message; !strings.Contains(m, "Key judgment 1 “Exports are rising” rests on “Port data”, which has changed since it was imported: recheck it, and import the new version") {
		t.Errorf("changed: %s", m)
	}
	if m := rs[4].Message; !strings.HasPrefix(m, "Key judgment 2 “Exports are rising fast” has lost its support") || !strings.Contains(m, "“Chip report” retracted") {
		t.Errorf("lost: %s", m)
	}

	// The quote gone from a changed source loses the support it gave.
	changed.Check.Quotes[0].State = domain.QuoteGone
	rs = Risks(f.b, map[int64]*domain.SourceConcern{2: changed})
	last := rs[len(rs)-1]
	if last.Kind != RiskLoseSupport || last.Block != 6 || !strings.Contains(last.Message, "“Port data” changed, the quote gone") {
		t.Errorf("quote gone: %+v", rs)
	}
	if !strings.Contains(rs[0].Message, "no longer holds the quote: replace the excerpt, or import the new version") {
		t.Errorf("quote gone message: %s", rs[0].Message)
	}

	// Unavailable says what the recheck found.
	gone := &domain.SourceConcern{SourceID: 2, Concerns: []domain.Concern{domain.ConcernUnavailable},
		Check: &domain.SourceCheck{Status: domain.CheckUnavailable, Detail: "HTTP 404 Not Found"}}
	rs = Risks(f.b, map[int64]*domain.SourceConcern{2: gone})
	if len(rs) != 2 || !strings.Contains(rs[0].Message, "could not be read at its last recheck (HTTP 404 Not Found): recheck it later") {
		t.Errorf("unavailable: %v", rs)
	}
	if len(Risks(f.b, nil)) != 0 {
		t.Error("risks without concerns")
	}
}

// Evidence that only contradicts a judgment is a challenge to it, not
// what it rests on: its source retracted takes the challenge away, and
// never the judgment's support.
func TestRisksOfContradictingEvidence(t *testing.T) {
	f := standard()
	f.judgment(4, "Exports are falling", domain.ConfidenceLow, con(11, "old data"), sup(21)) // against on source 1
	f.judgment(5, "Exports are flat", domain.ConfidenceLow, con(11, ""), sup(12))            // both ways on source 1
	f.judgment(6, "Exports will stall", domain.ConfidenceLow, con(12, ""))                   // only against
	retracted := &domain.SourceConcern{SourceID: 1, Title: "Netherlands widens export curbs", Concerns: []domain.Concern{domain.ConcernRetracted}}
	rs := Risks(f.b, map[int64]*domain.SourceConcern{1: retracted})
	var got []string
	for _, r := range rs {
		got = append(got, string(r.Kind)+"@"+string(rune('0'+r.Block)))
	}
	// judgment 5's support on source 1 is lost; no judgment loses
	// support for the retracted source that contradicted it
	if want := "support@4 support@5 loses-support@5 support@6"; strings.Join(got, " ") != want {
		t.Fatalf("risks = %v, want %s", got, want)
	}
	against := "has contradicting evidence from “Netherlands widens export curbs”, which was retracted: " +
		"the judgment no longer has that challenge to answer; check whether it still stands as worded and at its confidence."
	for _, r := range []Risk{rs[0], rs[3]} {
		if !strings.Contains(r.Message, against) || strings.Contains(r.Message, "rests on") || strings.Contains(r.Message, "replace the excerpt") {
			t.Errorf("contradicting: %s", r.Message)
		}
	}
	if m := rs[1].Message; !strings.Contains(m, "Key judgment 2 “Exports are flat” rests on “Netherlands widens export curbs”, which was retracted: replace the excerpt") {
		t.Errorf("supporting too: %s", m)
	}

	// The basis checks word it alike (a judgment with only contradicting
	// evidence is told it has no support instead).
	ps := DefaultBasisRules().Check(f.b, map[int64]*domain.SourceConcern{1: retracted})
	var msgs []string
	for _, p := range ps {
		if p.Code == BasisSourceConcern {
			msgs = append(msgs, p.Message)
		}
	}
	if len(msgs) != 2 || msgs[0] != "Key judgment 1 “Exports are falling” "+against || !strings.Contains(msgs[1], "rests on") {
		t.Errorf("basis checks: %q", msgs)
	}

	// A source that cannot be read leaves the challenge standing for now;
	// one that no longer holds the quote may have dropped it.
	gone := &domain.SourceConcern{SourceID: 1, Concerns: []domain.Concern{domain.ConcernUnavailable}}
	if m := Risks(f.b, map[int64]*domain.SourceConcern{1: gone})[0].Message; !strings.Contains(m, "has contradicting evidence from the source of excerpt 11, which could not be read at its last recheck: recheck it later; the challenge stands as imported until then.") {
		t.Errorf("unavailable: %s", m)
	}
	changed := &domain.SourceConcern{SourceID: 1, Concerns: []domain.Concern{domain.ConcernChanged},
		Check: &domain.SourceCheck{Status: domain.CheckChanged, Quotes: []domain.QuoteCheck{{ExcerptID: 11, State: domain.QuoteGone}}}}
	if m := Risks(f.b, map[int64]*domain.SourceConcern{1: changed})[0].Message; !strings.Contains(m, "no longer holds the quote: the challenge may be gone; import the new version") {
		t.Errorf("quote gone: %s", m)
	}
}
