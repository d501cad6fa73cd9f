package export

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/testbundle"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata")

// The sources and the briefing are invented for these tests.
const (
	mdTextCables = "Ministers met in Tromsø on 2\u00a0May.\n\n“Cable routes are now a question of sovereignty,” the envoy said. " +
		"She added: “We will not accept a repair monopoly.”\n\nThe communiqué’s annex lists 14 landing stations.\n"
	mdTextGreek = "Το Υπουργείο Ψηφιακής Διακυβέρνησης ανακοίνωσε νέο πλαίσιο για τα υποθαλάσσια καλώδια. " +
		"Η συμφωνία καλύπτει «κρίσιμες υποδομές» στο Αιγαίο.\n"
	mdTextRussian = "Совет по цифровой политике обсудил «суверенный интернет». Решение отложено до осени.\n"
)

// mdBundle is a briefing on subsea cables: three sources, one cited twice,
// U and S portion marks on every portion (no overall marking chosen, so
// the banner is the highest, SECRET, with its authority block), a
// multi-paragraph quote with the analyst's note, which the briefing
// includes, and text that looks like Markdown.
func mdBundle(t testing.TB) *domain.Bundle {
	t.Helper()
	cables := &domain.Source{ID: 11, Kind: domain.KindWebPage, Title: "Who Guards the Seabed?", Subtitle: "Cables, Envoys and the Arctic",
		Authors: []string{"Ingrid Solberg", "Tomás O’Neill"}, Publisher: "Northern Policy Review",
		Published: domain.Date{Year: 2024, Month: time.May, Day: 3}, URL: "https://example.org/seabed_cables?ref=brief",
		Accessed: domain.Date{Year: 2024, Month: time.May, Day: 6}, Text: mdTextCables, Reliability: domain.ReliabilityB}
	greek := &domain.Source{ID: 12, Kind: domain.KindReport, Title: "Πλαίσιο για τα υποθαλάσσια καλώδια",
		Authors: []string{"Υπουργείο Ψηφιακής Διακυβέρνησης"}, Published: domain.Date{Year: 2024, Month: time.April, Day: 29},
		Text: mdTextGreek, Reliability: domain.ReliabilityA}
	russian := &domain.Source{ID: 13, Kind: domain.KindArticle, Title: "Совет отложил решение", Publisher: "Вестник связи",
		URL: "https://example.org/vestnik/123", Accessed: domain.Date{Year: 2024, Month: time.May, Day: 7}, Text: mdTextRussian}
	ex := func(s *domain.Source, id int64, quote string) *domain.Excerpt {
		spans, err := domain.FindQuote(s.Text, quote)
		if err != nil {
			t.Fatalf("fixture: %q not in %q: %v", quote, s.Title, err)
		}
		q, _ := domain.RuneSpan(s.Text, spans[0].Start, spans[0].End)
		return &domain.Excerpt{ID: id, SourceID: s.ID, Start: spans[0].Start, End: spans[0].End, Quote: q}
	}
	sovereignty := ex(cables, 1, "“Cable routes are now a question of sovereignty,” the envoy said. She added: “We will not accept a repair monopoly.”\n\nThe communiqué’s annex")
	sovereignty.Marking, sovereignty.Note = domain.MarkingUnclassified, "The annex itself is *not* public; ask [the desk] first."
	framework := ex(greek, 2, "«κρίσιμες υποδομές»")
	framework.Marking = domain.MarkingSecret
	stations := ex(cables, 3, "14 landing stations")
	stations.Marking = domain.MarkingUnclassified
	postponed := ex(russian, 4, "Решение отложено до осени.")
	postponed.Marking = domain.MarkingUnclassified
	blk := func(typ domain.BlockType, text string, m domain.Marking) *domain.Block {
		return &domain.Block{Type: typ, Text: text, Marking: m}
	}
	exb := func(e *domain.Excerpt) *domain.Block {
		return &domain.Block{Type: domain.BlockExcerpt, ExcerptID: e.ID, Excerpt: e}
	}
	judgment := blk(domain.BlockJudgment, "Cable repair capacity, not routes, is the real chokepoint.", domain.MarkingSecret)
	judgment.Confidence = domain.ConfidenceModerate
	return &domain.Bundle{
		Briefing: &domain.Briefing{
			ID: 5, Title: "Subsea Cables: Who Sets the Rules?", Subtitle: "Note for the tech-diplomacy desk",
			Author: "M. Analyst", Audience: "Director, Digital Affairs", Date: domain.Date{Year: 2024, Month: time.May, Day: 11},
			Scheme: domain.SchemeUS, Status: domain.StatusDraft, IncludeNotes: true,
			TitleMarking: domain.MarkingUnclassified, SubtitleMarking: domain.MarkingUnclassified, SummaryMarking: domain.MarkingSecret,
			Authority: domain.Authority{ClassifiedBy: "M. Analyst, Digital Affairs", DerivedFrom: "Multiple Sources", DeclassifyOn: "20491231"},
			Summary:   "Arctic states treat cable routes as sovereignty; the real lever is repair ships.\n\nExpect a “repair club” proposal before the autumn council.",
			Blocks: []*domain.Block{
				blk(domain.BlockHeading, "Why cables now?", domain.MarkingUnclassified),
				blk(domain.BlockCommentary, "The envoy’s words were unusually blunt.\n# not a heading\nSome called it *stars* and_underscores.", domain.MarkingUnclassified),
				exb(sovereignty),
				exb(framework),
				blk(domain.BlockHeading, "What comes next", domain.MarkingUnclassified),
				exb(stations),
				blk(domain.BlockCommentary, "1. This is not a list.\n\n- nor this; see <b>tags</b> & [links](x) & `code` & &amp; \\ C#", domain.MarkingUnclassified),
				exb(postponed),
				judgment,
				blk(domain.BlockJudgment, "Moscow will wait for Athens.\n\nBoth sides want delay.", domain.MarkingUnclassified),
			},
		},
		Sources: []*domain.Source{cables, greek, russian},
	}
}

