package export

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/interchange"
)

// releaseBundle is a UK briefing with portions at three levels. Words
// that end in "word" belong to one portion (or its source, tag, note or
// URL) each: alpha… to OFFICIAL ones, bravo… to OFFICIAL-SENSITIVE,
// charlie… to SECRET, delta… to an OFFICIAL heading with only a SECRET
// commentary under it.
func releaseBundle() *domain.Bundle {
	const o, os, s = "uk:O", "uk:OS", "uk:S"
	shared := &domain.Source{ID: 1, Title: "Alphaword Harbour Review", Publisher: "Port Authority", Text: "Cranes are weak. Bravosharedword insurers noticed.", Marking: o}
	bravoSrc := &domain.Source{ID: 2, Title: "Bravoword Sensitive Assessment", Authors: []string{"Bravoauthorword"}, Publisher: "Bravopublisherword",
		URL: "https://example.org/bravourlword", Text: "Bravoquoteword lines are thin.", Marking: os}
	charlieSrc := &domain.Source{ID: 3, Title: "Charlieword Secret Annex", Authors: []string{"Charlieauthorword"},
		URL: "https://example.org/charlieurlword", Text: "Charliequoteword routes are known.", Marking: s}
	ex := func(id int64, src *domain.Source, quote string, m domain.Marking, note string, tags ...string) *domain.Block {
		e := &domain.Excerpt{ID: id, SourceID: src.ID, Quote: quote, Marking: m, Note: note, Tags: tags}
		return &domain.Block{Type: domain.BlockExcerpt, ExcerptID: id, Excerpt: e}
	}
	b := &domain.Briefing{ID: 9, Title: "Alphaword harbour security", Subtitle: "Charliesubtitleword options", Status: domain.StatusFinal,
		Scheme: domain.SchemeUK, Classification: s, TitleMarking: o, SubtitleMarking: s, SummaryMarking: os, IncludeNotes: true,
		Summary: "Bravosummaryword: fund crane isolation first.",
		Blocks: []*domain.Block{
			{Type: domain.BlockJudgment, Text: "Alphajudgmentword attacks will rise.", Marking: o},
			{Type: domain.BlockJudgment, Text: "Charliejudgmentword routes are exposed.", Marking: s},
			{Type: domain.BlockHeading, Text: "Alphaheadingword approaches", Marking: o},
			{Type: domain.BlockCommentary, Text: "Alphacommentword: the cranes matter most.", Marking: o},
			ex(1, shared, "Cranes are weak.", o, "Alphanoteword check the date.", "alphatagword"),
			{Type: domain.BlockCommentary, Text: "Bravocommentword: the lines are thin.", Marking: os},
			ex(2, bravoSrc, "Bravoquoteword lines are thin.", os, "Bravonoteword ask the desk.", "bravotagword"),
			{Type: domain.BlockHeading, Text: "Charlieheadingword routes", Marking: s},
			ex(3, charlieSrc, "Charliequoteword routes are known.", s, "Charlienoteword handle with care.", "charlietagword"),
			ex(4, shared, "Bravosharedword insurers noticed.", os, "", "bravotag2word"),
			{Type: domain.BlockHeading, Text: "Deltaheadingword outlook", Marking: o},
			{Type: domain.BlockCommentary, Text: "Deltacommentword: the annex says more.", Marking: s},
			{Type: domain.BlockJudgment, Text: "Alphalastjudgmentword it will pass.", Marking: o},
		}}
	b.Date, _ = domain.ParseDate("2026-03-02")
	return &domain.Bundle{Briefing: b, Sources: []*domain.Source{shared, bravoSrc, charlieSrc}}
}

var droppedWords = []string{"bravo", "charlie", "delta"}

// absent fails if any dropped word is in out, in any case.
func absent(t *testing.T, what, out string) {
	t.Helper()
	low := strings.ToLower(out)
	for _, w := range droppedWords {
		if i := strings.Index(low, w); i >= 0 {
			t.Errorf("%s holds %q: …%s…", what, w, out[max(0, i-40):min(len(out), i+40)])
		}
	}
}

