package acceptance

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// figureExcerpt is an excerpt as `excerpts --json` gives it, with its
// figure.
type figureExcerpt struct {
	excerpt
	Figure *struct {
		Page    int        `json:"page"`
		Caption string     `json:"caption"`
		Rect    [4]float64 `json:"rect"`
		Width   int        `json:"width"`
	} `json:"figure"`
}

// Scenario: a PDF report read on its pages. A three-page report with a
// chart on page 2 is imported with the command line and opened in the
// app, which shows its pages. A phrase on page 2 is drag-selected on the
// page and excerpted with Ctrl+Shift+E: the library holds it with the
// phrase as its quote and the offsets of the phrase in the source's text.
// Then the Figure tool's rectangle around the chart, with a caption,
// makes a figure excerpt of page 2.
func TestReadAPDFOnItsPagesAndExcerptTextAndAFigure(t *testing.T) {
	themes := []string{"light"}
	if os.Getenv("ATTACHE_ACCEPT_OUT") != "" {
		themes = append(themes, "dark") // screenshots of both, for review
	}
	for _, theme := range themes {
		t.Run(theme, func(t *testing.T) { readOnPages(t, theme) })
	}
}

func readOnPages(t *testing.T, theme string) {
	pdf := filepath.Join(t.TempDir(), "statecraft-report.pdf")
	if err := os.WriteFile(pdf, reportPDF(), 0o644); err != nil {
		t.Fatal(err)
	}
	s := newSession(t, 1280, 800)
	s.appEnv = []string{"FYNE_THEME=" + theme}
	s.do("import the report")
	s.cli("import", pdf)
	s.startApp()
	s.xdotool("windowsize", s.windowID(), "1280", "800")
	srcs := s.sources()
	if len(srcs) != 1 {
		s.fail("the library holds %d sources after the import, not 1", len(srcs))
	}
	var src struct {
		Text string `json:"text"`
	}
	s.cliJSON(&src, "source", "show", fmt.Sprint(srcs[0].ID))
	phraseAt := strings.Index(src.Text, reportPhrase)
	if phraseAt < 0 {
		s.fail("the source's text lacks %q: %q", reportPhrase, src.Text)
	}
	from := len([]rune(src.Text[:phraseAt]))
	to := from + len([]rune(reportPhrase))

	s.do("open the report: it shows its pages")
	s.clickOn("the report in the library list", typ("Label"), text(srcs[0].Title), inLayer("content"), shown())
	s.waitFor("the report's pages drawn", 20*time.Second, func(tr *tree) bool { return len(pageSheets(tr)) >= 2 })
	s.keepShot("pages-" + theme)
	s.do("go to page 2")
	s.clickOn("the page number field", typ("Entry"), placeholder("Page"), inLayer("content"), shown())
	s.typeText("2")
	s.key("Return")
	sheet := s.sheetInView(1)

	line := reportPages[1][0]
	i0 := strings.Index(line, reportPhrase)
	i1 := i0 + len(reportPhrase) - 1
	s.do("drag-select %q on page 2", reportPhrase)
	ax0, ay0, ax1, ay1 := charBox(0, i0)
	bx0, by0, bx1, by1 := charBox(0, i1)
	s.dragOnPage(sheet, ax0+(ax1-ax0)/4, (ay0+ay1)/2, bx1-(bx1-bx0)/4, (by0+by1)/2)
	s.do("excerpt it with Ctrl+Shift+E")
	s.key("ctrl+shift+e")
	s.waitNode("the new-excerpt form with the phrase", typ("Label"), text(reportPhrase), inLayer("overlay"))
	s.clickOn("the form's Save excerpt", append(button("Save excerpt"), inLayer("overlay"))...)
	s.noOverlay("the new-excerpt form closes")
	var made []figureExcerpt
	s.waitLibrary("the excerpt of the phrase", func() bool {
		made = nil
		s.cliJSON(&made, "excerpts")
		return len(made) == 1
	})
	if e := made[0]; e.Start != from || e.End != to || e.Quote != reportPhrase || e.Figure != nil {
		s.fail("the library holds [%d,%d) %q (figure %v), not the phrase [%d,%d) %q", e.Start, e.End, e.Quote, e.Figure, from, to, reportPhrase)
	}

	s.do("cut the chart out with the Figure tool")
	s.clickOn("the Figure tool", append(button("Figure"), inLayer("content"), shown())...)
	sheet = s.sheetInView(1)
	x0, y0, x1, y1 := chartBounds()
	x0, y0, x1, y1 = x0-0.03, y0-0.03, x1+0.03, y1+0.03
	s.dragOnPage(sheet, x0, y0, x1, y1)
	s.waitNode("the new figure form", typ("Label"), text("New figure excerpt"), inLayer("overlay"))
	s.fieldBeside("Caption")
	s.typeText("Licences refused by quarter")
	s.keepShot("figure-form-" + theme)
	s.clickOn("the form's Save figure", append(button("Save figure"), inLayer("overlay"))...)
	s.noOverlay("the figure form closes")
	var fig *figureExcerpt
	s.waitLibrary("the figure excerpt", func() bool {
		made = nil
		s.cliJSON(&made, "excerpts")
		for i := range made {
			if made[i].Figure != nil {
				fig = &made[i]
			}
		}
		return fig != nil
	})
	if fig.Figure.Page != 2 || fig.Figure.Caption != "Licences refused by quarter" || fig.Start != fig.End {
		s.fail("the figure excerpt is of page %d, caption %q, span [%d,%d): want page 2, the caption, no text",
			fig.Figure.Page, fig.Figure.Caption, fig.Start, fig.End)
	}
	// Where the mouse went, within a pixel or two of the sheet; drawn at
	// 300 dpi.
	px := 3 / float64(sheet.W)
	if r := fig.Figure.Rect; math.Abs(r[0]-x0) > px || math.Abs(r[1]-y0) > px*reportW/reportH || math.Abs(r[2]-x1) > px || math.Abs(r[3]-y1) > px*reportW/reportH {
		s.fail("the figure's rectangle is %v, not the one dragged, %.3f,%.3f–%.3f,%.3f", r, x0, y0, x1, y1)
	}
	if want := (fig.Figure.Rect[2] - fig.Figure.Rect[0]) * reportW * 300 / 72; math.Abs(float64(fig.Figure.Width)-want) > 3 {
		s.fail("the figure is %d pixels wide, not the %.0f of its rectangle at 300 dpi", fig.Figure.Width, want)
	}
	time.Sleep(500 * time.Millisecond)
	s.keepShot("pages-marked-" + theme)
}