func mdWrite(t testing.TB, b *domain.Bundle) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteMarkdown(context.Background(), &buf, b); err != nil {
		t.Fatalf("WriteMarkdown: %v", err)
	}
	return buf.String()
}

func TestMarkdownGolden(t *testing.T) {
	out := mdWrite(t, mdBundle(t))
	if again := mdWrite(t, mdBundle(t)); again != out {
		t.Errorf("WriteMarkdown is not deterministic")
	}
	golden := filepath.Join("testdata", "briefing.md")
	if *updateGolden {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestMarkdownGolden -update to create it)", err)
	}
	if out != string(want) {
		t.Errorf("output differs from %s; if the change is meant, run with -update and review the diff\n%s", golden, out)
	}
}

func TestMarkdownStructure(t *testing.T) {
	b := mdBundle(t)
	out := mdWrite(t, b)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if lines[0] != "**SECRET**" || lines[len(lines)-1] != "**SECRET**" {
		t.Errorf("want the banner from the highest portion mark (U + S) at top and bottom, got %q … %q", lines[0], lines[len(lines)-1])
	}
	for _, want := range []string{
		"# (U) Subsea Cables: Who Sets the Rules?\n\n*(U) Note for the tech-diplomacy desk*\n",
		"- Date: 11 May 2024\n- Status: Draft\n\nClassified By: M. Analyst, Digital Affairs\\\nDerived From: Multiple Sources\\\nDeclassify On: 20491231\n\n**DRAFT — not for distribution**\n",
		"> **Bottom line up front.** (S) Arctic states",
		">\n> Expect a “repair club” proposal",
		"1. (S) Cable repair capacity, not routes, is the real chokepoint. *(Moderate confidence)*\n",
		"2. (U) Moscow will wait for Athens.\n\n   Both sides want delay.\n",
		"## 1. (U) Why cables now?\n", "## 2. (U) What comes next\n",
		"(U) The envoy’s words were unusually blunt.\n\\# not a heading\nSome called it \\*stars\\* and\\_underscores.\n",
		"> (U) “Cable routes are now a question of sovereignty,” the envoy said. She added: “We will not accept a repair monopoly.”\n>\n> The communiqué’s annex[^1]\n\n(U) *Analyst note:* The annex itself is \\*not\\* public; ask \\[the desk\\] first.\n",
		"> (S) «κρίσιμες υποδομές»[^2]\n",
		"> (U) 14 landing stations[^3]\n",
		"1\\. This is not a list.\n\n\\- nor this; see \\<b>tags\\</b> & \\[links\\](x) & \\`code\\` & \\&amp; \\\\ C#\n",
		"[^1]: Ingrid Solberg and Tomás O’Neill, “Who Guards the Seabed? Cables, Envoys and the Arctic,” Northern Policy Review, May 3, 2024, <https://example.org/seabed_cables?ref=brief>.\n",
		"[^3]: Solberg and O’Neill, “Who Guards the Seabed?”\n",
		"[^4]: “Совет отложил решение,” Вестник связи, accessed May 7, 2024, <https://example.org/vestnik/123>.\n",
		"## Sources\n\n1. Solberg, Ingrid, and Tomás O’Neill.",
		"   Accessed: 6 May 2024\\\n   Reliability: B (Usually reliable)\\\n   SHA-256: " + domain.TextSHA256(mdTextCables)[:16] + "…\n",
		"2. Υπουργείο Ψηφιακής Διακυβέρνησης. “Πλαίσιο για τα υποθαλάσσια καλώδια.” April 29, 2024.\\\n   Reliability: A (Completely reliable)\\\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	// Every excerpt has a reference, in order, and every reference a note.
	refs := regexp.MustCompile(`\[\^(\d+)\]`).FindAllStringSubmatch(out, -1)
	var got []string
	for _, r := range refs {
		got = append(got, r[1])
	}
	if strings.Join(got, " ") != "1 2 3 4 1 2 3 4" {
		t.Errorf("footnote references and notes: %v, want 1–4 in the body then 1–4 as notes", got)
	}
	if strings.Contains(out, "\n# not") || strings.Contains(out, " *stars*") || strings.Contains(out, "\n- nor") {
		t.Errorf("Markdown in the analyst's text was not escaped")
	}
}

func TestMarkdownBannerAndStatus(t *testing.T) {
	b := mdBundle(t)
	br := b.Briefing
	br.Classification, br.TitleMarking, br.SubtitleMarking, br.SummaryMarking = "", "", "", ""
	for _, blk := range b.Briefing.Blocks {
		blk.Marking = ""
		if blk.Excerpt != nil {
			blk.Excerpt.Marking = ""
		}
	}
	b.Briefing.Status = domain.StatusFinal
	out := mdWrite(t, b)
	if !strings.HasPrefix(out, "# Subsea") || !strings.HasSuffix(out, "SHA-256: "+domain.TextSHA256(mdTextRussian)[:16]+"…\n") {
		t.Errorf("unmarked briefing without classification: want no banner lines, got\n%s", out)
	}
	if strings.Contains(out, "DRAFT") || strings.Contains(out, "(U)") {
		t.Errorf("final unmarked briefing shows a draft line or portion marks:\n%s", out)
	}
	if strings.Contains(out, "Classified By") {
		t.Errorf("an unclassified briefing carries the authority block:\n%s", out)
	}
	// Under the UK scheme, the OFFICIAL chosen is the banner, never
	// UNCLASSIFIED; no portion is marked, so none shows a mark.
	b.Briefing.Scheme, b.Briefing.Classification = domain.SchemeUK, "uk:O"
	b.Briefing.Status = domain.StatusReview
	out = mdWrite(t, b)
	if !strings.HasPrefix(out, "**OFFICIAL**\n\n# Subsea") || !strings.HasSuffix(out, "\n\n**OFFICIAL**\n") || strings.Contains(out, "UNCLASSIFIED") {
		t.Errorf("want the chosen OFFICIAL as the banner, got\n%s", out)
	}
	if !strings.Contains(out, "- Status: In review\n\n**DRAFT — in review**\n") {
		t.Errorf("review briefing lacks its draft line")
	}
	// The JSON tests' bundle, every portion marked: a URL with < > in it
	// stays one autolink, and the banner is the CUI chosen.
	out = mdWrite(t, markAll(testBundle(t), domain.MarkingUnclassified))
	if !strings.Contains(out, ", <https://example.org/note?a=1&b=%3C2%3E>.\n") || !strings.HasPrefix(out, "**CUI**\n") {
		t.Errorf("testBundle output:\n%s", out)
	}
	if err := WriteMarkdown(context.Background(), &bytes.Buffer{}, nil); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("nil bundle: %v", err)
	}
}

