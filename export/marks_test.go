package export

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// refusalOf exports b in every format but JSON and returns the refusal,
// failing unless each format refused it the same way and wrote nothing.
func refusalOf(t *testing.T, b *domain.Bundle) *Refusal {
	t.Helper()
	var first *Refusal
	for _, name := range []string{"pdf", "md", "docx"} {
		f, _ := Lookup(name)
		var buf bytes.Buffer
		err := f.Write(context.Background(), &buf, b, nil)
		var r *Refusal
		if !errors.As(err, &r) || buf.Len() != 0 {
			t.Fatalf("%s: %v (%d bytes written), want a refusal and nothing written", name, err, buf.Len())
		}
		if domain.ErrorCode(err) != domain.EINVALID || domain.ErrorMessage(err) != r.Error() {
			t.Errorf("%s: code %q, message %q: want EINVALID and the refusal", name, domain.ErrorCode(err), domain.ErrorMessage(err))
		}
		if first != nil && first.Error() != r.Error() {
			t.Errorf("%s refuses otherwise than PDF:\n%s\n%s", name, r.Error(), first.Error())
		}
		first = r
	}
	// JSON is the analyst's own copy of the data: never refused.
	js, _ := Lookup("json")
	var buf bytes.Buffer
	if err := js.Write(context.Background(), &buf, b, nil); err != nil || buf.Len() == 0 {
		t.Errorf("JSON refused: %v", err)
	}
	return first
}

// The reproduction of #14: under the UK scheme, the OFFICIAL chosen, a
// commentary marked (U) under the US scheme. The export is refused, naming
// the portion; it never comes out UNCLASSIFIED.
func TestForeignPortionIsRefusedByName(t *testing.T) {
	b := schemeBundle(domain.SchemeUK, "uk:O", "uk:O", "uk:O")
	b.Briefing.Blocks[2].Marking = domain.MarkingUnclassified // Approach 1's first commentary
	r := refusalOf(t, b)
	if len(r.Problems) != 1 {
		t.Fatalf("problems %+v, want the one portion", r.Problems)
	}
	p := r.Problems[0]
	want := "Section 1, first block, commentary “Commentary on the ports weighs…”: UNCLASSIFIED is a US marking, and this briefing uses UK markings " +
		"(OFFICIAL, OFFICIAL-SENSITIVE, SECRET or TOP SECRET, with UK EYES ONLY): mark it again with one of those, or choose the US scheme in the briefing's details."
	if p.Code != WarnForeignMarking || p.Block != 2 || !p.Refuse || p.Message != want {
		t.Errorf("refusal %+v,\nwant the message %q", p, want)
	}
}

// The reproduction's other outcome: a UK briefing marked OFFICIAL
// throughout carries OFFICIAL on every page, never UNCLASSIFIED.
func TestUKOfficialBannerOnEveryPage(t *testing.T) {
	b := schemeBundle(domain.SchemeUK, "uk:O", "uk:O", "uk:O")
	pdf := pdfBytes(t, b, PDFOptions{})
	pages := pageTexts(t, pdf)
	for p, lines := range pages {
		if lines[0] != "OFFICIAL" || lines[len(lines)-1] != "OFFICIAL" {
			t.Errorf("page %d: banners %q / %q", p+1, lines[0], lines[len(lines)-1])
		}
	}
	if text := poppler(t, pdf, "pdftotext"); strings.Contains(text, "UNCLASSIFIED") || len(pages) < 2 {
		t.Errorf("%d pages, UNCLASSIFIED printed: %v", len(pages), strings.Contains(text, "UNCLASSIFIED"))
	}
	// And without an overall marking chosen, the banner is the highest
	// portion's, OFFICIAL too.
	b.Briefing.Classification = ""
	if d := NewDocument(b); d.Banner != "OFFICIAL" || len(d.Refusals()) != 0 {
		t.Errorf("banner %q, refusals %+v", d.Banner, d.Refusals())
	}
}

