package export

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/attache/attache/domain"
)

// schemeBundle is a briefing of several pages under scheme id: its
// overall marking chosen, every portion marked lo but the key judgment and
// the excerpts, marked hi. Under a whole-document scheme (TLP) only the
// excerpts carry a label, their source's.
func schemeBundle(id domain.SchemeID, overall, hi, lo domain.Marking) *domain.Bundle {
	src := &domain.Source{ID: 1, Title: "Harbour Security Review", Publisher: "Port Authority", Marking: hi,
		Text: "Cranes are the weak point of every harbour. Insurers have noticed."}
	ex := &domain.Excerpt{ID: 1, SourceID: 1, Quote: "Cranes are the weak point of every harbour.", Marking: hi}
	blockHi, blockLo := hi, lo
	if domain.SchemeOf(id).WholeDocument {
		blockHi, blockLo, lo = "", "", ""
	}
	b := &domain.Briefing{ID: 1, Title: "Harbour security", Subtitle: "Options for the ports", Status: domain.StatusFinal,
		Scheme: id, Classification: overall, TitleMarking: lo, SubtitleMarking: lo, SummaryMarking: lo,
		Summary:   "Crane control systems are the cheapest target; fund their isolation first.",
		Authority: domain.Authority{ClassifiedBy: "J. Smith, Director, Ports Desk", DerivedFrom: "Harbour Security Review, 2025", DeclassifyOn: "20501231"},
		Blocks:    []*domain.Block{{Type: domain.BlockJudgment, Text: "Crane attacks will rise.", Confidence: domain.ConfidenceModerate, Marking: blockHi}}}
	b.Date, _ = domain.ParseDate("2026-03-02")
	for s := range 3 {
		b.Blocks = append(b.Blocks, &domain.Block{Type: domain.BlockHeading, Text: "Approach " + strconv.Itoa(s+1), Marking: blockLo})
		for range 3 {
			b.Blocks = append(b.Blocks,
				&domain.Block{Type: domain.BlockCommentary, Text: strings.Repeat("Commentary on the ports weighs cost against risk. ", 8), Marking: blockLo},
				&domain.Block{Type: domain.BlockExcerpt, ExcerptID: 1, Excerpt: ex})
		}
	}
	return &domain.Bundle{Briefing: b, Sources: []*domain.Source{src}}
}

