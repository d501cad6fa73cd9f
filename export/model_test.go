package export

import (
	"reflect"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/integrity"
)

// wordsBundle is a briefing whose countable words are known: each text's
// count is in its comment, the apparatus around it (banner, portion marks,
// title block rows, citations, sources) counts nothing.
func wordsBundle() *domain.Bundle {
	src := &domain.Source{ID: 4, Title: "A Long Report on Many Things", Authors: []string{"Ana Ruiz"}, Publisher: "Institute",
		URL: "https://example.org/report", Text: "Repair ships are scarce. Insurers price risk."}
	e := &domain.Excerpt{ID: 9, SourceID: 4, SourceTitle: src.Title, Quote: "Repair ships are scarce.", Note: "Capacity — not supply.", Marking: "U"}
	b := &domain.Briefing{
		Title:          "Cable risk",                 // 2
		Subtitle:       "What allies should do",      // 4
		Summary:        "Pool repair ships.\n\nNow.", // 4
		Audience:       "The Deputy Minister",        // 0: a title block row
		Author:         "Maritime Desk",              // 0
		Scheme:         domain.SchemeUS,
		Classification: "U", // 0: the banner
		TitleMarking:   "U", SubtitleMarking: "U", SummaryMarking: "U",
		IncludeNotes: true, // the analyst's note is printed, and counted
		Blocks: []*domain.Block{
			{Type: domain.BlockJudgment, Text: "Outages will rise.", Marking: "U"},                                         // 3, no confidence
			{Type: domain.BlockHeading, Text: "The gap", Marking: "U"},                                                     // 2
			{Type: domain.BlockJudgment, Text: "Pooling halves outages.", Confidence: domain.ConfidenceHigh, Marking: "U"}, // 3 + "high confidence" 2
			{Type: domain.BlockCommentary, Text: "Ships – few and old – are 2027's constraint.", Marking: "U"},             // 7: the dashes are none
			{Type: domain.BlockExcerpt, ExcerptID: 9, Excerpt: e},                                                          // 4 + note 3 ("—" none)
		},
	}
	return &domain.Bundle{Briefing: b, Sources: []*domain.Source{src}}
}

const wordsBundleWords = 2 + 4 + 4 + 3 + 2 + 3 + 2 + 7 + 4 + 3

func TestWordsCountTheReadersTextOnly(t *testing.T) {
	b := wordsBundle()
	if got := NewDocument(b).Words(); got != wordsBundleWords {
		t.Fatalf("Words = %d, want %d", got, wordsBundleWords)
	}
	// The apparatus does not count: more sources, a longer banner, other
	// title block rows leave the count as it was.
	b.Briefing.Classification = "OFFICIAL SENSITIVE COMMERCIAL"
	b.Briefing.Audience += " and the whole cabinet office"
	b.Briefing.Status = domain.StatusReview
	b.Sources = append(b.Sources, &domain.Source{ID: 5, Title: "Another source with a long title", Text: "x"})
	if got := NewDocument(b).Words(); got != wordsBundleWords {
		t.Fatalf("with more apparatus Words = %d, want %d", got, wordsBundleWords)
	}
	// Without its sources (the composer's draft before they load) the
	// count is the same: citations are not counted.
	b.Sources = nil
	if got := NewDocument(b).Words(); got != wordsBundleWords {
		t.Fatalf("without sources Words = %d, want %d", got, wordsBundleWords)
	}
}

