package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"github.com/attache/attache/assets"
)

// twoColumnsUnderADate is a page with a centred title and date over two
// columns, the left one opening with a section heading on the baseline of
// the right one's first line: the date closes the gutter above the
// heading, the columns keep it open below.
func twoColumnsUnderADate(t *testing.T) []byte {
	t.Helper()
	f := gofpdf.New("P", "pt", "A4", "")
	f.AddUTF8FontFromBytes("serif", "", assets.Font("NotoSerif-Regular.ttf"))
	f.AddPage()
	f.SetFont("serif", "", 20)
	f.SetXY(60, 80)
	f.CellFormat(475, 24, "Cable Repair in the Baltic", "", 0, "C", false, 0, "")
	f.SetFont("serif", "", 11)
	f.SetXY(60, 110)
	f.CellFormat(475, 14, "Published on the third of December 2026", "", 0, "C", false, 0, "")
	f.SetFont("serif", "", 14)
	f.Text(60, 160, "1 Findings")
	f.SetFont("serif", "", 10)
	for i := range 12 {
		y := 160 + 12*float64(i)
		if i > 0 {
			f.Text(60, y+12, fmt.Sprintf("Left line %02d of the western column reads on.", i))
		}
		f.Text(310, y, fmt.Sprintf("Right line %02d of the eastern column reads on.", i))
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The columns are read one after the other, not line by line across the
// page, though a centred date above them spans the gutter.
func TestPDFColumnsUnderACentredLine(t *testing.T) {
	src, _, err := Import("columns.pdf", bytes.NewReader(twoColumnsUnderADate(t)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	lastLeft, firstRight := strings.LastIndex(src.Text, "Left line"), strings.Index(src.Text, "Right line")
	if lastLeft < 0 || firstRight < lastLeft || strings.Count(src.Text, "Left line") != 11 {
		t.Fatalf("the columns are interleaved:\n%s", src.Text)
	}
	if err := src.TextMap.Validate(len([]rune(src.Text))); err != nil {
		t.Fatal(err)
	}
}
