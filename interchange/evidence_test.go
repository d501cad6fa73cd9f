package interchange

import (
	"bytes"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// evidenceBundle is the test bundle on the PHIA scale with its judgment
// resting on an excerpt the body quotes and one it does not.
func evidenceBundle(t *testing.T) *domain.Bundle {
	b := testBundle(t)
	b.Briefing.Scale = domain.ScalePHIA
	quoted := b.Briefing.Blocks[1].Excerpt
	unquoted := &domain.Excerpt{ID: 950, SourceID: b.Sources[1].ID, Quote: "Η κυβέρνηση", Start: 0, End: 11,
		Note: "Government line", Tags: []string{"greece"}, Credibility: 3, Marking: domain.MarkingCUI}
	j := b.Briefing.Blocks[6]
	j.Evidence = []domain.Evidence{
		{ExcerptID: quoted.ID, Stance: domain.StanceSupports, Excerpt: quoted},
		{ExcerptID: unquoted.ID, Stance: domain.StanceContradicts, Note: "Says measures, not growth", Excerpt: unquoted},
	}
	return b
}

func TestJSONEvidenceAndScaleRoundTrip(t *testing.T) {
	b := evidenceBundle(t)
	out := writeJSON(t, b)
	for _, w := range []string{`"version": 4`, `"scale": "phia"`, `"evidence": [`, `"stance": "contradicts"`,
		`"note": "Says measures, not growth"`, `"excerpt": {`, `"quote": "Η κυβέρνηση"`} {
		if !bytes.Contains(out, []byte(w)) {
			t.Fatalf("the file lacks %s:\n%s", w, out)
		}
	}
	got, err := ReadJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("ReadJSON: %v\n%s", err, out)
	}
	if got.Briefing.Scale != domain.ScalePHIA {
		t.Fatalf("scale %q", got.Briefing.Scale)
	}
	evs := got.Briefing.Blocks[6].Evidence
	if len(evs) != 2 {
		t.Fatalf("evidence %+v", evs)
	}
	first, second := evs[0], evs[1]
	if first.Stance != domain.StanceSupports || first.Note != "" || first.Excerpt.SourceID != 1 ||
		first.Excerpt.Quote != b.Briefing.Blocks[1].Excerpt.Quote || first.Excerpt.Start != b.Briefing.Blocks[1].Excerpt.Start ||
		first.Excerpt.Note != "Second mention." || first.Excerpt.Credibility != 2 {
		t.Errorf("first link %+v / %+v", first, first.Excerpt)
	}
	if second.Stance != domain.StanceContradicts || second.Note != "Says measures, not growth" || second.Excerpt.SourceID != 2 ||
		second.Excerpt.Marking != domain.MarkingCUI || second.Excerpt.Credibility != 3 || second.Excerpt.Note != "Government line" {
		t.Errorf("second link %+v / %+v", second, second.Excerpt)
	}
	// Local numbers, one per link, as the bundle's sources have.
	if first.ExcerptID != 1 || second.ExcerptID != 2 || first.ExcerptID != first.Excerpt.ID {
		t.Errorf("local ids %d %d", first.ExcerptID, second.ExcerptID)
	}
	if again := writeJSON(t, got); !bytes.Equal(again, out) {
		t.Errorf("a second write differs:\n%s\nwant\n%s", again, out)
	}
}

// Files of versions 1 to 3 had no evidence and no scale: fields of those
// names there are ignored, as an older Attaché ignored them.
func TestJSONBeforeVersion4IgnoresEvidenceAndScale(t *testing.T) {
	out := writeJSON(t, evidenceBundle(t))
	old := bytes.Replace(out, []byte(`"version": 4`), []byte(`"version": 3`), 1)
	got, err := ReadJSON(bytes.NewReader(old))
	if err != nil {
		t.Fatal(err)
	}
	if got.Briefing.Scale != domain.ScaleNone || got.Briefing.Blocks[6].Evidence != nil {
		t.Fatalf("version 3 read scale %q, evidence %v", got.Briefing.Scale, got.Briefing.Blocks[6].Evidence)
	}
}

func TestJSONEvidenceErrors(t *testing.T) {
	out := string(writeJSON(t, evidenceBundle(t)))
	// Each case changes the first old after the anchor: in the judgment's
	// second link, or its first.
	cases := []struct {
		name, anchor, old, new string
		want                   []string
	}{
		{"stance", "", `"stance": "contradicts"`, `"stance": "maybe"`, []string{`block 7 (judgment, line`, `evidence 2: "stance": "maybe" is not how evidence bears`}},
		{"no excerpt", `"stance": "supports"`, `"excerpt": {`, `"excerpts": {`, []string{`evidence 1: "excerpt" is missing`}},
		{"quote", "", `"quote": "Η κυβέρνηση"`, `"quote": "Η αντιπολίτευση"`, []string{`evidence 2`, `select "Η κυβέρνηση"`}},
		{"source", `"stance": "contradicts"`, `"source": "S2"`, `"source": "S9"`, []string{`evidence 2`, `"source" is "S9"`}},
		{"marking", `"stance": "contradicts"`, `"marking": "CUI"`, `"marking": "SECRETISH"`, []string{`evidence 2`, `"marking": "SECRETISH" is not a US marking`}},
		{"nul", "", `"note": "Says measures, not growth"`, `"note": "Says\u0000"`, []string{`evidence 2`, `NUL`}},
		{"note", "", `"note": "Says measures, not growth"`, `"note": "` + strings.Repeat("n", 2_001) + `"`, []string{`block 7 (judgment, line`, `the note on the evidence is 2,001 characters`}},
		{"scale", "", `"scale": "phia"`, `"scale": "kent"`, []string{`briefing (line`, `"scale"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			at := strings.Index(out, c.anchor)
			i := strings.Index(out[at:], c.old)
			if at < 0 || i < 0 {
				t.Fatalf("bad case: %q not in the file after %q", c.old, c.anchor)
			}
			doc := out[:at+i] + c.new + out[at+i+len(c.old):]
			_, err := ReadJSON(strings.NewReader(doc))
			if err == nil {
				t.Fatal("no error")
			}
			assertMessage(t, err, c.want...)
		})
	}
}

// A judgment whose link has no excerpt loaded is refused on writing,
// never written without it.
func TestWriteJSONRefusesEvidenceWithoutItsExcerpt(t *testing.T) {
	b := evidenceBundle(t)
	b.Briefing.Blocks[6].Evidence[1].Excerpt = nil
	var buf bytes.Buffer
	err := WriteJSON(&buf, b)
	if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), "block 7") {
		t.Fatalf("err %v", err)
	}
}