// absentBytes fails if any dropped word is in b as UTF-8 or as the
// UTF-16 text strings and content streams hold, in any case.
func absentBytes(t *testing.T, what string, b []byte) {
	t.Helper()
	low := bytes.ToLower(b)
	for _, w := range droppedWords {
		u := utf16.Encode([]rune(w))
		wide := make([]byte, 0, 2*len(u))
		for _, c := range u {
			wide = append(wide, byte(c>>8), byte(c))
		}
		if bytes.Contains(low, []byte(w)) || bytes.Contains(low, wide) {
			t.Errorf("%s holds %q", what, w)
		}
	}
}

// A release copy at OFFICIAL of a briefing with OFFICIAL,
// OFFICIAL-SENSITIVE and SECRET portions holds nothing of the portions
// above OFFICIAL: not their text, sources, tags, notes, URLs or headings,
// in the PDF's text, metadata, outline, or anywhere in the file, its
// streams inflated; nor in the Markdown.
func TestReleaseCopyHoldsNothingOfDroppedPortions(t *testing.T) {
	orig := releaseBundle()
	before := NewDocument(orig).Text()
	copy, dropped, err := Release(orig, "uk:O")
	if err != nil {
		t.Fatal(err)
	}
	if NewDocument(orig).Text() != before {
		t.Fatal("Release changed the briefing it copied")
	}
	want := []Dropped{
		{Block: -1, Where: "The subtitle", Mark: "SECRET"},
		{Block: -1, Where: "The bottom line up front", Mark: "OFFICIAL-SENSITIVE"},
		{Block: 1, Where: "Key judgment 2 “Charliejudgmentword routes are…”", Mark: "SECRET"},
		{Block: 5, Where: "Section 1, third block, commentary “Bravocommentword: the lines are…”", Mark: "OFFICIAL-SENSITIVE"},
		{Block: 6, Where: "Excerpt with note 2 “Bravoquoteword lines are thin.”", Mark: "OFFICIAL-SENSITIVE"},
		{Block: 7, Where: "The heading of section 2 “Charlieheadingword routes”", Mark: "SECRET"},
		{Block: 8, Where: "Excerpt with note 3 “Charliequoteword routes are…”", Mark: "SECRET"},
		{Block: 9, Where: "Excerpt with note 4 “Bravosharedword insurers…”", Mark: "OFFICIAL-SENSITIVE"},
		{Block: 10, Where: "The heading of section 3 “Deltaheadingword outlook”, left with nothing under it", Mark: "OFFICIAL"},
		{Block: 11, Where: "Section 3, first block, commentary “Deltacommentword: the annex…”", Mark: "SECRET"},
		{Block: -1, Where: "Analyst notes on excerpts (a release copy carries none)"},
	}
	if len(dropped) != len(want) {
		t.Fatalf("dropped %+v, want %d", dropped, len(want))
	}
	for i := range want {
		if dropped[i] != want[i] {
			t.Errorf("dropped %d = %+v, want %+v", i, dropped[i], want[i])
		}
	}
	br := copy.Briefing
	if br.Classification != "uk:O" || len(br.Blocks) != 5 || len(copy.Sources) != 1 || copy.Sources[0].ID != 1 {
		t.Fatalf("copy: marking %q, %d blocks, sources %+v", br.Classification, len(br.Blocks), copy.Sources)
	}

	pdf := pdfBytes(t, copy, PDFOptions{})
	text := poppler(t, pdf, "pdftotext")
	absent(t, "the PDF's text", text)
	for _, kept := range []string{"Alphaword harbour security", "Alphajudgmentword", "Alphalastjudgmentword", "Alphaheadingword", "Alphacommentword",
		"Cranes are weak.", "Alphaword Harbour Review"} {
		if !strings.Contains(text, kept) {
			t.Errorf("the copy lost %q, which it may carry", kept)
		}
	}
	if strings.Contains(text, "Alphanoteword") {
		t.Error("the copy prints an analyst note, which no one marked")
	}
	for p, lines := range pageTexts(t, pdf) {
		if lines[0] != "OFFICIAL" || lines[len(lines)-1] != "OFFICIAL" {
			t.Errorf("page %d: banners %q / %q, want OFFICIAL", p+1, lines[0], lines[len(lines)-1])
		}
	}
	info := poppler(t, pdf, "pdfinfo")
	absent(t, "pdfinfo", info)
	if !strings.Contains(info, "Keywords:        alphatagword\n") {
		t.Errorf("pdfinfo keywords are not the copy's tags:\n%s", info)
	}
	outline := outlineTitles(pdf)
	absent(t, "the outline", strings.Join(outline, "\n"))
	if strings.Join(outline, "|") != "Key judgments|1. Alphaheadingword approaches|Notes|Sources" {
		t.Errorf("outline %q", outline)
	}
	absentBytes(t, "the PDF file", pdf)
	for i, s := range pdfStreams(t, pdf) {
		absentBytes(t, "a stream, inflated ("+string(rune('0'+i%10))+")", s.data)
	}
	var md bytes.Buffer
	if err := WriteMarkdown(context.Background(), &md, copy); err != nil {
		t.Fatal(err)
	}
	absent(t, "the Markdown", md.String())
	// Nor does the copy itself, whatever it is written to: the kept
	// source's text held a left-out excerpt's words.
	var js bytes.Buffer
	if err := interchange.WriteJSON(&js, copy); err != nil {
		t.Fatal(err)
	}
	absent(t, "the copy as JSON", js.String())
	if src := copy.Sources[0]; src.Text != "" || src.SHA256 != domain.TextSHA256(orig.Sources[0].Text) {
		t.Errorf("the kept source: text %q, SHA-256 %q", src.Text, src.SHA256)
	}
	// The scan finds the words where they are: the original's export has
	// every one of them.
	orig.Briefing.Classification, orig.Briefing.Subtitle = "uk:S", "Charliesubtitleword options"
	full := pdfBytes(t, orig, PDFOptions{})
	for _, w := range droppedWords {
		if !strings.Contains(strings.ToLower(poppler(t, full, "pdftotext")), w) {
			t.Errorf("the original's PDF lacks %q: the test proves nothing", w)
		}
	}
}

