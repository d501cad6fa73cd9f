package integrity

import (
	"strings"
	"testing"
	"time"

	"github.com/attache/attache/domain"
)

// fixture builds bundles by hand: sources, excerpts on them, blocks.
type fixture struct {
	b        *domain.Bundle
	excerpts map[int64]*domain.Excerpt
}

func newFixture() *fixture {
	return &fixture{b: &domain.Bundle{Briefing: &domain.Briefing{Title: "T", Date: domain.Date{Year: 2026, Month: 6, Day: 1}}},
		excerpts: map[int64]*domain.Excerpt{}}
}

func (f *fixture) source(id int64, title, publisher string, rel domain.Reliability, published domain.Date) *domain.Source {
	s := &domain.Source{ID: id, Title: title, Publisher: publisher, Reliability: rel, Published: published}
	f.b.Sources = append(f.b.Sources, s)
	return s
}

func (f *fixture) excerpt(id, source int64, cred domain.Credibility, quote string) *domain.Excerpt {
	e := &domain.Excerpt{ID: id, SourceID: source, Credibility: cred, Quote: quote}
	f.excerpts[id] = e
	return e
}

func (f *fixture) judgment(id int64, text string, c domain.Confidence, ev ...domain.Evidence) *domain.Block {
	blk := &domain.Block{ID: id, Type: domain.BlockJudgment, Text: text, Confidence: c}
	for _, e := range ev {
		e.Excerpt = f.excerpts[e.ExcerptID]
		blk.Evidence = append(blk.Evidence, e)
	}
	f.b.Briefing.Blocks = append(f.b.Briefing.Blocks, blk)
	return blk
}

func (f *fixture) block(id int64, t domain.BlockType, text string, excerpt int64) {
	blk := &domain.Block{ID: id, Type: t, Text: text, ExcerptID: excerpt, Excerpt: f.excerpts[excerpt]}
	f.b.Briefing.Blocks = append(f.b.Briefing.Blocks, blk)
}

func sup(id int64) domain.Evidence {
	return domain.Evidence{ExcerptID: id, Stance: domain.StanceSupports}
}
func con(id int64, note string) domain.Evidence {
	return domain.Evidence{ExcerptID: id, Stance: domain.StanceContradicts, Note: note}
}

var recent = domain.Date{Year: 2026, Month: 3, Day: 1}

// standard is three sources from two publishers, well and badly graded.
func standard() *fixture {
	f := newFixture()
	f.source(1, "Chip report", "Reuters", "B", recent)
	f.source(2, "Port data", "Lloyd's List", "A", recent)
	f.source(3, "Blog post", "Reuters", "D", recent)
	f.excerpt(11, 1, 2, "Exports rose sharply")
	f.excerpt(12, 1, 3, "Exports rose again in May")
	f.excerpt(21, 2, 1, "Ship calls doubled")
	f.excerpt(31, 3, 4, "Exports fell, some say")
	return f
}

func problemCodes(ps []BasisProblem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, string(p.Code))
	}
	return out
}

func check(t *testing.T, f *fixture) []BasisProblem {
	t.Helper()
	ps := DefaultBasisRules().Check(f.b, nil)
	for _, p := range ps {
		if !strings.HasPrefix(p.Message, "Key judgment ") {
			t.Errorf("message does not name the judgment: %s", p.Message)
		}
	}
	return ps
}

func wantCodes(t *testing.T, ps []BasisProblem, want ...string) {
	t.Helper()
	if got := strings.Join(problemCodes(ps), ","); got != strings.Join(want, ",") {
		t.Errorf("codes = %q, want %q\n%v", got, strings.Join(want, ","), ps)
	}
}

