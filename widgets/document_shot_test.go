package widgets

import (
	"image/png"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func TestDocumentShot(t *testing.T) {
	out := os.Getenv("DOC_SHOT")
	if out == "" {
		t.Skip("set DOC_SHOT")
	}
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
	for _, variant := range []string{"light", "dark"} {
		td := newTestDocument(t, items, fyne.NewSize(800, 1000))
		if variant == "dark" {
			fyne.CurrentApp().Settings().SetTheme(theme.DarkTheme())
		} else {
			fyne.CurrentApp().Settings().SetTheme(theme.LightTheme())
		}
		title := widget.NewLabelWithStyle("Briefing title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		td.d.SetHeader(title)
		td.d.Refresh()
		test.MoveMouse(td.w.Canvas(), gapCanvasPos(td.d, 4))
		img := td.w.Canvas().Capture()
		f, err := os.Create(out + "-" + variant + ".png")
		if err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
}
