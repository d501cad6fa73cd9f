package domain_test

import (
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// wantRefused fails unless err is an EINVALID error whose message holds
// every part.
func wantRefused(t *testing.T, what string, err error, parts ...string) {
	t.Helper()
	if domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("%s: got %v, want an invalid-input error", what, err)
	}
	for _, p := range parts {
		if !strings.Contains(domain.ErrorMessage(err), p) {
			t.Errorf("%s: message %q does not say %q", what, domain.ErrorMessage(err), p)
		}
	}
}

func TestFieldCheckNamesFieldLimitAndLength(t *testing.T) {
	f := domain.BriefingTitle
	if err := f.Check(strings.Repeat("é", f.Max)); err != nil {
		t.Fatalf("a title of exactly %d characters (two bytes each) is refused: %v", f.Max, err)
	}
	wantRefused(t, "501 characters", f.Check(strings.Repeat("x", f.Max+1)), "the briefing title", "501 characters", "500 allowed")
	wantRefused(t, "1 MB", f.Check(strings.Repeat("x", 1<<20)), "1,048,576 characters", "500 allowed")
}

func TestFieldCheckRefusesControlCharactersButNotLineBreaks(t *testing.T) {
	f := domain.BottomLine
	if f.Max != 5_000 {
		t.Errorf("the bottom line holds %d characters", f.Max)
	}
	for _, ok := range []string{"Line one\nline two\r\n\tindented", "RTL \u200fmark and \u202eoverride\u202c", "émigré"} {
		if err := f.Check(ok); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
	for s, want := range map[string]string{
		"Title \x1b]0;pwned\x07": "U+001B, escape) at character 7",
		"\x1b[2J":                "U+001B, escape) at character 1",
		"del\x7f":                "U+007F, delete) at character 4",
		"c1 \u009b31m":           "U+009B, control sequence introducer) at character 4",
		"nul\x00":                "U+0000, NUL",
		"form\ffeed":             "U+000C, form feed",
	} {
		wantRefused(t, "control", f.Check(s), "the bottom line holds an invisible control character ("+want)
	}
	wantRefused(t, "Latin-1", f.Check("caf\xe9"), "the bottom line is not Unicode (UTF-8) text")
}

func TestBriefingValidateHoldsEveryFieldToItsLimit(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	base := func() *domain.Briefing { return &domain.Briefing{Title: "T", Status: domain.StatusDraft} }
	if err := base().Validate(); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		set  func(b *domain.Briefing)
		want string
	}{
		{func(b *domain.Briefing) { b.Title = long(501) }, "the briefing title is 501 characters"},
		{func(b *domain.Briefing) { b.Title = "Iran\x1b[2J" }, "the briefing title holds an invisible control character"},
		{func(b *domain.Briefing) { b.Subtitle = long(501) }, "the briefing subtitle is 501"},
		{func(b *domain.Briefing) { b.Author = long(501) }, "the briefing author is 501"},
		{func(b *domain.Briefing) { b.Audience = long(501) }, "“prepared for” is 501"},
		{func(b *domain.Briefing) { b.Authority.DerivedFrom = long(201) }, "a line of the classification authority block is 201"},
		{func(b *domain.Briefing) { b.Summary = long(5_001) }, "the bottom line is 5,001 characters long, more than the 5,000 allowed: shorten it, and move the detail"},
		{func(b *domain.Briefing) {
			b.Blocks = []*domain.Block{{Type: domain.BlockHeading, Text: "ok"}, {Type: domain.BlockHeading, Text: long(501)}}
		}, "block 2: the heading is 501"},
		{func(b *domain.Briefing) {
			b.Blocks = []*domain.Block{{Type: domain.BlockCommentary, Text: long(10_001)}}
		}, "block 1: the commentary is 10,001"},
		{func(b *domain.Briefing) {
			b.Blocks = []*domain.Block{{Type: domain.BlockJudgment, Text: "x\x1b", Confidence: domain.ConfidenceHigh}}
		}, "block 1: the key judgment holds an invisible control character (U+001B, escape) at character 2"},
	}
	for _, c := range cases {
		b := base()
		c.set(b)
		wantRefused(t, c.want, b.Validate(), c.want)
	}
	b := base()
	b.Title, b.Summary = long(500), long(5_000)
	b.Blocks = []*domain.Block{{Type: domain.BlockHeading, Text: long(500)}, {Type: domain.BlockCommentary, Text: long(10_000)}}
	if err := b.Validate(); err != nil {
		t.Errorf("fields at their limits refused: %v", err)
	}
}