// A marking typed as free text before schemes reads as US and is
// refused, saying whose marking it is and what to choose.
func TestFreeTextMarkingIsRefusedSayingWhoseItIs(t *testing.T) {
	b := schemeBundle(domain.SchemeUS, "U", "U", "U")
	b.Briefing.Classification = "OFFICIAL"
	r := refusalOf(t, b)
	want := `The briefing's overall marking: "OFFICIAL" is not a US marking (it is a UK or Australian one): use UNCLASSIFIED, CUI, CONFIDENTIAL, SECRET or TOP SECRET, with NOFORN or REL TO ….`
	if len(r.Problems) != 1 || r.Problems[0].Message != want || r.Problems[0].Where != "The briefing's overall marking" {
		t.Errorf("problems %+v,\nwant %q", r.Problems, want)
	}
	// The banner shows what was typed, never a replacement.
	if d := NewDocument(b); d.Banner != "OFFICIAL" || !d.Mark.IsZero() {
		t.Errorf("banner %q (%+v)", d.Banner, d.Mark)
	}
	// A briefing with marks and no scheme (written before schemes and not
	// read as US) is refused too, saying which scheme the marks are.
	b = schemeBundle(domain.SchemeUS, "U", "U", "U")
	b.Briefing.Scheme = ""
	if r := refusalOf(t, b); !strings.Contains(r.Error(), "UNCLASSIFIED is a US marking, and this briefing uses no markings: choose the US scheme") {
		t.Errorf("refusal:\n%s", r.Error())
	}
}

// A portion above the overall marking the analyst chose is refused,
// named as the issue asks; the chosen marking is never raised silently.
func TestPortionAboveTheChosenMarkingIsRefused(t *testing.T) {
	b := schemeBundle(domain.SchemeUK, "uk:O", "uk:O", "uk:O")
	b.Briefing.Blocks[4].Text = "The claim dates from the 2019 review and was never checked."
	b.Briefing.Blocks[4].Marking = "uk:S" // Approach 1's third block
	r := refusalOf(t, b)
	want := "Section 1, third block, commentary “The claim dates from the 2019…” is SECRET, above the OFFICIAL chosen for the briefing: raise the briefing's marking or lower the portion's."
	if len(r.Problems) != 1 || r.Problems[0].Message != want || r.Problems[0].Code != WarnAboveOverall {
		t.Errorf("problems %+v,\nwant %q", r.Problems, want)
	}
	if d := NewDocument(b); d.Banner != "OFFICIAL" {
		t.Errorf("banner %q: the chosen OFFICIAL was replaced", d.Banner)
	}
	// A caveat the overall marking lacks is refused too.
	b = schemeBundle(domain.SchemeUS, "S", "S", "U")
	b.Briefing.Blocks[0].Marking = "S//NOFORN"
	r = refusalOf(t, b)
	want = "Key judgment 1 “Crane attacks will rise.” carries NOFORN, which the briefing's marking SECRET lacks: change the briefing's marking or the portion's so that they agree."
	if len(r.Problems) != 1 || r.Problems[0].Message != want {
		t.Errorf("problems %+v,\nwant %q", r.Problems, want)
	}
}

