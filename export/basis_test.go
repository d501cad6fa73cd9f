package export

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/integrity"
)

// basisBundle is a draft under ICD 203 whose key judgments link evidence:
// one quoted in the body, others not; one contradicting, one from a
// source later retracted.
func basisBundle() *domain.Bundle {
	date := func(s string) domain.Date { d, _ := domain.ParseDate(s); return d }
	s1 := &domain.Source{ID: 1, Title: "Chip Export Controls Tighten", Authors: []string{"Ana Ruiz"}, Publisher: "Reuters",
		Published: date("2026-03-02"), URL: "https://example.org/chips", Reliability: "B", Text: "t1"}
	s2 := &domain.Source{ID: 2, Title: "Port Calls in the South China Sea", Publisher: "Lloyd's List",
		Published: date("2026-01-15"), Reliability: "A", Text: "t2"}
	s3 := &domain.Source{ID: 3, Title: "A Contrarian View", Publisher: "Blog", Published: date("2022-05-01"), Reliability: "D", Text: "t3"}
	e1 := &domain.Excerpt{ID: 11, SourceID: 1, Credibility: 2, Quote: "Exports of advanced chips fell 40 percent."}
	e2 := &domain.Excerpt{ID: 21, SourceID: 2, Credibility: 1, Quote: "Ship calls doubled at two ports."}
	e3 := &domain.Excerpt{ID: 31, SourceID: 3, Credibility: 4, Quote: "Nothing has changed, the author says."}
	br := &domain.Briefing{ID: 1, Title: "Chips and shipping", Author: "Desk", Status: domain.StatusDraft, Scale: domain.ScaleICD203,
		Date: date("2026-06-01")}
	br.Blocks = []*domain.Block{
		{ID: 101, Type: domain.BlockJudgment, Text: "China is likely reducing its reliance on imported chips.", Confidence: domain.ConfidenceHigh,
			Evidence: []domain.Evidence{{ExcerptID: 11, Stance: domain.StanceSupports, Excerpt: e1}, {ExcerptID: 21, Stance: domain.StanceSupports, Excerpt: e2},
				{ExcerptID: 31, Stance: domain.StanceContradicts, Excerpt: e3}}},
		{ID: 102, Type: domain.BlockJudgment, Text: "Port traffic will keep rising.", Confidence: domain.ConfidenceModerate,
			Evidence: []domain.Evidence{{ExcerptID: 21, Stance: domain.StanceSupports, Excerpt: e2}}},
		{ID: 103, Type: domain.BlockJudgment, Text: "Nothing else is known.", Confidence: domain.ConfidenceLow},
		{ID: 104, Type: domain.BlockHeading, Text: "Trade"},
		{ID: 105, Type: domain.BlockCommentary, Text: "Controls bite."},
		{ID: 106, Type: domain.BlockExcerpt, ExcerptID: 11, Excerpt: e1},
	}
	return &domain.Bundle{Briefing: br, Sources: []*domain.Source{s1, s2, s3}}
}

