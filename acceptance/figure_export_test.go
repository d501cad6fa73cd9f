package acceptance

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// chartPDF writes a two-page report whose second page has a line of
// text and a bar chart below it, a third of the page down.
func chartPDF(t *testing.T, path string) {
	t.Helper()
	pdf := gofpdf.New("P", "pt", "A4", "")
	pdf.SetTitle("Chip controls report", true)
	pdf.SetFont("Helvetica", "", 12)
	pdf.AddPage()
	pdf.Text(60, 80, "Chip exports fell in the second quarter of the year.")
	pdf.AddPage()
	pdf.Text(60, 80, "Exports by quarter are charted below.")
	for i, h := range []float64{120, 90, 160, 60} {
		pdf.SetFillColor(40+40*i, 90, 160)
		pdf.Rect(110+float64(i)*90, 560-h, 60, h, "F")
	}
	if err := pdf.OutputFileAndClose(path); err != nil {
		t.Fatal(err)
	}
}

// cutFigure is a figure excerpt as `excerpt figure --json` gives it.
type cutFigure struct {
	ID     int64 `json:"id"`
	Figure *struct {
		Page    int    `json:"page"`
		Width   int    `json:"width"`
		Height  int    `json:"height"`
		Caption string `json:"caption"`
	} `json:"figure"`
}

// Issue #16: a figure cut from a page of a PDF source (through the
// command line) shows in the briefing's document as a figure card, its
// picture above "Figure 1: caption", and the briefing exported as PDF
// holds the picture at its own pixel size, on the page of its caption.
func TestFigureExcerptInTheDocumentAndThePDF(t *testing.T) {
	var fig cutFigure
	s := start(t, func(s *session) {
		pdf := filepath.Join(s.dir, "report.pdf")
		chartPDF(t, pdf)
		s.cli("import", pdf)
		s.cliJSON(&fig, "excerpt", "figure", "1", "--page", "2", "--rect", "0.12,0.4,0.8,0.7",
			"--caption", "Chip exports by quarter", "--json")
		s.cli("briefing", "new", "--title", "Figures")
		s.cli("briefing", "add", "1", "--commentary", "The chart shows the fall.")
		s.cli("briefing", "add", "1", "--excerpt", strconv.FormatInt(fig.ID, 10))
		s.appEnv = []string{"FYNE_THEME=light"}
	})
	if fig.Figure == nil || fig.Figure.Page != 2 || fig.Figure.Width < 100 {
		s.fail("the figure excerpt is %+v", fig)
	}
	s.showView("Briefings")
	s.do("open the briefing")
	s.clickOn("the briefing's row", typ("Label"), textPrefix("Figures"), inLayer("content"), shown())
	// Turn the wheel over the document, so that the picture and its
	// caption both come above the checks bar at 1280×800.
	lead := s.waitNode("the commentary above the figure", docText("The chart shows the fall.")...)
	r := lead.visible()
	s.xdotool("mousemove", "--sync", fmt.Sprint(s.winX+r.X+r.W/2), fmt.Sprint(s.winY+r.Y), "click", "--repeat", "4", "5")
	caption := s.waitNode("the figure's caption in the document", docText("Figure 1: Chip exports by quarter")...)
	var pic *node
	s.waitFor("the figure's picture above its caption", 10*time.Second, func(tr *tree) bool {
		pic = tr.find(typ("Image"), inLayer("content"), shown(), func(n *node) bool {
			return n.Y+n.H <= caption.Y && n.Y+n.H > caption.Y-40 && n.W > 100 && n.H > 40
		})
		return pic != nil
	})
	if ratio, want := float64(pic.W)/float64(pic.H), float64(fig.Figure.Width)/float64(fig.Figure.Height); ratio < want*0.95 || ratio > want*1.05 {
		s.fail("the picture is %dx%d, not shaped as the figure's %dx%d", pic.W, pic.H, fig.Figure.Width, fig.Figure.Height)
	}
	s.waitNode("the figure's source line with its page", typ("Text"), textContains("Chip controls report · p. 2"), inLayer("content"))
	s.keepShot("figure-card")

	s.do("click the figure: its editor shows the picture too")
	s.clickOn("the figure's caption", docText("Figure 1: Chip exports by quarter")...)
	s.waitFor("the editor with the picture above the caption", 10*time.Second, func(tr *tree) bool {
		label := tr.find(typ("Label"), text("Figure 1: Chip exports by quarter"), inLayer("content"))
		return label != nil && tr.find(typ("Image"), inLayer("content"), shown(), func(n *node) bool {
			return n.Y+n.H <= label.Y+4 && n.W > 100 && n.H > 40
		}) != nil
	})
	s.keepShot("figure-editor")

	s.do("export the briefing as PDF through the command line")
	out := filepath.Join(s.dir, "figures.pdf")
	s.cli("export", "1", "--out", out)
	list, err := exec.Command("pdfimages", "-list", out).CombinedOutput()
	if err != nil {
		s.fail("pdfimages -list: %v\n%s", err, list)
	}
	row := regexp.MustCompile(`(?m)^\s*(\d+)\s+\d+\s+image\s+(\d+)\s+(\d+)\s`).FindStringSubmatch(string(list))
	if row == nil || row[2] != fmt.Sprint(fig.Figure.Width) || row[3] != fmt.Sprint(fig.Figure.Height) {
		s.fail("pdfimages lists no %dx%d image:\n%s", fig.Figure.Width, fig.Figure.Height, list)
	}
	text, err := exec.Command("pdftotext", "-f", row[1], "-l", row[1], out, "-").Output()
	if err != nil || !strings.Contains(string(text), "Figure 1: Chip exports by quarter") {
		s.fail("page %s of the PDF, where the picture is, lacks its caption (%v):\n%s", row[1], err, text)
	}
	_ = os.Remove(out)
}
