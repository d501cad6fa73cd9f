package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
)

var benchWords = strings.Fields("the regional grid operators agreed on a common approach to balancing and " +
	"reserve capacity while regulators questioned the cost of new interconnectors and the security of " +
	"supply during the winter months when demand peaks and imports from neighbouring markets fall")

// longReport is a report of n pages, each with a running header, a page
// number and about forty lines of body text in paragraphs of five lines.
func longReport(n int) fxDoc {
	fx := fxDoc{title: "A Long Report", author: "Ann Smith", header: "Institute for Energy Security · A Long Report", footer: true}
	w := 0
	for p := 0; p < n; p++ {
		var paras [][]string
		for k := 0; k < 7; k++ {
			var lines []string
			for l := 0; l < 5; l++ {
				words := make([]string, 12)
				for i := range words {
					words[i] = benchWords[w%len(benchWords)]
					w += 7
				}
				lines = append(lines, strings.Join(words, " "))
			}
			lines[4] += "."
			paras = append(paras, lines)
		}
		fx.pages = append(fx.pages, paras)
	}
	return fx
}

func BenchmarkImportPDF300Pages(b *testing.B) {
	data := longReport(300).bytes(b)
	if _, _, err := Import("long.pdf", bytes.NewReader(data), Options{}); err != nil { // starts the engine
		b.Fatal(err)
	}
	b.ResetTimer()
	t0 := time.Now()
	for i := 0; i < b.N; i++ {
		src, _, err := Import("long.pdf", bytes.NewReader(data), Options{})
		if err != nil || len(src.Pages) != 299 {
			b.Fatalf("err %v, %d page offsets", err, len(src.Pages))
		}
	}
	b.ReportMetric(float64(300*b.N)/time.Since(t0).Seconds(), "pages/s")
}

func TestImportPDFLong(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	src, rep := importFX(t, longReport(30))
	if len(src.Pages) != 29 || strings.Contains(src.Text, "Institute") || strings.Count(src.Text, "\n\n") != 30*7-1 {
		t.Fatalf("%d page offsets, %d paragraphs\n%s", len(src.Pages), strings.Count(src.Text, "\n\n")+1, rep.Detected)
	}
	runes := []rune(src.Text)
	for i, off := range src.Pages {
		if off == 0 || runes[off-1] != '\n' {
			t.Errorf("page %d starts at %d, not at a paragraph: %q", i+2, off, string(runes[max(0, off-20):off+20]))
		}
	}
	if want := fmt.Sprintf("removed: page numbers (on %d pages)", 29); !strings.Contains(strings.Join(lines(rep.Detected), "\n"), want) {
		t.Errorf("report lacks %q: %q", want, rep.Detected)
	}
}