func TestCheckNoEvidence(t *testing.T) {
	f := standard()
	f.block(1, domain.BlockHeading, "Trade", 0)
	f.judgment(7, "China is likely to expand exports of chips to the region", domain.ConfidenceModerate)
	f.judgment(8, "Exports are rising", domain.ConfidenceModerate, con(31, ""))
	ps := check(t, f)
	wantCodes(t, ps, "no-evidence", "no-evidence")
	want := "Key judgment 1 “China is likely to expand…” has no evidence linked: link the excerpts it rests on. " +
		"In the composer, drag an excerpt onto it, or click into it and use Edit → Link evidence to the key judgment… (" + LinkEvidenceKeys + "); " +
		"from the command line, attache briefing link 7 --supports EXCERPT."
	if ps[0].Message != want || ps[0].Block != 7 || ps[0].Index != 1 {
		t.Errorf("got %+v\nwant message %s", ps[0], want)
	}
	if !strings.Contains(ps[1].Message, "only contradicting evidence") {
		t.Errorf("got %s", ps[1].Message)
	}
}

func TestCheckSingleSourceAndGrades(t *testing.T) {
	f := standard()
	f.judgment(1, "Exports are rising", domain.ConfidenceHigh, sup(11), sup(12))            // one source, B2 well graded
	f.judgment(2, "Exports are rising fast", domain.ConfidenceHigh, sup(12), sup(31))       // B3, D4: below B/2
	f.judgment(3, "Exports are rising quickly", domain.ConfidenceHigh, sup(11), sup(21))    // sound
	f.judgment(4, "Exports are rising slowly", domain.ConfidenceModerate, sup(12), sup(31)) // moderate: grades not held
	ps := check(t, f)
	wantCodes(t, ps, "single-source", "low-grades", "one-publisher", "one-publisher")
	if !strings.Contains(ps[0].Message, "one source, “Chip report”") {
		t.Errorf("got %s", ps[0].Message)
	}
	if !strings.Contains(ps[1].Message, "Key judgment 2") || !strings.Contains(ps[1].Message, "below B/2 (B3, D4)") {
		t.Errorf("got %s", ps[1].Message)
	}
	// The thresholds come from the rules.
	r := DefaultBasisRules()
	r.MinReliability, r.MinCredibility = "D", 4
	if got := problemCodes(r.Check(f.b, nil)); strings.Contains(strings.Join(got, ","), "low-grades") {
		t.Errorf("D/4 still flags D4: %v", got)
	}
}

func TestCheckUngradedIsBelow(t *testing.T) {
	f := newFixture()
	f.source(1, "A", "P1", "", recent)
	f.source(2, "B", "P2", "A", recent)
	f.excerpt(1, 1, 1, "q")
	f.excerpt(2, 2, 0, "q")
	f.judgment(1, "X holds", domain.ConfidenceHigh, sup(1), sup(2))
	wantCodes(t, check(t, f), "low-grades")
}

func TestCheckOnePublisher(t *testing.T) {
	f := standard()
	f.judgment(1, "Exports are rising", domain.ConfidenceModerate, sup(11), con(31, "an opinion piece"))
	f.judgment(2, "Exports are rising", domain.ConfidenceModerate, sup(11), sup(21))
	f.source(4, "No publisher", "", "B", recent)
	f.excerpt(41, 4, 2, "q")
	f.judgment(3, "Exports are rising", domain.ConfidenceModerate, sup(11), sup(41))
	ps := check(t, f)
	wantCodes(t, ps, "one-publisher")
	if !strings.Contains(ps[0].Message, "all 2 excerpts linked to it come from Reuters") {
		t.Errorf("got %s", ps[0].Message)
	}
}

func TestCheckUnaddressed(t *testing.T) {
	f := standard()
	f.judgment(1, "Exports are rising", domain.ConfidenceModerate, sup(21), con(31, ""))
	f.judgment(2, "Exports are rising", domain.ConfidenceModerate, sup(21), con(31, "one blogger"))
	f.judgment(3, "Exports are rising", domain.ConfidenceModerate, sup(21), con(31, ""))
	f.block(10, domain.BlockCommentary, "The blog is an outlier.", 0)
	f.judgment(4, "Exports are rising", domain.ConfidenceModerate, sup(21), con(12, ""))
	f.block(11, domain.BlockExcerpt, "", 12)
	f.block(12, domain.BlockCommentary, "May was a blip.", 0)
	f.judgment(5, "Exports are rising", domain.ConfidenceModerate, sup(21), con(11, ""))
	f.block(13, domain.BlockExcerpt, "", 11)
	ps := check(t, f)
	wantCodes(t, ps, "unaddressed", "unaddressed")
	if ps[0].Block != 1 || !strings.Contains(ps[0].Message, "(“Exports fell, some say”)") || ps[1].Block != 5 {
		t.Errorf("got %v", ps)
	}
}

