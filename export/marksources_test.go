package export

import (
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// The trial's finding: a source marked higher after its excerpt was cut
// left the excerpt below it with no reason, and the briefing went out at
// the excerpt's level. The export refuses, naming the excerpt; and with a
// reason recorded, the source itself (whose citation prints) must still
// be within the banner.
func TestExcerptsAndSourcesAboveTheBriefingAreRefused(t *testing.T) {
	b := schemeBundle(domain.SchemeUK, "uk:O", "uk:O", "uk:O")
	b.Sources[0].Marking = "uk:S//UK EYES ONLY" // raised after the excerpts were cut
	r := refusalOf(t, b)
	text := r.Error()
	if !strings.Contains(text, "Excerpt with note 1 “Cranes are the weak point of…” is OFFICIAL, below its source's SECRET - UK EYES ONLY, and no reason for the lower mark is recorded") {
		t.Errorf("no below-source refusal:\n%s", text)
	}
	if !strings.Contains(text, "Source 1 “Harbour Security Review” is marked SECRET - UK EYES ONLY, above the briefing's OFFICIAL") {
		t.Errorf("no source-above refusal:\n%s", text)
	}
	b.Briefing.Blocks[3].Excerpt.MarkingReason = "a public statement quoted in the review"
	text = refusalOf(t, b).Error()
	if strings.Contains(text, "below its source") || !strings.Contains(text, "Source 1 “Harbour Security Review” is marked SECRET") {
		t.Errorf("with a reason recorded:\n%s", text)
	}
	b.Briefing.Classification = "uk:S//UK EYES ONLY"
	if d := NewDocument(b); len(d.Refusals()) != 0 {
		t.Errorf("a SECRET - UK EYES ONLY briefing: %+v", d.Refusals())
	}
}

// US classified documents mark every portion: with none marked, the
// export is refused portion by portion, not printed bare.
func TestUSClassifiedBriefingWithoutPortionMarksIsRefused(t *testing.T) {
	b := schemeBundle(domain.SchemeUS, "S", "", "")
	r := refusalOf(t, b)
	if len(r.Problems) < 10 || !strings.Contains(r.Error(), "The title has no portion mark, and every portion of a SECRET document carries one") {
		t.Errorf("%d problems:\n%s", len(r.Problems), r.Error())
	}
	b = schemeBundle(domain.SchemeUK, "uk:S", "", "")
	if d := NewDocument(b); len(d.Refusals()) != 0 {
		t.Errorf("the UK guide asks for no portion marks, yet: %+v", d.Refusals())
	}
}

// A release copy must never carry more than its readers may see: portions
// each within the level can add up to more (a portion with no release
// list beside ones with one makes the whole NOFORN).
func TestReleaseRefusesACopyThatAddsUpAboveItsLevel(t *testing.T) {
	b := schemeBundle(domain.SchemeUS, "S//NOFORN", "S//REL TO USA, GBR", "CUI")
	b.Briefing.Blocks[0].Marking = "S//NOFORN"
	_, _, err := Release(b, "S")
	if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(err.Error(), "the portions left in the copy add up to SECRET//NOFORN") {
		t.Fatalf("release at SECRET: %v", err)
	}
	copy, dropped, err := Release(b, "S//REL TO USA, GBR")
	if err == nil {
		t.Fatalf("release to GBR left %d blocks, dropped %+v, marked %s: CUI portions have no release list", len(copy.Briefing.Blocks), dropped, copy.Briefing.Classification)
	}
}

func TestDeclassifyOnMustBeADateStillToCome(t *testing.T) {
	for on, want := range map[string]string{
		"20501231":            "",
		"25X1, 20751231":      "",
		"20240230":            "is not a date",
		"20200101":            "has already passed on the briefing's date",
		"Completion of event": "",
	} {
		b := schemeBundle(domain.SchemeUS, "S", "S", "U")
		b.Briefing.Authority.DeclassifyOn = on
		var got string
		for _, w := range NewDocument(b).Refusals() {
			got += w.Message
		}
		if (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("Declassify On %q: %q, want %q", on, got, want)
		}
	}
}