func TestCountWords(t *testing.T) {
	for s, want := range map[string]int{"": 0, "  \n ": 0, "— – • …": 0, "U.S.-China ties": 2, "a — b": 2,
		"2027.": 1, "Ελληνικά: καλώδιο.": 2, "line one\nline two": 4} {
		if got := CountWords(s); got != want {
			t.Errorf("CountWords(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestTextShowsNoConfidenceForAJudgmentWithoutOne(t *testing.T) {
	text := NewDocument(wordsBundle()).Text()
	for _, want := range []string{"(U) CABLE RISK\n(U) What allies should do", "KEY JUDGMENTS",
		"1. (U) Outages will rise.\n", "2. (U) Pooling halves outages. (high confidence)\n",
		"1  (U) THE GAP", "    (U) “Repair ships are scarce.” [1]", "    (U) Analyst’s note: Capacity — not supply.",
		"NOTES\n\n1. Ana Ruiz, “A Long Report", "SOURCES", "BOTTOM LINE UP FRONT\n\n(U) Pool repair ships.\n\nNow."} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "( confidence)") || strings.Contains(text, "()") {
		t.Errorf("an empty confidence is shown:\n%s", text)
	}
	if !strings.HasPrefix(text, "UNCLASSIFIED\n\n(U) CABLE RISK") || !strings.HasSuffix(text, "\n\nUNCLASSIFIED") {
		t.Errorf("the text does not start with its banner:\n%s", text)
	}
}

func TestWarningsAreDataAboutBlocks(t *testing.T) {
	b := wordsBundle()
	b.Briefing.Blocks = append(b.Briefing.Blocks,
		&domain.Block{Type: domain.BlockCommentary, Text: "Unmarked."},                  // 5
		&domain.Block{Type: domain.BlockHeading, Text: "Outlook"},                       // 6: only a judgment under it
		&domain.Block{Type: domain.BlockJudgment, Text: "More will fail.", Marking: ""}, // 7
		&domain.Block{Type: domain.BlockHeading, Text: "Last"})                          // 8: nothing under it
	got := NewDocument(b).Warnings()
	want := []Warning{
		{Code: WarnUnmarkedPortion, Block: 7, Where: "Key judgment 3 “More will fail.”", Refuse: true},
		{Code: WarnUnmarkedPortion, Block: 5, Where: "Section 1, third block, commentary “Unmarked.”", Refuse: true},
		{Code: WarnUnmarkedPortion, Block: 6, Where: "The heading of section 2 “Outlook”", Refuse: true},
		{Code: WarnUnmarkedPortion, Block: 8, Where: "The heading of section 3 “Last”", Refuse: true},
		{Code: WarnEmptySection, Block: 6, Where: "The heading of section 2 “Outlook”"},
		{Code: WarnEmptySection, Block: 8, Where: "The heading of section 3 “Last”"},
		{Code: WarnBasisNoEvidence, Block: -1, Where: "The key judgments"},
		{Code: WarnNotesIncluded, Block: -1},
	}
	if len(got) != len(want) {
		t.Fatalf("warnings %+v, want %d", got, len(want))
	}
	for i := range want {
		g := got[i]
		if g.Code != want[i].Code || g.Block != want[i].Block || g.Where != want[i].Where || g.Refuse != want[i].Refuse || g.Message == "" {
			t.Errorf("warning %d = %+v, want %+v with a message", i, g, want[i])
		}
	}
	sum := WarningSummary(got)
	wantSum := []string{
		"Key judgment 3 “More will fail.” has no portion mark, while other portions have one: choose its marking.",
		"Section 1, third block, commentary “Unmarked.” has no portion mark, while other portions have one: choose its marking.",
		"The heading of section 2 “Outlook” has no portion mark, while other portions have one: choose its marking.",
		"The heading of section 3 “Last” has no portion mark, while other portions have one: choose its marking.",
		"The section “Outlook” is empty: add to it or remove its heading.",
		"The section “Last” is empty: add to it or remove its heading.",
		"None of the 3 key judgments has evidence linked: link the excerpts each rests on, so that its basis shows. " +
			"In the composer, drag an excerpt onto a judgment, or click into one and use Edit → Link evidence to the key judgment… (" + integrity.LinkEvidenceKeys + "); " +
			"from the command line, attache briefing link BLOCK --supports EXCERPT.",
		"Analyst notes on excerpts are included in this export, each under its excerpt's portion mark.",
	}
	if !reflect.DeepEqual(sum, wantSum) {
		t.Errorf("summary %q, want %q", sum, wantSum)
	}
	if r := NewDocument(b).Refusals(); len(r) != 4 || r[0].Block != 7 || r[3].Block != 8 {
		t.Errorf("refusals %+v, want the four unmarked portions", r)
	}
	// Without any marks nothing is unmarked, and without included notes
	// nothing is said of them.
	br := b.Briefing
	br.Classification, br.TitleMarking, br.SubtitleMarking, br.SummaryMarking, br.IncludeNotes = "", "", "", "", false
	for _, blk := range br.Blocks {
		blk.Marking = ""
	}
	br.Blocks[4].Excerpt = &domain.Excerpt{SourceID: 4, Quote: "q", Note: "private"}
	for _, w := range NewDocument(b).Warnings() {
		if w.Code != WarnEmptySection && w.Code != WarnBasisNoEvidence {
			t.Errorf("unmarked warning without marks in use, or notes said to be included: %+v", w)
		}
	}
}

// Refusals first in the summary, whatever their place in the briefing.
func TestWarningSummaryPutsRefusalsFirst(t *testing.T) {
	ws := []Warning{{Code: WarnEmptySection, Message: "empty"}, {Code: WarnAboveOverall, Message: "above", Refuse: true},
		{Code: WarnNotesIncluded, Message: "notes"}, {Code: WarnUnmarkedPortion, Message: "unmarked", Refuse: true}}
	if got := WarningSummary(ws); !reflect.DeepEqual(got, []string{"above", "unmarked", "empty", "notes"}) {
		t.Errorf("summary %q", got)
	}
}

// The document keeps copies: the composer goes on editing its draft
// while a page count lays the document out on another goroutine.
func TestDocumentDoesNotFollowLaterEdits(t *testing.T) {
	b := wordsBundle()
	d := NewDocument(b)
	before := d.Text()
	b.Briefing.Title = "Changed"
	b.Briefing.Blocks[0].Text = "Changed too"
	b.Briefing.Blocks[0].Confidence = domain.ConfidenceLow
	if d.Text() != before {
		t.Fatal("the document changed with the briefing it was made from")
	}
}

func TestPagesIsThePDFsPageCount(t *testing.T) {
	for _, paper := range []string{"a4", "letter"} {
		b := pdfBundle(6, domain.StatusDraft)
		n, err := NewDocument(b).Pages(paper)
		if err != nil {
			t.Fatal(err)
		}
		if want := pageCount(t, pdfBytes(t, b, PDFOptions{Paper: paper})); n != want || n < 2 {
			t.Errorf("%s: Pages = %d, the PDF has %d", paper, n, want)
		}
	}
	if _, err := NewDocument(pdfBundle(1, domain.StatusDraft)).Pages("a5"); err == nil {
		t.Error("an unknown paper size was accepted")
	}
}

// A note whose source is not in the bundle (the composer's draft before
// its sources load) names the excerpt's source rather than nothing.
func TestNoteOfASourceNotLoadedNamesIt(t *testing.T) {
	b := wordsBundle()
	b.Sources = nil
	if n := NewDocument(b).Notes; len(n) != 1 || n[0].Text != "A Long Report on Many Things." {
		t.Fatalf("notes %+v", n)
	}
	b.Briefing.Blocks[4].Excerpt.SourceTitle = ""
	if n := NewDocument(b).Notes; len(n) != 1 || n[0].Text != "Source not available." {
		t.Fatalf("notes without a title %+v", n)
	}
}
