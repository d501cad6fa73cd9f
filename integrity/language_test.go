package integrity

import (
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

func brief(scale domain.ScaleID, summary string, blocks ...*domain.Block) *domain.Briefing {
	return &domain.Briefing{Title: "T", Scale: scale, Summary: summary, Blocks: blocks}
}

func comment(id int64, text string) *domain.Block {
	return &domain.Block{ID: id, Type: domain.BlockCommentary, Text: text}
}

func codes(fs []Finding) string {
	var s []string
	for _, f := range fs {
		s = append(s, string(f.Code)+":"+f.Words)
	}
	return strings.Join(s, " | ")
}

func TestLanguageReadsBottomLineCommentaryAndJudgmentsOnly(t *testing.T) {
	b := brief(domain.ScaleICD203, "Beijing may well retaliate.",
		&domain.Block{ID: 4, Type: domain.BlockHeading, Text: "What may well happen"},
		&domain.Block{ID: 5, Type: domain.BlockExcerpt, ExcerptID: 9, Text: "it may well happen"},
		comment(6, "Über-cautious firms may well wait."),
		judgment(7, "Tokyo may well follow.", domain.ConfidenceLow))
	fs := CheckLanguage(b, nil)
	if got := codes(fs); got != "no-scale:may well | no-scale:may well | no-scale:may well" {
		t.Fatalf("findings = %s", got)
	}
	want := []struct {
		block      int64
		index      int
		start, end int
	}{{0, -1, 8, 16}, {6, 2, 20, 28}, {7, 3, 6, 14}}
	for i, w := range want {
		f := fs[i]
		if f.Block != w.block || f.Index != w.index || f.Start != w.start || f.End != w.end {
			t.Errorf("finding %d at block %d index %d runes %d–%d, want %+v", i, f.Block, f.Index, f.Start, f.End, w)
		}
	}
	// the range is in runes: "Über" counts one rune for Ü
	if got := string([]rune(b.Blocks[2].Text)[fs[1].Start:fs[1].End]); got != "may well" {
		t.Errorf("the range points at %q", got)
	}
	if !strings.Contains(fs[0].Message, "‘may well’ gives the reader no probability: use a term of ICD 203, such as ‘likely’ (55–80%)") {
		t.Errorf("message = %q", fs[0].Message)
	}
}

func TestLanguageKeysAndDismissals(t *testing.T) {
	b := brief(domain.ScalePHIA, "", comment(3, "Seoul could retaliate. Tokyo could retaliate too."))
	fs := CheckLanguage(b, nil)
	if len(fs) != 2 || fs[0].Key != "no-scale/3/could/0" || fs[1].Key != "no-scale/3/could/1" {
		t.Fatalf("keys = %+v", fs)
	}
	// edits around the words keep the key
	b.Blocks[0].Text = "As things stand, Seoul could retaliate. Tokyo could retaliate too."
	again := CheckLanguage(b, map[string]bool{fs[0].Key: true})
	if len(again) != 1 || again[0].Key != "no-scale/3/could/1" || again[0].Words != "could" {
		t.Fatalf("after a dismissal and an edit: %+v", again)
	}
}

func TestLanguageOtherScaleSuggestsTheNearestTerm(t *testing.T) {
	fs := CheckLanguage(brief(domain.ScaleICD203, "", comment(1, "A ban is highly likely.")), nil)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "use ‘very likely’ (80–95%)") || !strings.Contains(fs[0].Message, "UK Yardstick") {
		t.Fatalf("findings = %+v", fs)
	}
	fs = CheckLanguage(brief(domain.ScalePHIA, "", comment(1, "A ban is highly improbable.")), nil)
	if len(fs) != 1 || fs[0].Code != FindOtherScale || !strings.Contains(fs[0].Message, "‘highly unlikely’ (10–20%)") {
		t.Fatalf("findings = %+v", fs)
	}
}

func TestLanguageMixedRowsOfICD203(t *testing.T) {
	b := brief(domain.ScaleICD203, "A ban is likely.", comment(1, "Talks will probably fail."), comment(2, "An appeal is unlikely."))
	fs := CheckLanguage(b, nil)
	if codes(fs) != "mixed-scales:probably" || fs[0].Block != 1 {
		t.Fatalf("findings = %s", codes(fs))
	}
	b.Blocks = append(b.Blocks, comment(3, "The terms of both rows of ICD 203 mean the same probability."))
	if fs := CheckLanguage(b, nil); len(fs) != 0 {
		t.Fatalf("with the disclaimer: %s", codes(fs))
	}
}