func TestDocumentCarriesTheBasis(t *testing.T) {
	d := NewDocument(basisBundle())
	if !d.ShowBasis {
		t.Fatal("a draft that links evidence does not show its basis")
	}
	j := d.Judgments[0]
	if got := j.Basis.Line(); got != "Basis: 2 sources (B2, A1); 1 contradicting" {
		t.Errorf("basis %q", got)
	}
	// The judgments' evidence is cited first, in order: notes 1–4, then
	// the body's excerpt (note 5, short: its source was cited in full).
	if len(d.Notes) != 5 || j.Evidence[0].Note != 1 || j.Evidence[2].Note != 3 || d.Judgments[1].Evidence[0].Note != 4 || d.Body[2].Note != 5 {
		t.Fatalf("notes %+v, judgment %+v", d.Notes, j.Evidence)
	}
	if !strings.HasPrefix(d.Notes[0].Text, "Ana Ruiz, “Chip Export Controls Tighten,”") || !strings.HasPrefix(d.Notes[4].Text, "Ruiz, “Chip Export") {
		t.Errorf("notes %q / %q", d.Notes[0].Text, d.Notes[4].Text)
	}
	if len(d.Sources) != 3 || d.Sources[2].ID != 3 {
		t.Errorf("appendix %v", d.Sources)
	}
	text := d.Text()
	for _, want := range []string{
		"1. China is likely reducing its reliance on imported chips. (high confidence)\n   Basis: 2 sources (B2, A1) [1, 2]; 1 contradicting [3]",
		"   Basis: 1 source (A1) [4]", "   Basis: no evidence linked\n",
		"HOW TO READ THIS ASSESSMENT", "likely, probable: 55–80%", "High confidence: The judgment rests",
		"Reliability D: Not usually reliable", "Credibility 1: Confirmed by other sources",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	// The credibility of contradicting evidence is printed nowhere, so the
	// guide does not explain it.
	if strings.Contains(text, "Credibility 4") {
		t.Error("the guide explains a grade not printed")
	}
	// Final, or off: no basis, no evidence notes; the words do not change.
	words := d.Words()
	for _, c := range []Context{{Basis: "off"}, {}} {
		b := basisBundle()
		if c.Basis == "" {
			b.Briefing.Status = domain.StatusFinal
		}
		d := NewDocumentWith(b, c)
		if d.ShowBasis || len(d.Notes) != 1 || d.Body[2].Note != 1 || strings.Contains(d.Text(), "Basis:") {
			t.Errorf("%+v: basis shown %v, notes %v", c, d.ShowBasis, d.Notes)
		}
		if d.Words() != words {
			t.Errorf("the basis counts as words: %d, %d", d.Words(), words)
		}
	}
	// A briefing that links no evidence shows no basis by default, and no
	// guide without a scale.
	b := basisBundle()
	b.Briefing.Scale = ""
	for _, blk := range b.Briefing.Blocks {
		blk.Evidence = nil
	}
	if d := NewDocument(b); d.ShowBasis || d.Guide != nil {
		t.Errorf("no evidence: basis %v, guide %+v", d.ShowBasis, d.Guide)
	}
	if d := NewDocumentWith(b, Context{Basis: "on", ReadingGuide: "on"}); !d.ShowBasis || d.Guide == nil || d.Guide.Scale != nil {
		t.Errorf("forced on: basis %v, guide %+v", d.ShowBasis, d.Guide)
	}
}

func TestBasisWarnings(t *testing.T) {
	b := basisBundle()
	b.Concerns = map[int64]*domain.SourceConcern{2: {SourceID: 2, Title: "Port Calls in the South China Sea",
		Concerns: []domain.Concern{domain.ConcernDiscredited}, Note: "fabricated"}}
	b.Briefing.Blocks = append(b.Briefing.Blocks, &domain.Block{ID: 107, Type: domain.BlockExcerpt, ExcerptID: 21, Excerpt: b.Briefing.Blocks[1].Evidence[0].Excerpt})
	ws := NewDocument(b).Warnings()
	var got []string
	for _, w := range ws {
		if w.Refuse {
			t.Errorf("refused: %+v", w)
		}
		got = append(got, string(w.Code)+"@"+w.Where)
	}
	want := []string{
		"basis-unaddressed@Key judgment 1 “China is likely reducing its…”",
		"source-concern@Key judgment 1 “China is likely reducing its…”",
		"source-concern@Key judgment 2 “Port traffic will keep rising.”",
		"basis-loses-support@Key judgment 2 “Port traffic will keep rising.”",
		"basis-no-evidence@Key judgment 3 “Nothing else is known.”",
		"source-concern@Excerpt with note 6 “Ship calls doubled at two ports.”",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The thresholds are the caller's: B/2 passes judgment 1 (B2, A1);
	// A/1 with one source's worth of age does not.
	rules := integrity.BasisRules{MinReliability: "A", MinCredibility: 1, MaxAgeMonths: 3}
	ws = NewDocumentWith(b, Context{Rules: &rules}).Warnings()
	codes := map[WarningCode]bool{}
	for _, w := range ws {
		codes[w.Code] = true
	}
	if !codes[WarnBasisStale] {
		t.Errorf("3 months: no stale evidence in %v", codes)
	}
}

func TestBasisInPDFAndMarkdown(t *testing.T) {
	b := basisBundle()
	pdf := pdfBytes(t, b, PDFOptions{})
	if !bytes.Equal(pdf, pdfBytes(t, basisBundle(), PDFOptions{})) {
		t.Error("the same briefing gives different bytes")
	}
	if os.Getenv("ATTACHE_BASIS_PDF") != "" {
		_ = os.WriteFile(os.Getenv("ATTACHE_BASIS_PDF"), pdf, 0o600)
	}
	flat := strings.Join(strings.Fields(poppler(t, pdf, "pdftotext")), " ")
	for _, want := range []string{
		"Basis: 2 sources (B2, A1)1, 2; 1 contradicting3", "Basis: 1 source (A1)4", "Basis: no evidence linked",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF lacks %q:\n%s", want, flat)
		}
	}
	// The guide's tables read row by row.
	flat = strings.Join(strings.Fields(poppler(t, pdf, "pdftotext", "-layout")), " ")
	for _, want := range []string{
		"How to read this assessment", "LIKELIHOOD", "55–80% likely, probable", "Source: Office of the Director of National Intelligence",
		"CONFIDENCE", "High confidence", "Moderate confidence The information is credibly sourced", "SOURCE GRADES", "Reliability B Usually reliable", "Credibility 2 Probably true",
		"3. “A Contrarian View,” Blog, May 1, 2022.",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF lacks %q:\n%s", want, flat)
		}
	}
	// Through the registry, as the command line and the dialog give them.
	pf, _ := Lookup("pdf")
	var viaRegistry bytes.Buffer
	if err := pf.Write(context.Background(), &viaRegistry, b, Options{"basis": "off", "reading-guide": "Leave out"}); err != nil {
		t.Fatal(err)
	}
	off := strings.Join(strings.Fields(poppler(t, viaRegistry.Bytes(), "pdftotext")), " ")
	if strings.Contains(off, "Basis:") || strings.Contains(off, "How to read") {
		t.Errorf("off still prints the basis or guide:\n%s", off)
	}
	var md bytes.Buffer
	if err := WriteMarkdown(context.Background(), &md, b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"1. China is likely reducing its reliance on imported chips. *(High confidence)*\n\n   *Basis: 2 sources (B2, A1)*[^1][^2]*; 1 contradicting*[^3]",
		"[^3]: “A Contrarian View,” Blog", "## How to read this assessment", "| likely, probable | 55–80% |",
		"- **Reliability D**: Not usually reliable",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md.String())
		}
	}
	// Through the registry, the options reach the Markdown writer.
	f, _ := Lookup("md")
	md.Reset()
	if err := f.Write(context.Background(), &md, b, Options{"basis": "Leave out", "reading-guide": "off"}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md.String(), "Basis:") || strings.Contains(md.String(), "How to read") {
		t.Errorf("options ignored:\n%s", md.String())
	}
}

