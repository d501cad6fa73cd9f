package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// A PDF imported from the command line is kept with its page map: the
// figure command quotes the text inside its rectangle, as the page shows it.
func TestImportedPDFHasPagesAndItsFileBack(t *testing.T) {
	t.Parallel()
	db, dir := newDB(t), t.TempDir()
	pdfPath := filepath.Join(dir, "report.pdf")
	data := makePDF(t, pdfPath)
	mustRun(t, db, "import", pdfPath)

	var shown shownSource
	runJSON(t, db, &shown, "source", "show", "1")
	if shown.PageMap == nil || shown.PageMap.Pages != 1 || shown.PageMap.Glyphs < len("Chipexportsfellinthesecondquarteroftheyear.") {
		t.Fatalf("source show --json: page map %+v", shown.PageMap)
	}
	wantContains(t, mustRun(t, db, "source", "show", "1"), "Page map:    1 pages")
	out := filepath.Join(dir, "back.pdf")
	mustRun(t, db, "source", "file", "1", "--out", out)
	if got, _ := os.ReadFile(out); !bytes.Equal(got, data) {
		t.Fatal("source file gave back other bytes than the PDF imported")
	}

	// The line of text is at 80 pt of 842: the top fifth holds it.
	var top figureJSON
	runJSON(t, db, &top, "excerpt", "figure", "1", "--page", "1", "--rect", "0,0,1,0.2", "--caption", "Exports")
	if top.Quote != "Chip exports fell in the second quarter of the year." {
		t.Fatalf("the figure over the line quotes %q (%d–%d)", top.Quote, top.Start, top.End)
	}
	var chart figureJSON
	runJSON(t, db, &chart, "excerpt", "figure", "1", "--page", "1", "--rect", "0.1,0.4,0.75,0.75")
	if chart.Quote != "" || chart.Start != chart.End || chart.Figure == nil {
		t.Fatalf("the chart quotes %q (%d–%d)", chart.Quote, chart.Start, chart.End)
	}
}