// pdfUTF16 is text as gofpdf writes it into a content stream with an
// embedded font: UTF-16BE, with ( ) and \ escaped.
func pdfUTF16(text string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(text)) {
		for _, c := range []byte{byte(u >> 8), byte(u)} {
			if c == '(' || c == ')' || c == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

// textOp is one drawing of a text: its colour operator and its origin.
type textOp struct {
	colour string // "1.000 0.753 0.000 rg", "0.000 g"
	x, y   float64
	fill   string // the filled box drawn just before it, "" for none
}

// textOps finds the drawings of exactly text on a page's content stream,
// each with the fill colour it is drawn in: its own ("q 1 0 0 rg BT … ET
// Q"), or, when gofpdf leaves it out (text in the colour of the current
// fill), the last one set outside such a group.
func textOps(page []byte, text string) []textOp {
	colourOp := regexp.MustCompile(`^[\d.]+(?: [\d.]+ [\d.]+ rg| g)$`)
	rect := regexp.MustCompile(`^[\d.]+ [\d.]+ [\d.]+ -[\d.]+ re f$`)
	fontOp := regexp.MustCompile(`^BT /\S+ [\d.]+ Tf ET$`)
	draw := regexp.MustCompile(`^(?:q ([\d.]+(?: [\d.]+ [\d.]+ rg| g)) )?BT ([\d.]+) ([\d.]+) Td \(` + regexp.QuoteMeta(pdfUTF16(text)) + `\) Tj ET(?: Q)?$`)
	var out []textOp
	current, box := "", ""
	for _, line := range strings.Split(string(page), "\n") {
		switch m := draw.FindStringSubmatch(line); {
		case m != nil:
			op := textOp{colour: current, fill: box}
			if m[1] != "" {
				op.colour = m[1]
			}
			op.x, _ = strconv.ParseFloat(m[2], 64)
			op.y, _ = strconv.ParseFloat(m[3], 64)
			out = append(out, op)
			box = ""
		case colourOp.MatchString(line):
			current = line
			box = ""
		case rect.MatchString(line):
			box = current + " " + line
		case fontOp.MatchString(line): // a change of font draws nothing
		default:
			box = ""
		}
	}
	return out
}

// Golden tests per scheme: the banner in the scheme's form, colour and
// place on every page (top and bottom), each portion's mark, the
// caveats, the authority block and the TLP label's definition, read back
// from the PDF's text and its drawing operators.
func TestPDFSchemeFurniture(t *testing.T) {
	const a4H = 841.89
	for _, c := range []struct {
		id                domain.SchemeID
		overall, hi, lo   domain.Marking
		banner            string
		portions          []string // hi's and lo's portion marks; none under TLP
		colour            string   // the banner's ink
		fill              string   // its box's fill, "" for none
		right, authority  bool
		definition, label string
	}{
		{id: domain.SchemeUS, overall: "S//NOFORN", hi: "S//NOFORN", lo: "U", banner: "SECRET//NOFORN",
			portions: []string{"(S//NF)", "(U)"}, colour: "0.784 0.063 0.180 rg", authority: true},
		{id: domain.SchemeUK, overall: "uk:OS", hi: "uk:OS", lo: "uk:O", banner: "OFFICIAL-SENSITIVE",
			portions: []string{"(OFFICIAL-SENSITIVE)", "(OFFICIAL)"}, colour: "0.000 g"},
		{id: domain.SchemeAU, overall: "au:P//AUSTEO", hi: "au:P//AUSTEO", lo: "au:O", banner: "PROTECTED//AUSTEO",
			portions: []string{"(PROTECTED//AUSTEO)", "(OFFICIAL)"}, colour: "0.784 0.063 0.180 rg"},
		{id: domain.SchemeNATO, overall: "nato:NS", hi: "nato:NC", lo: "nato:NU", banner: "NATO SECRET",
			portions: []string{"(NC)", "(NU)"}, colour: "0.000 g"},
		{id: domain.SchemeEU, overall: "eu:C-UE", hi: "eu:C-UE", lo: "eu:R-UE", banner: "CONFIDENTIEL UE/EU CONFIDENTIAL",
			portions: []string{"(C-UE/EU-C)", "(R-UE/EU-R)"}, colour: "0.000 g"},
		{id: domain.SchemeTLP, overall: "tlp:AMBER", hi: "tlp:GREEN", banner: "TLP:AMBER", colour: "1.000 0.753 0.000 rg",
			fill: "0.000 g", right: true, label: "TLP:AMBER",
			definition: "Limited disclosure, recipients can only spread this on a need-to-know basis within their organization and its clients."},
		{id: domain.SchemeNone},
	} {
		t.Run(string(c.id), func(t *testing.T) {
			b := schemeBundle(c.id, c.overall, c.hi, c.lo)
			if err := b.Briefing.Validate(); err != nil {
				t.Fatal(err)
			}
			pdf := pdfBytes(t, b, PDFOptions{})
			pages := pageTexts(t, pdf)
			words := bboxPages(t, pdf)
			streams := pageStreams(t, pdf)
			if len(pages) < 2 || len(streams) != len(pages) || len(words) != len(pages) {
				t.Fatalf("%d pages, %d content streams, %d word lists: want two pages or more, one of each per page", len(pages), len(streams), len(words))
			}
			for p, lines := range pages {
				first, last := lines[0], lines[len(lines)-1]
				if c.banner == "" {
					for _, w := range words[p] {
						if w.y0 < 30 || w.y0 > a4H-30 {
							t.Errorf("page %d: %q stands where a banner would, under no markings", p+1, w.text)
						}
					}
					continue
				}
				if first != c.banner || last != c.banner {
					t.Errorf("page %d: banners %q / %q, want %q", p+1, first, last, c.banner)
				}
				var ops []textOp
				for _, op := range textOps(streams[p], c.banner) {
					if op.y > a4H-30 || op.y < 30 { // not the label before the definition
						ops = append(ops, op)
					}
				}
				if len(ops) != 2 || ops[0].y < a4H-30 || ops[1].y > 30 {
					t.Fatalf("page %d: banner drawn %+v, want at the top and the bottom", p+1, ops)
				}
				for _, op := range ops {
					if op.colour != c.colour {
						t.Errorf("page %d: banner in %q, want %q", p+1, op.colour, c.colour)
					}
					if c.fill == "" && op.fill != "" || c.fill != "" && !strings.HasPrefix(op.fill, c.fill+" ") {
						t.Errorf("page %d: banner box %q, want fill %q", p+1, op.fill, c.fill)
					}
					if c.fill != "" {
						var x, y, w, h float64
						if _, err := fmt.Sscanf(strings.TrimPrefix(op.fill, c.fill+" "), "%f %f %f -%f re f", &x, &y, &w, &h); err != nil {
							t.Fatalf("page %d: box %q: %v", p+1, op.fill, err)
						}
						if x >= op.x || y <= op.y || y-h >= op.y || w < 40 {
							t.Errorf("page %d: the box %q does not hold the label at %.1f,%.1f", p+1, op.fill, op.x, op.y)
						}
					}
				}
				for _, w := range words[p] {
					if w.text == strings.Fields(c.banner)[0] && (w.y0 < 30 || w.y0 > a4H-30) {
						if right := w.x1 > 595.28-78-1.5; right != c.right {
							t.Errorf("page %d: banner spans x %.0f–%.0f: right-aligned %v, want %v", p+1, w.x0, w.x1, right, c.right)
						}
					}
				}
			}
			flat := func(p int) string { return strings.Join(pages[p], " ") }
			all := strings.Join(strings.Fields(poppler(t, pdf, "pdftotext")), " ")
			if c.portions == nil {
				if regexp.MustCompile(`\((U|OFFICIAL|TLP:[A-Z]+|NU|S//NF)\)`).MatchString(all) {
					t.Errorf("portion marks printed where the scheme prints none:\n%s", all)
				}
			} else {
				hi, lo := c.portions[0], c.portions[1]
				for _, want := range []string{lo + " Harbour security", lo + " Options for the ports", lo + " Crane control systems",
					"1. " + hi + " Crane attacks will rise.", "1 " + lo + " Approach 1", lo + " Commentary on the ports",
					hi + " Cranes are the weak point of every harbour."} {
					if !strings.Contains(all, want) {
						t.Errorf("the PDF lacks %q", want)
					}
				}
			}
			for p := range pages {
				hasAuth := strings.Contains(flat(p), "Classified By: J. Smith, Director, Ports Desk")
				if want := c.authority && p == 0; hasAuth != want {
					t.Errorf("page %d: authority block %v, want %v", p+1, hasAuth, want)
				}
				hasDef := c.definition != "" && strings.Contains(strings.Join(strings.Fields(flat(p)), " "), c.label+" "+c.definition)
				if want := c.definition != "" && p == 0; hasDef != want {
					t.Errorf("page %d: label definition %v, want %v", p+1, hasDef, want)
				}
			}
			if c.authority {
				for _, line := range []string{"Classified By: J. Smith, Director, Ports Desk", "Derived From: Harbour Security Review, 2025", "Declassify On: 20501231"} {
					if !strings.Contains(flat(0), line) {
						t.Errorf("the authority block lacks %q", line)
					}
				}
				for _, w := range words[0] {
					if w.text == "Classified" && (w.x0 > 80 || w.y0 < a4H/2) {
						t.Errorf("the authority block stands at %.0f,%.0f, not at the bottom left of the first page", w.x0, w.y0)
					}
				}
			}
			if !bytes.Contains(pdf, []byte("%PDF-")) {
				t.Fatal("not a PDF")
			}
		})
	}
}