func TestLanguageMixedScalesWithNoScale(t *testing.T) {
	b := brief(domain.ScaleNone, "", comment(1, "A ban is a realistic possibility."), comment(2, "Talks are very likely."),
		comment(3, "A deal is highly likely."))
	fs := CheckLanguage(b, nil)
	if codes(fs) != "mixed-scales:very likely" || fs[0].Block != 2 {
		t.Fatalf("findings = %s", codes(fs))
	}
	// terms both scales share mix with either
	b = brief(domain.ScaleNone, "", comment(1, "A ban is likely, and an appeal unlikely; it will almost certainly fail."),
		comment(2, "Talks are very likely."))
	if fs := CheckLanguage(b, nil); len(fs) != 0 {
		t.Fatalf("shared terms counted as mixing: %s", codes(fs))
	}
}

func TestLanguageNoConfidence(t *testing.T) {
	b := brief(domain.ScaleICD203, "", judgment(1, "  Japan will extend its controls.\n", ""),
		judgment(2, "We judge with moderate confidence that Japan will act.", ""),
		judgment(3, "Japan will act.", domain.ConfidenceHigh))
	fs := CheckLanguage(b, nil)
	if codes(fs) != "no-confidence:Japan will extend its controls." || fs[0].Start != 2 || fs[0].Key != "no-confidence/1//0" {
		t.Fatalf("findings = %+v", fs)
	}
}

func TestLanguagePercentBands(t *testing.T) {
	for _, c := range []struct {
		scale domain.ScaleID
		text  string
		want  string
	}{
		{domain.ScalePHIA, "A ban is likely (60–70%).", ""},
		{domain.ScalePHIA, "A ban is likely (50–70%).", "percent-outside-band:50–70%"},
		{domain.ScaleICD203, "A ban is likely, roughly 78 per cent.", ""},
		{domain.ScaleICD203, "A ban is likely, roughly 82 per cent.", "percent-outside-band:82 per cent"},
		{domain.ScaleICD203, "A ban is likely, with a 30% probability.", "percent-outside-band:30%"},
		{domain.ScaleICD203, "A ban is likely, 40% of firms say.", ""},
		// a word of the other scale is held to its own band
		{domain.ScaleICD203, "A ban is highly likely (85%).", "other-scale:highly likely"},
	} {
		if got := codes(CheckLanguage(brief(c.scale, "", comment(1, c.text)), nil)); got != c.want {
			t.Errorf("%s %q: %s, want %s", c.scale, c.text, got, c.want)
		}
	}
}

func TestLanguageQuotesNegationsAndForms(t *testing.T) {
	for _, c := range []struct {
		text string
		want string
	}{
		{"The envoy called it ‘highly likely’ on Monday.", ""},
		{"The envoy called it 'highly likely' on Monday.", ""},
		{"It’s not highly likely.", ""},
		{"It is Highly-Likely.", "other-scale:Highly-Likely"},
		{"It is HIGHLY LIKELY.", "other-scale:HIGHLY LIKELY"},
		{"China's firms can't be ruled out of the tender.", ""},
		{"A further round cannot be ruled out.", "no-scale:cannot be ruled out"},
	} {
		if got := codes(CheckLanguage(brief(domain.ScaleICD203, "", comment(1, c.text)), nil)); got != c.want {
			t.Errorf("%q: %s, want %s", c.text, got, c.want)
		}
	}
	if CheckLanguage(nil, nil) != nil {
		t.Error("a nil briefing has findings")
	}
}

func TestLanguageLikelihoodWithConfidence(t *testing.T) {
	b := brief(domain.ScaleICD203, "", judgment(1, "We are highly confident the ban is very likely to stand. Moderate confidence.", domain.ConfidenceHigh))
	fs := CheckLanguage(b, nil)
	if codes(fs) != "likelihood-with-confidence:highly confident" ||
		!strings.Contains(fs[0].Message, "‘highly confident’ and ‘very likely’ stand in one sentence") {
		t.Fatalf("findings = %+v", fs)
	}
}