func TestCheckStale(t *testing.T) {
	f := standard()
	f.source(5, "Old survey", "Survey Co", "A", domain.Date{Year: 2023, Month: 1, Day: 10})
	f.source(6, "Old undated", "Other", "A", domain.Date{})
	f.b.Sources[len(f.b.Sources)-1].Accessed = domain.Date{Year: 2024, Month: 10, Day: 15}
	f.excerpt(51, 5, 1, "q")
	f.excerpt(61, 6, 1, "q")
	f.judgment(1, "Exports are rising", domain.ConfidenceModerate, sup(21), sup(51), sup(61))
	f.judgment(2, "Exports will rise", domain.ConfidenceModerate, sup(21), sup(51))
	f.judgment(3, "Exports rose in 2023", domain.ConfidenceModerate, sup(21), sup(51))
	f.judgment(4, "Exports are rising", domain.ConfidenceModerate, sup(21), con(51, "old"))
	ps := check(t, f)
	wantCodes(t, ps, "stale-evidence")
	if !strings.Contains(ps[0].Message, "more than 18 months old (“Old survey”, published 10 January 2023; “Old undated”, accessed 15 October 2024)") {
		t.Errorf("got %s", ps[0].Message)
	}
	// The date is the briefing's; Now overrides it; 0 months is off.
	f.b.Briefing.Date = domain.Date{Year: 2024, Month: 1, Day: 1}
	wantCodes(t, check(t, f))
	r := DefaultBasisRules()
	r.Now = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	if got := r.Check(f.b, nil); len(got) != 2 || got[0].Block != 1 || got[1].Block != 4 {
		t.Errorf("Now 2030: %v", got)
	}
	r.MaxAgeMonths = 0
	if got := problemCodes(r.Check(f.b, nil)); len(got) != 0 {
		t.Errorf("off: %v", got)
	}
}

