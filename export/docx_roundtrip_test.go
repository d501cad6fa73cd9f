package export_test

import (
	"bytes"
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/ingest"
)

// docxBundle is an invented briefing with everything the DOCX writer
// prints: title and subtitle, a bottom line, key judgments with their
// confidence, numbered sections of commentary, excerpts with the
// analyst's notes (included), and marks. Under the US scheme every portion
// carries a mark, U or S, and the banner is SECRET with its authority
// block; under the UK scheme every portion and the whole are OFFICIAL.
func docxBundle(scheme domain.SchemeID) *domain.Bundle {
	src := &domain.Source{ID: 7, Title: "Subsea Cables and the New Geography of Risk", Authors: []string{"Marta Ilić", "Kenji Sato"},
		Publisher: "Centre for Maritime Technology", URL: "https://example.org/reports/2025/subsea-cables", Reliability: "B",
		Text: "Repair ships are scarce — fewer than sixty serve the world’s cables. Ελληνικά: καλώδιο.\n\nInsurers now price sabotage risk explicitly."}
	src.Published, _ = domain.ParseDate("2025-02-14")
	src.SHA256 = domain.TextSHA256(src.Text)
	other := &domain.Source{ID: 8, Title: "Insurance and the Seabed", Publisher: "Lloyd's List", Reliability: "A",
		Text: "Premiums for cable operators rose by a third in 2025."}
	other.Published, _ = domain.ParseDate("2025-09-01")
	other.SHA256 = domain.TextSHA256(other.Text)
	u, s := domain.Marking("U"), domain.Marking("S")
	if scheme == domain.SchemeUK {
		u, s = "uk:O", "uk:O"
	}
	q1 := &domain.Excerpt{ID: 1, SourceID: 7, Quote: "Repair ships are scarce — fewer than sixty serve the world’s cables.", Note: "Capacity is the constraint.", Marking: u}
	q2 := &domain.Excerpt{ID: 2, SourceID: 7, Quote: "Insurers now price sabotage risk explicitly.", Marking: s}
	q3 := &domain.Excerpt{ID: 3, SourceID: 8, Quote: "Premiums for cable operators rose by a third in 2025.", Note: "A second, independent sign.", Marking: u}
	b := &domain.Briefing{ID: 3, Title: "Subsea cables: resilience options for the alliance", Subtitle: "Repair capacity, insurance and chokepoints",
		Author: "Maritime Desk", Audience: "Deputy Minister", Status: domain.StatusFinal, Scheme: scheme, IncludeNotes: true,
		TitleMarking: u, SubtitleMarking: u, SummaryMarking: u,
		Summary: "Repair capacity, not cable supply, limits resilience; pooling repair ships is the cheapest fix."}
	if scheme == domain.SchemeUS {
		b.Authority = domain.Authority{ClassifiedBy: "J. Smith, Director, Maritime Desk", DerivedFrom: "Multiple Sources", DeclassifyOn: "20501231"}
	} else {
		b.Classification = "uk:O"
	}
	b.Date, _ = domain.ParseDate("2026-10-01")
	b.Blocks = []*domain.Block{
		{Type: domain.BlockJudgment, Text: "Sabotage incidents will rise through 2027.", Confidence: domain.ConfidenceModerate, Marking: u},
		{Type: domain.BlockJudgment, Text: "Pooling repair ships would halve outage times.", Confidence: domain.ConfidenceLow, Marking: u},
		{Type: domain.BlockHeading, Text: "Repair capacity", Marking: u},
		{Type: domain.BlockCommentary, Text: "Commentary weighs the options and their costs.\n\nA second paragraph follows.", Marking: u},
		{Type: domain.BlockExcerpt, ExcerptID: 1, Excerpt: q1},
		{Type: domain.BlockExcerpt, ExcerptID: 2, Excerpt: q2},
		{Type: domain.BlockHeading, Text: "Insurance", Marking: u},
		{Type: domain.BlockCommentary, Text: "Markets are already pricing the risk.", Marking: u},
		{Type: domain.BlockExcerpt, ExcerptID: 3, Excerpt: q3},
		{Type: domain.BlockExcerpt, ExcerptID: 1, Excerpt: q1},
	}
	return &domain.Bundle{Briefing: b, Sources: []*domain.Source{src, other}}
}