func TestBasisSourceAboveBannerRefused(t *testing.T) {
	b := basisBundle()
	b.Briefing.Scheme = domain.SchemeUS
	b.Briefing.Classification = "U"
	b.Sources[2].Marking = "S"
	ws := NewDocument(b).Refusals()
	if len(ws) != 1 || ws[0].Code != WarnSourceAbove || !strings.Contains(ws[0].Message, "evidence for key judgment 1") {
		t.Fatalf("refusals %+v", ws)
	}
	if ws := NewDocumentWith(b, Context{Basis: "off"}).Refusals(); len(ws) != 0 {
		t.Errorf("the basis left out, its sources still refused: %+v", ws)
	}
}

// A release copy keeps the evidence its readers may see and leaves out,
// and lists, the rest: its citation would print with the basis.
func TestReleaseLeavesOutEvidenceAboveIt(t *testing.T) {
	b := releaseBundle()
	ex := map[int64]*domain.Excerpt{}
	for _, blk := range b.Briefing.Blocks {
		if blk.Excerpt != nil {
			ex[blk.ExcerptID] = blk.Excerpt
		}
	}
	j := b.Briefing.Blocks[0]
	j.Evidence = []domain.Evidence{
		{ExcerptID: 1, Stance: domain.StanceSupports, Excerpt: ex[1], Note: "Alphalinknoteword"},
		{ExcerptID: 3, Stance: domain.StanceSupports, Excerpt: ex[3]},
		{ExcerptID: 2, Stance: domain.StanceContradicts, Excerpt: ex[2], Note: "Bravolinknoteword"},
	}
	copy, dropped, err := Release(b, "uk:O")
	if err != nil {
		t.Fatal(err)
	}
	var ev []string
	for _, d := range dropped {
		if d.Block == 0 {
			ev = append(ev, d.Where+" @ "+d.Mark)
		}
	}
	want := []string{
		"Key judgment 1 “Alphajudgmentword attacks will…”, its evidence “Charliequoteword routes are…” @ SECRET",
		"Key judgment 1 “Alphajudgmentword attacks will…”, its evidence “Bravoquoteword lines are thin.” @ OFFICIAL-SENSITIVE",
	}
	if strings.Join(ev, "\n") != strings.Join(want, "\n") {
		t.Errorf("dropped evidence\n%s\nwant\n%s", strings.Join(ev, "\n"), strings.Join(want, "\n"))
	}
	kept := copy.Briefing.Blocks[0].Evidence
	if len(kept) != 1 || kept[0].ExcerptID != 1 || kept[0].Note != "" || kept[0].Excerpt.Note != "" || len(j.Evidence) != 3 || j.Evidence[0].Note == "" {
		t.Fatalf("kept evidence %+v; the original's %+v", kept, j.Evidence)
	}
	text := poppler(t, pdfBytes(t, copy, PDFOptions{Basis: "on"}), "pdftotext")
	absent(t, "the copy's PDF with its basis", text)
	if !strings.Contains(text, "Basis: 1 source") {
		t.Errorf("the copy's basis is not printed:\n%s", text)
	}
}

