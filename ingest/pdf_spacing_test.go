package ingest

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/jung-kurt/gofpdf"

	"github.com/attache/attache/assets"
)

// Word gaps are read against the run's own letter spacing: a heading and a
// line set with wide tracking keep their words whole, and the ordinary
// text after them keeps its spaces.
func TestPDFTrackedTextKeepsItsWords(t *testing.T) {
	data, err := os.ReadFile("testdata/pdf/pdflatex-tracked.pdf")
	if err != nil {
		t.Fatal(err)
	}
	src, _, err := Import("pdflatex-tracked.pdf", bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"EXECUTIVE SUMMARY", "Cable repair fleets are scarce and ageing.",
		"Ordinary text follows the heading, set without tracking, as the 2011 review said."} {
		if !strings.Contains(src.Text, w) {
			t.Errorf("%q is not in the text %q", w, src.Text)
		}
	}
	checkWords(t, data, src, map[string]int{"EXECUTIVE": 0, "fleets": 0, "tracking": 0}, true)
}

// setChars lays out s from x on the baseline base (y downwards) in type of
// size pt, each glyph 0.5 pt wide plus a 0.05 pt gap, tall letters 0.7 pt
// high and others 0.5; '\n' is a line break as PDFium reports one.
func setChars(s string, x, base, pt float64) ([]pdfChar, float64) {
	var out []pdfChar
	for _, r := range s {
		switch r {
		case '\n', ' ':
			out = append(out, pdfChar{r: r, g: madeUp})
			if r == ' ' {
				x += 0.3 * pt
			}
			continue
		}
		h := 0.5 * pt
		if unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("bdhkl[]", r) {
			h = 0.7 * pt
		}
		out = append(out, pdfChar{r: r, x0: x, x1: x + 0.5*pt, top: base - h, bottom: base, size: h / 0.7, g: madeUp})
		x += 0.55 * pt
	}
	return out, x
}

// PDFium starts a new line where raised citation numbers begin
// ("Thunderbird,\r\n[10] ownCloud", as in Wikipedia's printed pages): the
// numbers stay on the word before them, the next word after a space.
func TestPDFRaisedCitationAfterALineBreak(t *testing.T) {
	a, x := setChars("Thunderbird,", 10, 100, 10)
	mark, x := setChars("\n[10]", x, 95.5, 7)
	b, _ := setChars(" ownCloud", x, 100, 10)
	lines := runs(append(append(a, mark...), b...), 0)
	if len(lines) != 1 || lines[0].text != "Thunderbird,[10] ownCloud" {
		var got []string
		for _, l := range lines {
			got = append(got, l.text)
		}
		t.Fatalf("lines %q", got)
	}
	if lines[0].base != 100 {
		t.Errorf("the line's baseline is %v, not the words' 100", lines[0].base)
	}
}

// A line drawn twice on itself (stroked, then filled, say) reads once:
// PDFium drops the second copy, and letters sharing one box (ligatures)
// must not bring it back.
func TestPDFOverprintedLineReadsOnce(t *testing.T) {
	f := gofpdf.New("P", "pt", "A4", "")
	f.AddUTF8FontFromBytes("serif", "", assets.Font("NotoSerif-Regular.ttf"))
	f.AddPage()
	f.SetFont("serif", "", 12)
	for range 2 {
		f.Text(60, 100, "Shipping lanes reopened in April.")
	}
	f.Text(60, 120, "Insurers stayed cautious.")
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	src, _, err := Import("twice.pdf", bytes.NewReader(buf.Bytes()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Shipping lanes reopened in April. Insurers stayed cautious."; !strings.Contains(src.Text, want) {
		t.Errorf("text %q, want %q", src.Text, want)
	}
}