// writeDOCX exports b through the format registry, as the app does.
func writeDOCX(t testing.TB, b *domain.Bundle, notes string) []byte {
	t.Helper()
	f, ok := export.Lookup("docx")
	if !ok {
		t.Fatal("no docx format")
	}
	var buf bytes.Buffer
	if err := f.Write(context.Background(), &buf, b, export.Options{"notes": notes}); err != nil {
		t.Fatalf("DOCX export (%s): %v", notes, err)
	}
	return buf.Bytes()
}

// norm collapses whitespace (no-break spaces too), as the importer and
// Word's layout treat runs of it alike.
func norm(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

func TestDOCXRoundTrip(t *testing.T) {
	for _, scheme := range []domain.SchemeID{domain.SchemeUS, domain.SchemeUK} {
		for _, notes := range []string{"footnotes", "endnotes"} {
			t.Run(string(scheme)+"/"+notes, func(t *testing.T) {
				b := docxBundle(scheme)
				d := export.NewDocument(b)
				if len(d.Refusals()) > 0 {
					t.Fatalf("the fixture is refused: %v", d.Refusals())
				}
				data := writeDOCX(t, b, notes)
				export.CheckDOCX(t, data)
				checkNoteParts(t, data, d, notes)
				checkHeadingStyles(t, data, d)
				checkBanner(t, data, d)
				checkImported(t, data, d)
			})
		}
	}
}

// checkNoteParts: every citation is a note of the kind asked for, in its
// part, and none of the other kind.
func checkNoteParts(t *testing.T, data []byte, d *export.Document, notes string) {
	kind, other := "footnote", "endnote"
	if notes == "endnotes" {
		kind, other = other, kind
	}
	if got := export.DOCXCount(t, data, "word/document.xml", kind+"Reference"); got != len(d.Notes) {
		t.Errorf("document.xml has %d w:%sReference, want one per note: %d", got, kind, len(d.Notes))
	}
	if got := export.DOCXCount(t, data, "word/document.xml", other+"Reference"); got != 0 {
		t.Errorf("document.xml has %d w:%sReference under %s=%s", got, other, "notes", notes)
	}
	// The notes are numbered 1, 2, 3 as in the PDF and the importer's
	// [n]; Word numbers endnotes i, ii, iii unless told otherwise.
	if f := export.DOCXNoteFormat(t, data, kind); f != "decimal" {
		t.Errorf("%ss are numbered in format %q, want decimal as in the PDF (settings.xml w:%sPr/w:numFmt)", kind, f, kind)
	}
}

// checkHeadingStyles: each section heading is a paragraph in a built-in
// heading style, which Word's navigation pane and table of contents use.
// The heading's paragraph is its portion and text after the section
// number ("1  (U) Repair capacity"), not any paragraph mentioning it.
func checkHeadingStyles(t *testing.T, data []byte, d *export.Document) {
	paras := export.DOCXParagraphs(t, data)
	for _, it := range d.Body {
		if it.Type != domain.BlockHeading {
			continue
		}
		found := false
		for _, p := range paras {
			if sectionNumber.ReplaceAllString(norm(p.Text), "") != norm(it.Portion+it.Text) {
				continue
			}
			found = true
			if !strings.HasPrefix(strings.ToLower(p.Style), "heading ") {
				t.Errorf("heading %q is in style %q, want a built-in heading style", it.Text, p.Style)
			}
		}
		if !found {
			t.Errorf("no paragraph is heading %q", it.Portion+it.Text)
		}
	}
}

// sectionNumber is a heading's number, "2 " or "2.1. ".
var sectionNumber = regexp.MustCompile(`^[0-9]+(\.[0-9]+)*\.? `)

// checkBanner: the banner is at the top and bottom of every page, so in
// the headers and the footers.
func checkBanner(t *testing.T, data []byte, d *export.Document) {
	if d.Banner == "" {
		t.Fatal("the fixture has no banner")
	}
	for _, local := range []string{"hdr", "ftr"} {
		texts := export.DOCXPartText(t, data, local)
		if len(texts) == 0 {
			t.Errorf("no w:%s part: the banner %q is not on every page", local, d.Banner)
		}
		for i, x := range texts {
			if !strings.Contains(x, d.Banner) {
				t.Errorf("w:%s part %d reads %q, without the banner %q", local, i+1, x, d.Banner)
			}
		}
	}
}

// checkImported reads the DOCX back with Attaché's own importer: the
// title, every portion with its mark, the notes' numbers after the quotes
// and the notes' text must come back.
func checkImported(t *testing.T, data []byte, d *export.Document) {
	src, _, err := ingest.Import("briefing.docx", bytes.NewReader(data), ingest.Options{})
	if err != nil {
		t.Fatalf("the importer refuses the DOCX: %v", err)
	}
	if !strings.Contains(src.Title, d.Briefing.Title) {
		t.Errorf("imported title %q, want %q", src.Title, d.Briefing.Title)
	}
	var paras []string
	for _, p := range strings.Split(src.Text, "\n\n") {
		paras = append(paras, norm(p))
	}
	all := norm(src.Title + "\n" + src.Subtitle + "\n" + src.Text)
	want := func(what, s string) {
		if !strings.Contains(all, norm(s)) {
			t.Errorf("%s %q is not in the imported text", what, s)
		}
	}
	want("subtitle", d.SubtitlePortion+d.Briefing.Subtitle)
	want("bottom line", d.SummaryPortion+d.Briefing.Summary)
	for _, j := range d.Judgments {
		want("key judgment", j.Portion+j.Text)
		if j.Confidence != "" { // lower case after the judgment, as in the PDF
			want("confidence", "("+strings.ToLower(j.Confidence)+")")
		}
	}
	seen := map[string]int{} // a quote cited twice is found twice
	for _, it := range d.Body {
		checkItem(t, paras, seen, it, want)
	}
	for _, n := range d.Notes {
		want("note", "["+strconv.Itoa(n.Num)+"] "+n.Text)
	}
}

func checkItem(t *testing.T, paras []string, seen map[string]int, it export.Item, want func(string, string)) {
	switch it.Type {
	case domain.BlockHeading:
		want("heading", it.Portion+it.Text)
	case domain.BlockCommentary:
		for i, p := range strings.Split(it.Text, "\n\n") {
			if i == 0 {
				p = it.Portion + p
			}
			want("commentary", p)
		}
	case domain.BlockExcerpt:
		p := paraWith(paras, it.Text, seen[it.Text])
		seen[it.Text]++
		switch {
		case p == "":
			t.Errorf("quote %q is not in the imported text", it.Text)
		case !strings.Contains(p, "["+strconv.Itoa(it.Note)+"]"):
			t.Errorf("quote %q has no note [%d]: %q", it.Text, it.Note, p)
		case it.Portion != "" && !strings.Contains(p[:strings.Index(p, norm(it.Text))], norm(it.Portion)):
			t.Errorf("quote %q is not preceded by its mark %q: %q", it.Text, it.Portion, p)
		}
		if it.Comment != "" {
			want("analyst note", it.Comment)
		}
	}
}

// paraWith is the nth (from 0) imported paragraph holding s, "" for none.
func paraWith(paras []string, s string, nth int) string {
	for _, p := range paras {
		if strings.Contains(p, norm(s)) {
			if nth == 0 {
				return p
			}
			nth--
		}
	}
	return ""
}

func TestDOCXIsDeterministic(t *testing.T) {
	for _, notes := range []string{"footnotes", "endnotes"} {
		a := writeDOCX(t, docxBundle(domain.SchemeUS), notes)
		b := writeDOCX(t, docxBundle(domain.SchemeUS), notes)
		if !bytes.Equal(a, b) {
			t.Errorf("two %s exports of one briefing differ (%d and %d bytes)", notes, len(a), len(b))
		}
	}
}