func TestMarkdownCellEscapesPipes(t *testing.T) {
	for in, want := range map[string]string{"a | b": `a \| b`, "| a": `\| a`, "plain": "plain", `a \| b`: `a \\\| b`} {
		if got := mdCell(in); got != want {
			t.Errorf("mdCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCitedSourceIDsTakeTheEvidence(t *testing.T) {
	b := basisBundle().Briefing
	b.Blocks = append([]*domain.Block{{Type: domain.BlockExcerpt, ExcerptID: 21, Excerpt: &domain.Excerpt{ID: 21, SourceID: 2}}}, b.Blocks...)
	if got := CitedSourceIDs(b); len(got) != 3 || got[0] != 2 || got[1] != 1 || got[2] != 3 {
		t.Errorf("CitedSourceIDs = %v, want [2 1 3]", got)
	}
}

// A judgment resting on a retracted source says so on its basis line,
// and the sources appendix says when and why, in the PDF and Markdown.
func TestRetractedSourceInPDFAndMarkdown(t *testing.T) {
	at := time.Date(2026, 5, 3, 23, 30, 0, 0, time.FixedZone("X", -5*3600)) // May 4 in UTC
	concerned := func() *domain.Bundle {
		b := basisBundle()
		b.Sources[1].Standing, b.Sources[1].StandingNote, b.Sources[1].StandingAt = domain.StandingRetracted, "figures withdrawn", &at
		check := &domain.SourceCheck{At: time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC), Status: domain.CheckChanged, Detail: "2 paragraphs differ"}
		b.Concerns = map[int64]*domain.SourceConcern{
			2: {SourceID: 2, Concerns: []domain.Concern{domain.ConcernRetracted}, Standing: domain.StandingRetracted, Note: "figures withdrawn", At: at},
			3: {SourceID: 3, Concerns: []domain.Concern{domain.ConcernChanged}, Check: check, At: check.At},
		}
		return b
	}
	pdf := pdfBytes(t, concerned(), PDFOptions{})
	if !bytes.Equal(pdf, pdfBytes(t, concerned(), PDFOptions{})) {
		t.Error("the same briefing gives different bytes")
	}
	flat := strings.Join(strings.Fields(poppler(t, pdf, "pdftotext")), " ")
	for _, want := range []string{
		"Basis: 2 sources (B2, A1)1, 2; 1 contradicting3; 1 on a retracted source",
		"Basis: 1 source (A1)4; 1 on a retracted source",
		"Retracted (4 May 2026): figures withdrawn",
		"Changed since import (rechecked 1 May 2026): 2 paragraphs differ",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF lacks %q:\n%s", want, flat)
		}
	}
	var md bytes.Buffer
	if err := WriteMarkdown(context.Background(), &md, concerned()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"*Basis: 1 source (A1)*[^4]*; 1 on a retracted source*",
		"**Retracted (4 May 2026): figures withdrawn**",
		"**Changed since import (rechecked 1 May 2026): 2 paragraphs differ**",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md.String())
		}
	}
}

