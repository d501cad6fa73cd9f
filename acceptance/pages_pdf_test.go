package acceptance

import (
	"bytes"
	"fmt"
	"strings"
)

// A small report made by hand for the page view's scenario: three
// landscape pages of Courier text (every character 0.6 em wide, so where
// each is drawn is known without a font's metrics), page 2 with a bar
// chart that has no text in it.

const (
	reportW, reportH = 612.0, 396.0 // points
	reportFont       = 12.0         // Courier, points
	reportLeft       = 72.0         // where every line starts
	reportLead       = 18.0         // from one baseline to the next
	reportTop        = 60.0         // the first baseline, from the top
)

// reportPages are the lines of each page.
var reportPages = [][]string{
	{"Technology statecraft report, page one.", "Allied governments review their chip supply chains.", "Each section below cites its sources."},
	{"Semiconductor export controls tightened sharply in 2024.", "The chart below shows licences refused by quarter."},
	{"Conclusions follow from the figures above.", "Analysts should read the original pages."},
}

// reportPhrase is the phrase the scenario selects on page 2, in its first
// line.
const reportPhrase = "export controls"

// reportChart is the chart's bars on page 2: x, top, width, height in
// points from the page's top left.
var reportChart = [][4]float64{{110, 150, 50, 170}, {190, 200, 50, 120}, {270, 120, 50, 200}, {350, 240, 50, 80}}

// chartBounds is the rectangle around the bars, as fractions of page 2.
func chartBounds() (x0, y0, x1, y1 float64) {
	x0, y0 = 1, 1
	for _, b := range reportChart {
		x0, y0 = min(x0, b[0]/reportW), min(y0, b[1]/reportH)
		x1, y1 = max(x1, (b[0]+b[2])/reportW), max(y1, (b[1]+b[3])/reportH)
	}
	return x0, y0, x1, y1
}

// charBox is where rune i of line li is drawn, as fractions of its page:
// Courier's glyphs are 0.6 em wide; the line's box from its descent to
// its cap height.
func charBox(li, i int) (x0, y0, x1, y1 float64) {
	adv := 0.6 * reportFont
	base := reportTop + float64(li)*reportLead
	return (reportLeft + float64(i)*adv) / reportW, (base - 0.75*reportFont) / reportH,
		(reportLeft + float64(i+1)*adv) / reportW, (base + 0.2*reportFont) / reportH
}

// reportPDF writes the report as a PDF 1.4 file with its cross-reference
// table.
func reportPDF() []byte {
	var objs []string // object n+1 is objs[n]
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	catalog := add("") // filled in below
	pagesObj := add("")
	font := add("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
	var kids []string
	for pi, lines := range reportPages {
		var c strings.Builder
		c.WriteString("BT\n")
		fmt.Fprintf(&c, "/F1 %g Tf\n", reportFont)
		for li, line := range lines {
			fmt.Fprintf(&c, "1 0 0 1 %g %g Tm (%s) Tj\n", reportLeft, reportH-(reportTop+float64(li)*reportLead), line)
		}
		c.WriteString("ET\n")
		if pi == 1 {
			c.WriteString("0.12 0.35 0.78 rg\n")
			for _, b := range reportChart {
				fmt.Fprintf(&c, "%g %g %g %g re f\n", b[0], reportH-b[1]-b[3], b[2], b[3])
			}
		}
		content := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", c.Len(), c.String()))
		page := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>",
			pagesObj, reportW, reportH, font, content))
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
	}
	objs[catalog-1] = fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesObj)
	objs[pagesObj-1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, catalog, xref)
	return b.Bytes()
}