func TestLanguageModalsThatWeighNothing(t *testing.T) {
	for _, c := range []struct {
		text string
		want string
	}{
		{"Whatever the outcome might be, the fabs will stay.", ""},
		{"The outcome might be a ban on older chips.", "no-scale:might"},
		{"Until 2022, Chinese firms could add capacity freely.", ""},
		{"In the past, vendors could extend contracts without review.", ""},
		{"Chinese firms could add capacity faster than expected.", "no-scale:could"},
		{"Officials warned that Beijing could retaliate.", ""},
	} {
		if got := codes(CheckLanguage(brief(domain.ScaleICD203, "", comment(1, c.text)), nil)); got != c.want {
			t.Errorf("%q: %s, want %s", c.text, got, c.want)
		}
	}
}

// TestLanguageOddTextsHoldTheirRanges runs texts cut short or odd and
// holds every finding's range to its words.
func TestLanguageOddTextsHoldTheirRanges(t *testing.T) {
	texts := []string{"", " ", "could", "might", "remote", "likely (", "likely (40", "likely 40 per", "40 %",
		"“unclosed likely", "'", "’s likely", "high confidence", "confidence is", "e.g. likely. U.S. very likely",
		"It is—perhaps—likely (~90%) that ‘highly likely’ may well…", "Ünlikely ÿ highly-\nlikely 5–95 per cent chance",
		"likely-", "-likely", "might be", "could be", "if could", "there's a", "cannot be ruled"}
	for _, scale := range []domain.ScaleID{domain.ScaleNone, domain.ScaleICD203, domain.ScalePHIA} {
		for _, s := range texts {
			b := brief(scale, s, comment(1, s), judgment(2, s, ""))
			for _, f := range CheckLanguage(b, nil) {
				r := []rune(s)
				if f.Start < 0 || f.End > len(r) || f.Start > f.End || string(r[f.Start:f.End]) != f.Words || f.Message == "" || f.Key == "" {
					t.Errorf("%s %q: finding %+v", scale, s, f)
				}
			}
		}
	}
}

// The likelihood-with-confidence message cites the briefing's own
// guidance: ICD 203 by name, the UK guidance in its own terms, neither
// under no scale.
func TestLanguageLikelihoodWithConfidencePerScale(t *testing.T) {
	text := "We have high confidence the ban is likely to stand."
	for scale, want := range map[domain.ScaleID]string{
		domain.ScaleICD203: "ICD 203 asks",
		domain.ScalePHIA:   "the UK guidance also separates probability from confidence: keep the likelihood and the confidence level in separate sentences",
		domain.ScaleNone:   ": keep the likelihood and the confidence level in separate sentences: readers mix them up.",
	} {
		fs := CheckLanguage(brief(scale, "", comment(1, text)), nil)
		if len(fs) != 1 || fs[0].Code != FindLikelihoodAndConfidence || !strings.Contains(fs[0].Message, want) {
			t.Errorf("%s: %+v", scale, fs)
		}
		if scale != domain.ScaleICD203 && len(fs) == 1 && strings.Contains(fs[0].Message, "ICD 203") {
			t.Errorf("%s: the message cites ICD 203: %s", scale, fs[0].Message)
		}
	}
}

// A key judgment whose words state another confidence level than its
// field is flagged at those words; one that states its own level
// anywhere, or has none set, is not.
func TestLanguageConfidenceMismatch(t *testing.T) {
	for _, c := range []struct {
		text string
		set  domain.Confidence
		want string
	}{
		{"We have high confidence that Japan will act.", domain.ConfidenceModerate, "confidence-mismatch:high confidence"},
		{"Confidence is low that talks resume.", domain.ConfidenceHigh, "confidence-mismatch:Confidence is low"},
		{"We are moderately confident that Japan will act.", domain.ConfidenceModerate, ""},
		{"We have medium confidence that Japan will act.", domain.ConfidenceModerate, ""},
		{"High confidence in the ban; low confidence in its timing.", domain.ConfidenceLow, ""},
		{"We have high confidence that Japan will act.", domain.ConfidenceNone, ""},
		{"Investor confidence is low.", domain.ConfidenceHigh, ""},
	} {
		fs := CheckLanguage(brief(domain.ScalePHIA, "", judgment(1, c.text, c.set)), nil)
		if got := codes(fs); got != c.want {
			t.Errorf("%q (%s): %s, want %s", c.text, c.set, got, c.want)
		}
		if c.want != "" && (len(fs) != 1 || !strings.Contains(fs[0].Message, "but its confidence is set to "+string(c.set))) {
			t.Errorf("message: %+v", fs)
		}
	}
}