func TestSourceValidateHoldsMetadataToLimits(t *testing.T) {
	base := func() *domain.Source { return &domain.Source{Title: "T", Text: "Some text."} }
	cases := []struct {
		set  func(s *domain.Source)
		want string
	}{
		{func(s *domain.Source) { s.Title = strings.Repeat("t", 120_000) }, "the source title is 120,000 characters"},
		{func(s *domain.Source) { s.Title = "\x1b]0;owned\x07Report" }, "the source title holds an invisible control character (U+001B, escape) at character 1"},
		{func(s *domain.Source) { s.Subtitle = strings.Repeat("t", 501) }, "the source subtitle is 501"},
		{func(s *domain.Source) { s.Publisher = "Pub\u0085" }, "the publisher holds an invisible control character (U+0085, next line)"},
		{func(s *domain.Source) { s.URL = "https://example.org/" + strings.Repeat("q", 8000) }, "the web address is 8,020 characters long, more than the 8,000 allowed"},
		{func(s *domain.Source) { s.FileName = "a\x1b[2J.txt" }, "the file name holds"},
		{func(s *domain.Source) { s.Notes = strings.Repeat("n", 10_001) }, "the note on the source is 10,001"},
		{func(s *domain.Source) { s.Authors = []string{"Ann", strings.Repeat("b", 501)} }, "author 2: the author's name is 501"},
		{func(s *domain.Source) { s.Authors = make([]string, 1001) }, "there are 1,001 authors, more than the 1,000 allowed"},
		{func(s *domain.Source) { s.Language = strings.Repeat("e", 101) }, "the language is 101"},
		{func(s *domain.Source) { s.Text = strings.Repeat("x", domain.MaxSourceTextBytes+1) }, "the source text is 64.0 MB, more than the 64 MB"},
	}
	for _, c := range cases {
		s := base()
		c.set(s)
		wantRefused(t, c.want, s.Validate(), c.want)
		if !strings.Contains(c.want, "source text") {
			wantRefused(t, "metadata: "+c.want, s.ValidateMetadata(), c.want)
		}
	}
}

func TestExcerptValidateHoldsNoteAndTagsToLimits(t *testing.T) {
	ok := &domain.Excerpt{Note: "Line\nline", Tags: []string{"export controls", strings.Repeat("t", 100)}}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	wantRefused(t, "note", (&domain.Excerpt{Note: strings.Repeat("n", 10_001)}).Validate(), "the excerpt note is 10,001")
	wantRefused(t, "tag", (&domain.Excerpt{Tags: []string{"a", strings.Repeat("t", 101)}}).Validate(), "tag 2: the tag is 101 characters long, more than the 100 allowed")
	wantRefused(t, "tag escape", (&domain.Excerpt{Tags: []string{"\x1b[31mred"}}).Validate(), "tag 1: the tag holds an invisible control character (U+001B")
	many := make([]string, 1001)
	for i := range many {
		many[i] = domain.Thousands(i)
	}
	wantRefused(t, "tags", (&domain.Excerpt{Tags: many}).Validate(), "there are 1,001 tags")
}

func TestCleanMetadataDropsControlsAndSqueezesSpace(t *testing.T) {
	for in, want := range map[string]string{
		"\x1b]0;pwned\x07 Chip  export\n controls\x1b[2J": "]0;pwned Chip export controls[2J",
		"del\x7f c1\u009b x":                              "del c1 x",
		"bad \xff utf-8":                                  "bad \ufffd utf-8",
		"Cafe\u0301 \u200fRTL\u200f":                      "Café \u200fRTL\u200f",
	} {
		if got := domain.CleanMetadata(in); got != want {
			t.Errorf("CleanMetadata(%q) = %q, want %q", in, got, want)
		}
		if err := domain.SourceTitle.Check(domain.CleanMetadata(in)); err != nil {
			t.Errorf("cleaned %q still refused: %v", in, err)
		}
	}
}

func TestSourceCleanMetadataFitsRunawayValues(t *testing.T) {
	s := &domain.Source{Title: strings.Repeat("Long ", 100_000), URL: "https://x.org/" + strings.Repeat("q", 9000),
		Authors: make([]string, 1500), FileName: "a\x1b[2J.html", Subtitle: "Sub\x1b"}
	for i := range s.Authors {
		s.Authors[i] = "Author\x07 " + domain.Thousands(i)
	}
	notes := s.CleanMetadata()
	if n := len([]rune(s.Title)); n != domain.SourceTitle.Max || !strings.HasSuffix(s.Title, "…") {
		t.Errorf("title is %d characters, want %d ending in …", n, domain.SourceTitle.Max)
	}
	if s.URL != "" || s.FileName != "a[2J.html" || s.Subtitle != "Sub" || len(s.Authors) != domain.MaxAuthors || s.Authors[0] != "Author 0" {
		t.Errorf("got URL %q, file %q, subtitle %q, %d authors (first %q)", s.URL, s.FileName, s.Subtitle, len(s.Authors), s.Authors[0])
	}
	want := []string{"the source title was 499,999 characters long", "the web address found was 9,014 characters", "only the first 1,000 of 1,500 authors"}
	if len(notes) != len(want) {
		t.Fatalf("notes %q, want %d", notes, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(notes[i], w) {
			t.Errorf("note %q, want it to start %q", notes[i], w)
		}
	}
	s.Text = "text"
	if err := s.Validate(); err != nil {
		t.Errorf("a cleaned source is refused: %v", err)
	}
}

func TestFieldFitCleansAndCuts(t *testing.T) {
	if got, n := domain.SnapshotLabel.Fit("Exported to a\x1b[2J.pdf"); got != "Exported to a[2J.pdf" || n != 0 {
		t.Errorf("Fit gave %q, %d", got, n)
	}
	got, n := domain.SnapshotLabel.Fit(strings.Repeat("é", 600))
	if len([]rune(got)) != domain.SnapshotLabel.Max || !strings.HasSuffix(got, "…") || n != 600 {
		t.Errorf("Fit gave %d characters, cut from %d", len([]rune(got)), n)
	}
}

func TestMarkingReasonHasALimit(t *testing.T) {
	e := &domain.Excerpt{MarkingReason: strings.Repeat("r", 501)}
	if err := e.Validate(); err == nil || !strings.Contains(err.Error(), "the reason for marking the excerpt below its source is 501") {
		t.Fatalf("a 501-character reason: %v", err)
	}
}
