package interchange

import (
	"bytes"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// A version 1 file has no scheme: marked, it reads as US markings, as
// Attaché wrote them then; unmarked, as none.
func TestReadJSONVersion1Schemes(t *testing.T) {
	b, err := ReadJSON(strings.NewReader(baseDoc))
	if err != nil {
		t.Fatal(err)
	}
	if b.Briefing.Scheme != domain.SchemeUS || b.Briefing.Blocks[1].Excerpt.Marking != domain.MarkingUnclassified {
		t.Errorf("marked v1 file: scheme %q, excerpt marking %q; want us and U", b.Briefing.Scheme, b.Briefing.Blocks[1].Excerpt.Marking)
	}
	unmarked := strings.Replace(baseDoc, `, "marking": "U"`, ``, 1)
	if b, err = ReadJSON(strings.NewReader(unmarked)); err != nil || b.Briefing.Scheme != domain.SchemeNone {
		t.Errorf("unmarked v1 file: scheme %v, %v; want none", b.Briefing.Scheme, err)
	}
	classified := strings.Replace(unmarked, `"status": "draft"`, `"status": "draft", "classification": "SECRET//NOFORN"`, 1)
	if b, err = ReadJSON(strings.NewReader(classified)); err != nil || b.Briefing.Scheme != domain.SchemeUS || b.Briefing.Classification != "S//NOFORN" {
		t.Errorf("v1 classification: %+v, %v; want US S//NOFORN", b.Briefing, err)
	}
	// Version 2 fields are not read from a version 1 file.
	extra := strings.Replace(baseDoc, `"status": "draft"`, `"status": "draft", "scheme": "uk", "include_notes": true, "title_marking": "S"`, 1)
	if b, err = ReadJSON(strings.NewReader(extra)); err != nil || b.Briefing.Scheme != domain.SchemeUS || b.Briefing.IncludeNotes || b.Briefing.TitleMarking != "" {
		t.Errorf("v2 fields in a v1 file: %+v, %v", b.Briefing, err)
	}
	official := strings.Replace(baseDoc, `"status": "draft"`, `"status": "draft", "classification": "OFFICIAL"`, 1)
	_, err = ReadJSON(strings.NewReader(official))
	assertMessage(t, err, `briefing (line 4): "classification": "OFFICIAL" is not a US marking (it is a UK or Australian one)`,
		`set "version": 2 and the briefing's "scheme"`)
}

// ukDoc is a version 2 file under the UK scheme, with every field that
// version 2 brought.
const ukDoc = `{
  "format": "attache-briefing",
  "version": 2,
  "briefing": {"title": "Grid resilience", "scheme": "uk", "classification": "OFFICIAL-SENSITIVE",
    "title_marking": "official", "summary_marking": "(OFFICIAL)", "include_notes": true,
    "authority": {"classified_by": "A. Officer", "derived_from": "Grid review", "declassify_on": "2030-01-01"}},
  "sources": [
    {"key": "S1", "title": "Review (invented)", "marking": "OFFICIAL-SENSITIVE", "text": "The grid held. Reserves were thin."},
    {"key": "S2", "title": "Cable (invented)", "marking": "SECRET//NOFORN", "marking_scheme": "us", "text": "Partners were told."}
  ],
  "blocks": [
    {"type": "commentary", "text": "Summary", "marking": "uk:O"},
    {"type": "excerpt", "source": "S1", "quote": "Reserves were thin.", "marking": "OFFICIAL", "marking_reason": "Public since the minister's statement"}
  ]
}
`

func TestReadJSONVersion2(t *testing.T) {
	b, err := ReadJSON(strings.NewReader(ukDoc))
	if err != nil {
		t.Fatal(err)
	}
	br := b.Briefing
	want := domain.Authority{ClassifiedBy: "A. Officer", DerivedFrom: "Grid review", DeclassifyOn: "2030-01-01"}
	if br.Scheme != domain.SchemeUK || br.Classification != "uk:OS" || br.TitleMarking != "uk:O" || br.SummaryMarking != "uk:O" ||
		br.SubtitleMarking != "" || !br.IncludeNotes || br.Authority != want {
		t.Errorf("briefing: %+v", br)
	}
	if b.Sources[0].Marking != "uk:OS" || b.Sources[1].Marking != "S//NOFORN" {
		t.Errorf("source markings %q, %q; want uk:OS and S//NOFORN", b.Sources[0].Marking, b.Sources[1].Marking)
	}
	ex := br.Blocks[1].Excerpt
	if br.Blocks[0].Marking != "uk:O" || ex.Marking != "uk:O" || ex.MarkingReason != "Public since the minister's statement" {
		t.Errorf("blocks: %+v, excerpt %+v", br.Blocks[0], ex)
	}
}

func TestReadJSONVersion2Refusals(t *testing.T) {
	for _, c := range []struct{ name, old, new, want string }{
		{"US mark in a UK file", `"marking": "uk:O"`, `"marking": "U"`,
			`block 1 (commentary, line 12): "marking": UNCLASSIFIED is a US marking, and this briefing uses UK markings (OFFICIAL, OFFICIAL-SENSITIVE, SECRET or TOP SECRET`},
		{"NATO excerpt in a UK file", `"marking": "OFFICIAL",`, `"marking": "nato:NS",`,
			`block 2 (excerpt, line 13): "marking": NATO SECRET is a NATO marking, and this briefing uses UK markings`},
		{"typed mark of another scheme", `"marking": "uk:O"`, `"marking": "TLP:RED"`, `"TLP:RED" is not a UK marking (it is a TLP one)`},
		{"unknown scheme", `"scheme": "uk"`, `"scheme": "fr"`, `briefing (line 4): "scheme": "fr" is not a marking scheme: use none, us, uk`},
		{"marks without a scheme", `"scheme": "uk", `, ``, `"classification": "OFFICIAL-SENSITIVE": this briefing uses no markings; choose a scheme in its details first (none, us, uk, au, nato, eu, tlp) (in the file, the briefing's "scheme")`},
		{"source under an unknown scheme", `"marking_scheme": "us"`, `"marking_scheme": "xx"`, `source 2 "S2" (line 9): "marking_scheme": "xx" is not a marking scheme`},
		{"source mark not of its scheme", `"marking": "OFFICIAL-SENSITIVE", "text"`, `"marking": "PROTECTED", "text"`, `source 1 "S1" (line 8): "marking": "PROTECTED" is not a UK marking (it is an Australian one)`},
		{"TLP block mark", `"scheme": "uk", "classification": "OFFICIAL-SENSITIVE",
    "title_marking": "official", "summary_marking": "(OFFICIAL)",`, `"scheme": "tlp", "classification": "TLP:AMBER",`, ``},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(ukDoc, c.old) {
				t.Fatalf("bad case: %q not in ukDoc", c.old)
			}
			doc := strings.Replace(ukDoc, c.old, c.new, 1)
			if c.name == "TLP block mark" {
				doc = strings.NewReplacer(`"marking": "uk:O"`, `"marking": "TLP:GREEN"`, `"marking": "OFFICIAL",`, `"marking": "TLP:GREEN",`,
					`"marking": "OFFICIAL-SENSITIVE", "text"`, `"marking": "TLP:AMBER", "text"`).Replace(doc)
				c.want = "the briefing: block 1: TLP labels the whole briefing, not its parts"
			}
			_, err := ReadJSON(strings.NewReader(doc))
			if err == nil {
				t.Fatal("accepted")
			}
			assertMessage(t, err, c.want)
		})
	}
}