func TestMarkdownEscape(t *testing.T) {
	for in, want := range map[string]string{
		"# not a heading":     `\# not a heading`,
		"*stars* and _under_": `\*stars\* and \_under\_`,
		"> quoted":            `\> quoted`,
		"- item":              `\- item`,
		"+ item":              `\+ item`,
		"2024. A year":        `2024\. A year`,
		"3) third":            `3\) third`,
		"2024 was busy":       "2024 was busy",
		"a < b & c &lt; d":    `a \< b & c \&lt; d`,
		"[x](y) `z` \\":       "\\[x\\](y) \\`z\\` \\\\",
		"«Ελλάδα» — “Россия”": "«Ελλάδα» — “Россия”",
		"===": `\===`,
	} {
		if got := mdEscape(in); got != want {
			t.Errorf("mdEscape(%q) = %q, want %q", in, got, want)
		}
	}
	if got := mdLink("https://example.org/a b<c>"); got != "<https://example.org/a%20b%3Cc%3E>" {
		t.Errorf("mdLink = %q", got)
	}
	if got := mdLink("example.org/x_y"); got != `example.org/x\_y` {
		t.Errorf("mdLink without scheme = %q", got)
	}
	if got := mdHeading("Tools: C#"); got != `Tools: C\#` {
		t.Errorf("mdHeading = %q", got)
	}
}
func testBundle(t testing.TB) *domain.Bundle { return testbundle.Bundle(t) }

