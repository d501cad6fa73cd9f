package cli_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"github.com/attache/attache/cli"
	"github.com/attache/attache/domain"
	"github.com/attache/attache/store"
)

// makePDF writes a one-page A4 PDF with a line of text near the top and a
// filled box (a "chart") below it, and returns its bytes.
func makePDF(t *testing.T, path string) []byte {
	t.Helper()
	pdf := gofpdf.New("P", "pt", "A4", "")
	pdf.SetTitle("Chip controls report", true)
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 14)
	pdf.Text(60, 80, "Chip exports fell in the second quarter of the year.")
	pdf.SetFillColor(40, 90, 160)
	pdf.Rect(100, 400, 300, 200, "F")
	if err := pdf.OutputFileAndClose(path); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func hexSHA(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

type shownSource struct {
	ID       int64 `json:"id"`
	Original *struct {
		Name   string `json:"name"`
		Size   int64  `json:"size"`
		SHA256 string `json:"sha256"`
	} `json:"original"`
	PageMap *struct {
		Pages  int `json:"pages"`
		Glyphs int `json:"glyphs"`
	} `json:"page_map"`
}

func TestSourceFileGivesBackTheImportedPDF(t *testing.T) {
	t.Parallel()
	db, dir := newDB(t), t.TempDir()
	pdfPath := filepath.Join(dir, "report.pdf")
	data := makePDF(t, pdfPath)
	mustRun(t, db, "import", pdfPath, chipsFile)

	var shown shownSource
	runJSON(t, db, &shown, "source", "show", "1")
	if shown.Original == nil || shown.Original.Name != "report.pdf" || shown.Original.Size != int64(len(data)) || shown.Original.SHA256 != hexSHA(data) {
		t.Fatalf("source show --json: original %+v", shown.Original)
	}
	wantContains(t, mustRun(t, db, "source", "show", "1"), "Original:    report.pdf", hexSHA(data), "attache source file 1 --out FILE")

	out := filepath.Join(dir, "back.pdf")
	mustRun(t, db, "source", "file", "1", "--out", out)
	if got, _ := os.ReadFile(out); !bytes.Equal(got, data) {
		t.Fatal("source file wrote other bytes than the file imported")
	}
	// An existing file is replaced only with --force.
	if err := os.WriteFile(out, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	wantContains(t, fails(t, db, cli.ExitError, "source", "file", "1", "--out", out), "already exists", "--force")
	if got, _ := os.ReadFile(out); string(got) != "keep me" {
		t.Fatal("the existing file was replaced without --force")
	}
	mustRun(t, db, "source", "file", "1", "--out", out, "--force")
	if got, _ := os.ReadFile(out); !bytes.Equal(got, data) {
		t.Fatal("--force did not replace the file")
	}

	// A text file's original is not kept, and says so.
	var text shownSource
	runJSON(t, db, &text, "source", "show", "2")
	if text.Original != nil || text.PageMap != nil {
		t.Fatalf("a text source shows original %+v, page map %+v", text.Original, text.PageMap)
	}
	wantContains(t, mustRun(t, db, "source", "show", "2"), "Original:    not kept in the library")
	msg := fails(t, db, cli.ExitError, "source", "file", "2", "--out", filepath.Join(dir, "none"))
	wantContains(t, msg, "no original file for source 2", "import the file again")
	fails(t, db, cli.ExitUsage, "source", "file", "1")
}

// figureText is the text of the figure source, and figureMap places its
// first sentence in a line near the top of page 1 and its second near the
// bottom, as an importer would for the PDF makePDF writes.
const figureText = "Chip exports fell in the second quarter.\n\nSee the chart for details."

func figureMap() *domain.TextMap {
	m := &domain.TextMap{Pages: []domain.PageSize{{W: 595, H: 842}}}
	runes := []rune(figureText)
	second := len([]rune("Chip exports fell in the second quarter.\n\n"))
	for i, r := range runes {
		if r == '\n' || r == ' ' {
			continue // made-up runes have no glyph
		}
		y, col := float32(0.09), i
		if i >= second {
			y, col = 0.9, i-second
		}
		x := 0.1 + float32(col)*0.015
		m.Glyphs = append(m.Glyphs, domain.Glyph{Offset: int32(i), Box: domain.PageRect{X0: x, Y0: y, X1: x + 0.012, Y1: y + 0.02}})
	}
	return m
}

// figureLibrary is a library whose source 1 is a PDF kept with its page map.
func figureLibrary(t *testing.T) string {
	t.Helper()
	db := newDB(t)
	data := makePDF(t, filepath.Join(t.TempDir(), "report.pdf"))
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	src := &domain.Source{Title: "Chip report", Text: figureText, FileName: "report.pdf", Original: data, TextMap: figureMap()}
	if _, err := s.CreateSource(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return db
}

type figureJSON struct {
	ID     int64  `json:"id"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Quote  string `json:"quote"`
	Note   string `json:"note"`
	Figure *struct {
		Page    int        `json:"page"`
		Rect    [4]float32 `json:"rect"`
		Width   int        `json:"width"`
		Height  int        `json:"height"`
		SHA256  string     `json:"sha256"`
		Caption string     `json:"caption"`
		PNG     *string    `json:"png"`
	} `json:"figure"`
}

func TestExcerptFigureCutsThePageAndQuotesItsText(t *testing.T) {
	t.Parallel()
	db := figureLibrary(t)
	var shown shownSource
	runJSON(t, db, &shown, "source", "show", "1")
	if shown.PageMap == nil || shown.PageMap.Pages != 1 || shown.PageMap.Glyphs != len(figureMap().Glyphs) {
		t.Fatalf("page map %+v", shown.PageMap)
	}

	// The top fifth of the page holds the first sentence.
	var top figureJSON
	runJSON(t, db, &top, "excerpt", "figure", "1", "--page", "1", "--rect", "0,0,1,0.2", "--caption", "Exports", "--note", "top", "--tag", "charts")
	if top.Start != 0 || top.End != len("Chip exports fell in the second quarter.") || top.Quote != "Chip exports fell in the second quarter." || top.Note != "top" {
		t.Fatalf("figure over the first line: %d–%d %q", top.Start, top.End, top.Quote)
	}
	f := top.Figure
	// 1 × 0.2 of an A4 page at 300 dpi.
	if f == nil || f.Page != 1 || f.Caption != "Exports" || f.Width < 2400 || f.Width > 2500 || f.Height < 680 || f.Height > 720 || f.PNG != nil {
		t.Fatalf("figure %+v: want page 1 at print resolution, no image in the listing", f)
	}

	// excerpt show --json carries the image, which is the PNG described.
	var full figureJSON
	runJSON(t, db, &full, "excerpt", "show", itoa(top.ID))
	if full.Figure == nil || full.Figure.PNG == nil {
		t.Fatal("excerpt show --json has no image")
	}
	img, err := base64.StdEncoding.DecodeString(*full.Figure.PNG)
	if err != nil || hexSHA(img) != f.SHA256 {
		t.Fatalf("the image does not match its SHA-256: %v", err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(img))
	if err != nil || cfg.Width != f.Width || cfg.Height != f.Height {
		t.Fatalf("the image is %+v, %v; want %d×%d", cfg, err, f.Width, f.Height)
	}

	// The chart in the middle has no text: an empty span where page 1's
	// text begins.
	var chart figureJSON
	runJSON(t, db, &chart, "excerpt", "figure", "1", "--page", "1", "--rect", "0.15,0.45,0.7,0.73", "--caption", "The chart")
	if chart.Start != 0 || chart.End != 0 || chart.Quote != "" || chart.Figure == nil {
		t.Fatalf("figure without text: %d–%d %q", chart.Start, chart.End, chart.Quote)
	}
	wantContains(t, mustRun(t, db, "excerpt", "show", itoa(chart.ID)), "Figure, p. 1: The chart", "of the page")
	wantContains(t, mustRun(t, db, "excerpts"), "[Figure, p. 1: Exports] Chip exports", "[Figure, p. 1: The chart]")

	// excerpts --json lists both figures, without their images.
	var list []figureJSON
	runJSON(t, db, &list, "excerpts")
	if len(list) != 2 || list[0].Figure == nil || list[1].Figure == nil || list[0].Figure.PNG != nil || list[1].Figure.PNG != nil {
		t.Fatalf("excerpts --json: %+v", list)
	}
	// Search finds a figure by its caption.
	wantContains(t, mustRun(t, db, "excerpts", "--query", "chart"), "The chart")

	// The caption is edited like a note.
	mustRun(t, db, "excerpt", "edit", itoa(chart.ID), "--caption", "Exports by quarter")
	wantContains(t, mustRun(t, db, "excerpt", "show", itoa(chart.ID)), "Figure, p. 1: Exports by quarter")
}

func TestExcerptFigureRefusals(t *testing.T) {
	t.Parallel()
	db := figureLibrary(t)
	mustRun(t, db, "import", chipsFile) // source 2: no original
	for _, c := range []struct {
		code int
		args []string
		want string
	}{
		{cli.ExitUsage, []string{"1", "--page", "1", "--rect", "0,0,1"}, "four fractions"},
		{cli.ExitUsage, []string{"1", "--page", "1", "--rect", "0.5,0,0.2,1"}, "no area"},
		{cli.ExitUsage, []string{"1", "--page", "1", "--rect", "0,0,1,1.5"}, "not a fraction"},
		{cli.ExitUsage, []string{"1", "--page", "1", "--rect", "nan,0.1,0.5,0.5"}, "not a fraction"},
		{cli.ExitError, []string{"1", "--page", "1", "--rect", "0.1,0.1,0.1000001,0.5"}, "too small to be a figure"},
		{cli.ExitUsage, []string{"1", "--rect", "0,0,1,1"}, "--page"},
		{cli.ExitUsage, []string{"1", "--page", "3", "--rect", "0,0,1,1"}, "has 1 pages"},
		{cli.ExitError, []string{"2", "--page", "1", "--rect", "0,0,1,1"}, "no original file"},
	} {
		wantContains(t, fails(t, db, c.code, append([]string{"excerpt", "figure"}, c.args...)...), c.want)
	}
	addedQuote := mustRun(t, db, "excerpt", "add", "--source", "2", "--quote", "small yard")
	wantContains(t, addedQuote, "Excerpt 1")
	wantContains(t, fails(t, db, cli.ExitUsage, "excerpt", "edit", "1", "--caption", "x"), "not a figure")
}