// While portion marks are in use, every unmarked portion is refused by
// name: the title, subtitle, bottom line, headings, commentary,
// judgments and excerpts.
func TestEveryUnmarkedPortionIsNamed(t *testing.T) {
	b := schemeBundle(domain.SchemeUS, "", "U", "")
	br := b.Briefing
	br.Blocks[0].Marking = ""                         // the judgment
	br.Blocks[2].Marking = domain.MarkingUnclassified // one commentary marked: marks are in use
	b.Briefing.Blocks[3].Excerpt = &domain.Excerpt{ID: 2, SourceID: 1, Quote: "Insurers have noticed."}
	r := refusalOf(t, b)
	var where []string
	for _, p := range r.Problems {
		if p.Code != WarnUnmarkedPortion {
			t.Errorf("unexpected %+v", p)
		}
		where = append(where, p.Where)
	}
	got := strings.Join(where, "\n")
	for _, want := range []string{"The title", "The subtitle", "The bottom line up front", "Key judgment 1 “Crane attacks will rise.”",
		"The heading of section 1 “Approach 1”", "Section 1, third block, commentary “Commentary on the ports weighs…”",
		"Excerpt with note 1 “Insurers have noticed.”", "The heading of section 3 “Approach 3”"} {
		if !strings.Contains(got, want+"\n") && !strings.HasSuffix(got, want) {
			t.Errorf("the refusal does not name %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Section 1, first block") {
		t.Errorf("the marked commentary is named:\n%s", got)
	}
	// Each is one line of the error, for the command line.
	if n := strings.Count(r.Error(), "\n") + 1; n != len(r.Problems) {
		t.Errorf("%d lines for %d problems", n, len(r.Problems))
	}
}

// A classified US briefing needs its authority block; the refusal names
// the lines missing. Other schemes have none.
func TestClassifiedUSBriefingNeedsItsAuthorityBlock(t *testing.T) {
	b := schemeBundle(domain.SchemeUS, "S", "S", "U")
	b.Briefing.Authority = domain.Authority{ClassifiedBy: "J. Smith"}
	r := refusalOf(t, b)
	want := "The briefing is SECRET, so its first page carries the classification authority block, which lacks Derived From and Declassify On: add them in the briefing's details."
	if len(r.Problems) != 1 || r.Problems[0].Message != want || r.Problems[0].Code != WarnMissingAuthority {
		t.Errorf("problems %+v,\nwant %q", r.Problems, want)
	}
	// CUI carries the designation indicator: "Controlled By" required,
	// the category and the point of contact printed when given.
	b = schemeBundle(domain.SchemeUS, "CUI", "CUI", "U")
	b.Briefing.Authority = domain.Authority{}
	want = "The briefing is CUI, so its first page carries the CUI designation indicator, which lacks Controlled By: add it in the briefing's details."
	if r := NewDocument(b).Refusals(); len(r) != 1 || r[0].Message != want {
		t.Errorf("a CUI briefing without its indicator: %+v", r)
	}
	b.Briefing.Authority = domain.Authority{ClassifiedBy: "Department of Commerce, BIS", DeclassifyOn: "J. Smith, 202-555-0100"}
	if d := NewDocument(b); !slices.Equal(d.Authority, []string{"Controlled By: Department of Commerce, BIS", "POC: J. Smith, 202-555-0100"}) || len(d.Refusals()) != 0 {
		t.Errorf("a CUI briefing: indicator %q, refusals %+v", d.Authority, d.Refusals())
	}
	// Unclassified: no block, nothing missing.
	b = schemeBundle(domain.SchemeUS, "U", "U", "U")
	b.Briefing.Authority = domain.Authority{}
	if d := NewDocument(b); d.Authority != nil || len(d.Refusals()) != 0 {
		t.Errorf("an UNCLASSIFIED briefing: authority %q, refusals %+v", d.Authority, d.Refusals())
	}
	// Australian PROTECTED is classified, but the scheme has no block.
	b = schemeBundle(domain.SchemeAU, "au:P", "au:P", "au:O")
	b.Briefing.Authority = domain.Authority{}
	if d := NewDocument(b); d.Authority != nil || len(d.Refusals()) != 0 {
		t.Errorf("an Australian briefing: authority %q, refusals %+v", d.Authority, d.Refusals())
	}
}

// Under TLP the briefing's label must cover every excerpt's, which keeps
// its source's; the parts themselves carry none, so none is "unmarked".
func TestTLPLabelMustCoverTheExcerpts(t *testing.T) {
	b := schemeBundle(domain.SchemeTLP, "tlp:GREEN", "tlp:RED", "")
	r := refusalOf(t, b)
	if len(r.Problems) != 9 || !strings.HasPrefix(r.Problems[0].Message, "Excerpt with note 1 “Cranes are the weak point of…” is TLP:RED, above the TLP:GREEN chosen") {
		t.Errorf("problems (%d):\n%s", len(r.Problems), r.Error())
	}
	b = schemeBundle(domain.SchemeTLP, "", "tlp:AMBER", "")
	if d := NewDocument(b); d.Banner != "TLP:AMBER" || len(d.Refusals()) != 0 || d.Marked {
		t.Errorf("banner %q, marked %v, refusals %+v", d.Banner, d.Marked, d.Refusals())
	}
}

// The analyst's notes are private: printed nowhere unless the briefing
// includes them, and then the warnings say so.
func TestAnalystNotesArePrivateUnlessIncluded(t *testing.T) {
	const note = "Ask the desk before quoting this"
	b := schemeBundle(domain.SchemeUK, "uk:O", "uk:O", "uk:O")
	b.Briefing.Blocks[3].Excerpt = &domain.Excerpt{ID: 2, SourceID: 1, Quote: "Insurers have noticed.", Marking: "uk:O", Note: note}
	for _, include := range []bool{false, true} {
		b.Briefing.IncludeNotes = include
		var md bytes.Buffer
		if err := WriteMarkdown(context.Background(), &md, b); err != nil {
			t.Fatal(err)
		}
		pdf := strings.Join(strings.Fields(poppler(t, pdfBytes(t, b, PDFOptions{}), "pdftotext")), " ")
		d := NewDocument(b)
		for name, out := range map[string]string{"Markdown": md.String(), "PDF": pdf, "text": d.Text()} {
			if strings.Contains(out, note) != include {
				t.Errorf("include %v: the note in the %s: %v", include, name, !include)
			}
		}
		said := false
		for _, w := range d.Warnings() {
			if w.Code == WarnNotesIncluded {
				said = !w.Refuse && w.Message == "Analyst notes on excerpts are included in this export, each under its excerpt's portion mark."
			}
		}
		if said != include {
			t.Errorf("include %v: the warnings say notes are included: %v", include, said)
		}
	}
	b.Briefing.IncludeNotes = false
	withNote := NewDocument(b).Words()
	b.Briefing.Blocks[3].Excerpt.Note = ""
	if NewDocument(b).Words() != withNote {
		t.Error("a private note counts toward the words a reader reads")
	}
}

func TestPortionNamesAreShortAndFindable(t *testing.T) {
	for in, want := range map[string]string{
		"Short.": "“Short.”",
		"The claim dates from the 2019 review and was never checked.": "“The claim dates from the 2019…”",
		"  spaced\n\nout  ":                     "“spaced out”",
		strings.Repeat("Ελληνικά ", 40):         "“Ελληνικά Ελληνικά Ελληνικά…”",
		strings.Repeat(" ", 300) + "late words": "“…”",
	} {
		if got := quoted(in); got != want {
			t.Errorf("quoted(%.20q) = %q, want %q", in, got, want)
		}
	}
	for n, want := range map[int]string{1: "first", 3: "third", 10: "tenth", 11: "11th", 21: "21st", 22: "22nd", 23: "23rd", 112: "112th"} {
		if got := ordinal(n); got != want {
			t.Errorf("ordinal(%d) = %q, want %q", n, got, want)
		}
	}
	b := schemeBundle(domain.SchemeUS, "U", "U", "U")
	b.Briefing.Blocks = append([]*domain.Block{{Type: domain.BlockCommentary, Text: "Opening words.", Marking: "U"}}, b.Briefing.Blocks...)
	if w := NewDocument(b).Body[0].Where; w != "Before section 1, first block, commentary “Opening words.”" {
		t.Errorf("an opening commentary is %q", w)
	}
	b.Briefing.Blocks = b.Briefing.Blocks[:1]
	if w := NewDocument(b).Body[0].Where; w != "The body's first block, commentary “Opening words.”" {
		t.Errorf("without sections, a commentary is %q", w)
	}
}
