package widgets

import (
	"image/color"
	"image/png"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pinnedTheme is the default theme in one variant, whatever the settings say.
type pinnedTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t pinnedTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// TestDocumentFollowsTheTheme draws every kind of item in the light and
// the dark theme and checks the colours come from the theme. With
// DOC_SHOT=/some/prefix it also writes prefix-light.png and
// prefix-dark.png, to look at.
func TestDocumentFollowsTheTheme(t *testing.T) {
	items := []DocItem{
		{Kind: DocLabel, Text: "Key judgments"},
		{Kind: DocJudgment, Number: "1", Mark: "(U) ", Text: words(40, 1), Meta: "Moderate confidence"},
		{Kind: DocJudgment, Number: "2", Mark: "(S) ", Text: words(25, 2), Meta: "High confidence", Tag: "unmarked"},
		{Kind: DocHeading, Number: "1", Mark: "(U) ", Text: "Background to the campaign"},
		{Kind: DocBody, Mark: "(U) ", Text: words(70, 3)},
		{Kind: DocQuote, Mark: "(U) ", Text: "“" + words(50, 4) + "”", Meta: "Reuters wire, p. 4 · B2 · UNCLASSIFIED", Action: "Show in source"},
		{Kind: DocBody, Text: words(30, 5), Tag: "unmarked"},
		{Kind: DocHeading, Number: "2", Text: "Outlook"},
		{Kind: DocBody, Mark: "(U) ", Text: words(50, 6)},
	}
	td := newTestDocument(t, items, fyne.NewSize(800, 1000))
	td.d.SetHeader(widget.NewLabelWithStyle("Briefing title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	r := test.WidgetRenderer(td.d.body).(*docBodyRenderer)
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := pinnedTheme{theme.DefaultTheme(), v}
		fyne.CurrentApp().Settings().SetTheme(th)
		td.d.Refresh()
		test.MoveMouse(td.w.Canvas(), gapCanvasPos(td.d, 4))
		fg, warn := th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNameWarning, v)
		var body, tag *canvas.Text
		for _, o := range r.views[6].c.Objects {
			if tx, ok := o.(*canvas.Text); ok && tx.Text == "unmarked" {
				tag = tx
			} else if ok && body == nil {
				body = tx
			}
		}
		if body == nil || body.Color != fg || tag == nil || tag.Color != warn {
			t.Errorf("variant %v: body text %+v, tag %+v", v, body, tag)
		}
		if r.views[5].bg.FillColor != th.Color(theme.ColorNameInputBackground, v) {
			t.Errorf("variant %v: quote card %v", v, r.views[5].bg.FillColor)
		}
		if out := os.Getenv("DOC_SHOT"); out != "" {
			writePNG(t, out+map[fyne.ThemeVariant]string{theme.VariantLight: "-light.png", theme.VariantDark: "-dark.png"}[v], td.w)
		}
	}
}

func writePNG(t *testing.T, path string, w fyne.Window) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