func TestReleaseRefusesWhatItCannotDecide(t *testing.T) {
	b := releaseBundle()
	b.Briefing.TitleMarking = "uk:OS"
	if _, _, err := Release(b, "uk:O"); domain.ErrorCode(err) != domain.EINVALID ||
		!strings.Contains(err.Error(), "the title is OFFICIAL-SENSITIVE, which readers cleared to OFFICIAL may not see, and a release copy cannot leave out its title: lower the title's marking") {
		t.Errorf("title above the release level: %v", err)
	}
	b = releaseBundle()
	b.Briefing.Blocks[3].Marking = ""
	_, _, err := Release(b, "uk:O")
	var r *Refusal
	if !errors.As(err, &r) || len(r.Problems) != 1 || r.Problems[0].Where != "Section 1, first block, commentary “Alphacommentword: the cranes…”" {
		t.Errorf("an unmarked portion: %v", err)
	}
	b = releaseBundle()
	if _, _, err := Release(b, "OFFICIAL"); domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(err.Error(), "is not a marking of any scheme") {
		t.Errorf("a US-read marking under UK: %v", err)
	}
	if _, _, err := Release(b, "S"); domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(err.Error(), "SECRET is a US marking") {
		t.Errorf("a US marking: %v", err)
	}
	if _, _, err := Release(b, ""); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("no marking: %v", err)
	}
	// No portion marks at all: nothing tells what may go.
	plain := schemeBundle(domain.SchemeUK, "uk:S", "", "")
	if _, _, err := Release(plain, "uk:O"); domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(err.Error(), "carry no marks") {
		t.Errorf("no portion marks: %v", err)
	}
	none := schemeBundle(domain.SchemeNone, "", "", "")
	if _, _, err := Release(none, "uk:O"); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("no scheme: %v", err)
	}
}

// Under TLP the copy drops the excerpts whose label the colour does not
// cover; the briefing's own label covers the analyst's words, so a
// release below it is refused rather than relabelling them.
func TestReleaseUnderTLP(t *testing.T) {
	b := schemeBundle(domain.SchemeTLP, "tlp:RED", "tlp:RED", "")
	if _, _, err := Release(b, "tlp:AMBER"); domain.ErrorCode(err) != domain.EINVALID ||
		!strings.Contains(err.Error(), "the briefing is labelled TLP:RED, and that label covers its own text") {
		t.Fatalf("a TLP:RED briefing released at AMBER: %v", err)
	}
	b = schemeBundle(domain.SchemeTLP, "tlp:AMBER", "tlp:RED", "")
	b.Sources = append(b.Sources, &domain.Source{ID: 2, Title: "Insurers' Gazette", Marking: "tlp:GREEN", Text: "Insurers have noticed."})
	b.Briefing.Blocks[3].Excerpt = &domain.Excerpt{ID: 2, SourceID: 2, Quote: "Insurers have noticed.", Marking: "tlp:GREEN"}
	copy, dropped, err := Release(b, "tlp:AMBER")
	if err != nil {
		t.Fatal(err)
	}
	if len(dropped) != 8 || copy.Briefing.Classification != "tlp:AMBER" || len(copy.Sources) != 1 {
		t.Fatalf("dropped %d, label %q, %d sources", len(dropped), copy.Briefing.Classification, len(copy.Sources))
	}
	d := NewDocument(copy)
	if d.Banner != "TLP:AMBER" || len(d.Refusals()) != 0 || len(d.Notes) != 1 || d.Body[2].Text != "Insurers have noticed." {
		t.Errorf("banner %q, refusals %+v, %d notes", d.Banner, d.Refusals(), len(d.Notes))
	}
}