// Everything version 2 carries comes back as it went out, and a second
// write gives the same bytes.
func TestJSONVersion2RoundTrip(t *testing.T) {
	b := testBundle(t)
	br := b.Briefing
	br.Scheme, br.Classification = domain.SchemeUK, "uk:S//UK EYES ONLY"
	br.TitleMarking, br.SubtitleMarking, br.SummaryMarking = "uk:O", "uk:OS", "uk:S"
	br.Authority = domain.Authority{ClassifiedBy: "Desk officer", DerivedFrom: "Multiple sources", DeclassifyOn: "25X1"}
	br.IncludeNotes = true
	for _, blk := range br.Blocks {
		switch {
		case blk.Excerpt != nil:
			blk.Excerpt.Marking = "uk:O"
		case blk.Marking != "":
			blk.Marking = "uk:OS"
		}
	}
	b.Sources[0].Marking = "uk:S//UK EYES ONLY"
	b.Sources[1].Marking = "S//REL TO USA, GBR"
	br.Blocks[1].Excerpt.MarkingReason = "Cleared for release by the owner"
	out := writeJSON(t, b)
	for _, w := range []string{`"version": 4`, `"scheme": "uk"`, `"classification": "SECRET - UK EYES ONLY"`, `"title_marking": "OFFICIAL"`,
		`"classified_by": "Desk officer"`, `"include_notes": true`, `"marking": "SECRET//REL TO USA, GBR",` + "\n" + `      "marking_scheme": "us"`,
		`"marking_reason": "Cleared for release by the owner"`, `"marking": "OFFICIAL-SENSITIVE"`} {
		if !bytes.Contains(out, []byte(w)) {
			t.Errorf("the file lacks %s:\n%s", w, out)
		}
	}
	got, err := ReadJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("ReadJSON: %v\n%s", err, out)
	}
	assertBundle(t, got, canonical(b))
	if again := writeJSON(t, got); !bytes.Equal(again, out) {
		t.Errorf("a second write differs:\n%s\nwant\n%s", again, out)
	}
}
