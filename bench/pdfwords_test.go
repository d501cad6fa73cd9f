package bench

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/ingest"
)

// PDFCorpusEnv names a folder of PDFs for TestPDFWords to measure.
const PDFCorpusEnv = "ATTACHE_PDF_CORPUS"

// TestPDFWords measures the text Attaché imports from each PDF in the folder
// $ATTACHE_PDF_CORPUS against poppler's pdftotext: word-level recall (the
// share of pdftotext's words that Attaché's text has) and precision (the
// share of Attaché's words that pdftotext's has), as bags of words. It
// prints a Markdown table, with the share of the text's visible characters
// that the page map places (after checking the map); with ATTACHE_PDF_DUMP set to a folder it also
// writes both texts there, to read the differences.
//
// Both texts are normalised alike (see pdfWords). The title, subtitle and
// authors that Attaché takes out of the first page count as its words;
// running heads and page numbers, which it removes on purpose, count as
// misses.
func TestPDFWords(t *testing.T) {
	dir := os.Getenv(PDFCorpusEnv)
	if dir == "" {
		t.Skip("set " + PDFCorpusEnv + " to a folder of PDFs to measure")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no PDFs in %s (%v)", dir, err)
	}
	dump := os.Getenv("ATTACHE_PDF_DUMP")
	var out strings.Builder
	out.WriteString("| file | producer | pages | words | recall | precision | mapped |\n|---|---|---:|---:|---:|---:|---:|\n")
	for _, f := range files {
		ref, err := exec.Command("pdftotext", "-enc", "UTF-8", f, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", f, err)
		}
		producer, pages := pdfInfo(t, f)
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src, _, err := ingest.Import(filepath.Base(f), bytes.NewReader(data), ingest.Options{})
		if err != nil {
			fmt.Fprintf(&out, "| %s | %s | %s | – | not imported: %v | | |\n", filepath.Base(f), producer, pages, err)
			continue
		}
		mine := strings.Join(append([]string{src.Title, src.Subtitle, strings.Join(src.Authors, " ")}, src.Text), "\n")
		if dump != "" {
			base := filepath.Join(dump, strings.TrimSuffix(filepath.Base(f), ".pdf"))
			_ = os.WriteFile(base+".attache.txt", []byte(mine), 0o644)
			_ = os.WriteFile(base+".poppler.txt", ref, 0o644)
		}
		want, got := pdfWords(string(ref)), pdfWords(mine)
		recall, precision := overlap(want, got)
		mapped, err := mappedShare(src)
		if err != nil {
			t.Errorf("%s: %v", f, err)
		}
		fmt.Fprintf(&out, "| %s | %s | %s | %d | %.3f | %.3f | %.3f |\n", filepath.Base(f), producer, pages, count(want), recall, precision, mapped)
	}
	fmt.Print(out.String())
}

// mappedShare checks the source's page map and gives the share of the
// text's visible characters that it places on a page.
func mappedShare(src *domain.Source) (float64, error) {
	if src.TextMap == nil {
		return 0, fmt.Errorf("no page map")
	}
	if err := src.TextMap.Validate(utf8.RuneCountInString(src.Text)); err != nil {
		return 0, err
	}
	visible := 0
	for _, r := range src.Text {
		if !unicode.IsSpace(r) {
			visible++
		}
	}
	if visible == 0 {
		return 0, nil
	}
	return float64(len(src.TextMap.Glyphs)) / float64(visible), nil
}

func pdfInfo(t *testing.T, f string) (producer, pages string) {
	info, err := exec.Command("pdfinfo", f).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", f, err)
	}
	for _, l := range strings.Split(string(info), "\n") {
		k, v, _ := strings.Cut(l, ":")
		switch k {
		case "Producer":
			producer = strings.TrimSpace(v)
		case "Pages":
			pages = strings.TrimSpace(v)
		}
	}
	return strings.ReplaceAll(producer, "|", "/"), pages
}

// lineHyphen is a word broken at a line end: "equip-\nment".
var lineHyphen = regexp.MustCompile(`(\pL)[-‐\x{00AD}]\s*\n\s*(\p{Ll})`)

// pdfWords is the bag of words of a text: NFKC (ligatures as letters),
// lower case, words broken at line ends joined, hyphens inside words
// dropped (so "high-risk" and a joined "highrisk" compare equal on both
// sides), punctuation around words trimmed, and words without a letter
// (page and footnote numbers) left out.
func pdfWords(s string) map[string]int {
	s = norm.NFKC.String(s)
	s = lineHyphen.ReplaceAllString(s, "$1$2")
	bag := map[string]int{}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		w = strings.NewReplacer("-", "", "‐", "", "\u00AD", "").Replace(w)
		if strings.ContainsFunc(w, unicode.IsLetter) {
			bag[w]++
		}
	}
	return bag
}

func count(bag map[string]int) int {
	n := 0
	for _, c := range bag {
		n += c
	}
	return n
}

// overlap is recall and precision of got against want, as multisets.
func overlap(want, got map[string]int) (recall, precision float64) {
	common, nw, ng := 0, 0, 0
	for w, n := range want {
		common += min(n, got[w])
		nw += n
	}
	for _, n := range got {
		ng += n
	}
	if nw == 0 || ng == 0 {
		return 0, 0
	}
	return float64(common) / float64(nw), float64(common) / float64(ng)
}