// The overall marking the analyst chose stands in the copy when the
// release level covers it: a whole may be marked above its parts.
func TestReleaseKeepsTheChosenMarkingItCovers(t *testing.T) {
	b := schemeBundle(domain.SchemeUS, "C", "U", "U")
	for at, want := range map[domain.Marking]domain.Marking{"C": "C", "S": "C", "U": "U"} {
		copy, dropped, err := Release(b, at)
		if err != nil || len(dropped) != 0 || copy.Briefing.Classification != want {
			t.Errorf("at %s: %v, dropped %+v, marking %q, want %q", at, err, dropped, copy.Briefing.Classification, want)
		}
	}
	tlp := schemeBundle(domain.SchemeTLP, "tlp:AMBER", "tlp:GREEN", "")
	if copy, _, err := Release(tlp, "tlp:RED"); err != nil || copy.Briefing.Classification != "tlp:AMBER" {
		t.Errorf("TLP:AMBER released at RED: %v, %+v", err, copy)
	}
}

// The copy keeps nothing private: excerpt notes go unless the briefing
// includes them, and an unclassified copy loses the original's authority
// block.
func TestReleaseCopyKeepsNothingPrivate(t *testing.T) {
	b := schemeBundle(domain.SchemeUS, "S", "S", "U")
	b.Sources = append(b.Sources, &domain.Source{ID: 2, Title: "Insurers' Gazette", Marking: "U", Text: "Insurers have noticed."})
	b.Briefing.Blocks[3].Excerpt = &domain.Excerpt{ID: 2, SourceID: 2, Quote: "Insurers have noticed.", Marking: "U", Note: "private"}
	for _, include := range []bool{false, true} {
		b.Briefing.IncludeNotes = include
		copy, dropped, err := Release(b, "U")
		if err != nil {
			t.Fatal(err)
		}
		// Notes are marked by nobody: a release copy carries none, and
		// says so when the briefing asked for them.
		if got := copy.Briefing.Blocks[2].Excerpt.Note; got != "" {
			t.Errorf("include %v: the copy's note %q", include, got)
		}
		if said := slices.ContainsFunc(dropped, func(d Dropped) bool { return strings.HasPrefix(d.Where, "Analyst notes") }); said != include {
			t.Errorf("include %v: the left-out list names the notes: %v", include, said)
		}
		if !copy.Briefing.Authority.IsZero() || copy.Briefing.Classification != "U" {
			t.Errorf("an UNCLASSIFIED copy: authority %+v, marking %q", copy.Briefing.Authority, copy.Briefing.Classification)
		}
	}
	if b.Briefing.Blocks[3].Excerpt.Note != "private" || b.Briefing.Authority.IsZero() || b.Sources[0].Text == "" {
		t.Error("Release changed the original")
	}
	// An excerpt cut lower than its source, with a reason, still names
	// the source: a copy below the source's marking is refused.
	b.Briefing.Blocks[3].Excerpt = &domain.Excerpt{ID: 3, SourceID: 1, Quote: "Insurers have noticed.", Marking: "U", MarkingReason: "public remark"}
	if _, _, err := Release(b, "U"); domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(err.Error(), "the copy still cites “Harbour Security Review”, which is marked SECRET, above UNCLASSIFIED") {
		t.Errorf("a copy citing a SECRET source at U: %v", err)
	}
	copy, _, err := Release(b, "S")
	if err != nil || copy.Briefing.Authority != b.Briefing.Authority {
		t.Errorf("a SECRET copy keeps its authority block: %v, %+v", err, copy.Briefing.Authority)
	}
}
