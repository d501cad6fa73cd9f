package domain

import (
	"strings"
	"testing"
)

// TestScalesAsPublished holds the tables to the published documents:
// ICD 203 (2 January 2015) section D.6.e.(2)(a), and the PHIA
// Probability Yardstick as GOV.UK gives it (24 March 2025).
func TestScalesAsPublished(t *testing.T) {
	want := map[ScaleID]string{
		ScaleICD203: "almost no chance/remote 1–5% | very unlikely/highly improbable 5–20% | unlikely/improbable 20–45% | " +
			"roughly even chance/roughly even odds 45–55% | likely/probable 55–80% | very likely/highly probable 80–95% | " +
			"almost certain/nearly certain 95–99%",
		ScalePHIA: "remote chance 0–5% | highly unlikely 10–20% | unlikely 25–35% | realistic possibility 40–50% | " +
			"likely/probably 55–75% | highly likely 80–90% | almost certain 95–100%",
	}
	for id, w := range want {
		s := ScaleOf(id)
		var got []string
		for _, l := range s.Levels {
			got = append(got, strings.Join(l.Terms, "/")+" "+l.Band())
		}
		if g := strings.Join(got, " | "); g != w {
			t.Errorf("%s:\n got %s\nwant %s", id, g, w)
		}
		if s.Citation == "" || s.Note == "" || s.Short == "" {
			t.Errorf("%s lacks a citation, note or short name", id)
		}
	}
	if ScaleOf(ScaleNone) != nil {
		t.Error("ScaleNone has a scale")
	}
}