func TestAboutThePresent(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	for text, want := range map[string]bool{
		"China is likely expanding exports":                      true,
		"Moscow almost certainly controls the group":             true,
		"The regime has held power since 2019":                   true,
		"Exports in 2026 are at a record":                        true,
		"China will expand exports":                              false,
		"China won’t back down":                                  false,
		"Beijing’ll respond":                                     false,
		"Output is likely to double by 2030":                     false,
		"Prices are likely to rise over the next six months":     false,
		"Unrest is likely in the coming weeks":                   false,
		"The fleet is going to grow":                             false,
		"The 2024 election was free":                             false,
		"In 2022 the ministry reversed course":                   false,
		"The attack had state backing":                           false,
		"Next year's budget is likely to fall":                   false,
		"Shipments are likely to resume within the next quarter": false,
	} {
		if got := AboutThePresent(text, now); got != want {
			t.Errorf("AboutThePresent(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestCheckSourceConcern(t *testing.T) {
	f := standard()
	f.judgment(1, "Exports are rising", domain.ConfidenceModerate, sup(11), sup(12), sup(21))
	concerns := map[int64]*domain.SourceConcern{
		1: {SourceID: 1, Title: "Chip report", Concerns: []domain.Concern{domain.ConcernRetracted}, Standing: domain.StandingRetracted, Note: "data error"},
	}
	ps := DefaultBasisRules().Check(f.b, concerns)
	wantCodes(t, ps, "source-concern")
	if !strings.Contains(ps[0].Message, "rests on “Chip report”, which was retracted (“data error”): replace the excerpt") {
		t.Errorf("got %s", ps[0].Message)
	}
	// The bundle's own concerns serve when none are given.
	f.b.Concerns = concerns
	wantCodes(t, DefaultBasisRules().Check(f.b, nil), "source-concern")
}

func TestBasisLine(t *testing.T) {
	f := standard()
	f.excerpt(99, 77, 0, "unknown source")
	j := f.judgment(1, "X", domain.ConfidenceModerate, sup(11), sup(21), con(31, ""), sup(12), sup(99))
	s := BasisOf(j, f.b)
	if s.Sources != 3 || s.Supporting != 4 || s.Contradicting != 1 || len(s.Excerpts) != 5 || s.Excerpts[4] != 31 {
		t.Errorf("basis %+v", s)
	}
	if got := s.Line(); got != "Basis: 3 sources, 4 excerpts (B2, A1, B3, ??); 1 contradicting" {
		t.Errorf("Line = %q", got)
	}
	for want, blk := range map[string]*domain.Block{
		"Basis: no evidence linked":                      f.judgment(2, "Y", ""),
		"Basis: 1 source (A1)":                           f.judgment(3, "Y", "", sup(21)),
		"Basis: no supporting evidence; 2 contradicting": f.judgment(4, "Y", "", con(21, ""), con(11, "")),
		"Basis: 2 sources (A1, B2)":                      f.judgment(5, "Y", "", sup(21), sup(11)),
		"Basis: an excerpt since deleted":                {Type: domain.BlockJudgment, Evidence: []domain.Evidence{sup(5)}},
		"Basis: 1 source (A1), 2 excerpts since deleted": {Type: domain.BlockJudgment, Evidence: []domain.Evidence{sup(5), {ExcerptID: 21, Excerpt: f.excerpts[21]}, sup(6)}},
	} {
		if got := BasisOf(blk, f.b).Line(); got != want {
			t.Errorf("Line = %q, want %q", got, want)
		}
	}
}

// A judgment resting on a retracted or changed source says so on its
// basis line, worst first, counting the supporting excerpts.
func TestBasisLineNamesConcerns(t *testing.T) {
	f := standard()
	j := f.judgment(1, "X", domain.ConfidenceModerate, sup(11), sup(12), sup(21), con(31, ""))
	f.b.Concerns = map[int64]*domain.SourceConcern{
		1: {SourceID: 1, Concerns: []domain.Concern{domain.ConcernChanged, domain.ConcernRetracted}, Standing: domain.StandingRetracted},
		2: {SourceID: 2, Concerns: []domain.Concern{domain.ConcernChanged}},
		3: {SourceID: 3, Concerns: []domain.Concern{domain.ConcernDiscredited}},
	}
	want := "Basis: 2 sources, 3 excerpts (B2, B3, A1); 1 contradicting; 2 on retracted sources, 1 on a source changed since import"
	if got := BasisOf(j, f.b).Line(); got != want {
		t.Errorf("Line = %q, want %q", got, want)
	}
	// A judgment with only deleted excerpts is said to rest on nothing.
	f = standard()
	f.judgment(2, "Y", domain.ConfidenceHigh, sup(404))
	ps := DefaultBasisRules().Check(f.b, nil)
	if len(ps) != 1 || ps[0].Code != BasisNoEvidence || !strings.Contains(ps[0].Message, "rests only on 1 excerpt since deleted") {
		t.Errorf("got %+v", ps)
	}
}

func TestHowToLinkNamesTheBlocks(t *testing.T) {
	app := "Edit → Link evidence to the key judgment… (" + LinkEvidenceKeys + "); from the command line, "
	for _, c := range []struct {
		ids  []int64
		want string
	}{
		{[]int64{12}, "In the composer, drag an excerpt onto it, or click into it and use " + app + "attache briefing link 12 --supports EXCERPT"},
		{[]int64{4, 7}, "In the composer, drag an excerpt onto a judgment, or click into one and use " + app +
			"attache briefing link 4 --supports EXCERPT, and the same for block 7"},
		{[]int64{4, 7, 9}, "In the composer, drag an excerpt onto a judgment, or click into one and use " + app +
			"attache briefing link 4 --supports EXCERPT, and the same for blocks 7 and 9"},
		// Not in a library yet: no block has an id to name.
		{[]int64{0}, "In the composer, drag an excerpt onto it, or click into it and use " + app + "attache briefing link BLOCK --supports EXCERPT"},
		{[]int64{4, 0}, "In the composer, drag an excerpt onto a judgment, or click into one and use " + app + "attache briefing link BLOCK --supports EXCERPT"},
	} {
		if got := HowToLink(c.ids...); got != c.want {
			t.Errorf("HowToLink(%v) =\n%s\nwant\n%s", c.ids, got, c.want)
		}
	}
}
