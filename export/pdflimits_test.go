package export

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

type bboxWord struct {
	x0, y0, x1 float64
	text       string
}

// bboxPages reads pdftotext -bbox: the words of each page with their boxes.
func bboxPages(t *testing.T, pdf []byte) [][]bboxWord {
	t.Helper()
	out := poppler(t, pdf, "pdftotext", "-bbox")
	word := regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>`)
	var pages [][]bboxWord
	for _, pg := range strings.Split(out, "<page ")[1:] {
		var ws []bboxWord
		for _, m := range word.FindAllStringSubmatch(pg, -1) {
			x0, _ := strconv.ParseFloat(m[1], 64)
			y0, _ := strconv.ParseFloat(m[2], 64)
			x1, _ := strconv.ParseFloat(m[3], 64)
			ws = append(ws, bboxWord{x0, y0, x1, m[4]})
		}
		pages = append(pages, ws)
	}
	return pages
}

// longestBanner is a US marking with a long release list: its banner is
// about as long as a banner gets.
const longestBanner = "TS//REL TO USA, AUS, CAN, DEU, ESP, FRA, GBR, ITA, JPN, KOR, NLD, NOR, NZL, POL, SWE, FVEY"

// The longest values the limits allow are printed whole and on the page:
// a 500-character title wraps (with spaces or without), the running header
// stops short of the date, a 90-character banner fits beside the draft
// mark, the authority block's 200-character lines wrap. On main the banner ran off both edges of the page and over the
// draft mark, and an unbroken title ran over the date into the margin.
func TestPDFLongestAllowedFieldsStayWholeOnThePage(t *testing.T) {
	for name, title := range map[string]string{
		"words":    strings.TrimSpace(strings.Repeat("Semiconductor export controls and allied capitals ", 10)[:domain.BriefingTitle.Max]),
		"unbroken": strings.Repeat("W", domain.BriefingTitle.Max),
	} {
		t.Run(name, func(t *testing.T) {
			b := &domain.Briefing{Title: title, Subtitle: strings.Repeat("S", 500), Author: strings.Repeat("Author ", 72)[:500],
				Audience: strings.Repeat("A", 500), Scheme: domain.SchemeUS, Classification: longestBanner, TitleMarking: "U", SubtitleMarking: "U", SummaryMarking: "U",
				Authority: domain.Authority{ClassifiedBy: strings.Repeat("C", 200), DerivedFrom: strings.Repeat("D", 200), DeclassifyOn: "20501231"},
				Status:    domain.StatusReview, Summary: strings.Repeat("Bottom line words. ", 540)[:domain.BottomLine.Max]}
			b.Date, _ = domain.ParseDate("2026-10-01")
			b.Blocks = []*domain.Block{{Type: domain.BlockHeading, Text: strings.Repeat("H", 500), Marking: "U"},
				{Type: domain.BlockCommentary, Text: strings.Repeat("Commentary words. ", 600)[:domain.ProseMax], Marking: "U"}}
			if err := b.Validate(); err != nil {
				t.Fatal(err)
			}
			pdf := pdfBytes(t, &domain.Bundle{Briefing: b}, PDFOptions{})
			// The text without the page furniture, which a field split by a
			// page break has in its middle.
			furniture := regexp.MustCompile(`^(Page \d+ of \d+|DRAFT.*|TOP SECRET//REL TO .*|(Classified By|Derived From|Declassify On): .*|C+|D+|.*…|1 October 2026)$`)
			var body []string
			text := poppler(t, pdf, "pdftotext")
			for _, l := range strings.Split(text, "\n") {
				if !furniture.MatchString(strings.TrimSpace(l)) {
					body = append(body, l)
				}
			}
			flat := strings.Join(strings.Fields(strings.Join(body, "\n")), "")
			for what, v := range map[string]string{"title": title, "subtitle": b.Subtitle, "author": b.Author,
				"audience": b.Audience, "heading": b.Blocks[0].Text} {
				if !strings.Contains(flat, strings.Join(strings.Fields(v), "")) {
					t.Errorf("the %s is not printed whole", what)
				}
			}
			all := strings.Join(strings.Fields(text), "")
			for _, line := range []string{"ClassifiedBy:" + b.Authority.ClassifiedBy, "DerivedFrom:" + b.Authority.DerivedFrom, "DeclassifyOn:20501231"} {
				if !strings.Contains(all, line) {
					t.Errorf("the authority block lacks %.30s…", line)
				}
			}
			const pageW, margin = 595.28, 70.0
			for p, words := range bboxPages(t, pdf) {
				var draft, banner bboxWord
				dateX := pageW
				for _, w := range words {
					if w.x0 < margin-1 || w.x1 > pageW-margin+1 {
						t.Errorf("page %d: %q spans x %.0f–%.0f, off the text column", p+1, clip(w.text, 20), w.x0, w.x1)
					}
					switch {
					case w.y0 < 30 && w.text == "DRAFT":
						draft = w
					case w.y0 < 30 && w.text == "TOP":
						banner = w
					case w.y0 > 35 && w.y0 < 50 && w.x0 > pageW/2 && strings.Contains("1 October 2026", w.text):
						dateX = min(dateX, w.x0)
					}
				}
				if banner.text == "" || banner.x0 <= draft.x1 {
					t.Errorf("page %d: banner %+v missing or over the draft mark %+v", p+1, banner, draft)
				}
				for _, w := range words {
					if p > 0 && w.y0 > 35 && w.y0 < 50 && w.x0 < dateX && w.x1 > dateX-6 {
						t.Errorf("page %d: running header %q runs into the date", p+1, clip(w.text, 20))
					}
				}
			}
		})
	}
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