// pageSheets is the page images the page view shows, by page (from 0):
// a page's place down the view tells which it is, the sheets standing a
// gap apart from the top of the pages' stack.
func pageSheets(tr *tree) map[int]*node {
	view := tr.find(typ("PageView"), shown())
	if view == nil {
		return nil
	}
	gap := 16 * tr.win.Scale
	if gap == 0 {
		gap = 16
	}
	out := map[int]*node{}
	for _, n := range tr.all(typ("Image"), inside(view)) {
		if n.W < 200 || n.parent == nil { // the toolbar's icons
			continue
		}
		pitch := float64(n.H) + gap
		out[int(math.Round((float64(n.Y-n.parent.Y)-gap)/pitch))] = n
	}
	return out
}

// sheetInView waits for page's image to be drawn and wholly in view.
func (s *session) sheetInView(page int) *node {
	s.t.Helper()
	var sheet *node
	s.waitFor(fmt.Sprintf("page %d in view", page+1), 10*time.Second, func(tr *tree) bool {
		sheet = pageSheets(tr)[page]
		if sheet == nil {
			return false
		}
		v := sheet.visible()
		return v.H >= sheet.H*9/10 // the chart, low on the page, shows
	})
	return sheet
}

// dragOnPage drags the mouse on a page's sheet from one point to another,
// given as fractions of the page.
func (s *session) dragOnPage(sheet *node, fx0, fy0, fx1, fy1 float64) {
	s.t.Helper()
	at := func(fx, fy float64) (int, int) {
		return s.winX + sheet.X + int(fx*float64(sheet.W)), s.winY + sheet.Y + int(fy*float64(sheet.H))
	}
	x0, y0 := at(fx0, fy0)
	x1, y1 := at(fx1, fy1)
	s.xdotool("mousemove", "--sync", fmt.Sprint(x0), fmt.Sprint(y0), "sleep", "0.1", "mousedown", "1")
	for i := 1; i <= 10; i++ {
		x, y := x0+(x1-x0)*i/10, y0+(y1-y0)*i/10
		s.xdotool("mousemove", "--sync", fmt.Sprint(x), fmt.Sprint(y), "sleep", "0.03")
	}
	s.xdotool("sleep", "0.1", "mouseup", "1")
	time.Sleep(400 * time.Millisecond)
}
