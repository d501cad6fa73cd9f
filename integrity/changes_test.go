package integrity

import (
	"strconv"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

func judgment(id int64, text string, c domain.Confidence, ev ...domain.Evidence) *domain.Block {
	return &domain.Block{ID: id, Type: domain.BlockJudgment, Text: text, Confidence: c, Evidence: ev}
}

func link(id int64, st domain.Stance, quote string) domain.Evidence {
	ev := domain.Evidence{ExcerptID: id, Stance: st}
	if quote != "" {
		ev.Excerpt = &domain.Excerpt{ID: id, Quote: quote}
	}
	return ev
}

func versions() (*domain.Briefing, *domain.Briefing) {
	old := &domain.Briefing{Title: "Gallium controls", Status: domain.StatusDraft, Summary: "Beijing is likely to widen the controls.",
		Blocks: []*domain.Block{
			{ID: 1, Type: domain.BlockHeading, Text: "Outlook"},
			judgment(2, "Beijing will widen the controls to germanium.", domain.ConfidenceModerate,
				link(10, domain.StanceSupports, "Exports fell by half."), link(11, domain.StanceContradicts, "")),
			judgment(3, "Prices will double.", domain.ConfidenceLow),
			judgment(4, "Japan will follow.", domain.ConfidenceHigh),
			{ID: 5, Type: domain.BlockCommentary, Text: "Stocks are thin."},
		}}
	new := &domain.Briefing{Title: "Gallium and germanium controls", Status: domain.StatusReview,
		Summary: "Beijing  is likely to widen the controls.", // spacing only: not reworded
		Blocks: []*domain.Block{
			judgment(4, "Japan will follow.", domain.ConfidenceModerate),
			judgment(2, "Beijing will widen the controls to germanium and antimony.", domain.ConfidenceHigh,
				link(10, domain.StanceSupports, "Exports fell by half."), link(12, "", "Licences were refused."),
				link(11, domain.StanceSupports, "")),
			{ID: 5, Type: domain.BlockJudgment, Text: "Stocks are thin.", Confidence: domain.ConfidenceLow,
				Evidence: []domain.Evidence{link(13, domain.StanceSupports, "Inventories: 3 weeks.")}},
		}}
	return old, new
}

func TestCompareJudgmentsAndEvidence(t *testing.T) {
	old, new := versions()
	c := Compare(old, new)
	got := []string{}
	for _, j := range c.Judgments {
		got = append(got, string(j.Kind)+" "+itoa64(j.Block)+" "+string(j.OldConfidence)+">"+string(j.NewConfidence))
	}
	want := []string{"confidence 4 high>moderate", "reworded 2 moderate>high", "added 5 >low", "removed 3 low>"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("judgments = %v, want %v", got, want)
	}
	got = got[:0]
	for _, e := range c.Evidence {
		got = append(got, string(e.Kind)+" "+itoa64(e.ExcerptID)+" "+string(e.Stance)+" "+e.Quote)
	}
	want = []string{"added 12 supports Licences were refused.", "added 11 supports ", "removed 11 contradicts ",
		"added 13 supports Inventories: 3 weeks."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("evidence = %q, want %q", got, want)
	}
	if c.BottomLine {
		t.Error("a bottom line respaced counts as reworded")
	}
	if c.OldStatus != domain.StatusDraft || c.NewStatus != domain.StatusReview || c.Empty() {
		t.Errorf("status %s → %s, empty %v", c.OldStatus, c.NewStatus, c.Empty())
	}
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

func TestCompareSameIsEmpty(t *testing.T) {
	old, _ := versions()
	c := Compare(old, old)
	if !c.Empty() || len(c.Judgments)+len(c.Evidence) != 0 {
		t.Fatalf("a version compared with itself: %+v", c)
	}
	if md := c.Markdown(); !strings.Contains(md, "Nothing changed") || !strings.HasPrefix(md, "# What changed in Gallium controls\n") {
		t.Errorf("note of no change = %q", md)
	}
	reworded := *old
	reworded.Summary = "Beijing will almost certainly widen the controls."
	if c := Compare(old, &reworded); c.Empty() || !c.BottomLine {
		t.Errorf("a reworded bottom line: %+v", c)
	}
}

func TestCompareFirstVersion(t *testing.T) {
	_, new := versions()
	c := Compare(nil, new)
	if c.OldStatus != c.NewStatus || c.OldTitle != c.NewTitle || c.BottomLine {
		t.Errorf("a first version reports status, title or bottom line changes: %+v", c)
	}
	for _, j := range c.Judgments {
		if j.Kind != ChangeAdded {
			t.Errorf("judgment %d is %s in a first version", j.Block, j.Kind)
		}
	}
	if len(c.Judgments) != 3 || len(c.Evidence) != 4 {
		t.Errorf("%d judgments, %d links; want 3 and 4", len(c.Judgments), len(c.Evidence))
	}
}

func TestChangeNote(t *testing.T) {
	old, new := versions()
	c := Compare(old, new)
	c.From, c.To = "Version 2 (3 May)", "Draft now"
	md := c.Markdown()
	for _, want := range []string{
		"# What changed in Gallium and germanium controls\n",
		"From Version 2 (3 May) to Draft now.",
		"- Title: “Gallium controls” → “Gallium and germanium controls”",
		"- Status: Draft → In review",
		"## Key judgments",
		"- Confidence changed: “Japan will follow.”: high → moderate confidence",
		"- Reworded: “Beijing will widen the controls to germanium.” → “Beijing will widen the controls to germanium and antimony.” (moderate → high confidence)",
		"- Added: “Stocks are thin.” (low confidence)",
		"- Removed: “Prices will double.” (was low confidence)",
		"## Evidence",
		"- Added to “Beijing will widen the controls to germanium and antimony.”: supporting excerpt “Licences were refused.”",
		"- Now supports “Beijing will widen the controls to germanium and antimony.”: an excerpt since deleted (was contradicts)",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the note lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "Removed from") || strings.HasSuffix(md, "\n\n") {
		t.Errorf("a link whose stance changed is listed twice, or the note ends in blank lines:\n%s", md)
	}
	if strings.Contains(md, "bottom line") {
		t.Errorf("the note reports a bottom line only respaced:\n%s", md)
	}
}

func TestChangeNoteCutsLongText(t *testing.T) {
	long := strings.Repeat("word ", 100)
	c := Compare(&domain.Briefing{Title: "T"}, &domain.Briefing{Title: "T", Blocks: []*domain.Block{judgment(1, long, "")}})
	md := c.Markdown()
	if !strings.Contains(md, "…”") || strings.Count(md, "word") > noteQuoteRunes/5+1 {
		t.Errorf("a long judgment is not cut:\n%s", md)
	}
	if !strings.Contains(md, "(no confidence level)") {
		t.Errorf("an added judgment without confidence:\n%s", md)
	}
}

// A link is named by its quote and source, from whichever version has
// its excerpt, and as deleted when neither does: never by a bare number.
func TestChangeNoteNamesExcerpts(t *testing.T) {
	chips := &domain.Excerpt{ID: 6, Quote: "Exports fell by half.", SourceTitle: "Chip report"}
	old := &domain.Briefing{Title: "T", Blocks: []*domain.Block{judgment(1, "J", domain.ConfidenceLow,
		domain.Evidence{ExcerptID: 6, Excerpt: chips}, domain.Evidence{ExcerptID: 7}, domain.Evidence{ExcerptID: 8, Stance: domain.StanceContradicts})}}
	new := &domain.Briefing{Title: "T", Blocks: []*domain.Block{judgment(1, "J", domain.ConfidenceLow,
		domain.Evidence{ExcerptID: 8, Excerpt: &domain.Excerpt{ID: 8, Quote: "Stocks are thin.", SourceTitle: "Port data"}})}}
	md := Compare(old, new).Markdown()
	for _, want := range []string{
		"- Removed from “J”: supporting excerpt “Exports fell by half.” (Chip report)",
		"- Removed from “J”: a supporting excerpt since deleted",
		"- Now supports “J”: “Stocks are thin.” (Port data) (was contradicts)",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the note lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "excerpt 6") || strings.Contains(md, "excerpt 7") {
		t.Errorf("a bare excerpt number:\n%s", md)
	}
}
