package app

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// The surfaces text is drawn on: plain ones, and translucent ones (a
// selected, hovered or focused row) composed over the background they lie on.
var textSurfaces = []struct {
	name      string
	over      fyne.ThemeColorName // what a translucent surface lies on
	translucs []fyne.ThemeColorName
}{
	{"background", theme.ColorNameBackground, nil},
	{"input", theme.ColorNameInputBackground, nil},
	{"header", theme.ColorNameHeaderBackground, nil},
	{"menu", theme.ColorNameMenuBackground, nil},
	{"dialog", theme.ColorNameOverlayBackground, nil},
	{"button", theme.ColorNameButton, nil},
	{"disabled button", theme.ColorNameDisabledButton, nil},
	{"selected row", theme.ColorNameBackground, []fyne.ThemeColorName{theme.ColorNameSelection}},
	{"selected, hovered row", theme.ColorNameBackground, []fyne.ThemeColorName{theme.ColorNameSelection, theme.ColorNameHover}},
	{"focused row", theme.ColorNameBackground, []fyne.ThemeColorName{theme.ColorNameFocus}},
	{"hovered row", theme.ColorNameBackground, []fyne.ThemeColorName{theme.ColorNameHover}},
	{"selected text in a field", theme.ColorNameInputBackground, []fyne.ThemeColorName{theme.ColorNameSelection}},
	{"hovered button", theme.ColorNameButton, []fyne.ThemeColorName{theme.ColorNameHover}},
	{"selected menu item", theme.ColorNameMenuBackground, []fyne.ThemeColorName{theme.ColorNameFocus}},
}

// The text colours every surface must carry at 4.5:1 (WCAG 2.x AA for
// body text): body text, secondary text (low importance labels, disabled
// buttons), placeholders and links.
var textColors = []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNameDisabled, theme.ColorNameHyperlink}

// Placeholders and status texts (the read-only banner, errors under
// fields) appear on the window's, dialogs' and fields' backgrounds only.
var plainColors = []fyne.ThemeColorName{theme.ColorNamePlaceHolder, theme.ColorNameError, theme.ColorNameWarning, theme.ColorNameSuccess}

func TestThemeTextContrastAA(t *testing.T) {
	test.NewTempApp(t) // the stock theme reads the app's primary colour
	for _, pinned := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := newReadableTheme(&pinned)
		// The pinned variant wins whatever the system asks for.
		c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, 1-pinned) }
		name := map[fyne.ThemeVariant]string{theme.VariantLight: "light", theme.VariantDark: "dark"}[pinned]
		for _, s := range textSurfaces {
			bg := c(s.over)
			for _, tr := range s.translucs {
				bg = over(c(tr), bg)
			}
			colors := textColors
			if len(s.translucs) == 0 && (s.name == "background" || s.name == "dialog" || s.name == "input") {
				colors = append(append([]fyne.ThemeColorName{}, textColors...), plainColors...)
			}
			for _, fg := range colors {
				if r := contrast(c(fg), bg); r < 4.5 {
					t.Errorf("%s theme: %s text on %s: %.2f:1, want at least 4.5:1", name, fg, s.name, r)
				}
			}
		}
		for fg, bgName := range map[fyne.ThemeColorName]fyne.ThemeColorName{
			theme.ColorNameForegroundOnPrimary: theme.ColorNamePrimary,
			theme.ColorNameForegroundOnError:   theme.ColorNameError,
			theme.ColorNameForegroundOnWarning: theme.ColorNameWarning,
			theme.ColorNameForegroundOnSuccess: theme.ColorNameSuccess,
		} {
			if r := contrast(c(fg), c(bgName)); r < 4.5 {
				t.Errorf("%s theme: %s on a %s button: %.2f:1, want at least 4.5:1", name, fg, bgName, r)
			}
		}
	}
}

// The stock theme fails the check: the test can tell.
func TestThemeContrastCheckCatchesStockTheme(t *testing.T) {
	test.NewTempApp(t)
	stock := theme.DefaultTheme()
	bg := stock.Color(theme.ColorNameBackground, theme.VariantLight)
	if r := contrast(stock.Color(theme.ColorNameDisabled, theme.VariantLight), bg); r >= 4.5 {
		t.Fatalf("stock secondary text has %.2f:1; the premise of the readable theme is gone", r)
	}
}

func TestContrastKnownValues(t *testing.T) {
	black, white := rgb(0, 0, 0), rgb(0xff, 0xff, 0xff)
	for _, tc := range []struct {
		a, b color.Color
		want float64
	}{{black, white, 21}, {white, white, 1}, {rgb(0x76, 0x76, 0x76), white, 4.54}} {
		if got := contrast(tc.a, tc.b); math.Abs(got-tc.want) > 0.01 {
			t.Errorf("contrast(%v, %v) = %.3f, want %.2f", tc.a, tc.b, got, tc.want)
		}
	}
	if got := fmt.Sprint(over(color.NRGBA{A: 0x80}, white)); got != fmt.Sprint(color.NRGBA{R: 0x7f, G: 0x7f, B: 0x7f, A: 0xff}) {
		t.Errorf("half-black over white = %s", got)
	}
}

// contrast is WCAG 2.x's contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}

// over composes a translucent colour on an opaque one.
func over(top, bottom color.Color) color.Color {
	t := color.NRGBAModel.Convert(top).(color.NRGBA)
	b := color.NRGBAModel.Convert(bottom).(color.NRGBA)
	a := float64(t.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(float64(x)*a + float64(y)*(1-a)) }
	return color.NRGBA{R: mix(t.R, b.R), G: mix(t.G, b.G), B: mix(t.B, b.B), A: 0xff}
}

// Switching the theme in Settings recolours what is already on screen: the
// sidebar's rows must not keep the old variant's text colour.
func TestThemeSwitchRecoloursTheSidebar(t *testing.T) {
	u, _ := newTestUI(t)
	for _, name := range []string{"Dark", "Light", "Dark"} {
		fyne.DoAndWait(func() {
			u.app.Preferences().SetString(prefTheme, name)
			u.applyTheme()
		})
		var v fyne.ThemeVariant = theme.VariantLight
		if name == "Dark" {
			v = theme.VariantDark
		}
		bg := newReadableTheme(&v).Color(theme.ColorNameBackground, v)
		var texts []*canvas.Text
		fyne.DoAndWait(func() {
			walkRendered(u.nav, func(o fyne.CanvasObject) {
				if tx, ok := o.(*canvas.Text); ok && tx.Text != "" {
					texts = append(texts, tx)
				}
			})
		})
		if len(texts) < 3 {
			t.Fatalf("found %d texts in the sidebar", len(texts))
		}
		for _, tx := range texts {
			if r := contrast(tx.Color, bg); r < 4.5 {
				t.Errorf("%s theme: sidebar %q drawn at %.2f:1 on the background", name, tx.Text, r)
			}
		}
	}
}

// walkRendered visits o and everything its renderers draw.
func walkRendered(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch x := o.(type) {
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walkRendered(c, fn)
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			walkRendered(c, fn)
		}
	}
}
