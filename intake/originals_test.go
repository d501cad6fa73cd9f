package intake

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"github.com/attache/attache/internal/testfs"
)

func TestMain(m *testing.M) { os.Exit(testfs.Main(m)) }

// writePDF makes a one-page PDF report at path.
func writePDF(t *testing.T, path string) []byte {
	t.Helper()
	pdf := gofpdf.New("P", "pt", "A4", "")
	pdf.SetTitle("Kept report", true)
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 12)
	pdf.MultiCell(0, 16, "Export controls on advanced chips widened in October. Officials called it a small yard with a high fence.", "", "L", false)
	if err := pdf.OutputFileAndClose(path); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestPDFOriginalIsKeptWithinTheLimit(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "report.pdf")
	data := writePDF(t, pdf)
	txt := write(t, filepath.Join(dir, "note.txt"), article("A note"))
	for _, c := range []struct {
		name  string
		limit int64
		keep  bool
	}{{"within", int64(len(data)), true}, {"over", int64(len(data)) - 1, false}, {"none", 0, false}} {
		t.Run(c.name, func(t *testing.T) {
			lib := &library{}
			var got []Result
			Run(context.Background(), lib, []Item{{Name: pdf}, {Name: txt}}, Options{KeepOriginalBytes: c.limit}, func(r Result) { got = append(got, r) })
			if len(got) != 2 || got[0].Err != nil || got[1].Err != nil {
				t.Fatalf("results %+v", got)
			}
			if kept := got[0].Source.Original != nil; kept != c.keep || (kept && !bytes.Equal(got[0].Source.Original, data)) {
				t.Fatalf("limit %d for %d bytes: original kept %v, want %v", c.limit, len(data), kept, c.keep)
			}
			if got[0].Source.FileName != "report.pdf" || got[0].Report.Format != "pdf" {
				t.Fatalf("the PDF read from memory lost its name or format: %q, %q", got[0].Source.FileName, got[0].Report.Format)
			}
			if got[1].Source.Original != nil {
				t.Fatal("a text file's original was kept: only PDFs are")
			}
		})
	}
}