// markAll gives every portion of b without a mark the marking m.
func markAll(b *domain.Bundle, m domain.Marking) *domain.Bundle {
	br := b.Briefing
	for _, p := range []*domain.Marking{&br.TitleMarking, &br.SubtitleMarking, &br.SummaryMarking} {
		if *p == "" {
			*p = m
		}
	}
	for _, blk := range br.Blocks {
		if blk.Marking == "" && (blk.Excerpt == nil || blk.Excerpt.Marking == "") {
			blk.Marking = m
		}
	}
	return b
}

// Markdown carries the same marks as the PDF under each scheme: the
// banner first and last, the portion marks, the authority block of a
// classified US briefing, the TLP label's definition.
func TestMarkdownSchemeFurniture(t *testing.T) {
	for _, c := range []struct {
		id              domain.SchemeID
		overall, hi, lo domain.Marking
		banner          string
		want, not       []string
	}{
		{domain.SchemeUS, "S//NOFORN", "S//NOFORN", "U", "**SECRET//NOFORN**",
			[]string{"# (U) Harbour security\n", "1. (S//NF) Crane attacks", "## 1. (U) Approach 1\n", "> (S//NF) Cranes are",
				"Classified By: J. Smith, Director, Ports Desk\\\nDerived From: Harbour Security Review, 2025\\\nDeclassify On: 20501231\n"}, nil},
		{domain.SchemeAU, "au:P//AUSTEO", "au:P//AUSTEO", "au:O", "**PROTECTED//AUSTEO**",
			[]string{"# (OFFICIAL) Harbour security\n", "> (PROTECTED//AUSTEO) Cranes are"}, []string{"Classified By"}},
		{domain.SchemeTLP, "tlp:AMBER", "tlp:GREEN", "", "**TLP:AMBER**",
			[]string{"**TLP:AMBER**: Limited disclosure, recipients can only spread this on a need-to-know basis within their organization and its clients.\n"},
			[]string{"(TLP:GREEN)", "Classified By"}},
	} {
		var buf bytes.Buffer
		if err := WriteMarkdown(context.Background(), &buf, schemeBundle(c.id, c.overall, c.hi, c.lo)); err != nil {
			t.Fatalf("%s: %v", c.id, err)
		}
		out := buf.String()
		if !strings.HasPrefix(out, c.banner+"\n\n") || !strings.HasSuffix(out, "\n\n"+c.banner+"\n") {
			t.Errorf("%s: want %s first and last:\n%s", c.id, c.banner, out)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: the Markdown lacks %q", c.id, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(out, w) {
				t.Errorf("%s: the Markdown has %q", c.id, w)
			}
		}
	}
}