// A version's link to an excerpt deleted since is named so on the basis
// line and in its note, never graded "??".
func TestDeletedEvidenceIsNamed(t *testing.T) {
	b := basisBundle()
	b.Briefing.Blocks[1].Evidence = append(b.Briefing.Blocks[1].Evidence, domain.Evidence{ExcerptID: 99, Stance: domain.StanceSupports})
	d := NewDocument(b)
	if got := d.Judgments[1].Basis.Line(); got != "Basis: 1 source (A1), an excerpt since deleted" {
		t.Errorf("basis %q", got)
	}
	text := d.Text()
	if !strings.Contains(text, "5. An excerpt since deleted") || strings.Contains(text, "??") {
		t.Errorf("text:\n%s", text)
	}
}

// A key judgment's confidence is never torn across lines: "(high" at
// the end of one and "confidence)" at the start of the next.
func TestConfidenceStaysOnOneLine(t *testing.T) {
	b := basisBundle()
	var blocks []*domain.Block
	for i := range 40 {
		blocks = append(blocks, &domain.Block{ID: int64(200 + i), Type: domain.BlockJudgment, Confidence: domain.ConfidenceModerate,
			Text: "Controls will widen " + strings.Repeat("x", i) + " over the coming year as more firms apply for licences."})
	}
	b.Briefing.Blocks = blocks
	text := poppler(t, pdfBytes(t, b, PDFOptions{}), "pdftotext", "-layout")
	for _, l := range strings.Split(text, "\n") {
		if strings.HasSuffix(strings.TrimSpace(l), "(moderate") {
			t.Fatalf("the confidence is torn at %q:\n%s", l, text)
		}
	}
	if !strings.Contains(text, "(moderate") {
		t.Fatalf("no confidence printed:\n%s", text)
	}
}

// A briefing's only key judgment with no evidence is said to have none,
// with how to link some in the app and from the command line, naming its
// block.
func TestOneBareJudgmentSaysItHasNoEvidence(t *testing.T) {
	b := &domain.Bundle{Briefing: &domain.Briefing{Title: "One", Blocks: []*domain.Block{
		{ID: 12, Type: domain.BlockJudgment, Text: "Costs will rise.", Confidence: domain.ConfidenceModerate}}}}
	want := "The key judgment has no evidence linked: link the excerpts it rests on, so that its basis shows. " +
		"In the composer, drag an excerpt onto it, or click into it and use Edit → Link evidence to the key judgment… (" + integrity.LinkEvidenceKeys + "); " +
		"from the command line, attache briefing link 12 --supports EXCERPT."
	for _, w := range NewDocument(b).Warnings() {
		if w.Code == WarnBasisNoEvidence {
			if w.Message != want {
				t.Errorf("message\n%s\nwant\n%s", w.Message, want)
			}
			return
		}
	}
	t.Error("no notice for the judgment with no evidence")
}

// The one notice for a briefing that links no evidence at all names every
// judgment's block for the command line, and only the judgments'.
func TestBareJudgmentsNoticeNamesTheirBlocks(t *testing.T) {
	b := &domain.Bundle{Briefing: &domain.Briefing{Title: "Three", Blocks: []*domain.Block{
		{ID: 2, Type: domain.BlockCommentary, Text: "Context first."},
		{ID: 4, Type: domain.BlockJudgment, Text: "Costs will rise.", Confidence: domain.ConfidenceModerate},
		{ID: 5, Type: domain.BlockHeading, Text: "Outlook"},
		{ID: 7, Type: domain.BlockJudgment, Text: "Allies will follow.", Confidence: domain.ConfidenceLow},
		{ID: 9, Type: domain.BlockJudgment, Text: "Prices will fall.", Confidence: domain.ConfidenceHigh}}}}
	var got []Warning
	for _, w := range NewDocument(b).Warnings() {
		if w.Code == WarnBasisNoEvidence {
			got = append(got, w)
		}
	}
	want := "None of the 3 key judgments has evidence linked: link the excerpts each rests on, so that its basis shows. " +
		"In the composer, drag an excerpt onto a judgment, or click into one and use Edit → Link evidence to the key judgment… (" + integrity.LinkEvidenceKeys + "); " +
		"from the command line, attache briefing link 4 --supports EXCERPT, and the same for blocks 7 and 9."
	if len(got) != 1 || got[0].Block != -1 || got[0].Message != want {
		t.Errorf("notices %+v\nwant one saying\n%s", got, want)
	}
}
